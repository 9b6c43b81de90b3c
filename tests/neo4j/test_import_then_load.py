"""After a bulk first load from the neo4j-csv export, ``orgnet load`` of the same data changes nothing.

The batched loader merges relationships on a key (a post: role and start); the export writes that
key, so the rerun finds every relationship instead of adding a second copy.
"""

from __future__ import annotations

import pandas as pd
import pytest

import orgnet
from orgnet.engines.neo4j import Neo4jEngine, load_dataset, run_read, run_write
from orgnet.rules import Rules
from tests.conftest import TINY
from tests.neo4j.test_export_import import import_files

pytestmark = pytest.mark.neo4j


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
        import_files(driver, database, tmp_path)
        assert _counts(driver, database) == (exported["nodes"], exported["edges"])
        load_dataset(driver, net.dataset, database=database)  # not empty: the MERGE path
        assert _counts(driver, database) == (exported["nodes"], exported["edges"])
        on_neo4j = Neo4jEngine(driver, database, neo4j_engine.settings.uri)
        for day in ("2010-06-30", "2012-06-30"):
            pd.testing.assert_frame_equal(on_neo4j.answer("gaps", as_of=day, rules=Rules()), net.gaps(day))
    finally:
        run_write(driver, "MATCH (n) DETACH DELETE n", database=database)
