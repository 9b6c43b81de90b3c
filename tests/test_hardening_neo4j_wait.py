"""Hardening (issue #23, class 5): orgnet never waits for a Neo4j server without end, and refuses
URIs it cannot speak to up front.

The servers here are fakes on 127.0.0.1 (``tests/fake_bolt.py``): one that never answers the Bolt
handshake, one that logs in and then never answers a query. Each command runs with a deadline (in
a thread, or a process of its own), so that a wait without end fails the test instead of hanging
it. The waits on
a real server (a load blocked by another transaction's lock, a query too slow) are in
``tests/neo4j/test_neo4j_wait.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest
from typer.testing import CliRunner

from orgnet.cli import app
from tests.conftest import TINY
from tests.fake_bolt import FakeBolt

runner = CliRunner()
ORGNET = [sys.executable, "-c", "from orgnet.cli import main; main()"]
AS_OF = ["--as-of", "2012-06-30"]
SECRET = "s3cr3t-pw-wait"

#: Every command that talks to Neo4j, with what it first waits for after logging in.
COMMANDS = {
    "gaps": (["gaps", "--backend", "neo4j", *AS_OF], "the query 'gaps'"),
    "stats": (["stats", "--backend", "neo4j", *AS_OF], "the query 'stats'"),
    "query": (["query", "overlaps", "--param", "as_of=2012-06-30"], "the query 'overlaps'"),
    "load": (["load", str(TINY)], "CREATE CONSTRAINT region_id (schema.cypher)"),
}


ENV = {"NEO4J_URI": None, "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": SECRET, "NEO4J_DATABASE": "",
       "ORGNET_NEO4J_TIMEOUT": None}


def orgnet(*args, deadline: float = 30):
    """Run ``orgnet`` here, in a thread that the test waits ``deadline`` seconds for at most (then
    it fails: the command waited without end); the result and the seconds it took."""
    box = {}
    started = time.monotonic()
    worker = threading.Thread(target=lambda: box.update(result=runner.invoke(app, list(args), env=ENV)), daemon=True)
    worker.start()
    worker.join(deadline)
    if worker.is_alive():
        pytest.fail(f"orgnet {' '.join(args)} still waiting after {deadline} s")
    return box["result"], time.monotonic() - started


def one_error_line(text: str) -> str:
    assert "Traceback" not in text and SECRET not in text, text
    errors = [line for line in text.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and len(text.strip().splitlines()) == 1, text
    return errors[0]


# -- connecting -----------------------------------------------------------------------------------
def test_a_server_that_never_answers_the_handshake_is_given_up_on():
    with FakeBolt("silent") as server:
        done, took = orgnet("gaps", "--backend", "neo4j", *AS_OF, "--neo4j-uri", server.uri, "--neo4j-timeout", "1")
    line = one_error_line(done.stderr)
    assert done.exit_code == 1, done.stderr
    assert f"the Neo4j server at {server.uri}: no answer to the connection" in line, line
    assert "within 1 s" in line and "--neo4j-timeout" in line, line
    assert took < 20


# -- queries that never get an answer -------------------------------------------------------------
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_server_that_never_answers_a_query_is_given_up_on(command):
    args, what = COMMANDS[command]
    with FakeBolt("stalls") as server:
        done, took = orgnet(*args, "--neo4j-uri", server.uri, "--neo4j-timeout", "1")
        asked = list(server.queries)
    line = one_error_line(done.stderr)
    assert done.exit_code == 1, done.stderr
    assert f"the Neo4j server at {server.uri}: no answer to {what} within 1 s" in line, line
    assert "--neo4j-timeout" in line and "ORGNET_NEO4J_TIMEOUT" in line, line
    if command == "load":
        assert "rolled back" not in line  # no batch was written yet
    assert any("dbms.components" in q for q in asked) and len(asked) >= 2, asked  # logged in, then waited
    assert took < 20


def test_the_limit_can_come_from_the_environment_and_the_process_ends():
    """In a process of its own: it ends, though a thread of it is still blocked on the socket."""
    env = {**os.environ, **{k: v for k, v in ENV.items() if v is not None}, "ORGNET_NEO4J_TIMEOUT": "1.5"}
    env.pop("NEO4J_URI", None)
    with FakeBolt("stalls") as server:
        try:
            done = subprocess.run([*ORGNET, "gaps", "--backend", "neo4j", *AS_OF, "--neo4j-uri", server.uri],
                                  capture_output=True, text=True, env=env, timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail("orgnet gaps still waiting after 60 s")
    line = one_error_line(done.stderr)
    assert done.returncode == 1 and "no answer to the query 'gaps' within 1.5 s" in line, done.stderr


def test_the_library_gives_up_too():
    from orgnet.engines.neo4j import Neo4jEngine, Neo4jTimeout

    with FakeBolt("stalls") as server:
        engine = Neo4jEngine.connect(server.uri, "neo4j", SECRET, timeout=0.5)
        try:
            started = time.monotonic()
            with pytest.raises(Neo4jTimeout, match="no answer to the query 'overlaps' within 0.5 s"):
                engine.answer("overlaps", as_of="2012-06-30")
            assert time.monotonic() - started < 10
        finally:
            engine.close()


@pytest.mark.parametrize("value", ["0", "-3", "inf", "nan"])
def test_a_bad_limit_is_one_line(value):
    for how, args, env in [("--neo4j-timeout", ["--neo4j-timeout", value], {}),
                           ("ORGNET_NEO4J_TIMEOUT", [], {"ORGNET_NEO4J_TIMEOUT": value})]:
        result = runner.invoke(app, ["gaps", "--backend", "neo4j", "--neo4j-uri", "bolt://127.0.0.1:7687", *args],
                               env=env)
        assert result.exit_code == 2, result.output
        line = one_error_line(result.output)
        assert f"{how}=" in line and "expected a number of seconds > 0" in line, line


def test_a_limit_that_is_no_number_is_one_line():
    result = runner.invoke(app, ["gaps", "--backend", "neo4j", "--neo4j-uri", "bolt://127.0.0.1:7687"],
                           env={"ORGNET_NEO4J_TIMEOUT": "soon"})
    assert result.exit_code == 2, result.output
    assert "ORGNET_NEO4J_TIMEOUT='soon': expected a number of seconds > 0" in one_error_line(result.output)


# -- URIs orgnet cannot speak to ------------------------------------------------------------------
@pytest.mark.parametrize("uri", ["http://localhost:7474", "https://neo:s3cr3t-pw-wait@db.example:7473", "localhost:7687"])
@pytest.mark.parametrize("command", ["gaps", "query", "load"])
def test_a_uri_that_is_not_bolt_is_refused_up_front(uri, command):
    args = COMMANDS[command][0]
    result = runner.invoke(app, [*args, "--neo4j-uri", uri], env={"NEO4J_PASSWORD": SECRET})
    assert result.exit_code == 2, result.output
    line = one_error_line(result.output)
    assert "aiohttp" not in result.output and "Warning" not in result.output
    assert "bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s:// or neo4j+ssc://" in line, line
    assert "db.example" not in uri or "'https://db.example:7473'" in line  # named, without the password
