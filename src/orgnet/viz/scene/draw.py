"""Drawing a scene: ``Draw`` makes the vis-network node dicts (labels, colours, sizes, plain-text
tooltips) and edges one view needs, and remembers the room each node takes for the layout.

``start_scene`` begins a view (redacting people when asked), ``place`` writes the layout's
positions into the nodes, ``finish`` hands them to the ``Scene``.
"""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd

from ...redact import pseudonyms
from ..data import Subgraph
from ..style import (DASHES, GHOST, GHOST_COUNT, GHOST_WORDS, GRADE, KIND, LEVEL, ORGANIZATION, PERSON, REGION, ROLE,
                     STANDOUT, STATUS, SYSTEM, VACANT, Swatch, body_type, glyph, head_title, pair, system_text)
from .model import GHOST_VADJUST, Coverage, Scene, ViewRequest, coverage_of


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
        spec = {"id": node, "label": glyph(a["system"], a["type"]), "shape": "circle", "title": self.body_tip(node),
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
        lines += [f"  {zh} {en}: {tally[r]}" for r, (zh, en) in GHOST_WORDS.items() if tally.get(r)]
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
        lines = [f"{a['name']} ({a['id']})", f"{system_text(a['system'], a['type'])} · {body_type(a['system'], a['type'])}",
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
        kinds = sorted({(sub.node(b)["system"], sub.node(b)["type"]) for b, _ in posts})
        systems = dict.fromkeys(system_text(system, kind) for system, kind in kinds)
        if systems:
            lines.append("系统 systems: " + ", ".join(systems))
        return "\n".join(lines)


def _num(value) -> str:
    return "?" if value is None else f"{value:,}"


def vacant_words(system: str, kind: str) -> str:
    """What a headless body lacks, by the title of its head (``orgnet.glossary.head_title``).

    >>> vacant_words("women", "committee"), vacant_words("women", "federation")
    ("妇委会主任空缺 no active women's committee chair", "妇联主席空缺 no active women's federation chair")
    """
    return f"{head_title(system, kind, 'zh')}空缺 no active {head_title(system, kind, 'en')}"


def place(draw: Draw, pos: dict) -> None:
    """Write the layout's positions into the node dicts (rounded to a tenth of a pixel)."""
    for node, spec in draw.nodes.items():
        x, y = pos.get(node, (0.0, 0.0))
        spec["x"], spec["y"] = round(x, 1), round(y, 1)


def finish(draw: Draw, scene: Scene) -> None:
    """Hand the drawn nodes and edges to the scene; its facts start with their counts."""
    scene.nodes = list(draw.nodes.values())
    scene.edges = draw.edges
    scene.facts = [f"节点 nodes: {len(scene.nodes):,}", f"连线 edges: {len(scene.edges):,}"]


def start_scene(sub: Subgraph, gaps: pd.DataFrame, kind: str, request: ViewRequest,
                center: str | None = None) -> tuple[Draw, Scene, str | None]:
    """A ``Draw`` of ``sub`` and the empty ``Scene`` of one view, with the view's ``center`` node.

    With ``request.redact`` people are drawn under stable pseudonyms, and a person ``center`` with them.
    """
    if request.redact:
        names = pseudonyms(sub.node_ids("Person"))
        sub = sub.redacted(names)
        if center and center.startswith("Person:"):
            center = f"Person:{names[center.split(':', 1)[1]]}"
    draw = Draw(sub, coverage_of(sub, gaps), request.min_posts)
    return draw, Scene(kind, "", request.as_of, request.source), center
