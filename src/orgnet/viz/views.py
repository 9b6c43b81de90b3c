"""The four network views as ``Scene`` objects: what to draw, where, and what the legend says.

* ``coverage`` — the region tree; organizations coloured by coverage status around their region;
  their party, women's, union and youth bodies around them.
* ``overlaps`` — people with two or more active posts, sized by posts, linked to the bodies they hold
  (coloured by system) and those bodies to their organizations; people at or above ``min_posts``
  are gold stars.
* ``ego`` — one person's or one organization's neighbourhood to depth 2 (posts, bodies, employers,
  liaison links).
* ``region`` — one region's whole network: its sub-regions, organizations, bodies and post holders.
* ``diff`` — the network on the later of two days, coloured by what changed in between
  (``orgnet.viz.diff``).

In the coverage view each gap row of ``committee_required``, ``liaison_required`` and
``party_without_women`` also draws a *ghost*: a dashed, faded node on its organization for the women's
body the rule requires and the organization lacks, so the hole shows as a hole. A body without a head
(``vacant_head``) is drawn with a thick dashed border instead.

Each view is built at full detail when it fits ``max_nodes``; otherwise it folds detail away
(people into counts per body, bodies into their organization, organizations into counts per region
and status, regions into their ancestors) until it fits, and says so in ``Scene.notes``.
Positions are computed here (``orgnet.viz.layout``), so the page draws with physics off.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ..errors import InputError
from ..redact import pseudonyms
from ..results import GAP_RULES
from ..rules import Rules
from . import layout
from .data import Subgraph, subgraph
from .style import (COUNT, DASHES, GHOST, GHOST_COUNT, GHOST_MARK, GHOST_WORDS, GRADE, HEAD_WORDS, KIND, LEVEL,
                    ORGANIZATION, PERSON, REGION, ROLE, STANDOUT, STATUS, SYSTEM, VACANT, Note, Swatch, body_type, pair)

VIEWS = ("coverage", "overlaps", "ego", "region", "diff")
#: The gap rules whose rows become ghosts: a women's body the organization should have and lacks.
GHOST_RULES = tuple(GHOST_WORDS)
DEFAULT_MAX_NODES = 1500
DEFAULT_MIN_POSTS = 3
#: Body systems drawn in the coverage view (administrative bodies only in region and ego views).
COVERAGE_SYSTEMS = ("party", "women", "union", "youth")
#: The canvas the layout is sized for (CSS pixels), to pick label sizes readable at first sight.
CANVAS = (1100.0, 620.0)
TREE_EDGE = {"color": "#b0bec5", "width": 1}
ANCHOR_EDGE = {"color": "#cfd8dc", "width": 1, "dashes": True}
#: A ghost's two-line label goes above its dot (vis-network draws a dot's label below it), so it does
#: not run into the label of the organization beside it.
GHOST_VADJUST = -58


@dataclass
class Scene:
    """Everything a page needs: vis-network nodes and edges (with x/y), legend, title, notes."""

    kind: str
    title: str
    as_of: date
    source: str
    nodes: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    legend: list[Swatch] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    aggregated: bool = False
    since: date | None = None  # the earlier day of a diff view
    detail: str = ""  # tree views: the finest detail drawn (bodies, orgs, marked, counts)


# -- entry point ---------------------------------------------------------------------------------
def build_scene(engine, kind: str, as_of: date, rules: Rules | None = None, *, person: str | None = None,
                org: str | None = None, region: str | None = None, min_posts: int | None = None,
                max_nodes: int = DEFAULT_MAX_NODES, redact: bool = False, source: str = "", ghosts: bool = True,
                start: date | None = None) -> Scene:
    """Build one view from any engine's analyses plus its ``subgraph``.

    ``ghosts`` draws the coverage view's missing bodies; ``start`` is the diff view's earlier day
    (``as_of`` its later one).

    Raises
    ------
    InputError
        An unknown view, a missing or unknown ``--person``/``--org``/``--region``, a bad limit.
    """
    rules = rules or Rules()
    min_posts = DEFAULT_MIN_POSTS if min_posts is None else min_posts
    if kind not in VIEWS:
        raise InputError(f"view {kind!r}: expected one of {', '.join(VIEWS)}")
    if max_nodes < 10:
        raise InputError(f"--max-nodes {max_nodes}: expected at least 10")
    if min_posts < 1:
        raise InputError(f"--min-posts {min_posts}: expected at least 1")
    if kind == "diff":
        from .diff import diff_scene

        return diff_scene(engine, start, as_of, rules, max_nodes=max_nodes, min_posts=min_posts, redact=redact,
                          source=source)
    gaps = engine.gaps(as_of, rules)
    if kind == "coverage":  # people only matter when every body is drawn (their tooltips name the holders)
        scene = _scene(subgraph(engine, as_of, people=False), gaps, kind, as_of, source, max_nodes=max_nodes,
                       min_posts=min_posts, redact=redact, ghosts=ghosts)
        if scene.detail != "bodies":
            return scene
    return _scene(subgraph(engine, as_of), gaps, kind, as_of, source, person=person, org=org, region=region,
                  max_nodes=max_nodes, min_posts=min_posts, redact=redact, ghosts=ghosts)


def _scene(sub: Subgraph, gaps: pd.DataFrame, kind: str, as_of: date, source: str, *, person=None, org=None,
           region=None, max_nodes: int, min_posts: int, redact: bool, ghosts: bool) -> Scene:
    center = _center(sub, kind, person, org, region)
    if redact:
        names = pseudonyms(sub.node_ids("Person"))
        sub = sub.redacted(names)
        if center and center.startswith("Person:"):
            center = f"Person:{names[center.split(':', 1)[1]]}"
    draw = Draw(sub, coverage_of(sub, gaps), min_posts)
    scene = Scene(kind, "", as_of, source)
    if kind == "coverage":
        coverage_view(draw, scene, max_nodes, ghosts)
    elif kind == "region":
        region_view(draw, scene, center, max_nodes)
    elif kind == "ego":
        ego_view(draw, scene, center, max_nodes)
    else:
        overlaps_view(draw, scene, max_nodes)
    return scene


def _center(sub: Subgraph, kind: str, person, org, region) -> str | None:
    if kind == "ego":
        if (person is None) == (org is None):
            raise InputError("the ego view needs exactly one of --person ID or --org ID")
        return sub.find("Person", person) if person is not None else sub.find("Organization", org)
    if kind == "region":
        if region is None:
            raise InputError("the region view needs --region ID")
        return sub.find("Region", region)
    return None


# -- coverage status -----------------------------------------------------------------------------
@dataclass
class Coverage:
    """Each organization's coverage status, read from the ``gaps`` analysis."""

    status: dict[str, str]  # organization node → a key of STATUS
    gaps: dict[str, list[str]]  # organization node → "rule: detail" lines
    vacant: set[str]  # body nodes without an active head
    missing: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # org node → [(GHOST_RULES rule, detail)]
    vacant_detail: dict[str, str] = field(default_factory=dict)  # body node → the vacant_head row's detail


