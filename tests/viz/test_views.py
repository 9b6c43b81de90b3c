"""The views at the pyvis level: which nodes and edges are handed to pyvis, and the page around them."""

from __future__ import annotations

import html
import json
import re

import pytest
from markupsafe import escape

from orgnet.errors import InputError
from orgnet.redact import pseudonym
from orgnet.viz import view
from orgnet.engines.subgraph import from_facts
from orgnet.viz.data import Subgraph, conform_edges, conform_nodes, subgraph
from tests.viz.conftest import FactsOnly
from orgnet.viz.style import STATUS, SYSTEM
from orgnet.rules import Rules
from tests.viz.conftest import AS_OF, IMG_NAME, SCRIPT_NAME

#: The overlaps lens showing everyone with two or more posts.
ALL = Rules(overlap_lens="all")

STATUS_OF_TINY = {"O1": "committee_required", "O2": "committee_required", "O9": "committee_required",
                  "O10": "committee_required", "O3": "liaison_required", "O7": "vacant_head",
                  "O4": "covered", "O5": "covered", "O6": "covered", "O8": "covered"}


def ids(v, prefix: str) -> set[str]:
    return {n["id"].split(":", 1)[1] for n in v.nodes if n["id"].startswith(prefix + ":")}


def page_data(page: str) -> dict:
    """The nodes/edges/options JSON inside a page."""
    match = re.search(r'<script type="application/json" id="orgnet-data">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


class TestCoverage:
    def test_every_organization_coloured_by_status(self, tiny):
        v = tiny.view("coverage", AS_OF)
        orgs = {n["id"].split(":")[1]: n for n in v.nodes if n["id"].startswith("Organization:")}
        assert set(orgs) == set(STATUS_OF_TINY)
        for org, status in STATUS_OF_TINY.items():
            assert orgs[org]["color"]["background"] == STATUS[status].color, org

    def test_grouped_under_regions_with_bodies_attached(self, tiny):
        v = tiny.view("coverage", AS_OF)
        assert ids(v, "Region") == {"R0", "R1", "R2", "R3", "R4", "R5"}
        # active party/women/union/youth bodies only: no villagers' committee (admin), not B15 (dissolved)
        assert ids(v, "Body") == {f"B{i}" for i in (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 20, 21)}
        edges = {(e["from"], e["to"]) for e in v.edges}
        assert ("Region:R5", "Organization:O1") in edges  # organization under its region
        assert ("Organization:O8", "Body:B4") in edges  # body on its organization
        assert ("Region:R0", "Body:B14") in edges  # region-level federation on its region
        assert ("Region:R0", "Region:R1") in edges
        assert not ids(v, "Person")

    def test_vacant_bodies_marked(self, tiny):
        v = tiny.view("coverage", AS_OF)
        bodies = {n["id"]: n for n in v.nodes if n["id"].startswith("Body:")}
        assert bodies["Body:B20"]["borderWidth"] > bodies["Body:B4"]["borderWidth"]
        assert bodies["Body:B4"]["color"]["background"] == SYSTEM["women"].color
        assert bodies["Body:B3"]["label"] == "党"

    def test_tooltips_carry_the_key_facts(self, tiny):
        v = tiny.view("coverage", AS_OF)
        tips = {n["id"]: n["title"] for n in v.nodes}
        o1 = tips["Organization:O1"]
        assert "华美服装厂" in o1 and "45" in o1 and "达标 standard" in o1 and "committee required" in o1.lower()
        assert "非公企业 enterprise" in o1
        b4 = tips["Body:B4"]
        assert "张丽" in b4 and "主任/主席 chair" in b4
        assert "<" not in "".join(tips.values())  # plain text, no markup

    def test_positions_given_and_physics_off(self, tiny):
        v = tiny.view("coverage", AS_OF)
        assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in v.nodes)
        assert v.network.options["physics"]["enabled"] is False
        assert v.network.options["edges"]["smooth"] is False
        positions = {(n["x"], n["y"]) for n in v.nodes}
        assert len(positions) == len(v.nodes)  # nobody on top of anybody

    def test_no_node_overlaps_another(self, tiny):
        v = tiny.view("coverage", AS_OF)
        dots = [n for n in v.nodes if n["shape"] == "dot"]
        for i, a in enumerate(dots):
            for b in dots[i + 1:]:
                gap = ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5
                assert gap >= a["size"] + b["size"], (a["id"], b["id"])

    def test_legend_title_and_date(self, tiny):
        page = tiny.view("coverage", AS_OF).html
        assert "妇女组织覆盖情况 Women&#39;s organization coverage — 测试县" in page
        assert "截至 as of 2012-06-30" in page
        for swatch in STATUS.values():
            assert str(escape(swatch.zh)) in page and str(escape(swatch.en)) in page

    def test_aggregates_above_max_nodes_and_says_so(self, tiny):
        full = tiny.view("coverage", AS_OF)
        folded = tiny.view("coverage", AS_OF, max_nodes=20)
        assert not full.aggregated and len(full.nodes) > 20
        assert folded.aggregated and len(folded.nodes) <= 20
        assert not ids(folded, "Body")  # bodies folded into their organizations
        assert "Aggregated" in folded.html and "已聚合" in folded.html
        counts = tiny.view("coverage", AS_OF, max_nodes=10)
        assert len(counts.nodes) <= 10 and any(n["id"].startswith("Count:") for n in counts.nodes)
        total = sum(int(n["label"]) for n in counts.nodes if n["id"].startswith("Count:"))
        assert total == 10  # every organization counted once

    def test_max_nodes_too_small(self, tiny):
        with pytest.raises(InputError, match="max-nodes"):
            tiny.view("coverage", AS_OF, max_nodes=3)


