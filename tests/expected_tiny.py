"""The tiny dataset's answers, worked out by hand (as of 2012-06-30 unless said otherwise).

The reasoning, so that a change to tests/data/tiny can be redone on paper:

- Two-new organizations: O1 O2 O3 O4 O8 O9 O10 (7). With 30+ female staff: O1 45, O2 32, O8 60,
  O9 35, O10 30 (5; 30 is the boundary and counts). Only O8 has an active committee (B4); O1's
  committee B15 was dissolved on 2012-03-01. So committee_required: O1 O10 O2 O9.
- O3 (12 women) has no women's body: liaison_required. O4 (5) has liaison officer body B5.
- Party bodies without a women's body beside them: O1 (B1, B15 dissolved), O2 (B2), O10 (B21).
- Women's bodies without an active head: B20 (park committee, region-level, no posts) and B11
  (organ committee: P13 is a member; her chair post starts 2012-09-01, later than the as-of day).
- Active posts: P1 3 (B6 B7 B8), P2 2 (B6 B7), P3 2 (B3 B4), P4 2 (B9 B10; her vice-chair post
  ended 2011-01-01), P6 2 (B12 B14), P7 2 (B12 B14). P12's chair post is in dissolved B15: 0.
- Nameplates (Jaccard ≥ 0.5): O5 B6={P1,P2} B7={P1,P2} B8={P1}: B6/B7 1.0, B6/B8 0.5, B7/B8 0.5;
  O6 B9={P4,P17} B10={P4}: 0.5; O8 B3={P3,P9} B4={P3}: 0.5. O7 B16={P16} B11={P13}: 0.
- Plan: committee_required orgs. With a party body, the build queue by grade tier first: O2
  (excellent; business stable, workforce not; candidate P11 黄娟: readiness 2) → 1, O10 (excellent,
  nothing stable, no woman party member: 0) → 2, then O1 (standard; stable/stable with P12 林芳:
  ready, 3) → 3. O9 has no party body: the party-first list, 1.
- Liaison check 2012: executives P6 and P7 (executive posts in county federation B14). P6 links B4
  and B5 (the B11 link ended 2011-12-31); visits in 2012: B4 twice, B5 once (the 2011 visit does
  not count). P7 has no links.
- Stats for R0 (everything): see STATS_R0. 组建率: of the 7 two-new organizations only O8 has a
  women's organization (B4): 1/7 = 14.3; O4 has only a liaison officer (B5), which the work
  coverage counts: 2/7 = 28.6. 村干部 (party body + villagers' committee) {P1 F, P2 M}; 居干部
  (party body + residents' committee) {P4 F, P17 M}; federation cadres = holders of posts other
  than 执委 in B12 B13 B14 = P5 (1978, postgraduate), P6 (1982, bachelor; member of B12, 执委 of
  B14), P7 (1990, college; chair of B12, 执委 of B14), P8 (1988, college): ages 34+30+22+24 = 110,
  average 27.5. tests/test_figures.py adds rows that tell each definition from the old one.
  Demo points: D1 since 2011; D2 only from 2013.
"""

AS_OF = "2012-06-30"

GAPS = [
    ("O1", "committee_required"), ("O10", "committee_required"), ("O2", "committee_required"),
    ("O9", "committee_required"), ("O3", "liaison_required"), ("O1", "party_without_women"),
    ("O10", "party_without_women"), ("O2", "party_without_women"), ("", "vacant_head"), ("O7", "vacant_head"),
]
GAP_DETAILS = {
    ("O1", "committee_required"): "45 female staff",
    ("O3", "liaison_required"): "12 female staff",
    ("O10", "party_without_women"): "party bodies: B21",
    ("", "vacant_head"): "园区妇委会: no active women's committee chair",
    ("O7", "vacant_head"): "县教育局机关妇委会: no active women's committee chair",
}

