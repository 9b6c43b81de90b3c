"""What the views read from an engine: one day's nodes and edges, the same for every engine.

The analyses (``gaps``, ``overlaps`` …) say *what* is wrong; a view also needs *where*: the region
tree, which organization hosts which body, who holds which post. ``subgraph(engine, as_of)`` returns
that as a ``Subgraph`` of two DataFrames, from the engine's ``subgraph`` (``orgnet.engines.base.Engine``;
extra columns are ignored, missing ones are filled): the embedded engine reads its tables
(``orgnet.engines.subgraph``), the Neo4j engine builds it from the facts every engine answers
(``regions``, ``organizations``, ``bodies``, ``people``, ``active_posts``): all but employers, liaison
links, total staff and body grades. ``networkx_subgraph`` reads the same from a networkx graph.

Nodes — one row per node; a column that does not apply to a node's label is ``""`` (text),
``False`` (bool) or ``<NA>`` (int):

=============  ======  ==================================================================
column         type    meaning
=============  ======  ==================================================================
node           str     ``"<Label>:<id>"``, e.g. ``"Organization:O1"`` (as in ``orgnet.graph``)
label          str     ``Region`` | ``Organization`` | ``Body`` | ``Person``
id             str     the row's id in its table
name           str     its name
level          str     Region: county, district, township, street, village, community, park
parent_id      str     Region: the parent region's id ("" for a root)
kind           str     Organization: enterprise, social_org, organ, institution, village, …
region_id      str     Organization: its region; Body: the region of a region-level body
two_new        bool    Organization: a two-new organization
female_staff   Int64   Organization: female fixed staff
total_staff    Int64   Organization: all fixed staff
system         str     Body: party, women, union, youth, admin
type           str     Body: committee, branch, federation, …
org_id         str     Body: the host organization ("" for a region-level body)
grade          str     Body: party grade (excellent, standard, weak, unrated) or ""
gender         str     Person: F or M
party_member   bool    Person: party member
party_grade    str     Organization (optional): best grade of its party bodies, "none" without
=============  ======  ==================================================================

Which nodes: every Region, Organization and Person; only the Bodies active on ``as_of``
(``founded <= as_of`` or empty, and not dissolved by then).

Edges — one row per edge, ``source`` and ``target`` are ``node`` values:

============  ==========================  =====================================================
type          source → target             which
============  ==========================  =====================================================
PART_OF       Region → parent Region      all
LOCATED_IN    Organization → Region       all
BELONGS_TO    Body → Organization/Region  active bodies
HOLDS         Person → Body               posts current on ``as_of`` in active bodies; ``role``
WORKS_AT      Person → Organization       all
LIAISES_WITH  Person → Body               liaison links current on ``as_of``
============  ==========================  =====================================================

``role`` is the post's role on HOLDS edges and ``""`` elsewhere. A person may hold two current
posts in one body (two HOLDS rows).

Examples
--------
>>> from orgnet.api import load
>>> sub = subgraph(load("tests/data/tiny").engine, "2012-06-30")
>>> sub.node("Organization:O8")["name"], sorted(sub.bodies_of["Organization:O8"])
('金鑫机械', ['Body:B3', 'Body:B4'])
>>> sorted(b for b, _ in sub.posts_of["Person:P1"])
['Body:B6', 'Body:B7', 'Body:B8']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ..active import active
from ..dataset import as_timestamp
from ..errors import InputError

TEXT_COLUMNS = ("node", "label", "id", "name", "level", "parent_id", "kind", "region_id",
                "system", "type", "org_id", "grade", "gender", "party_grade")
BOOL_COLUMNS = ("two_new", "party_member")
INT_COLUMNS = ("female_staff", "total_staff")
NODE_COLUMNS = ("node", "label", "id", "name", "level", "parent_id", "kind", "region_id", "two_new",
                "female_staff", "total_staff", "system", "type", "org_id", "grade", "gender", "party_member",
                "party_grade")
EDGE_COLUMNS = ("source", "target", "type", "role")
EDGE_TYPES = ("PART_OF", "LOCATED_IN", "BELONGS_TO", "HOLDS", "WORKS_AT", "LIAISES_WITH")
LABELS = ("Region", "Organization", "Body", "Person")


#: The edges that lead from people (what ``subgraph(..., people=False)`` leaves out, with the people).
PERSON_EDGES = ("HOLDS", "WORKS_AT", "LIAISES_WITH")


def subgraph(engine, as_of: date | str, people: bool = True) -> Subgraph:
    """One day's nodes and edges from any engine (``Engine.subgraph``; see the module docstring for
    the columns).

    ``people=False`` leaves out the people and the edges from them: the coverage view draws
    regions, organizations and bodies only, and on a province that saves most of the work.
    """
    day = as_timestamp(as_of).date()
    nodes, edges = engine.subgraph(day, people=people)
    if not people:
        nodes = nodes[nodes["label"] != "Person"]
        edges = edges[~edges["type"].isin(PERSON_EDGES)]
    return Subgraph(conform_nodes(nodes), conform_edges(edges))


def networkx_subgraph(graph, day: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The networkx engine's ``subgraph``: read the ``MultiDiGraph`` built by ``orgnet.graph``
    (its dates are ISO text, compared as text)."""
    rows, alive, day = [], set(), day.isoformat()
    for node, a in graph.nodes(data=True):
        label = a["label"]
        if label not in LABELS:
            continue
        if label == "Body":
            if not active(a.get("founded"), a.get("dissolved"), day):
                continue
            alive.add(node)
        rows.append({"node": node, **{c: a.get(c) for c in NODE_COLUMNS if c != "node"}})
    edges = []
    for u, v, e in graph.edges(data=True):
        kind = e["type"]
        if kind in ("PART_OF", "LOCATED_IN", "WORKS_AT"):
            keep = True
        elif kind == "BELONGS_TO":
            keep = u in alive
        elif kind == "HOLDS":
            keep = v in alive and active(e.get("start"), e.get("end"), day)
        elif kind == "LIAISES_WITH":
            keep = v in alive and active(e.get("since"), e.get("until"), day)
        else:
            keep = False
        if keep:
            edges.append({"source": u, "target": v, "type": kind, "role": e.get("role") or ""})
    return pd.DataFrame(rows, columns=list(NODE_COLUMNS)), pd.DataFrame(edges, columns=list(EDGE_COLUMNS))


