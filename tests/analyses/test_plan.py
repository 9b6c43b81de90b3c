"""The build order (issue #18, DOMAIN.md rule 4) on a fixture worked out by hand, on every engine.

``tests/data/plan`` as of 2012-06-30. Sixteen organizations; the ones that need a women's committee
(two-new, 30+ female staff, no active committee) are all but E1 (has a work committee), E2 (29 women)
and E3 (not two-new). By hand:

- Party grade (best of the active party bodies): A1–A5 excellent (A5 has a weak branch and an
  excellent general branch: excellent), B1 B2 standard, C1 weak, C2 unrated (grade left empty),
  C3 unrated; D1 has no party body, D2's was dissolved on 2012-01-01, D3's is founded 2012-09-01:
  D1 D2 D3 go on the party-first list, not in the queue (先党后妇).
- Readiness (两稳定一合适; business stable + female workforce stable + a suitable candidate, a woman
  party member who works there): A1 0+1+0 = 1; A2 1+1+1 = 3 (周丽); A3 1+1+0 = 2 (冯军 is a man,
  何琳 no party member); A4 0+1+1 = 2 (李娜, 赵芳); A5 1+0+1 = 2 (孙静); B1 3 (吴敏); B2 0;
  C1 3 (郑燕); C2 1; C3 2; D1 3 (钱梅); D2 0; D3 1.
- Queue: excellent first, by readiness: A2 (3); A3, A4, A5 (2: A3 and A4 both 90 women, A3 has
  150 staff to A4's 120; A5 50 women); A1 (1). Then standard: B1 (3; 200 women, but after every
  excellent one), B2 (0). Then the rest as one tier (weak and unrated alike): C1 (3), C3 (2),
  C2 (1, although the largest, 300 women).
- Party first, by size: D2 (120), D1 (80 women, 100 staff), D3 (80, 90).
- Candidates' posts on the day: 周丽 member of 华丰电子党支部 and chair of 华丰电子工会 (her deputy
  secretary post ended 2012-01-01); 李娜 none; 赵芳 secretary of 明远食品团支部 and vice chair of 南镇妇联
  (a region's federation: 副主席); 孙静 member of 润泽医药党总支; 吴敏 none; 郑燕 member of 瑞祥酒店党支部;
  钱梅 none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from orgnet.glossary import candidate_posts, plan_reasons
from orgnet.rules import Rules
from tests.conftest import SAMPLES, engine_on

PLAN = Path(__file__).resolve().parent.parent / "data" / "plan"
AS_OF = "2012-06-30"
ENGINES = ["networkx", "graph-walk", pytest.param("neo4j", marks=pytest.mark.neo4j)]

QUEUE = ["A2", "A3", "A4", "A5", "A1", "B1", "B2", "C1", "C3", "C2"]
PARTY_FIRST = ["D2", "D1", "D3"]
GRADES = {"A1": "excellent", "A2": "excellent", "A3": "excellent", "A4": "excellent", "A5": "excellent",
          "B1": "standard", "B2": "standard", "C1": "weak", "C2": "unrated", "C3": "unrated"}
READINESS = {"A2": 3, "A3": 2, "A4": 2, "A5": 2, "A1": 1, "B1": 3, "B2": 0, "C1": 3, "C3": 2, "C2": 1,
             "D2": 0, "D1": 3, "D3": 1}
CANDIDATES = {"A2": (["Q1"], ["周丽"], ["华丰电子党支部委员、华丰电子工会主席"]),
              "A4": (["Q4", "Q5"], ["李娜", "赵芳"], ["无在任职务", "明远食品团支部书记、南镇妇联副主席"]),
              "A5": (["Q6"], ["孙静"], ["润泽医药党总支委员"]),
              "B1": (["Q7"], ["吴敏"], ["无在任职务"]),
              "C1": (["Q8"], ["郑燕"], ["瑞祥酒店党支部委员"]),
              "D1": (["Q9"], ["钱梅"], ["无在任职务"])}


@pytest.fixture(params=ENGINES)
def engine(request):
    return engine_on(request, request.param, PLAN)


@pytest.fixture
def plan(engine):
    return engine.answer("plan", as_of=AS_OF, rules=Rules())


def in_list(plan, name: str):
    return plan[plan["list"] == name]


def test_the_queue_in_the_order_worked_out_by_hand(plan):
    queue = in_list(plan, "queue")
    assert queue.org_id.tolist() == QUEUE
    assert queue["rank"].tolist() == list(range(1, len(QUEUE) + 1))
    assert dict(zip(queue.org_id, queue.party_grade)) == GRADES
    assert plan.loc[plan.org_id.isin(QUEUE), "list"].tolist() == ["queue"] * len(QUEUE)  # queue rows come first


def test_no_organization_without_a_party_body_in_the_queue(plan):
    assert "none" not in set(in_list(plan, "queue").party_grade)
    assert set(in_list(plan, "party_first").party_grade) == {"none"}


def test_no_standard_above_an_excellent(plan):
    grades = in_list(plan, "queue").party_grade.tolist()
    assert grades.index("standard") > max(i for i, g in enumerate(grades) if g == "excellent")
    rest = [i for i, g in enumerate(grades) if g not in ("excellent", "standard")]
    assert min(rest) > max(i for i, g in enumerate(grades) if g == "standard")


def test_readiness_orders_within_a_grade(plan):
    assert dict(zip(plan.org_id, plan.readiness)) == READINESS
    assert plan.set_index("org_id").ready.to_dict() == {org: n == 3 for org, n in READINESS.items()}
    queue = in_list(plan, "queue")
    for grade in ("excellent", "standard"):
        within = queue[queue.party_grade == grade].readiness.tolist()
        assert within == sorted(within, reverse=True), grade
    rest = queue[~queue.party_grade.isin(["excellent", "standard"])]
    assert rest.org_id.tolist() == ["C1", "C3", "C2"]  # weak and unrated: one tier, readiness decides


def test_the_party_first_list(plan):
    party_first = in_list(plan, "party_first")
    assert party_first.org_id.tolist() == PARTY_FIRST
    assert party_first["rank"].tolist() == [1, 2, 3]
    assert party_first.female_staff.tolist() == [120, 80, 80]


def test_candidates_by_name_with_their_posts(plan):
    rows = plan.set_index("org_id")
    for org in plan.org_id:
        ids, names, posts = CANDIDATES.get(org, ([], [], []))
        assert (rows.candidate_ids[org], rows.candidates[org]) == (ids, names), org
        assert candidate_posts(rows.loc[[org]], "zh").iloc[0] == posts, org
    assert rows.candidate_posts["A2"] == ["member of 华丰电子党支部 / chair of 华丰电子工会"]
    assert rows.post_body_ids["A4"] == ["BA4Y", "BR2"] and rows.post_person_ids["A4"] == ["Q5", "Q5"]


def test_reasons_in_the_reports_words(plan):
    zh = dict(zip(plan.org_id, plan_reasons(plan, "zh")))
    assert zh["A2"] == "党组织定级优秀；经营稳定；女职工队伍稳定；有合适人选 1 名"
    assert zh["B2"] == "党组织定级达标；经营不稳定；女职工队伍不稳定；无合适人选"
    assert zh["C1"] == "党组织定级后进；经营稳定；女职工队伍稳定；有合适人选 1 名"
    assert zh["C2"] == "党组织未定级；经营稳定；女职工队伍不稳定；无合适人选"
    assert zh["D2"] == "未建党组织；经营不稳定；女职工队伍不稳定；无合适人选"


def test_other_first_grades_change_the_tiers(engine):
    """``plan_first_grades`` is a rule: with only 达标 first, B1 and B2 lead the queue, then the
    excellent ones join the rest, where readiness, then size decides (C1 33 women and A2 31, both 3;
    then the 2s: A3, A4, C3, A5; then the 1s: C2 300 women, A1 40)."""
    plan = engine.answer("plan", as_of=AS_OF, rules=Rules(plan_first_grades=("standard",)))
    assert plan[plan["list"] == "queue"].org_id.tolist() == ["B1", "B2", "C1", "A2", "A3", "A4", "C3", "A5",
                                                             "C2", "A1"]


def test_beihu_queue_has_party_bodies_and_excellent_first(networkx_engines):
    """Issue #18's test on the Beihu sample: no organization without a party body in the build queue,
    no 达标 organization above a 优秀 one."""
    plan = networkx_engines(SAMPLES["beihu"]).answer("plan", as_of=AS_OF, rules=Rules())
    queue = plan[plan["list"] == "queue"]
    assert len(queue) and "none" not in set(queue.party_grade)
    assert (plan[plan["list"] == "party_first"].party_grade == "none").all()
    grades = queue.party_grade.tolist()
    last_excellent = max((i for i, g in enumerate(grades) if g == "excellent"), default=-1)
    first_standard = min((i for i, g in enumerate(grades) if g == "standard"), default=len(grades))
    assert first_standard > last_excellent
    assert all(g in ("excellent", "standard") for g in grades[:first_standard])
