"""The oracle's graph: the validated tables as a ``networkx.MultiDiGraph``, and when things count.

Built with networkx's public calls only, for ``tests/oracle.py``. Nodes are ``(label, id)`` pairs
with their row's values as attributes (dates as ``datetime.date``, empty as ``None``); every edge
has a ``type`` and its row's values:

- ``PART_OF`` region → parent region; ``LOCATED_IN`` organization → region;
- ``BELONGS_TO`` body → host organization, or → its region for a region-level body;
- ``HOLDS`` person → body (role, start, end); ``WORKS_AT`` person → employer;
- ``LIAISES_WITH`` person → body (since, until); ``VISITED`` person → body (date);
- ``DEMO_AT`` demo point → site organization (since); ``PAIRED_WITH`` organization → demo point (since);
- ``USES`` body → venue (since, until).

Examples
--------
>>> from orgnet.api import load_dataset
>>> graph = build_graph(load_dataset("tests/data/tiny"))
>>> sorted(e["role"] for _, _, e in graph.out_edges(("Person", "P1"), data=True) if e["type"] == "HOLDS")
['chair', 'member', 'member']
"""

from __future__ import annotations

import math
from datetime import date

import networkx as nx
import pandas as pd

#: Node tables and their labels.
NODE_TABLES = {"regions": "Region", "organizations": "Organization", "bodies": "Body", "people": "Person",
               "demo_points": "DemoPoint", "venues": "Venue"}

#: Edge tables: (table, type, (source column, label), (target column, label), attribute columns).
EDGE_TABLES = (
    ("regions", "PART_OF", ("id", "Region"), ("parent_id", "Region"), ()),
    ("organizations", "LOCATED_IN", ("id", "Organization"), ("region_id", "Region"), ()),
    ("posts", "HOLDS", ("person_id", "Person"), ("body_id", "Body"), ("role", "start", "end")),
    ("people", "WORKS_AT", ("id", "Person"), ("employer_org_id", "Organization"), ()),
    ("liaisons", "LIAISES_WITH", ("person_id", "Person"), ("body_id", "Body"), ("since", "until")),
    ("visits", "VISITED", ("person_id", "Person"), ("body_id", "Body"), ("date",)),
    ("demo_points", "DEMO_AT", ("id", "DemoPoint"), ("org_id", "Organization"), ("since",)),
    ("pairings", "PAIRED_WITH", ("org_id", "Organization"), ("demo_point_id", "DemoPoint"), ("since",)),
    ("venue_uses", "USES", ("body_id", "Body"), ("venue_id", "Venue"), ("since", "until")),
)

def plain(value):
    """A table cell as a plain Python value: dates → ``date``, empty → ``None``.

    >>> plain(pd.Timestamp("2012-06-30")), plain(pd.NA), plain(float("nan")), plain("B1")
    (datetime.date(2012, 6, 30), None, None, 'B1')
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value.item() if hasattr(value, "item") else value


def table_rows(frame: pd.DataFrame) -> list[dict]:
    """Every row of a table as a dict of plain values (without the file-row column)."""
    records = frame.drop(columns=["_row"], errors="ignore").to_dict("records")
    return [{key: plain(value) for key, value in row.items()} for row in records]


def build_graph(dataset) -> nx.MultiDiGraph:
    """The dataset as a ``MultiDiGraph`` (see the module docstring), through networkx's public calls."""
    graph = nx.MultiDiGraph()
    tables = {name: table_rows(frame) for name, frame in dataset.tables.items() if name not in dataset.skipped}
    for name, label in NODE_TABLES.items():
        for row in tables.get(name, ()):
            graph.add_node((label, row["id"]), label=label, **row)
    for name, kind, (source, source_label), (target, target_label), attrs in EDGE_TABLES:
        for row in tables.get(name, ()):
            if row[target] is not None:
                graph.add_edge((source_label, row[source]), (target_label, row[target]), type=kind,
                               **{a: row.get(a) for a in attrs})
    for row in tables.get("bodies", ()):
        host = ("Organization", row["org_id"]) if row["org_id"] is not None else ("Region", row["region_id"])
        graph.add_edge(("Body", row["id"]), host, type="BELONGS_TO")
    return graph


def current(first: date | None, last: date | None, day: date) -> bool:
    """Started by ``day`` (or no start) and not ended by it (no end, or a later one).

    >>> current(date(2010, 1, 1), None, date(2012, 6, 30)), current(None, date(2012, 6, 30), date(2012, 6, 30))
    (True, False)
    """
    return (first is None or first <= day) and (last is None or day < last)


def in_year(first: date | None, last: date | None, year: int) -> bool:
    """Started by 31 December (or no start) and not ended by 1 January (no end, or a later one).

    >>> in_year(date(2010, 1, 1), date(2011, 12, 31), 2012), in_year(None, date(2012, 1, 2), 2012)
    (False, True)
    """
    return (first is None or first <= date(year, 12, 31)) and (last is None or last > date(year, 1, 1))
