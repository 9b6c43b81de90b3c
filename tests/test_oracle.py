"""The oracle (``tests/oracle.py``) on the tiny dataset, against answers worked out by hand.

First today's columns, as ``tests/expected_tiny.py`` has them; then the typed columns the contracts
are getting, read from the raw rows (``GraphWalk.rows``). The reasoning for the typed columns, from
tests/data/tiny/*.csv (as of 2012-06-30 unless said otherwise):

- Regions: R0 测试县 (county) above R1 东镇 (township, above village R3 东村), R2 西街道 (street, above
  community R4 西社区) and R5 测试工业园区 (park). The "township" of R3 is R1, of R4 is R2, of R5 R5
  itself (parks count); R0 has none.
- committee_required O1 (45 women, R5) asks for a work_committee; liaison_required O3 (12, R1) for
  a liaison; party_without_women O1/O2/O10 for "any" women's body, naming their one party body each.
- vacant_head B20 (park committee, region-level: no host, no female_staff) lacks its chair; so does
  B11 (O7's organ committee; O7 has 20 women; R0: no township). On 2009-06-30 B8 (O5, 0 women, in
  village R3 → township R1) and B10 (O6, community R4 → street R2) had no chair yet.
- In a copy of tiny without P10's liaison post, B5 (O4's liaison officer, 5 women, street R2) has
  no active *liaison*; with an extra party body B25 at O1, O1's party bodies are B1 and B25.
- P1 holds member posts in B6 (东村党支部) and B7 (东村村委会) and chairs B8 (东村妇代会), all hosted by
  O5 东村村民委员会. P4: chair of B10, member of B9 (ids sorted as text: B10 first), at O6. P6: member
  of B12 and executive of B14, both region-level. On 2013-12-31 P13 is member and chair of B11: two
  posts, one body, roles "chair/member".
- Plan: O1 (stable, stable), O2 (stable, not), O10 (neither), all in the park R5; O9 (stable,
  stable, but no candidate) in township R1.
- Liaison 2012: P6 has 2 links (1-3: fine), B4 visited twice (fine), B5 once (under 2); P7 no link.
  In 2011 P6 had 3 links (B11 until 2011-12-31) and one visit (B5); with links_max=2, too many.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from orgnet.api import load_dataset
from orgnet.analyses import CONTRACTS
from orgnet.rules import Rules
from tests import expected_tiny as X
from tests.conftest import TINY
from tests.oracle import GraphWalk

PARK = {"region_id": "R5", "region_name": "测试工业园区", "township_id": "R5", "township_name": "测试工业园区"}
EAST_TOWN = {"region_id": "R1", "region_name": "东镇", "township_id": "R1", "township_name": "东镇"}


@pytest.fixture(scope="module")
def walk():
    return GraphWalk(load_dataset(TINY))


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """tiny without P10's liaison post, and with a second party body B25 at O1."""
    folder = tmp_path_factory.mktemp("tiny") / "tiny"
    shutil.copytree(TINY, folder)
    posts = folder / "posts.csv"
    posts.write_text(posts.read_text(encoding="utf-8").replace("P10,B5,liaison,2011-01-01,\n", ""), encoding="utf-8")
    with (folder / "bodies.csv").open("a", encoding="utf-8") as bodies:
        bodies.write("B25,华美党总支,party,general_branch,O1,,weak,2012-01-01,\n")
    return GraphWalk(load_dataset(folder))


def by(rows, *keys) -> dict:
    return {tuple(r[k] for k in keys) if len(keys) > 1 else r[keys[0]]: r for r in rows}


def subset(row: dict, expected: dict) -> dict:
    return {k: row[k] for k in expected}


