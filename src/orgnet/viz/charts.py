"""Charts with matplotlib: coverage by township/street, post load per person, women's bodies by type.

Every text is drawn in one regular-weight CJK face (``orgnet.plotting.cjk_font()``: Noto Sans CJK SC
Regular from Debian's ``fonts-noto-cjk`` when present), English charts too, with DejaVu Sans behind it
for a glyph it lacks; global rcParams stay untouched. Without any CJK font the charts fall back to
English words and ids instead of drawing empty boxes ("tofu"), and one line says so.

Nothing overlaps: the coverage chart writes its counts in a column right of the bars (never across a
bar or the dashed average line) and explains each colour and line in a legend below; the post-load
chart is on a log scale with every count above its bar, so the few people with 4 or 5 posts show.
``tests/viz/test_charts.py`` measures every text, line and legend with matplotlib's renderer.

The chart functions take the analyses' DataFrames (``stats``, ``overlaps``), so they work on every
engine. Figures are plain ``matplotlib.figure.Figure`` objects (no pyplot state); they show inline in
Jupyter and save as PNG or SVG.

Examples
--------
>>> import orgnet
>>> fig = chart(orgnet.load("tests/data/tiny").engine, "coverage", "2012-06-30")
>>> fig.axes[0].get_title(loc="left").startswith("按乡镇（街道、园区）")
True
"""

from __future__ import annotations

import io
import math
import re
from datetime import date
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from ..dataset import as_timestamp
from ..errors import InputError
from ..files import write_output
from ..plotting import cjk_font, font_families, has_glyphs, tell_missing  # noqa: F401 (has_glyphs for callers)
from ..rules import Rules
from .style import STATUS, SYSTEM, words

CHARTS = ("coverage", "post-load", "women-bodies")
GREY = "#546e7a"
#: Characters in data that no font has a glyph for (line feeds break lines; other controls are refused).
SPACES = re.compile("[\t\r\x0b\x0c]")


class Chart(Figure):
    """A matplotlib Figure that shows itself as PNG in notebooks without pyplot."""

    def _repr_png_(self) -> bytes:
        return figure_bytes(self, "png")


def _with_fonts(fig: Figure) -> Figure:
    """Give every text in the figure the font list (the CJK face, then DejaVu Sans for a glyph it lacks),
    drawn as written: a region named ``$x^2$`` is those five characters, never mathtext or TeX; a tab or
    carriage return in a name is drawn as a space."""
    from matplotlib.text import Text

    families = font_families()
    for text in fig.findobj(Text):
        if SPACES.search(text.get_text()):  # no font draws a tab or a carriage return: matplotlib would warn
            text.set_text(SPACES.sub(" ", text.get_text()))
        text.set_fontfamily(families)
        text.set_parse_math(False)
        text.set_usetex(False)
    return fig


def _lang(lang: str) -> str:
    if lang not in ("zh", "en"):
        raise InputError(f"--lang {lang}: expected zh or en")
    if cjk_font() is None:
        tell_missing()
        return "en"
    return lang


def fonts_applied(build):
    """Decorator: build the chart with the CJK font list in force and give every text that list."""
    import functools

    @functools.wraps(build)
    def wrapper(*args, **kwargs):
        from matplotlib import rc_context

        with rc_context({"font.family": font_families(), "axes.unicode_minus": False}):
            return _with_fonts(build(*args, **kwargs))

    return wrapper


def _figure(width: float, height: float) -> Chart:
    fig = Chart(figsize=(width, height), dpi=110, layout="constrained")
    fig.patch.set_facecolor("white")
    return fig


def _region_label(row, lang: str) -> str:
    return SPACES.sub(" ", str(row.region_name if cjk_font() else row.region_id))


def _parens(text: str, lang: str) -> str:
    return f"（{text}）" if lang == "zh" else f" ({text})"


def axis_top(largest: float) -> float:
    """The end of an axis fitted to ``largest`` (a percentage): the next of 1, 2, 2.5, 5 × 10ⁿ above it
    with a little room for the bar, at most 100.

    >>> axis_top(66.7), axis_top(3.8), axis_top(0), axis_top(97)
    (80.0, 5.0, 1.0, 100.0)
    """
    wanted = max(largest * 1.08, 1.0)
    power = 10 ** math.floor(math.log10(wanted))
    top = next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= wanted)
    if top > 50:
        top = math.ceil(wanted / 20) * 20
    return float(min(100, top))


#: The most bars the coverage chart draws: the lowest coverage first (a province has thousands of
#: townships; a chart of them all is neither readable nor quick to draw).
MAX_BARS = 40


