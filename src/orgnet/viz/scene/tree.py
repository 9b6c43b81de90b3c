"""The tree views (coverage, region): a region tree with organizations, bodies and post holders,
folded to fit ``max_nodes`` (``orgnet.viz.scene.fold``) and laid out as balloons
(``orgnet.viz.layout.forest``) with labels sized to read at first sight.

``build_tree`` draws the tree top down and stops at the chosen detail; ``tree_view`` is the whole
view: choose the detail, build, lay out, then the legend and facts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from ... import gap_rules
from .. import layout
from ..style import (COUNT, DASHES, GHOST, GHOST_COUNT, GHOST_MARK, PERSON, REGION, ROLE, STANDOUT, STATUS, SYSTEM,
                     VACANT, pair)
from .draw import Draw, box_margin, box_radius, finish, place, text_width
from .fold import Scope, choose_detail, detail_sizes, fold_note, fold_region, roots_by_gaps, scope
from .model import CANVAS, TREE_EDGE, Scene

#: A tree's nodes → the nodes drawn around each (the layout's input).
Children = dict[str, list[str]]
#: The sort key of (organization, its position in the scope).
OrgOrder = Callable[[tuple[str, int]], tuple]


def build_tree(draw: Draw, sc: Scope, systems, detail: str, depth: int, styles: tuple[str, ...],
               ghosts: bool = False) -> Children:
    """Add the tree's nodes and edges to ``draw``; return ``children`` for the layout.

    Top down, stopping at ``detail``: the regions, then the organizations (or their counts per
    region and status), their bodies, and the bodies' post holders.
    """
    children: Children = defaultdict(list)
    if detail == "roots":
        for r in sc.regions:
            draw.region(r, font=region_font(0), style=styles[0])
        return children
    add_regions(draw, sc, detail, depth, styles, children)
    order = org_order(draw)
    if detail == "counts":
        add_counts(draw, sc, depth, order, ghosts, children)
        return children
    add_organizations(draw, sc, detail, order, ghosts, children)
    if detail in ("orgs", "marked"):
        return children
    add_bodies(draw, sc, systems, children)
    if detail == "bodies":
        return children
    add_holders(draw, sc, systems, children)
    return children


def add_regions(draw: Draw, sc: Scope, detail: str, depth: int, styles: tuple[str, ...], children: Children) -> None:
    """The regions shown (to ``depth`` when organizations are counted), each linked to the one above it."""
    sub = draw.sub
    shown = [r for r in sc.regions if detail != "counts" or sc.depth[r] <= depth]
    shown_set = set(shown)
    for r in shown:
        draw.region(r, font=region_font(sc.depth[r]), style=styles[min(sc.depth[r], len(styles) - 1)])
        up = sub.parent.get(r)
        if up in shown_set:
            children[up].append(r)
            draw.link(up, r, {**TREE_EDGE, "width": 2})


def org_order(draw: Draw) -> OrgOrder:
    """How organizations are ordered around their region: by status, then name, then as given."""
    sub = draw.sub
    status_rank = {s: i for i, s in enumerate(STATUS)}

    def order(o_i):
        o, i = o_i
        return status_rank.get(draw.cov.status.get(o), 99), sub.value(o, "name"), i

    return order


def add_counts(draw: Draw, sc: Scope, depth: int, order: OrgOrder, ghosts: bool, children: Children) -> None:
    """One count per folded region and status (in the order of their first organization); with
    ``ghosts``, one dashed count of the missing women's bodies per folded region."""
    sub = draw.sub
    folded = {r: fold_region(sc, r, depth) for r in set(sc.home.values())}
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


def add_organizations(draw: Draw, sc: Scope, detail: str, order: OrgOrder, ghosts: bool, children: Children) -> None:
    """Each organization around its region; with ``ghosts``, its missing bodies as ghosts around it
    (at ``marked`` detail, a dashed border instead)."""
    sub = draw.sub
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


def add_bodies(draw: Draw, sc: Scope, systems, children: Children) -> None:
    """The bodies of ``systems`` around the region or organization they belong to."""
    sub = draw.sub
    for host in sc.regions + sc.orgs:
        for body in sub.bodies_of.get(host, ()):
            if sub.node(body)["system"] in systems:
                children[host].append(draw.body(body))
                draw.link(host, body, {"color": SYSTEM[sub.node(body)["system"]].color, "width": 1})


def add_holders(draw: Draw, sc: Scope, systems, children: Children) -> None:
    """Each drawn body's post holders, around the first body they hold, linked to every body they hold."""
    sub = draw.sub
    for host in sc.regions + sc.orgs:
        for body in sub.bodies_of.get(host, ()):
            if sub.node(body)["system"] not in systems:
                continue
            for person, role in sub.holders.get(body, ()):
                if person not in draw.nodes:
                    children[body].append(draw.person(person))
                draw.link(person, body, draw.holds_style(body), pair(ROLE, role))


def region_font(depth: int) -> float:
    """The label size of a region this deep below the top."""
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


def tree_view(draw: Draw, scene: Scene, tops: list[str], systems, levels: list[str], max_nodes: int,
              styles: tuple[str, ...], ghosts: bool = False) -> None:
    """Draw the tree under ``tops`` at the finest of ``levels`` that fits ``max_nodes`` (else folded), with
    its legend and facts."""
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
    gaps = sum(n for s, n in tally.items() if s in gap_rules.RULES)
    scene.facts = [f"组织 organizations: {len(whole.orgs):,}", f"有缺口 with a gap: {gaps:,}",
                   f"已覆盖 covered: {tally.get('covered', 0):,}"] + scene.facts
    if ghosts:
        missing = sum(len(draw.cov.missing.get(o, ())) for o in whole.orgs)
        scene.facts.insert(2, f"缺失的妇女组织 missing women's bodies: {missing:,}")