# -- today's columns, as expected_tiny has them --------------------------------------------------------
def test_todays_answers(walk):
    gaps = walk.gaps(X.AS_OF, Rules())
    assert list(gaps.columns) == list(CONTRACTS["gaps"].columns)
    assert list(zip(gaps.org_id, gaps.rule)) == X.GAPS
    details = {(o, r): d for o, r, d in zip(gaps.org_id, gaps.rule, gaps.detail)}
    assert {k: details[k] for k in X.GAP_DETAILS} == X.GAP_DETAILS
    overlaps = walk.overlaps(X.AS_OF, Rules(overlap_lens="all"))
    assert list(overlaps[["person_id", "posts", "bodies", "systems"]].itertuples(index=False, name=None)) == X.OVERLAPS
    for lens, expected in (("load", X.OVERLAPS_LOAD), ("cross", X.OVERLAPS_CROSS)):
        shown = walk.overlaps(X.AS_OF, Rules(overlap_lens=lens))[["person_id", "sanctioned_posts", "extra_posts"]]
        assert list(shown.itertuples(index=False, name=None)) == expected
    nameplates = walk.nameplates(X.AS_OF, Rules())[["org_id", "body_a", "body_b", "shared", "jaccard"]]
    assert list(nameplates.itertuples(index=False, name=None)) == X.NAMEPLATES
    plan = walk.plan(X.AS_OF, Rules())
    ranked = plan[["list", "rank", "org_id", "ready", "party_grade", "candidates"]]
    assert list(ranked.itertuples(index=False, name=None)) == X.PLAN
    assert plan.reasons.iloc[0] == X.PLAN_FIRST_REASONS
    liaison = walk.liaison_check(2012, Rules())
    assert [tuple(None if pd.isna(v) else v for v in r)
            for r in liaison[["kind", "person_id", "body_id", "links", "visits", "flag"]].itertuples(index=False)
            ] == X.LIAISON_2012


def test_todays_figures(walk):
    stats = walk.stats(X.AS_OF, Rules()).set_index(["region_id", "figure"])
    for region, expected in (("R0", X.STATS_R0), ("R1", X.STATS_R1), ("R2", X.STATS_R2)):
        for figure, (numerator, denominator, value) in expected.items():
            row = stats.loc[(region, figure)]
            got = (row.numerator, None if pd.isna(row.denominator) else row.denominator, row.value)
            assert got == (numerator, denominator, value), (region, figure)


def test_rows_carry_every_contract_column(walk):
    for name in ("gaps", "overlaps", "nameplates", "plan", "stats"):
        derived = {"detail"} if name == "nameplates" else set()  # the contract renders nameplates' words
        for row in walk.rows(name, X.AS_OF, Rules()):
            assert set(CONTRACTS[name].columns) - derived <= set(row), name
    assert all(set(CONTRACTS["liaison_check"].columns) <= set(r) for r in walk.rows("liaison_check", 2012, Rules()))


# -- the typed columns -------------------------------------------------------------------------------
def test_gaps_of_organizations(walk):
    gaps = by(walk.rows("gaps", X.AS_OF, Rules()), "org_id", "rule")
    empty_body = {"body_id": "", "body_name": "", "body_type": "", "head_role": ""}
    assert subset(gaps["O1", "committee_required"], {
        "female_staff": 45, "required_body_type": "work_committee", "party_body_ids": [], **empty_body, **PARK})
    assert subset(gaps["O9", "committee_required"], {"female_staff": 35, **EAST_TOWN})
    assert subset(gaps["O3", "liaison_required"], {
        "female_staff": 12, "required_body_type": "liaison", "party_body_ids": [], **empty_body, **EAST_TOWN})
    party = {org: gaps[org, "party_without_women"] for org in ("O1", "O2", "O10")}
    assert {org: row["party_body_ids"] for org, row in party.items()} == {"O1": ["B1"], "O2": ["B2"], "O10": ["B21"]}
    assert {row["required_body_type"] for row in party.values()} == {"any"}
    assert subset(party["O2"], {"female_staff": 32, **empty_body, **PARK})


def test_gaps_of_headless_bodies(walk):
    gaps = by([r for r in walk.rows("gaps", X.AS_OF, Rules()) if r["rule"] == "vacant_head"], "body_id")
    assert set(gaps) == {"B20", "B11"}
    assert subset(gaps["B20"], {
        "org_id": "", "org_name": "", "female_staff": None, "required_body_type": "", "body_name": "园区妇委会",
        "body_type": "committee", "head_role": "chair", "party_body_ids": [], **PARK})
    assert subset(gaps["B11"], {
        "org_id": "O7", "org_name": "县教育局", "female_staff": 20, "body_name": "县教育局机关妇委会",
        "body_type": "organ_committee", "head_role": "chair", "region_id": "R0", "region_name": "测试县",
        "township_id": "", "township_name": ""})
    early = by([r for r in walk.rows("gaps", "2009-06-30", Rules()) if r["rule"] == "vacant_head"], "body_id")
    assert set(early) == {"B8", "B10", "B11", "B12", "B13"}
    assert subset(early["B8"], {"org_id": "O5", "female_staff": 0, "body_type": "congress", "region_id": "R3",
                                "region_name": "东村", "township_id": "R1", "township_name": "东镇"})
    assert subset(early["B10"], {"org_id": "O6", "body_type": "federation", "region_id": "R4",
                                 "region_name": "西社区", "township_id": "R2", "township_name": "西街道"})
    assert subset(early["B12"], {"org_id": "", "female_staff": None, **EAST_TOWN})


