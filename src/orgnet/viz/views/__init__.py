"""The network views, one module each, and ``VIEWS``: each view's name → the function that builds it.

* ``coverage`` — one region level at a time: region tiles sized by organizations and filled by
  coverage, a click opens a region's organizations in their status colours, one ghost per missing
  women's body (``views.coverage``).
* ``overlaps`` — the people ``overlaps`` lists (its lens and ``min_posts``), the top ``top`` by posts,
  one row each: her bodies grouped by organization, coloured by system, sanctioned posts marked
  (``views.overlaps``).
* ``ego`` — one person's or one organization's neighbourhood to depth 2 (posts, bodies, employers,
  liaison links) (``views.ego``).
* ``region`` — one region's whole network: its sub-regions, organizations, bodies and post holders
  (``views.region``).
* ``diff`` — the network on the later of two days, coloured by what changed in between
  (``views.diff``).

A builder takes an engine and a ``ViewRequest`` and returns a ``Scene`` (``orgnet.viz.scene``).
Each view is built at full detail when it fits ``max_nodes``; otherwise it folds detail away until it
fits, and says so in ``Scene.notes``.

>>> list(VIEWS)
['coverage', 'overlaps', 'ego', 'region', 'diff']
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ...errors import InputError
from ...rules import Rules
from ..scene import DEFAULT_MAX_NODES, DEFAULT_MIN_POSTS, Scene, ViewRequest
from .coverage import coverage_scene
from .diff import diff_scene
from .ego import ego_scene
from .overlaps import overlaps_scene
from .region import region_scene

#: What builds a view: an engine and the request → the scene to draw.
Builder = Callable[[object, ViewRequest], Scene]

#: Each view's name → its builder (the names ``orgnet viz --view`` offers).
VIEWS: dict[str, Builder] = {
    "coverage": coverage_scene,
    "overlaps": overlaps_scene,
    "ego": ego_scene,
    "region": region_scene,
    "diff": diff_scene,
}

__all__ = ["VIEWS", "Builder", "DEFAULT_MAX_NODES", "DEFAULT_MIN_POSTS", "Scene", "ViewRequest", "build_scene"]


def build_scene(engine, kind: str, as_of: date, rules: Rules | None = None, *, person: str | None = None,
                org: str | None = None, region: str | None = None, min_posts: int | None = None,
                max_nodes: int = DEFAULT_MAX_NODES, redact: bool = False, source: str = "", ghosts: bool = True,
                start: date | None = None, top: int = 50, lens: str | None = None) -> Scene:
    """Build one view from any engine's analyses plus its ``subgraph``, through ``VIEWS``.

    ``ghosts`` draws the coverage view's missing bodies; ``start`` is the diff view's earlier day
    (``as_of`` its later one); ``top`` the overlaps view's number of people, ``lens`` its lens
    (``Rules.overlap_lens``: load, cross, all; the rules' when None). In the overlaps view
    ``min_posts`` filters as the ``overlaps`` analysis does; elsewhere it is the standout threshold.

    Raises
    ------
    InputError
        An unknown view, a missing or unknown ``--person``/``--org``/``--region``, a bad limit.
    """
    rules = (rules or Rules()).with_overrides(overlap_lens=lens)
    filter_posts = min_posts
    min_posts = DEFAULT_MIN_POSTS if min_posts is None else min_posts
    if kind not in VIEWS:
        raise InputError(f"view {kind!r}: expected one of {', '.join(VIEWS)}")
    if max_nodes < 10:
        raise InputError(f"--max-nodes {max_nodes}: expected at least 10")
    if min_posts < 1:
        raise InputError(f"--min-posts {min_posts}: expected at least 1")
    if top < 1:
        raise InputError(f"--top {top}: expected at least 1")
    request = ViewRequest(as_of, rules, source=source, max_nodes=max_nodes, min_posts=min_posts, redact=redact,
                          person=person, org=org, region=region, ghosts=ghosts, start=start, top=top,
                          filter_posts=filter_posts)
    return VIEWS[kind](engine, request)
