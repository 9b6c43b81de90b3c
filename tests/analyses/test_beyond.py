"""Analyses beyond the snapshot, on every engine, against the tiny dataset's hand-worked answers."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from orgnet import analyses
from orgnet.rules import Rules
from tests import expected_tiny as X
from tests.conftest import TINY, engine_on
from tests.engines.test_contract import ENGINES


@pytest.fixture(params=ENGINES)
def engine(request):
    return engine_on(request, request.param, TINY)


def rows(frame, columns):
    """Rows as tuples, with every kind of missing value as None."""
    return [tuple(None if pd.isna(v) else v for v in r) for r in frame[columns].itertuples(index=False, name=None)]


def test_diff(engine):
    frame = analyses.run(engine, "diff", start="2012-01-01", end="2012-12-31", rules=Rules())
    changes = frame[frame.change != "coverage"]
    assert rows(changes, ["change", "subject_id", "detail"]) == X.DIFF
    cover = frame[frame.change == "coverage"].set_index("subject_id")
    for region, (before, after, shift) in X.DIFF_COVERAGE.items():
        assert (cover.at[region, "before"], cover.at[region, "after"], cover.at[region, "detail"]) == (before, after, shift)


def test_key_people_and_impact(engine):
    ranked = analyses.run(engine, "key_people", as_of=X.AS_OF)
    assert rows(ranked.head(4), ["person_id", "bodies_lost", "new_gaps", "posts"]) == X.KEY_PEOPLE_TOP
    p2 = ranked.set_index("person_id").loc["P2"]
    assert (p2.bodies_lost, p2.new_gaps, p2.bodies) == X.KEY_PEOPLE_P2
    assert "P6" not in set(ranked.person_id)  # executive and member: heads nothing
    assert analyses.run(engine, "impact", person_id="P1", as_of=X.AS_OF).body_id.tolist() == ["B8"]
    assert analyses.run(engine, "impact", person_id="P6", as_of=X.AS_OF).empty
    # After P13 chairs B11 too, nothing changes for P13 before that day:
    assert analyses.run(engine, "impact", person_id="P13", as_of=X.AS_OF).empty
    assert analyses.run(engine, "impact", person_id="P13", as_of="2012-12-31").new_gap.tolist() == ["vacant_head"]


def test_impact_unknown_person(engine):
    from orgnet.errors import InputError

    with pytest.raises(InputError, match="no such person"):
        analyses.run(engine, "impact", person_id="P404", as_of=X.AS_OF)


def test_composition(engine):
    frame = analyses.run(engine, "composition", as_of=X.AS_OF, rules=Rules())
    assert rows(frame, ["rule", "numerator", "denominator", "value", "passed"]) == X.COMPOSITION
    stricter = analyses.run(engine, "composition", as_of=X.AS_OF, rules=Rules(reserve_women_min_share=0.6))
    assert not stricter.set_index("rule").at["reserve_cadres_women", "passed"]


def test_demo_reach(engine):
    frame = analyses.run(engine, "demo_reach", as_of=X.AS_OF, rules=Rules())
    assert rows(frame[frame.kind.isin(["pairing", "reach"])], ["kind", "demo_point_id", "org_id", "hops"]) == X.DEMO_REACH
    cover = frame[frame.kind.str.startswith("coverage")].set_index("kind")
    for kind, (num, den, value) in X.DEMO_COVERAGE.items():
        assert (cover.at[kind, "numerator"], cover.at[kind, "denominator"], cover.at[kind, "value"]) == (num, den, value)
    assert set(analyses.run(engine, "demo_reach", as_of=X.AS_OF, rules=Rules(), hops=0).query("kind == 'reach'").org_id) == {"O8"}
    assert analyses.run(engine, "demo_reach", as_of="2010-06-30", rules=Rules()).query("kind == 'reach'").empty  # D1 named 2011


def test_venues(engine):
    frame = analyses.run(engine, "venues", as_of=X.AS_OF)
    assert rows(frame, ["venue_id", "bodies", "body_ids", "systems"]) == X.VENUES
    assert analyses.run(engine, "venues", as_of="2011-06-30").venue_id.tolist() == ["V1", "V2", "V3"]


def test_coverage_rollup(engine):
    frame = analyses.run(engine, "coverage", as_of=X.AS_OF, rules=Rules())
    assert rows(frame, ["region_id", "depth", "numerator", "denominator", "value"]) == X.COVERAGE
    by_kind = analyses.run(engine, "coverage", as_of=X.AS_OF, rules=Rules(), by="kind").query("region_id == 'R0'")
    assert rows(by_kind, ["group", "numerator", "denominator"]) == [("enterprise", 1, 6), ("social_org", 1, 1)]
    by_grade = analyses.run(engine, "coverage", as_of=X.AS_OF, rules=Rules(), by="grade").query("region_id == 'R5'")
    assert rows(by_grade, ["group", "numerator", "denominator"]) == [
        ("excellent", 1, 3), ("standard", 0, 1)]  # O2 O8 O10 excellent (O8 covered); O1 standard


def test_bridges(engine):
    frame = analyses.run(engine, "bridges", as_of=X.AS_OF, rules=Rules())
    assert frame.person_id.tolist() == X.BRIDGES
    score = frame.set_index("person_id").betweenness
    assert math.isclose(score["P1"] / score["P3"], X.BRIDGES_RATIO, rel_tol=1e-4)
    assert score["P3"] == score["P4"]


def test_beihu_meets_every_leadership_rule(networkx_engines):
    """The Beihu report: every township/street team has a woman, most department teams do, 20%+ of
    reserve cadres are women, all village congress chairs sit in the two committees."""
    from tests.conftest import SAMPLES

    frame = analyses.run(networkx_engines(SAMPLES["beihu"]), "composition", as_of=X.AS_OF, rules=Rules())
    assert frame.passed.all(), frame
    assert frame.set_index("rule").at["congress_chairs_in_two_committees", "denominator"] == 128
