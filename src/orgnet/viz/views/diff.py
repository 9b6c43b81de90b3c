"""The ``diff`` view: the network on the later of two days, coloured by what changed in between.

What changed comes from ``orgnet.analyses.diff`` (gaps opened and closed, coverage per region) and the
engine's ``events`` fact (bodies founded and dissolved, posts started and ended), so the view shows
exactly the rows ``orgnet diff`` prints, on every engine. The picture is the region tree of the later
day with every organization and body, plus the bodies dissolved in between (from the earlier day) and
the people whose posts started or ended:

* organizations are filled by what happened to their gaps: opened (red), closed (green), both
  (purple); an organization whose bodies or posts changed without a gap changing is light blue;
  everything else is faded;
* bodies founded are blue, dissolved ones grey with a dashed border, bodies whose posts changed have
  an orange border, a body whose head fell vacant (or was filled) a red (green) one; the rest faded,
  the glyph naming the system;
* people whose posts changed are orange dots, linked to the body by a solid orange line for a post
  started and a dashed brown one for a post ended.

Above ``max_nodes`` the view folds like the others: people into their bodies, bodies into their
organizations, organizations into counts per region and change.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from ...errors import InputError
from ...redact import pseudonyms
from ...rules import Rules
from ..data import Subgraph, subgraph
from ..scene import (TREE_EDGE, Draw, Scene, Scope, ViewRequest, choose_detail, coverage_of, finish, fit_scale,
                     fold_note, fold_org, lay_out_tree, region_font, scope, text_width)
from ..style import (BODY_CHANGE, CHANGE, CHANGED_PERSON, COUNT, DASHES, POST_ENDED, POST_STARTED, REGION, ROLE,
                     Note, Swatch, glyph, pair, words)

#: Body borders for a vacant head that appeared or went away (the legend's words).
HEAD_VACATED = Swatch(BODY_CHANGE["unchanged"].color, "circle", "负责人空缺新增（红色粗边框）",
                      "head fell vacant (thick red border)", border=CHANGE["gap_opened"].color)
HEAD_FILLED = Swatch(BODY_CHANGE["unchanged"].color, "circle", "负责人空缺消除（绿色粗边框）",
                     "vacant head filled (thick green border)", border=CHANGE["gap_closed"].color)
FADED_EDGE = {"color": "#dde3e7", "width": 1}
KIND_WORDS = {"gap_opened": ("新增缺口", "gap opened"), "gap_closed": ("缺口消除", "gap closed"),
              "body_founded": ("新建", "founded"), "body_dissolved": ("撤销", "dissolved"),
              "post_started": ("新任", "started"), "post_ended": ("离任", "ended")}


@dataclass
class Changes:
    """What changed between the two days, keyed by the nodes it is drawn on."""

    opened: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # org node → "rule: detail"
    closed: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    head_vacated: dict[str, str] = field(default_factory=dict)  # body node → vacant_head detail (gap opened)
    head_filled: dict[str, str] = field(default_factory=dict)  # body node → vacant_head detail (gap closed)
    founded: dict[str, str] = field(default_factory=dict)  # body node → day
    dissolved: dict[str, str] = field(default_factory=dict)
    posts: dict[str, list[tuple[str, str, str, str]]] = field(default_factory=lambda: defaultdict(list))
    #: body node → [(person node, "post_started" | "post_ended", role, day)]
    coverage: dict[str, str] = field(default_factory=dict)  # region node → "before → after (shift)"
    tally: Counter = field(default_factory=Counter)  # diff change → rows


def changes_of(engine, start: date, end: date, rules: Rules, names: dict[str, str] | None) -> Changes:
    """Read the diff rows and the events between ``start`` and ``end`` into ``Changes``."""
    from ...analyses import run

    rows = run(engine, "diff", start=start, end=end, rules=rules)
    ch = Changes()
    ch.tally.update(rows["change"].tolist())
    for row in rows.itertuples():
        change, subject = row.change, row.subject_id
        if change in ("gap_opened", "gap_closed"):
            if subject:
                (ch.opened if change == "gap_opened" else ch.closed)[f"Organization:{subject}"].append(row.detail)
            if row.rule == "vacant_head" and row.body_id:
                side = ch.head_vacated if change == "gap_opened" else ch.head_filled
                side[f"Body:{row.body_id}"] = row.gap_detail
        elif change == "coverage":
            shift = f"（{row.detail}）" if row.detail else ""
            ch.coverage[f"Region:{subject}"] = f"{row.before} → {row.after}{shift}"
    for row in engine.answer("events", start=start, end=end).itertuples():  # in date order
        change, subject, day, body, role = row.change, row.subject_id, str(row.date)[:10], row.body_id, row.role
        if change in ("body_founded", "body_dissolved"):
            (ch.founded if change == "body_founded" else ch.dissolved)[f"Body:{subject}"] = day
        else:
            person = names.get(subject, subject) if names else subject
            ch.posts[f"Body:{body}"].append((f"Person:{person}", change, role, day))
    return ch


def org_change(ch: Changes, org: str, bodies: list[str]) -> str:
    """The key of ``CHANGE`` an organization is filled with."""
    opened, closed = bool(ch.opened.get(org)), bool(ch.closed.get(org))
    if opened and closed:
        return "gap_both"
    if opened or closed:
        return "gap_opened" if opened else "gap_closed"
    if any(b in ch.founded or b in ch.dissolved or ch.posts.get(b) for b in bodies):
        return "changed"
    return "unchanged"


class DiffDraw(Draw):
    """``Draw`` for the diff view: the later day's nodes styled by change; dissolved bodies from the earlier day."""

    def __init__(self, sub: Subgraph, before: Subgraph, ch: Changes, rules: Rules, engine, end: date, start: date,
                 min_posts: int):
        super().__init__(sub, coverage_of(sub, engine.answer("gaps", as_of=end, rules=rules)), min_posts)
        self.before = Draw(before, coverage_of(before, engine.answer("gaps", as_of=start, rules=rules)), min_posts)
        self.ch = ch
        self.gone = {b for b in before.of_label("Body") if b not in sub.attrs}  # dissolved in between
        self.bodies_of: dict[str, list[str]] = defaultdict(list)  # host → bodies drawn (later day + dissolved)
        for host, bodies in sub.bodies_of.items():
            self.bodies_of[host] += bodies
        for host, bodies in before.bodies_of.items():
            self.bodies_of[host] += [b for b in bodies if b in self.gone]
        self.status = {o: org_change(ch, o, self.bodies_of.get(o, [])) for o in sub.of_label("Organization")}

    def attrs(self, node: str) -> dict:
        return self.sub.node(node) if node in self.sub.attrs else self.before.sub.node(node)

    # -- nodes ------------------------------------------------------------------------------
    def organization(self, node: str, by_status: bool = True) -> str:
        super().organization(node)
        spec = self.nodes[node]
        swatch = CHANGE[self.status[node]]
        spec["color"] = {"background": swatch.color, "border": swatch.border or "#37474f"}
        if self.status[node] == "unchanged":
            spec["font"] = {"size": 11, "color": "#9aa5ab"}
        else:
            spec["orgnetChanged"] = True
        spec["title"] = self.org_tip(node) + self.change_lines(node)
        return node

    def body(self, node: str) -> str:
        a = self.attrs(node)
        ch = self.ch
        posts = ch.posts.get(node, ())
        if node in self.gone:
            swatch, kind = BODY_CHANGE["body_dissolved"], "body_dissolved"
        elif node in ch.founded:
            swatch, kind = BODY_CHANGE["body_founded"], "body_founded"
        elif posts:
            swatch, kind = BODY_CHANGE["posts_changed"], "posts_changed"
        else:
            swatch, kind = BODY_CHANGE["unchanged"], "unchanged"
        border = swatch.border or swatch.color
        width = {"posts_changed": 3, "body_dissolved": 2}.get(kind, 1)
        if node in ch.head_vacated or node in ch.head_filled:
            border, width = (HEAD_VACATED if node in ch.head_vacated else HEAD_FILLED).border, 4
        faded = kind in ("unchanged", "posts_changed")
        tip = (self.before.body_tip(node) if node in self.gone else self.body_tip(node)) + self.change_lines(node)
        spec = {"id": node, "label": glyph(a["system"], a["type"]), "shape": "circle", "title": tip,
                "color": {"background": swatch.color, "border": border}, "borderWidth": width,
                "font": {"color": "#90a4ae" if faded else "#ffffff", "size": 11, "strokeWidth": 0}, "margin": 4}
        if swatch.dashed:
            spec["shapeProperties"] = {"borderDashes": DASHES}
        if kind != "unchanged" or width > 1:
            spec["orgnetChanged"] = True
        return self.add(spec, 12)

    def person(self, node: str) -> str:
        super().person(node)
        spec = self.nodes[node]
        spec.update({"shape": "dot", "size": 9, "borderWidth": 1,
                     "color": {"background": CHANGED_PERSON.color, "border": "#b35f00"},
                     "font": {"size": 11, "color": "#5d3a00"}, "orgnetChanged": True})
        spec["title"] = self.person_tip(node) + self.change_lines(node)
        return node

    def region_tip(self, node: str) -> str:
        tip = super().region_tip(node)
        if node in self.ch.coverage:
            tip += f"\n{words('two_new_coverage')}: {self.ch.coverage[node]}"
        return tip

    # -- tooltips ---------------------------------------------------------------------------
    def change_lines(self, node: str) -> str:
        """The node's changes, as tooltip lines after a heading."""
        ch, lines = self.ch, []
        label = node.split(":", 1)[0]
        if label == "Organization":
            lines += [f"  新增缺口 gap opened — {d}" for d in ch.opened.get(node, ())]
            lines += [f"  缺口消除 gap closed — {d}" for d in ch.closed.get(node, ())]
            for body in self.bodies_of.get(node, ()):
                name = self.attrs(body)["name"]
                if body in ch.founded:
                    lines.append(f"  新建 founded {name} ({ch.founded[body]})")
                if body in ch.dissolved or body in self.gone:
                    lines.append(f"  撤销 dissolved {name} ({ch.dissolved.get(body, '?')})")
                for person, kind, role, day in ch.posts.get(body, ()):
                    lines.append(f"  {' '.join(KIND_WORDS[kind])}: {self.person_name(person)} · "
                                 f"{pair(ROLE, role)} · {name} ({day})")
        elif label == "Body":
            if node in ch.founded:
                lines.append(f"  新建 founded {ch.founded[node]}")
            if node in ch.dissolved or node in self.gone:
                lines.append(f"  撤销 dissolved {ch.dissolved.get(node, '?')}")
            if node in ch.head_vacated:
                lines.append(f"  负责人空缺新增 head fell vacant: {ch.head_vacated[node]}")
            if node in ch.head_filled:
                lines.append(f"  负责人空缺消除 vacant head filled (原 was: {ch.head_filled[node]})")
            for person, kind, role, day in ch.posts.get(node, ()):
                lines.append(f"  {' '.join(KIND_WORDS[kind])}: {self.person_name(person)} · {pair(ROLE, role)} ({day})")
        elif label == "Person":
            for body, changes in ch.posts.items():
                for person, kind, role, day in changes:
                    if person == node:
                        lines.append(f"  {' '.join(KIND_WORDS[kind])}: {pair(ROLE, role)} · "
                                     f"{self.body_name(body)} ({day})")
        if not lines:
            return "\n变化 changes: 无 none"
        return "\n变化 changes:\n" + "\n".join(lines)

    def body_name(self, node: str) -> str:
        known = node in self.sub.attrs or node in self.before.sub.attrs
        return self.attrs(node)["name"] if known else node.split(":", 1)[1]

    def person_name(self, node: str) -> str:
        return self.sub.node(node)["name"] if node in self.sub.attrs else node.split(":", 1)[1]


