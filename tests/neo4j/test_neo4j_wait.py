"""Waits on a real server end (issue #23, class 5): a load blocked by another client's open
transaction, and a query slower than the limit, each end with one line and exit code 1 after
``--neo4j-timeout`` seconds, and the blocked load leaves nothing half-written.

The fake servers that never answer are in ``tests/test_hardening_neo4j_wait.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from tests.conftest import TINY

ORGNET = [sys.executable, "-c", "from orgnet.cli import main; main()"]


def orgnet(settings, *args, deadline: float = 120) -> subprocess.CompletedProcess:
    """``orgnet`` in a process of its own, on the test server; killed (and the test failed) past
    ``deadline`` seconds."""
    env = {**os.environ, "NEO4J_URI": settings.uri, "NEO4J_USERNAME": settings.username,
           "NEO4J_PASSWORD": settings.password or "", "NEO4J_DATABASE": settings.database or ""}
    env.pop("ORGNET_NEO4J_TIMEOUT", None)
    try:
        return subprocess.run([*ORGNET, *args], capture_output=True, text=True, env=env, timeout=deadline)
    except subprocess.TimeoutExpired:
        pytest.fail(f"orgnet {' '.join(args)} still waiting after {deadline} s")


def one_error_line(text: str, password: str | None) -> str:
    assert "Traceback" not in text and (not password or password not in text), text
    errors = [line for line in text.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, text
    return errors[0]


def regions(driver, database) -> dict[str, dict]:
    with driver.session(database=database) as session:
        return {r["id"]: r["props"] for r in session.run("MATCH (r:Region) RETURN r.id AS id, properties(r) AS props")}


@pytest.mark.neo4j
def test_a_load_blocked_by_another_transaction_ends_and_writes_nothing(neo4j_engine, tmp_path):
    """Another client holds a write lock on region R0 (an open transaction that SET a property on
    it); ``orgnet load`` of a changed copy of the dataset MERGEs R0 in its first batch, waits for
    the lock, and the server stops that batch after the limit: one line, exit 1, and neither the
    batch's other changes (R3 renamed, R9 new) nor the other client's are in the database."""
    neo4j_engine(TINY)
    driver, settings = neo4j_engine.driver, neo4j_engine.settings
    changed = tmp_path / "tiny"
    shutil.copytree(TINY, changed)
    table = (changed / "regions.csv").read_text(encoding="utf-8").replace("R3,东村,", "R3,东村改名,")
    (changed / "regions.csv").write_text(table + "R9,新村,village,R1\n", encoding="utf-8")
    before = regions(driver, settings.database)
    holder = driver.session(database=settings.database)
    lock = holder.begin_transaction()
    try:
        lock.run("MATCH (r:Region {id: 'R0'}) SET r.held_by_test = true").consume()
        started = time.monotonic()
        done = orgnet(settings, "load", changed, "--neo4j-timeout", "2", "--batch-size", "100")
        took = time.monotonic() - started
    finally:
        lock.rollback()
        holder.close()
    line = one_error_line(done.stderr, settings.password)
    assert done.returncode == 1, done.stderr
    assert f"the Neo4j server at {settings.where}: no answer to loading regions rows 1-7 within 2 s" in line, line
    assert "lock held by another transaction" in line and "rolled back" in line, line
    assert "--neo4j-timeout" in line, line
    assert took < 60
    assert regions(driver, settings.database) == before  # nothing of the batch, nor of the other client


@pytest.mark.neo4j
def test_a_query_slower_than_the_limit_is_stopped_by_the_server(neo4j_engine, tmp_path):
    neo4j_engine(TINY)
    settings = neo4j_engine.settings
    slow = tmp_path / "slow.cypher"
    slow.write_text("UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n\n", encoding="utf-8")
    started = time.monotonic()
    done = orgnet(settings, "query", slow, "--neo4j-timeout", "1")
    line = one_error_line(done.stderr, settings.password)
    assert done.returncode == 1, done.stderr
    assert f"no answer to the query '{slow}' within 1 s" in line and line.endswith("; the server stopped it"), line
    assert time.monotonic() - started < 60
