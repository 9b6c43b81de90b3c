"""`orgnet query FILE` with Neo4j Browser parameter lines (issue #20, part 3), against a real server:
the lines are the defaults, evaluated by the server as Neo4j Browser does, and --param overrides them."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from typer.testing import CliRunner

from orgnet import cypher
from orgnet.cli import app
from tests.conftest import TINY
from tests.neo4j.test_cli_neo4j import Env

runner = CliRunner()
MINE = """// the organizations of a region with at least $least women on staff, as pasted into Neo4j Browser
:param region => 'R1'
:param {least: 1, day: date('2012-06-30')}
MATCH (o:Organization)-[:LOCATED_IN]->(:Region {id: $region})
WHERE o.female_staff >= $least
RETURN o.id AS id, $day AS day ORDER BY id
"""


@pytest.fixture
def env(neo4j_engine):
    neo4j_engine(TINY)
    s = neo4j_engine.settings
    return Env(NEO4J_URI=s.uri, NEO4J_USERNAME=s.username, NEO4J_PASSWORD=s.password or "",
               NEO4J_DATABASE=s.database or "")


def run(env, *args):
    return runner.invoke(app, [str(a) for a in args], env=env)


def rows(result) -> list[list[str]]:
    assert result.exit_code == 0, result.output
    return pd.read_csv(io.StringIO(result.stdout), dtype=str).values.tolist()


@pytest.mark.neo4j
def test_param_lines_are_the_defaults_and_param_overrides_them(env, tmp_path):
    mine = tmp_path / "mine.cypher"
    mine.write_text(MINE, encoding="utf-8")
    assert rows(run(env, "query", mine, "-f", "csv")) == [["O3", "2012-06-30"], ["O9", "2012-06-30"]]
    # typed like the file's values: 20 a number, 2012/6/30 a date
    assert rows(run(env, "query", mine, "-p", "least=20", "-p", "day=2012/6/30", "-f", "csv")) == [["O9", "2012-06-30"]]
    assert rows(run(env, "query", mine, "-p", "region=R3", "-p", "least=0", "-f", "csv")) == [["O5", "2012-06-30"]]


@pytest.mark.neo4j
def test_params_replaces_and_clears_as_neo4j_browser_does(env, tmp_path):
    replaced = tmp_path / "replaced.cypher"
    replaced.write_text(":param region => 'R5'\n:param least => 50\n:params {region: 'R1', least: 30}\n"
                        "MATCH (o:Organization)-[:LOCATED_IN]->(:Region {id: $region}) WHERE o.female_staff >= $least\n"
                        "RETURN o.id AS id ORDER BY id\n", encoding="utf-8")
    assert rows(run(env, "query", replaced, "-f", "csv")) == [["O9"]]
    cleared = tmp_path / "cleared.cypher"
    cleared.write_text(":param nobody => 1\n:params clear\nRETURN $nobody AS x\n", encoding="utf-8")
    result = run(env, "query", cleared)
    assert result.exit_code == 2 and "$nobody" in result.stderr


@pytest.mark.neo4j
def test_a_shipped_query_with_its_param_lines_uncommented_runs_as_is(env, tmp_path):
    """README: the shipped files' `// :param` lines are for Neo4j Browser; pasted as real lines, orgnet
    runs the file too, with the same answer as the shipped query on that day."""
    text = cypher.read("queries/gaps.cypher").replace("// :param", ":param")
    assert ":param as_of => date('2012-06-30')" in text
    pasted = tmp_path / "gaps.cypher"
    pasted.write_text(text, encoding="utf-8")
    result = run(env, "query", pasted, "-f", "csv")
    assert "SyntaxError" not in result.output
    assert result.stdout == run(env, "query", "gaps", "-p", "as_of=2012-06-30", "-f", "csv").stdout
    assert "as of" not in result.stderr  # the day came from the file: no "today" said


@pytest.mark.neo4j
def test_a_param_the_server_cannot_evaluate_names_its_line(env, tmp_path):
    bad = tmp_path / "bad.cypher"
    bad.write_text("// one\n:param day => date('2012-13-45')\nRETURN $day AS day\n", encoding="utf-8")
    result = run(env, "query", bad)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: {bad} line 2: \":param day => date('2012-13-45')\": the server could "
                                    "not evaluate it")
    assert "Traceback" not in result.output
    not_a_map = tmp_path / "list.cypher"
    not_a_map.write_text(":param {a: 1}\n:params [1, 2]\nRETURN $a AS a\n", encoding="utf-8")
    result = run(env, "query", not_a_map)
    assert result.exit_code == 2 and "line 2" in result.stderr


@pytest.mark.neo4j
def test_region_top_and_names_on_neo4j_match_networkx(env):
    """--region, --top and names are answered from the engine's facts: the same on the server."""
    for args in (["gaps", "--as-of", "2012/6/30", "--region", "东镇"],
                 ["overlaps", "--as-of", "2012-06-30", "--lens", "all", "--region", "东村", "--top", "1"],
                 ["impact", "--as-of", "2012-06-30", "--person", "王秀英"],
                 ["plan", "--as-of", "2012-06-30", "--top", "1"]):
        on_server = run(env, *args, "--backend", "neo4j", "-f", "csv")
        assert on_server.exit_code == 0, on_server.output
        assert on_server.stdout == run(env, args[0], TINY, *args[1:], "-f", "csv").stdout, args
    unknown = run(env, "gaps", "--backend", "neo4j", "--as-of", "2012-06-30", "--region", "北极")
    assert unknown.exit_code == 2 and "no region with that id or name" in unknown.stderr
