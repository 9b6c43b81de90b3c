"""Charts with matplotlib: coverage by township/street, post load per person, women's bodies by type.

Chinese needs a CJK font: ``cjk_font()`` finds one (Noto Sans CJK from Debian's ``fonts-noto-cjk``,
else another known CJK family) and gives every chart text the font list [default sans-serif, CJK font], so
Latin text keeps its usual look and Chinese glyphs fall back to the CJK font (global rcParams stay
untouched). Without any CJK font the charts
fall back to English words and ids instead of drawing empty boxes ("tofu"), and warn.

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

import glob
import io
import warnings
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from ..dataset import as_timestamp
from ..errors import InputError
from ..files import write_output
from ..rules import Rules
from .style import STATUS, SYSTEM, words

CHARTS = ("coverage", "post-load", "women-bodies")
#: CJK families to look for, best first.
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
                "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "SimHei",
                "Droid Sans Fallback", "AR PL UMing CN")
#: Where Debian and others put CJK font files (searched when matplotlib's font cache predates them).
CJK_GLOBS = ("/usr/share/fonts/opentype/noto/NotoSansCJK*.ttc", "/usr/share/fonts/**/NotoSansCJK*",
             "/usr/share/fonts/**/*wqy*", "/usr/share/fonts/**/DroidSansFallback*", "/System/Library/Fonts/PingFang*",
             "C:/Windows/Fonts/msyh*")
SAMPLE = "妇联党支部覆盖率乡镇街道一人多职"


class Chart(Figure):
    """A matplotlib Figure that shows itself as PNG in notebooks without pyplot."""

    def _repr_png_(self) -> bytes:
        return figure_bytes(self, "png")


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of a CJK font matplotlib can use (registered with its font manager), or None."""
    from matplotlib import font_manager

    known = {f.name: f.fname for f in font_manager.fontManager.ttflist}
    family = next((name for name in CJK_FAMILIES if name in known), None)
    if family is None:
        for pattern in CJK_GLOBS:
            for path in sorted(glob.glob(pattern, recursive=True)):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
                name = font_manager.FontProperties(fname=path).get_name()
                if has_glyphs(path, SAMPLE):
                    family = name
                    break
            if family:
                break
    if family is None:
        return None
    path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    return family if has_glyphs(path, SAMPLE) else None


def font_families() -> list[str]:
    """The chart font list: matplotlib's default sans-serif for Latin, then the CJK font for Chinese."""
    from matplotlib import rcParams

    first = list(rcParams["font.sans-serif"])[:1] or ["DejaVu Sans"]
    family = cjk_font()
    return first + ([family] if family else [])


def _with_fonts(fig: Figure) -> Figure:
    """Give every text in the figure the font list (so Chinese falls back to the CJK font, glyph by glyph),
    drawn as written: a region named ``$x^2$`` is those five characters, never mathtext or TeX."""
    from matplotlib.text import Text

    families = font_families()
    for text in fig.findobj(Text):
        text.set_fontfamily(families)
        text.set_parse_math(False)
        text.set_usetex(False)
    return fig


def has_glyphs(path: str, text: str) -> bool:
    """True when the font file has a glyph for every character of ``text`` (no tofu)."""
    from matplotlib.ft2font import FT2Font

    try:
        font = FT2Font(path)
    except (OSError, RuntimeError, ValueError):
        return False
    return all(font.get_char_index(ord(ch)) != 0 for ch in text if not ch.isspace())


def _lang(lang: str) -> str:
    if lang not in ("zh", "en"):
        raise InputError(f"--lang {lang}: expected zh or en")
    if lang == "zh" and cjk_font() is None:
        warnings.warn("no CJK font found (install fonts-noto-cjk); charts use English words and ids", stacklevel=3)
        return "en"
    return lang


def fonts_applied(build):
    """Decorator: build the chart with the CJK font list in force and give every text that list."""
    import functools

    @functools.wraps(build)
    def wrapper(*args, **kwargs):
        from matplotlib import rc_context

        with rc_context({"font.family": font_families()}):
            return _with_fonts(build(*args, **kwargs))

    return wrapper