def coverage_of(sub: Subgraph, gaps: pd.DataFrame) -> Coverage:
    """Status per organization: its first gap rule, else covered (has a women's body), else not required."""
    rank = {rule: i for i, rule in enumerate(GAP_RULES)}
    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    vacant, vacant_detail = set(), {}
    missing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for org_id, rule, detail in zip(*(gaps[c].to_numpy(dtype=object) for c in ("org_id", "rule", "detail"))):
        if rule == "vacant_head" and detail:
            body = f"Body:{detail.split(' ')[0]}"
            vacant.add(body)
            vacant_detail[body] = detail
        if org_id:
            found[f"Organization:{org_id}"].append((rank.get(rule, len(rank)), rule, detail))
            if rule in GHOST_RULES and f"Organization:{org_id}" in sub.attrs:
                missing[f"Organization:{org_id}"].append((rule, detail))
    status, lines = {}, {}
    for org in sub.of_label("Organization"):
        hits = sorted(found.get(org, ()))
        if hits:
            status[org] = hits[0][1]
            lines[org] = [f"{STATUS[r].zh if r in STATUS else r} {r}: {d}" for _, r, d in hits]
        else:
            women = any(sub.value(b, "system") == "women" for b in sub.bodies_of.get(org, ()))
            status[org] = "covered" if women else "not_required"
    return Coverage(status, lines, vacant, dict(missing), vacant_detail)


# -- nodes: specs and tooltips -------------------------------------------------------------------
def box_margin(font: float) -> int:
    """Padding inside a region's box (vis-network keeps it when the page shrinks the label)."""
    return max(5, round(font / 4))


def box_radius(text: str, font: float) -> float:
    """Room a box-shaped node with this label needs (half its width, with the margin)."""
    return text_width(text, font) / 2 + box_margin(font) + 4


