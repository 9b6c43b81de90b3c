"""The graph for other tools: GraphML and GEXF (Gephi, Cytoscape), node-link JSON, and the CSV layout
of ``neo4j-admin database import`` for a bulk first load of a very large dataset.

All are written straight from the validated tables, no networkx graph built: the first three by
``orgnet.export_tools`` (names as labels, the day's analysis on every node), the import CSV by
``write_neo4j_csv``, holding the nodes, relationships and properties of ``orgnet.graph``'s graph
(``tests/test_export.py`` compares them; ``snapshot_graph`` cuts that graph to a day).

Every export can be cut to one day (``as_of``: only bodies, posts, links and uses current then, only
visits and demonstration points up to then) and redacted (``orgnet.redact``: person ids and names →
stable pseudonyms, person columns off its allow list dropped). Values
are made safe for the writers and the readers: no ``None`` (the attribute is left out), dates as ISO
text. Values are stored verbatim: the import CSV is for ``neo4j-admin``, not a spreadsheet, so it is
not formula-neutralized (an id ``-001`` stays ``-001`` in every file; ``orgnet.output.render``
neutralizes the analyses' CSV, which a spreadsheet does open). The folder is built aside and renamed
into place whole (``orgnet.files.write_folder``): a failed export leaves the target as it was.

Examples
--------
>>> import orgnet, tempfile, pathlib, networkx as nx
>>> net = orgnet.load("tests/data/tiny")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "tiny.graphml"
>>> counts = net.export("graphml", out, as_of="2012-06-30")
>>> back = nx.read_graphml(out)
>>> (back.number_of_nodes(), back.number_of_edges()) == (counts["nodes"], counts["edges"])
True
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from .active import active
from .dataset import Dataset
from .graph import EDGES
from .files import write_folder
from .redact import pseudonyms, redact_people_table
from .schema import SCHEMA

FORMATS = ("graphml", "gexf", "json", "neo4j-csv")
GRAPH_FORMATS = ("graphml", "gexf", "json")
#: Edge types whose validity is (first, last) attributes, cut by as_of like posts.
_SPANS = {"HOLDS": ("start", "end"), "LIAISES_WITH": ("since", "until"), "USES": ("since", "until")}
#: Edge types that happen on or from a day: kept when that day is not after as_of.
_FROM = {"VISITED": "date", "DEMO_AT": "since", "PAIRED_WITH": "since"}
#: The files a neo4j-csv export writes: a folder holding only these is an earlier export, replaced whole.
NEO4J_CSV_FILES = ("nodes_*.csv", "rels_*.csv", "IMPORT.txt")


def snapshot_graph(graph: nx.MultiDiGraph, as_of) -> nx.MultiDiGraph:
    """A copy of ``orgnet.graph``'s graph with only what is current on ``as_of``: bodies, posts, links,
    uses, visits, demo points (the rows ``_kept`` keeps; dates there are ISO text, so compared as text)."""
    day = pd.Timestamp(as_of).date().isoformat()
    keep = [n for n, a in graph.nodes(data=True)
            if not (a["label"] == "Body" and not active(a.get("founded"), a.get("dissolved"), day))
            and not (a["label"] == "DemoPoint" and not active(a.get("since"), None, day))]
    cut = nx.MultiDiGraph(graph.subgraph(keep))
    drop = []
    for u, v, k, e in cut.edges(keys=True, data=True):
        span, start = _SPANS.get(e["type"]), _FROM.get(e["type"])
        if (span and not active(e.get(span[0]), e.get(span[1]), day)) or (start and not active(e.get(start), None, day)):
            drop.append((u, v, k))
    cut.remove_edges_from(drop)
    cut.graph["as_of"] = day
    return cut


def write_neo4j_csv(dataset: Dataset, folder: Path, as_of=None, redact: bool = False) -> dict[str, int]:
    """The import tool's CSV layout, written straight from the validated tables (no graph is built).

    One nodes file per label (``id:ID(<Label>)``, typed columns, ``:LABEL``; bodies also carry
    their system's label) and one relationships file per (type, end labels) (``:START_ID``,
    ``:END_ID``, properties, ``:TYPE``): the graph ``orgnet.graph`` builds, cut to ``as_of`` as
    ``snapshot_graph`` cuts it. HOLDS, LIAISES_WITH and USES carry the ``key`` the batched loader
    merges on, so a later ``orgnet load`` into the imported database updates them in place.

    >>> import orgnet, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_neo4j_csv(orgnet.load("tests/data/tiny").dataset, folder, as_of="2012-06-30")["nodes"] > 0
    True
    """
    kept = _kept(dataset, None if as_of is None else pd.Timestamp(as_of).date())
    names = pseudonyms(dataset["people"]["id"]) if redact else None
    files: dict[str, pd.DataFrame] = {}
    nodes = edges = 0
    for table in SCHEMA.node_tables():
        frame = dataset[table.name][kept[table.name]]
        if names is not None and table.name == "people":
            frame = redact_people_table(frame, names)
        columns = sorted(c for c in frame.columns if c not in ("id", "_row"))
        body = {f"id:ID({table.label})": _text(frame["id"])}
        for c in columns:
            body[_header(table.name, c)] = _text(frame[c])
        labels = pd.Series(table.label, index=frame.index, dtype="str")
        if table.name == "bodies":
            extra = frame["system"].map(SCHEMA.system_labels)
            labels = labels.where(extra.isna(), table.label + ";" + extra.fillna(""))
        body[":LABEL"] = _text(labels)
        files[f"nodes_{table.label}.csv"] = pd.DataFrame(body)
        nodes += len(frame)
    for name, kind, start, end, attrs, frame in _relationships(dataset, kept):
        if names is not None:  # people's ids at either end become their pseudonyms
            frame = frame.assign(**{c: frame[c].map(names) for c, label in (start, end) if label == "Person"})
        body = {f":START_ID({start[1]})": _text(frame[start[0]]), f":END_ID({end[1]})": _text(frame[end[0]])}
        for c in sorted(attrs):
            body[_header(name, c)] = _text(frame[c])
        if kind in _KEYS:
            body["key"] = _text(_KEYS[kind](frame))
        body[":TYPE"] = pd.array([kind] * len(frame), dtype="str")
        files[f"rels_{kind}_{start[1]}_{end[1]}.csv"] = pd.DataFrame(body)
        edges += len(frame)
    node_args = " ".join(f"--nodes={name}" for name in files if name.startswith("nodes_"))
    rel_args = " ".join(f"--relationships={name}" for name in files if name.startswith("rels_"))
    with write_folder(folder, NEO4J_CSV_FILES) as aside:
        for file, frame in files.items():
            (aside / file).write_bytes(_csv_bytes(frame))
        (aside / "IMPORT.txt").write_text(
            "Bulk first load into an empty, stopped Neo4j 5 database (run in this folder):\n\n"
            f"neo4j-admin database import full neo4j {node_args} {rel_args}\n", encoding="utf-8")
    return {"nodes": nodes, "edges": edges}


def _iso(dates: pd.Series) -> pd.Series:
    """Dates as ``YYYY-MM-DD`` text (NaT: missing), through Arrow's cast (``strftime`` is per value)."""
    import pyarrow as pa

    days = pa.array(dates.to_numpy("datetime64[D]"), from_pandas=True).cast(pa.large_string())
    return pd.Series(pd.array(days, dtype="str"), index=dates.index)


