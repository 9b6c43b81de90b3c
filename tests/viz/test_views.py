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
from orgnet.viz.style import SANCTIONED_POST, STATUS, SYSTEM, TILE_BINS, TILE_NONE, tile_swatch
from orgnet.rules import Rules
from tests.expected_tiny import OVERLAPS
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


def every_node(v) -> dict[str, dict]:
    """The nodes of every screen of a view (one screen for views that do not drill down)."""
    out = {n["id"]: n for n in v.nodes}
    for screen in v.scene.screens.values():
        out |= {n["id"]: n for n in screen.get("nodes") or ()}
    return out


def screen_nodes(v, screen: str) -> dict[str, dict]:
    """The nodes of one screen of a drilling view (the first screen's are the view's own)."""
    nodes = v.scene.screens[screen].get("nodes") or v.nodes
    return {n["id"]: n for n in nodes}


class TestCoverage:
    """tiny: 测试县 R0 holds 东镇 R1 (with 东村 R3), 西街道 R2 (with 西社区 R4), the park R5, and O7 itself."""

    def test_first_screen_is_one_level_of_tiles(self, tiny):
        v = tiny.view("coverage", AS_OF)
        assert [n["id"] for n in v.nodes] == ["Region:R1", "Region:R2", "Region:R5", "Own:Region:R0"]
        assert all(n["shape"] == "square" for n in v.nodes)
        assert {n["id"]: n["orgnetDrill"] for n in v.nodes} == {
            "Region:R1": "orgs:Region:R1", "Region:R2": "orgs:Region:R2", "Region:R5": "orgs:Region:R5",
            "Own:Region:R0": "own:Region:R0"}
        assert v.scene.first_screen == "tiles:Region:R0" and not v.edges

    def test_tiles_sized_by_organizations_and_labelled_with_coverage_and_gaps(self, tiny):
        tiles = {n["id"]: n for n in tiny.view("coverage", AS_OF).nodes}
        park = tiles["Region:R5"]  # O1 O2 O10 missing a committee, O8 has one: 1 of 4
        assert park["label"].split("\n")[:3] == ["*测试工业园区*", "覆盖率 25%（1/4）", "4 个组织 · 3 个有缺口"]
        assert "应建未建妇委会（妇工委） 3\n已建党组织未建妇女组织 3" in park["label"]
        assert park["color"]["background"] == tile_swatch(1, 4).color == "#fc8d59"
        assert park["size"] > tiles["Region:R2"]["size"]  # 4 organizations against 2
        assert "coverage 25% (1/4)" in park["title"]

    def test_drill_down_shows_every_organization_coloured_by_status(self, tiny):
        v = tiny.view("coverage", AS_OF)
        shown = {}
        for screen in ("orgs:Region:R1", "orgs:Region:R2", "orgs:Region:R5", "own:Region:R0"):
            shown |= {k: n for k, n in screen_nodes(v, screen).items() if k.startswith("Organization:")}
        assert {k.split(":")[1] for k in shown} == set(STATUS_OF_TINY)
        for org, status in STATUS_OF_TINY.items():
            assert shown[f"Organization:{org}"]["group"] == f"status:{status}", org
        groups = v.network.options["groups"]
        for status, swatch in STATUS.items():
            colour = groups[f"status:{status}"]["color"]
            assert colour["background"] == colour["hover"]["background"] == colour["highlight"]["background"] == swatch.color

    def test_organizations_grouped_by_the_region_they_sit_in(self, tiny):
        east = screen_nodes(tiny.view("coverage", AS_OF), "orgs:Region:R1")
        assert east["Group:Region:R1"]["label"] == "东镇（2）" and east["Group:Region:R3"]["label"] == "东村（1）"
        assert east["Organization:O5"]["label"] == "东村村民委员会"
        heading = east["Group:Region:R3"]
        assert east["Organization:O5"]["y"] > heading["y"]  # under its heading

    def test_tooltips_carry_the_key_facts(self, tiny):
        park = screen_nodes(tiny.view("coverage", AS_OF), "orgs:Region:R5")
        o1 = park["Organization:O1"]["title"]
        assert "华美服装厂 (O1)" in o1 and "45" in o1 and "committee required" in o1.lower() and "非公企业 enterprise" in o1
        assert "<" not in "".join(n["title"] for n in park.values())  # plain text, no markup

    def test_positions_given_physics_off_nothing_overlaps(self, tiny):
        v = tiny.view("coverage", AS_OF)
        assert v.network.options["physics"]["enabled"] is False
        for screen in v.scene.screens:
            nodes = list(screen_nodes(v, screen).values())
            assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
            dots = [n for n in nodes if n["id"].startswith(("Organization:", "Region:", "Own:"))]
            for i, a in enumerate(dots):
                for b in dots[i + 1:]:
                    assert abs(a["x"] - b["x"]) >= 60 or abs(a["y"] - b["y"]) >= 60, (screen, a["id"], b["id"])

    def test_legends_title_and_date(self, tiny):
        v = tiny.view("coverage", AS_OF)
        page = v.html
        assert "妇女组织覆盖情况 Women&#39;s organization coverage — 测试县" in page
        assert "截至 as of 2012-06-30" in page
        for swatch in [*STATUS.values(), *(s for _, s in TILE_BINS), TILE_NONE]:
            assert str(escape(swatch.zh)) in page and str(escape(swatch.en)) in page
        assert set(v.scene.legends) == {"tiles", "orgs"}

    def test_header_counts_agree_with_gaps(self, tiny):
        gaps = tiny.gaps(AS_OF)
        counts = {c["id"]: c["value"] for c in tiny.view("coverage", AS_OF).scene.counts}
        assert counts["count-orgs"] == gaps.loc[gaps.org_id != "", "org_id"].nunique() == 6
        assert counts["count-rows"] == len(gaps) == 10
        for rule, n in gaps.rule.value_counts().items():
            assert counts[f"count-rows-{rule}"] == n

    def test_max_nodes_too_small(self, tiny):
        with pytest.raises(InputError, match="max-nodes"):
            tiny.view("coverage", AS_OF, max_nodes=3)


