"""A validated ``Dataset`` → a networkx ``MultiDiGraph``: the embedded engine's model.

Nodes are namespaced ``"<Label>:<id>"`` so an organization and a person with the same raw id never
collide; each node has ``label`` and its table's columns as attributes. Values are what every
networkx writer takes (``nx.write_gexf``, ``nx.write_graphml``): dates as ISO text ``"YYYY-MM-DD"``
(compare them with ``day.isoformat()``), and an empty cell is no attribute at all (``.get``
gives ``None``). Edges have a ``type``:

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
>>> from orgnet.api import load_dataset
>>> graph = build_graph(load_dataset("tests/data/tiny"))
>>> graph.nodes["Body:B15"]["dissolved"], "dissolved" in graph.nodes["Body:B1"]
('2012-03-01', False)
"""

from __future__ import annotations

import gc

import networkx as nx
import numpy as np
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
    """Rows as plain dicts: dates → ``datetime.date``, missing → ``None``, numpy scalars → Python.

    >>> import pandas as pd
    >>> records(pd.DataFrame({"id": ["B1"], "founded": pd.to_datetime(["2010-03-08"]), "n": pd.array([None], "Int64")}))
    [{'id': 'B1', 'founded': datetime.date(2010, 3, 8), 'n': None}]
    """
    frame = frame if columns is None else frame[list(columns)]
    values = [_python_values(frame[col]) for col in frame.columns]
    keys = list(frame.columns)
    return [dict(zip(keys, row)) for row in zip(*values)] if keys else []


def _python_values(series: pd.Series) -> list:
    """One column as Python values, vectorized: dates, ints with None, strings with None."""
    if pd.api.types.is_datetime64_any_dtype(series):
        return series.to_numpy("datetime64[D]").astype(object).tolist()  # NaT becomes None
    if series.dtype == bool:
        return series.tolist()
    return series.to_numpy(dtype=object, na_value=None).tolist()


def build_graph(dataset: Dataset, schema: Schema = SCHEMA) -> nx.MultiDiGraph:
    """The whole dataset as one graph (all dates; analyses filter by ``as_of``).

    The graph is assembled straight into networkx's adjacency dicts (the same structure
    ``add_nodes_from``/``add_edges_from`` build, documented in networkx's "Graph internals"),
    with the garbage collector paused: about three times faster than the public calls on
    millions of rows.
    """
    graph = nx.MultiDiGraph(source=str(dataset.source))
    paused = gc.isenabled()
    gc.disable()
    try:
        for table in schema.node_tables():
            frame = dataset[table.name].drop(columns="_row")
            keys, values = list(frame.columns), [_graph_values(frame[c]) for c in frame.columns]
            _add_nodes(graph, ((node_id(table.label, row[0]), {"label": table.label, **{
                k: v for k, v in zip(keys, row) if v is not None}}) for row in zip(*values)))
        region_bodies = dataset["bodies"]["org_id"].isna()
        for table, kind, (src, src_label), (dst, dst_label), attrs in EDGES:
            frame = dataset[table]
            if kind == "BELONGS_TO":
                _add_edges(graph, frame[~region_bodies], kind, src, src_label, dst, dst_label, attrs)
                _add_edges(graph, frame[region_bodies], kind, src, src_label, "region_id", "Region", attrs)
            else:
                _add_edges(graph, frame, kind, src, src_label, dst, dst_label, attrs)
    finally:
        gc.freeze()  # millions of long-lived dicts: keep later collections from walking them again
        if paused:
            gc.enable()
    graph.__networkx_cache__.clear()
    return graph


def _graph_values(series: pd.Series) -> list:
    """One column as the graph holds it: dates as ISO text, missing as ``None`` (then left out)."""
    if pd.api.types.is_datetime64_any_dtype(series):
        days = series.to_numpy("datetime64[D]")
        return np.where(np.isnat(days), None, np.datetime_as_string(days, unit="D")).tolist()
    return _python_values(series)


def _add_nodes(graph: nx.MultiDiGraph, nodes) -> None:
    node, succ, pred = graph._node, graph._succ, graph._pred
    for n, attrs in nodes:
        node[n] = attrs
        succ[n] = {}
        pred[n] = {}


def _add_edges(graph, frame, kind, src, src_label, dst, dst_label, attrs) -> None:
    frame = frame[frame[dst].notna()]
    sources = [f"{src_label}:{v}" for v in _python_values(frame[src])]
    targets = [f"{dst_label}:{v}" for v in _python_values(frame[dst])]
    columns = [_graph_values(frame[a]) for a in attrs]
    succ, pred = graph._succ, graph._pred
    for i, (u, v) in enumerate(zip(sources, targets)):
        data = {"type": kind}
        for a, values in zip(attrs, columns):
            if values[i] is not None:
                data[a] = values[i]
        keys = succ[u].get(v)
        if keys is None:
            succ[u][v] = pred[v][u] = {0: data}
        else:
            key = len(keys)
            while key in keys:
                key += 1
            keys[key] = data
