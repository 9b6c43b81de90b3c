"""The network on one day (``Network.at(day)``): every analysis with the day fixed, and a networkx
graph of what is active that day only.

``net.at("2012-06-30")`` takes the same date spellings as ``as_of`` anywhere. The view has the
``Network``'s analysis methods without ``as_of`` (``.gaps()``, ``.overlaps(lens="all")``, ``.plan()`` …;
``liaison_check`` defaults to the day's year), ``.person(id)`` with ``active`` meaning on that day,
and two graphs:

``graph``
    what is active that day: every organization, the bodies active on the day (founded, not
    dissolved), the people holding a post or a liaison link that day; edges ``HOLDS`` (current posts
    in active bodies, with ``role``), ``LIAISES_WITH`` (current links to active bodies) and
    ``BELONGS_TO`` (active body → its organization). No region nodes, so degree centrality ranks
    people, bodies and organizations. Organizations and bodies carry ``region_id``, ``region_name``,
    ``township_id`` and ``township_name``.
``to_networkx(regions=True)``
    the same plus the region tree: ``Region`` nodes, ``PART_OF`` (region → parent), ``LOCATED_IN``
    (organization → region) and ``BELONGS_TO`` from region-level bodies (a township's federation).

Both are ``networkx.MultiDiGraph`` (a person may hold two posts in one body) with plain attributes:
text, ``int``, ``bool``; empty text as ``""``, a missing number left out, never ``None``, so
``nx.write_gexf`` and ``nx.write_graphml`` take them as they are. Nodes are ``"<Label>:<id>"`` with
``node_type`` (``Organization``, ``Body``, ``Person``, ``Region``), ``node_id`` (the table's id),
``name``, ``label`` (the name again: what Gephi shows) and their table's columns; edges have
``relationship`` (``HOLDS`` …) and, for ``HOLDS``, ``role``. (GEXF takes a node's ``id`` and
``label`` and an edge's ``type`` as its own, hence these names.)
On Neo4j the graph is drawn from the facts fetched from the server (``orgnet.engines.subgraph.from_facts``:
no liaison links, no grades or staff totals beyond what the facts carry).

Examples
--------
>>> import orgnet
>>> day = orgnet.load("tests/data/tiny").at("2012-06-30")
>>> day
<orgnet.Network 'tests/data/tiny' on 2012-06-30>
>>> sorted(day.gaps().rule.unique().tolist())[:2]
['committee_required', 'liaison_required']
>>> g = day.graph
>>> "Body:B15" in g, "Region:R1" in g, "Region:R1" in day.to_networkx(regions=True)
(False, False, True)
"""

from __future__ import annotations

import functools
import gc
import inspect
from datetime import date

import numpy as np
import pandas as pd

#: The ``Network`` methods a day view offers with ``as_of`` fixed to its day.
DAY_METHODS = ("gaps", "overlaps", "nameplates", "plan", "stats", "impact", "key_people", "composition",
               "demo_reach", "venues", "coverage", "bridges", "view", "chart", "report", "export", "person")

#: Region-tree edges, in ``to_networkx(regions=True)`` only.
REGION_EDGES = ("PART_OF", "LOCATED_IN")


class NetworkDay:
    """A ``Network`` on one day (``Network.at``); see the module docstring."""

    def __init__(self, network, day: date):
        self.network = network
        self.day = day
        self._graphs: dict[bool, object] = {}

    def __repr__(self) -> str:
        return f"<orgnet.Network {self.network.where!r} on {self.day.isoformat()}>"

    def _repr_html_(self) -> str:
        from .api_show import day_html

        return day_html(self)

    def run(self, name: str, **args) -> pd.DataFrame:
        """``Network.run`` with ``as_of`` set to the day (``year`` to its year, for ``liaison_check``)."""
        from .analyses import ANALYSES

        record = ANALYSES.get(name)
        if record is not None and "as_of" in record.args:
            args.setdefault("as_of", self.day)
        if record is not None and "year" in record.args:
            args.setdefault("year", self.day.year)
        return self.network.run(name, **args)

    def liaison_check(self, year: int | None = None, rules=None) -> pd.DataFrame:
        """``Network.liaison_check`` for the day's year unless ``year`` is given."""
        return self.network.liaison_check(year=year or self.day.year, rules=rules)

    @property
    def graph(self):
        """What is active on the day, without the region tree (see the module docstring)."""
        return self.to_networkx()

    def to_networkx(self, regions: bool = False):
        """The day's ``networkx.MultiDiGraph``; ``regions=True`` adds the region tree (module docstring).

        Built once per choice and kept; copy it (``.copy()``) before changing it.
        """
        if regions not in self._graphs:
            nodes, edges = self.network.engine.subgraph(self.day, people=True)
            self._graphs[regions] = day_graph(nodes, edges, self.network.places, regions)
        return self._graphs[regions]


def _fixed(network_class, name: str):
    """The ``Network`` method ``name`` with ``as_of`` fixed to the view's day."""
    method = getattr(network_class, name)
    signature = inspect.signature(method)

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        if "as_of" in kwargs:
            raise TypeError(f"{name}() on a day view takes no as_of: the view is on {self.day.isoformat()} "
                            "(use net.at(another_day) or the Network's own method)")
        bound = signature.bind(self.network, *args, **kwargs)
        bound.arguments["as_of"] = self.day
        return method(*bound.args, **bound.kwargs)

    call.__signature__ = signature.replace(parameters=[p for p in signature.parameters.values() if p.name != "as_of"])
    call.__doc__ = (method.__doc__ or "").replace("``as_of``", "the day")
    return call


def add_day_methods(network_class) -> None:
    """Give ``NetworkDay`` every method of ``DAY_METHODS`` of ``network_class`` (called once, by ``orgnet.api``)."""
    for name in DAY_METHODS:
        setattr(NetworkDay, name, _fixed(network_class, name))