# -- the tree -----------------------------------------------------------------------------------
def diff_people(draw: DiffDraw, bodies: list[str]) -> dict[str, list[tuple[str, str, str, str]]]:
    """Person node → her post changes in ``bodies`` (people not in the data are left out)."""
    out: dict[str, list] = defaultdict(list)
    for body in bodies:
        for person, kind, role, day in draw.ch.posts.get(body, ()):
            if person in draw.sub.attrs:
                out[person].append((body, kind, role, day))
    return out


def diff_sizes(draw: DiffDraw, sc: Scope) -> list[tuple[str, int, int]]:
    """(detail, depth, node count) for each way of drawing the diff, finest first."""
    bodies = [b for h in sc.regions + sc.orgs for b in draw.bodies_of.get(h, ())]
    people = diff_people(draw, bodies)
    out = [("people", -1, len(sc.regions) + len(sc.orgs) + len(bodies) + len(people)),
           ("bodies", -1, len(sc.regions) + len(sc.orgs) + len(bodies)),
           ("orgs", -1, len(sc.regions) + len(sc.orgs))]
    for d in range(max(sc.depth.values(), default=0), -1, -1):
        kept = sum(1 for r in sc.regions if sc.depth[r] <= d)
        groups = {(fold_org(draw.sub, sc, o, d), draw.status[o]) for o in sc.orgs}
        out.append(("counts", d, kept + len(groups)))
    return out


