"""The ``coverage`` view: the region tree; organizations coloured by coverage status around their
region; their party, women's, union and youth bodies around them.

Each gap row of ``committee_required``, ``liaison_required`` and ``party_without_women`` also draws a
*ghost*: a dashed, faded node on its organization for the women's body the rule requires and the
organization lacks, so the hole shows as a hole. A body without a head (``vacant_head``) is drawn
with a thick dashed border instead.
"""

from __future__ import annotations

import pandas as pd

from ..data import Subgraph, subgraph
from ..scene import Draw, Scene, ViewRequest, start_scene, tree_view
from ..style import words

#: Body systems drawn in the coverage view (administrative bodies only in region and ego views).
COVERAGE_SYSTEMS = ("party", "women", "union", "youth")


def coverage_scene(engine, request: ViewRequest) -> Scene:
    """The coverage view of ``request.as_of``.

    People only matter when every body is drawn (their tooltips name the holders), so the subgraph
    is read without them first, and again with them only when the view is drawn to its bodies.
    """
    gaps = engine.answer("gaps", as_of=request.as_of, rules=request.rules)
    scene = draw_coverage(subgraph(engine, request.as_of, people=False), gaps, request)
    if scene.detail != "bodies":
        return scene
    return draw_coverage(subgraph(engine, request.as_of), gaps, request)


def draw_coverage(sub: Subgraph, gaps: pd.DataFrame, request: ViewRequest) -> Scene:
    """The coverage view of one subgraph."""
    draw, scene, _ = start_scene(sub, gaps, "coverage", request)
    coverage_view(draw, scene, request.max_nodes, request.ghosts)
    return scene


def coverage_view(draw: Draw, scene: Scene, max_nodes: int, ghosts: bool = True) -> None:
    """Title the scene and draw the tree under the top regions."""
    tops = draw.sub.roots()
    names = "、".join(draw.sub.node(t)["name"] for t in tops)
    scene.title = f"{words('coverage_title')} — {names}"
    tree_view(draw, scene, tops, COVERAGE_SYSTEMS, ["bodies", "orgs"], max_nodes, ("box", "box", "dot"), ghosts)
