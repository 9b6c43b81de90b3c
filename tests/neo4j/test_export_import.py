"""The neo4j-csv export loads into a real Neo4j server with the counts the export promised.

This test reads the files the way ``neo4j-admin database import`` does (``id:ID(Space)``, typed
columns, ``:LABEL``, ``:START_ID``/``:END_ID``/``:TYPE``) and writes them with Cypher's dynamic labels and
types (Neo4j 5.26), as a LOAD CSV equivalent: the import tool itself needs a stopped database.
"""

from __future__ import annotations

import csv
from datetime import date

import pytest

import orgnet
from orgnet.engines.neo4j import run_read, run_write
from tests.conftest import TINY

pytestmark = pytest.mark.neo4j

CONVERT = {"long": int, "boolean": lambda v: v == "true", "date": date.fromisoformat}


def typed(header: list[str], row: list[str]) -> dict:
    """A row's properties, typed by its header's ``name:type`` columns; empty cells left out."""
    props = {}
    for column, value in zip(header, row):
        name, _, kind = column.partition(":")
        if not name or value == "" or kind.startswith(("ID", "START_ID", "END_ID")):
            continue
        props[name] = CONVERT.get(kind, str)(value)
    return props


def space(column: str) -> str:
    return column[column.index("(") + 1:-1]


def import_files(driver, database, folder) -> None:
    """The import files written with Cypher, as ``neo4j-admin database import`` would write them:
    nodes with their labels, relationships between the nodes of their id spaces (label = space)."""
    for path in sorted(folder.glob("nodes_*.csv")):
        with open(path, encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            rows = [{"labels": row[-1].split(";"), "props": {"id": row[0], **typed(header, row)}} for row in reader]
        run_write(driver, "UNWIND $rows AS row CREATE (n:$(row.labels)) SET n = row.props", {"rows": rows}, database)
    for path in sorted(folder.glob("rels_*.csv")):
        with open(path, encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            rows = [{"start": row[0], "end": row[1], "type": row[-1], "props": typed(header, row),
                     "from": space(header[0]), "to": space(header[1])} for row in reader]
        run_write(driver, "UNWIND $rows AS row "
                          "MATCH (a:$(row.from) {id: row.start}) MATCH (b:$(row.to) {id: row.end}) "
                          "CREATE (a)-[r:$(row.type)]->(b) SET r = row.props", {"rows": rows}, database)


def test_neo4j_csv_loads_with_the_promised_counts(neo4j_engine, tmp_path):
    out = tmp_path / "csv"
    counts = orgnet.load(TINY).export("neo4j-csv", out, as_of="2012-06-30")
    driver, database = neo4j_engine.driver, neo4j_engine.settings.database
    run_write(driver, "MATCH (n) DETACH DELETE n", database=database)
    neo4j_engine.forget()  # the session's loaded dataset is gone now
    import_files(driver, database, out)
    nodes = run_read(driver, "MATCH (n) RETURN count(n) AS n", database=database)[0]["n"]
    edges = run_read(driver, "MATCH ()-[r]->() RETURN count(r) AS n", database=database)[0]["n"]
    assert (nodes, edges) == (counts["nodes"], counts["edges"])
    body = run_read(driver, "MATCH (b:WomenBody {id: 'B4'}) RETURN b.founded AS founded, labels(b) AS labels",
                    database=database)[0]
    assert body["founded"].iso_format() == "2010-03-08" and "Body" in body["labels"]
    held = run_read(driver, "MATCH (:Person {id: 'P1'})-[h:HOLDS]->(:Body) RETURN count(h) AS n", database=database)[0]
    assert held["n"] == 3  # P1's three active posts, as in tests/expected_tiny.py
    run_write(driver, "MATCH (n) DETACH DELETE n", database=database)