def text_width(text: str, size: float) -> float:
    """Rough drawn width of a label: CJK characters are one em, others about 0.6 em."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.6 for ch in text) * size


def strip_places(name: str, places: list[str]) -> str:
    """An organization's name without the leading place names a label does not need.

    >>> strip_places("北湖区老年人协会", ["北湖区"]), strip_places("北湖安天机械", ["北湖区"]), strip_places("北湖区", ["北湖区"])
    ('老年人协会', '安天机械', '北湖区')
    """
    for _ in range(3):
        for place in places:
            for prefix in (place, place[:-2] if place.endswith("街道") else place[:-1]):
                if len(prefix) >= 2 and name.startswith(prefix) and len(name) - len(prefix) >= 2:
                    name = name[len(prefix):]
                    break
            else:
                continue
            break
    return name


def short(text: str, limit: int = 8) -> str:
    """A label cut to ``limit`` characters (the tooltip keeps the whole name)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Draw:
    """Makes vis-network node dicts (with tooltips) and remembers the room each needs for layout."""

    def __init__(self, sub: Subgraph, cov: Coverage, min_posts: int):
        self.sub, self.cov, self.min_posts = sub, cov, min_posts
        self.nodes: dict[str, dict] = {}
        self.radius: dict[str, float] = {}
        self.edges: list[dict] = []
        self._edge_keys: set[tuple] = set()

    # -- bookkeeping ------------------------------------------------------------------------
    def add(self, spec: dict, radius: float) -> str:
        self.nodes.setdefault(spec["id"], spec)
        self.radius.setdefault(spec["id"], radius)
        return spec["id"]

    def link(self, a: str, b: str, style: dict, title: str | None = None) -> None:
        key = (a, b) if a <= b else (b, a)
        if key in self._edge_keys or a == b:
            return
        self._edge_keys.add(key)
        edge = {"from": a, "to": b, **style}
        if title:
            edge["title"] = title
        self.edges.append(edge)

    def holds_style(self, body: str) -> dict:
        return {"color": SYSTEM[self.sub.node(body)["system"]].color, "width": 1.5}

    def place_names(self, node: str) -> list[str]:
        """Names of the regions above an organization, longest first (to strip from its label)."""
        region = self.sub.region_of(node)
        chain = self.sub.ancestors(region) if region else []
        if self.sub.node(node)["kind"] in ("village", "community"):
            chain = chain[1:]  # 东村村民委员会 keeps 东村: it is the village's own name
        names = [self.sub.node(r)["name"] for r in chain]
        return sorted(set(names), key=len, reverse=True)

    # -- node kinds -------------------------------------------------------------------------
    def region(self, node: str, font: float = 16, style: str = "box") -> str:
        """A region: a dark box with its name, its name alone (``text``), or a small dark ``dot``."""
        a = self.sub.node(node)
        if style == "dot":
            spec = {"id": node, "label": short(a["name"]), "shape": "dot", "size": 7, "title": self.region_tip(node),
                    "color": {"background": REGION.color, "border": "#263238"}, "font": {"size": 12}}
            return self.add(spec, max(15.0, text_width(spec["label"], 12) * 0.35 + 4))
        if style == "text":
            spec = {"id": node, "label": a["name"], "shape": "text", "title": self.region_tip(node),
                    "font": {"color": REGION.color, "size": round(font), "strokeWidth": 4, "strokeColor": "#ffffff"},
                    "orgnetMaxPx": 22}
            return self.add(spec, text_width(a["name"], font) / 2 + 4)
        spec = {"id": node, "label": a["name"], "shape": "box", "title": self.region_tip(node),
                "color": {"background": REGION.color, "border": "#263238"},
                "font": {"color": "#ffffff", "size": round(font), "strokeWidth": 0}, "margin": box_margin(font),
                "orgnetMaxPx": 26}
        return self.add(spec, box_radius(a["name"], font))

    def organization(self, node: str, by_status: bool = True) -> str:
        a = self.sub.node(node)
        status = self.cov.status.get(node, "not_required")
        size = 10 + min(12, 2 * math.log2(1 + (a["female_staff"] or 0)))
        color = STATUS[status].color if by_status else ORGANIZATION.color
        label = short(strip_places(a["name"], self.place_names(node)), 7)
        spec = {"id": node, "label": label, "shape": "dot" if by_status else "square", "size": round(size, 1),
                "color": {"background": color, "border": "#37474f"}, "borderWidth": 1,
                "title": self.org_tip(node), "font": {"size": 11}}
        return self.add(spec, max(size + 3, text_width(label, 11) * 0.35 + 3))

    def body(self, node: str) -> str:
        a = self.sub.node(node)
        swatch = SYSTEM.get(a["system"], SYSTEM["admin"])
        vacant = node in self.cov.vacant
        spec = {"id": node, "label": swatch.glyph, "shape": "circle", "title": self.body_tip(node),
                "color": {"background": swatch.color, "border": VACANT.border if vacant else swatch.color},
                "borderWidth": 4 if vacant else 1, "font": {"color": "#ffffff", "size": 11, "strokeWidth": 0}, "margin": 4}
        if vacant:
            spec["shapeProperties"] = {"borderDashes": DASHES}
        return self.add(spec, 12)

    def ghost(self, org: str, rule: str, detail: str) -> str:
        """A missing body: a faded dot with a dashed border in its rule's colour, next to its organization."""
        zh, en = GHOST_WORDS[rule]
        swatch = GHOST[rule]
        node = f"Ghost:{org}:{rule}"
        a = self.sub.node(org)
        tip = "\n".join([f"{zh} {en}", f"单位 organization: {a['name']} ({a['id']})",
                         f"规则 rule: {rule} — {STATUS[rule].text()}", f"说明 detail: {detail}",
                         "（虚线：应建而未建 dashed: required, not built）"])
        spec = {"id": node, "label": f"{zh}\n{en}", "shape": "dot", "size": 10, "title": tip,
                "color": {"background": swatch.color, "border": swatch.border,
                          "highlight": {"background": swatch.color, "border": swatch.border},
                          "hover": {"background": swatch.color, "border": swatch.border}},
                "borderWidth": 2, "shapeProperties": {"borderDashes": DASHES},
                "font": {"size": 10, "color": "#6d4c63", "vadjust": GHOST_VADJUST}}
        self.add(spec, max(16.0, text_width(en, 10) * 0.3 + 4))
        self.link(org, node, {"color": swatch.border, "width": 1.5, "dashes": DASHES},
                  f"{zh} {en}")
        return node

    def ghost_count(self, region: str, missing: list[tuple[str, str]]) -> str:
        """The missing bodies of the organizations folded into one region, as one dashed count."""
        node = f"GhostCount:{region}"
        n = len(missing)
        tally = Counter(rule for rule, _ in missing)
        lines = [f"{self.sub.node(region)['name']}: 缺失的妇女组织 {n} 个 missing women's bodies: {n}"]
        lines += [f"  {GHOST_WORDS[r][0]} {GHOST_WORDS[r][1]}: {tally[r]}" for r in GHOST_RULES if tally.get(r)]
        size = 8 + 5 * math.sqrt(n)
        spec = {"id": node, "label": str(n), "shape": "dot", "size": round(size, 1), "title": "\n".join(lines),
                "color": {"background": GHOST_COUNT.color, "border": GHOST_COUNT.border},
                "borderWidth": 2, "shapeProperties": {"borderDashes": DASHES},
                "font": {"size": 14, "color": GHOST_COUNT.border}}
        self.add(spec, size + 10)
        self.link(region, node, {"color": GHOST_COUNT.border, "width": 1, "dashes": DASHES})
        return node

    def person(self, node: str) -> str:
        """A person: a grey dot sized by active posts, a gold star at or above ``min_posts``."""
        a = self.sub.node(node)
        posts = len(self.sub.posts_of.get(node, ()))
        standout = posts >= self.min_posts
        size = (16 + 3 * min(posts - self.min_posts, 6)) if standout else 6 + 2 * min(posts, 8)
        font = 14 if standout else 11
        spec = {"id": node, "label": short(a["name"], 10), "shape": "star" if standout else "dot",
                "size": size, "title": self.person_tip(node),
                "color": {"background": STANDOUT.color if standout else PERSON.color,
                          "border": "#b8860b" if standout else "#546e7a"},
                "borderWidth": 1, "font": {"size": font, "color": "#3e2723" if standout else "#37474f"}}
        return self.add(spec, max(size + 6, text_width(spec["label"], font) * 0.4 + 4))

    def count(self, node: str, n: int, swatch: Swatch, what: str) -> str:
        size = 10 + 6 * math.sqrt(n)
        spec = {"id": node, "label": str(n), "shape": "dot", "size": round(size, 1), "title": what,
                "color": {"background": swatch.color, "border": "#546e7a"}, "font": {"size": 14}}
        return self.add(spec, size + 10)

    # -- tooltips (plain text: vis-network shows a string title as text, never as HTML) ----------
    def region_tip(self, node: str) -> str:
        a = self.sub.node(node)
        lines = [f"{a['name']} ({a['id']})", f"层级 level: {pair(LEVEL, a['level'])}"]
        tally = Counter(self.cov.status.get(o) for r in self.sub.descendants(node) for o in self.sub.orgs_in.get(r, ()))
        total = sum(tally.values())
        if total:
            lines.append(f"组织 organizations: {total}")
            lines += [f"  {STATUS[s].text()}: {tally[s]}" for s in STATUS if tally.get(s)]
        bodies = [self.sub.node(b) for b in self.sub.bodies_of.get(node, ())]
        lines += [f"{b['name']} ({body_type(b['system'], b['type'])})" for b in bodies]
        return "\n".join(lines)

    def org_tip(self, node: str) -> str:
        a, sub = self.sub.node(node), self.sub
        region = sub.node(f"Region:{a['region_id']}")["name"] if f"Region:{a['region_id']}" in sub.attrs else a["region_id"]
        status = self.cov.status.get(node, "not_required")
        lines = [f"{a['name']} ({a['id']})",
                 f"类型 kind: {pair(KIND, a['kind'])}" + (" · 两新组织 two-new" if a["two_new"] else ""),
                 f"区域 region: {region}",
                 f"女职工 female staff: {_num(a['female_staff'])} / 职工 staff: {_num(a['total_staff'])}",
                 f"状态 status: {STATUS[status].text()}"]
        lines += [f"  {g}" for g in self.cov.gaps.get(node, ())]
        grades = [sub.node(b)["grade"] for b in sub.bodies_of.get(node, ()) if sub.node(b)["system"] == "party"]
        if not any(grades) and a.get("party_grade"):
            grades = [a["party_grade"]] if a["party_grade"] != "none" else []
        lines.append("党组织定级 party grade: " + (", ".join(pair(GRADE, g) for g in grades) if grades else pair(GRADE, "none")))
        bodies = sub.bodies_of.get(node, ())
        if bodies:
            lines.append(f"组织机构 bodies ({len(bodies)}):")
            lines += [f"  {sub.node(b)['name']} · {body_type(sub.node(b)['system'], sub.node(b)['type'])}"
                      + (" · 负责人空缺 vacant head" if b in self.cov.vacant else "") for b in bodies[:10]]
            if len(bodies) > 10:
                lines.append(f"  … +{len(bodies) - 10}")
        return "\n".join(lines)

    def body_tip(self, node: str, limit: int = 8) -> str:
        a, sub = self.sub.node(node), self.sub
        host = sub.host(node)
        lines = [f"{a['name']} ({a['id']})", f"{SYSTEM[a['system']].text()} · {body_type(a['system'], a['type'])}",
                 f"所属 host: {sub.node(host)['name'] if host in sub.attrs else host.split(':', 1)[1]}"]
        if a["system"] == "party":
            lines.append(f"党组织定级 party grade: {pair(GRADE, a['grade'])}")
        if node in self.cov.vacant:
            lines.append(f"{vacant_words(a['system'], a['type'])} · 负责人空缺 vacant head")
            if node in self.cov.vacant_detail:
                lines.append(f"  规则 rule: vacant_head — {self.cov.vacant_detail[node]}")
        holders = sub.holders.get(node, ())
        lines.append(f"任职 posts: {len(holders)}")
        lines += [f"  {pair(ROLE, role)}: {sub.node(p)['name']}" for p, role in holders[:limit]]
        if len(holders) > limit:
            lines.append(f"  … +{len(holders) - limit}")
        return "\n".join(lines)

    def person_tip(self, node: str, limit: int = 10) -> str:
        a, sub = self.sub.node(node), self.sub
        posts = sub.posts_of.get(node, ())
        head = a["name"] if a["name"] == a["id"] else f"{a['name']} ({a['id']})"
        lines = [head, f"性别 gender: {'女 F' if a['gender'] == 'F' else '男 M' if a['gender'] == 'M' else '?'}"
                 + (" · 党员 party member" if a["party_member"] else ""),
                 f"在任职务 active posts: {len(posts)}"]
        lines += [f"  {sub.node(b)['name']} · {pair(ROLE, role)}" for b, role in posts[:limit]]
        if len(posts) > limit:
            lines.append(f"  … +{len(posts) - limit}")
        systems = sorted({sub.node(b)["system"] for b, _ in posts})
        if systems:
            lines.append("系统 systems: " + ", ".join(SYSTEM[s].text() for s in systems))
        return "\n".join(lines)