class TestOverlaps:
    def test_the_load_lens_by_default(self, tiny):
        """P1-P3 hold sanctioned cross-appointments only (tests/expected_tiny.py): not post load."""
        v = tiny.view("overlaps", AS_OF)
        assert ids(v, "Person") == {"P4", "P6", "P7"}
        assert "兼职负担" in v.title and "post load" in v.title

    def test_people_with_two_or_more_posts_and_their_bodies(self, tiny):
        v = tiny.view("overlaps", AS_OF, rules=ALL)
        assert "一人多职：任两个以上职务的全部人员" in v.title
        assert ids(v, "Person") == {"P1", "P2", "P3", "P4", "P6", "P7"}
        assert ids(v, "Body") == {"B6", "B7", "B8", "B3", "B4", "B9", "B10", "B12", "B14"}
        holds = {(e["from"], e["to"]) for e in v.edges}
        assert ("Person:P1", "Body:B8") in holds
        assert {e["color"] for e in v.edges if e["to"] == "Body:B8"} == {SYSTEM["women"].color}

    def test_sized_by_posts_and_standouts_are_stars(self, tiny):
        people = {n["id"]: n for n in tiny.view("overlaps", AS_OF, rules=ALL).nodes if n["id"].startswith("Person:")}
        assert people["Person:P1"]["shape"] == "star" and people["Person:P2"]["shape"] == "dot"
        assert people["Person:P1"]["size"] > people["Person:P2"]["size"]
        low = {n["id"]: n for n in tiny.view("overlaps", AS_OF, rules=ALL, min_posts=2).nodes}
        assert low["Person:P2"]["shape"] == "star"

    def test_keeps_the_busiest_people_when_too_many(self, tiny):
        v = tiny.view("overlaps", AS_OF, rules=ALL, max_nodes=10)  # P4, P6, P7 (extra posts first) fill 7
        drawn = {n["id"] for n in v.nodes}
        assert v.aggregated and len(v.nodes) <= 10 and "Person:P4" in drawn and "Person:P1" not in drawn


class TestEgoAndRegion:
    def test_person_neighbourhood_to_depth_two(self, tiny):
        v = tiny.view("ego", AS_OF, person="P1")
        # P1 → her bodies B6 B7 B8 and employer O5 → P2 (co-holder, colleague)
        assert {n["id"] for n in v.nodes} == {"Person:P1", "Body:B6", "Body:B7", "Body:B8", "Organization:O5",
                                              "Person:P2"}
        assert "王秀英 (P1)" in v.title

    def test_org_neighbourhood(self, tiny):
        v = tiny.view("ego", AS_OF, org="O8")
        assert {"Organization:O8", "Body:B3", "Body:B4", "Person:P3", "Person:P9"} <= {n["id"] for n in v.nodes}

    def test_region_whole_network(self, tiny):
        v = tiny.view("region", AS_OF, region="R1")
        assert ids(v, "Region") == {"R1", "R3"}
        assert ids(v, "Organization") == {"O3", "O5", "O9"}
        assert ids(v, "Person") == {"P1", "P2", "P6", "P7", "P19", "P20"}  # post holders in R1's bodies
        assert ids(v, "Body") >= {"B6", "B7", "B8", "B12", "B17", "B18"}

    def test_region_folds_people_first(self, tiny):
        v = tiny.view("region", AS_OF, region="R1", max_nodes=12)
        assert v.aggregated and not ids(v, "Person") and ids(v, "Body")

    @pytest.mark.parametrize("options, message", [
        ({}, "exactly one of --person"), ({"person": "P1", "org": "O1"}, "exactly one"),
        ({"person": "NOBODY"}, "no person with id 'NOBODY'"), ({"org": "O99"}, "no organization"),
    ])
    def test_ego_bad_options(self, tiny, options, message):
        with pytest.raises(InputError, match=message):
            tiny.view("ego", AS_OF, **options)

    def test_region_needs_a_known_region(self, tiny):
        with pytest.raises(InputError, match="--region"):
            tiny.view("region", AS_OF)
        with pytest.raises(InputError, match="no region"):
            tiny.view("region", AS_OF, region="R99")

    def test_unknown_view(self, tiny):
        with pytest.raises(InputError, match="expected one of coverage, overlaps, ego, region"):
            tiny.view("hairball", AS_OF)


