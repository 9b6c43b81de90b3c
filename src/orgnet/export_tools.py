"""The graph as Gephi, Cytoscape and networkx open it: GEXF 1.2, GraphML and node-link JSON with the
analysis on every node, written straight from the validated tables.

By default the file holds the network on one day (``as_of``, default today): every region,
organization, person and venue, the bodies and demonstration points current then, the posts, liaison
links and room uses current then and the visits up to then. ``history=True`` keeps every row ever
(then an ``active`` column says what was current on the day). The analysis columns are always those
of the day.

Nodes: id ``"<Label>:<id>"`` (``Person:<pseudonym>`` under ``redact``); label the name (a person's
pseudonym under ``redact``); and these named attributes (left out where they do not apply: no empty
values are written):

===================  =======  ===================================================================
column               type     meaning
===================  =======  ===================================================================
node_kind            string   Region, Organization, Body, Person, DemoPoint, Venue
(table columns)      …        the row's columns but ``id`` and ``name`` (dates as ``YYYY-MM-DD``)
status               string   Organization: its first gap rule, else ``covered``, else ``not_required``
covered              boolean  Organization: hosts an active women's body
gaps                 string   Organization, Body: the gap rules it breaks, ``;``-joined (registry order)
gap_<rule>           boolean  Organization, Body: one column per rule of ``orgnet.gap_rules``
posts                integer  Person: active posts (the ``post_load`` fact; 0 when none)
region_name          string   the region it is in (a region: itself; a person: her employer's)
township_id, _name   string   the township, street or park above that region
color                string   ``#rrggbb``, the status colour (also GEXF's ``viz:color``)
active               boolean  with ``history`` only: current on the day
===================  =======  ===================================================================

Colours: organizations by status (covered green, each gap rule its registry colour, not required
grey), bodies by system (a body without a head in the vacant-head colour), people by load (at or
above ``rules.min_posts`` yellow, holding a post slate, none pale), as the views draw them.

Edges: a unique id ``e0``, ``e1`` …; the relationship type as the attribute ``rel`` (and the GEXF
edge label: GEXF's own edge ``type`` only says directed/undirected/mutual), its attributes (``role``,
``start``, ``end``, ``since``, ``until``, ``date``). Two relationships between the same two nodes
(a liaison link and the visits along it) stay two edges: in Gephi's import report choose the edges
merge strategy "Don't merge" to keep them apart (``tests/test_gephi.py`` opens the files so).

Examples
--------
>>> import orgnet
>>> nodes, edges = tool_tables(orgnet.load("tests/data/tiny").engine, "2012-06-30")
>>> nodes.set_index("node").loc["Organization:O8", ["label", "status", "covered"]].tolist()
['金鑫机械', 'covered', True]
>>> sorted(edges["rel"].unique())[:3]
['BELONGS_TO', 'DEMO_AT', 'HOLDS']
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from . import gap_rules
from .dataset import as_timestamp
from .export import _iso, _kept, _relationships
from .files import write_output
from .redact import pseudonyms, redact_people_table
from .rules import Rules
from .schema import SCHEMA
from .viz import style

#: Fill colours of nodes that have no status of their own.
KIND_COLOURS = {"Region": style.REGION.color, "Organization": style.ORGANIZATION.color,
                "Person": "#cfd8dc", "DemoPoint": "#bcbd22", "Venue": "#8d6e63", "Body": "#7f7f7f"}
#: A person holding at least one post, and one at or above ``rules.min_posts``.
PERSON_HOLDING, PERSON_LOADED = style.PERSON.color, style.STANDOUT.color
#: What each kind of node names as its region: (the table's column, the table it refers to).
_REGION_VIA = {"organizations": ("region_id", "regions"), "bodies": ("region_id", "regions"),
               "venues": ("region_id", "regions"), "people": ("employer_org_id", "organizations"),
               "demo_points": ("org_id", "organizations")}


def tool_tables(engine, as_of, history: bool = False, redact: bool = False,
                rules: Rules | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The nodes and edges the files hold, as two DataFrames (see the module docstring).

    Nodes: ``node``, ``label``, ``node_kind``, the table columns, the analysis columns, ``color``,
    ``size``. Edges: ``id``, ``source``, ``target``, ``rel`` and the relationship attributes.
    Missing values are ``<NA>``/``None`` (the writers leave them out).
    """
    rules = rules or Rules()
    day = as_timestamp(as_of).date()
    dataset, t = engine.dataset, engine.tables
    kept = _kept(dataset, None if history else day)
    today = _kept(dataset, day) if history else None
    names = pseudonyms(dataset["people"]["id"]) if redact else None
    analysis = _analysis(engine, day, rules)
    frames = [_nodes_of(table, dataset, t, kept, today, names, analysis, rules) for table in SCHEMA.node_tables()]
    nodes = pd.concat(frames, ignore_index=True, sort=False)
    first = ["node", "label", "node_kind", "status", "covered", "gaps", *(f"gap_{r}" for r in gap_rules.RULE_IDS),
             "posts", "region_name", "township_id", "township_name", "color", "size"]
    nodes = nodes[first + [c for c in nodes.columns if c not in first]]
    edges = _edges(dataset, kept, today, names)
    return nodes, edges