def _num(value) -> str:
    return "?" if value is None else f"{value:,}"


def vacant_words(system: str, kind: str) -> str:
    """What a headless body lacks: "无主任 no chair" (a federation: 无主席), "无联络员 no liaison officer".

    >>> vacant_words("women", "committee"), vacant_words("women", "federation"), vacant_words("women", "liaison")
    ('无主任 no chair', '无主席 no chair', '无联络员 no liaison officer')
    """
    from ..schema import SCHEMA

    role = SCHEMA.head_roles(system, kind)[0]
    zh, en = HEAD_WORDS.get(role, (role, role))
    if role == "chair" and kind == "federation":
        zh = "主席"
    return f"无{zh} no {en}"


# -- tree views: coverage and region -------------------------------------------------------------
@dataclass
class Scope:
    """The regions (parents first, with their depth below the top) and organizations a tree view covers."""

    tops: list[str]
    regions: list[str]
    depth: dict[str, int]
    orgs: list[str]
    home: dict[str, str] = field(default_factory=dict)  # organization → the region it is located in
    chain: dict[str, list[str]] = field(default_factory=dict)  # region → it and the regions above it, to the top


def scope(sub: Subgraph, tops: list[str]) -> Scope:
    regions, depth, chain = [], {}, {}
    for top in tops:
        for r in sub.descendants(top):  # parents before children
            if r not in depth:
                depth[r] = len(sub.ancestors(r)) - len(sub.ancestors(top))
                regions.append(r)
                up = sub.parent.get(r)
                chain[r] = [r] + chain[up] if depth[r] > 0 and up in chain else [r]
    home = {o: r for r in regions for o in sub.orgs_in.get(r, ())}
    return Scope(tops, regions, depth, list(home), home, chain)


