"""The ``stats`` figures read as the reports mean them (issue 18), each against counts worked out by
hand on the tiny dataset plus the rows of tests/figures_data.py (a residents' committee, a
congress-only and a federation-only woman, an executive-only federation member, a women's group),
on every engine and the oracle; the written definitions (docs/FIGURES.md) and the half-up rounding."""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import pytest
from typer.testing import CliRunner

from orgnet.api import load_dataset
from orgnet.cli import app
from orgnet.figures import FIGURES, figure_label, figures_markdown
from orgnet.results import figure_value
from orgnet.rules import Rules
from tests import expected_tiny as X
from tests.conftest import ROOT, TINY, engine_on
from tests.figures_data import figures_dataset
from tests.oracle import GraphWalk, shown_value

ENGINES = ["networkx", "graph-walk", "oracle", pytest.param("neo4j", marks=pytest.mark.neo4j)]


@pytest.fixture(scope="module")
def figures_tiny(tmp_path_factory) -> object:
    return figures_dataset(tmp_path_factory.mktemp("figures") / "tiny")


@pytest.fixture(scope="module")
def oracle_stats(figures_tiny):
    return GraphWalk(load_dataset(figures_tiny)).stats(X.AS_OF, Rules())


@pytest.fixture(params=ENGINES)
def stats(request, oracle_stats, figures_tiny):
    if request.param == "oracle":
        frame = oracle_stats
    else:
        frame = engine_on(request, request.param, figures_tiny).answer("stats", as_of=X.AS_OF, rules=Rules())
    return frame.set_index(["region_id", "figure"])


def counts(stats, region: str, figure: str) -> tuple:
    row = stats.loc[(region, figure)]
    return int(row.numerator), None if pd.isna(row.denominator) else int(row.denominator), float(row.value)


def test_village_cadres_are_the_two_committees(stats):
    """村干部: O5's B6/B7 {P1 F, P2 M} and O32's B44 {P44 M}, B45 {P45 M}; P46 F chairs O32's
    congress only and is no 村干部 (every village body would give 2/5)."""
    assert counts(stats, "R0", "village_women_share") == (1, 4, 25.0)
    assert counts(stats, "R1", "village_women_share") == (1, 4, 25.0)


def test_community_cadres_are_party_body_and_residents_committee(stats):
    """居干部: O6's B9 {P4 F, P17 M}, O31's party branch B41 {P41 F} and residents' committee B42
    {P42 M}; P43 F holds only O31's federation B43 (every body: 3/5; no residents' committee: 2/3)."""
    assert counts(stats, "R0", "community_women_share") == (2, 4, 50.0)
    assert counts(stats, "R2", "community_women_share") == (2, 4, 50.0)


def test_executive_only_members_are_not_federation_cadres(stats):
    """P47's only post is 执委 of B13: not a cadre. P6 (执委 of B14, member of B12) and P7 (执委 of
    B14, chair of B12) are. R2: B13's chair P8 (born 1989) alone."""
    assert counts(stats, "R0", "federation_cadres") == (4, None, 4.0)
    assert counts(stats, "R2", "federation_cadres") == (1, None, 1.0)
    assert counts(stats, "R2", "federation_cadres_avg_age") == (23, 1, 23.0)
    assert counts(stats, "R0", "federation_cadres.bachelor") == (1, None, 1.0)  # P6; P47 would be a second


def test_organization_coverage_apart_from_work_coverage(stats):
    """O4 has only a liaison officer (B5): 工作覆盖, not 组织覆盖. O8 has a committee (B4): both."""
    assert counts(stats, "R0", "two_new_coverage") == (1, 7, 14.3)
    assert counts(stats, "R0", "two_new_work_coverage") == (2, 7, 28.6)
    assert counts(stats, "R2", "two_new_coverage") == (0, 1, 0.0)
    assert counts(stats, "R2", "two_new_work_coverage") == (1, 1, 100.0)


def test_womens_groups_are_not_two_new(stats):
    """O33, a women's leaders' association (social_org, 40 women, two_new = false), is in neither
    two-new figure; the seven two-new organizations stay seven, five with 30 or more women."""
    assert counts(stats, "R0", "two_new_orgs") == (7, None, 7.0)
    assert counts(stats, "R0", "two_new_30plus") == (5, None, 5.0)


def test_congress_chairs_in_the_two_committees(stats):
    """B8's chair P1 sits in B6 and B7; B46's chair P46 in neither."""
    assert counts(stats, "R0", "congress_chairs_in_two_committees") == (1, 2, 50.0)