def test_gaps_in_the_changed_copy(changed):
    gaps = changed.rows("gaps", X.AS_OF, Rules())
    liaison = [r for r in gaps if r["rule"] == "vacant_head" and r["body_id"] == "B5"]
    expected = {"org_id": "O4", "female_staff": 5, "body_type": "liaison", "head_role": "liaison",
                "detail": "爱心协会妇女工作联络员: no active women's work liaison officer", "township_id": "R2", "township_name": "西街道"}
    assert [subset(r, expected) for r in liaison] == [expected]
    o1 = [r for r in gaps if r["rule"] == "party_without_women" and r["org_id"] == "O1"]
    assert [(r["party_body_ids"], r["detail"]) for r in o1] == [(["B1", "B25"], "party bodies: B1;B25")]


def test_overlaps_lists(walk):
    rows = by(walk.rows("overlaps", X.AS_OF, Rules(overlap_lens="all")), "person_id")
    village = "东村村民委员会"
    assert subset(rows["P1"], {"body_ids": ["B6", "B7", "B8"], "body_names": ["东村党支部", "东村村委会", "东村妇代会"],
                               "roles": ["member", "member", "chair"], "org_ids": ["O5"] * 3,
                               "org_names": [village] * 3})
    assert subset(rows["P4"], {"body_ids": ["B10", "B9"], "body_names": ["西社区妇联", "西社区党支部"],
                               "roles": ["chair", "member"], "org_ids": ["O6", "O6"]})
    assert subset(rows["P6"], {"body_ids": ["B12", "B14"], "body_names": ["东镇妇联", "测试县妇联"],
                               "roles": ["member", "executive"], "org_ids": ["", ""], "org_names": ["", ""]})
    late = by(walk.rows("overlaps", "2013-12-31", Rules(overlap_lens="all")), "person_id")
    assert subset(late["P13"], {"posts": 2, "bodies": "B11", "body_ids": ["B11"], "roles": ["chair/member"],
                                "org_ids": ["O7"], "org_names": ["县教育局"]})


def test_plan_flags(walk):
    keys = ("list", "rank", "org_id", "business_stable", "workforce_stable", "readiness", "candidate_ids",
            "region_name", "township_id", "township_name")
    rows = [tuple(r[k] for k in keys) for r in walk.rows("plan", X.AS_OF, Rules())]
    assert rows == [
        ("queue", 1, "O2", True, False, 2, ["P11"], "测试工业园区", "R5", "测试工业园区"),
        ("queue", 2, "O10", False, False, 0, [], "测试工业园区", "R5", "测试工业园区"),
        ("queue", 3, "O1", True, True, 3, ["P12"], "测试工业园区", "R5", "测试工业园区"),
        ("party_first", 1, "O9", True, True, 2, [], "东镇", "R1", "东镇"),
    ]


def test_liaison_problems(walk):
    keys = ("kind", "person_id", "body_id", "problem", "expected_min", "expected_max")
    rows = sorted(tuple(r[k] for k in keys) for r in walk.rows("liaison_check", 2012, Rules()))
    assert rows == [
        ("executive", "P6", "", "", 1, 3),
        ("executive", "P7", "", "links_outside", 1, 3),
        ("link", "P6", "B4", "", 2, None),
        ("link", "P6", "B5", "visits_under", 2, None),
    ]
    earlier = by(walk.rows("liaison_check", 2011, Rules(links_max=2)), "person_id", "body_id")
    assert subset(earlier["P6", ""], {"links": 3, "visits": 1, "problem": "links_outside", "expected_max": 2,
                                      "flag": "links outside 1-2"})
    assert [earlier["P6", b]["problem"] for b in ("B11", "B4", "B5")] == ["visits_under"] * 3
