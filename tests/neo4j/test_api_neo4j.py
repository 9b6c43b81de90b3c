"""The Python API on Neo4j: the same columns as on networkx (township names added after either engine
answers), ``net.tables`` and ``net.at(day).graph`` fetched from the server, ``net.cypher``, ``net.person``
and ``orgnet.load_into_neo4j`` (a real server, started by the test session)."""

from __future__ import annotations

import pandas as pd
import pytest

import orgnet
from orgnet.analyses import ANALYSES
from orgnet.api import Network
from orgnet.errors import InputError
from tests.conftest import TINY

pytestmark = pytest.mark.neo4j
DAY = "2012-06-30"


@pytest.fixture(scope="module")
def local():
    return orgnet.load(TINY)


@pytest.fixture
def server(neo4j_engine):
    return Network(neo4j_engine(TINY))  # shares the session's driver: not closed here


def _args(name):
    args = {"as_of": DAY, "start": "2011-01-01", "end": DAY, "year": 2012, "person_id": "P2"}
    return {k: v for k, v in args.items() if k in ANALYSES[name].args}


@pytest.mark.parametrize("name", [n for n, a in ANALYSES.items() if {"region_id", "org_id"} & set(a.contract.columns)])
def test_results_with_places_are_the_same_on_both_engines(server, local, name):
    got, expected = server.run(name, **_args(name)), local.run(name, **_args(name))
    assert "township_name" in got.columns
    pd.testing.assert_frame_equal(got, expected, obj=name)


def test_tables_come_from_the_server(server, local):
    assert list(server.tables) == list(local.tables)
    for name in local.tables:
        got = server.tables[name]
        key = [c for c in ("id", "person_id", "body_id", "venue_id", "org_id", "role", "start", "since", "date")
               if c in got.columns]
        pd.testing.assert_frame_equal(got.sort_values(key, ignore_index=True),
                                      local.tables[name].sort_values(key, ignore_index=True), obj=name)


def test_the_days_graph_comes_from_the_server(server, local):
    got, expected = server.at(DAY).graph, local.at(DAY).graph
    assert set(got.nodes) == set(expected.nodes)

    def edges(g, kinds=("HOLDS", "BELONGS_TO")):
        return sorted((u, v, d["relationship"], d.get("role", "")) for u, v, d in g.edges(data=True)
                      if d["relationship"] in kinds)

    assert edges(got) == edges(expected)  # the facts carry no liaison links
    assert got.nodes["Body:B8"]["township_name"] == expected.nodes["Body:B8"]["township_name"] == "东镇"
    with_regions = server.at(DAY).to_networkx(regions=True)
    assert sum(1 for _, t in with_regions.nodes(data="node_type") if t == "Region") == 6


def test_a_persons_posts_on_the_server(server, local):
    pd.testing.assert_frame_equal(server.person("P4", as_of=DAY), local.person("P4", as_of=DAY))
    with pytest.raises(InputError, match="P99: no person with that id or name"):
        server.person("P99")


def test_find_and_a_person_by_name_on_the_server(server, local):
    for text in ("东村", "刘芳", "O5", "妇"):
        pd.testing.assert_frame_equal(server.find(text, as_of=DAY), local.find(text, as_of=DAY))
    assert server.person("刘芳", as_of=DAY).person_id.unique().tolist() == ["P4"]


def test_cypher_with_parameters_and_defaults(server):
    rows = server.cypher("MATCH (p:Person)-[h:HOLDS]->(b:Body {id: $body}) WHERE active(h.start, h.`end`) "
                         "RETURN p.id AS person, h.role AS role ORDER BY person", body="B10", as_of=pd.Timestamp(DAY).date())
    assert rows.values.tolist() == [["P4", "chair"]]  # her vice-chair post ended 2011-01-01
    earlier = server.cypher("MATCH (p:Person)-[h:HOLDS]->(:Body {id: 'B10'}) WHERE active(h.start, h.`end`) "
                            "RETURN h.role AS role", as_of=pd.Timestamp("2010-06-30").date())
    assert earlier.role.tolist() == ["vice_chair"]
    today = server.cypher("RETURN $as_of AS day")  # a parameter left out takes orgnet's default: today
    assert today.day[0] == pd.Timestamp.today().date()
    assert server.cypher("RETURN $as_of AS day", as_of="2012-06-30").day[0] == pd.Timestamp(DAY).date()
    with pytest.raises(InputError, match=r"needs \$body"):
        server.cypher("MATCH (b:Body {id: $body}) RETURN b")


def test_cypher_is_read_only_unless_asked(server):
    with pytest.raises(orgnet.OrgnetError):
        server.cypher("CREATE (:Scratch {id: 'x'})")


def test_cypher_needs_neo4j(local):
    with pytest.raises(InputError, match="needs a Neo4j network"):
        local.cypher("RETURN 1")


def test_load_into_neo4j(neo4j_engine, local):
    s = neo4j_engine.settings
    neo4j_engine.forget()  # this test reloads the database behind the fixture's back
    with orgnet.load_into_neo4j(TINY, uri=s.uri, username=s.username, password=s.password, database=s.database,
                                wipe=True) as net:
        counts = net.engine.counts()
        assert counts["Organization"] == 10 and counts["HOLDS"] == 31
        pd.testing.assert_frame_equal(net.gaps(as_of=DAY), local.gaps(as_of=DAY))
        assert repr(net).startswith("<orgnet.Network ") and "neo4j" in net._repr_html_()
    with pytest.raises(orgnet.ValidationError):
        orgnet.load_into_neo4j({"posts": pd.DataFrame({"person_id": ["P1"]})}, uri=s.uri, username=s.username,
                               password=s.password, database=s.database)