def tree_bodies(sub: Subgraph, sc: Scope, systems) -> list[str]:
    hosts = sc.regions + sc.orgs
    return [b for h in hosts for b in sub.bodies_of.get(h, ()) if sub.value(b, "system") in systems]


def detail_sizes(draw: Draw, sc: Scope, systems, levels: list[str], ghosts: bool = False) -> list[tuple[str, int, int]]:
    """(detail, depth, node count) for each way of drawing the tree, finest first.

    With ``ghosts``, the ghost nodes count at every detail down to ``orgs``; then ``marked`` draws the
    organizations alone, each missing a body with a dashed border; ``counts`` adds one dashed count of
    missing bodies per region shown.
    """
    sub = draw.sub
    bodies = tree_bodies(sub, sc, systems)
    n_ghosts = sum(len(draw.cov.missing.get(o, ())) for o in sc.orgs) if ghosts else 0
    out = []
    for level in levels:
        if level == "people":
            people = {p for b in bodies for p, _ in sub.holders.get(b, ())}
            out.append(("people", -1, len(sc.regions) + len(sc.orgs) + len(bodies) + len(people) + n_ghosts))
        elif level == "bodies":
            out.append(("bodies", -1, len(sc.regions) + len(sc.orgs) + len(bodies) + n_ghosts))
        elif level == "orgs":
            out.append(("orgs", -1, len(sc.regions) + len(sc.orgs) + n_ghosts))
            if n_ghosts:
                out.append(("marked", -1, len(sc.regions) + len(sc.orgs)))
    deepest = max(sc.depth.values(), default=0)
    statuses = {(sc.home[o], draw.cov.status.get(o)) for o in sc.orgs}  # fold regions, not each organization
    holed = {sc.home[o] for o in sc.orgs if draw.cov.missing.get(o)} if ghosts else set()
    for d in range(deepest, -1, -1):
        kept = sum(1 for r in sc.regions if sc.depth[r] <= d)
        groups = {(_fold_region(sc, r, d), status) for r, status in statuses}
        holes = {_fold_region(sc, r, d) for r in holed}
        out.append(("counts", d, kept + len(groups) + len(holes)))
    return out


def _fold(sub: Subgraph, sc: Scope, org: str, depth: int) -> str:
    """The region an organization is counted in when regions deeper than ``depth`` are folded."""
    return _fold_region(sc, sc.home.get(org) or sub.region_of(org), depth)


def _fold_region(sc: Scope, region: str, depth: int) -> str:
    """``region``, or its ancestor at ``depth`` when it lies deeper."""
    chain = sc.chain.get(region, [region])
    return chain[min(max(0, sc.depth.get(region, 0) - depth), len(chain) - 1)]


def roots_by_gaps(draw: Draw, sc: Scope) -> list[str]:
    """The top regions, those with the most organizations with a gap first (then by name)."""
    gaps = Counter(sc.chain[sc.home[o]][-1] for o in sc.orgs if draw.cov.status.get(o) in GAP_RULES)
    return sorted(sc.tops, key=lambda r: (-gaps.get(r, 0), draw.sub.node(r)["name"], r))


def choose_detail(sizes: list[tuple[str, int, int]], max_nodes: int) -> tuple[str, int, int]:
    for entry in sizes:
        if entry[2] <= max_nodes:
            return entry
    return sizes[-1]


FOLD_NOTES = {
    "bodies": ("下级人员已合并计入各机构（见提示）", "post holders are folded into their bodies (see tooltips)"),
    "orgs": ("组织机构已合并到所属单位（见提示）", "bodies are folded into their organizations (see tooltips)"),
    "marked": ("缺失的妇女组织已合并到所属单位（虚线边框）",
               "missing women's bodies are folded into their organizations (dashed border)"),
    "counts": ("单位已按区域和状态合并为计数", "organizations are folded into counts per region and status"),
    "ghost_counts": ("缺失的妇女组织按区域计数（虚线圆）", "missing women's bodies are counted per region (dashed dots)"),
    "roots": ("只显示最上级区域，各区域单位按状态的计数见提示",
              "only the top regions are drawn; their organizations by status are in the tooltips"),
}


