"""Charts: each kind builds from the analyses, Chinese renders with a CJK font (no tofu), files save."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings

import pytest

import orgnet
from matplotlib import font_manager
from matplotlib.text import Text

from orgnet.errors import InputError
from orgnet.viz import charts
from tests.conftest import ROOT
from tests.viz.conftest import AS_OF


def texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


def render_without_tofu(fig, fmt: str = "png") -> bytes:
    """Draw the figure; fail on matplotlib's 'Glyph … missing from font(s)' warning (a tofu box)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font.*")
        warnings.filterwarnings("error", module="matplotlib")
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


def test_tabs_and_carriage_returns_in_names_draw_as_spaces(tiny, cjk):
    stats = tiny.stats(AS_OF)
    stats["region_name"] = stats["region_name"].str.replace("镇", "\t镇\r", regex=False)
    fig = charts.coverage_chart(stats)
    render_without_tofu(fig)
    assert "东 镇 " in texts(fig)


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


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """A generated 20k-organization dataset: 173 townships, streets and parks (more than a chart draws)."""
    from orgnet.generate import generate

    out = tmp_path_factory.mktemp("charts") / "county"
    generate("scale", 1, out, orgs=20_000)
    return orgnet.load(out)


@pytest.fixture(params=["beihu", "county"])
def network(request, samples):
    return samples("beihu") if request.param == "beihu" else request.getfixturevalue("county")


