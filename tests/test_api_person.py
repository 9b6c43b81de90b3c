"""``Network.person``: one person's posts over time (tests/data/tiny/posts.csv, worked by hand)."""

from __future__ import annotations

import pandas as pd
import pytest

import orgnet
from orgnet import api_people
from orgnet.api_people import PERSON_COLUMNS
from orgnet.errors import InputError
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
    with pytest.raises(InputError, match="no person with id 'P99'"):
        net.person("P99")


def test_a_resolver_plugs_in(net, monkeypatch):
    names = dict(zip(net.tables["people"]["name"], net.tables["people"]["id"]))
    monkeypatch.setitem(api_people.RESOLVERS, "person", lambda tables, value: names.get(value, value))
    assert net.person("刘芳").person_id.unique().tolist() == ["P4"]
