"""Issue #23, class 4, on a real server: ``orgnet query --redact`` names nobody, whatever the query returns."""

from __future__ import annotations

import csv

import pytest
from typer.testing import CliRunner

from orgnet import redact
from orgnet.cli import app
from tests.conftest import TINY
from tests.test_hardening_redact import PERSON_ID

runner = CliRunner()


@pytest.fixture
def env(neo4j_engine, monkeypatch):
    monkeypatch.setenv(redact.KEY_ENV, "orgnet-test-key")
    s = neo4j_engine.settings
    return {"NEO4J_URI": s.uri, "NEO4J_USERNAME": s.username, "NEO4J_PASSWORD": s.password or "",
            "NEO4J_DATABASE": s.database or "", redact.KEY_ENV: "orgnet-test-key"}


def names() -> list[str]:
    with open(TINY / "people.csv", encoding="utf-8") as fh:
        return [row["name"] for row in csv.DictReader(fh)]


QUERIES = {
    "columns": "MATCH (p:Person) RETURN p.id AS id, p.name AS name ORDER BY id",
    "nodes": "MATCH (p:Person)-[h:HOLDS]->(b:Body) RETURN p, h, b LIMIT 50",
    "lists": "MATCH (p:Person)-[:HOLDS]->(b:Body) RETURN b.id AS body, collect(p.name) AS holders, "
             "collect(p.id) AS ids",
    "text": "MATCH (p:Person) RETURN '负责人：' + p.name + '（' + p.id + '）' AS said",
}


@pytest.mark.neo4j
@pytest.mark.parametrize("query", list(QUERIES))
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_redact_names_nobody(neo4j_engine, env, tmp_path, query, fmt):
    neo4j_engine(TINY)
    file = tmp_path / f"{query}.cypher"
    file.write_text(QUERIES[query], encoding="utf-8")
    plain = runner.invoke(app, ["query", str(file), "-f", fmt], env=env)
    assert plain.exit_code == 0, plain.output
    assert PERSON_ID.search(plain.stdout) and any(n in plain.stdout for n in names())  # the check can fail
    said = runner.invoke(app, ["query", str(file), "-f", fmt, "--redact"], env=env)
    assert said.exit_code == 0, said.output
    assert not PERSON_ID.search(said.output), said.output[:500]
    assert not [n for n in names() if n in said.output], said.output[:500]
    assert redact.pseudonym("P1") in said.output or query == "nodes" and "人员-" in said.output
