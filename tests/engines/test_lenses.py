"""overlaps' lenses and nameplates' kinds on a hand-made fixture (tests/data/lenses, its README works
out every answer), on every engine: networkx, the graph-walk oracle and Neo4j."""

from __future__ import annotations

import pytest

from orgnet.rules import Rules
from tests.conftest import ROOT, engine_on

LENSES = ROOT / "tests" / "data" / "lenses"
AS_OF = "2012-06-30"
ENGINES = ["networkx", "graph-walk", pytest.param("neo4j", marks=pytest.mark.neo4j)]

#: person → (posts, sanctioned posts, extra posts), in the order of the lens "all".
ALL = {"P04": (4, 0, 3), "P08": (3, 0, 2), "P05": (3, 2, 1), "P09": (3, 2, 1), "P03": (2, 0, 1), "P10": (2, 0, 1),
       "P02": (3, 3, 0), "P06": (3, 3, 0), "P01": (2, 2, 0), "P07": (2, 2, 0), "P12": (2, 0, 0)}


@pytest.fixture(params=ENGINES)
def engine(request):
    return engine_on(request, request.param, LENSES)


def overlaps(engine, **rules):
    return engine.answer("overlaps", as_of=AS_OF, rules=Rules(**rules))


def test_lens_all_counts_sanctioned_and_extra_posts(engine):
    frame = overlaps(engine, overlap_lens="all")
    shown = {p: (int(a), int(b), int(c)) for p, a, b, c in
             zip(frame.person_id, frame.posts, frame.sanctioned_posts, frame.extra_posts)}
    assert list(shown) == list(ALL) and shown == ALL


def test_default_lens_is_load(engine):
    assert overlaps(engine).person_id.tolist() == ["P04", "P08", "P05", "P09", "P03", "P10"]
    assert overlaps(engine, min_extra_posts=2).person_id.tolist() == ["P04", "P08"]


def test_lens_cross(engine):
    frame = overlaps(engine, overlap_lens="cross")
    assert frame.person_id.tolist() == ["P05", "P09", "P02", "P06", "P01", "P07"]
    rules = dict(zip(frame.person_id, frame.rules))
    assert rules["P01"] == ["congress_chair_in_two_committees"]
    assert rules["P02"] == ["congress_chair_in_two_committees", "village_two_committees"]
    assert rules["P06"] == ["party_government_team", "federation_chair_in_leadership"]
    assert rules["P07"] == ["two_new_one_team"]


def test_rows_say_which_posts_are_sanctioned(engine):
    rows = overlaps(engine, overlap_lens="all").set_index("person_id")
    p05 = rows.loc["P05"]  # both village committees, and the district federation
    assert p05.body_ids == ["B01", "B02", "B17"]
    assert p05.body_rules == ["village_two_committees", "village_two_committees", ""]
    assert (p05.sanctioned_body_ids, p05.extra_body_ids) == (["B01", "B02"], ["B17"])
    assert p05.extra_body_names == ["测试区妇联"]
    p03 = rows.loc["P03"]  # a congress vice chair: the reports require the chair
    assert (p03.sanctioned_body_ids, p03.extra_body_ids) == ([], ["B05", "B06"])
    both = "congress_chair_in_two_committees/village_two_committees"
    p02 = rows.loc["P02"]  # B04 and B05 each hold the congress chair and each other; B06 the chair only
    assert p02.body_rules == [both, both, "congress_chair_in_two_committees"]


def test_records_can_be_switched_off(engine):
    """Without the village records, P01 and P02 carry extra posts; P05 too (her committees no longer tie)."""
    frame = overlaps(engine, sanctioned=("party_government_team", "federation_chair_in_leadership",
                                         "two_new_one_team"))
    shown = dict(zip(frame.person_id, frame.extra_posts.astype(int)))
    assert shown["P01"] == 1 and shown["P02"] == 2 and shown["P05"] == 2 and "P06" not in shown


#: (org, body_a, body_b) → (kind, rules, lost body, people left), as tests/data/lenses/README.md works them out.
NAMEPLATES = {
    ("O2", "B05", "B06"): ("shared", [], "", 0),
    ("O3", "B10", "B11"): ("one_team", ["two_new_one_team"], "", 0),
    ("O4", "B13", "B19"): ("lost_own_people", [], "B19", 2),
    ("O5", "B15", "B16"): ("one_team", ["party_government_team"], "", 0),
    ("O1", "B01", "B03"): ("one_team", ["congress_chair_in_two_committees"], "", 0),
    ("O2", "B04", "B05"): ("one_team", ["village_two_committees"], "", 0),
    ("O2", "B04", "B06"): ("one_team", ["congress_chair_in_two_committees"], "", 0),
    ("O4", "B13", "B14"): ("lost_own_people", [], "B13", 1),
    ("O4", "B14", "B19"): ("lost_own_people", [], "B19", 2),
    ("O5", "B15", "B18"): ("shared", [], "", 0),
    ("O5", "B16", "B18"): ("shared", [], "", 0),
}


def test_nameplate_kinds(engine):
    frame = engine.answer("nameplates", as_of=AS_OF, rules=Rules())
    got = {(o, a, b): (k, r, lost, int(n)) for o, a, b, k, r, lost, n in
           zip(frame.org_id, frame.body_a, frame.body_b, frame.kind, frame.rules, frame.lost_body, frame.people_left)}
    assert list(got) == list(NAMEPLATES) and got == NAMEPLATES


def test_a_body_is_lost_once_its_people_have_left(engine):
    """On 2012-01-15 P13 has left B13 (2011-12-31), whose only holder P08 sits in B14: lost; B19 still has
    P14 and P15 and shares nobody: no pair with B19."""
    frame = engine.answer("nameplates", as_of="2012-01-15", rules=Rules())
    o4 = frame[frame.org_id == "O4"]
    assert list(zip(o4.body_a, o4.body_b, o4.kind, o4.lost_body, o4.people_left.astype(int))) == [
        ("B13", "B14", "lost_own_people", "B13", 1)]


def test_lens_and_records_are_checked_rules(tmp_path):
    from orgnet.errors import InputError

    rules = tmp_path / "rules.toml"
    rules.write_text('overlap_lens = "cross"\nsanctioned = ["two_new_one_team"]\nmin_extra_posts = 2\n', encoding="utf-8")
    read = Rules.from_toml(rules)
    assert (read.overlap_lens, read.sanctioned, read.min_extra_posts) == ("cross", ("two_new_one_team",), 2)
    rules.write_text('overlap_lens = "heavy"\nsanctioned = ["one_person_one_post"]\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        Rules.from_toml(rules)
    assert "overlap_lens = 'heavy': expected one of load, cross, all" in str(caught.value)
    assert "'one_person_one_post'" in str(caught.value)
