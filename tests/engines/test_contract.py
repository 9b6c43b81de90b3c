"""One contract, every engine: each analysis on the tiny dataset against hand-worked answers.

``ENGINES`` lists the backends under test: the networkx engine (its analyses on the fast,
table-join path), ``graph-walk`` (the same engine walking its graph node by node: the small-data
reference the fast path is held to) and Neo4j (marked ``neo4j``: it needs a server, see
tests/conftest.py); the ``engine`` fixture builds one on the tiny dataset.
The same class runs for each, so the engines are held to identical answers.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from orgnet.analyses import CONTRACTS
from orgnet.results import FIGURES
from orgnet.rules import Rules
from tests import expected_tiny as X
from tests.conftest import TINY, engine_on

ENGINES = ["networkx", "graph-walk", pytest.param("neo4j", marks=pytest.mark.neo4j)]


@pytest.fixture(params=ENGINES)
def engine(request):
    return engine_on(request, request.param, TINY)


class TestContract:
    def test_gaps(self, engine):
        frame = engine.answer("gaps", as_of=X.AS_OF, rules=Rules())
        assert list(frame.columns) == list(CONTRACTS["gaps"].columns)
        assert list(zip(frame.org_id, frame.rule)) == X.GAPS
        details = {(o, r): d for o, r, d in zip(frame.org_id, frame.rule, frame.detail)}
        for key, detail in X.GAP_DETAILS.items():
            assert details[key] == detail
        vacant_region = frame[(frame.rule == "vacant_head") & (frame.org_id == "")]
        assert vacant_region.region_id.tolist() == ["R5"] and vacant_region.org_name.tolist() == [""]

    def test_gaps_move_with_as_of(self, engine):
        # 2012-12-31: P13 chairs B11 from 2012-09-01, so O7's vacant head is filled.
        late = engine.answer("gaps", as_of="2012-12-31", rules=Rules())
        assert ("O7", "vacant_head") not in set(zip(late.org_id, late.rule))
        # 2009-06-30: B4 (2010) and B15 (2010) not founded yet: O8 also needs a committee; B20 did not exist.
        early = engine.answer("gaps", as_of="2009-06-30", rules=Rules())
        committee = early[early.rule == "committee_required"].org_id.tolist()
        assert committee == ["O1", "O10", "O2", "O8", "O9"]  # staff counts do not change with the date
        vacant = early[early.rule == "vacant_head"].body_id.tolist()
        # B12 B13 B8 B10 got their chairs in 2010-2011; B20 and B5 did not exist yet; B14 had P5 since 2008.
        assert vacant == ["B12", "B13", "B8", "B10", "B11"]

    def test_gaps_thresholds_from_rules(self, engine):
        frame = engine.answer("gaps", as_of=X.AS_OF, rules=Rules(committee_min_female=40))
        assert frame[frame.rule == "committee_required"].org_id.tolist() == ["O1"]
        liaison = frame[frame.rule == "liaison_required"].org_id.tolist()
        assert liaison == ["O10", "O2", "O3", "O9"]

    def test_overlaps(self, engine):
        frame = engine.answer("overlaps", as_of=X.AS_OF, rules=Rules(overlap_lens="all"))
        assert list(frame.columns) == list(CONTRACTS["overlaps"].columns)
        assert list(frame[["person_id", "posts", "bodies", "systems"]].itertuples(index=False, name=None)) == X.OVERLAPS
        assert frame.person_name.iloc[3] == "王秀英"
        rules = Rules(min_posts=3, overlap_lens="all")
        assert engine.answer("overlaps", as_of=X.AS_OF, rules=rules).person_id.tolist() == ["P1"]
        load = engine.answer("overlaps", as_of=X.AS_OF, rules=Rules())
        assert list(load[["person_id", "sanctioned_posts", "extra_posts"]].itertuples(index=False, name=None)) \
            == X.OVERLAPS_LOAD

    def test_nameplates(self, engine):
        frame = engine.answer("nameplates", as_of=X.AS_OF, rules=Rules())
        rows = list(frame[["org_id", "body_a", "body_b", "shared", "jaccard"]].itertuples(index=False, name=None))
        assert rows == X.NAMEPLATES
        assert engine.answer("nameplates", as_of=X.AS_OF, rules=Rules(nameplate_jaccard=0.6)).body_b.tolist() == ["B7"]

    def test_plan(self, engine):
        frame = engine.answer("plan", as_of=X.AS_OF, rules=Rules())
        rows = list(frame[["list", "rank", "org_id", "ready", "party_grade", "candidates"]].itertuples(index=False, name=None))
        assert rows == X.PLAN
        assert frame.reasons.iloc[0] == X.PLAN_FIRST_REASONS

    def test_liaison_check(self, engine):
        frame = engine.answer("liaison_check", year=2012, rules=Rules())
        rows = [tuple(None if pd.isna(v) else v for v in r)
                for r in frame[["kind", "person_id", "body_id", "links", "visits", "flag"]].itertuples(index=False, name=None)]
        assert rows == X.LIAISON_2012
        assert engine.answer("liaison_check", year=2011, rules=Rules()).query("kind == 'link'").body_id.tolist() == ["B11", "B4", "B5"]

    @pytest.mark.parametrize("region, expected", [("R0", X.STATS_R0), ("R1", X.STATS_R1), ("R2", X.STATS_R2)])
    def test_stats(self, engine, region, expected):
        frame = engine.answer("stats", as_of=X.AS_OF, rules=Rules())
        assert list(frame.columns) == list(CONTRACTS["stats"].columns)
        assert set(frame.region_id) == {"R0", "R1", "R2", "R5"}  # villages and communities roll up
        mine = frame[frame.region_id == region].set_index("figure")
        if region == "R0":
            assert list(mine.index) == list(FIGURES)
        for figure, (num, den, value) in expected.items():
            got = mine.loc[figure]
            assert got.numerator == num, figure
            assert (pd.isna(got.denominator) if den is None else got.denominator == den), figure
            assert math.isclose(got.value, value), figure


@pytest.fixture(scope="module")
def two_villages(tmp_path_factory):
    """tiny with a second village under 东镇 (R1): 北村 (R6), whose party branch B30 has P1 as a
    member. P1 (F) already holds posts in 东村 (R3), so she now holds village posts in two regions."""
    import shutil

    folder = tmp_path_factory.mktemp("two-villages") / "tiny"
    shutil.copytree(TINY, folder, ignore=shutil.ignore_patterns("README.md"))
    rows = {"regions": "R6,北村,village,R1", "organizations": "O20,北村村民委员会,village,R6,false,0,0,false,false",
            "bodies": "B30,北村党支部,party,branch,O20,,standard,2000-01-01,", "posts": "P1,B30,member,2010-01-01,"}
    for table, row in rows.items():
        with open(folder / f"{table}.csv", "a", encoding="utf-8") as f:
            f.write(row + "\n")
    return folder


@pytest.mark.parametrize("name", ENGINES)
def test_stats_count_a_person_once_however_many_villages(request, two_villages, name):
    # Village cadres (two committees) under R1 and R0: P1 (F, in R3 and R6) and P2 (M, in R3): 1
    # woman of 2 people. Counted once per region per person, not once per village (that would be 2 of 3).
    frame = engine_on(request, name, two_villages).answer("stats", as_of=X.AS_OF, rules=Rules())
    share = frame[frame.figure == "village_women_share"].set_index("region_id")
    for region in ["R0", "R1"]:
        assert (share.loc[region, "numerator"], share.loc[region, "denominator"]) == (1, 2), region