def build_diff_tree(draw: DiffDraw, sc: Scope, detail: str, depth: int) -> dict[str, list[str]]:
    sub = draw.sub
    children: dict[str, list[str]] = defaultdict(list)
    shown = [r for r in sc.regions if detail != "counts" or sc.depth[r] <= depth]
    for r in shown:
        draw.region(r, font=region_font(sc.depth[r]), style=("box", "box", "dot")[min(sc.depth[r], 2)])
        up = sub.parent.get(r)
        if up in set(shown):
            children[up].append(r)
            draw.link(up, r, {**TREE_EDGE, "width": 2})
    rank = {s: i for i, s in enumerate(CHANGE)}
    ordered = sorted(sc.orgs, key=lambda o: (rank[draw.status[o]], sub.node(o)["name"]))
    if detail == "counts":
        groups = Counter((fold_org(sub, sc, o, depth), draw.status[o]) for o in ordered)
        for (region, status), n in groups.items():
            what = f"{sub.node(region)['name']}: {n} 个单位 organizations\n{CHANGE[status].text()}"
            children[region].append(draw.count(f"Count:{region}:{status}", n, CHANGE[status], what))
            draw.link(region, f"Count:{region}:{status}", TREE_EDGE)
        return children
    for org in ordered:
        children[sub.region_of(org)].append(draw.organization(org))
        changed = draw.status[org] != "unchanged"
        draw.link(sub.region_of(org), org, TREE_EDGE if changed else FADED_EDGE)
    if detail == "orgs":
        return children
    bodies = []
    for host in sc.regions + sc.orgs:
        for body in draw.bodies_of.get(host, ()):
            bodies.append(body)
            children[host].append(draw.body(body))
            style = dict(FADED_EDGE)
            if body in draw.gone:
                style = {"color": BODY_CHANGE["body_dissolved"].color, "width": 1, "dashes": DASHES}
            elif body in draw.ch.founded:
                style = {"color": BODY_CHANGE["body_founded"].color, "width": 1.5}
            draw.link(host, body, style)
    if detail == "bodies":
        return children
    for person, posts in diff_people(draw, bodies).items():
        for body, _kind, _role, _day in posts:
            if person not in draw.nodes:
                children[body].append(draw.person(person))
        by_body: dict[str, list] = defaultdict(list)
        for body, kind, role, day in posts:
            by_body[body].append((kind, role, day))
        for body, items in by_body.items():
            started = any(kind == "post_started" for kind, _, _ in items)
            style = ({"color": POST_STARTED.color, "width": 2.5} if started else
                     {"color": POST_ENDED.color, "width": 2, "dashes": DASHES})
            title = "\n".join(f"{' '.join(KIND_WORDS[k])}: {pair(ROLE, r)} ({d})" for k, r, d in items)
            draw.link(person, body, style, title)
    return children