class TestPage:
    @pytest.mark.parametrize("kind, options", [("coverage", {}), ("overlaps", {}), ("ego", {"person": "P1"}),
                                               ("region", {"region": "R1"})])
    def test_self_contained_offline(self, tiny, kind, options):
        page = tiny.view(kind, AS_OF, **options).html
        assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
        assert not re.search(r"<script[^>]+src=", page) and "<link" not in page
        assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
        assert not re.search(r"""url\(\s*["']?\s*(https?:)?//""", page, re.I)
        assert not re.search(r"@import", page)
        # the only http(s) strings left are in vis-network's licence comments and the SVG namespace
        leftovers = set(re.findall(r"https?://[^\s\"'<>)]+", page))
        allowed = {"http://www.w3.org/2000/svg", "http://almende.com", "http://opensource.org/licenses/MIT",
                   "http://www.apache.org/licenses/LICENSE-2.0", "https://github.com/visjs",
                   "https://visjs.github.io/vis-network/", "https://github.com/zloirock/core-js",
                   "https://github.com/zloirock/core-js/blob/v3.21.1/LICENSE",
                   "https://github.com/uuidjs/uuid#getrandomvalues-not-supported"}
        assert leftovers <= allowed, leftovers - allowed
        assert "vis.Network" in page and "window.orgnetNetwork" in page

    def test_cjk_fonts_declared(self, tiny):
        page = tiny.view("coverage", AS_OF).html
        assert '"Noto Sans CJK SC"' in page and "Microsoft YaHei" in page
        assert "Noto Sans CJK SC" in page_data(page)["options"]["nodes"]["font"]["face"]

    def test_page_data_is_what_pyvis_holds(self, tiny):
        v = tiny.view("coverage", AS_OF)
        data = page_data(v.html)
        assert data["nodes"] == v.network.nodes and data["edges"] == v.network.edges
        assert v.network.num_nodes() == len(v.nodes)

    def test_report_iframe(self, tiny):
        v = tiny.view("ego", AS_OF, person="P1")
        shown = v.iframe()
        assert shown.startswith("<iframe srcdoc=") and "height:650px" in shown
        assert html.unescape(re.search(r'srcdoc="([^"]*)"', shown).group(1)) == v.html

    def test_save_writes_the_page(self, tiny, tmp_path):
        v = tiny.view("overlaps", AS_OF)
        out = v.save(tmp_path / "sub" / "overlaps.html")
        assert out.read_text(encoding="utf-8") == v.html


class TestEscaping:
    def test_hostile_names_never_become_markup(self, hostile):
        for kind, options in [("coverage", {}), ("overlaps", {}), ("ego", {"person": "P1"}), ("ego", {"org": "O8"}),
                              ("region", {"region": "R1"})]:
            page = hostile.view(kind, AS_OF, **options).html
            assert "<script>alert" not in page and "<img src=x" not in page, kind
        ego = hostile.view("ego", AS_OF, person="P1")
        assert str(escape(SCRIPT_NAME)) in ego.html  # the title, as text
        labels = {n["id"]: n for n in ego.nodes}
        assert SCRIPT_NAME[:10] in labels["Person:P1"]["label"] or labels["Person:P1"]["label"].startswith("<script")
        org = hostile.view("ego", AS_OF, org="O8")
        tips = {n["id"]: n["title"] for n in org.nodes}
        assert IMG_NAME in tips["Organization:O8"]  # the tooltip string keeps it; vis shows strings as text
        assert "\\u003cimg src=x" in org.html


