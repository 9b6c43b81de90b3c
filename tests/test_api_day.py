"""``Network.at(day)``: the analyses with the day fixed, and the day's networkx graph (tests/data/tiny,
worked out by hand in tests/expected_tiny.py and below)."""

from __future__ import annotations

import io
from datetime import date

import networkx as nx
import pandas as pd
import pytest

import orgnet
from orgnet.api_day import DAY_METHODS
from orgnet.errors import InputError
from tests.conftest import TINY

DAY = "2012-06-30"


@pytest.fixture(scope="module")
def net():
    return orgnet.load(TINY)


@pytest.fixture(scope="module")
def day(net):
    return net.at(DAY)


@pytest.mark.parametrize("name", ["gaps", "overlaps", "nameplates", "plan", "stats", "key_people", "composition",
                                  "demo_reach", "venues", "coverage", "bridges"])
def test_every_analysis_on_the_day_is_the_analysis_as_of_it(net, day, name):
    pd.testing.assert_frame_equal(getattr(day, name)(), getattr(net, name)(as_of=DAY))


def test_the_day_is_not_today(net, day):
    # a vacant head on 2012-06-30 (B11: P13's chair post starts 2012-09-01) is filled by 2013
    assert "B11" in day.gaps().body_id.tolist()
    assert "B11" not in net.at("2013-01-01").gaps().body_id.tolist()


def test_options_pass_through_and_as_of_is_gone(day):
    assert day.overlaps(lens="all").person_id.tolist() == ["P4", "P6", "P7", "P1", "P2", "P3"]
    assert day.impact("P2").body_id.tolist() == ["B6", "B7"]
    with pytest.raises(TypeError, match="no as_of: the view is on 2012-06-30"):
        day.gaps(as_of="2020-01-01")
    assert set(DAY_METHODS) <= set(dir(day))


def test_date_spellings_and_bad_dates(net):
    assert net.at(date(2012, 6, 30)).day == net.at(DAY).day == net.at(pd.Timestamp(DAY)).day == date(2012, 6, 30)
    with pytest.raises(InputError, match="day 'June'"):
        net.at("June")


def test_liaison_check_takes_the_days_year(net, day):
    pd.testing.assert_frame_equal(day.liaison_check(), net.liaison_check(year=2012))
    assert day.run("venues").venue_id.tolist() == ["V1", "V2"]


def test_graph_holds_what_is_active_that_day_only(day):
    g = day.graph
    labels = pd.Series(dict(g.nodes(data="node_type"))).value_counts().to_dict()
    # 10 organizations; 23 bodies but B15 dissolved 2012-03-01; 22 people, of whom P11 holds nothing
    # and P12's only post is in B15
    assert labels == {"Organization": 10, "Body": 22, "Person": 20}
    assert "Body:B15" not in g and "Person:P12" not in g and "Person:P11" not in g
    types = pd.Series([t for _, _, t in g.edges(data="relationship")]).value_counts().to_dict()
    # 31 posts less P4's ended vice-chair post, P13's chair post from 2012-09-01, P20's B23 post
    # ended 2011-06-30 and P12's post in B15: 27; liaisons P6→B4, P6→B5 (P6→B11 ended 2011-12-31);
    # BELONGS_TO from the 16 active bodies hosted by an organization (the 6 region-level ones go to regions)
    assert types == {"HOLDS": 27, "BELONGS_TO": 16, "LIAISES_WITH": 2}
    assert not any(label == "Region" for _, label in g.nodes(data="node_type"))
    assert {d["role"] for _, _, d in g.edges("Person:P4", data=True)} == {"member", "chair"}


def test_degree_centrality_ranks_people_and_bodies(day):
    ranked = sorted(nx.degree_centrality(day.graph).items(), key=lambda kv: (-kv[1], kv[0]))
    # P6: executive of B14, member of B12, liaison to B4 and B5
    assert ranked[0][0] == "Person:P6"


def test_region_tree_only_when_asked(day):
    g = day.to_networkx(regions=True)
    types = pd.Series([t for _, _, t in g.edges(data="relationship")]).value_counts().to_dict()
    # 5 regions with a parent, 10 organizations located, 6 region-level bodies (B12 B13 B14 B20 B22 B23)
    assert types == {"HOLDS": 27, "BELONGS_TO": 22, "LIAISES_WITH": 2, "PART_OF": 5, "LOCATED_IN": 10}
    assert g.nodes["Region:R3"] == {"node_type": "Region", "node_id": "R3", "name": "东村", "label": "东村",
                                    "level": "village", "parent_id": "R1"}


def test_nodes_carry_places_and_plain_values(day):
    g = day.graph
    assert g.nodes["Body:B8"]["region_id"] == "R3"  # hosted by O5, in 东村
    assert (g.nodes["Body:B8"]["township_id"], g.nodes["Body:B8"]["township_name"]) == ("R1", "东镇")
    assert g.nodes["Organization:O7"]["township_id"] == ""  # the county's education bureau: no township
    assert g.nodes["Organization:O1"]["female_staff"] == 45 and g.nodes["Organization:O1"]["two_new"] is True
    values = [v for _, d in g.nodes(data=True) for v in d.values()] + [v for *_, d in g.edges(data=True)
                                                                      for v in d.values()]
    assert all(type(v) in (str, int, bool, float) for v in values)


@pytest.mark.parametrize("regions", [False, True])
def test_gexf_and_graphml_take_the_graph_as_it_is(day, regions):
    g = day.to_networkx(regions=regions)
    out = io.BytesIO()
    nx.write_gexf(g, out)
    back = nx.read_gexf(io.BytesIO(out.getvalue()))
    assert back.number_of_nodes() == g.number_of_nodes() and back.number_of_edges() == g.number_of_edges()
    o1 = back.nodes["Organization:O1"]
    assert (o1["label"], o1["node_type"], o1["node_id"], o1["township_name"]) == ("华美服装厂", "Organization", "O1",
                                                                                 "测试工业园区")
    assert {d["relationship"] for *_, d in back.edges(data=True)} >= {"HOLDS", "BELONGS_TO"}
    out = io.BytesIO()
    nx.write_graphml(g, out)
    assert nx.read_graphml(io.BytesIO(out.getvalue())).number_of_edges() == g.number_of_edges()


def test_repr_and_html(day):
    assert repr(day) == f"<orgnet.Network {str(TINY)!r} on 2012-06-30>"
    html = day._repr_html_()
    assert "2012-06-30" in html and "<td style='text-align:right'>27</td>" in html