def fold_note(total: int, max_nodes: int, detail: str, depth: int, finest: str, ghosts: bool = False) -> str:
    steps = {"people": [], "bodies": ["bodies"], "orgs": ["bodies", "orgs"], "marked": ["bodies", "orgs", "marked"],
             "counts": ["bodies", "orgs", "counts"] + (["ghost_counts"] if ghosts else []),
             "roots": ["bodies", "orgs", "roots"]}
    taken = [s for s in steps[detail] if s not in steps[finest]]
    zh = "；".join(FOLD_NOTES[s][0] for s in taken)
    en = "; ".join(FOLD_NOTES[s][1] for s in taken)
    if detail == "counts":
        zh += f"（显示到第 {depth} 级区域）"
        en += f" (regions shown to depth {depth})"
    if detail == "roots" and depth:  # depth: how many top regions were left out
        zh += f"（另有 {depth:,} 个区域未显示，按有缺口的单位数排序）"
        en += f" ({depth:,} more regions left out; the ones with most organizations with a gap are shown)"
    return Note(f"已聚合：完整视图有 {total:,} 个节点，超过上限 {max_nodes:,}；{zh}。",
                f"Aggregated: the full view has {total:,} nodes, more than --max-nodes {max_nodes:,}; {en}.")


def build_tree(draw: Draw, sc: Scope, systems, detail: str, depth: int, styles: tuple[str, ...],
               ghosts: bool = False) -> dict[str, list[str]]:
    """Add the tree's nodes and edges to ``draw``; return ``children`` for the layout."""
    sub = draw.sub
    children: dict[str, list[str]] = defaultdict(list)
    if detail == "roots":
        for r in sc.regions:
            draw.region(r, font=region_font(0), style=styles[0])
        return children
    shown = [r for r in sc.regions if detail != "counts" or sc.depth[r] <= depth]
    shown_set = set(shown)
    for r in shown:
        draw.region(r, font=region_font(sc.depth[r]), style=styles[min(sc.depth[r], len(styles) - 1)])
        up = sub.parent.get(r)
        if up in shown_set:
            children[up].append(r)
            draw.link(up, r, {**TREE_EDGE, "width": 2})
    status_rank = {s: i for i, s in enumerate(STATUS)}

    def order(o_i):  # organizations by status, then name, then as given
        o, i = o_i
        return status_rank.get(draw.cov.status.get(o), 99), sub.value(o, "name"), i

    if detail == "counts":
        folded = {r: _fold_region(sc, r, depth) for r in set(sc.home.values())}
        first: dict[tuple[str, str], list] = {}  # (region, status) → [organizations, the first in order]
        for i, o in enumerate(sc.orgs):
            key = (folded[sc.home[o]], draw.cov.status.get(o, "not_required"))
            seen = first.get(key)
            if seen is None:
                first[key] = [1, order((o, i))]
            else:
                seen[0] += 1
                seen[1] = min(seen[1], order((o, i)))
        groups = {key: n for key, (n, _) in sorted(first.items(), key=lambda kv: kv[1][1])}
        ordered = [o for o, _ in sorted(((o, i) for i, o in enumerate(sc.orgs) if draw.cov.missing.get(o)), key=order)]
        for (region, status), n in groups.items():
            node = f"Count:{region}:{status}"
            what = (f"{sub.node(region)['name']}: {n} 个单位 organizations\n"
                    f"状态 status: {STATUS[status].text()}")
            children[region].append(draw.count(node, n, STATUS[status], what))
            draw.link(region, node, TREE_EDGE)
        if ghosts:
            holes: dict[str, list[tuple[str, str]]] = defaultdict(list)
            for o in ordered:
                holes[folded[sc.home[o]]] += draw.cov.missing.get(o, [])
            for region, missing in holes.items():
                if missing:
                    children[region].append(draw.ghost_count(region, missing))
        return children
    ordered = [o for o, _ in sorted(((o, i) for i, o in enumerate(sc.orgs)), key=order)]
    for org in ordered:
        region = sub.region_of(org)
        children[region].append(draw.organization(org))
        draw.link(region, org, TREE_EDGE)
        if ghosts and detail == "marked" and draw.cov.missing.get(org):
            spec = draw.nodes[org]
            spec["borderWidth"] = 3
            spec["shapeProperties"] = {"borderDashes": DASHES}
        elif ghosts:
            for rule, text in draw.cov.missing.get(org, ()):
                children[org].append(draw.ghost(org, rule, text))
    if detail in ("orgs", "marked"):
        return children
    for host in sc.regions + sc.orgs:
        for body in sub.bodies_of.get(host, ()):
            if sub.node(body)["system"] in systems:
                children[host].append(draw.body(body))
                draw.link(host, body, {"color": SYSTEM[sub.node(body)["system"]].color, "width": 1})
    if detail == "bodies":
        return children
    for host in sc.regions + sc.orgs:
        for body in sub.bodies_of.get(host, ()):
            if sub.node(body)["system"] not in systems:
                continue
            for person, role in sub.holders.get(body, ()):
                if person not in draw.nodes:
                    children[body].append(draw.person(person))
                draw.link(person, body, draw.holds_style(body), pair(ROLE, role))
    return children


def region_font(depth: int) -> float:
    return {0: 22.0, 1: 16.0}.get(depth, 12.0)


#: Up to this many boxed regions, each label is made readable at the first zoom (a county's townships);
#: with more, labels follow their cluster's size, or the boxes would crowd out the picture.
READABLE_BOXES = 40