def _coverage_rows(stats: pd.DataFrame, max_bars: int) -> tuple[pd.DataFrame, int, pd.Series | None]:
    """The townships/streets/parks to draw (lowest coverage first), how many there are, the root's row."""
    coverage = stats[stats["figure"] == "two_new_coverage"]
    rows = coverage[coverage["level"].isin(["township", "street", "park"])]
    rows = rows[rows["denominator"].fillna(0) > 0].sort_values(["value", "region_id"], ascending=[True, True])
    root = coverage[coverage["level"].isin(["county", "district"]) & coverage["value"].notna()]
    return rows.head(max_bars), len(rows), (root.iloc[0] if len(root) else None)


@fonts_applied
def coverage_chart(stats: pd.DataFrame, lang: str = "zh", max_bars: int = MAX_BARS) -> Chart:
    """Two-new women's organization coverage per township/street/park, the lowest on top: a bar each,
    green at or above the whole area's rate (the dashed line) and orange below it, with n/d and % in a
    column to the right. At most ``max_bars`` bars (the lowest; the title says how many there are), on
    an axis fitted to them (the axis label says where it ends when that is below 100 %)."""
    lang = _lang(lang)
    rows, total, root = _coverage_rows(stats, max_bars)
    fig = _figure(8.5, max(3.2, 0.3 * len(rows) + 2.2))
    ax = fig.add_subplot()
    title = words("chart_coverage", lang)
    if total > len(rows):
        title += "\n" + words("lowest_shown", lang).format(shown=len(rows), total=f"{total:,}")
    ax.set_title(title, loc="left", fontsize=12)
    if rows.empty:
        ax.text(0.5, 0.5, words("no_data", lang), ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    values = rows["value"].astype(float).tolist()
    overall = float(root["value"]) if root is not None else None
    cut = overall if overall is not None else 50.0
    colors = [STATUS["covered"].color if v >= cut else STATUS["committee_required"].color for v in values]
    ax.barh(range(len(rows)), values, color=colors, height=0.7)
    ax.set_yticks(range(len(rows)), labels=[_region_label(r, lang) for r in rows.itertuples()], fontsize=9)
    ax.set_ylim(len(rows) - 0.5, -0.5)  # the lowest on top
    top = axis_top(max(values + [overall or 0.0]))
    ax.set_xlim(0, top)
    label = words("coverage_axis", lang)
    ax.set_xlabel(label + (_parens(words("axis_to", lang).format(top=f"{top:g}"), lang) if top < 100 else ""))
    _count_column(ax, rows, lang)
    if overall is not None:
        ax.axvline(overall, color=GREY, linestyle="--", linewidth=1)
    _coverage_legend(fig, values, cut, overall, root, lang)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def _count_column(ax, rows: pd.DataFrame, lang: str) -> None:
    """n/d and % of each bar in a column right of the plot (clear of every bar and line), headed below."""
    from matplotlib.transforms import blended_transform_factory

    where = blended_transform_factory(ax.transAxes, ax.transData)
    for y, row in enumerate(rows.itertuples()):
        ax.text(1.02, y, f"{int(row.numerator)}/{int(row.denominator)}  {float(row.value):.1f}%", transform=where,
                va="center", ha="left", fontsize=8, color="#37474f", clip_on=False)
    ax.text(1.02, -0.012, words("chart_nd", lang), transform=ax.transAxes, va="top", ha="left", fontsize=8,
            color=GREY, clip_on=False)


def _coverage_legend(fig: Figure, values: list[float], cut: float, overall: float | None, root, lang: str) -> None:
    """What green and orange (those drawn) and the dashed line mean, below the chart."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    if overall is not None:
        ref = words("chart_ref", lang).format(region=_region_label(root, lang), value=f"{overall:.1f}%")
    else:
        ref = words("chart_half", lang)
    handles = [Patch(color=STATUS[status].color, label=words(key, lang).format(ref=ref))
               for status, key, shown in (("covered", "chart_at_or_above", max(values) >= cut),
                                          ("committee_required", "chart_below", min(values) < cut)) if shown]
    if overall is not None:
        handles.append(Line2D([], [], color=GREY, linestyle="--", linewidth=1, label=words("chart_overall", lang)
                              .format(region=_region_label(root, lang), value=f"{overall:.1f}%")))
    wide = sum(len(h.get_label()) for h in handles) > (60 if lang == "zh" else 100)  # side by side, or a column
    fig.legend(handles=handles, loc="outside lower left", ncols=1 if wide else len(handles), fontsize=8, frameon=False)


@fonts_applied
def post_load_chart(posts_per_person: pd.Series, min_posts: int = 3, lang: str = "zh") -> Chart:
    """How many people hold 1, 2, 3 … active posts, on a log scale with every count above its bar (the
    few people with the most posts stay visible); bars at or above ``min_posts`` highlighted, both
    colours explained in a legend."""
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter, LogLocator

    lang = _lang(lang)
    counts = posts_per_person.astype(int).value_counts().sort_index()
    fig = _figure(7.0, 4.0)
    ax = fig.add_subplot()
    ax.set_title(words("chart_post_load", lang), loc="left", fontsize=12)
    if counts.empty:
        ax.text(0.5, 0.5, words("no_data", lang), ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    few, many = "#90a4ae", "#ffb300"
    colors = [many if k >= min_posts else few for k in counts.index]
    bars = ax.bar(counts.index, counts.values, color=colors, edgecolor=GREY, linewidth=0.6)
    ax.set_yscale("log")
    ax.set_ylim(0.7, max(counts.values) * 4)  # room above the tallest bar for its count
    ax.yaxis.set_major_locator(LogLocator(base=10))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 1 else ""))
    for bar, n in zip(bars, counts.values):
        ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height() * 1.08, f"{n:,}", ha="center", va="bottom",
                fontsize=8)
    ax.set_xticks(counts.index)
    ax.set_xlabel(words("posts_axis", lang))
    ax.set_ylabel(words("people_axis_log", lang))
    handles = [Patch(facecolor=few, edgecolor=GREY, label=words("chart_fewer_posts", lang).format(n=min_posts)),
               Patch(facecolor=many, edgecolor=GREY, label=words("chart_many_posts", lang).format(n=min_posts))]
    fig.legend(handles=handles, loc="outside lower left", ncols=2, fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


WOMEN_TYPES = ("federation", "committee", "work_committee", "congress", "organ_committee", "liaison")


@fonts_applied
def women_bodies_chart(stats: pd.DataFrame, lang: str = "zh") -> Chart:
    """Active women's bodies by type at the root region(s): one bar per type, read across (the
    long type names sit beside their bars, never on top of each other)."""
    lang = _lang(lang)
    root = stats[stats["level"].isin(["county", "district"])]
    if root.empty:
        root = stats[stats["region_id"] == stats["region_id"].iloc[0]] if len(stats) else stats
    totals = {t: int(root.loc[root["figure"] == f"women_bodies.{t}", "numerator"].fillna(0).sum()) for t in WOMEN_TYPES}
    fig = _figure(7.0, 3.4)
    ax = fig.add_subplot()
    ax.set_title(words("chart_women_bodies", lang), loc="left", fontsize=12)
    labels = [words(f"women_bodies.{t}", lang) for t in WOMEN_TYPES]
    bars = ax.barh(range(len(WOMEN_TYPES)), list(totals.values()), color=SYSTEM["women"].color, edgecolor="#ad1457",
                   linewidth=0.6)
    for bar, n in zip(bars, totals.values()):
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {n:,}", ha="left", va="center", fontsize=9)
    ax.set_yticks(range(len(WOMEN_TYPES)), labels=labels, fontsize=9)
    ax.invert_yaxis()  # the first type on top
    ax.set_xlabel(words("bodies_axis", lang))
    ax.margins(x=0.12)  # room for the count after the longest bar
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def posts_per_person(engine, as_of: date, rules: Rules) -> pd.Series:
    """Active posts per person who holds any (the fact ``post_load``), by person id."""
    frame = engine.answer("post_load", as_of=as_of)
    return pd.Series(frame["posts"].astype(int).to_numpy(), index=frame["person_id"], name="posts")


def chart(engine, kind: str, as_of: date | str | None = None, rules: Rules | None = None, lang: str = "zh",
          min_posts: int = 3) -> Chart:
    """One chart (``coverage``, ``post-load``, ``women-bodies``) from any engine's analyses."""
    day = as_timestamp(as_of).date()
    rules = rules or Rules()
    if kind not in CHARTS:
        raise InputError(f"chart {kind!r}: expected one of {', '.join(CHARTS)}")
    if kind == "post-load":
        data = posts_per_person(engine, day, rules)
        return post_load_chart(data, min_posts, lang)
    stats = engine.answer("stats", as_of=day, rules=rules)
    return coverage_chart(stats, lang) if kind == "coverage" else women_bodies_chart(stats, lang)


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    """The figure as PNG or SVG bytes (text drawn with the CJK font list)."""
    from matplotlib import rc_context

    buffer = io.BytesIO()
    with rc_context({"font.family": font_families(), "svg.fonttype": "path"}):
        _with_fonts(fig)
        fig.savefig(buffer, format=fmt, dpi=110 if fmt == "png" else None, facecolor="white",
                    metadata={"Software": None} if fmt == "png" else {"Date": None})
    return buffer.getvalue()


def save_chart(fig: Figure, path: str | Path) -> Path:
    """Write a chart as PNG or SVG (by the file's suffix), atomically."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise InputError(f"{path}: a chart is written as .png or .svg")
    write_output(path, figure_bytes(fig, fmt))
    return path
