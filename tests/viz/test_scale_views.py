"""Views never hand the browser more than ``max_nodes``, however large the dataset.

A generated dataset with several top regions (the scale profile has one county or district per
2,000 organizations and no province above them): even one count per top region and status is
too many for a small ``max_nodes``, so the coverage view draws the top regions alone (most gaps
first) and the diff view draws fewer top regions, and both say so.
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


def test_coverage_view_falls_back_to_the_top_regions(province):
    roots = province.tables["regions"]["parent_id"].isna().sum()
    assert roots >= 3
    view = province.view("coverage", "2012-06-30", max_nodes=10)
    assert len(view.nodes) <= 10
    assert {n["id"].split(":")[0] for n in view.nodes} == {"Region"}
    assert len(view.nodes) == min(roots, 10)
    assert view.aggregated and "only the top regions are drawn" in view.html
    assert all("组织 organizations:" in n["title"] for n in view.nodes)  # the statuses are in the tooltips


def test_coverage_view_fallback_is_deterministic(province):
    view = province.view("coverage", "2012-06-30", max_nodes=10)
    one = province.view("coverage", "2012-06-30", max_nodes=10).nodes
    assert [n["id"] for n in view.nodes] == [n["id"] for n in one]  # deterministic


@pytest.mark.parametrize("max_nodes", [10, 60, 400])
def test_no_view_exceeds_max_nodes(province, max_nodes):
    for kind, options in (("coverage", {}), ("overlaps", {}), ("diff", {"start": "2011-06-30"})):
        view = province.view(kind, "2012-06-30", max_nodes=max_nodes, **options)
        assert 0 < len(view.nodes) <= max_nodes, (kind, len(view.nodes))


def test_report_cards_add_up_over_several_top_regions(province):
    from orgnet.viz.report import cards, root_rows
    from orgnet.viz.style import words

    stats = province.stats("2012-06-30")
    root = root_rows(stats)
    assert root["region_id"].nunique() >= 3
    shown = {c["label"]: c for c in cards(root, "en")}
    age = shown[words("federation_cadres_avg_age", "en") + " *"]  # a people figure, added up: marked
    num, den = (int(x.replace(",", "")) for x in age["nd"].split(" / "))
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