#: overlaps under the lens "all" (everyone with 2+ posts), extra posts first: P4's community party branch and
#: federation (no record covers a community), P6's and P7's federations of two regions are one extra post
#: each; P1 (congress chair, party branch, villagers' committee of one village), P2 (both village
#: committees) and P3 (party branch and women's committee of the two-new 金鑫机械) hold one seat each.
OVERLAPS = [
    ("P4", 2, "B10;B9", "party;women"),
    ("P6", 2, "B12;B14", "women"),
    ("P7", 2, "B12;B14", "women"),
    ("P1", 3, "B6;B7;B8", "admin;party;women"),
    ("P2", 2, "B6;B7", "admin;party"),
    ("P3", 2, "B3;B4", "party;women"),
]
#: (person, sanctioned posts, extra posts) under the default lens "load" and under "cross".
OVERLAPS_LOAD = [("P4", 0, 1), ("P6", 0, 1), ("P7", 0, 1)]
OVERLAPS_CROSS = [("P1", 3, 0), ("P2", 2, 0), ("P3", 2, 0)]

NAMEPLATES = [
    ("O5", "B6", "B7", 2, 1.0),
    ("O5", "B6", "B8", 1, 0.5),
    ("O5", "B7", "B8", 1, 0.5),
    ("O6", "B10", "B9", 1, 0.5),
    ("O8", "B3", "B4", 1, 0.5),
]

# (list, rank, org_id, ready, party_grade, candidates)
PLAN = [
    ("queue", 1, "O2", False, "excellent", ["黄娟"]),
    ("queue", 2, "O10", False, "excellent", []),
    ("queue", 3, "O1", True, "standard", ["林芳"]),
    ("party_first", 1, "O9", False, "none", []),
]
PLAN_FIRST_REASONS = "party graded excellent; business stable; female workforce not stable; suitable candidate(s): 1"

LIAISON_2012 = [
    ("executive", "P6", "", 2, 3, ""),
    ("executive", "P7", "", 0, 0, "links outside 1-3"),
    ("link", "P6", "B4", None, 2, ""),
    ("link", "P6", "B5", None, 1, "under 2 visits"),
]

# figure: (numerator, denominator or None, value)
STATS_R0 = {
    "townships": (1, None, 1.0),
    "streets": (1, None, 1.0),
    "two_new_orgs": (7, None, 7.0),
    "two_new_30plus": (5, None, 5.0),
    "two_new_30plus_committee": (1, 5, 20.0),
    "two_new_coverage": (1, 7, 14.3),
    "two_new_work_coverage": (2, 7, 28.6),
    "liaison_officers": (1, None, 1.0),
    "women_bodies.federation": (4, None, 4.0),
    "women_bodies.committee": (2, None, 2.0),
    "women_bodies.work_committee": (0, None, 0.0),
    "women_bodies.congress": (1, None, 1.0),
    "women_bodies.organ_committee": (1, None, 1.0),
    "women_bodies.liaison": (1, None, 1.0),
    "federations.township_street": (2, None, 2.0),
    "federations.community": (1, None, 1.0),
    "enterprise_women_committees": (1, None, 1.0),
    "organ_institution_women_bodies": (1, None, 1.0),
    "village_women_share": (1, 2, 50.0),
    "community_women_share": (1, 2, 50.0),
    "congress_chairs_in_two_committees": (1, 1, 100.0),
    "federation_cadres": (4, None, 4.0),
    "federation_cadres_avg_age": (110, 4, 27.5),
    "federation_cadres.college": (2, None, 2.0),
    "federation_cadres.bachelor": (1, None, 1.0),
    "federation_cadres.postgraduate": (1, None, 1.0),
    "demo_points": (1, None, 1.0),
}
# R1 (东镇): O3, O9 and the village O5 with its bodies; township federation B12 (P7, P6).
STATS_R1 = {
    "two_new_orgs": (2, None, 2.0),
    "two_new_coverage": (0, 2, 0.0),
    "two_new_work_coverage": (0, 2, 0.0),
    "women_bodies.congress": (1, None, 1.0),
    "federation_cadres": (2, None, 2.0),
    "federation_cadres_avg_age": (52, 2, 26.0),
    "village_women_share": (1, 2, 50.0),
}
# R2 (西街道): O4 (its liaison officer B5 only), the community O6; street federation B13 (chair P8, 1988).
STATS_R2 = {
    "two_new_orgs": (1, None, 1.0),
    "two_new_coverage": (0, 1, 0.0),
    "two_new_work_coverage": (1, 1, 100.0),
    "federations.community": (1, None, 1.0),
    "community_women_share": (1, 2, 50.0),
    "federation_cadres": (1, None, 1.0),
    "federation_cadres_avg_age": (24, 1, 24.0),
}

