"""The tables of a loaded database, read back from the server (``Network.tables`` on Neo4j).

Node tables are the nodes of their label (``cypher/api/node_table.cypher``: every column is a
property); the other tables are relationships (``cypher/api/relationship_table.cypher``: the ends'
ids are the table's two reference columns, as ``orgnet.graph.EDGES`` names them). The rows go back
through validation (``orgnet.frames.load_dataset``), so the tables have the types ``orgnet.load`` gives.
"""

from __future__ import annotations

import pandas as pd

from ... import cypher
from ...dataset import Dataset
from ...graph import EDGES
from ...schema import SCHEMA, cell_text
from .connection import read_rows


def fetch_dataset(engine) -> Dataset:
    """Every table of the database ``engine`` reads, validated as if read from files."""
    from ...frames import load_dataset

    frames = {}
    node_tables = {t.name: t.label for t in SCHEMA.node_tables()}
    for table in SCHEMA.tables.values():
        columns = list(table.columns)
        if table.name in node_tables:
            rows = [r["row"] for r in _read(engine, "node_table", label=node_tables[table.name])]
        else:
            rows = _relationship_rows(engine, table.name)
        frames[table.name] = pd.DataFrame([[cell_text(row.get(c)) for c in columns] for row in rows], columns=columns,
                                          dtype=object)
    dataset = load_dataset(frames)
    dataset.source = engine.where
    return dataset


def _relationship_rows(engine, table: str) -> list[dict]:
    kind, (source, _), (target, _), _ = next((k, s, t, a) for name, k, s, t, a in EDGES if name == table)
    return [{**r["row"], source: r["source"], target: r["target"]} for r in _read(engine, "relationship_table",
                                                                                   type=kind)]


def _read(engine, name: str, **params) -> list[dict]:
    return read_rows(engine.driver, cypher.read(f"api/{name}.cypher"), params, engine.database, engine.where,
                     what=f"the table query api/{name}.cypher")
