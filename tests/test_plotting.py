"""orgnet.plotting: one regular-weight CJK face for charts and the analyst's own plots; a missing font
is one line on stderr. The font lookups that change matplotlib's font manager run in a subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import warnings

import pytest
from matplotlib import rc_context
from matplotlib.figure import Figure

from orgnet import plotting
from tests.conftest import ROOT


def python(code: str, *args: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter (this one, with orgnet importable), in the repository root."""
    env_path = str(ROOT / "src")
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True,
                          env={**__import__("os").environ, "PYTHONPATH": env_path}, timeout=300)


def draw(fig: Figure) -> None:
    """Render; fail on matplotlib's 'Glyph … missing from font(s)' warning (a tofu box)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font.*")
        fig.savefig(io.BytesIO(), format="png")


def own_plot() -> Figure:
    """An analyst's plot: pandas onto a plain matplotlib Figure, Chinese everywhere."""
    import pandas as pd

    fig = Figure()
    ax = fig.add_subplot()
    pd.Series([3, -1, 2], index=["北湖街道", "人民路街道", "鲁溪镇"]).plot.bar(ax=ax, title="妇联覆盖缺口")
    return fig


def test_the_face_is_the_regular_simplified_chinese_one(cjk):
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    path = font_manager.findfont(font_manager.FontProperties(family=plotting.font_families()),
                                 fallback_to_default=False)
    face = FT2Font(path, face_index=getattr(path, "face_index", 0))
    assert (face.family_name, face.style_name) == (cjk, "Regular")
    if "Noto Sans CJK SC" in {f.name for f in font_manager.fontManager.ttflist}:
        assert cjk == "Noto Sans CJK SC"


def test_use_cjk_font_draws_chinese_in_your_own_plots(cjk):
    import orgnet

    with rc_context():
        assert orgnet.plotting.use_cjk_font() == cjk
        draw(own_plot())


def test_without_it_your_own_plots_draw_boxes():
    """The check can fail: matplotlib's defaults have no Chinese glyphs."""
    with rc_context(), pytest.raises(UserWarning, match="missing from font"):
        draw(own_plot())


#: A machine whose matplotlib font cache predates its CJK fonts: matplotlib knows none of them, and
#: orgnet finds the files on disk (Noto Sans CJK's bold file sorts before the regular one).
STALE_CACHE = """
import json, logging, sys, warnings
from matplotlib import font_manager
from orgnet import plotting
font_manager.fontManager.ttflist = [f for f in font_manager.fontManager.ttflist
                                    if not plotting.has_glyphs(f.fname, "妇联", f.index)]
font_manager.fontManager._findfont_cached.cache_clear()
assert plotting._registered() is None
family = plotting.cjk_font()
added = sorted({f.fname for f in font_manager.fontManager.ttflist if plotting.has_glyphs(f.fname, "妇联", f.index)})
from matplotlib.ft2font import FT2Font
path = font_manager.findfont(font_manager.FontProperties(family=plotting.font_families()), fallback_to_default=False)
face = FT2Font(path, face_index=path.face_index)
print(json.dumps({"family": family, "added": added, "face": [face.family_name, face.style_name]}))
"""


def test_a_stale_font_cache_still_gets_the_regular_face(cjk):
    done = python(STALE_CACHE)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["family"] == cjk and found["added"] and found["face"] == [cjk, "Regular"]
    assert not [path for path in found["added"] if "Bold" in path], found["added"]
    assert done.stderr == ""  # no "findfont: Failed to find font weight normal … now using 700"


#: A machine without any CJK font: matplotlib knows none and none is on disk. Then the CLI draws a chart.
NO_CJK = """
import sys
from matplotlib import font_manager
from orgnet import plotting
font_manager.fontManager.ttflist = [f for f in font_manager.fontManager.ttflist
                                    if not plotting.has_glyphs(f.fname, "妇联", f.index)]
plotting.CJK_GLOBS = ()
assert plotting.use_cjk_font() is None
from orgnet.cli import main
sys.argv = ["orgnet", *sys.argv[1:]]
sys.exit(main())
"""


def test_no_cjk_font_is_one_clear_line(tmp_path):
    out = tmp_path / "coverage.png"
    done = python(NO_CJK, "chart", "data/beihu", "--kind", "coverage", "--as-of", "2012-06-30", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [plotting.MISSING]  # once, though asked twice; no Python warning
    assert out.read_bytes().startswith(b"\x89PNG")


def test_missing_font_line_names_what_to_install():
    assert "fonts-noto-cjk" in plotting.MISSING and "\n" not in plotting.MISSING
