"""Hardening: bad input writes nothing to Neo4j, a server killed mid-load loses nothing after a rerun,
connection faults are one clean line, Ctrl-C leaves no half-written file, hostile names survive both
engines verbatim, and no Cypher is ever assembled from values."""

from __future__ import annotations

import ast
import csv
import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from orgnet.cli import app
from orgnet.rules import Rules
from tests.conftest import NEO4J_TOOL, ROOT, SAMPLES, TINY
from tests.test_bad_inputs import CASES, CORPUS, materialize

runner = CliRunner()
AS_OF = "2012-06-30"
PYTHON = sys.executable
ORGNET = [PYTHON, "-c", "from orgnet.cli import main; main()"]


class Env(dict):
    """Environment variables for the runner; the password stays out of pytest's failure reports."""

    def __repr__(self) -> str:
        return repr({k: "***" if k == "NEO4J_PASSWORD" else v for k, v in self.items()})


def env_for(settings) -> Env:
    return Env(NEO4J_URI=settings.uri, NEO4J_USERNAME=settings.username, NEO4J_PASSWORD=settings.password or "",
               NEO4J_DATABASE=settings.database or "")


def graph_size(driver, database=None) -> tuple[int, int]:
    """(nodes, relationships) in the whole database, counted directly."""
    with driver.session(database=database) as session:
        nodes = session.run("MATCH (n) RETURN count(n) AS c").single()["c"]
        rels = session.run("MATCH ()-[r]->() RETURN count(r) AS c").single()["c"]
    return nodes, rels


