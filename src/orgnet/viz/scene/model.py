"""The scene model: what one view draws (``Scene``), what was asked for (``ViewRequest``), and each
organization's coverage status (``Coverage``), plus the constants every view shares.

A ``Scene`` holds vis-network nodes and edges with their positions, the legend, title, notes and
facts; ``orgnet.viz.page`` turns it into a page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ... import gap_rules
from ...rules import Rules
from ..data import Subgraph
from ..style import STATUS, Swatch

DEFAULT_MAX_NODES = 1500
DEFAULT_MIN_POSTS = 3
#: The canvas the layout is sized for (CSS pixels), to pick label sizes readable at first sight.
CANVAS = (1100.0, 620.0)
TREE_EDGE = {"color": "#b0bec5", "width": 1}
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
    detail: str = ""  # tree views: the finest detail drawn (bodies, orgs, marked, counts); coverage: tiles
    #: Views that drill down (coverage): screen id → {kind, parent, title, nodes, edges, notes}; the first
    #: screen's nodes and edges are ``nodes`` and ``edges``.
    screens: dict[str, dict] = field(default_factory=dict)
    first_screen: str = ""
    counts: list[dict] = field(default_factory=list)  # the header's counts: {id, zh, en, value[, part]}
    legends: dict[str, list[Swatch]] = field(default_factory=dict)  # screen kind → its legend
    groups: dict[str, dict] = field(default_factory=dict)  # vis-network node groups (options.groups)
    start_at_top: bool = False  # the first zoom reads the top of a tall picture instead of fitting it all


@dataclass(frozen=True)
class ViewRequest:
    """What one view is asked to draw: the day, the rules, the limits, and each view's own options.

    ``person``/``org`` centre the ``ego`` view, ``region`` names the ``region`` view's region,
    ``ghosts`` draws the coverage view's missing bodies, ``start`` is the diff view's earlier day
    (``as_of`` its later one).
    """

    as_of: date
    rules: Rules
    source: str = ""
    max_nodes: int = DEFAULT_MAX_NODES
    min_posts: int = DEFAULT_MIN_POSTS
    redact: bool = False
    person: str | None = None
    org: str | None = None
    region: str | None = None
    ghosts: bool = True
    start: date | None = None
    top: int = 50  # overlaps: the people with most posts drawn
    filter_posts: int | None = None  # overlaps: --min-posts as given (the analysis's min_posts; None: the rules')


# -- coverage status -----------------------------------------------------------------------------
@dataclass
class Coverage:
    """Each organization's coverage status, read from the ``gaps`` analysis."""

    status: dict[str, str]  # organization node → a key of STATUS
    gaps: dict[str, list[str]]  # organization node → "rule: detail" lines
    vacant: set[str]  # body nodes without an active head
    missing: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # org node → [(ghost rule, detail)]
    vacant_detail: dict[str, str] = field(default_factory=dict)  # body node → the vacant_head row's detail


def coverage_of(sub: Subgraph, gaps: pd.DataFrame) -> Coverage:
    """Status per organization: its first gap rule, else covered (has a women's body), else not required."""
    rank = {rule: i for i, rule in enumerate(gap_rules.RULE_IDS)}
    ghostly = set(gap_rules.GHOST_RULES)  # rules whose rows become ghosts: a body the organization lacks
    found: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    vacant, vacant_detail = set(), {}
    missing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    columns = ("org_id", "rule", "detail", "body_id")
    for org_id, rule, detail, body_id in zip(*(gaps[c].to_numpy(dtype=object) for c in columns)):
        if rule == "vacant_head" and body_id:
            vacant.add(f"Body:{body_id}")
            vacant_detail[f"Body:{body_id}"] = detail
        if org_id:
            found[f"Organization:{org_id}"].append((rank.get(rule, len(rank)), rule, detail))
            if rule in ghostly and f"Organization:{org_id}" in sub.attrs:
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


def fit_scale(pos: dict, radius: dict) -> float:
    """The zoom vis-network's ``fit()`` will pick for these positions on the ``CANVAS``."""
    if not pos:
        return 1.0
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    pad = max(radius.values(), default=10)
    width, height = max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad
    return min(1.0, CANVAS[0] / width, CANVAS[1] / height)

