"""After a bulk first load from the neo4j-csv export, ``orgnet load`` of the same data changes nothing.

The batched loader merges relationships on a key (a post: role and start); the export writes that
key, so the rerun finds every relationship instead of adding a second copy.
"""

from __future__ import annotations

import csv

import pandas as pd
import pytest

import orgnet
from orgnet.engines.neo4j import Neo4jEngine, load_dataset, run_read, run_write
from orgnet.rules import Rules
from tests.conftest import TINY
from tests.neo4j.test_export_import import space, typed

pytestmark = pytest.mark.neo4j


def _import(driver, database, folder) -> None:
    """The import files written with Cypher, as ``neo4j-admin database import`` would write them."""
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


def _counts(driver, database) -> tuple[int, int]:
    nodes = run_read(driver, "MATCH (n) RETURN count(n) AS n", database=database)[0]["n"]
    edges = run_read(driver, "MATCH ()-[r]->() RETURN count(r) AS n", database=database)[0]["n"]
    return nodes, edges


def test_load_after_import_changes_nothing(neo4j_engine, tmp_path):
    net = orgnet.load(TINY)
    exported = net.export("neo4j-csv", tmp_path)
    driver, database = neo4j_engine.driver, neo4j_engine.settings.database
    run_write(driver, "MATCH (n) DETACH DELETE n", database=database)
    neo4j_engine.forget()
    try:
        _import(driver, database, tmp_path)
        assert _counts(driver, database) == (exported["nodes"], exported["edges"])
        load_dataset(driver, net.dataset, database=database)  # not empty: the MERGE path
        assert _counts(driver, database) == (exported["nodes"], exported["edges"])
        on_neo4j = Neo4jEngine(driver, database, neo4j_engine.settings.uri)
        for day in ("2010-06-30", "2012-06-30"):
            pd.testing.assert_frame_equal(on_neo4j.gaps(pd.Timestamp(day).date(), Rules()), net.gaps(day))
    finally:
        run_write(driver, "MATCH (n) DETACH DELETE n", database=database)