def lay_out_tree(draw: Draw, children: dict[str, list[str]], tops: list[str], depth_of: dict[str, int]) -> None:
    """Balloon layout, with the boxed regions' labels sized to their cluster so they read at first sight."""
    hub = "\0hub"
    tree = {**children, hub: list(tops)}
    boxed = [r for r, d in depth_of.items() if d <= 1 and draw.nodes.get(r, {}).get("shape") in ("box", "text")]
    for _ in range(2):
        disc = layout.discs(tree, hub, {**draw.radius, hub: 0.0})
        scale = min(1.0, min(CANVAS) / 2 / max(disc[hub], 1.0))  # about the zoom fit() will choose
        for region in boxed:
            spec = draw.nodes[region]
            ring = disc[region] - draw.radius[region]  # how far its children reach
            share = 6.0 if depth_of[region] == 0 else 2.6
            chars = max(3, min(len(spec["label"]), 4))
            readable = 11 / scale if depth_of[region] == 0 or len(boxed) <= READABLE_BOXES else 0.0
            font = max(region_font(depth_of[region]), readable, 2 * ring / share / chars)
            font = min(140.0, font)
            spec["font"]["size"] = round(font)
            if spec["shape"] == "box":
                spec["margin"] = box_margin(font)
                draw.radius[region] = box_radius(spec["label"], font)
            else:
                draw.radius[region] = text_width(spec["label"], font) / 2 + 4
    place(draw, layout.forest(children, tops, draw.radius))


def fit_scale(pos: dict, radius: dict) -> float:
    """The zoom vis-network's ``fit()`` will pick for these positions on the ``CANVAS``."""
    if not pos:
        return 1.0
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    pad = max(radius.values(), default=10)
    width, height = max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad
    return min(1.0, CANVAS[0] / width, CANVAS[1] / height)


def place(draw: Draw, pos: dict) -> None:
    for node, spec in draw.nodes.items():
        x, y = pos.get(node, (0.0, 0.0))
        spec["x"], spec["y"] = round(x, 1), round(y, 1)


def tree_view(draw: Draw, scene: Scene, tops: list[str], systems, levels: list[str], max_nodes: int,
              styles: tuple[str, ...], ghosts: bool = False) -> None:
    sc = whole = scope(draw.sub, tops)
    sizes = detail_sizes(draw, sc, systems, levels, ghosts)
    detail, depth, n = choose_detail(sizes, max_nodes)
    if n > max_nodes:  # even one count per top region and status is too many: the top regions alone
        ranked = roots_by_gaps(draw, sc)
        shown, depth = ranked[:max_nodes], max(0, len(ranked) - max_nodes)
        sizes.append(("roots", depth, len(shown)))
        detail, sc = "roots", Scope(shown, shown, {r: 0 for r in shown}, [])
        ghosts = False
    scene.detail = detail
    if (detail, depth) != sizes[0][:2]:
        scene.aggregated = True
        scene.notes.append(fold_note(sizes[0][2], max_nodes, detail, depth, levels[0], ghosts))
    children = build_tree(draw, sc, systems, detail, depth, styles, ghosts)
    lay_out_tree(draw, children, sc.tops, {r: d for r, d in sc.depth.items() if r in draw.nodes})
    finish(draw, scene)
    scene.legend = [REGION, *STATUS.values()]
    if detail in ("people", "bodies"):
        scene.legend += [SYSTEM[s] for s in systems] + [VACANT]
    if detail == "people":
        scene.legend += [PERSON, STANDOUT]
    if detail == "counts":
        scene.legend.append(COUNT)
    if ghosts:
        scene.legend += {"counts": [GHOST_COUNT], "marked": [GHOST_MARK]}.get(detail, list(GHOST.values()))
    tally = Counter(draw.cov.status.get(o) for o in whole.orgs)
    gaps = sum(n for s, n in tally.items() if s in GAP_RULES)
    scene.facts = [f"组织 organizations: {len(whole.orgs):,}", f"有缺口 with a gap: {gaps:,}",
                   f"已覆盖 covered: {tally.get('covered', 0):,}"] + scene.facts
    if ghosts:
        missing = sum(len(draw.cov.missing.get(o, ())) for o in whole.orgs)
        scene.facts.insert(2, f"缺失的妇女组织 missing women's bodies: {missing:,}")


def finish(draw: Draw, scene: Scene) -> None:
    scene.nodes = list(draw.nodes.values())
    scene.edges = draw.edges
    scene.facts = [f"节点 nodes: {len(scene.nodes):,}", f"连线 edges: {len(scene.edges):,}"]


def coverage_view(draw: Draw, scene: Scene, max_nodes: int, ghosts: bool = True) -> None:
    tops = draw.sub.roots()
    names = "、".join(draw.sub.node(t)["name"] for t in tops)
    scene.title = f"妇女组织覆盖情况 Women's organization coverage — {names}"
    tree_view(draw, scene, tops, COVERAGE_SYSTEMS, ["bodies", "orgs"], max_nodes, ("box", "box", "dot"), ghosts)


def region_view(draw: Draw, scene: Scene, region: str, max_nodes: int) -> None:
    a = draw.sub.node(region)
    scene.title = f"区域全网 Whole network — {a['name']} ({a['id']})"
    tree_view(draw, scene, [region], tuple(SYSTEM), ["people", "bodies", "orgs"], max_nodes, ("box", "text", "dot"))


# -- ego ----------------------------------------------------------------------------------------
def ego_adjacency(sub: Subgraph) -> dict[str, list[str]]:
    """Who is next to whom for the ego view: posts, bodies and hosts, employers, liaison links."""
    adj: dict[str, list[str]] = defaultdict(list)

    def both(a, b):
        adj[a].append(b)
        adj[b].append(a)

    for body, holders in sub.holders.items():
        for person, _ in holders:
            both(person, body)
    for host, bodies in sub.bodies_of.items():
        for body in bodies:
            both(body, host)
    for org, people in sub.employees.items():
        for person in people:
            both(person, org)
    for person, bodies in sub.liaisons_of.items():
        for body in bodies:
            both(person, body)
    return adj


