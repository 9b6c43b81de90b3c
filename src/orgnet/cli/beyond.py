"""The commands beyond the report: changes over time, departures, leadership composition, demonstration
points, shared venues, coverage breakdowns, bridging people, and the one-page summary."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer
from rich.console import Console

from .. import output
from ..rules import Rules
from .common import (AsOf, DatasetOpt, Format, FormatOpt, OutputOpt, RulesFile, dated, emit, handles_errors, in_int64,
                     open_network, reads_only, redactable, redacting, table_options, with_backend)


@redactable
@with_backend
@table_options()
@handles_errors
def diff(path: DatasetOpt = None,
         start: Annotated[str, typer.Option("--from", help="The earlier day: 2011-06-30, 2011/6/30 or any spelling "
                                            "a date cell takes.")] = ...,
         end: Annotated[str, typer.Option("--to", help="The later day, spelled the same ways.")] = ...,
         rules: RulesFile = None, fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """What changed: gaps opened and closed, bodies founded and dissolved, posts started and ended,
    coverage per region at both dates.

    Example: `orgnet diff data/beihu --from 2011-06-30 --to 2012-06-30`
    """
    emit(open_network(path).diff(start, end, Rules.from_toml(rules)), fmt, out, f"changes {start} → {end}")


@redactable
@with_backend
@table_options()
@handles_errors
@dated
def impact(path: DatasetOpt = None,
           person: Annotated[str, typer.Option("--person", help="The person: an id or a name (a name several people "
                                               "share lists them with their posts, exit 2).")] = ...,
           as_of: AsOf = None, fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """If this person left: the bodies left without a head, and the gaps that would open.

    Examples: `orgnet impact data/beihu --person P00001 --as-of 2012-06-30` ·
    `orgnet impact data/beihu --person 唐媛翠 --as-of 2012/6/30`
    """
    emit(open_network(path).impact(person, as_of), fmt, out, f"impact of {person} leaving", people=(person,))


@redactable
@with_backend
@table_options()
@handles_errors
@dated
def key_people(path: DatasetOpt = None, as_of: AsOf = None, fmt: FormatOpt = Format.table,
               out: OutputOpt = None) -> None:
    """Turnover risk: everyone whose departure leaves bodies headless, ranked by the gaps it opens.

    Example: `orgnet key-people data/beihu --as-of 2012-06-30 --region 郴江镇 --top 20`
    """
    emit(open_network(path).key_people(as_of), fmt, out, "key people")


@redactable
@with_backend
@table_options(region=False)
@handles_errors
@dated
def composition(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
                fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Leadership rules: women in township/street and department teams, reserve cadres, congress chairs.

    Example: `orgnet composition data/beihu --as-of 2012-06-30`
    """
    emit(open_network(path).composition(as_of, Rules.from_toml(rules)), fmt, out, "leadership composition")


@redactable
@with_backend
@table_options()
@handles_errors
@dated
def demo_reach(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
               hops: Annotated[Optional[int], typer.Option(min=0, callback=in_int64, help="Hops through shared people or pairing (default 2).")] = None,
               fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Demonstration points (示范点): pairing units, the organizations they reach, coverage inside vs outside.

    Example: `orgnet demo-reach data/beihu --as-of 2012-06-30 --hops 2`
    """
    emit(open_network(path).demo_reach(as_of, Rules.from_toml(rules), hops), fmt, out, "demonstration reach")


@redactable
@with_backend
@table_options()
@handles_errors
@dated
def venues(path: DatasetOpt = None, as_of: AsOf = None,
           min_bodies: Annotated[int, typer.Option("--min-bodies", min=1, callback=in_int64, help="Fewest bodies sharing a room.")] = 2,
           fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Shared rooms (一室多用): venues used by several active bodies.

    Example: `orgnet venues data/beihu --as-of 2012-06-30`
    """
    emit(open_network(path).venues(as_of, min_bodies), fmt, out, "shared venues")


class CoverageBy(str, Enum):
    kind = "kind"
    grade = "grade"


@redactable
@with_backend
@table_options()
@handles_errors
@dated
def coverage(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
             by: Annotated[Optional[CoverageBy], typer.Option(help="Break down by organization kind or party grade.")] = None,
             fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Women's-work coverage (工作覆盖: a women's body or a liaison officer) of two-new organizations,
    every region up the tree (the stats figure two_new_work_coverage, broken down by kind or grade).

    Example: `orgnet coverage data/beihu --as-of 2012-06-30 --by grade`
    """
    frame = open_network(path).coverage(as_of, Rules.from_toml(rules), by.value if by else None)
    emit(frame, fmt, out, "coverage by region")


@redactable
@with_backend
@table_options()
@handles_errors
@dated
def bridges(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
            fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """People who bridge party and women's work: posts in both, by betweenness centrality.

    Example: `orgnet bridges data/beihu --as-of 2012-06-30`
    """
    emit(open_network(path).bridges(as_of, Rules.from_toml(rules)), fmt, out, "bridges between party and women's work")


@reads_only("stats", "gaps", "overlaps")
@redactable
@with_backend
@handles_errors
@dated
def summary(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
            top: Annotated[int, typer.Option(min=0, callback=in_int64, help="Rows of gaps and overlaps to show.")] = 10) -> None:
    """The main job: validate, print figures, gaps by rule, top gaps and overlaps.

    The figures are the top region's; past five top regions (a province of counties), their sum, in
    which a person holding posts in two regions counts in each people figure (said under the table).

    Example: `orgnet summary data/beihu --as-of 2012-06-30`
    """
    net = open_network(path, "stats", "gaps", "overlaps")
    rules_ = Rules.from_toml(rules)
    output.print_summary(net, as_of, rules_, top, output.whole_rows(Console()), redact=redacting())
