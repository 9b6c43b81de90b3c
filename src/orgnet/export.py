"""The graph for other tools: GraphML and GEXF (Gephi, Cytoscape), node-link JSON, and the CSV layout
of ``neo4j-admin database import`` for a bulk first load of a very large dataset.

Every export can be cut to one day (``as_of``: only bodies, posts, links and uses current then, only
visits and demonstration points up to then) and redacted (person names → stable pseudonyms). Values
are made safe for the writers and the readers: no ``None`` (the attribute is left out), dates as ISO
text, and in CSV any text starting with ``= + - @`` or a tab gets a leading ``'`` so a spreadsheet
shows it instead of running it (OWASP's advice against CSV injection).

Examples
--------
>>> import orgnet, tempfile, pathlib, networkx as nx
>>> net = orgnet.load("tests/data/tiny")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "tiny.graphml"
>>> counts = export_graph(net.graph, "graphml", out, as_of="2012-06-30")
>>> back = nx.read_graphml(out)
>>> (back.number_of_nodes(), back.number_of_edges()) == (counts["nodes"], counts["edges"])
True
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from datetime import date
from pathlib import Path

import networkx as nx
import pandas as pd

from .errors import InputError
from .output import neutralize, write_atomic
from .schema import SCHEMA

FORMATS = ("graphml", "gexf", "json", "neo4j-csv")
#: Edge types whose validity is (first, last) attributes, cut by as_of like posts.
_SPANS = {"HOLDS": ("start", "end"), "LIAISES_WITH": ("since", "until"), "USES": ("since", "until")}
#: Edge types that happen on or from a day: kept when that day is not after as_of.
_FROM = {"VISITED": "date", "DEMO_AT": "since", "PAIRED_WITH": "since"}


def export_graph(graph: nx.MultiDiGraph, fmt: str, out: Path, as_of=None, redact: bool = False) -> dict[str, int]:
    """Write ``graph`` (optionally cut to ``as_of`` and redacted) as ``fmt`` to ``out``.

    ``out`` is a file for graphml, gexf and json, a folder for neo4j-csv. Returns node and edge counts.
    """
    if fmt not in FORMATS:
        raise InputError(f"--to {fmt}: expected one of {', '.join(FORMATS)}")
    view = snapshot_graph(graph, as_of) if as_of is not None else graph
    clean = _portable(view, redact)
    out = Path(out)
    if fmt == "graphml":
        buffer = io.BytesIO()
        nx.write_graphml(clean, buffer, encoding="utf-8")
        write_atomic(out, buffer.getvalue())
    elif fmt == "gexf":
        buffer = io.BytesIO()
        nx.write_gexf(clean, buffer, encoding="utf-8")
        write_atomic(out, buffer.getvalue())
    elif fmt == "json":
        data = nx.node_link_data(clean, edges="edges")
        write_atomic(out, json.dumps(data, ensure_ascii=False, indent=1))
    else:
        _write_neo4j_csv(clean, out)
    return {"nodes": clean.number_of_nodes(), "edges": clean.number_of_edges()}


def snapshot_graph(graph: nx.MultiDiGraph, as_of) -> nx.MultiDiGraph:
    """A copy with only what is current on ``as_of``: bodies, posts, links, uses, visits, demo points."""
    day = pd.Timestamp(as_of).date()

    def current(first, last) -> bool:
        return (first is None or first <= day) and (last is None or last > day)

    keep = [n for n, a in graph.nodes(data=True)
            if not (a["label"] == "Body" and not current(a["founded"], a["dissolved"]))
            and not (a["label"] == "DemoPoint" and a["since"] is not None and a["since"] > day)]
    cut = nx.MultiDiGraph(graph.subgraph(keep))
    drop = []
    for u, v, k, e in cut.edges(keys=True, data=True):
        span, start = _SPANS.get(e["type"]), _FROM.get(e["type"])
        if (span and not current(e[span[0]], e[span[1]])) or (start and e[start] is not None and e[start] > day):
            drop.append((u, v, k))
    cut.remove_edges_from(drop)
    cut.graph["as_of"] = day.isoformat()
    return cut


def _portable(graph: nx.MultiDiGraph, redact: bool) -> nx.MultiDiGraph:
    """Attributes every writer and reader accepts: no None, dates as text, names redacted if asked."""
    names = {}
    if redact:
        from .redact import pseudonyms

        names = pseudonyms(a["id"] for _, a in graph.nodes(data=True) if a["label"] == "Person")
    clean = nx.MultiDiGraph(**{k: _value(v) for k, v in graph.graph.items() if v is not None})
    for n, a in graph.nodes(data=True):
        attrs = {k: _value(v) for k, v in a.items() if v is not None}
        if a["label"] == "Person" and redact:
            attrs["name"] = names[a["id"]]
        clean.add_node(n, **attrs)
    for u, v, k, e in graph.edges(keys=True, data=True):
        clean.add_edge(u, v, key=k, **{name: _value(x) for name, x in e.items() if x is not None})
    return clean


def _value(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        return ";".join(map(str, value))
    return value


def _write_neo4j_csv(graph: nx.MultiDiGraph, folder: Path) -> None:
    """One nodes file per label and one relationships file per (type, end labels), with import headers."""
    label_of = {n: a["label"] for n, a in graph.nodes(data=True)}
    nodes: dict[str, list[dict]] = defaultdict(list)
    for n, a in graph.nodes(data=True):
        nodes[a["label"]].append(a)
    files: dict[str, str] = {}
    for label, rows in nodes.items():
        columns = sorted({k for r in rows for k in r} - {"label", "id"})
        header = [f"id:ID({label})", *(_typed(c, rows) for c in columns), ":LABEL"]
        body = [[r["id"], *(_cell(r.get(c)) for c in columns), _labels(label, r)] for r in rows]
        files[f"nodes_{label}.csv"] = _csv(header, body)
    rels: dict[tuple[str, str, str], list[tuple]] = defaultdict(list)
    for u, v, e in graph.edges(data=True):
        rels[(e["type"], label_of[u], label_of[v])].append((graph.nodes[u]["id"], graph.nodes[v]["id"], e))
    for (kind, start, end), rows in rels.items():
        columns = sorted({k for _, _, e in rows for k in e} - {"type"})
        header = [f":START_ID({start})", f":END_ID({end})", *(_typed(c, [e for _, _, e in rows]) for c in columns), ":TYPE"]
        body = [[a, b, *(_cell(e.get(c)) for c in columns), kind] for a, b, e in rows]
        files[f"rels_{kind}_{start}_{end}.csv"] = _csv(header, body)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        write_atomic(folder / name, text)
    node_args = " ".join(f"--nodes={name}" for name in files if name.startswith("nodes_"))
    rel_args = " ".join(f"--relationships={name}" for name in files if name.startswith("rels_"))
    write_atomic(folder / "IMPORT.txt",
                 "Bulk first load into an empty, stopped Neo4j 5 database (run in this folder):\n\n"
                 f"neo4j-admin database import full neo4j {node_args} {rel_args}\n")


def _labels(label: str, row: dict) -> str:
    system = row.get("system")
    return f"{label};{SCHEMA.system_labels[system]}" if label == "Body" and system in SCHEMA.system_labels else label


def _typed(column: str, rows: list[dict]) -> str:
    """A header with the import tool's type: int → long, bool → boolean, ISO dates → date."""
    sample = next((r[column] for r in rows if r.get(column) is not None), None)
    if isinstance(sample, bool):
        return f"{column}:boolean"
    if isinstance(sample, int):
        return f"{column}:long"
    if isinstance(sample, str) and len(sample) == 10 and sample[4] == "-" and sample[7] == "-" and column not in ("id", "name"):
        return f"{column}:date"
    return column


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralize(value) if isinstance(value, str) else str(value)


def _csv(header: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()
