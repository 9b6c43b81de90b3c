"""Coverage up the region tree, and the reach of demonstration points."""

from __future__ import annotations

from collections import defaultdict, deque
from itertools import combinations

import pandas as pd

from ..results import Contract, figure_value
from ..rules import Rules
from .record import Analysis

GROUPINGS = {None: None, "kind": "kind", "grade": "party_grade"}


def coverage(engine, as_of, rules: Rules, by: str | None = None) -> pd.DataFrame:
    """Women's-work coverage (工作覆盖: any active women's body, a liaison officer included) of two-new
    organizations for every region, rolled up the tree: ``stats``' ``two_new_work_coverage``, broken
    down. The 组建率 (``two_new_coverage``) leaves liaison officers out (docs/FIGURES.md).

    ``by`` breaks each region down by organization ``kind`` or by party ``grade`` (best active party
    body; ``none`` without one). Regions without two-new organizations are left out.

    Examples
    --------
    >>> import orgnet
    >>> c = coverage(orgnet.load("tests/data/tiny").engine, "2012-06-30", Rules())
    >>> c[["region_id", "numerator", "denominator", "value"]].values.tolist()[:2]
    [['R0', 2, 7, 28.6], ['R1', 0, 2, 0.0]]
    """
    if by not in GROUPINGS:
        raise ValueError(f"by={by!r}: expected kind or grade")
    regions = engine.answer("regions").set_index("region_id")
    orgs = engine.answer("organizations", as_of=as_of, rules=rules)
    orgs = orgs[orgs.two_new]
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for org in orgs.itertuples():
        group = getattr(org, GROUPINGS[by]) if by else ""
        for region in _chain(org.region_id, regions):
            tally[(region, group)][0] += int(org.covered)
            tally[(region, group)][1] += 1
    rows = []
    for (region, group), (num, den) in tally.items():
        r = regions.loc[region]
        rows.append({"region_id": region, "region_name": r.region_name, "level": r.level,
                     "depth": len(_chain(region, regions)) - 1, "group": group, "numerator": num,
                     "denominator": den, "value": figure_value("percent", num, den)})
    return COVERAGE.finish(rows)


def _chain(region: str, regions: pd.DataFrame) -> list[str]:
    out = []
    while region:
        out.append(region)
        region = regions.at[region, "parent_id"]
    return out


def demo_reach(engine, as_of, rules: Rules, hops: int | None = None) -> pd.DataFrame:
    """Demonstration points, their pairing units, the organizations they reach, coverage in and out.

    Two organizations are one hop apart when one person holds active posts in bodies of both, or
    when one is an organ unit paired with a demonstration point at the other. Rows: ``pairing``
    (demo point → pairing unit), ``reach`` (each organization within ``hops`` of a demo site, with
    its distance and nearest demo point), and ``coverage_inside`` / ``coverage_outside`` (women's
    organization coverage of two-new organizations inside and outside that reach).
    """
    hops = rules.demo_hops if hops is None else hops
    links = engine.answer("demo_links", as_of=as_of)
    posts = engine.answer("active_posts", as_of=as_of)
    orgs = engine.answer("organizations", as_of=as_of, rules=rules).set_index("org_id")
    neighbours: dict[str, set[str]] = defaultdict(set)
    for _, held in posts[posts.org_id != ""].groupby("person_id")["org_id"]:
        for a, b in combinations(sorted(set(held)), 2):
            neighbours[a].add(b)
            neighbours[b].add(a)
    rows = []
    for link in links.itertuples():
        if link.pairing_org_id:
            neighbours[link.site_org_id].add(link.pairing_org_id)
            neighbours[link.pairing_org_id].add(link.site_org_id)
            rows.append({"kind": "pairing", "demo_point_id": link.demo_point_id, "org_id": link.pairing_org_id,
                         "org_name": orgs.at[link.pairing_org_id, "org_name"]})
    reached = _nearest(links.drop_duplicates("demo_point_id"), neighbours, hops)
    for org, (distance, point) in reached.items():
        rows.append({"kind": "reach", "demo_point_id": point, "org_id": org, "org_name": orgs.at[org, "org_name"],
                     "hops": distance})
    two_new = orgs[orgs.two_new]
    inside = two_new.index.isin(list(reached))
    for kind, part in (("coverage_inside", two_new[inside]), ("coverage_outside", two_new[~inside])):
        num, den = int(part.covered.sum()), len(part)
        rows.append({"kind": kind, "numerator": num, "denominator": den, "value": figure_value("percent", num, den)})
    return DEMO_REACH.finish(rows)


def _nearest(points: pd.DataFrame, neighbours: dict[str, set[str]], hops: int) -> dict[str, tuple[int, str]]:
    """Breadth-first from every demo site: organization → (fewest hops, nearest demo point id)."""
    best: dict[str, tuple[int, str]] = {}
    for point in points.sort_values("demo_point_id").itertuples():
        queue = deque([(point.site_org_id, 0)])
        seen = {point.site_org_id}
        while queue:
            org, distance = queue.popleft()
            if org not in best or distance < best[org][0]:
                best[org] = (distance, point.demo_point_id)
            if distance < hops:
                for nxt in sorted(neighbours.get(org, ())):
                    if nxt not in seen:
                        seen.add(nxt)
                        queue.append((nxt, distance + 1))
    return best


DEMO_REACH = Contract(columns=("kind", "demo_point_id", "org_id", "org_name", "hops", "numerator", "denominator",
                                "value"),
                      order=(("kind", True), ("hops", True), ("org_id", True), ("demo_point_id", True)),
                      ints=("hops", "numerator", "denominator"), floats=("value",),
                      declared={"kind": ("pairing", "reach", "coverage_inside", "coverage_outside")})
COVERAGE = Contract(columns=("region_id", "region_name", "level", "depth", "group", "numerator", "denominator",
                             "value"),
                    order=(("depth", True), ("region_id", True), ("group", True)),
                    ints=("depth", "numerator", "denominator"), floats=("value",))

ANALYSES = (
    Analysis(name="demo_reach", kind="derived", contract=DEMO_REACH, derived=demo_reach,
             args=("as_of", "rules", "hops"),
             summary="Demonstration points, pairing units, the organizations they reach, coverage in and out."),
    Analysis(name="coverage", kind="derived", contract=COVERAGE, derived=coverage, args=("as_of", "rules", "by"),
             summary="Coverage of two-new organizations for every region up the tree, optionally by kind or grade."),
)
