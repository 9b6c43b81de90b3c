"""A ``Scene`` → a pyvis ``Network`` (the node/edge model) → one self-contained HTML page.

pyvis's own templates fetch vis-network and bootstrap from CDNs; this page inlines the
vis-network build that pyvis ships (``pyvis/templates/lib/vis-9.1.2``) and its CSS, so the file works
from ``file://`` with the network off. Positions come from the scene and physics is off, so nothing
moves after the first draw. Every text is escaped: the HTML by Jinja's autoescape, the data as JSON
inside a ``<script type="application/json">`` block with ``<``, ``>`` and ``&`` as ``\\u`` escapes;
tooltips are plain strings, which vis-network shows as text.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..files import write_output
from .style import FONT_STACK
from .scene import Scene

#: The vis-network build pyvis ships (the version its templates use).
VIS_DIR = "templates/lib/vis-9.1.2"


class _IdList(list):
    """pyvis keeps node ids in a list and tests ``in`` on every ``add_node``/``add_edge`` (quadratic);
    this list answers ``in`` from a set, so building a pyvis Network stays linear."""

    def __init__(self):
        super().__init__()
        self._members: set = set()

    def append(self, item) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item) -> bool:
        return item in self._members


def vis_options(n_nodes: int) -> dict:
    """vis-network options: physics off (positions are given), straight edges, hover tooltips."""
    big = n_nodes > 600
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 2012},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False, "zoomSpeed": 0.6},
        "nodes": {"font": {"face": FONT_STACK, "size": 12, "color": "#263238", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "borderWidth": 1, "shapeProperties": {"interpolation": False}},
        "edges": {"smooth": False, "color": {"inherit": False}, "width": 1, "selectionWidth": 1.5,
                  "hoverWidth": 0.5},
    }


def keep_colour(spec: dict) -> dict:
    """The node with its hover and highlight colours equal to its own, so hovering or selecting it
    never repaints it in vis-network's default blue (its colour says its status)."""
    color = spec.get("color")
    if isinstance(color, str):
        color = {"background": color, "border": color}
    if isinstance(color, dict) and "background" in color:
        own = {"background": color["background"], "border": color.get("border", color["background"])}
        spec["color"] = {**color, "hover": color.get("hover", own), "highlight": color.get("highlight", own)}
    return spec


def to_pyvis(scene: Scene):
    """The scene's nodes and edges handed to pyvis (its ``nodes``/``edges`` lists are what is drawn)."""
    from pyvis.network import Network as PyvisNetwork

    net = PyvisNetwork(height="100%", width="100%", directed=True, heading=scene.title)
    net.node_ids = _IdList()
    for spec in scene.nodes:
        spec = keep_colour(dict(spec))
        node_id, label, shape = spec.pop("id"), spec.pop("label"), spec.pop("shape", "dot")
        color = spec.pop("color", "#97c2fc")
        net.add_node(node_id, label=label if label != "" else " ", shape=shape, color=color, **spec)
    for spec in scene.edges:
        spec = dict(spec)
        net.add_edge(spec.pop("from"), spec.pop("to"), arrows="", **spec)
    net.options = vis_options(len(scene.nodes))
    if scene.groups:
        net.options["groups"] = scene.groups
    return net


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """(vis-network.min.js, vis-network.css) as text, from the installed pyvis."""
    base = resources.files("pyvis").joinpath(VIS_DIR)
    js = base.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = base.joinpath("vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():  # would end the inline block early
        raise RuntimeError("the vis-network build cannot be inlined: it contains a closing tag")
    return js, css


def script_json(value) -> str:
    """JSON safe to put inside a ``<script>`` element (no ``<``, ``>`` or ``&`` left).

    >>> script_json({"name": "</script><script>alert(1)</script>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("orgnet.viz", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True))


def render_html(scene: Scene, net) -> str:
    """The whole page: vis-network inline, the pyvis nodes/edges/options as JSON, legend, title."""
    from markupsafe import Markup

    from ..version import __version__

    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    js, css = vis_assets()
    screens = {key: {**screen, "nodes": [keep_colour(dict(n)) for n in screen["nodes"]] if "nodes" in screen else None,
                     "notes": [str(n) for n in screen.get("notes", ())]}
               for key, screen in scene.screens.items()}
    data = {"nodes": nodes, "edges": edges, "options": json.loads(options), "screens": screens,
            "first": scene.first_screen, "top": scene.start_at_top}
    legends = scene.legends or {"all": scene.legend}
    return _environment().get_template("view.html").render(
        version=__version__, title=scene.title, as_of=scene.as_of.isoformat(), source=scene.source,
        since=scene.since.isoformat() if scene.since else "", counts=scene.counts, legends=legends,
        first_kind=scene.screens[scene.first_screen]["kind"] if scene.screens else "all",
        facts=scene.facts, notes=scene.notes, legend=scene.legend, font_stack=Markup(FONT_STACK),
        vis_js=Markup(js), vis_css=Markup(css), data_json=Markup(script_json(data)))


@dataclass
class View:
    """One drawn view: the page's HTML, and the pyvis ``Network`` it was drawn from.

    Shows itself inline in Jupyter (an iframe of the whole page, the library sent once per notebook:
    ``orgnet.viz.inline``) and saves to a single self-contained HTML file.
    """

    kind: str
    title: str
    html: str
    network: object = field(repr=False)
    aggregated: bool = False
    notes: list[str] = field(default_factory=list)
    scene: Scene | None = field(default=None, repr=False)  # what was drawn: screens, header counts, legends

    @property
    def nodes(self) -> list[dict]:
        """The node dicts handed to pyvis."""
        return self.network.nodes

    @property
    def edges(self) -> list[dict]:
        """The edge dicts handed to pyvis."""
        return self.network.edges

    def save(self, path: str | Path) -> Path:
        """Write the page (atomically); returns the path."""
        path = Path(path)
        write_output(path, self.html)
        return path

    def iframe(self, height: int = 650) -> str:
        """The page inside an ``<iframe srcdoc>``, for notebooks and the report."""
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" title="{html.escape(self.title)}" '
                f'style="width:100%;height:{int(height)}px;border:1px solid #e0e0e0" '
                f'sandbox="allow-scripts"></iframe>')

    def _repr_html_(self) -> str:
        """In Jupyter: a sandboxed iframe filled from the packed page; the vis-network library comes
        with the first view a kernel shows only (``orgnet.viz.inline``)."""
        from .inline import notebook_html

        return notebook_html(self, vis_assets())

    def __repr__(self) -> str:
        return f"<orgnet.View {self.kind}: {len(self.nodes)} nodes, {len(self.edges)} edges>"


def render(scene: Scene) -> View:
    """Scene → pyvis Network → page."""
    net = to_pyvis(scene)
    return View(scene.kind, scene.title, render_html(scene, net), net, scene.aggregated, list(scene.notes), scene)