#: Up to this many changed nodes, their labels are sized to read at the first, fitted zoom.
READABLE_CHANGES = 40


def readable_changes(draw: DiffDraw) -> bool:
    """Make the changed nodes' labels readable at the zoom ``fit()`` will choose, when they are few.

    The page caps them again when zoomed in (``orgnetMaxPx``). Returns whether anything grew (then
    the tree is laid out again with the room the bigger labels need).
    """
    changed = [n for n, spec in draw.nodes.items() if spec.get("orgnetChanged")]
    if not changed or len(changed) > READABLE_CHANGES:
        return False
    pos = {n: (spec["x"], spec["y"]) for n, spec in draw.nodes.items()}
    scale = fit_scale(pos, draw.radius)
    grew = False
    for node in changed:
        spec = draw.nodes[node]
        if spec["shape"] == "dot" and spec["size"] < min(30.0, 6 / scale):
            spec["size"] = round(min(30.0, 6 / scale), 1)
            draw.radius[node] = max(draw.radius[node], spec["size"] + 4)
            grew = True
        base = spec.get("font", {}).get("size", 11)
        circle = spec["shape"] == "circle"  # a body's glyph: the circle around it should show too
        size = min(60.0 if circle else 40.0, max(base, (16 if circle else 13) / scale))
        if size <= base:
            continue
        grew = True
        spec["font"] = {**spec.get("font", {}), "size": round(size)}
        spec["orgnetMaxPx"] = 18 if circle else 16
        if circle:  # the glyph sits inside: the circle grows with it
            draw.radius[node] = max(draw.radius[node], size * 0.8 + 6)
        else:
            draw.radius[node] = max(draw.radius[node], text_width(spec["label"], size) / 2 + 4)
    return grew