class TestRedaction:
    def test_names_and_ids_replaced(self, tiny):
        for kind, options in [("coverage", {}), ("overlaps", {}), ("ego", {"person": "P1"}), ("region", {"region": "R1"})]:
            v = tiny.view(kind, AS_OF, redact=True, **options)
            for name in ("王秀英", "李强", "张丽", "刘芳", "赵敏"):
                assert name not in v.html, (kind, name)
            assert not re.search(r'"Person:P\d+"', v.html)
        v = tiny.view("ego", AS_OF, person="P1", redact=True)
        alias = pseudonym("P1")
        assert alias in v.title and f"Person:{alias}" in {n["id"] for n in v.nodes}

    def test_stable_across_runs_and_files(self, tiny):
        a = tiny.view("overlaps", AS_OF, rules=ALL, redact=True)
        b = tiny.view("overlaps", AS_OF, rules=ALL, redact=True)
        c = tiny.view("ego", AS_OF, person="P3", redact=True)
        people_a = {n["id"] for n in a.nodes if n["id"].startswith("Person:")}
        assert people_a == {n["id"] for n in b.nodes if n["id"].startswith("Person:")}
        assert f"Person:{pseudonym('P3')}" in people_a and f"Person:{pseudonym('P3')}" in {n["id"] for n in c.nodes}


class TestAnyEngine:
    def test_facts_give_the_same_subgraph(self, tiny):
        from datetime import date

        full = subgraph(tiny.engine, AS_OF)
        nodes, edges = from_facts(tiny.engine, date(2012, 6, 30))
        facts = Subgraph(conform_nodes(nodes), conform_edges(edges))
        assert set(full.attrs) == set(facts.attrs)
        shared = full.edges[full.edges["type"].isin(["PART_OF", "LOCATED_IN", "BELONGS_TO", "HOLDS"])]
        assert set(map(tuple, shared.values.tolist())) == set(map(tuple, facts.edges.values.tolist()))

    def test_views_from_facts_only(self, tiny):
        for kind, options in [("coverage", {}), ("overlaps", {}), ("region", {"region": "R1"})]:
            a = view(tiny.engine, kind, AS_OF, **options)
            b = view(FactsOnly(tiny.engine), kind, AS_OF, **options)
            assert {n["id"] for n in a.nodes} == {n["id"] for n in b.nodes}, kind
            assert {(e["from"], e["to"]) for e in a.edges} == {(e["from"], e["to"]) for e in b.edges}, kind


@pytest.mark.neo4j
def test_neo4j_engine_draws_the_same_pictures(tiny, neo4j_engine):
    from tests.conftest import TINY

    engine = neo4j_engine(TINY)
    for kind, options in [("coverage", {}), ("overlaps", {}), ("region", {"region": "R1"})]:
        a = view(tiny.engine, kind, AS_OF, **options)
        b = view(engine, kind, AS_OF, **options)
        assert {n["id"] for n in a.nodes} == {n["id"] for n in b.nodes}, kind
        colours = {n["id"]: n.get("color") for n in a.nodes if n["id"].startswith("Organization:")}
        assert colours == {n["id"]: n.get("color") for n in b.nodes if n["id"].startswith("Organization:")}
    a = view(tiny.engine, "diff", "2012-12-31", start="2012-01-01")
    b = view(engine, "diff", "2012-12-31", start="2012-01-01")
    assert {n["id"]: n["color"] for n in a.nodes} == {n["id"]: n["color"] for n in b.nodes}
    from orgnet.viz.charts import chart
    from orgnet.viz.report import report_html

    assert "主要数据" in report_html(engine, AS_OF, source="neo4j")
    assert chart(engine, "post-load", AS_OF).axes


class TestSamples:
    @pytest.mark.parametrize("name", ["beihu", "longyou"])
    def test_sample_views_fit_and_stay_small(self, samples, name):
        net = samples(name)
        for kind in ("coverage", "overlaps"):
            v = net.view(kind, AS_OF)
            assert len(v.nodes) <= 1500
            assert len(v.html) < 3_000_000
            if v.aggregated:
                assert "Aggregated" in v.html

    def test_sample_ego_and_region(self, samples):
        net = samples("beihu")
        person = net.overlaps(AS_OF).person_id.iloc[0]
        assert net.view("ego", AS_OF, person=person).nodes
        region = net.stats(AS_OF).query("level == 'township'").region_id.iloc[0]
        assert net.view("region", AS_OF, region=region).nodes
