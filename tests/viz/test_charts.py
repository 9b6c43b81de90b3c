"""Charts: each kind builds from the analyses, Chinese renders with a CJK font (no tofu), files save."""

from __future__ import annotations

import warnings

import pytest
from matplotlib import font_manager
from matplotlib.text import Text

from orgnet.errors import InputError
from orgnet.viz import charts
from tests.conftest import IN_CI
from tests.viz.conftest import AS_OF


@pytest.fixture(scope="module")
def cjk():
    family = charts.cjk_font()
    if family is None:
        if IN_CI:
            pytest.fail("no CJK font (apt-get install fonts-noto-cjk)")
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    return family


def texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def render_without_tofu(fig, fmt: str = "png") -> bytes:
    """Draw the figure; fail on matplotlib's 'Glyph … missing from font(s)' warning (a tofu box)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font.*")
        return charts.figure_bytes(fig, fmt)


@pytest.mark.parametrize("kind", charts.CHARTS)
def test_each_chart_draws_chinese_without_tofu(tiny, cjk, kind):
    fig = tiny.chart(kind, AS_OF)
    png = render_without_tofu(fig)
    assert png.startswith(b"\x89PNG")
    chinese = "".join(ch for t in texts(fig) for ch in t if ord(ch) >= 0x2E80)
    assert chinese  # the labels really are Chinese
    path = font_manager.findfont(font_manager.FontProperties(family=cjk), fallback_to_default=False)
    assert charts.has_glyphs(path, chinese), "the CJK font lacks glyphs for the chart's labels"


def test_font_has_glyphs_for_every_region_name(samples, cjk):
    net = samples("beihu")
    names = "".join(net.stats(AS_OF)["region_name"])
    path = font_manager.findfont(font_manager.FontProperties(family=cjk), fallback_to_default=False)
    assert charts.has_glyphs(path, names)
    fig = net.chart("coverage", AS_OF)
    render_without_tofu(fig)


def test_a_latin_only_font_would_be_tofu():
    dejavu = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans"))
    assert not charts.has_glyphs(dejavu, "妇联")  # the check can fail


def test_coverage_shows_numerator_and_denominator(tiny, cjk):
    fig = tiny.chart("coverage", AS_OF)
    labels = texts(fig)
    assert any("/" in t and "%" in t for t in labels)
    assert "东镇" in labels and "西街道" in labels


def test_post_load_counts_people(tiny):
    fig = tiny.chart("post-load", AS_OF, min_posts=3)
    bars = fig.axes[0].patches
    heights = {round(b.get_x() + b.get_width() / 2): b.get_height() for b in bars}
    people = tiny.overlaps(AS_OF, min_posts=1, lens="all")
    assert heights == people.posts.value_counts().to_dict()


def test_women_bodies_by_type(tiny):
    fig = tiny.chart("women-bodies", AS_OF, lang="en")
    lengths = [b.get_width() for b in fig.axes[0].patches]
    root = tiny.stats(AS_OF).query("level == 'county' and figure.str.startswith('women_bodies.')")
    assert sum(lengths) == root.numerator.sum()
    assert fig.axes[0].get_title(loc="left") == "Women's bodies by type"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", charts.CHARTS)
def test_no_two_tick_labels_overlap(samples, cjk, kind, lang):
    """On the Beihu sample, in either language, every tick label is clear of its neighbours."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = samples("beihu").chart(kind, AS_OF, lang=lang)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()  # lays the figure out as a saved PNG is
    renderer = canvas.get_renderer()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            boxes = [t.get_window_extent(renderer) for t in axis.get_ticklabels() if t.get_text() and t.get_visible()]
            for i, a in enumerate(boxes):
                for b in boxes[i + 1:]:
                    assert not a.overlaps(b), (kind, lang, [t.get_text() for t in axis.get_ticklabels()])


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_save(tiny, tmp_path, suffix, magic):
    path = charts.save_chart(tiny.chart("coverage", AS_OF), tmp_path / f"c{suffix}")
    assert path.read_bytes().startswith(magic)


def test_svg_text_is_drawn_as_paths(tiny, cjk):
    svg = charts.figure_bytes(tiny.chart("coverage", AS_OF), "svg").decode("utf-8")
    assert "<text" not in svg  # glyph outlines: no font needed to view it


def test_bad_kind_lang_and_suffix(tiny, tmp_path):
    with pytest.raises(InputError, match="expected one of coverage, post-load, women-bodies"):
        tiny.chart("pie", AS_OF)
    with pytest.raises(InputError, match="zh or en"):
        tiny.chart("coverage", AS_OF, lang="fr")
    with pytest.raises(InputError, match=".png or .svg"):
        charts.save_chart(tiny.chart("coverage", AS_OF), tmp_path / "c.jpg")


def test_notebook_display(tiny):
    assert tiny.chart("post-load", AS_OF)._repr_png_().startswith(b"\x89PNG")