# -- beyond the snapshot (orgnet.analyses) -------------------------------------------------------
# diff 2012-01-01 → 2012-12-31: B15 dissolved 2012-03-01 opens O1's committee and party gaps;
# P13's chair post (2012-09-01) closes O7's vacant head. The 组建率 (women's organizations; O4's
# liaison officer does not count) at R0 falls from 2/7 (O1 had B15, O8 B4) to 1/7, at R5 from 2/4 to 1/4.
DIFF = [
    ("gap_opened", "O1", "committee_required: 45 female staff"),
    ("gap_opened", "O1", "party_without_women: party bodies: B1"),
    ("gap_closed", "O7", "vacant_head: 县教育局机关妇委会: no active women's committee chair"),
    ("body_dissolved", "B15", "women committee on 2012-03-01"),
    ("post_started", "P13", "chair of B11 on 2012-09-01"),
]
DIFF_COVERAGE = {"R0": ("28.6% (2/7)", "14.3% (1/7)", "Δ -14.3 points"), "R5": ("50.0% (2/4)", "25.0% (1/4)", "Δ -25.0 points")}
# Sole heads: P2 is the only head of B6 (secretary) and B7 (chair): 2 bodies, no women's body.
# P1 alone chairs congress B8: 1 body, 1 new vacant_head gap. Seven women chair a women's body alone.
KEY_PEOPLE_TOP = [("P1", 1, 1, 3), ("P3", 1, 1, 2), ("P4", 1, 1, 2), ("P7", 1, 1, 2)]
KEY_PEOPLE_P2 = (2, 0, "B6;B7")
# Teams: B22 (R1) has P20, a woman; B23 (R2) only P21 (P20's post ended 2011-06-30): 1/2, fails.
# Department team B24 (organ O7) has P22: 1/1 > 50%. Reserve cadres P4 F, P7 F, P19 M, P21 M: 2/4.
COMPOSITION = [
    ("township_teams_with_woman", 1, 2, 50.0, False),
    ("department_teams_with_woman", 1, 1, 100.0, True),
    ("reserve_cadres_women", 2, 4, 50.0, True),
    ("congress_chairs_in_two_committees", 1, 1, 100.0, True),
]
# D1 at O8, paired with O7. O8's and O7's post holders hold posts nowhere else: reach {O8: 0, O7: 1}.
# Two-new inside: O8 (covered) 1/1; outside: O1 O2 O3 O4 O9 O10, only O4 covered: 1/6.
DEMO_REACH = [
    ("pairing", "D1", "O7", None), ("reach", "D1", "O8", 0), ("reach", "D1", "O7", 1),
]
DEMO_COVERAGE = {"coverage_inside": (1, 1, 100.0), "coverage_outside": (1, 6, 16.7)}
VENUES = [("V1", 3, "B6;B7;B8", "admin;party;women"), ("V2", 2, "B3;B4", "party;women")]  # V3: B10 left 2011
COVERAGE = [("R0", 0, 2, 7, 28.6), ("R1", 1, 0, 2, 0.0), ("R2", 1, 1, 1, 100.0), ("R5", 1, 1, 4, 25.0)]
# Bridges (posts in party and women): P1, P3, P4. Raw betweenness: P1 3.5 (B8 hangs on P1: 3 pairs,
# plus half of B6–B7), P3 2 and P4 2 (each the only way to B4 / B10: 2 pairs). Same normalization.
BRIDGES = ["P1", "P3", "P4"]
BRIDGES_RATIO = 3.5 / 2