def test_average_age_rounds_half_up(stats):
    """Cadres P5 1978, P6 1982, P7 1990, P8 1989: ages 34 + 30 + 22 + 23 = 109 over 4 = 27.25: shown
    27.3 (Python's round gives 27.2)."""
    assert counts(stats, "R0", "federation_cadres_avg_age") == (109, 4, 27.3)
    assert round(109 / 4, 1) == 27.2  # what the old rounding showed


@pytest.mark.parametrize("numerator, denominator, unit, shown", [
    (9, 16, "percent", 56.3), (1, 16, "percent", 6.3), (7, 16, "percent", 43.8), (1, 8, "percent", 12.5),
    (167, 377, "percent", 44.3), (2, 7, "percent", 28.6), (1, 3, "percent", 33.3), (2, 3, "percent", 66.7),
    (109, 4, "years", 27.3), (5, 4, "years", 1.3), (2146, 58, "years", 37.0), (0, 5, "percent", 0.0),
])
def test_percentages_round_half_up(numerator, denominator, unit, shown):
    assert figure_value(unit, numerator, denominator) == shown
    assert shown_value(unit, numerator, denominator) == shown


def test_rounding_agrees_with_the_oracle_everywhere():
    """orgnet's integer rounding and the oracle's decimal one, over every fraction up to 200."""
    for d in range(1, 201):
        for n in range(0, d + 1):
            assert figure_value("percent", n, d) == shown_value("percent", n, d), (n, d)
            exact = Fraction(1000 * n, d)  # tenths of a percent
            assert figure_value("percent", n, d) * 10 == pytest.approx(int(exact + Fraction(1, 2)))


def test_figures_doc_is_generated():
    text = (ROOT / "docs" / "FIGURES.md").read_text(encoding="utf-8")
    assert text == figures_markdown(), "run: orgnet schema --figures > docs/FIGURES.md"


def test_schema_figures_prints_the_doc():
    result = CliRunner().invoke(app, ["schema", "--figures"])
    assert result.exit_code == 0, result.output
    assert result.stdout == figures_markdown()
    assert "“全区“两新”组织中妇女组织组建率已达到44.3%”" in result.stdout


def test_every_figure_is_defined():
    """Each figure says what it counts; a rate says over what; a figure the reports do not give
    says what orgnet assumes."""
    for name, f in FIGURES.items():
        assert f.unit in ("count", "percent", "years") and f.zh and f.en and f.numerator, name
        assert bool(f.denominator) == (f.unit != "count"), name
        assert f.phrase or f.assumes, name
        assert f"## `{name}` — {f.zh}" in figures_markdown()


def test_labels_in_the_reports_words():
    assert figure_label("two_new_coverage") == "“两新”组织妇女组织组建率"
    assert figure_label("two_new_30plus_committee") == "其中已建妇委会（妇工委）比例"
    assert figure_label("two_new_30plus") == "女性固定职工30人以上的“两新”组织"
    assert figure_label("women_bodies.federation") == "各级妇联（区、乡镇街道、社区）"
    assert figure_label("women_bodies.congress") == "村妇代会"
    assert figure_label("demo_points") == "“党建带妇建”工作示范点"
    assert figure_label("federation_cadres", "zh", "county") == "县乡两级妇联干部"
    assert figure_label("federation_cadres", "zh", "district") == "区乡两级妇联干部"


def test_tiny_itself():
    """On tiny alone (no added rows) the women's shares are 1/2 and 1/2 and the cadres 4: the rows
    of tests/figures_data.py are what tells the definitions apart."""
    frame = GraphWalk(load_dataset(TINY)).stats(X.AS_OF, Rules()).set_index(["region_id", "figure"])
    assert counts(frame, "R0", "village_women_share") == (1, 2, 50.0)
    assert counts(frame, "R0", "federation_cadres_avg_age") == (110, 4, 27.5)


def test_report_card_names_the_levels_by_the_county(tmp_path):
    """tiny's root 测试县 is a county: its card reads 县乡两级, never 区乡两级."""
    import orgnet
    from orgnet.viz.report import write_report

    page = write_report(orgnet.load(TINY).engine, tmp_path / "r.html", X.AS_OF).read_text(encoding="utf-8")
    assert "县乡两级妇联干部" in page and "区乡两级" not in page
    assert "“两新”组织妇女组织组建率" in page and "“两新”组织妇女工作覆盖率" in page