def write_tool_file(engine, fmt: str, out, as_of=None, history: bool = False, redact: bool = False,
                    rules: Rules | None = None) -> dict[str, int]:
    """Write the network (on ``as_of``, default today; every row with ``history``) as ``gexf``,
    ``graphml`` or ``json`` to the file ``out``; returns node and edge counts and the day used."""
    from .export_xml import gexf, graphml, node_link

    day = as_timestamp(as_of).date() if as_of is not None else date.today()
    nodes, edges = tool_tables(engine, day, history=history, redact=redact, rules=rules)
    what = f"{engine.dataset.source}: {'every row, ' if history else ''}analysis as of {day.isoformat()}"
    if fmt == "gexf":
        text = gexf(nodes, edges, description=what, day=day)
    elif fmt == "graphml":
        text = graphml(nodes, edges, description=what)
    else:
        text = node_link(nodes, edges, {"as_of": day.isoformat(), "history": history, "source": str(engine.dataset.source)})
    write_output(out, text.encode("utf-8"))
    return {"nodes": len(nodes), "edges": len(edges), "as_of": day}


def _analysis(engine, day: date, rules: Rules) -> dict:
    """The day's analysis per row position: gap rules per organization and body, coverage, post load."""
    t = engine.tables
    d = t.on(day)
    gaps = engine.answer("gaps", as_of=day, rules=rules)
    orgs, bodies = t.text("organizations", "id"), t.text("bodies", "id")
    by_rule = {}
    for rule in gap_rules.RULE_IDS:
        rows = gaps[gaps["rule"] == rule]
        org_hit = np.asarray(pd.Series(orgs).isin(set(rows["org_id"].dropna())), dtype=bool)
        body_ids = set(rows["body_id"].dropna()) if rule == "vacant_head" else set()
        by_rule[rule] = (org_hit, np.asarray(pd.Series(bodies).isin(body_ids), dtype=bool))
    women, _ = t.women_hosted(d, rules)
    posts = np.bincount(t.post_person[d.held], minlength=len(engine.dataset["people"]))
    return {"by_rule": by_rule, "covered": women > 0, "posts": posts}


def _nodes_of(table, dataset, t, kept, today, names, analysis, rules) -> pd.DataFrame:
    """One node table's rows as nodes, with the analysis columns that apply to them."""
    rows = np.flatnonzero(kept[table.name])
    frame = dataset[table.name].iloc[rows]
    if names is not None and table.name == "people":
        frame = redact_people_table(frame, names)
    out = {"node": (table.label + ":" + frame["id"].astype("str")).to_numpy(dtype=object),
           "label": frame["name"].astype("str").to_numpy(dtype=object) if "name" in frame else None,
           "node_kind": np.full(len(rows), table.label, dtype=object)}
    for column in frame.columns:
        if column not in ("id", "name", "_row"):
            out[column] = _typed(frame[column])
    if today is not None and table.name in ("bodies", "demo_points"):
        out["active"] = today[table.name][rows]
    out.update(_places(table.name, t, rows))
    colour = np.full(len(rows), KIND_COLOURS[table.label], dtype=object)
    size = np.full(len(rows), 16.0 if table.name == "regions" else 10.0)
    if table.name == "organizations":
        colour = _organization_columns(out, rows, analysis)
    elif table.name == "bodies":
        colour = _body_columns(out, rows, analysis, frame)
    elif table.name == "people":
        posts = analysis["posts"][rows]
        out["posts"] = pd.array(posts, dtype="Int64")
        colour = np.where(posts >= rules.min_posts, PERSON_LOADED, np.where(posts > 0, PERSON_HOLDING, colour))
        size = 6.0 + 4.0 * np.minimum(posts, 10)
    out["color"], out["size"] = colour.astype(object), size
    return pd.DataFrame(out)


