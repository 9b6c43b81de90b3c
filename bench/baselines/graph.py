"""Baseline for building the graph: the plain networkx build an analyst would write.

``read_csv`` of every table, then ``add_nodes_from`` with one attribute dict per row and
``add_edges_from`` per relationship, on a ``MultiDiGraph`` with the node names and edge types orgnet
uses (``orgnet.graph``). orgnet's ``Network.graph`` builds the same graph from its validated tables
(straight into networkx's adjacency dicts); ``run`` returns the node and edge counts, which must be
equal.

``python -m bench.baselines.graph FOLDER [-o counts.csv]``
"""

from __future__ import annotations

import sys

import networkx as nx
import pandas as pd

from . import common as c
from .load import load as read_all

LABELS = {"regions": "Region", "organizations": "Organization", "bodies": "Body", "people": "Person",
          "demo_points": "DemoPoint", "venues": "Venue"}
#: (table, edge type, (from column, label), (to column, label), edge attribute columns), as orgnet.graph.EDGES
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


def load(folder) -> dict[str, pd.DataFrame]:
    return read_all(folder)


def compute(tables: dict[str, pd.DataFrame], as_of=None) -> pd.DataFrame:
    graph = nx.MultiDiGraph()
    for table, label in LABELS.items():
        frame = tables.get(table)
        if frame is not None:
            rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
            graph.add_nodes_from((f"{label}:{r['id']}", {"label": label, **r}) for r in rows)
    for table, kind, (src, src_label), (dst, dst_label), attrs in EDGES:
        frame = tables.get(table)
        if frame is None:
            continue
        if kind == "BELONGS_TO":  # a region-level body belongs to its region
            frame = frame.assign(target=(dst_label + ":" + frame[dst]).fillna("Region:" + frame["region_id"]))
        else:
            frame = frame[frame[dst].notna()].assign(target=dst_label + ":" + frame[dst])
        data = frame[list(attrs)].astype(object).where(frame[list(attrs)].notna(), None).to_dict("records")
        graph.add_edges_from((u, v, {"type": kind, **d}) for u, v, d in
                             zip(src_label + ":" + frame[src], frame["target"], data))
    return pd.DataFrame({"what": ["nodes", "edges"], "count": [graph.number_of_nodes(), graph.number_of_edges()]})


def run(folder, as_of=None) -> pd.DataFrame:
    return compute(load(folder))


def main(argv=None) -> int:
    return c.main("graph", run, argv)


if __name__ == "__main__":
    sys.exit(main())
