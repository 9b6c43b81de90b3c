"""GEXF 1.2, GraphML and node-link JSON text from the node and edge tables of ``orgnet.export_tools``.

The XML is assembled column by column with Arrow's string kernels (escape, wrap in the element,
join), not element by element: a 100k-organization network is written in a few seconds
(``bench/gephi_export.py``). Missing values are left out: no empty ``attvalue``/``data`` element.

Examples
--------
>>> import pandas as pd
>>> nodes = pd.DataFrame({"node": ["A:1"], "label": ['a "b" & c'], "node_kind": ["A"], "n": pd.array([3], "Int64"),
...                       "color": ["#102030"], "size": [10.0]})
>>> edges = pd.DataFrame({"id": ["e0"], "source": ["A:1"], "target": ["A:1"], "rel": ["SELF"]})
>>> text = gexf(nodes, edges, description="test")
>>> '<node id="A:1" label="a &quot;b&quot; &amp; c">' in text, '<viz:color r="16" g="32" b="48"/>' in text
(True, True)
>>> '<attvalue for="n" value="3"/>' in text, '<edge id="e0" source="A:1" target="A:1" label="SELF">' in text
(True, True)
"""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .version import __version__

TEXT = pa.large_string()
#: Columns that are the element's own (id, label, ends, colour, size), not attributes.
NODE_OWN = ("node", "label", "size")
EDGE_OWN = ("id", "source", "target")
GEXF_TYPES = {"string": "string", "integer": "integer", "boolean": "boolean", "float": "double"}
GRAPHML_TYPES = {"string": "string", "integer": "long", "boolean": "boolean", "float": "double"}
_ATTRIBUTE_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("\n", "&#10;"),
                      ("\r", "&#13;"), ("\t", "&#9;"))


def kind_of(values: pd.Series) -> str:
    """string, integer, boolean or float: what the column's non-missing values are."""
    present = values.dropna()
    if not len(present):
        return "string"
    first = present.iloc[0]
    if isinstance(first, bool | np.bool_):
        return "boolean"
    if isinstance(first, int | np.integer):
        return "integer"
    if isinstance(first, float | np.floating):
        return "integer" if np.all(np.mod(present.astype(float), 1) == 0) and values.name != "size" else "float"
    return "string"


def _text(values: pd.Series, kind: str, escape: bool = True) -> pa.Array:
    """The column as XML-ready text (null where missing)."""
    missing = values.isna().to_numpy()
    if kind == "boolean":
        text = np.where(values.fillna(False).astype(bool).to_numpy(), "true", "false")
    elif kind == "integer":
        text = values.fillna(0).astype("int64").astype("str").to_numpy(dtype=object)
    elif kind == "float":
        text = values.fillna(0.0).astype(float).map(repr).to_numpy(dtype=object)
    else:
        text = values.to_numpy(dtype=object)
        missing = missing | pd.isna(text)
        text = np.where(missing, "", text).astype(object)
    out = pa.array(text, type=TEXT, mask=missing)
    if escape and kind == "string":
        for plain, entity in _ATTRIBUTE_ESCAPES:
            out = pc.replace_substring(out, plain, entity)
    return out


def _join(*parts) -> pa.Array:
    """Element-wise concatenation; a null part makes the whole null."""
    return pc.binary_join_element_wise(*[pa.scalar(p, TEXT) if isinstance(p, str) else p for p in parts], pa.scalar("", TEXT))


def _concat(pieces: list[pa.Array], length: int) -> pa.Array:
    """Element-wise concatenation with nulls skipped."""
    if not pieces:
        return pa.array([""] * length, type=TEXT)
    return pc.binary_join_element_wise(*pieces, pa.scalar("", TEXT), null_handling="replace", null_replacement="")


def _lines(rows: pa.Array) -> str:
    """All rows as one text, one per line."""
    if not len(rows):
        return ""
    whole = pa.LargeListArray.from_arrays(pa.array([0, len(rows)], pa.int64()), rows)
    return pc.binary_join(whole, pa.scalar("\n", TEXT))[0].as_py() + "\n"


def _attributes(frame: pd.DataFrame, own: tuple[str, ...]) -> dict[str, str]:
    return {c: kind_of(frame[c]) for c in frame.columns if c not in own}


