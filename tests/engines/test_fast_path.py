"""The fast path (table joins) gives exactly the graph walk's answers, on the sample datasets.

The networkx engine answers from ``orgnet.engines.coded`` tables; ``tests/oracle.py``'s ``GraphWalk``
walks a networkx graph of its own node by node, as the rules read, sharing no code with the engine.
Every analysis and every fact of the registry, on both samples, at dates before,
at and after the report's day, and under non-default rules: identical DataFrames (values, dtypes,
row order).
"""

from __future__ import annotations

import pandas as pd
import pytest

from orgnet.analyses import ANALYSES
from orgnet.rules import Rules
from tests.conftest import SAMPLES, TINY

DATASETS = {"tiny": TINY, **SAMPLES}
#: The datasets whose answers are compared: those, and the build order's hand-made fixture.
ANSWERED = {**DATASETS, "plan": TINY.parent / "plan"}
DAYS = ("2009-06-30", "2012-06-30", "2013-12-31")
RULES = {
    "default": Rules(),
    "strict": Rules(committee_min_female=10, liaison_min_female=3, min_posts=3, nameplate_jaccard=0.3,
                    committee_types=("committee",), plan_first_grades=("unrated", "weak"), stats_levels=("county", "district", "township", "street",
                                                                   "park", "community", "village")),
    "loose": Rules(min_posts=1, nameplate_jaccard=0.0),
}


#: How each argument an analysis takes is set for one day of the comparison.
ARGS = {"as_of": lambda day: day, "year": lambda day: int(day[:4]), "start": lambda day: "2008-01-01",
        "end": lambda day: day}


def answers(engine, day: str, rules: Rules) -> dict[str, pd.DataFrame]:
    """Every engine analysis and fact in the registry, on one day under one set of rules."""
    out = {}
    for name, record in ANALYSES.items():
        if record.kind != "derived":
            out[name] = engine.answer(name, **{k: rules if k == "rules" else ARGS[k](day) for k in record.args})
    return out


@pytest.mark.parametrize("rules", list(RULES), ids=list(RULES))
@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("dataset", list(ANSWERED))
def test_fast_path_equals_graph_walk(dataset, day, rules, networkx_engines, graph_walk_engines):
    fast = answers(networkx_engines(ANSWERED[dataset]), day, RULES[rules])
    walk = answers(graph_walk_engines(ANSWERED[dataset]), day, RULES[rules])
    for name, frame in walk.items():
        pd.testing.assert_frame_equal(fast[name], frame, obj=f"{dataset} {name} on {day}")
    assert len(walk["gaps"]) and len(walk["stats"])  # the comparison is not between empty frames


def test_the_fast_path_builds_no_graph():
    from orgnet.api import load_dataset
    from orgnet.engines.networkx import NetworkxEngine

    engine = NetworkxEngine(load_dataset(SAMPLES["beihu"]))
    answers(engine, "2012-06-30", Rules())
    engine.subgraph(pd.Timestamp("2012-06-30").date())
    assert engine._graph is None


@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("dataset", list(DATASETS))
def test_views_read_the_same_subgraph_from_the_tables(dataset, day, networkx_engines):
    """What the views draw: the tables' subgraph is the graph's, row for row, in the same order."""
    from datetime import date

    from orgnet.viz.data import conform_edges, conform_nodes, networkx_subgraph

    engine = networkx_engines(DATASETS[dataset])
    nodes, edges = engine.subgraph(date.fromisoformat(day))
    graph_nodes, graph_edges = networkx_subgraph(engine.graph, date.fromisoformat(day))
    pd.testing.assert_frame_equal(conform_nodes(nodes), conform_nodes(graph_nodes))
    for kind in ("PART_OF", "LOCATED_IN", "BELONGS_TO", "HOLDS", "WORKS_AT", "LIAISES_WITH"):
        mine, theirs = (e[e["type"] == kind].reset_index(drop=True) for e in map(conform_edges, (edges, graph_edges)))
        pd.testing.assert_frame_equal(mine, theirs, obj=f"{kind} edges")
    assert (conform_edges(edges)["type"] == "HOLDS").sum() > 0


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_post_load_counts_what_overlaps_counts(dataset, networkx_engines):
    engine = networkx_engines(DATASETS[dataset])
    frame = engine.answer("overlaps", as_of="2012-06-30", rules=Rules(min_posts=1, overlap_lens="all"))
    counts = engine.answer("post_load", as_of="2012-06-30")
    assert dict(zip(counts.person_id, counts.posts.astype(int))) == dict(zip(frame.person_id, frame.posts.astype(int)))
