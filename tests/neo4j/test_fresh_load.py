"""The fresh-load path (``load/create/*.cypher``, into a database without orgnet nodes) writes the
graph the update path (``load/*.cypher``, MERGE) writes, property for property; its column packing
survives any text; the analyses read their rows back collected into one record."""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pyarrow as pa
import pytest

from orgnet import cypher
from orgnet.api import load_dataset
from orgnet.engines import neo4j as engine
from orgnet.engines.neo4j import load as loading
from orgnet.engines.networkx import NetworkxEngine
from orgnet.schema import SCHEMA
from tests.conftest import TINY
from tests.neo4j.test_load import all_analyses, assert_same_answers

DUMP_NODES = """
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
"""
DUMP_RELATIONSHIPS = """
MATCH (a)-[r]->(b)
RETURN labels(a)[0] + ':' + a.id AS source, type(r) AS type, properties(r) AS props, labels(b)[0] + ':' + b.id AS target
"""


def dump(driver, database) -> tuple[list, list]:
    def key(row):
        return repr(sorted((k, repr(v)) for k, v in row.items()))

    nodes = engine.run_read(driver, DUMP_NODES, database=database)
    for row in nodes:
        row["labels"] = sorted(row["labels"])
    rels = engine.run_read(driver, DUMP_RELATIONSHIPS, database=database)
    return sorted(nodes, key=key), sorted(rels, key=key)


def load_both_ways(neo4j_engine, dataset, monkeypatch) -> tuple:
    driver, database = neo4j_engine.driver, neo4j_engine.settings.database
    neo4j_engine.forget()
    engine.wipe(driver, database)
    assert engine.database_is_empty(driver, database)
    engine.load_dataset(driver, dataset, database=database, schema=False, batch_size=7)
    fresh = dump(driver, database)
    engine.wipe(driver, database)
    with monkeypatch.context() as m:  # the update path into the same empty database
        m.setattr(loading, "database_is_empty", lambda *a, **k: False)
        engine.load_dataset(driver, dataset, database=database, schema=False, batch_size=7)
    merged = dump(driver, database)
    return fresh, merged


@pytest.mark.neo4j
def test_fresh_and_update_paths_write_the_same_graph(neo4j_engine, tiny_dataset, monkeypatch):
    fresh, merged = load_both_ways(neo4j_engine, tiny_dataset, monkeypatch)
    assert fresh[0] == merged[0]
    assert fresh[1] == merged[1]
    assert len(fresh[1]) > 50


@pytest.mark.neo4j
def test_a_fresh_load_ends_with_the_whole_schema(neo4j_engine, tiny_dataset):
    """The fresh path drops the secondary indexes and creates them again after its last batch; an
    index an earlier orgnet created and no shipped query uses is dropped for good."""
    driver, database = neo4j_engine.driver, neo4j_engine.settings.database
    neo4j_engine.forget()
    engine.wipe(driver, database)
    engine.run_write(driver, "CREATE INDEX holds_role IF NOT EXISTS FOR ()-[h:HOLDS]-() ON (h.role)", database=database)
    engine.load_dataset(driver, tiny_dataset, database=database, schema=False, batch_size=7)
    rows = engine.run_read(driver, "SHOW INDEXES YIELD name, state RETURN name, state", database=database)
    online = {row["name"] for row in rows if row["state"] == "ONLINE"}
    names = re.findall(r"^CREATE (?:INDEX|CONSTRAINT) (\w+) IF NOT EXISTS", cypher.read("schema.cypher"), re.MULTILINE)
    assert len(names) == 9 and set(names) <= online
    assert "holds_role" not in {row["name"] for row in rows}


@pytest.mark.neo4j
def test_fresh_path_survives_separators_in_values(neo4j_engine, tmp_path, monkeypatch):
    """Names holding the separators the loader tries (the C0 ones can no longer pass validation: XML
    cannot hold them; the private-use ones can), quotes, backslashes and Cypher."""
    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder, ignore=shutil.ignore_patterns("README.md"))
    people = pd.read_csv(folder / "people.csv", dtype=str, keep_default_na=False)
    hostile = ["a\ue000b", "c\ue001\ue002\ue003d", "x' }) DETACH DELETE n //", "back\\slash\ue000z", "中\ue000间"]
    people.loc[: len(hostile) - 1, "name"] = hostile
    people.to_csv(folder / "people.csv", index=False)
    dataset = load_dataset(folder)
    fresh, merged = load_both_ways(neo4j_engine, dataset, monkeypatch)
    assert fresh == merged
    names = {row["props"]["id"]: row["props"]["name"] for row in fresh[0] if "Person" in row["labels"]}
    assert names == dict(zip(dataset["people"]["id"], dataset["people"]["name"]))
    assert set(hostile) <= set(names.values())
    neo4j_engine.forget()
    eng = neo4j_engine(dataset)
    assert_same_answers(all_analyses(eng), all_analyses(NetworkxEngine(dataset)))


def test_column_batches_pick_a_separator_no_value_holds():
    step = engine.ColumnStep("people", "load/create/people.cypher",
                             {"id": pa.array(["P1", "P2", "P3"]), "name": pa.array(["a\x1fb", "\x1e", ""])})
    params = step.params(0, 3)
    sep = params["sep"]
    assert sep not in "\x1f\x1e"
    assert params["name"].split(sep) == ["a\x1fb", "\x1e", ""]
    assert step.params(1, 3)["id"] == "P2" + step.params(1, 3)["sep"] + "P3"


def test_create_files_write_every_schema_column():
    for table in SCHEMA.node_tables():
        text = cypher.read(f"load/create/{table.name}.cypher")
        assert f"CREATE ({text.split('CREATE (')[1].split(':')[0]}:{table.label} {{" in text
        assert set(cypher.params(text)) - {"sep", "system_labels"} == set(table.columns), table.name


def test_create_plan_covers_every_table(tiny_dataset):
    steps = engine.create_plan(tiny_dataset)
    merge = engine.load_plan(tiny_dataset)
    assert {s.table for s in steps} == {s.table for s in merge}
    for step in steps:
        assert len(step) == len(tiny_dataset[step.table])
        assert "UNWIND range(0, size(" in cypher.read(step.file)
    order = [s.table for s in steps]
    for step in steps:
        for target in SCHEMA.table(step.table).refs().values():
            assert order.index(target) <= order.index(step.table)


@pytest.mark.neo4j
def test_return_columns_are_the_ones_the_server_reports(neo4j_engine):
    driver, database = neo4j_engine.driver, neo4j_engine.settings.database
    names = [*cypher.queries(), *cypher.facts()]
    with driver.session(database=database) as session:
        for name in names:
            text = cypher.query(name)
            keys = session.run("EXPLAIN " + text, {p: None for p in cypher.used_params(text)}).keys()
            assert engine.return_columns(text) == list(keys), name