def gexf(nodes: pd.DataFrame, edges: pd.DataFrame, description: str = "", day: date | None = None) -> str:
    """GEXF 1.2 (``http://www.gexf.net/1.2draft``, as networkx reads and writes it) with viz colours."""
    node_kinds, edge_kinds = _attributes(nodes, NODE_OWN), _attributes(edges, EDGE_OWN)
    head = ['<?xml version="1.0" encoding="UTF-8"?>',
            '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft '
            'http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">',
            f'  <meta lastmodifieddate="{(day or date.today()).isoformat()}">',
            f"    <creator>orgnet {__version__}</creator>",
            f"    <description>{_escape(description)}</description>", "  </meta>",
            '  <graph defaultedgetype="directed" mode="static">']
    for cls, kinds in (("node", node_kinds), ("edge", edge_kinds)):
        head.append(f'    <attributes class="{cls}" mode="static">')
        head += [f'      <attribute id="{c}" title="{c}" type="{GEXF_TYPES[k]}"/>' for c, k in kinds.items()]
        head.append("    </attributes>")
    values = [_join(f'<attvalue for="{c}" value="', _text(nodes[c], k), '"/>') for c, k in node_kinds.items()]
    colour = nodes["color"].astype("str")
    rgb = [colour.str.slice(i, i + 2).map(lambda h: str(int(h, 16))) for i in (1, 3, 5)]
    node_rows = _join('    <node id="', _text(nodes["node"], "string"), '" label="', _text(nodes["label"], "string"),
                      '"><attvalues>', _concat(values, len(nodes)), '</attvalues><viz:color r="',
                      _text(rgb[0], "string"), '" g="', _text(rgb[1], "string"), '" b="', _text(rgb[2], "string"),
                      '"/><viz:size value="', _text(nodes["size"], "float"), '"/></node>')
    values = [_join(f'<attvalue for="{c}" value="', _text(edges[c], k), '"/>') for c, k in edge_kinds.items()]
    edge_rows = _join('    <edge id="', _text(edges["id"], "string"), '" source="', _text(edges["source"], "string"),
                      '" target="', _text(edges["target"], "string"), '" label="', _text(edges["rel"], "string"),
                      '"><attvalues>', _concat(values, len(edges)), "</attvalues></edge>")
    return ("\n".join(head) + "\n  <nodes>\n" + _lines(node_rows) + "  </nodes>\n  <edges>\n" + _lines(edge_rows)
            + "  </edges>\n  </graph>\n</gexf>\n")


def graphml(nodes: pd.DataFrame, edges: pd.DataFrame, description: str = "") -> str:
    """GraphML: a key per attribute (``label`` the name), each edge with its own unique id."""
    node_kinds = {"label": "string", **_attributes(nodes, NODE_OWN)}
    edge_kinds = {"label": "string", **_attributes(edges, EDGE_OWN)}
    edges = edges.assign(label=edges["rel"])
    head = ['<?xml version="1.0" encoding="UTF-8"?>',
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/'
            'xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
            f"  <desc>{_escape(description)}</desc>"]
    keys = {}  # a key's id is its name (Gephi's column id); an edge key named as a node key gets "edge_" before
    for cls, kinds in (("node", node_kinds), ("edge", edge_kinds)):
        for c, k in kinds.items():
            keys[(cls, c)] = key = f"edge_{c}" if cls == "edge" and ("node", c) in keys else c
            head.append(f'  <key id="{key}" for="{cls}" attr.name="{c}" attr.type="{GRAPHML_TYPES[k]}"/>')
    head.append('  <graph id="orgnet" edgedefault="directed">')
    values = [_join(f'<data key="{keys[("node", c)]}">', _text(nodes[c], k), "</data>") for c, k in node_kinds.items()]
    node_rows = _join('    <node id="', _text(nodes["node"], "string"), '">', _concat(values, len(nodes)), "</node>")
    values = [_join(f'<data key="{keys[("edge", c)]}">', _text(edges[c], k), "</data>") for c, k in edge_kinds.items()]
    edge_rows = _join('    <edge id="', _text(edges["id"], "string"), '" source="', _text(edges["source"], "string"),
                      '" target="', _text(edges["target"], "string"), '">', _concat(values, len(edges)), "</edge>")
    return "\n".join(head) + "\n" + _lines(node_rows) + _lines(edge_rows) + "  </graph>\n</graphml>\n"


def node_link(nodes: pd.DataFrame, edges: pd.DataFrame, graph: dict) -> str:
    """networkx's node-link JSON (``edges="edges"``, each edge's ``key`` its id), missing values left out."""
    def records(frame: pd.DataFrame, rename: dict[str, str]) -> list[dict]:
        kinds = {c: kind_of(frame[c]) for c in frame.columns}
        columns = {}
        for c, k in kinds.items():
            values = frame[c].astype(object).where(frame[c].notna(), None).tolist()
            if k == "integer":
                values = [None if v is None else int(v) for v in values]
            elif k == "boolean":
                values = [None if v is None else bool(v) for v in values]
            columns[rename.get(c, c)] = values
        names = list(columns)
        return [{n: v for n, v in zip(names, row) if v is not None} for row in zip(*columns.values())]

    data = {"directed": True, "multigraph": True, "graph": graph,
            "nodes": records(nodes, {"node": "id"}), "edges": records(edges, {"id": "key"})}
    return json.dumps(data, ensure_ascii=False, indent=1)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
