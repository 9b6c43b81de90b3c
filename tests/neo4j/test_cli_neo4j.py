"""The CLI against a real server: load, --backend neo4j, query; credentials never shown."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from orgnet.cli import app
from tests.conftest import TINY

runner = CliRunner()
AS_OF = ["--as-of", "2012-06-30"]


class Env(dict):
    """Environment variables for the runner; the password stays out of pytest's failure reports."""

    def __repr__(self) -> str:
        return repr({k: "***" if k == "NEO4J_PASSWORD" else v for k, v in self.items()})


@pytest.fixture
def env(neo4j_engine):
    s = neo4j_engine.settings
    return Env(NEO4J_URI=s.uri, NEO4J_USERNAME=s.username, NEO4J_PASSWORD=s.password or "",
               NEO4J_DATABASE=s.database or "")


def run(env, *args):
    return runner.invoke(app, [str(a) for a in args], env=env)


@pytest.mark.neo4j
def test_load_prints_counts_from_the_server(neo4j_engine, env, tiny_dataset):
    result = run(env, "load", TINY, "--wipe", "--yes", "--batch-size", "4")
    neo4j_engine.forget()
    assert result.exit_code == 0, result.output
    assert "wiped" in result.output and "posts" in result.output  # progress per table
    counts = dict(line.strip("│ ").split("│")[:2] for line in result.stdout.splitlines()
                  if line.startswith("│") and "│" in line.strip("│ "))
    counts = {k.strip(): int(v) for k, v in counts.items()}
    assert counts["Region"] == len(tiny_dataset["regions"]) and counts["Person"] == len(tiny_dataset["people"])


@pytest.mark.neo4j
def test_wipe_needs_confirmation(neo4j_engine, env):
    neo4j_engine(TINY)
    result = run(env, "load", TINY, "--wipe")  # stdin is not a terminal here
    assert result.exit_code == 2 and "--yes" in result.output


COMMANDS = {
    "gaps": AS_OF, "overlaps": AS_OF, "nameplates": AS_OF, "plan": AS_OF, "stats": [*AS_OF, "--all-regions"],
    "liaison-check": ["--year", "2012"],
}


@pytest.mark.neo4j
@pytest.mark.parametrize("command", list(COMMANDS))
def test_backend_neo4j_prints_what_networkx_prints(neo4j_engine, env, command):
    neo4j_engine(TINY)
    local = run(env, command, TINY, *COMMANDS[command], "-f", "csv")
    remote = run(env, command, "--backend", "neo4j", *COMMANDS[command], "-f", "csv")
    assert local.exit_code == 0 and remote.exit_code == 0, remote.output
    assert remote.stdout == local.stdout and len(local.stdout.splitlines()) > 1


@pytest.mark.neo4j
def test_summary_on_neo4j(neo4j_engine, env):
    neo4j_engine(TINY)
    assert run(env, "summary", "--backend", "neo4j", *AS_OF).stdout == run(env, "summary", TINY, *AS_OF).stdout