class TestOverlaps:
    def test_the_load_lens_by_default(self, tiny):
        """P1-P3 hold sanctioned cross-appointments only (tests/expected_tiny.py): not post load."""
        v = tiny.view("overlaps", AS_OF)
        assert ids(v, "Person") == {"P4", "P6", "P7"}
        assert "兼职负担" in v.title and "post load" in v.title

    def test_people_with_two_or_more_posts_and_their_bodies_by_host(self, tiny):
        v = tiny.view("overlaps", AS_OF, rules=ALL)
        assert "一人多职：任两个以上职务的全部人员" in v.title
        assert ids(v, "Person") == {"P1", "P2", "P3", "P4", "P6", "P7"}
        posts = {(k.split(":")[1], k.split(":")[2]) for k in ids(v, "Post")}
        expected = {(p, b) for p, _, bodies, _ in OVERLAPS for b in bodies.split(";")}
        assert posts == expected
        nodes = {n["id"]: n for n in v.nodes}
        assert nodes["Post:Person:P1:B8"]["color"]["background"] == SYSTEM["women"].color
        assert nodes["Host:P1:O5"]["label"] == "东村村民委员会"  # P1's three bodies sit in one village
        for body in ("B6", "B7", "B8"):
            assert nodes[f"Post:Person:P1:{body}"]["y"] > nodes["Host:P1:O5"]["y"]
        assert not v.edges  # rows, not lines

    def test_rows_most_posts_first_with_posts_in_the_label(self, tiny):
        v = tiny.view("overlaps", AS_OF, rules=ALL)
        people = [n for n in v.nodes if n["id"].startswith("Person:")]
        assert people[0]["id"] == "Person:P1" and "3 职务（另兼 0）" in people[0]["label"]
        assert [n["y"] for n in people] == sorted(n["y"] for n in people)

    def test_sanctioned_posts_marked(self, tiny):
        nodes = {n["id"]: n for n in tiny.view("overlaps", AS_OF, rules=ALL).nodes}
        for body in ("B6", "B7", "B8"):  # 村“两委” with the congress chair: sanctioned
            assert nodes[f"Post:Person:P1:{body}"]["borderWidth"] == 4
            assert nodes[f"Post:Person:P1:{body}"]["color"]["border"] == SANCTIONED_POST.border
        assert nodes["Post:Person:P4:B9"]["borderWidth"] == 1  # a community's party branch and federation: extra

    def test_min_posts_filters_as_overlaps_does_and_lens_follows_it(self, tiny):
        for options in ({"min_posts": 3}, {"lens": "cross"}, {"lens": "all", "min_posts": 2}, {}):
            v = tiny.view("overlaps", AS_OF, **options)
            listed = tiny.overlaps(AS_OF, min_posts=options.get("min_posts"), lens=options.get("lens"))
            assert ids(v, "Person") == set(listed.person_id), options
        assert "规定和提倡的交叉任职" in tiny.view("overlaps", AS_OF, lens="cross").title

    def test_top_people_only_and_says_so(self, tiny):
        v = tiny.view("overlaps", AS_OF, rules=ALL, top=2)
        assert ids(v, "Person") == {"P1", "P4"}  # 3 posts, then 2 posts and one extra (P4 before P6 by id)
        assert "Only the 2 people with most posts are drawn (--top 2); the other 4" in v.html
        with pytest.raises(InputError, match="--top"):
            tiny.view("overlaps", AS_OF, top=0)

    def test_keeps_the_busiest_people_when_too_many(self, tiny):
        v = tiny.view("overlaps", AS_OF, rules=ALL, max_nodes=10)  # P1 and P4 fill 10
        drawn = {n["id"] for n in v.nodes}
        assert v.aggregated and len(v.nodes) <= 10 and {"Person:P1", "Person:P4"} <= drawn and "Person:P6" not in drawn


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
        ({"person": "NOBODY"}, "NOBODY: no person with that id or name"), ({"org": "O99"}, "no organization"),
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

    def test_overlaps_rows_show_whole_pseudonyms(self, tiny):
        v = tiny.view("overlaps", AS_OF, rules=ALL, redact=True)
        alias = pseudonym("P1")
        assert {n["id"]: n["label"] for n in v.nodes}[f"Person:{alias}"].startswith(f"*{alias}*\n")
        assert "王秀英" not in v.html and "(P1)" not in v.html

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
            assert set(every_node(a)) == set(every_node(b)), kind
            assert {(e["from"], e["to"]) for e in a.edges} == {(e["from"], e["to"]) for e in b.edges}, kind


@pytest.mark.neo4j
def test_neo4j_engine_draws_the_same_pictures(tiny, neo4j_engine):
    from tests.conftest import TINY

    engine = neo4j_engine(TINY)
    for kind, options in [("coverage", {}), ("overlaps", {}), ("region", {"region": "R1"})]:
        a = view(tiny.engine, kind, AS_OF, **options)
        b = view(engine, kind, AS_OF, **options)
        assert set(every_node(a)) == set(every_node(b)), kind
        looks = {k: (n.get("color"), n.get("group")) for k, n in every_node(a).items() if k.startswith("Organization:")}
        assert looks == {k: (n.get("color"), n.get("group")) for k, n in every_node(b).items()
                         if k.startswith("Organization:")}
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
