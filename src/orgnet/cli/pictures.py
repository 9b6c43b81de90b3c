"""The commands that draw: an interactive network view, a chart, and the HTML report."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import InputError
from ..rules import Rules
from .common import (IN_PLACE, AsOf, DatasetOpt, RulesFile, dated, handles_errors, in_int64, open_network, say_wrote,
                     with_backend)


class ViewKind(str, Enum):
    coverage = "coverage"
    overlaps = "overlaps"
    ego = "ego"
    region = "region"
    diff = "diff"


class OverlapLens(str, Enum):
    load = "load"
    cross = "cross"
    all = "all"


class ChartKind(str, Enum):
    coverage = "coverage"
    post_load = "post-load"
    women_bodies = "women-bodies"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


Redact = Annotated[bool, typer.Option("--redact", help="Replace person names with stable pseudonyms "
                                      "(key: $ORGNET_REDACT_KEY or ~/.config/orgnet/redact.key).")]
MaxNodes = Annotated[int, typer.Option("--max-nodes", min=10, callback=in_int64, help="Above this many nodes the view aggregates "
                                       "(and says so on the page).")]
LangOpt = Annotated[Lang, typer.Option(
    "--lang", help="Language of headings, labels and the report's table texts (gap details, plan reasons).")]


@with_backend
@handles_errors
@dated
def viz(path: DatasetOpt = None,
        view: Annotated[ViewKind, typer.Option("--view", help="coverage, overlaps, ego (with --person or --org), "
                                               "region (with --region) or diff (with --from and --to).")]
        = ViewKind.coverage,
        out: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write. " + IN_PLACE)] = ...,
        as_of: AsOf = None, rules: RulesFile = None,
        person: Annotated[Optional[str], typer.Option("--person", help="Ego view: the person, an id or a name.")] = None,
        org: Annotated[Optional[str], typer.Option("--org", help="Ego view: the organization's id.")] = None,
        region: Annotated[Optional[str], typer.Option("--region", help="Region view: the region, an id or a name.")] = None,
        min_posts: Annotated[Optional[int], typer.Option(
            "--min-posts", min=1, callback=in_int64,
            help="Overlaps: the fewest active posts a person listed holds, as `orgnet overlaps --min-posts` (default 2). "
                 "Other views: people with at least this many posts stand out (default 3).")] = None,
        top: Annotated[int, typer.Option("--top", min=1, callback=in_int64, help="Overlaps: how many people are drawn, "
                                         "most posts first.")] = 50,
        lens: Annotated[Optional[OverlapLens], typer.Option(
            "--lens", help="Overlaps: load (default, as `orgnet overlaps`: posts beyond sanctioned cross-appointments), "
                           "cross (sanctioned cross-appointments) or all.")] = None,
        max_nodes: MaxNodes = 1500, redact: Redact = False,
        ghosts: Annotated[bool, typer.Option("--ghosts/--no-ghosts", help="Coverage view: a dashed node for each "
                                             "women's body a rule requires and the organization lacks.")] = True,
        start: Annotated[Optional[str], typer.Option("--from", help="Diff view: the earlier day (2011-06-30, "
                                                     "2011/6/30, …).")] = None,
        end: Annotated[Optional[str], typer.Option("--to", help="Diff view: the later day (default: --as-of).")]
        = None) -> None:
    """An interactive network view as one self-contained HTML file (works offline, from file://).

    Examples: `orgnet viz data/beihu --view coverage --as-of 2012-06-30 -o coverage.html` ·
    `orgnet viz data/beihu --view overlaps --lens cross --top 30 -o overlaps.html` ·
    `orgnet viz data/beihu --view ego --person P00001 -o ego.html` ·
    `orgnet viz data/beihu --view diff --from 2011-06-30 --to 2012-06-30 -o diff.html`
    """
    if view is not ViewKind.diff and (start or end):
        raise InputError("--from and --to are options of --view diff")
    net = open_network(path)
    options = {"start": start, "end": end} if view is ViewKind.diff else {}
    page = net.view(view.value, as_of, Rules.from_toml(rules), person=person, org=org, region=region,
                    min_posts=min_posts, max_nodes=max_nodes, redact=redact, ghosts=ghosts, top=top,
                    lens=lens and lens.value, **options).save(out)
    say_wrote(out, f"wrote {page}")


@with_backend
@handles_errors
@dated
def chart(path: DatasetOpt = None,
          kind: Annotated[ChartKind, typer.Option("--kind", help="coverage (by township/street, the lowest "
                                                  "40 at most, on a fitted axis), post-load (posts per person, "
                                                  "log scale) or women-bodies (by type).")] = ChartKind.coverage,
          out: Annotated[Path, typer.Option("--output", "-o", help="The .png or .svg file to write. " + IN_PLACE)]
          = ...,
          as_of: AsOf = None, rules: RulesFile = None, lang: LangOpt = Lang.zh,
          min_posts: Annotated[int, typer.Option("--min-posts", min=1, callback=in_int64, help="post-load: highlight from this many "
                                                 "posts.")] = 3) -> None:
    """A chart as PNG or SVG, every text in one regular CJK face (Debian's fonts-noto-cjk; without one, a
    line says so and the chart uses English words and ids).

    Example: `orgnet chart data/beihu --kind coverage --as-of 2012-06-30 -o coverage.png`
    """
    from ..viz.charts import save_chart

    figure = open_network(path).chart(kind.value, as_of, Rules.from_toml(rules), lang=lang.value, min_posts=min_posts)
    say_wrote(out, f"wrote {save_chart(figure, out)}")


@with_backend
@handles_errors
@dated
def report(path: DatasetOpt = None,
           out: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write. " + IN_PLACE)]
           = Path("report.html"),
           as_of: AsOf = None, rules: RulesFile = None, lang: LangOpt = Lang.zh, redact: Redact = False,
           max_nodes: MaxNodes = 1500) -> None:
    """The report an analyst can email: figures, charts, top gaps and overlaps, the build queue and the
    party-first list, the coverage view, all in one self-contained HTML file.

    Example: `orgnet report data/beihu --as-of 2012-06-30 -o report.html`
    """
    page = open_network(path).report(out, as_of, Rules.from_toml(rules), lang=lang.value, redact=redact,
                              max_nodes=max_nodes)
    say_wrote(out, f"wrote {page}")