#: The identity the batched loader merges each relationship on (``cypher/load/relationships``).
_KEYS = {
    "HOLDS": lambda f: f["role"].astype("str") + "|" + _iso(f["start"]).fillna(""),
    "LIAISES_WITH": lambda f: _iso(f["since"]).fillna(""),
    "USES": lambda f: _iso(f["since"]).fillna(""),
}


def _kept(dataset: Dataset, day: date | None) -> dict[str, np.ndarray]:
    """Per table, the rows current on ``day`` (every row when None), as ``snapshot_graph`` keeps them."""
    def on(table, first, last=None):
        frame = dataset[table]
        keep = frame[first].isna() | (frame[first] <= at)
        if last is not None:
            keep &= frame[last].isna() | (frame[last] > at)
        return keep.to_numpy()

    kept = {name: np.ones(len(frame), bool) for name, frame in dataset.tables.items()}
    if day is None:
        return kept
    at = pd.Timestamp(day)
    kept["bodies"] = on("bodies", "founded", "dissolved")
    kept["demo_points"] = on("demo_points", "since")
    body_kept = kept["bodies"]
    for table, first, last in (("posts", "start", "end"), ("liaisons", "since", "until"), ("visits", "date", None),
                               ("venue_uses", "since", "until")):
        kept[table] = on(table, first, last) & body_kept[np.maximum(dataset.positions[(table, "body_id")], 0)]
    demo = dataset.positions[("pairings", "demo_point_id")]
    kept["pairings"] = on("pairings", "since") & kept["demo_points"][np.maximum(demo, 0)]
    return kept


def _relationships(dataset: Dataset, kept: dict[str, np.ndarray]):
    """(table, type, (column, start label), (column, end label), attributes, rows) per relationships file."""
    for table, kind, start, end, attrs in EDGES:
        frame = dataset[table][kept[table]]
        if kind == "BELONGS_TO":
            region_level = frame["org_id"].isna()
            yield table, kind, start, end, attrs, frame[~region_level]
            yield table, kind, start, ("region_id", "Region"), attrs, frame[region_level]
        else:
            yield table, kind, start, end, attrs, frame[frame[end[0]].notna()]


def _header(table: str, column: str) -> str:
    """A property's header with the import tool's type: int → long, bool → boolean, date → date."""
    col = SCHEMA.tables[table].columns.get(column)
    kind = {"int": "long", "bool": "boolean", "date": "date"}.get(col.type) if col is not None else None
    return f"{column}:{kind}" if kind else column


def _text(values: pd.Series) -> pd.api.extensions.ExtensionArray:
    """A column as the import tool's text (empty: no property), values verbatim."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return _iso(values).array
    if values.dtype == bool:
        return pd.array(np.where(values.to_numpy(), "true", "false"), dtype="str")
    if pd.api.types.is_integer_dtype(values):
        return values.astype("str").array
    return values.astype("str").array


def _csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV as the import tool reads it: text in quotes, missing values as empty cells (no property)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    sink = pa.BufferOutputStream()
    table = pa.Table.from_pandas(frame, preserve_index=False)
    pacsv.write_csv(table, sink, pacsv.WriteOptions(quoting_header="none", eol="\n"))
    return sink.getvalue().to_pybytes()
