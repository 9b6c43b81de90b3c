"""The figure table of data/README.md (``orgnet.generate.figures``): up to date with the committed
samples, every input exact and every outcome within its stated tolerance of the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgnet.generate import figures
from orgnet.generate.figures import GROUPS, REPORT_FIGURES, Figure

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def samples() -> dict[str, dict]:
    return {profile: figures.sample_figures(DATA / profile) for profile in ("beihu", "longyou")}


def test_the_readme_table_is_up_to_date():
    readme = DATA / "README.md"
    assert figures.rewrite(readme, figures.table(DATA)) == readme.read_text(encoding="utf-8"), (
        "data/README.md's figure table is stale: run python -m orgnet.generate.figures data/README.md")


def _cases():
    for f in REPORT_FIGURES:
        yield pytest.param(f, id=f"{f.profile}-{f.figure}")


@pytest.mark.parametrize("figure", list(_cases()))
def test_inputs_exact_outcomes_within_tolerance(figure: Figure, samples):
    _, _, value = samples[figure.profile][figure.figure]
    assert figure.within(value), (figure.report, figure.value, value, figure.kind, figure.tolerance)


def test_every_report_figure_once_and_the_outcomes_have_a_tolerance_inputs_none():
    keys = [(f.profile, f.figure) for f in REPORT_FIGURES]
    assert len(keys) == len(set(keys))
    assert {f.kind for f in REPORT_FIGURES} == {"input", "outcome"}
    assert all(f.tolerance == 0 for f in REPORT_FIGURES if f.kind == "input")
    assert all(f.tolerance > 0 for f in REPORT_FIGURES if f.kind == "outcome" and f.value != 100.0)
    shares = [f for f in REPORT_FIGURES if f.figure.endswith(("_share", "_coverage"))]
    assert shares and all(f.kind == "outcome" for f in shares)  # no rate is made to measure


def test_within_and_the_groups_count():
    outcome = Figure("beihu", "two_new_coverage", "44.3%", 44.3, "outcome", 8.0, "")
    assert outcome.within(36.3) and outcome.within(52.3) and not outcome.within(52.4)
    count = Figure("beihu", "federation_cadres", "58人", 58, "input", 0.0, "")
    assert count.within(58) and not count.within(57)
    hand = figures.sample_figures(Path(__file__).parent / "data" / "two_committees")  # see its README
    assert hand[GROUPS] == (1, None, 1.0) and hand["two_new_orgs"][0] == 3


def test_rewrite_keeps_what_is_around_the_markers_and_refuses_a_file_without_them(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"before\n{figures.BEGIN}\nold\n{figures.END}\nafter\n", encoding="utf-8")
    assert figures.rewrite(readme, "| new |\n") == f"before\n{figures.BEGIN}\n| new |\n{figures.END}\nafter\n"
    readme.write_text("no markers\n", encoding="utf-8")
    with pytest.raises(ValueError, match="markers"):
        figures.rewrite(readme, "x")


def test_main_checks_and_rewrites(tmp_path, capsys):
    assert figures.main(["--check", str(DATA / "README.md")]) == 0
    assert figures.main([]) == 2
