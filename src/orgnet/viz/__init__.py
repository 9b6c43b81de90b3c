"""Pictures of the network: interactive views (pyvis / vis-network), charts (matplotlib), the report.

Everything here reads an engine only through its analyses (``gaps``, ``overlaps``, ``stats``,
``plan``) and ``orgnet.viz.data.subgraph``, so it draws the same pictures on every engine.

Examples
--------
>>> import orgnet
>>> net = orgnet.load("tests/data/tiny")
>>> v = view(net.engine, "coverage", "2012-06-30")
>>> v.kind, [n["id"] for n in v.nodes][:2], "Organization:O1" in {n["id"] for n in v.scene.screens["orgs:Region:R5"]["nodes"]}
('coverage', ['Region:R1', 'Region:R2'], True)
"""

from __future__ import annotations

from datetime import date

from ..dataset import as_timestamp
from ..errors import InputError
from ..rules import Rules
from .page import View, render
from .views import DEFAULT_MAX_NODES, VIEWS, build_scene

__all__ = ["View", "view", "VIEWS", "DEFAULT_MAX_NODES"]


def view(engine, kind: str = "coverage", as_of: date | str | None = None, rules: Rules | None = None, *,
         person: str | None = None, org: str | None = None, region: str | None = None,
         min_posts: int | None = None, max_nodes: int = DEFAULT_MAX_NODES, redact: bool = False,
         source: str = "", ghosts: bool = True, start: date | str | None = None,
         end: date | str | None = None, top: int = 50, lens: str | None = None) -> View:
    """Draw one view (``coverage``, ``overlaps``, ``ego``, ``region``, ``diff``) of any engine's data.

    Parameters
    ----------
    engine : an engine (``Network.engine``)
    kind : which view
    as_of : the day to draw (today when None)
    rules : rule thresholds (the source's defaults when None)
    person, org : the centre of the ``ego`` view (exactly one)
    region : the region of the ``region`` view
    min_posts : overlaps: the fewest active posts a person listed holds (as ``overlaps --min-posts``;
        default the rules' 2); other views: people with at least this many posts stand out (default 3)
    top : overlaps: how many people are drawn, most posts first (default 50)
    lens : overlaps: ``load``, ``cross`` or ``all`` (default the rules' lens, ``load``)
    max_nodes : above this many nodes the view folds detail away and says so (default 1,500)
    redact : replace person names and ids with stable pseudonyms (``orgnet.redact``)
    source : what the page names as its data (e.g. the dataset folder's name)
    ghosts : the coverage view draws a dashed ghost for each women's body a rule requires and the
        organization lacks (default True)
    start, end : the ``diff`` view's two days (``start`` required; ``end`` defaults to ``as_of``); it
        draws the network on ``end`` coloured by what changed since ``start``
    """
    day = _date(as_of, "--as-of")
    first = None if start is None else _date(start, "--from")
    if kind == "diff" and end is not None:
        day = _date(end, "--to")
    scene = build_scene(engine, kind, day, rules, person=person, org=org, region=region, min_posts=min_posts,
                        max_nodes=max_nodes, redact=redact, source=source, ghosts=ghosts, start=first,
                        top=top, lens=lens)
    return render(scene)


def _date(value, option: str) -> date:
    try:
        return as_timestamp(value).date()
    except (ValueError, TypeError) as exc:
        raise InputError(f"{option} {value!r}: expected a date YYYY-MM-DD") from exc
