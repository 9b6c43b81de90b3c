"""Compatibility alias: the diff view lives in ``orgnet.viz.views.diff`` (kept for ``from orgnet.viz.diff
import HEAD_FILLED`` and the like)."""

from .views.diff import (FADED_EDGE, HEAD_FILLED, HEAD_VACATED, KIND_WORDS, Changes, DiffDraw, changes_of,
                         diff_scene, org_change)

__all__ = ["FADED_EDGE", "HEAD_FILLED", "HEAD_VACATED", "KIND_WORDS", "Changes", "DiffDraw", "changes_of",
           "diff_scene", "org_change"]