def conform_nodes(frame: pd.DataFrame) -> pd.DataFrame:
    """Nodes with exactly ``NODE_COLUMNS``: text as str ("" for missing), bools, nullable ints."""
    frame = frame.copy()
    for col in NODE_COLUMNS:
        if col not in frame.columns:
            frame[col] = None
    frame = frame[list(NODE_COLUMNS)]
    for col in TEXT_COLUMNS:  # plain Python str in object columns: the views read them value by value
        values = frame[col].to_numpy(dtype=object)
        frame[col] = pd.Series(values, index=frame.index, dtype=object).where(pd.notna(values), "")
    for col in BOOL_COLUMNS:
        frame[col] = frame[col].astype(object).where(frame[col].notna(), False).astype(bool)
    for col in INT_COLUMNS:
        frame[col] = pd.array(pd.to_numeric(frame[col], errors="coerce"), dtype="Int64")
    unknown = set(frame["label"]) - set(LABELS)
    if unknown:
        raise InputError(f"subgraph: unknown node labels {sorted(unknown)}")
    return frame.reset_index(drop=True)


def conform_edges(frame: pd.DataFrame) -> pd.DataFrame:
    """Edges with exactly ``EDGE_COLUMNS``, text ("" for a missing role)."""
    frame = frame.copy()
    for col in EDGE_COLUMNS:
        if col not in frame.columns:
            frame[col] = ""
    frame = frame[list(EDGE_COLUMNS)]
    for col in EDGE_COLUMNS:
        values = frame[col].to_numpy(dtype=object)
        frame[col] = pd.Series(values, index=frame.index, dtype=object).where(pd.notna(values), "")
    return frame[frame["type"].isin(EDGE_TYPES)].reset_index(drop=True)


class NodeAttrs(Mapping):
    """node → its attributes as a dict, made when first asked for: a province has millions of nodes
    and a view reads a few thousand of them."""

    def __init__(self, columns: dict[str, list]):
        self._columns = columns
        self._row = dict(zip(columns["node"].tolist(), range(len(columns["node"]))))
        self._made: dict[str, dict] = {}

    def __getitem__(self, node: str) -> dict:
        made = self._made.get(node)
        if made is None:
            i = self._row[node]
            made = self._made[node] = {c: values[i] for c, values in self._columns.items()}
        return made

    def value(self, node: str, column: str):
        """One attribute, without making the node's dict."""
        return self._columns[column][self._row[node]]

    def __contains__(self, node) -> bool:
        return node in self._row

    def __iter__(self):
        return iter(self._row)

    def __len__(self) -> int:
        return len(self._row)