def diff_scene(engine, request: ViewRequest) -> Scene:
    """The diff view from ``request.start`` to ``request.as_of`` (see the module docstring).

    Raises
    ------
    InputError
        No ``--from``, or one not earlier than ``--to``.
    """
    start, end, rules, max_nodes = request.start, request.as_of, request.rules, request.max_nodes
    if start is None:
        raise InputError("the diff view needs --from DATE (and --to DATE, default --as-of)")
    if start >= end:
        raise InputError(f"--from {start.isoformat()} must be earlier than --to {end.isoformat()}")
    after, before = subgraph(engine, end), subgraph(engine, start)
    names = None
    if request.redact:
        names = pseudonyms(after.node_ids("Person"))
        after, before = after.redacted(names), before.redacted(names)
    ch = changes_of(engine, start, end, rules, names)
    draw = DiffDraw(after, before, ch, rules, engine, end, start, request.min_posts)
    tops = after.roots()
    scene = Scene("diff", "", end, request.source, since=start)
    scene.title = (f"变化 Changes {start.isoformat()} → {end.isoformat()} — "
                   + "、".join(after.node(t)["name"] for t in tops))
    sc = scope(after, tops)
    sizes = diff_sizes(draw, sc)
    finest = sizes[0][2]
    detail, depth, n = choose_detail(sizes, max_nodes)
    every = len(tops)
    while n > max_nodes and len(tops) > 1:  # even counts per top region are too many: fewer top regions
        tops = tops[:max(1, min(len(tops) - 1, len(tops) * max_nodes // n))]
        sc = scope(after, tops)
        sizes = diff_sizes(draw, sc)
        detail, depth, n = choose_detail(sizes, max_nodes)
    if (detail, depth) != sizes[0][:2] or len(tops) < every:
        scene.aggregated = True
        scene.notes.append(fold_note(finest, max_nodes, detail, depth, "people"))
    if len(tops) < every:
        scene.notes.append(Note(f"只显示前 {len(tops):,} 个最上级区域（共 {every:,} 个）。",
                                f"Only the first {len(tops):,} of {every:,} top regions are drawn."))
    children = build_diff_tree(draw, sc, detail, depth)
    depth_of = {r: d for r, d in sc.depth.items() if r in draw.nodes}
    lay_out_tree(draw, children, tops, depth_of)
    for _ in range(2):  # bigger labels take room, so the zoom shrinks: twice gets close enough
        if not readable_changes(draw):
            break
        lay_out_tree(draw, children, tops, depth_of)
    for spec in draw.nodes.values():
        spec.pop("orgnetChanged", None)
    finish(draw, scene)
    legend_and_facts(scene, detail, ch.tally)
    return scene


def legend_and_facts(scene: Scene, detail: str, tally: Counter) -> None:
    """The diff view's legend (what the drawn ``detail`` shows) and its facts (rows per change) first."""
    scene.legend = [REGION, *CHANGE.values()]
    if detail in ("people", "bodies"):
        scene.legend += [*BODY_CHANGE.values(), HEAD_VACATED, HEAD_FILLED]
    if detail == "people":
        scene.legend += [CHANGED_PERSON, POST_STARTED, POST_ENDED]
    if detail == "counts":
        scene.legend.append(COUNT)
    t = tally
    scene.facts = [f"新增缺口 gaps opened: {t['gap_opened']:,}", f"缺口消除 gaps closed: {t['gap_closed']:,}",
                   f"新建机构 bodies founded: {t['body_founded']:,}", f"撤销机构 dissolved: {t['body_dissolved']:,}",
                   f"新任职务 posts started: {t['post_started']:,}", f"离任职务 ended: {t['post_ended']:,}"] + scene.facts
