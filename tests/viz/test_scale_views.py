"""Views never hand the browser more than ``max_nodes``, however large the dataset.

A generated dataset with several top regions (the scale profile has one county or district per
2,000 organizations and no province above them): even one count per top region and status is
too many for a small ``max_nodes``: the coverage view's screens each keep to it (the tiles and
organizations with most gaps first) and the diff view draws fewer top regions, and both say so.
"""

from __future__ import annotations

import pytest

import orgnet
from orgnet.generate import generate


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    out = tmp_path_factory.mktemp("scale")
    generate("scale", 7, out, orgs=10_000)
    return orgnet.load(out)


def test_coverage_view_starts_at_the_top_regions(province):
    """Several top regions: the first screen is their tiles; each county opens onto its townships (more
    than DRILL_ORGS organizations), each township onto its organizations."""
    from orgnet.viz.views.coverage import DRILL_ORGS

    roots = province.tables["regions"].query("parent_id.isna()")["id"].tolist()
    assert len(roots) >= 3
    view = province.view("coverage", "2012-06-30")
    assert [n["id"] for n in view.nodes] == [f"Region:{r}" for r in roots]
    assert view.scene.first_screen == "tiles:top"
    for tile in view.nodes:
        target = view.scene.screens[tile["orgnetDrill"]]
        assert target["kind"] == "tiles" and target["parent"] == "tiles:top"  # ~2,000 organizations each
        for sub in target["nodes"]:
            assert view.scene.screens[sub["orgnetDrill"]]["kind"] == "orgs"
            assert view.scene.screens[sub["orgnetDrill"]].get("orgs", 0) <= DRILL_ORGS or sub["id"].startswith("Own:")


def test_coverage_view_is_deterministic(province):
    view = province.view("coverage", "2012-06-30", max_nodes=10)
    again = province.view("coverage", "2012-06-30", max_nodes=10)
    assert view.html == again.html


@pytest.mark.parametrize("max_nodes", [10, 60, 400])
def test_no_view_exceeds_max_nodes(province, max_nodes):
    for kind, options in (("coverage", {}), ("overlaps", {}), ("diff", {"start": "2011-06-30"})):
        view = province.view(kind, "2012-06-30", max_nodes=max_nodes, **options)
        assert 0 < len(view.nodes) <= max_nodes, (kind, len(view.nodes))
        for key, screen in view.scene.screens.items():
            assert 0 < len(screen.get("nodes") or view.nodes) <= max_nodes, (key, len(screen["nodes"]))


def test_report_cards_add_up_over_several_top_regions(province):
    from orgnet.viz.report import cards, root_rows
    from orgnet.viz.style import words

    stats = province.stats("2012-06-30")
    root = root_rows(stats)
    assert root["region_id"].nunique() >= 3
    shown = {c["label"]: c for c in cards(root, "en")}
    age = shown[words("federation_cadres_avg_age", "en") + " *"]  # a people figure, added up: marked
    county = root[root["figure"] == "federation_cadres_avg_age"]
    num, den = int(county["numerator"].sum()), int(county["denominator"].sum())
    assert age["nd"] == f"of {den:,} people"  # how many it averages, not the sum of their ages
    assert float(age["value"]) == round(num / den, 1) and 20 < float(age["value"]) < 80
    assert age["people_summed"]
    assert not shown[words("two_new_orgs", "en")]["people_summed"]  # not a people figure: no mark


def test_report_says_people_figures_are_added_up_over_several_top_regions(province):
    from orgnet.figures import figure_label
    from orgnet.viz.report import report_html
    from orgnet.viz.style import words

    html = report_html(province.engine, "2012-06-30", lang="en", max_nodes=60)
    assert words("people_summed", "en") in html
    regions = province.tables["regions"]
    levels = set(regions.loc[regions["parent_id"].isna(), "level"])
    level = levels.pop() if len(levels) == 1 else None  # the cadres' label names the top regions' level
    assert figure_label("federation_cadres", "en", level) + " *" in html
