"""Folding a tree view to fit ``max_nodes``: the scope a tree covers (``Scope``), how many nodes each
level of detail takes (``detail_sizes``), which one fits (``choose_detail``), where a folded
organization or region is counted (``fold_org``, ``fold_region``), and the note that says so.

Detail folds, finest first: people into counts per body, bodies into their organization,
organizations into counts per region and status, regions into their ancestors.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ... import gap_rules
from ..data import Subgraph
from ..style import FOLD_NOTES, Note
from .draw import Draw


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
        groups = {(fold_region(sc, r, d), status) for r, status in statuses}
        holes = {fold_region(sc, r, d) for r in holed}
        out.append(("counts", d, kept + len(groups) + len(holes)))
    return out


def fold_org(sub: Subgraph, sc: Scope, org: str, depth: int) -> str:
    """The region an organization is counted in when regions deeper than ``depth`` are folded."""
    return fold_region(sc, sc.home.get(org) or sub.region_of(org), depth)


def fold_region(sc: Scope, region: str, depth: int) -> str:
    """``region``, or its ancestor at ``depth`` when it lies deeper."""
    chain = sc.chain.get(region, [region])
    return chain[min(max(0, sc.depth.get(region, 0) - depth), len(chain) - 1)]


def roots_by_gaps(draw: Draw, sc: Scope) -> list[str]:
    """The top regions, those with the most organizations with a gap first (then by name)."""
    gaps = Counter(sc.chain[sc.home[o]][-1] for o in sc.orgs if draw.cov.status.get(o) in gap_rules.RULES)
    return sorted(sc.tops, key=lambda r: (-gaps.get(r, 0), draw.sub.node(r)["name"], r))


def choose_detail(sizes: list[tuple[str, int, int]], max_nodes: int) -> tuple[str, int, int]:
    for entry in sizes:
        if entry[2] <= max_nodes:
            return entry
    return sizes[-1]




def fold_note(total: int, max_nodes: int, detail: str, depth: int, finest: str, ghosts: bool = False) -> str:
    steps = {"people": [], "bodies": ["bodies"], "orgs": ["bodies", "orgs"], "marked": ["bodies", "orgs", "marked"],
             "counts": ["bodies", "orgs", "counts"] + (["ghost_counts"] if ghosts else []),
             "roots": ["bodies", "orgs", "roots"]}
    taken = [s for s in steps[detail] if s not in steps[finest]]
    zh = "；".join(FOLD_NOTES[s][0] for s in taken)
    en = "; ".join(FOLD_NOTES[s][1] for s in taken)
    if detail == "counts":
        zh, en = zh + FOLD_NOTES["depth"][0], en + FOLD_NOTES["depth"][1]
    if detail == "roots" and depth:  # depth: how many top regions were left out
        zh, en = zh + FOLD_NOTES["left_out"][0], en + FOLD_NOTES["left_out"][1]
    counts = {"total": f"{total:,}", "max_nodes": f"{max_nodes:,}", "depth": f"{depth:,}"}
    zh_all, en_all = FOLD_NOTES["aggregated"]
    return Note(zh_all.format(what=zh.format(**counts), **counts), en_all.format(what=en.format(**counts), **counts))