def _figure(width: float, height: float) -> Chart:
    fig = Chart(figsize=(width, height), dpi=110, layout="constrained")
    fig.patch.set_facecolor("white")
    return fig


def _region_label(row, lang: str) -> str:
    return row.region_name if lang == "zh" or cjk_font() else row.region_id


#: The most bars the coverage chart draws: the lowest coverage first (a province has thousands of
#: townships; a chart of them all is neither readable nor quick to draw).
MAX_BARS = 40


@fonts_applied
def coverage_chart(stats: pd.DataFrame, lang: str = "zh", max_bars: int = MAX_BARS) -> Chart:
    """Two-new women's organization coverage per township/street/park: bars with n/d and %, at most
    ``max_bars`` of them (the lowest coverage; the title says how many there are)."""
    lang = _lang(lang)
    rows = stats[(stats["figure"] == "two_new_coverage") & stats["level"].isin(["township", "street", "park"])]
    rows = rows[rows["denominator"].fillna(0) > 0].sort_values(["value", "region_id"], ascending=[True, True])
    total = len(rows)
    rows = rows.head(max_bars)
    fig = _figure(8.5, max(3.0, 0.32 * len(rows) + 1.4))
    ax = fig.add_subplot()
    title = words("chart_coverage", lang)
    if total > len(rows):
        title += ("（" if lang == "zh" else " (") + words("lowest_shown", lang).format(shown=len(rows), total=f"{total:,}") \
            + ("）" if lang == "zh" else ")")
    ax.set_title(title, loc="left", fontsize=12)
    if rows.empty:
        ax.text(0.5, 0.5, words("no_data", lang), ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    labels = [_region_label(r, lang) for r in rows.itertuples()]
    values = rows["value"].astype(float).tolist()
    colors = [STATUS["covered"].color if v >= 50 else STATUS["committee_required"].color for v in values]
    bars = ax.barh(range(len(rows)), values, color=colors, height=0.7)
    ax.set_yticks(range(len(rows)), labels=labels, fontsize=9)
    ax.set_xlim(0, 118)
    ax.set_xlabel(words("coverage_axis", lang))
    for bar, num, den, value in zip(bars, rows["numerator"], rows["denominator"], values):
        ax.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2, f"{int(num)}/{int(den)}  {value:.1f}%",
                va="center", fontsize=8, color="#37474f")
    root = stats[(stats["figure"] == "two_new_coverage") & stats["level"].isin(["county", "district"])]
    if not root.empty and pd.notna(root["value"].iloc[0]):
        overall = float(root["value"].iloc[0])
        ax.axvline(overall, color="#546e7a", linestyle="--", linewidth=1)
        ax.text(overall, len(rows) - 0.4, f" {_region_label(root.iloc[0], lang)} {overall:.1f}%", fontsize=8,
                color="#546e7a", va="bottom")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


@fonts_applied
def post_load_chart(posts_per_person: pd.Series, min_posts: int = 3, lang: str = "zh") -> Chart:
    """How many people hold 1, 2, 3 … active posts; bars at or above ``min_posts`` highlighted."""
    lang = _lang(lang)
    counts = posts_per_person.astype(int).value_counts().sort_index()
    fig = _figure(7.0, 3.8)
    ax = fig.add_subplot()
    ax.set_title(words("chart_post_load", lang), loc="left", fontsize=12)
    if counts.empty:
        ax.text(0.5, 0.5, words("no_data", lang), ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    colors = ["#ffb300" if k >= min_posts else "#90a4ae" for k in counts.index]
    bars = ax.bar(counts.index, counts.values, color=colors, edgecolor="#546e7a", linewidth=0.6)
    for bar, n in zip(bars, counts.values):
        ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height(), f"{n:,}", ha="center", va="bottom", fontsize=8)
    ax.set_xticks(counts.index)
    ax.set_xlabel(words("posts_axis", lang))
    ax.set_ylabel(words("people_axis", lang))
    ax.axvline(min_posts - 0.5, color="#b8860b", linestyle="--", linewidth=1)
    ax.text(min_posts - 0.45, ax.get_ylim()[1] * 0.92, f"{words('threshold', lang)} ≥ {min_posts}", fontsize=8,
            color="#b8860b")
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
