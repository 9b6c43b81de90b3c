"""The ``coverage`` view: one region level at a time, drilling down to the organizations.

The first screen shows the regions of one level as *tiles* (the top regions, or the children of the
one top region): each a square sized by its organizations, filled by its coverage (organizations
with a women's body ÷ those with one or missing one, ``orgnet.viz.style.TILE_BINS``), labelled with
its name, coverage and its gap rows by rule. A click on a tile opens the next screen: the tiles of
its sub-regions while it holds more than ``DRILL_ORGS`` organizations, else its organizations,
grouped by the region they sit in (those with a gap first), each a dot in its status colour with its
name, readable at the first zoom. An organization missing a women's body gets one dashed *ghost*, whatever number of
rules say so (``committee_required`` and ``party_without_women`` on one organization: one missing
committee). Orgs located directly in a region with sub-regions have a tile of their own (本级).

Every screen is computed here and embedded in the page (``Scene.screens``), so drilling works
offline. The header counts say which count they are and agree with ``gaps``: organizations with a
gap, gap rows by rule, missing bodies counted once per organization (``gap_counts``).

Examples
--------
>>> import orgnet
>>> from orgnet.viz.views import build_scene
>>> s = build_scene(orgnet.load("tests/data/tiny").engine, "coverage", __import__("datetime").date(2012, 6, 30))
>>> [n["id"] for n in s.nodes]
['Region:R1', 'Region:R2', 'Region:R5', 'Own:Region:R0']
>>> {c["id"]: c["value"] for c in s.counts}["count-missing"]
5
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import pandas as pd

from ... import gap_rules
from ..data import Subgraph, subgraph
from ..scene import Draw, Scene, ViewRequest, coverage_of, short, strip_places, text_width, vacant_words
from ..style import (GHOST_ONE, GROUP, STATUS, TILE, TILE_BINS, TILE_NONE, DASHES,
                     FOLD_NOTES, KIND, Note, body_type, pair, tile_swatch, words)

#: A region holding more organizations than this opens onto its sub-regions' tiles, not its organizations.
DRILL_ORGS = 400
#: The organizations screen: cell size of one organization, columns at most, a group's heading.
CELL_W, CELL_H, MAX_COLS, HEAD_H = 124.0, 70.0, 9, 40.0
#: The tiles screen: cell width, tiles per row at most, the largest tile's half side.
TILE_W, TILE_MAX = 190.0, 34.0
#: The canvas a 1400×1000 window leaves the tiles (CSS pixels), to choose their columns.
TILE_CANVAS = (1120.0, 820.0)


def coverage_scene(engine, request: ViewRequest) -> Scene:
    """The coverage view of ``request.as_of`` (see the module docstring)."""
    gaps = engine.answer("gaps", as_of=request.as_of, rules=request.rules)
    sub = subgraph(engine, request.as_of, people=False)
    return draw_coverage(sub, gaps, request)


def draw_coverage(sub: Subgraph, gaps: pd.DataFrame, request: ViewRequest) -> Scene:
    """The coverage view of one subgraph: its screens, header counts and legends."""
    draw = Draw(sub, coverage_of(sub, gaps), request.min_posts)
    draw.status_text = {key: swatch.text() for key, swatch in STATUS.items()}  # read once: STATUS is made afresh
    tally = Tally(sub, draw, gaps)
    roots = sub.roots()
    scene = Scene("coverage", f"{words('coverage_title')} — {'、'.join(sub.node(r)['name'] for r in roots)}",
                  request.as_of, request.source)
    if len(roots) == 1 and sub.subregions.get(roots[0]):
        first = f"tiles:{roots[0]}"
        add_tiles(scene, tally, first, None, sub.node(roots[0])["name"], tiles_of(sub, roots[0]), request)
    else:
        first = "tiles:top"
        add_tiles(scene, tally, first, None, words("all_regions", "zh").format(n=f"{len(roots):,}"), roots, request)
    scene.first_screen = first
    shown = scene.screens[first]
    scene.nodes, scene.edges, scene.notes = shown.pop("nodes"), shown.pop("edges"), list(shown["notes"])
    scene.detail = "tiles"
    scene.counts = gap_counts(gaps, len(draw.cov.missing))
    scene.facts = []
    scene.legend = tile_legend()
    scene.legends = {"tiles": tile_legend(), "orgs": org_legend(request.ghosts)}
    scene.groups = node_groups()
    return scene


def gap_counts(gaps: pd.DataFrame, missing: int) -> list[dict]:
    """The header's counts, each with what it counts: organizations with a gap, gap rows by rule (and
    their total), missing women's bodies once per organization.

    >>> g = pd.DataFrame({"org_id": ["O1", "O1", "O2"], "rule": ["committee_required", "party_without_women",
    ...                   "liaison_required"]})
    >>> [(c["id"], c["value"]) for c in gap_counts(g, 2)][:3]
    [('count-orgs', 2), ('count-rows', 3), ('count-rows-committee_required', 1)]
    """
    rows = gaps["rule"].value_counts()
    orgs = gaps.loc[gaps["org_id"].astype(str) != "", "org_id"].nunique()
    out = [{"id": "count-orgs", "zh": words("count_orgs", "zh"), "en": words("count_orgs", "en"), "value": int(orgs)},
           {"id": "count-rows", "zh": words("count_rows", "zh"), "en": words("count_rows", "en"), "value": len(gaps)}]
    for rule in gap_rules.RULE_IDS:
        out.append({"id": f"count-rows-{rule}", "zh": words(f"short.{rule}", "zh"), "en": rule,
                    "value": int(rows.get(rule, 0)), "part": True})
    out.append({"id": "count-missing", "zh": words("count_missing", "zh"), "en": words("count_missing", "en"),
                "value": int(missing)})
    return out


class Tally:
    """Per region (its organizations and every one below): organizations, with a women's body, missing
    one, with a gap, and gap rows by rule."""

    def __init__(self, sub: Subgraph, draw: Draw, gaps: pd.DataFrame):
        self.sub, self.draw = sub, draw
        self.orgs: Counter = Counter()
        self.have: Counter = Counter()
        self.need: Counter = Counter()
        self.gapped: Counter = Counter()
        self.rows: dict[str, Counter] = defaultdict(Counter)
        self.rows_of: dict[str, Counter] = defaultdict(Counter)
        rows_of = self.rows_of
        for org_id, rule in zip(gaps["org_id"].astype(str), gaps["rule"].astype(str)):
            if org_id:
                rows_of[f"Organization:{org_id}"][rule] += 1
        cov = draw.cov
        for region in sub.of_label("Region"):
            for org in sub.orgs_in.get(region, ()):
                has = any(sub.value(b, "system") == "women" for b in sub.bodies_of.get(org, ()))
                missing = org in cov.missing
                for up in sub.ancestors(region):
                    self.orgs[up] += 1
                    self.need[up] += has or missing
                    self.have[up] += has and not missing
                    self.gapped[up] += bool(rows_of.get(org))
                    self.rows[up].update(rows_of.get(org, {}))

    def below(self, region: str) -> int:
        return self.orgs.get(region, 0)


def tiles_of(sub: Subgraph, region: str) -> list[str]:
    """A region's tiles: its sub-regions, then its own organizations' tile when it has any."""
    return list(sub.subregions.get(region, ())) + ([f"Own:{region}"] if sub.orgs_in.get(region) else [])


def add_tiles(scene: Scene, tally: Tally, screen: str, parent: str | None, name: str, tiles: list[str],
              request: ViewRequest) -> None:
    """A screen of region tiles, and, below it, the screen each tile opens."""
    sub = tally.sub
    notes = []
    if len(tiles) > request.max_nodes:
        gapped = sorted(tiles, key=lambda t: -tally.gapped.get(t.removeprefix("Own:"), 0))
        tiles = [t for t in tiles if t in set(gapped[:request.max_nodes])]
        left = f"{len(gapped) - len(tiles):,}"
        notes.append(Note(FOLD_NOTES["left_out"][0].format(depth=left), FOLD_NOTES["left_out"][1].format(depth=left)))
    biggest = max((tally.below(t.removeprefix("Own:")) if not t.startswith("Own:")
                   else len(sub.orgs_in.get(t[4:], ())) for t in tiles), default=1) or 1
    nodes = []
    for i, tile in enumerate(tiles):
        region = tile.removeprefix("Own:")
        own = tile.startswith("Own:")
        if own:
            target = f"own:{region}"
            add_orgs(scene, tally, target, screen, words("own", "zh").format(name=sub.node(region)["name"]),
                     [region], True, request)
        elif tally.below(region) > DRILL_ORGS and sub.subregions.get(region):
            target = f"tiles:{region}"
            add_tiles(scene, tally, target, screen, sub.node(region)["name"], tiles_of(sub, region), request)
        else:
            target = f"orgs:{region}"
            add_orgs(scene, tally, target, screen, sub.node(region)["name"], sub.descendants(region), False, request)
        nodes.append(tile_node(tally, tile, target, biggest))
    *bounds, cell, row_h = place_tiles(nodes)
    scene.screens[screen] = {"kind": "tiles", "parent": parent, "title": name, "nodes": nodes, "edges": [],
                             "notes": notes, "bounds": bounds, "grid": [cell, row_h, TILE_MAX]}


def own_tally(tally: Tally, region: str) -> tuple[int, int, int, int, Counter]:
    """(organizations, have, need, with a gap, rows by rule) of the organizations located in ``region`` itself."""
    sub, cov = tally.sub, tally.draw.cov
    orgs = sub.orgs_in.get(region, ())
    have = need = gapped = 0
    rows: Counter = Counter()
    for org in orgs:
        has = any(sub.value(b, "system") == "women" for b in sub.bodies_of.get(org, ()))
        missing = org in cov.missing
        need += has or missing
        have += has and not missing
        gapped += bool(tally.rows_of.get(org))
        rows.update(tally.rows_of.get(org, {}))
    return len(orgs), have, need, gapped, rows


def tile_node(tally: Tally, tile: str, target: str, biggest: int) -> dict:
    """One region tile: a square sized by organizations, filled by coverage, with its counts as its label."""
    sub = tally.sub
    region = tile.removeprefix("Own:")
    name = sub.node(region)["name"]
    if tile.startswith("Own:"):
        orgs, have, need, gapped, rows = own_tally(tally, region)
        name = words("own", "zh").format(name=name)
    else:
        orgs, have, need, gapped = (tally.orgs.get(region, 0), tally.have.get(region, 0), tally.need.get(region, 0),
                                    tally.gapped.get(region, 0))
        rows = tally.rows.get(region, Counter())
    pct = f"{100 * have / need:.0f}%" if need else words("no_need", "zh")
    shown = name.replace("*", "").replace("_", "")  # the label is markdown: the name in bold
    lines = [f"*{shown}*", words("coverage_pct", "zh").format(pct=pct, have=have, need=need),
             words("orgs_gaps", "zh").format(orgs=f"{orgs:,}", gapped=f"{gapped:,}")]
    said = [f"{words(f'short.{r}', 'zh')} {rows[r]:,}" for r in gap_rules.RULE_IDS if rows.get(r)]
    lines += said or [words("no_gaps", "zh")]
    swatch = tile_swatch(have, need)
    tip = [f"{name} ({region.split(':', 1)[1]})",
           f"{words('coverage_pct', 'en').format(pct=pct, have=have, need=need)}",
           words("orgs_gaps", "en").format(orgs=f"{orgs:,}", gapped=f"{gapped:,}")]
    tip += [f"  {STATUS[r].text()}: {rows[r]:,}" for r in gap_rules.RULE_IDS if rows.get(r)]
    tip += [words("coverage_means"), words("click_hint", "en")]
    size = round(12 + (TILE_MAX - 12) * math.sqrt(orgs / biggest), 1)
    colour = {"background": swatch.color, "border": "#37474f"}
    return {"id": tile, "label": "\n".join(lines), "shape": "square", "size": size, "color": colour,
            "borderWidth": 2, "title": "\n".join(tip), "font": {"size": 14, "color": "#263238", "multi": "md", "bold": {"size": 16}},
            "orgnetDrill": target, "orgnetLabelLines": len(lines)}


def place_tiles(nodes: list[dict]) -> tuple[float, ...]:
    """Tiles on a grid, row by row, with as many columns as read best on the ``TILE_CANVAS`` (the zoom
    that fits them all, at most 1); returns the bounds (left, top, right, bottom) the page fits, the
    cell's width and the row's height (with which the page lays the tiles out again for its own canvas)."""
    if not nodes:
        return (0.0, 0.0, 1.0, 1.0, TILE_W, 1.0)
    cell = max([TILE_W] + [text_width(line.strip("*"), 16 if i == 0 else 14) + 24
                           for n in nodes for i, line in enumerate(n["label"].split("\n"))])
    row_h = 2 * TILE_MAX + max(n["orgnetLabelLines"] for n in nodes) * 18 + 30

    def zoom(cols: int) -> float:
        rows = math.ceil(len(nodes) / cols)
        return min(1.0, TILE_CANVAS[0] / (cols * cell), TILE_CANVAS[1] / (rows * row_h))

    cols = max(range(1, min(len(nodes), 8) + 1), key=lambda c: (round(zoom(c), 2), c))
    for i, node in enumerate(nodes):
        node["x"] = round((i % cols - (cols - 1) / 2) * cell, 1)
        node["y"] = round((i // cols) * row_h + TILE_MAX, 1)
        node.pop("orgnetLabelLines")
    rows = math.ceil(len(nodes) / cols)
    return (round(-cols * cell / 2, 1), -8.0, round(cols * cell / 2, 1), round(rows * row_h, 1), round(cell, 1),
            round(row_h, 1))


def add_orgs(scene: Scene, tally: Tally, screen: str, parent: str, name: str, regions: list[str], own: bool,
             request: ViewRequest) -> None:
    """A screen of organizations, grouped by the region they sit in (``own``: the first region's only)."""
    sub, draw = tally.sub, tally.draw
    rank = {s: i for i, s in enumerate(gap_rules.RULE_IDS)} | {"covered": 90, "not_required": 91}  # gaps first
    groups = [(r, sorted(sub.orgs_in.get(r, ()), key=lambda o: (rank.get(draw.cov.status.get(o), 99),
                                                               sub.value(o, "name"), o)))
              for r in (regions[:1] if own else regions)]
    groups = [(r, orgs) for r, orgs in groups if orgs]
    total = sum(len(orgs) for _, orgs in groups)
    home = {o: r for r, orgs in groups for o in orgs}
    cost = {o: 1 + (request.ghosts and o in draw.cov.missing) for o in home}
    notes = []
    if sum(cost.values()) + len(groups) > request.max_nodes:  # those with a gap first, as many as fit
        keep, opened, used = set(), set(), 0
        for o in sorted(cost, key=lambda o: (o not in draw.cov.gaps, o)):
            need = cost[o] + (home[o] not in opened)
            if used + need > request.max_nodes:
                break
            keep.add(o)
            opened.add(home[o])
            used += need
        groups = [(r, kept) for r, orgs in groups if (kept := [o for o in orgs if o in keep])]
        notes.append(Note(words("more_orgs", "zh").format(n=f"{total - len(keep):,}"),
                          words("more_orgs", "en").format(n=f"{total - len(keep):,}")))
    nodes, edges = lay_out_orgs(draw, groups, request.ghosts)
    xs = [n["x"] for n in nodes] or [0.0]
    ys = [n["y"] for n in nodes] or [0.0]
    bounds = (min(xs) - CELL_W / 2, min(ys) - 16, max(xs) + CELL_W / 2, max(ys) + CELL_H - 12)
    scene.screens[screen] = {"kind": "orgs", "parent": parent, "title": name, "nodes": nodes, "edges": edges,
                             "notes": notes, "orgs": total, "bounds": [round(b, 1) for b in bounds]}


def lay_out_orgs(draw: Draw, groups: list[tuple[str, list[str]]], ghosts: bool) -> tuple[list[dict], list[dict]]:
    """Each group a block (its heading, then its organizations in rows), blocks packed on shelves."""
    sub = draw.sub
    nodes, edges = [], []
    width = MAX_COLS * CELL_W
    x = y = shelf = 0.0
    for region, orgs in groups:
        cols = min(MAX_COLS, len(orgs))
        heading = f"{sub.node(region)['name']}（{len(orgs)}）"
        block_w = max(cols * CELL_W, text_width(heading, 15) + 24)
        block_h = HEAD_H + math.ceil(len(orgs) / cols) * CELL_H
        if x > 0 and x + block_w > width:
            x, y, shelf = 0.0, y + shelf, 0.0
        nodes.append({"id": f"Group:{region}", "label": heading, "shape": "text", "x": round(x + block_w / 2, 1),
                      "y": round(y + 12, 1), "font": {"size": 15, "color": GROUP.color, "strokeWidth": 0},
                      "title": draw.region_tip(region)})
        for i, org in enumerate(orgs):
            cx = x + (i % cols + 0.5) * CELL_W + (block_w - cols * CELL_W) / 2
            cy = y + HEAD_H + (i // cols) * CELL_H + 12
            nodes.append(org_node(draw, org, cx, cy))
            if ghosts and org in draw.cov.missing:
                nodes.append(ghost_node(draw, org, cx + 16, cy - 13))
        x += block_w + 16
        shelf = max(shelf, block_h + 12)
    return nodes, edges


def org_node(draw: Draw, org: str, x: float, y: float) -> dict:
    """An organization: a dot in its status colour (the page's node group ``status:<status>``), its name
    (without the place names above it) below, a short tooltip."""
    sub, cov = draw.sub, draw.cov
    a = sub.node(org)
    status = cov.status.get(org, "not_required")
    label = short(strip_places(a["name"], draw.place_names(org)), 8)
    women = [f"{sub.node(b)['name']} · {body_type('women', sub.value(b, 'type'))}"
             + (f" · {vacant_words('women', sub.value(b, 'type'))}" if b in cov.vacant else "")
             for b in sub.bodies_of.get(org, ()) if sub.value(b, "system") == "women"]
    staff = "?" if a["female_staff"] is None else f"{a['female_staff']:,}"
    tip = [f"{a['name']} ({a['id']})", f"{pair(KIND, a['kind'])} · {words('female_staff')}: {staff}",
           draw.status_text[status]] + [f"  {line}" for line in cov.gaps.get(org, ())] + [f"  {w}" for w in women]
    return {"id": org, "label": label, "group": f"status:{status}", "x": round(x, 1), "y": round(y, 1),
            "title": "\n".join(tip)}


def ghost_node(draw: Draw, org: str, x: float, y: float) -> dict:
    """The one women's body ``org`` lacks: a small dashed dot at its organization's shoulder; its tooltip
    names every rule it closes (the organization's own tooltip has the details)."""
    missing = draw.cov.missing[org]
    rules = list(dict.fromkeys(rule for rule, _ in missing))
    tip = [words("ghost_tip", "zh")] + [f"  {STATUS[rule].text()}" for rule in rules]
    tip.append(words("ghost_tip", "en").format(rules=", ".join(rules)))
    return {"id": f"Ghost:{org}", "label": " ", "group": "ghost", "x": round(x, 1), "y": round(y, 1),
            "title": "\n".join(tip), "orgnetRules": rules}


def node_groups() -> dict:
    """vis-network node groups the organizations screens use: one per status, and the ghost (the
    colours written once, not on each of thousands of nodes; hover and highlight keep them)."""
    def colour(fill: str, border: str) -> dict:
        own = {"background": fill, "border": border}
        return {**own, "hover": own, "highlight": own}

    groups = {f"status:{s}": {"shape": "dot", "size": 11, "color": colour(w.color, "#37474f"), "borderWidth": 1,
                              "font": {"size": 13}} for s, w in STATUS.items()}
    groups["ghost"] = {"shape": "dot", "size": 7, "color": colour(GHOST_ONE.color, GHOST_ONE.border), "borderWidth": 2,
                       "shapeProperties": {"borderDashes": DASHES}}
    return groups


def tile_legend() -> list:
    return [TILE, *(swatch for _, swatch in TILE_BINS), TILE_NONE]


def org_legend(ghosts: bool) -> list:
    return [GROUP, *STATUS.values()] + ([GHOST_ONE] if ghosts else [])
