"""Ghosts in the coverage view: a dashed node for each women's body a rule requires and is missing.

Worked by hand on tests/data/tiny at 2012-06-30 (tests/expected_tiny.GAPS): committee_required O1 O2 O9
O10, liaison_required O3, party_without_women O1 O2 O10 — 8 ghosts on 5 organizations; vacant_head B11
(organ committee of O7) and B20 (park committee, region-level): marked, not ghosts.
"""

from __future__ import annotations

import pytest
from markupsafe import escape

from orgnet.viz.style import DASHES, GHOST, GHOST_COUNT, GHOST_FILL, GHOST_MARK, VACANT
from tests.expected_tiny import GAPS
from tests.viz.conftest import AS_OF

GHOST_ROWS = [(org, rule) for org, rule in GAPS
              if rule in ("committee_required", "liaison_required", "party_without_women")]
LABELS = {"committee_required": ("应建未建妇委会（妇工委）", "women's committee required, not built"),
          "liaison_required": ("应设未设妇女工作联络员", "liaison officer required, not appointed"),
          "party_without_women": ("已建党组织未建妇女组织", "party body built, no women's body")}


def ghosts(v) -> dict[str, dict]:
    return {n["id"]: n for n in v.nodes if n["id"].startswith("Ghost:")}


def test_one_ghost_per_gap_row(tiny):
    v = tiny.view("coverage", AS_OF)
    found = ghosts(v)
    assert len(GHOST_ROWS) == 8
    assert len(found) == len(GHOST_ROWS) == len(tiny.gaps(AS_OF).query(
        "rule in ['committee_required', 'liaison_required', 'party_without_women']"))
    assert set(found) == {f"Ghost:Organization:{org}:{rule}" for org, rule in GHOST_ROWS}


def test_ghosts_are_dashed_faded_and_hang_on_their_organization(tiny):
    v = tiny.view("coverage", AS_OF)
    edges = {(e["from"], e["to"]): e for e in v.edges}
    for org, rule in GHOST_ROWS:
        node = ghosts(v)[f"Ghost:Organization:{org}:{rule}"]
        assert node["shapeProperties"] == {"borderDashes": [5, 5]} and DASHES == [5, 5]
        assert node["color"]["background"] == GHOST_FILL and node["color"]["border"] == GHOST[rule].border
        assert node["borderWidth"] == 2
        zh, en = LABELS[rule]
        assert node["label"] == f"{zh}\n{en}"
        edge = edges[(f"Organization:{org}", node["id"])]
        assert edge["dashes"] == [5, 5] and edge["color"] == GHOST[rule].border
    # nothing else is a ghost: O4 (liaison body B5), O8 (committee B4) and the rest have none
    assert not any(n["id"].startswith(("Ghost:Organization:O4:", "Ghost:Organization:O8:")) for n in v.nodes)


def test_ghost_tooltip_names_rule_and_detail(tiny):
    tips = {n["id"]: n["title"] for n in tiny.view("coverage", AS_OF).nodes}
    o1 = tips["Ghost:Organization:O1:committee_required"]
    assert "应建未建妇委会（妇工委） women's committee required, not built" in o1 and "华美服装厂 (O1)" in o1
    assert "committee_required" in o1 and "45 female staff" in o1
    assert "party bodies: B1" in tips["Ghost:Organization:O1:party_without_women"]
    assert "12 female staff" in tips["Ghost:Organization:O3:liaison_required"]
    assert "party bodies: B21" in tips["Ghost:Organization:O10:party_without_women"]


def test_vacant_heads_are_marked_not_ghosted(tiny):
    v = tiny.view("coverage", AS_OF)
    nodes = {n["id"]: n for n in v.nodes}
    for body in ("Body:B11", "Body:B20"):
        assert nodes[body]["shapeProperties"] == {"borderDashes": [5, 5]}
        assert nodes[body]["color"]["border"] == VACANT.border and nodes[body]["borderWidth"] == 4
        assert "妇委会主任空缺 no active women's committee chair" in nodes[body]["title"] and "vacant_head" in nodes[body]["title"]
    assert "shapeProperties" not in nodes["Body:B4"]  # B4 has its chair P3
    assert not any("vacant_head" in n for n in ghosts(v))


