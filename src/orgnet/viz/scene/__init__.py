"""What every view is made of: the scene model, drawing nodes and edges, folding, the tree views.

* ``model`` — ``Scene`` (what a page draws), ``ViewRequest`` (what was asked for), ``Coverage``
  (each organization's coverage status) and the shared constants;
* ``draw`` — ``Draw``: node and edge specs with their tooltips, and the room each node needs;
* ``fold`` — how a tree view folds detail away until it fits ``max_nodes``, and says so;
* ``tree`` — the region tree the coverage, region and diff views draw, and its layout.

Positions are computed here (``orgnet.viz.layout``), so the page draws with physics off.
"""

from .draw import (Draw, box_margin, box_radius, finish, place, short, start_scene, strip_places, text_width,
                   vacant_words)
from .fold import (Scope, choose_detail, detail_sizes, fold_note, fold_org, fold_region, roots_by_gaps, scope,
                   tree_bodies)
from .model import (CANVAS, DEFAULT_MAX_NODES, DEFAULT_MIN_POSTS, TREE_EDGE, Coverage, Scene,
                    ViewRequest, coverage_of, fit_scale)
from .tree import build_tree, lay_out_tree, region_font, tree_view

__all__ = ["CANVAS", "DEFAULT_MAX_NODES", "DEFAULT_MIN_POSTS", "TREE_EDGE", "Coverage", "Draw",
           "Scene", "Scope", "ViewRequest", "box_margin", "box_radius", "build_tree", "choose_detail",
           "coverage_of", "detail_sizes", "finish", "fit_scale", "fold_note", "fold_org", "fold_region",
           "lay_out_tree", "place", "region_font", "roots_by_gaps", "scope", "short", "start_scene",
           "strip_places", "text_width", "tree_bodies", "tree_view", "vacant_words"]
