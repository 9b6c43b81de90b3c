"""The ``region`` view: one region's whole network — its sub-regions, organizations, bodies of every
system and their post holders."""

from __future__ import annotations

from ...errors import InputError
from ..data import subgraph
from ..scene import Draw, Scene, ViewRequest, start_scene, tree_view
from ..style import SYSTEM, words


def region_scene(engine, request: ViewRequest) -> Scene:
    """The region view of ``request.region`` on ``request.as_of``.

    Raises
    ------
    InputError
        No ``--region``, or one not in the data.
    """
    gaps = engine.answer("gaps", as_of=request.as_of, rules=request.rules)
    sub = subgraph(engine, request.as_of)
    if request.region is None:
        raise InputError("the region view needs --region ID")
    draw, scene, center = start_scene(sub, gaps, "region", request, sub.find("Region", request.region))
    region_view(draw, scene, center, request.max_nodes)
    return scene


def region_view(draw: Draw, scene: Scene, region: str, max_nodes: int) -> None:
    """Title the scene and draw the tree under ``region``."""
    a = draw.sub.node(region)
    scene.title = f"{words('region_title')} — {a['name']} ({a['id']})"
    tree_view(draw, scene, [region], tuple(SYSTEM), ["people", "bodies", "orgs"], max_nodes, ("box", "text", "dot"))
