"""orgnet.scope: a result narrowed to a region and below, its first rows; people and regions by name."""

from __future__ import annotations

import pytest

import orgnet
from orgnet import scope
from orgnet.errors import AmbiguousName, InputError
from tests.conftest import TINY

AS_OF = "2012-06-30"


@pytest.fixture(scope="module")
def net():
    return orgnet.load(TINY)


def test_a_region_is_itself_and_everything_below(net):
    assert scope.region_ids(net.engine, "R0") == {"R0", "R1", "R2", "R3", "R4", "R5"}
    assert scope.region_ids(net.engine, "西街道") == {"R2", "R4"}
    assert scope.region_ids(net.engine, "东村") == {"R3"}


def test_names_and_ids_find_the_same(net):
    assert scope.find_region(net.engine, "测试工业园区") == scope.find_region(net.engine, "R5") == "R5"
    assert scope.find_person(net.engine, "赵敏") == "P6"
    with pytest.raises(InputError, match="no person with that id or name"):
        scope.find_person(net.engine, "nobody")


def test_a_shared_name_is_ambiguous_with_its_candidates(tmp_path):
    import shutil

    folder = tmp_path / "t"
    shutil.copytree(TINY, folder)
    people = folder / "people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("P7,孙红", "P7,赵敏"), encoding="utf-8")
    engine = orgnet.load(folder).engine
    with pytest.raises(AmbiguousName) as caught:
        scope.find_person(engine, "赵敏", AS_OF)
    assert caught.value.exit_code == 2
    assert caught.value.candidates["id"].tolist() == ["P6", "P7"]
    assert "东镇妇联 member" in caught.value.candidates["context"].iloc[0]


def test_rows_are_placed_by_their_first_locating_column(net):
    venues = net.venues(AS_OF)  # body_id_list: V1's bodies are in 东村, V2's in the park
    assert scope.narrow(net.engine, venues, "东村", as_of=AS_OF)["venue_id"].tolist() == ["V1"]
    nameplates = net.nameplates(AS_OF)  # org_id
    assert set(scope.narrow(net.engine, nameplates, "R5", as_of=AS_OF)["org_id"]) <= {"O1", "O2", "O8", "O10"}
    bridges = net.bridges(AS_OF)  # person_id: by the posts held on the day
    assert scope.narrow(net.engine, bridges, "东村", as_of=AS_OF)["person_id"].tolist() == ["P1"]


def test_top_counts_within_each_plan_list(net):
    plan = net.plan(AS_OF)
    first = scope.narrow(net.engine, plan, top=1)
    assert first["list"].tolist() == ["queue", "party_first"] and first["rank"].tolist() == [1, 1]
    assert first.attrs == plan.attrs  # the terminal table's brief columns survive


def test_a_result_nothing_places_cannot_be_narrowed(net):
    with pytest.raises(InputError, match="composition has no region"):
        scope.narrow(net.engine, net.composition(AS_OF), "R1", name="composition")


def test_region_and_top_on_every_analysis_method():
    """``net.gaps(region=…, top=…)`` and the like narrow as ``within`` does, for that call only; the
    day view passes them on."""
    import orgnet
    from tests.conftest import TINY

    net = orgnet.load(TINY)
    day = "2012-06-30"
    assert net.overlaps(as_of=day, lens="all", region="东镇").person_id.tolist() == ["P6", "P7", "P1", "P2"]
    assert net.overlaps(as_of=day, lens="all", region="东镇", top=1).person_id.tolist() == ["P6"]
    assert len(net.overlaps(as_of=day, lens="all")) == 6  # the network itself is not narrowed
    assert net.at(day).overlaps(lens="all", region="东村").person_id.tolist() == ["P1", "P2"]
    gaps = net.gaps(as_of=day, region="测试工业园区")
    assert sorted(gaps.org_id) == ["", "O1", "O1", "O10", "O10", "O2", "O2"] and set(gaps.township_name) == {"测试工业园区"}
    assert net.run("gaps", as_of=day, top=2).shape[0] == 2