# -- the day's graph ------------------------------------------------------------------------------
def day_graph(nodes: pd.DataFrame, edges: pd.DataFrame, places, regions: bool):
    """(nodes, edges) of an engine's ``subgraph`` → the day's ``MultiDiGraph`` (module docstring)."""
    import networkx as nx

    to_region = edges["target"].str.startswith("Region:")
    keep = edges["type"].isin(("HOLDS", "LIAISES_WITH")) | ((edges["type"] == "BELONGS_TO") & ~to_region)
    if regions:
        keep |= edges["type"].isin(REGION_EDGES) | ((edges["type"] == "BELONGS_TO") & to_region)
    edges = edges[keep]
    people = edges.loc[edges["type"].isin(("HOLDS", "LIAISES_WITH")), "source"].to_numpy(dtype=object)
    label = nodes["label"]
    wanted = label.isin(("Organization", "Body")) | ((label == "Person") & _among(nodes["node"], people))
    if regions:
        wanted |= label == "Region"
    nodes = nodes[wanted]
    if places is not None:
        nodes = _placed(nodes, places)
    # GEXF writers read ``id``, ``label`` and an edge's ``type`` as their own (node id, display label,
    # directed or not): the raw id is ``node_id``, the display label the name, the edge's type ``relationship``
    nodes = nodes.rename(columns={"label": "node_type", "id": "node_id"}).assign(label=nodes["name"])
    graph = nx.MultiDiGraph()
    paused = gc.isenabled()
    gc.disable()  # hundreds of thousands of new dicts: no collections walking them while they are made
    try:
        _fill(graph, nodes, edges)
    finally:
        if paused:
            gc.enable()
    return graph


def _fill(graph, nodes: pd.DataFrame, edges: pd.DataFrame) -> None:
    """Nodes and edges straight into networkx's adjacency dicts (its "Graph internals", as ``orgnet.graph``)."""
    node, succ, pred = graph._node, graph._succ, graph._pred
    for _, group in nodes.groupby("node_type", sort=False):
        group = group.dropna(axis=1, how="all")  # a label's own columns only
        for n, attrs in zip(group["node"].tolist(), _plain_records(group.drop(columns="node"))):
            node[n], succ[n], pred[n] = attrs, {}, {}
    for kind, group in edges.rename(columns={"type": "relationship"}).groupby("relationship", sort=False):
        attrs = ["relationship", "role"] if kind == "HOLDS" and "role" in group else ["relationship"]
        for u, v, data in zip(group["source"].tolist(), group["target"].tolist(), _plain_records(group[attrs])):
            keys = succ[u].get(v)
            if keys is None:
                succ[u][v] = pred[v][u] = {0: data}
            else:
                keys[len(keys)] = data


def _among(values: pd.Series, wanted: np.ndarray) -> np.ndarray:
    """Which ``values`` are in ``wanted`` (pyarrow's hash join: pandas' ``isin`` on Arrow-held text
    makes a Python object per wanted value)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    found = pc.is_in(pa.array(values.astype(object).to_numpy(), type=pa.string()),
                     value_set=pa.array(wanted, type=pa.string()).unique())
    return found.to_numpy(zero_copy_only=False)


def _placed(nodes: pd.DataFrame, places) -> pd.DataFrame:
    """Organizations and bodies with ``region_id`` (a hosted body's: its host's), ``region_name``,
    ``township_id`` and ``township_name``; other nodes without them."""
    placed = nodes["label"].isin(("Organization", "Body"))
    region = nodes["region_id"].astype(object).where(nodes["region_id"].notna() & (nodes["region_id"] != ""), None)
    hosted = region.isna() & nodes["org_id"].notna()
    region[hosted] = nodes.loc[hosted, "org_id"].astype(object).map(places.org_region)
    added = places.add(pd.DataFrame({"region_id": region.fillna("").astype(str)}, index=nodes.index))
    return nodes.assign(**{c: added[c].where(placed, None) for c in added.columns})


def _plain_records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain values, each column one type (what its present values are: ``bool``,
    ``int``, ``float``, else text); empty text as ``""``, a missing number or flag left out, so no
    attribute is ever ``None`` (GEXF and GraphML refuse it).

    >>> _plain_records(pd.DataFrame({"a": ["x", None], "n": [3.0, float("nan")], "b": [True, None]}))
    [{'a': 'x', 'n': 3, 'b': True}, {'a': ''}]
    """
    keys = list(frame.columns)
    plain = [_plain(frame[col]) for col in keys]
    rows = [dict(zip(keys, row)) for row in zip(*(values for values, _ in plain))]
    for key, (_, missing) in zip(keys, plain):
        for i in missing:
            del rows[i][key]
    return rows


def _plain(values: pd.Series) -> tuple[list, list[int]]:
    """One column as plain values of one type (see ``_plain_records``), and the rows where a number
    or flag is missing (to leave out)."""
    missing = values.isna().to_numpy()
    kind = pd.api.types.infer_dtype(values, skipna=True)
    if kind == "boolean":
        return values.astype(object).where(~missing, False).astype(bool).tolist(), np.flatnonzero(missing).tolist()
    if kind in ("integer", "floating", "mixed-integer-float"):
        numbers = values.astype(object).where(~missing, 0).astype(float).to_numpy()
        whole = bool(np.all(numbers == np.floor(numbers)))
        out = numbers.astype(np.int64).tolist() if whole else numbers.tolist()
        return out, np.flatnonzero(missing).tolist()
    if kind == "empty":
        return [""] * len(values), []
    if kind == "string":
        return values.astype(object).where(~missing, "").tolist(), []
    return values.astype(object).where(~missing, "").astype(str).tolist(), []