def _organization_columns(out: dict, rows: np.ndarray, analysis: dict) -> np.ndarray:
    covered = analysis["covered"][rows]
    status = np.where(covered, "covered", "not_required").astype(object)
    for rule in reversed(gap_rules.RULE_IDS):  # the first rule broken wins, as in the views
        status = np.where(analysis["by_rule"][rule][0][rows], rule, status)
    out["status"], out["covered"] = status, covered
    _gap_columns(out, [analysis["by_rule"][r][0][rows] for r in gap_rules.RULE_IDS])
    return pd.Series(status).map({k: s.color for k, s in style.STATUS.items()}).to_numpy(dtype=object)


def _body_columns(out: dict, rows: np.ndarray, analysis: dict, frame: pd.DataFrame) -> np.ndarray:
    hits = [analysis["by_rule"][r][1][rows] for r in gap_rules.RULE_IDS]
    _gap_columns(out, hits)
    systems = frame["system"].astype("str").map({k: s.color for k, s in style.SYSTEM.items()})
    colour = systems.fillna(KIND_COLOURS["Body"]).to_numpy(dtype=object)
    return np.where(analysis["by_rule"]["vacant_head"][1][rows], gap_rules.RULES["vacant_head"].colour, colour)


def _gap_columns(out: dict, hits: list[np.ndarray]) -> None:
    """``gaps`` (the rules broken, ``;``-joined; missing when none) and one boolean per rule."""
    words = np.full(len(hits[0]), "", dtype=object)
    for rule, hit in zip(gap_rules.RULE_IDS, hits):
        words = np.where(hit, np.where(words == "", rule, words + ";" + rule), words)
        out[f"gap_{rule}"] = hit
    out["gaps"] = np.where(words == "", None, words)


def _places(table: str, t, rows: np.ndarray) -> dict:
    """``region_name``, ``township_id``, ``township_name`` of each row's region (see ``_REGION_VIA``)."""
    if table == "regions":
        region = rows
    elif table in _REGION_VIA:
        column, target = _REGION_VIA[table]
        ref = t.refs(table, column, target)[rows]
        region = ref if target == "regions" else np.where(ref >= 0, t.org_region[np.maximum(ref, 0)], -1)
        if table in ("bodies", "venues"):  # a body or room of an organization: the organization's region
            host = t.refs(table, "org_id", "organizations")[rows]
            region = np.where(host >= 0, t.org_region[np.maximum(host, 0)], region)
    else:
        return {}
    return {k: np.asarray(v.to_numpy(na_value=None), dtype=object) for k, v in t.places(region).items()}


def _typed(values: pd.Series):
    """A table column as the files type it: dates as ISO text, ints nullable, bools, text."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return _iso(values).to_numpy(dtype=object, na_value=None)
    if values.dtype == bool or pd.api.types.is_integer_dtype(values):
        return values.array
    return values.to_numpy(dtype=object, na_value=None)


def _edges(dataset, kept, today, names) -> pd.DataFrame:
    """Every relationship kept, one row each: ``id``, ``source``, ``target``, ``rel``, its attributes."""
    parts = []
    for table, kind, (src, src_label), (dst, dst_label), attrs, frame in _relationships(dataset, kept):
        part = {"source": _ends(frame[src], src_label, names), "target": _ends(frame[dst], dst_label, names),
                "rel": np.full(len(frame), kind, dtype=object)}
        for column in attrs:
            part[column] = _typed(frame[column])
        if today is not None:
            part["active"] = pd.Series(today[table], index=dataset[table].index).loc[frame.index].to_numpy()
        parts.append(pd.DataFrame(part))
    edges = pd.concat(parts, ignore_index=True, sort=False)
    edges.insert(0, "id", "e" + pd.Series(np.arange(len(edges)), dtype="str"))
    return edges


def _ends(ids: pd.Series, label: str, names) -> np.ndarray:
    if names is not None and label == "Person":
        ids = ids.map(names)
    return (label + ":" + ids.astype("str")).to_numpy(dtype=object)