def assert_one_clean_line(text: str, password: str | None = None) -> None:
    assert "Traceback" not in text, text
    errors = [line for line in text.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, text
    if password:
        assert password not in text


def server_tool():
    spec = importlib.util.spec_from_file_location("orgnet_test_neo4j_server", NEO4J_TOOL)
    if spec.name in sys.modules:  # the session fixture's instance: share its child bookkeeping
        return sys.modules[spec.name]
    tool = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = tool
    spec.loader.exec_module(tool)
    return tool


# -- 1. bad input writes nothing -----------------------------------------------------------------
ERROR_CASES = [c for c in CASES if tomllib.loads((CORPUS / c / "expected.toml").read_text(encoding="utf-8"))["expect"] == "error"]


def test_error_cases_found():
    assert len(ERROR_CASES) >= 40


@pytest.mark.neo4j
@pytest.mark.parametrize("case", ERROR_CASES)
def test_bad_input_writes_nothing_to_neo4j(case, tmp_path, neo4j_engine):
    neo4j_engine(TINY)
    driver, settings = neo4j_engine.driver, neo4j_engine.settings
    before = graph_size(driver, settings.database)
    path, spec = materialize(case, tmp_path)
    assert spec["expect"] == "error"
    result = runner.invoke(app, ["load", str(path), "--yes"], env=env_for(settings))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for want in spec["problems"]:
        assert want["file"] in result.stderr, result.stderr
    assert settings.password not in result.output
    assert graph_size(driver, settings.database) == before


# -- 2. kill the server mid-load, restart, rerun ---------------------------------------------------
@pytest.fixture(scope="module")
def scale_dataset(tmp_path_factory) -> Path:
    from orgnet.generate import generate

    out = tmp_path_factory.mktemp("scale") / "scale"
    generate("scale", 1, out, orgs=3_000)
    return out


@pytest.mark.neo4j
def test_server_killed_mid_load_then_rerun_gives_a_clean_copy(scale_dataset, neo4j_engine, tmp_path):
    import neo4j

    # What a clean single load of this dataset gives (session server, wiped first by the fixture).
    clean = graph_size(neo4j_engine(scale_dataset).driver, neo4j_engine.settings.database)
    assert clean[0] > 15_000

    tool = server_tool()
    server = tool.start(workdir=tmp_path)
    env = {**os.environ, "NEO4J_URI": server.uri, "NEO4J_USERNAME": server.username,
           "NEO4J_PASSWORD": server.password, "NEO4J_DATABASE": "", "COLUMNS": "200"}
    command = [*ORGNET, "load", str(scale_dataset), "--batch-size", "500"]
    try:
        load = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            with neo4j.GraphDatabase.driver(server.uri, auth=server.auth) as watcher:
                deadline = time.monotonic() + 120
                while graph_size(watcher)[0] < 2_000:
                    assert load.poll() is None, load.communicate()
                    assert time.monotonic() < deadline, "the load wrote nothing within 120 s"
                    time.sleep(0.2)
            os.kill(server.pid, signal.SIGKILL)
            stdout, stderr = load.communicate(timeout=180)
        finally:
            if load.poll() is None:
                load.kill()
        assert load.returncode == 1, (stdout, stderr)
        assert_one_clean_line(stderr, server.password)
        message = next(line for line in stderr.splitlines() if line.startswith("error:"))
        assert re.search(r"while loading \w+ after [\d,]+ of [\d,]+ rows", message), message
        assert "rerun the same command" in message
        assert server.password not in stdout

        server = tool.restart(server)  # same home: the data written before the kill survives
        with neo4j.GraphDatabase.driver(server.uri, auth=server.auth) as driver:
            partial = graph_size(driver)
            assert 0 < partial[0] < clean[0]
            rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
            assert rerun.returncode == 0, rerun.stderr
            assert "Traceback" not in rerun.stderr
            assert graph_size(driver) == clean
    finally:
        tool.stop(server, remove_home=True)


# -- 3. connection faults ------------------------------------------------------------------------
def closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the socket is: nothing listens there


def test_connection_refused_is_one_line(tmp_path):
    secret = "s3cr3t-pw-refused"
    result = runner.invoke(app, ["load", str(TINY), "--neo4j-uri", f"bolt://127.0.0.1:{closed_port()}"],
                           env=Env(NEO4J_PASSWORD=secret, NEO4J_USERNAME="neo4j", NEO4J_DATABASE=""))
    assert result.exit_code == 1, result.output
    assert_one_clean_line(result.stderr, secret)
    assert "not reachable" in result.stderr


@pytest.mark.neo4j
def test_wrong_password_is_one_line(neo4j_engine):
    neo4j_engine(TINY)
    settings = neo4j_engine.settings
    before = graph_size(neo4j_engine.driver, settings.database)
    env = env_for(settings)
    env["NEO4J_PASSWORD"] = "wrong-" + (settings.password or "x")
    result = runner.invoke(app, ["load", str(TINY)], env=env)
    assert result.exit_code == 1, result.output
    assert_one_clean_line(result.stderr, env["NEO4J_PASSWORD"])
    assert settings.password not in result.output
    assert "refused the credentials" in result.stderr
    assert graph_size(neo4j_engine.driver, settings.database) == before
    wait_until_unlocked(settings)


def wait_until_unlocked(settings, timeout: float = 60) -> None:
    """After failed logins Neo4j locks the user for a while (dbms.security.auth_lock_time): wait it out,
    so the tests after this one meet the server as a user would, not a rate limit."""
    import neo4j

    deadline = time.monotonic() + timeout
    while True:
        try:
            with neo4j.GraphDatabase.driver(settings.uri, auth=(settings.username, settings.password)) as driver:
                driver.verify_connectivity()
            return
        except neo4j.exceptions.Neo4jError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


@pytest.mark.neo4j
@pytest.mark.parametrize("command", [["load", str(TINY)], ["query", "gaps", "--param", f"as_of={AS_OF}"],
                                     ["gaps", "--backend", "neo4j", "--as-of", AS_OF]])
def test_wrong_database_is_one_line(neo4j_engine, command):
    settings = neo4j_engine.settings
    result = runner.invoke(app, [*command, "--neo4j-database", "nosuchdb"], env=env_for(settings))
    assert result.exit_code == 1, result.output
    assert_one_clean_line(result.stderr, settings.password)
    assert "nosuchdb" in result.stderr and "NEO4J_DATABASE" in result.stderr


def test_server_too_old_is_refused(monkeypatch):
    """No 4.x server here: the version the server reports is faked; the check itself is real."""
    from orgnet.engines import neo4j as engine
    from orgnet.engines.neo4j import connection

    class FakeDriver:
        closed = False

        def verify_connectivity(self):
            pass

        def close(self):
            FakeDriver.closed = True

    monkeypatch.setattr(engine.neo4j.GraphDatabase, "driver", lambda *a, **k: FakeDriver())
    monkeypatch.setattr(connection, "server_version", lambda driver, database=None: "4.4.30")
    secret = "s3cr3t-pw-old"
    result = runner.invoke(app, ["load", str(TINY), "--neo4j-uri", "bolt://old.example:7687"],
                           env=Env(NEO4J_PASSWORD=secret, NEO4J_USERNAME="neo4j", NEO4J_DATABASE=""))
    assert result.exit_code == 1, result.output
    assert_one_clean_line(result.stderr, secret)
    assert "version 4.4.30" in result.stderr and "5.0 or later" in result.stderr
    assert FakeDriver.closed
    engine.check_version("5.0.0")
    engine.check_version("2025.01.0")  # calendar versioning after 5.26


@pytest.mark.neo4j
def test_real_server_passes_the_version_check(neo4j_engine):
    from orgnet.engines import neo4j as engine

    version = engine.server_version(neo4j_engine.driver, neo4j_engine.settings.database)
    assert re.match(r"\d+\.\d+", version), version
    engine.check_version(version)


# -- 4. Ctrl-C leaves no half-written output --------------------------------------------------------
@pytest.mark.parametrize("args", [
    ["report", str(SAMPLES["beihu"]), "--as-of", AS_OF],
    ["export", "{scale}", "--to", "graphml"],
])
def test_ctrl_c_leaves_no_half_written_output(args, tmp_path, scale_dataset):
    """Ctrl-C part-way through leaves neither the output nor a temp file. "Part-way" is measured
    on this machine: a whole run first (which must write the file), then Ctrl-C at 60% of its time
    (40% if the run was quicker that time)."""
    args = [a.format(scale=scale_dataset) for a in args]
    whole = tmp_path / "whole" / "result.file"
    whole.parent.mkdir()
    started = time.monotonic()
    done = subprocess.run([*ORGNET, *args, "-o", str(whole)], capture_output=True, text=True, timeout=300)
    took = time.monotonic() - started
    assert done.returncode == 0 and whole.stat().st_size > 0, done.stderr
    for attempt, share in enumerate((0.6, 0.4)):
        out = tmp_path / f"out{attempt}" / "result.file"
        out.parent.mkdir()
        # A shell without job control starts background commands with SIGINT ignored, and the
        # child would inherit that (a test run started with `… &` then saw the export finish):
        # give it the default, as a terminal does.
        proc = subprocess.Popen([*ORGNET, *args, "-o", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        time.sleep(took * share)
        if proc.poll() is None:
            break
        proc.communicate()
    else:
        pytest.fail(f"finished before Ctrl-C could be sent, twice (a whole run took {took:.1f} s)")
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, (stdout, stderr)
    assert "Traceback" not in stderr
    assert not out.exists()
    assert list(out.parent.iterdir()) == [], "a temp file was left behind"


# -- 5. hostile data -----------------------------------------------------------------------------
HOSTILE = ["'}) DETACH DELETE n //", "<img src=x onerror=alert(1)>", '=HYPERLINK("http://x","y")',
           "\u202eevil\u202c name", "长" * 5000]
HOSTILE_PEOPLE = ["P1", "P2", "P3", "P4", "P6"]  # all in overlaps as of 2012-06-30
HOSTILE_ORGS = ["O1", "O10", "O2", "O9", "O3"]  # all in gaps as of 2012-06-30


def rename(path: Path, ids: list[str], names: list[str]) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    new = dict(zip(ids, names, strict=True))
    for row in rows:
        row["name"] = new.get(row["id"], row["name"])
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "tiny"
    shutil.copytree(TINY, folder, ignore=shutil.ignore_patterns("README.md"))
    rename(folder / "people.csv", HOSTILE_PEOPLE, HOSTILE)
    rename(folder / "organizations.csv", HOSTILE_ORGS, HOSTILE)
    return folder


def check_hostile(engine) -> None:
    rules = Rules()
    overlaps = engine.answer("overlaps", as_of=AS_OF, rules=Rules(overlap_lens="all"))
    names = dict(zip(overlaps["person_id"], overlaps["person_name"]))
    assert {p: names.get(p) for p in HOSTILE_PEOPLE} == dict(zip(HOSTILE_PEOPLE, HOSTILE))
    gaps = engine.answer("gaps", as_of=AS_OF, rules=rules)
    orgs = dict(zip(gaps["org_id"], gaps["org_name"]))
    assert {o: orgs.get(o) for o in HOSTILE_ORGS} == dict(zip(HOSTILE_ORGS, HOSTILE))


def test_hostile_names_verbatim_on_networkx(hostile):
    from orgnet.engines.networkx import NetworkxEngine
    from orgnet.api import load_dataset

    check_hostile(NetworkxEngine(load_dataset(hostile)))
    result = runner.invoke(app, ["overlaps", str(hostile), "--as-of", AS_OF, "--lens", "all", "-f", "json"])
    assert result.exit_code == 0, result.output
    import json

    assert {r["person_name"] for r in json.loads(result.stdout)} >= set(HOSTILE)


@pytest.mark.neo4j
def test_hostile_names_verbatim_on_neo4j(hostile, neo4j_engine):
    driver, database = neo4j_engine.driver, neo4j_engine.settings.database
    tiny_size = graph_size(neo4j_engine(TINY).driver, database)
    engine = neo4j_engine(hostile)
    assert graph_size(driver, database) == tiny_size  # nothing deleted, nothing extra
    check_hostile(engine)
    # Load it again over itself (MERGE): still nothing deleted.
    from orgnet.api import load_dataset
    from orgnet.engines.neo4j import load_dataset as load_into

    load_into(driver, load_dataset(hostile), database=database, schema=False)
    assert graph_size(driver, database) == tiny_size
    check_hostile(engine)


CYPHER_WORDS = re.compile(r"\b(MATCH|MERGE|CREATE|SET|DELETE|DETACH|CALL|UNWIND|RETURN|WITH|WHERE|REMOVE)\b")


def _literal_text(node) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_literal_text(v) for v in node.values)
    return ""


def test_no_cypher_is_assembled_from_values():
    """Cypher text comes from the shipped .cypher files (or constant strings); values are parameters."""
    offenders = []
    for path in sorted((ROOT / "src" / "orgnet").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            built = None
            if isinstance(node, ast.JoinedStr) and any(isinstance(v, ast.FormattedValue) for v in node.values):
                built = _literal_text(node)
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
                built = _literal_text(node.left) + _literal_text(node.right)
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr in ("format", "format_map", "replace", "join")):
                built = _literal_text(node.func.value)
            if built and CYPHER_WORDS.search(built):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {built[:80]!r}")
    assert offenders == []


def test_statements_run_are_constants_or_shipped_files():
    """Every .run(...) / execute_* statement in the Neo4j code is a constant or a name bound from
    orgnet.cypher (files), never an expression built in place."""
    neo4j_package = ROOT / "src" / "orgnet" / "engines" / "neo4j"
    for path in (*sorted(neo4j_package.glob("*.py")), ROOT / "src" / "orgnet" / "cypher.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "run" and node.args:
                first = node.args[0]
                assert isinstance(first, ast.Constant | ast.Name), f"{path.name}:{node.lineno}: {ast.unparse(first)}"