def laid_out(fig):
    """Draw the figure as a saved PNG is; its renderer."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    charts.figure_bytes(fig, "png")  # the fonts and layout of the saved file
    canvas.draw()
    return canvas.get_renderer()


def _tick_labels(ax) -> list:
    """The tick labels drawn: their tick inside the view, their text not empty."""
    out = []
    for axis in (ax.xaxis, ax.yaxis):
        low, high = sorted(axis.get_view_interval())
        span = (high - low) * 1e-9
        for tick in axis.get_major_ticks() + axis.get_minor_ticks():
            if low - span <= tick.get_loc() <= high + span:
                out += [t for t in (tick.label1, tick.label2) if t.get_visible() and t.get_text().strip()]
    return out


def collisions(fig) -> list[tuple[str, str]]:
    """Every pair of things drawn on top of each other: any two texts (titles, tick and axis labels,
    value labels, legend entries), or a text and a line (the dashed average line, a spine), a bar, or a
    legend it is not part of; and any text cut off by the figure's edge. Boxes are the renderer's, shrunk by half a pixel (touching is not overlapping)."""
    from matplotlib.transforms import Bbox

    renderer = laid_out(fig)
    ticks = {id(t) for ax in fig.axes for axis in (ax.xaxis, ax.yaxis)
             for tick in axis.get_major_ticks() + axis.get_minor_ticks() for t in (tick.label1, tick.label2)}
    texts = [t for t in fig.findobj(Text) if id(t) not in ticks and t.get_visible() and t.get_text().strip()]
    texts += [t for ax in fig.axes for t in _tick_labels(ax)]
    legends = fig.legends + [ax.get_legend() for ax in fig.axes if ax.get_legend()]
    in_legend = {id(t) for legend in legends for t in legend.findobj(Text)}
    shapes = [(f"line {line.get_linestyle()}", line) for ax in fig.axes for line in ax.lines]
    shapes += [(f"spine {name}", spine) for ax in fig.axes for name, spine in ax.spines.items() if spine.get_visible()]
    shapes += [(f"bar {i}", bar) for ax in fig.axes for i, bar in enumerate(ax.patches)]

    def box(artist):
        """The artist's box; a bar's clipped to its axes (a log-scale bar starts at minus infinity)."""
        extent = artist.get_window_extent(renderer)
        if getattr(artist, "axes", None) is not None and artist in artist.axes.patches:
            extent = Bbox.intersection(extent, artist.axes.bbox) or Bbox([[0, 0], [0, 0]])
        dx, dy = min(0.5, extent.width / 2), min(0.5, extent.height / 2)  # a line keeps its place
        return Bbox([[extent.x0 + dx, extent.y0 + dy], [extent.x1 - dx, extent.y1 - dy]])

    found = []
    text_boxes = [(t.get_text(), box(t), id(t) in in_legend) for t in texts]
    for i, (a, a_box, _) in enumerate(text_boxes):
        found += [(a, b) for b, b_box, _ in text_boxes[i + 1:] if a_box.overlaps(b_box)]
        found += [(a, name) for name, shape in shapes if a_box.overlaps(box(shape))]
    page = fig.bbox
    found += [(a, "figure edge") for a, a_box, _ in text_boxes
              if a_box.x0 < page.x0 or a_box.y0 < page.y0 or a_box.x1 > page.x1 or a_box.y1 > page.y1]
    for legend in legends:
        frame = legend.get_window_extent(renderer)
        found += [(a, "legend") for a, a_box, inside in text_boxes if not inside and a_box.overlaps(frame)]
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", charts.CHARTS)
def test_nothing_collides(network, cjk, kind, lang):
    """On Beihu and on a 20k-organization county, in either language, no text touches another text, a
    line, a bar or a legend: tick labels, titles, axis labels, the counts, the legends."""
    fig = network.chart(kind, AS_OF, lang=lang)
    assert collisions(fig) == []
    ax = fig.axes[0]
    assert len(ax.texts) >= len(ax.patches) >= 4  # a count for every bar, there to be checked


def test_the_collision_check_can_fail(samples, cjk):
    fig = samples("beihu").chart("coverage", AS_OF)
    ax = fig.axes[0]
    average = ax.lines[0].get_xdata()[0]
    ax.text(average, 0, "45.0%", ha="center", va="center")  # a label on the dashed line
    ax.text(1.02, 0, "3/16  18.8%", transform=ax.get_yaxis_transform(), va="center")  # on the first count
    found = collisions(fig)
    assert ("45.0%", "line --") in found and ("3/16  18.8%", "3/16  18.8%") in found


def test_coverage_explains_every_colour_and_line(samples, cjk):
    """Each bar colour and the dashed line have a legend entry saying what they mean."""
    from matplotlib.colors import to_hex

    fig = samples("beihu").chart("coverage", AS_OF, lang="en")
    ax = fig.axes[0]
    colours = {to_hex(bar.get_facecolor()) for bar in ax.patches}
    legend = fig.legends[0]
    explained = {to_hex(h.get_facecolor()): t.get_text() for h, t in zip(legend.legend_handles, legend.get_texts())
                 if not hasattr(h, "get_xdata")}
    assert colours == set(explained) and len(colours) == 2
    stats = samples("beihu").stats(AS_OF)
    overall = stats.query("level == 'district' and figure == 'two_new_coverage'").value.iloc[0]
    assert explained[charts.STATUS["covered"].color] == f"rate at or above 北湖区 overall ({overall:.1f}%)"
    assert explained[charts.STATUS["committee_required"].color] == f"rate below 北湖区 overall ({overall:.1f}%)"
    lines = [t.get_text() for h, t in zip(legend.legend_handles, legend.get_texts()) if hasattr(h, "get_xdata")]
    assert lines == [f"北湖区 overall: {overall:.1f}%"] and ax.lines[0].get_xdata()[0] == overall
    for bar in ax.patches:  # green exactly when at or above the line
        assert (to_hex(bar.get_facecolor()) == charts.STATUS["covered"].color) == (bar.get_width() >= overall)


def test_coverage_at_scale_shows_the_lowest_on_a_fitted_axis(county, cjk):
    stats = county.stats(AS_OF)
    rows = stats[(stats.figure == "two_new_coverage") & stats.level.isin(["township", "street", "park"])
                 & (stats.denominator > 0)]
    assert len(rows) > charts.MAX_BARS
    fig = county.chart("coverage", AS_OF, lang="en")
    ax = fig.axes[0]
    assert ax.get_title(loc="left").endswith(f"the {charts.MAX_BARS} lowest of {len(rows)} shown")
    drawn = [bar.get_width() for bar in ax.patches]
    lowest = sorted(rows.value.astype(float))[:charts.MAX_BARS]
    assert drawn == lowest  # the lowest, the lowest on top (bar 0 is drawn at the top)
    assert ax.yaxis_inverted()
    top = ax.get_xlim()[1]
    overall = ax.lines[0].get_xdata()[0]
    assert max(drawn + [overall]) < top <= 2 * max(drawn + [overall]) and top < 100  # fitted, not 0-100
    assert ax.get_xlabel().endswith(f"(axis to {top:g}%)")


def test_post_load_shows_every_count(samples, cjk):
    """Log scale: the smallest bar is at least a tenth of the plot's height, its count written over it."""
    fig = samples("beihu").chart("post-load", AS_OF)
    ax = fig.axes[0]
    assert ax.get_yscale() == "log"
    renderer = laid_out(fig)
    plot = ax.get_window_extent(renderer).height
    heights = {round(b.get_x() + b.get_width() / 2): b.get_window_extent(renderer).height for b in ax.patches}
    posts = samples("beihu").overlaps(AS_OF, min_posts=1, lens="all").posts.value_counts()
    assert min(heights.values()) > plot / 10 and max(heights) >= 5
    counts = {t.get_text() for t in ax.texts}
    assert counts == {f"{n:,}" for n in posts.values}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", charts.CHARTS)
def test_every_text_in_one_regular_face(tiny, cjk, kind, lang):
    """Chinese and English charts alike: each text's font is the CJK family's regular face."""
    from matplotlib.ft2font import FT2Font

    fig = tiny.chart(kind, AS_OF, lang=lang)
    laid_out(fig)
    faces = set()
    for text in fig.findobj(Text):
        path = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
        face = FT2Font(path, face_index=getattr(path, "face_index", 0))
        faces.add((face.family_name, face.style_name))
    assert faces == {(cjk, "Regular")}


@pytest.mark.parametrize("kind, lang", [("coverage", "zh"), ("post-load", "zh"), ("women-bodies", "zh"),
                                        ("coverage", "en")])
def test_chart_command_prints_no_font_warning(tmp_path, cjk, kind, lang):
    """``orgnet chart`` in a fresh interpreter: the chart, and nothing at all on stderr (no findfont line,
    no UserWarning)."""
    out = tmp_path / "chart.png"
    done = subprocess.run([sys.executable, "-m", "orgnet", "chart", "data/beihu", "--kind", kind, "--as-of", AS_OF,
                           "--lang", lang, "-o", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert done.returncode == 0, done.stderr
    assert "findfont" not in done.stderr and "Warning" not in done.stderr
    assert done.stderr == ""
    assert out.read_bytes().startswith(b"\x89PNG")


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
