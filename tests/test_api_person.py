"""``Network.person``: one person's posts over time (tests/data/tiny/posts.csv, worked by hand)."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import orgnet
from orgnet import api_people
from orgnet.api_people import PERSON_COLUMNS
from orgnet.errors import AmbiguousName, InputError
from tests.conftest import TINY


@pytest.fixture(scope="module")
def net():
    return orgnet.load(TINY)


def test_a_persons_posts_earliest_first_with_body_host_and_places(net):
    posts = net.person("P4", as_of="2012-06-30")
    assert tuple(posts.columns) == PERSON_COLUMNS
    # P4 刘芳: vice chair of B10 西社区妇联 2009-01-01 to 2011-01-01, then chair of B10 and member of B9
    # 西社区党支部 from 2011-01-01; both bodies belong to O6 西社区居民委员会 in R4 西社区, under R2 西街道
    assert posts[["body_id", "role", "active"]].values.tolist() == [
        ["B10", "vice_chair", False], ["B10", "chair", True], ["B9", "member", True]]
    first = posts.iloc[0]
    assert (first.person_name, first.body_name, first.system, first.type, first.org_id, first.org_name) == (
        "刘芳", "西社区妇联", "women", "federation", "O6", "西社区居民委员会")
    assert (first.region_id, first.region_name, first.township_id, first.township_name) == ("R4", "西社区", "R2",
                                                                                          "西街道")
    assert first.start == pd.Timestamp("2009-01-01") and first.end == pd.Timestamp("2011-01-01")
    assert posts.end.isna().tolist() == [False, True, True]


def test_active_is_on_the_day_asked(net):
    # P13: member of B11 from 2010; chair from 2012-09-01
    assert net.person("P13", as_of="2012-06-30").active.tolist() == [True, False]
    assert net.person("P13", as_of="2012-09-01").active.tolist() == [True, True]
    assert net.at("2012-09-01").person("P13").active.tolist() == [True, True]


def test_a_post_in_a_dissolved_body_is_not_active(net):
    # P12 chairs B15 华美妇委会 from 2010; B15 was dissolved on 2012-03-01
    posts = net.person("P12", as_of="2012-06-30")
    assert posts[["body_id", "active"]].values.tolist() == [["B15", False]]
    assert net.person("P12", as_of="2012-01-01").active.tolist() == [True]


def test_a_region_level_body_has_no_organization(net):
    posts = net.person("P7", as_of="2012-06-30")
    assert posts[["body_id", "org_id", "region_id", "township_name"]].values.tolist() == [
        ["B12", "", "R1", "东镇"], ["B14", "", "R0", ""]]


def test_someone_without_posts_and_an_unknown_id(net):
    assert net.person("P11").empty
    with pytest.raises(InputError, match="P99: no person with that id or name"):
        net.person("P99")


def test_a_person_by_name_and_a_shared_name(net, tmp_path):
    assert net.person("刘芳").person_id.unique().tolist() == ["P4"]
    folder = tmp_path / "d"
    shutil.copytree(TINY, folder, ignore=shutil.ignore_patterns("README.md"))
    people = folder / "people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("P2,李强,", "P2,刘芳,"), encoding="utf-8")
    with pytest.raises(AmbiguousName) as raised:
        orgnet.load(folder).person("刘芳")
    assert sorted(raised.value.candidates["id"]) == ["P2", "P4"]


def test_find_by_name_part_of_a_name_or_id(net):
    """刘芳 is P4; 东村 is region R3, and part of the names of organization O5 and its bodies B6-B8
    (all active on 2012-06-30); an id finds its row as exact."""
    found = net.find("东村", as_of="2012-06-30")
    assert found[["kind", "id", "match"]].values.tolist() == [
        ["region", "R3", "exact"], ["organization", "O5", "contains"], ["body", "B6", "contains"],
        ["body", "B7", "contains"], ["body", "B8", "contains"]]
    assert found.township_name.tolist() == ["东镇"] * 5 and found.org_id.tolist() == ["", "", "O5", "O5", "O5"]
    assert net.find("刘芳").id.tolist() == ["P4"] and net.find("O5").match.tolist()[0] == "exact"
    assert net.find("不存在的名字").empty
    with pytest.raises(InputError):
        net.find("  ")