def ego_view(draw: Draw, scene: Scene, center: str, max_nodes: int) -> None:
    sub = draw.sub
    a = sub.node(center)
    head = a["name"] if a["name"] == a["id"] else f"{a['name']} ({a['id']})"
    scene.title = f"关系网（两层） Neighbourhood to depth 2 — {head}"
    adj = ego_adjacency(sub)
    level = {center: 0}
    children: dict[str, list[str]] = defaultdict(list)
    for depth in (1, 2):
        for node in [n for n, d in level.items() if d == depth - 1]:
            if depth > 1 and sub.node(node)["label"] == "Region":
                continue  # a region is context: its other bodies are not this neighbourhood
            for other in dict.fromkeys(adj.get(node, ())):
                if other not in level:
                    level[other] = depth
                    children[node].append(other)
    total = len(level)
    folded = total > max_nodes
    if folded:
        scene.aggregated = True
        scene.notes.append(Note(f"已聚合：两层关系网有 {total:,} 个节点，超过上限 {max_nodes:,}；第二层已按类别合并为计数。",
                                f"Aggregated: the neighbourhood has {total:,} nodes, more than --max-nodes {max_nodes:,};"
                                " the second ring is folded into counts per kind."))
    tree: dict[str, list[str]] = defaultdict(list)
    for node, d in level.items():
        if d <= 1 or not folded:
            draw_node(draw, node)
    for parent, kids in children.items():
        if folded and level[parent] == 1:
            for label, n in Counter(sub.node(k)["label"] for k in kids).items():
                node = f"Count:{parent}:{label}"
                draw.count(node, n, COUNT, f"{sub.node(parent)['name']}: {n} × {LABEL_WORDS[label]}")
                tree[parent].append(node)
                draw.link(parent, node, TREE_EDGE)
            continue
        for kid in kids:
            tree[parent].append(kid)
    for node in list(draw.nodes):
        for other in adj.get(node, ()):
            if other in draw.nodes:
                draw.link(node, other, edge_style(draw, node, other))
    pos = layout.components(list(draw.nodes), [(e["from"], e["to"]) for e in draw.edges], draw.radius,
                            {center: 1.0})
    place(draw, pos)
    spec = draw.nodes[center]
    spec["borderWidth"] = 4
    spec["font"] = {**spec.get("font", {}), "size": 16}
    finish(draw, scene)
    kinds = Counter(sub.node(n)["label"] for n in level if n != center)
    scene.facts += [f"{LABEL_WORDS[k]}: {n:,}" for k, n in sorted(kinds.items())]
    scene.legend = [REGION, *STATUS.values(), *[SYSTEM[s] for s in SYSTEM], VACANT, PERSON, STANDOUT]
    if folded:
        scene.legend.append(COUNT)


def edge_style(draw: Draw, a: str, b: str) -> dict:
    """A post (person–body) in the body's system colour; anything else a plain tree edge."""
    labels = {draw.sub.node(a)["label"]: a, draw.sub.node(b)["label"]: b}
    if set(labels) == {"Person", "Body"}:
        return draw.holds_style(labels["Body"])
    return TREE_EDGE


LABEL_WORDS = {"Region": "区域 regions", "Organization": "组织 organizations", "Body": "机构 bodies",
               "Person": "人员 people"}


def draw_node(draw: Draw, node: str) -> str:
    label = draw.sub.node(node)["label"]
    if label == "Region":
        return draw.region(node)
    if label == "Organization":
        return draw.organization(node)
    if label == "Body":
        return draw.body(node)
    return draw.person(node)


# -- overlaps -----------------------------------------------------------------------------------
def overlaps_view(draw: Draw, scene: Scene, max_nodes: int) -> None:
    sub = draw.sub
    names = "、".join(sub.node(t)["name"] for t in sub.roots())
    scene.title = f"一人多职 Post overlaps — {names}"
    people = [p for p, posts in sub.posts_of.items() if len(posts) >= 2]
    people.sort(key=lambda p: (-len(sub.posts_of[p]), sub.node(p)["id"]))
    chosen, used = [], set()
    for person in people:
        new = {person} | {b for b, _ in sub.posts_of[person]}
        if len(used | new) > max_nodes:
            break
        chosen.append(person)
        used |= new
    if len(chosen) < len(people):
        scene.aggregated = True
        rest = len(people) - len(chosen)
        scene.notes.append(Note(
            f"已聚合：{len(people):,} 人任两个以上职务，全部显示将超过上限 {max_nodes:,} 个节点；"
            f"图中为职务最多的 {len(chosen):,} 人，其余 {rest:,} 人见一人多职表。",
            f"Aggregated: {len(people):,} people hold two or more posts, more than --max-nodes {max_nodes:,}"
            f" allows; shown are the {len(chosen):,} with most posts, the other {rest:,} are in the overlaps table."))
    for person in chosen:
        draw.person(person)
        for body, _ in sub.posts_of[person]:
            draw.body(body)
    for person in chosen:
        for body, role in sub.posts_of[person]:
            draw.link(person, body, {**draw.holds_style(body), "width": 2}, pair(ROLE, role))
    rank = {p: len(sub.posts_of[p]) for p in chosen}
    pos = layout.components(list(draw.nodes), [(e["from"], e["to"]) for e in draw.edges], draw.radius, rank)
    place(draw, pos)
    finish(draw, scene)
    standouts = sum(1 for p in chosen if rank[p] >= draw.min_posts)
    scene.facts = [f"两个以上职务 two or more posts: {len(people):,}",
                   f"≥ {draw.min_posts} 个职务 posts: {standouts:,}"] + scene.facts
    scene.legend = [STANDOUT, PERSON, *[SYSTEM[s] for s in SYSTEM], VACANT]
