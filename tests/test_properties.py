"""Properties over random valid datasets, each checked against a brute-force count from the rows.

A few hundred examples run by default; ``pytest -m slow`` runs a few thousand.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

import orgnet
from orgnet.rules import Rules
from tests.strategies import as_of_days, datasets

DEFAULT = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def current(first: str, last: str, day: date) -> bool:
    return (not first or date.fromisoformat(first) <= day) and (not last or date.fromisoformat(last) > day)


def brute_force(tables: dict[str, pd.DataFrame], day: date):
    """Active bodies by host, active posts per person, straight from the rows."""
    bodies = {b.id: b for b in tables["bodies"].itertuples() if current(b.founded, b.dissolved, day)}
    hosted: dict[str, list] = {}
    for b in bodies.values():
        if b.org_id:
            hosted.setdefault(b.org_id, []).append(b)
    posts: dict[str, int] = {}
    for p in tables["posts"].itertuples():
        if p.body_id in bodies and current(p.start, p.end, day):
            posts[p.person_id] = posts.get(p.person_id, 0) + 1
    return bodies, hosted, posts


def expected_gaps(tables, day, rules: Rules) -> set[tuple[str, str]]:
    _, hosted, _ = brute_force(tables, day)
    found = set()
    for o in tables["organizations"].itertuples():
        women = [b for b in hosted.get(o.id, []) if b.system == "women"]
        party = [b for b in hosted.get(o.id, []) if b.system == "party"]
        if o.two_new and o.female_staff >= rules.committee_min_female and not any(b.type in rules.committee_types for b in women):
            found.add((o.id, "committee_required"))
        if o.two_new and rules.liaison_min_female <= o.female_staff < rules.committee_min_female and not women:
            found.add((o.id, "liaison_required"))
        if party and not women:
            found.add((o.id, "party_without_women"))
    return found


def check_gaps(tables, day):
    net = orgnet.load(tables)
    gaps = net.gaps(day)
    org_rules = {(o, r) for o, r in zip(gaps.org_id, gaps.rule) if r != "vacant_head"}
    assert org_rules == expected_gaps(tables, day, Rules())
    assert len(org_rules) == len(gaps[gaps.rule != "vacant_head"])  # one row per organization and rule


def check_coverage_adds_up(tables, day):
    stats = orgnet.load(tables).stats(day).set_index(["region_id", "figure"])
    _, hosted, _ = brute_force(tables, day)
    orgs = tables["organizations"]
    two_new = orgs[orgs.two_new]
    def organized(o, work=False):  # 组织覆盖: a women's body but a liaison officer; 工作覆盖: any
        return any(b.system == "women" and (work or b.type != "liaison") for b in hosted.get(o, []))

    covered = sum(organized(o) for o in two_new.id)
    root = stats.loc[("R0", "two_new_coverage")]
    assert (root.numerator, root.denominator) == (covered, len(two_new))
    worked = stats.loc[("R0", "two_new_work_coverage")]
    assert (worked.numerator, worked.denominator) == (sum(organized(o, True) for o in two_new.id), len(two_new))
    assert stats.loc[("R0", "two_new_orgs")].numerator == len(two_new)
    townships = [r for r in stats.index.get_level_values(0).unique() if r != "R0"]
    parts = [stats.loc[(r, "two_new_coverage")] for r in townships]
    at_county = two_new[two_new.region_id == "R0"]
    covered_at_county = sum(organized(o) for o in at_county.id)
    # covered adds up over the townships (plus the organizations sitting at the county itself)…
    assert sum(p.numerator for p in parts) + covered_at_county == root.numerator
    # … and so does the total
    assert sum(p.denominator for p in parts) + len(at_county) == root.denominator
    for p in parts:
        assert 0 <= p.numerator <= p.denominator


def check_overlaps(tables, day):
    overlaps = orgnet.load(tables).overlaps(day, lens="all")
    _, _, posts = brute_force(tables, day)
    expected = {p: n for p, n in posts.items() if n >= 2}
    assert dict(zip(overlaps.person_id, overlaps.posts)) == expected
    order = list(zip(overlaps.extra_posts, overlaps.posts))
    assert order == sorted(order, reverse=True)  # most extra posts first, then most posts
    assert ((overlaps.extra_posts <= overlaps.posts - 1) & (overlaps.sanctioned_posts <= overlaps.posts)).all()


@DEFAULT
@given(datasets(), as_of_days)
def test_every_gap_row_is_real_and_none_is_missing(tables, day):
    check_gaps(tables, day)


@DEFAULT
@given(datasets(), as_of_days)
def test_coverage_adds_up(tables, day):
    check_coverage_adds_up(tables, day)


@DEFAULT
@given(datasets(), as_of_days)
def test_overlaps_match_a_brute_force_count(tables, day):
    check_overlaps(tables, day)


@pytest.mark.slow
@SLOW
@given(datasets(max_orgs=15, max_people=20), as_of_days)
def test_properties_at_length(tables, day):
    check_gaps(tables, day)
    check_coverage_adds_up(tables, day)
    check_overlaps(tables, day)
