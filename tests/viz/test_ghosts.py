"""Ghosts in the coverage view: one dashed node for each women's body an organization lacks.

Worked by hand on tests/data/tiny at 2012-06-30 (tests/expected_tiny.GAPS): committee_required O1 O2 O9
O10, liaison_required O3, party_without_women O1 O2 O10 — 8 gap rows of the three rules, on 5
organizations, each lacking one women's body: 5 ghosts (O1, O2 and O10 lack one committee, which closes
both their rows). vacant_head B11 (organ committee of O7) and B20 (park committee, region-level): no ghost.
"""

from __future__ import annotations

import pytest
from markupsafe import escape

from orgnet.viz.style import DASHES, GHOST_ONE
from tests.expected_tiny import GAPS
from tests.viz.conftest import AS_OF

GHOSTLY = ("committee_required", "liaison_required", "party_without_women")
GHOST_ROWS = [(org, rule) for org, rule in GAPS if rule in GHOSTLY]
MISSING = {"O1": ["committee_required", "party_without_women"], "O2": ["committee_required", "party_without_women"],
           "O9": ["committee_required"], "O10": ["committee_required", "party_without_women"],
           "O3": ["liaison_required"]}


def ghosts(v) -> dict[str, dict]:
    """Every ghost node on every screen of the view."""
    out = {n["id"]: n for n in v.nodes if n["id"].startswith("Ghost:")}
    for screen in v.scene.screens.values():
        out |= {n["id"]: n for n in screen.get("nodes") or () if n["id"].startswith("Ghost:")}
    return out


def test_one_ghost_per_missing_body_not_per_gap_row(tiny):
    found = ghosts(tiny.view("coverage", AS_OF))
    assert len(GHOST_ROWS) == 8 and len(found) == 5
    assert set(found) == {f"Ghost:Organization:{org}" for org in MISSING}
    assert {k.split(":")[-1]: n["orgnetRules"] for k, n in found.items()} == MISSING
    gaps = tiny.gaps(AS_OF)
    assert len(found) == gaps.loc[gaps["rule"].isin(GHOSTLY), "org_id"].nunique()


def test_ghosts_are_dashed_and_sit_on_their_organization(tiny):
    v = tiny.view("coverage", AS_OF)
    groups = v.network.options["groups"]
    assert groups["ghost"]["shapeProperties"] == {"borderDashes": [5, 5]} and DASHES == [5, 5]
    assert groups["ghost"]["color"]["border"] == GHOST_ONE.border
    assert groups["ghost"]["color"]["hover"] == {"background": GHOST_ONE.color, "border": GHOST_ONE.border}
    for screen in v.scene.screens.values():
        nodes = {n["id"]: n for n in screen.get("nodes") or ()}
        for node in (n for n in nodes.values() if n["id"].startswith("Ghost:")):
            org = nodes[node["id"].removeprefix("Ghost:")]
            assert node["group"] == "ghost"
            assert abs(node["x"] - org["x"]) < 25 and abs(node["y"] - org["y"]) < 25  # at its shoulder


def test_ghost_tooltip_names_every_rule_it_closes(tiny):
    o1 = ghosts(tiny.view("coverage", AS_OF))["Ghost:Organization:O1"]["title"]
    assert "应建未建妇委会（妇工委）" in o1 and "已建党组织未建妇女组织" in o1
    assert "closes: committee_required, party_without_women" in o1


def test_vacant_heads_are_not_ghosted(tiny):
    assert not any(k.endswith(("O7", "B11", "B20")) for k in ghosts(tiny.view("coverage", AS_OF)))


def test_legend_and_header(tiny):
    v = tiny.view("coverage", AS_OF)
    assert str(escape(GHOST_ONE.zh)) in v.html and str(escape(GHOST_ONE.en)) in v.html
    counts = {c["id"]: c["value"] for c in v.scene.counts}
    assert counts["count-missing"] == 5 and counts["count-rows"] == len(tiny.gaps(AS_OF))
    assert 'id="count-missing" data-value="5"' in v.html
    assert "missing women&#39;s bodies (once per organization)" in v.html


def test_no_ghosts_option(tiny):
    without = tiny.view("coverage", AS_OF, ghosts=False)
    assert not ghosts(without)
    assert str(escape(GHOST_ONE.zh)) not in without.html


def test_budget_keeps_regions_and_organizations_with_a_gap_first(samples):
    """At --max-nodes 10 on Beihu (19 tiles under 北湖区, townships of 20 to 60 organizations): every
    screen keeps to 10 nodes, the tiles and organizations with most gaps first, and says what is left out."""
    net = samples("beihu")
    v = net.view("coverage", AS_OF, max_nodes=10)
    assert len(v.nodes) == 10 and v.notes and "more regions left out" in v.notes[0]
    gapped = set(net.gaps(AS_OF).org_id)
    cut = 0
    for screen in v.scene.screens.values():
        nodes = screen.get("nodes") or v.nodes
        assert len(nodes) <= 10
        if screen["kind"] == "orgs" and screen["notes"]:
            cut += 1
            assert "more organizations not drawn" in str(screen["notes"][0])
            assert all(n["id"].split(":")[1] in gapped for n in nodes if n["id"].startswith("Organization:"))
    assert cut


@pytest.mark.parametrize("name", ["beihu", "longyou"])
def test_samples_one_ghost_per_organization_missing_a_body(samples, name):
    net = samples(name)
    gaps = net.gaps(AS_OF)
    expected = gaps.loc[gaps["rule"].isin(GHOSTLY), "org_id"].nunique()
    v = net.view("coverage", AS_OF)
    assert len(ghosts(v)) == expected
    assert f'id="count-missing" data-value="{expected}"' in v.html