@dataclass
class Subgraph:
    """One day's nodes and edges, with the lookups the views need.

    Attributes
    ----------
    attrs : node → its row as a dict
    parent : region node → parent region node
    subregions : region node → child region nodes
    orgs_in : region node → organizations located directly in it
    bodies_of : organization or region node → active bodies belonging to it
    holders : body node → [(person node, role)] of current posts
    posts_of : person node → [(body node, role)] of current posts
    employees : organization node → people working there
    liaisons_of : person node → bodies she liaises with; ``liaised_by`` the reverse
    """

    nodes: pd.DataFrame
    edges: pd.DataFrame
    attrs: NodeAttrs = field(init=False, repr=False)

    def __post_init__(self) -> None:
        columns = {c: self.nodes[c].to_numpy(dtype=object) for c in NODE_COLUMNS}  # column-wise: fast
        for col in INT_COLUMNS:
            columns[col] = [None if v is None or v is pd.NA else int(v) for v in columns[col]]
        self.attrs = NodeAttrs(columns)
        self._labels = columns["label"].tolist()
        self.parent: dict[str, str] = {}
        self.subregions = defaultdict(list)
        self.orgs_in = defaultdict(list)
        self.bodies_of = defaultdict(list)
        self.holders = defaultdict(list)
        self.posts_of = defaultdict(list)
        self.employees = defaultdict(list)
        self.liaisons_of = defaultdict(list)
        self.liaised_by = defaultdict(list)
        known = self.attrs._row  # a plain dict: membership at C speed
        for source, target, kind, role in zip(*(self.edges[c].to_numpy(dtype=object).tolist() for c in EDGE_COLUMNS)):
            if source not in known or target not in known:
                continue
            if kind == "PART_OF":
                self.parent[source] = target
                self.subregions[target].append(source)
            elif kind == "LOCATED_IN":
                self.orgs_in[target].append(source)
            elif kind == "BELONGS_TO":
                self.bodies_of[target].append(source)
            elif kind == "HOLDS":
                self.holders[target].append((source, role))
                self.posts_of[source].append((target, role))
            elif kind == "WORKS_AT":
                self.employees[target].append(source)
            elif kind == "LIAISES_WITH":
                self.liaisons_of[source].append(target)
                self.liaised_by[target].append(source)

    # -- lookups ------------------------------------------------------------------------------
    def node(self, node: str) -> dict:
        """The attributes of one node."""
        return self.attrs[node]

    def value(self, node: str, column: str):
        """One attribute of one node (cheaper than ``node(n)[column]`` when reading many nodes)."""
        return self.attrs.value(node, column)

    def of_label(self, label: str) -> list[str]:
        """Every node with this label, in the order the engine gave them."""
        return [n for n, kind in zip(self.attrs, self._labels) if kind == label]

    def find(self, label: str, raw_id: str) -> str:
        """The node for ``label`` and ``raw_id``; ``InputError`` naming the option when absent."""
        node = f"{label}:{raw_id}"
        if node not in self.attrs:
            raise InputError(f"no {label.lower()} with id {raw_id!r} in this dataset")
        return node

    def roots(self) -> list[str]:
        """Regions without a parent."""
        return [n for n in self.of_label("Region") if n not in self.parent]

    def region_of(self, node: str) -> str | None:
        """The region node an organization, body or region sits in (itself for a region)."""
        a = self.attrs[node]
        if a["label"] == "Region":
            return node
        if a["label"] == "Organization":
            return f"Region:{a['region_id']}" if a["region_id"] else None
        if a["label"] == "Body":
            return self.region_of(f"Organization:{a['org_id']}") if a["org_id"] else f"Region:{a['region_id']}"
        return None

    def descendants(self, region: str) -> list[str]:
        """The region and every region below it, parents before children."""
        out, todo = [], [region]
        while todo:
            node = todo.pop()
            out.append(node)
            todo.extend(reversed(self.subregions.get(node, ())))
        return out

    def ancestors(self, region: str) -> list[str]:
        """The region and every region above it, nearest first."""
        out = []
        while region is not None and region not in out:
            out.append(region)
            region = self.parent.get(region)
        return out

    def host(self, body: str) -> str:
        """The organization or region a body belongs to."""
        a = self.attrs[body]
        return f"Organization:{a['org_id']}" if a["org_id"] else f"Region:{a['region_id']}"

    # -- redaction ----------------------------------------------------------------------------
    def redacted(self, names: dict[str, str]) -> Subgraph:
        """The same subgraph with each person's id and name replaced by ``names[person_id]``."""
        people = self.nodes["label"] == "Person"
        renamed = {f"Person:{pid}": f"Person:{alias}" for pid, alias in names.items()}
        nodes = self.nodes.copy()
        alias = nodes.loc[people, "id"].map(names)
        nodes.loc[people, "id"] = alias.fillna(nodes.loc[people, "id"])
        nodes.loc[people, "name"] = alias.fillna(nodes.loc[people, "name"])
        nodes.loc[people, "node"] = "Person:" + nodes.loc[people, "id"]
        edges = self.edges.copy()
        edges["source"] = edges["source"].map(lambda n: renamed.get(n, n))
        return Subgraph(nodes, edges)

    def node_ids(self, label: str) -> list[str]:
        """Raw ids of every node with this label."""
        return [self.attrs[n]["id"] for n in self.of_label(label)]
