"""The GEXF and GraphML exports opened by the real client: the Gephi Toolkit 0.10.1's own importers,
headless (tools/gephi), as Gephi's "Open" does, with the edges merge strategy "Don't merge".

Every node and edge arrives, with no import issue at WARNING or above, names as labels, the analysis
as named columns and the relationship types; on tiny the analysis values are the ones worked out by
hand in tests/expected_tiny.py."""

from __future__ import annotations

from collections import Counter

import pytest

import orgnet
from orgnet import gap_rules
from orgnet.export import snapshot_graph
from orgnet.graph import EDGES
from orgnet.schema import SCHEMA
from tests.conftest import SAMPLES, TINY
from tests.expected_tiny import GAPS

pytestmark = pytest.mark.gephi

AS_OF = "2012-06-30"
FILES = [(name, fmt) for name in ("tiny", "beihu") for fmt in ("gexf", "graphml")]
ANALYSIS_COLUMNS = {"node_kind": "String", "status": "String", "covered": "Boolean", "gaps": "String",
                    **{f"gap_{rule}": "Boolean" for rule in gap_rules.RULE_IDS},
                    "posts": ("Integer", "Long"), "region_name": "String", "township_id": "String",
                    "township_name": "String"}


@pytest.fixture(scope="module")
def opened(gephi_toolkit, tmp_path_factory):
    """(dataset, format) → (what Gephi reports, the export's counts, the network), one JVM for all four."""
    folder = tmp_path_factory.mktemp("gephi")
    nets = {"tiny": orgnet.load(TINY), "beihu": orgnet.load(SAMPLES["beihu"])}
    counts = {(name, fmt): nets[name].export(fmt, folder / f"{name}.{fmt}", as_of=AS_OF) for name, fmt in FILES}
    found = gephi_toolkit.open_files([folder / f"{name}.{fmt}" for name, fmt in FILES])
    return {key: (report, counts[key], nets[key[0]]) for key, report in zip(FILES, found)}


@pytest.mark.parametrize("name,fmt", FILES)
def test_every_node_and_edge_arrives(opened, name, fmt):
    report, counts, net = opened[(name, fmt)]
    assert "error" not in report, report
    cut = snapshot_graph(net.graph, AS_OF)  # the same day through the other path: the networkx graph, cut
    assert (counts["nodes"], counts["edges"]) == (cut.number_of_nodes(), cut.number_of_edges())
    assert (report["container_nodes"], report["container_edges"]) == (counts["nodes"], counts["edges"])
    assert (report["nodes"], report["edges"]) == (counts["nodes"], counts["edges"])
    assert {n["id"] for n in report["node_list"]} == set(cut.nodes)
    assert {e["id"] for e in report["edge_list"]} == {f"e{i}" for i in range(counts["edges"])}  # unique ids kept


@pytest.mark.parametrize("name,fmt", FILES)
def test_no_import_issue(opened, name, fmt):
    report = opened[(name, fmt)][0]
    assert [i for i in report["issues"] if i["level"] != "INFO"] == []


@pytest.mark.parametrize("name,fmt", FILES)
def test_names_are_the_labels(opened, name, fmt):
    report, _, net = opened[(name, fmt)]
    names = {f"{t.label}:{i}": n for t in SCHEMA.node_tables()
             for i, n in zip(net.dataset[t.name]["id"], net.dataset[t.name]["name"])}
    labels = {n["id"]: n["label"] for n in report["node_list"]}
    assert labels == {node: names[node] for node in labels}
    assert report["labels"] > len(SCHEMA.node_tables())  # not one label per kind of node


@pytest.mark.parametrize("name,fmt", FILES)
def test_analysis_columns_and_relationship_types(opened, name, fmt):
    report, _, net = opened[(name, fmt)]
    columns = {c["title"]: c["type"] for c in report["node_columns"]}
    for column, kind in ANALYSIS_COLUMNS.items():
        assert columns.get(column) in ((kind,) if isinstance(kind, str) else kind), column
    ids = {c["title"]: c["id"] for c in report["edge_columns"]}
    rel = Counter(e["attributes"].get(ids["rel"]) for e in report["edge_list"])
    cut = snapshot_graph(net.graph, AS_OF)
    assert rel == Counter(e["type"] for _, _, e in cut.edges(data=True))
    if name == "tiny":
        assert set(rel) == {kind for _, kind, *_ in EDGES}  # every relationship type is on the day


def _nodes(report) -> dict[str, dict]:
    ids = {c["id"]: c["title"] for c in report["node_columns"]}
    return {n["id"]: {**{ids[k]: v for k, v in n["attributes"].items()}, "_color": n["color"]}
            for n in report["node_list"]}


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_tiny_analysis_as_worked_out_by_hand(opened, fmt):
    nodes = _nodes(opened[("tiny", fmt)][0])
    for rule in ("committee_required", "liaison_required", "party_without_women"):
        broken = {n for n, a in nodes.items() if a.get(f"gap_{rule}") and a["node_kind"] == "Organization"}
        assert broken == {f"Organization:{org}" for org, r in GAPS if r == rule}, rule
    vacant = {n for n, a in nodes.items() if a.get("gap_vacant_head") and a["node_kind"] == "Body"}
    assert vacant == {"Body:B20", "Body:B11"}  # expected_tiny: B20 (region-level) and O7's B11
    o1 = nodes["Organization:O1"]
    assert (o1["gaps"], o1["status"], o1["covered"]) == ("committee_required;party_without_women",
                                                        "committee_required", False)
    assert o1["_color"] == gap_rules.RULES["committee_required"].colour
    o8 = nodes["Organization:O8"]
    assert (o8["status"], o8["covered"], "gaps" in o8, o8["_color"]) == ("covered", True, False, "#2ca02c")
    assert nodes["Body:B20"]["_color"] == gap_rules.RULES["vacant_head"].colour
    posts = {n: a["posts"] for n, a in nodes.items() if a["node_kind"] == "Person"}
    loaded = {n: p for n, p in posts.items() if p >= 2}  # expected_tiny: the people with 2+ active posts
    assert loaded == {"Person:P1": 3, "Person:P2": 2, "Person:P3": 2, "Person:P4": 2, "Person:P6": 2, "Person:P7": 2}
    assert nodes["Person:P12"]["posts"] == 0  # her chair post is in dissolved B15
    assert nodes["Person:P1"]["_color"] == "#ffd21f"  # at or above min_posts (2)
    assert (o8["region_name"], o8["township_name"]) == ("测试工业园区", "测试工业园区")