@pytest.mark.neo4j
def test_query_runs_shipped_queries_and_files(neo4j_engine, env, tmp_path):
    neo4j_engine(TINY)
    result = run(env, "query", "gaps", "--param", "as_of=2012-06-30", "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    o3 = [{k: row[k] for k in ("org_id", "org_name", "region_id", "rule", "female_staff", "township_name")}
          for row in rows if row["org_id"] == "O3"]
    assert o3 == [{"org_id": "O3", "org_name": "小康超市", "region_id": "R1", "rule": "liaison_required",
                   "female_staff": 12, "township_name": "东镇"}]
    strict = run(env, "query", "gaps", "-p", "as_of=2012-06-30", "-p", "committee_min_female=40", "-f", "csv")
    frame = pd.read_csv(io.StringIO(strict.stdout))
    assert sorted(frame[frame.rule == "committee_required"].org_id) == ["O1"]
    mine = tmp_path / "mine.cypher"
    mine.write_text("MATCH (r:Region {id: $region})<-[:PART_OF]-(c:Region)\n"
                    "RETURN c.id AS id, c.name AS name, $day AS day ORDER BY id", encoding="utf-8")
    result = run(env, "query", mine, "-p", "region=R0", "-p", "day=2012-06-30", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["id,name,day", "R1,东镇,2012-06-30", "R2,西街道,2012-06-30",
                                          "R5,测试工业园区,2012-06-30"]
    events = run(env, "query", "events", "-p", "start=2012-01-01", "-p", "end=2012-12-31", "-f", "json")
    assert events.exit_code == 0 and {r["subject_id"] for r in json.loads(events.stdout)} >= {"B15", "P13"}


@pytest.mark.neo4j
def test_query_is_read_only_unless_asked(neo4j_engine, env, tmp_path):
    neo4j_engine(TINY)
    writer = tmp_path / "write.cypher"
    writer.write_text("CREATE (n:NotOrgnet {id: 'w'}) RETURN n.id AS id", encoding="utf-8")
    refused = run(env, "query", writer)
    assert refused.exit_code == 2 and "--write" in refused.output
    allowed = run(env, "query", writer, "--write", "-f", "csv")
    assert allowed.exit_code == 0 and allowed.stdout.splitlines() == ["id", "w"]
    cleanup = tmp_path / "cleanup.cypher"
    cleanup.write_text("MATCH (n:NotOrgnet) DELETE n RETURN count(*) AS deleted", encoding="utf-8")
    assert run(env, "query", cleanup, "--write", "-f", "csv").stdout.splitlines() == ["deleted", "1"]


@pytest.mark.neo4j
def test_query_errors_are_one_clear_line(neo4j_engine, env, tmp_path):
    neo4j_engine(TINY)
    missing = run(env, "query", "gaps", "-p", "as_of=30/06/2012")
    assert missing.exit_code == 2 and "as_of" in missing.output
    unknown = tmp_path / "needs.cypher"
    unknown.write_text("RETURN $nobody AS x", encoding="utf-8")
    result = run(env, "query", unknown)
    assert result.exit_code == 2 and "$nobody" in result.output
    broken = tmp_path / "broken.cypher"
    broken.write_text("MATCH (n RETURN n", encoding="utf-8")
    result = run(env, "query", broken)
    assert result.exit_code == 1 and "Neo.ClientError.Statement.SyntaxError" in result.output


def test_query_list_needs_no_server():
    result = runner.invoke(app, ["query", "--list", "-f", "csv"])
    assert result.exit_code == 0
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert {"gaps", "overlaps", "nameplates", "plan", "liaison_check", "stats", "active_posts"} <= set(frame["query"])
    assert "$as_of" in frame.set_index("query").at["gaps", "parameters"]


@pytest.mark.neo4j
def test_wrong_password_is_one_line_and_not_shown(neo4j_engine, env):
    secret = "not-the-password-1234567"
    result = run(Env(env, NEO4J_PASSWORD=secret), "gaps", "--backend", "neo4j", *AS_OF)
    assert result.exit_code == 1
    assert secret not in result.output
    assert len(result.output.strip().splitlines()) == 1 and "credentials" in result.output
    result = run(env, "load", TINY, "--neo4j-password", secret)
    assert result.exit_code == 1 and secret not in result.output


def test_unreachable_server_is_one_line():
    env = {"NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "secret-xyz"}
    result = runner.invoke(app, ["gaps", "--backend", "neo4j", *AS_OF], env=env)
    assert result.exit_code == 1 and "not reachable" in result.output
    assert len(result.output.strip().splitlines()) == 1 and "secret-xyz" not in result.output


def test_no_server_configured():
    result = runner.invoke(app, ["gaps", "--backend", "neo4j", *AS_OF], env={"NEO4J_URI": ""})
    assert result.exit_code == 2 and "NEO4J_URI" in result.output
