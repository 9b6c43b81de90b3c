"""A validated ``Dataset`` → a networkx ``MultiDiGraph``: the embedded engine's model.

Nodes are namespaced ``"<Label>:<id>"`` so an organization and a person with the same raw id never
collide; each node has ``label`` and its table's columns as attributes (dates as ``datetime.date``,
empty as ``None``). Edges have a ``type``:

==============  ===============================  ==========================
type            from → to                        attributes
==============  ===============================  ==========================
PART_OF         Region → Region (parent)
LOCATED_IN      Organization → Region
BELONGS_TO      Body → Organization, or Region   (region-level bodies)
HOLDS           Person → Body                    role, start, end
WORKS_AT        Person → Organization
LIAISES_WITH    Person → Body                    since, until
VISITED         Person → Body                    date
DEMO_AT         DemoPoint → Organization         since
PAIRED_WITH     Organization → DemoPoint         since
USES            Body → Venue                     since, until
==============  ===============================  ==========================

Examples
--------
>>> node_id("Person", "P1")
'Person:P1'
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from .dataset import Dataset
from .schema import SCHEMA, Schema

#: (table, edge type, from column → label, to column → label, edge attribute columns)
EDGES = (
    ("regions", "PART_OF", ("id", "Region"), ("parent_id", "Region"), ()),
    ("organizations", "LOCATED_IN", ("id", "Organization"), ("region_id", "Region"), ()),
    ("bodies", "BELONGS_TO", ("id", "Body"), ("org_id", "Organization"), ()),
    ("posts", "HOLDS", ("person_id", "Person"), ("body_id", "Body"), ("role", "start", "end")),
    ("people", "WORKS_AT", ("id", "Person"), ("employer_org_id", "Organization"), ()),
    ("liaisons", "LIAISES_WITH", ("person_id", "Person"), ("body_id", "Body"), ("since", "until")),
    ("visits", "VISITED", ("person_id", "Person"), ("body_id", "Body"), ("date",)),
    ("demo_points", "DEMO_AT", ("id", "DemoPoint"), ("org_id", "Organization"), ("since",)),
    ("pairings", "PAIRED_WITH", ("org_id", "Organization"), ("demo_point_id", "DemoPoint"), ("since",)),
    ("venue_uses", "USES", ("body_id", "Body"), ("venue_id", "Venue"), ("since", "until")),
)


def node_id(label: str, raw_id: str) -> str:
    """The graph node for a row of a node table."""
    return f"{label}:{raw_id}"


def records(frame: pd.DataFrame, columns=None) -> list[dict]:
    """Rows as plain dicts: dates → ``datetime.date``, missing → ``None``, numpy ints → ``int``."""
    frame = frame if columns is None else frame[list(columns)]
    out = {}
    for col in frame.columns:
        series = frame[col]
        if pd.api.types.is_datetime64_any_dtype(series):
            out[col] = [None if pd.isna(v) else v.date() for v in series]
        elif isinstance(series.dtype, pd.Int64Dtype):
            out[col] = [None if pd.isna(v) else int(v) for v in series]
        elif series.dtype == bool:
            out[col] = [bool(v) for v in series]
        else:
            out[col] = [None if v is None or (isinstance(v, float) and v != v) else v for v in series]
    keys = list(out)
    return [dict(zip(keys, values)) for values in zip(*out.values())] if keys else []


def build_graph(dataset: Dataset, schema: Schema = SCHEMA) -> nx.MultiDiGraph:
    """The whole dataset as one graph (all dates; analyses filter by ``as_of``)."""
    graph = nx.MultiDiGraph(source=dataset.source)
    for table in schema.node_tables():
        frame = dataset[table.name].drop(columns="_row")
        rows = records(frame)
        graph.add_nodes_from((node_id(table.label, r["id"]), {"label": table.label, **r}) for r in rows)
    region_bodies = dataset["bodies"]["org_id"].isna()
    for table, kind, (src, src_label), (dst, dst_label), attrs in EDGES:
        frame = dataset[table]
        if kind == "BELONGS_TO":
            _add_edges(graph, frame[~region_bodies], kind, src, src_label, dst, dst_label, attrs)
            _add_edges(graph, frame[region_bodies], kind, src, src_label, "region_id", "Region", attrs)
        else:
            _add_edges(graph, frame, kind, src, src_label, dst, dst_label, attrs)
    return graph


def _add_edges(graph, frame, kind, src, src_label, dst, dst_label, attrs) -> None:
    frame = frame[frame[dst].notna()]
    rows = records(frame, (src, dst, *attrs))
    graph.add_edges_from(
        (node_id(src_label, r[src]), node_id(dst_label, r[dst]), {"type": kind, **{a: r[a] for a in attrs}})
        for r in rows
    )