def test_legend_lists_the_ghosts(tiny):
    page = tiny.view("coverage", AS_OF).html
    for swatch in GHOST.values():
        assert str(escape(swatch.zh)) in page and str(escape(swatch.en)) in page
    assert "缺失的妇女组织 missing women&#39;s bodies: 8" in page
    assert "border: 3px dashed" in page  # the legend draws the ghost swatches dashed


def test_no_ghosts_option(tiny):
    with_ghosts = tiny.view("coverage", AS_OF)
    without = tiny.view("coverage", AS_OF, ghosts=False)
    assert not ghosts(without) and len(without.nodes) == len(with_ghosts.nodes) - 8
    assert "应建未建妇委会（妇工委）（虚线）" not in without.html


class TestAggregation:
    def test_bodies_fold_before_ghosts(self, tiny):
        # 6 regions + 10 organizations + 8 ghosts = 24: the bodies go, the holes stay
        v = tiny.view("coverage", AS_OF, max_nodes=24)
        assert v.aggregated and len(v.nodes) == 24 and len(ghosts(v)) == 8
        assert not any(n["id"].startswith("Body:") for n in v.nodes)

    def test_then_ghosts_fold_into_dashed_organizations(self, tiny):
        v = tiny.view("coverage", AS_OF, max_nodes=20)
        assert v.aggregated and len(v.nodes) == 16 and not ghosts(v)
        orgs = {n["id"].split(":")[1]: n for n in v.nodes if n["id"].startswith("Organization:")}
        marked = {o for o, n in orgs.items() if n.get("shapeProperties") == {"borderDashes": [5, 5]}}
        assert marked == {"O1", "O2", "O3", "O9", "O10"}
        assert "dashed border" in v.notes[0] and str(escape(GHOST_MARK.en)) in v.html

    def test_counts_per_region_when_organizations_fold(self, tiny):
        # regions to depth 1: R0 R1 R2 R5, 7 (region, status) counts and the missing bodies of R1 and R5
        v = tiny.view("coverage", AS_OF, max_nodes=13)
        counts = {n["id"]: n for n in v.nodes if n["id"].startswith("GhostCount:")}
        assert {k: n["label"] for k, n in counts.items()} == {"GhostCount:Region:R1": "2",
                                                               "GhostCount:Region:R5": "6"}
        r5 = counts["GhostCount:Region:R5"]
        assert r5["shapeProperties"] == {"borderDashes": [5, 5]} and r5["color"]["border"] == GHOST_COUNT.border
        assert "应建未建妇委会（妇工委） women's committee required, not built: 3" in r5["title"]
        assert "已建党组织未建妇女组织 party body built, no women's body: 3" in r5["title"]
        assert ("Region:R5", "GhostCount:Region:R5") in {(e["from"], e["to"]) for e in v.edges}
        assert str(escape(GHOST_COUNT.en)) in v.html and "counted per region" in v.notes[0]

    def test_one_count_at_the_root(self, tiny):
        v = tiny.view("coverage", AS_OF, max_nodes=10)
        assert len(v.nodes) <= 10
        assert {n["id"]: n["label"] for n in v.nodes if n["id"].startswith("GhostCount:")} == {"GhostCount:Region:R0": "8"}
        assert sum(int(n["label"]) for n in v.nodes if n["id"].startswith("Count:")) == 10


@pytest.mark.parametrize("name", ["beihu", "longyou"])
def test_samples_keep_every_missing_body(samples, name):
    net = samples(name)
    gaps = net.gaps(AS_OF)
    expected = gaps["rule"].isin(["committee_required", "liaison_required", "party_without_women"]).sum()
    v = net.view("coverage", AS_OF)
    shown = ghosts(v)
    assert len(v.nodes) <= 1500 and v.aggregated  # the bodies fold away; every hole stays drawn
    assert len(shown) == expected
    assert f"缺失的妇女组织 missing women&#39;s bodies: {expected:,}" in v.html
