"""Both engines give identical DataFrames for every analysis and every fact: the tiny dataset under
several rule settings, and the two calibrated samples at several days."""

from __future__ import annotations

import pandas as pd
import pytest

from orgnet.analyses import ANALYSES, finish
from orgnet.results import figure_value
from orgnet.rules import Rules
from tests.conftest import IN_CI, SAMPLES, TINY
from tests.figures_data import figures_dataset

pytestmark = pytest.mark.neo4j

DAYS = ["2010-06-30", "2012-06-30", "2012-12-31"]
YEARS = [2010, 2011, 2012]
#: Every engine analysis and fact of the registry that is asked about a day, and the names of its arguments.
DAY_ANALYSES = [name for name, a in ANALYSES.items() if a.kind != "derived" and "as_of" in a.args]


def assert_same(networkx_engine, neo4j_engine, analysis: str, *args) -> None:
    """The analysis's answer on both engines, its arguments given in the registry's order."""
    named = {k: v for k, v in zip(ANALYSES[analysis].args, args)}
    expected = networkx_engine.answer(analysis, **named)
    got = neo4j_engine.answer(analysis, **named)
    pd.testing.assert_frame_equal(got, expected, obj=f"{analysis}{args}")


def test_every_engine_analysis_is_compared():
    """The tests below cover the whole registry: a new analysis or fact is compared without a new test."""
    covered = set(DAY_ANALYSES) | {"liaison_check", "regions", "people", "events"}
    assert covered == {name for name, a in ANALYSES.items() if a.kind != "derived"}


@pytest.fixture(params=list(SAMPLES), scope="module")
def sample(request):
    path = SAMPLES[request.param]
    if not path.is_dir():
        message = f"{path} not generated yet (orgnet generate --profile {request.param} {path})"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.mark.parametrize("analysis", DAY_ANALYSES)
@pytest.mark.parametrize("day", DAYS)
def test_samples_agree(sample, day, analysis, networkx_engines, neo4j_engine):
    assert_same(networkx_engines(sample), neo4j_engine(sample), analysis, day, Rules())


@pytest.mark.parametrize("day", DAYS)
def test_stats_whole_query_gives_the_engines_rows(sample, day, neo4j_engine):
    """``stats.cypher`` as an analyst runs it (``orgnet query stats``, the Browser) gives the rows
    the engine assembles from its parts run side by side."""
    engine = neo4j_engine(sample)
    rows = engine.run("stats", Rules(), as_of=day)
    for row in rows:
        row["value"] = figure_value(row["unit"], row["numerator"], row["denominator"])
    assert len(rows) > 0
    pd.testing.assert_frame_equal(finish("stats", rows), engine.answer("stats", as_of=day, rules=Rules()))


@pytest.mark.parametrize("year", YEARS)
def test_samples_agree_on_liaisons(sample, year, networkx_engines, neo4j_engine):
    assert_same(networkx_engines(sample), neo4j_engine(sample), "liaison_check", year, Rules())


@pytest.mark.parametrize("day", DAYS)
def test_samples_agree_on_events(sample, day, networkx_engines, neo4j_engine):
    assert_same(networkx_engines(sample), neo4j_engine(sample), "events", "2010-01-01", day)


def test_samples_agree_on_timeless_facts(sample, networkx_engines, neo4j_engine):
    for fact in ("regions", "people"):
        assert_same(networkx_engines(sample), neo4j_engine(sample), fact)
    assert_same(networkx_engines(sample), neo4j_engine(sample), "events", "1900-01-01", "2100-01-01")


RULE_SETTINGS = {
    "defaults": Rules(),
    "strict": Rules(committee_min_female=50, liaison_min_female=10, committee_types=("work_committee",),
                    min_posts=3, nameplate_jaccard=0.9, links_min=2, links_max=2, visits_per_year=3,
                    grade_order=("weak", "excellent", "none"), plan_first_grades=("weak", "excellent"),
                    stats_levels=("county", "village"),
                    cadre_federation_levels=("township",)),
    "loose": Rules(committee_min_female=1, liaison_min_female=0, min_posts=1, nameplate_jaccard=0.0,
                   links_min=0, links_max=9, visits_per_year=0),
    "cross": Rules(overlap_lens="cross", sanctioned=("congress_chair_in_two_committees", "two_new_one_team")),
    "all_unsanctioned": Rules(overlap_lens="all", sanctioned=(), min_posts=1, nameplate_jaccard=0.0),
}


@pytest.mark.parametrize("analysis", DAY_ANALYSES)
@pytest.mark.parametrize("rules", list(RULE_SETTINGS))
@pytest.mark.parametrize("day", ["2009-06-30", "2011-01-01", "2012-06-30", "2013-06-30"])
def test_tiny_agrees_under_other_rules(day, rules, analysis, networkx_engines, neo4j_engine):
    assert_same(networkx_engines(TINY), neo4j_engine(TINY), analysis, day, RULE_SETTINGS[rules])


@pytest.mark.parametrize("rules", list(RULE_SETTINGS))
def test_tiny_liaisons_agree_under_other_rules(rules, networkx_engines, neo4j_engine):
    for year in (2010, 2011, 2012, 2013):
        assert_same(networkx_engines(TINY), neo4j_engine(TINY), "liaison_check", year, RULE_SETTINGS[rules])


@pytest.fixture(scope="module")
def figures_tiny(tmp_path_factory):
    """tiny plus the rows that tell the figures' definitions apart (tests/figures_data.py)."""
    return figures_dataset(tmp_path_factory.mktemp("figures") / "tiny")


@pytest.mark.parametrize("rules", ["defaults", "strict"])
@pytest.mark.parametrize("day", ["2009-06-30", "2012-06-30"])
def test_figures_rows_agree(figures_tiny, day, rules, networkx_engines, neo4j_engine):
    """The stats of issue 18's definitions (two committees, 执委, 组织/工作覆盖) on both engines."""
    assert_same(networkx_engines(figures_tiny), neo4j_engine(figures_tiny), "stats", day, RULE_SETTINGS[rules])
