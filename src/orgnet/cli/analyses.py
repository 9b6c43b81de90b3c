"""The analysis commands: the report's figures and the checks it asks for (gaps, overlaps, nameplates,
the building plan, guidance links)."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Optional

import typer

from .. import gap_rules, glossary
from .. import output
from ..rules import Rules
from .common import (AsOf, DatasetOpt, Format, FormatOpt, OutputOpt, RulesFile, dated, emit, handles_errors, in_int64,
                     open_network, reads_only, redactable, region_given, say_day, table_options, with_backend)


@reads_only("stats")
@redactable
@with_backend
@table_options()
@handles_errors
@dated
def stats(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
          all_regions: Annotated[bool, typer.Option("--all-regions", help="Every region in the stats levels "
                                                    "(default: the root regions; with --region, it and those below).")]
          = False,
          fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """The report figures (counts and rates with numerator/denominator), rolled up the region tree.

    Each figure's definition beside the report's phrase: `orgnet schema --figures` (docs/FIGURES.md).
    Rates and averages are rounded half up (四舍五入) to one decimal.

    Example: `orgnet stats data/beihu --as-of 2012-06-30 --region 郴江镇`
    """
    frame = open_network(path, "stats").stats(as_of, Rules.from_toml(rules))
    emit(output.pick_regions(frame, region_given(), all_regions), fmt, out, "figures")


@reads_only("gaps")
@redactable
@with_backend
@table_options()
@handles_errors
@dated
def gaps(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
         rule: Annotated[Optional[str], typer.Option(
             help="Only this rule's rows: " + ", ".join(gap_rules.RULE_IDS) + " (orgnet schema lists them).")] = None,
         fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Coverage gaps: one row per organization and rule it breaks (the rules: `orgnet schema`).

    Example: `orgnet gaps data/longyou --as-of 2012-06-30 --format csv -o gaps.csv`
    """
    frame = open_network(path, "gaps").gaps(as_of, Rules.from_toml(rules))
    emit(output.pick_rule(frame, rule), fmt, out, "coverage gaps")


class Lens(str, Enum):
    load = "load"
    cross = "cross"
    all = "all"


@reads_only("overlaps")
@redactable
@with_backend
@table_options()
@handles_errors
@dated
def overlaps(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
             min_posts: Annotated[Optional[int], typer.Option("--min-posts", min=1, callback=in_int64, help="Fewest active posts to list (default 2).")] = None,
             lens: Annotated[Optional[Lens], typer.Option(
                 "--lens", help="load (default): people with posts beyond the cross-appointments the reports require "
                                "or endorse (post load); cross: people holding such a sanctioned cross-appointment; "
                                "all: everyone with --min-posts.")] = None,
             min_extra_posts: Annotated[Optional[int], typer.Option(
                 "--min-extra-posts", min=0, callback=in_int64,
                 help="--lens load: fewest extra posts (seats beyond the first; a sanctioned cross-appointment "
                      "is one seat) to list (default 1).")] = None,
             fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Post overlaps (一人多职): people with several active posts, which of them the reports require or
    endorse (sanctioned_posts, rules) and which are extra (extra_posts).

    The sanctioned cross-appointments (e.g. 村妇代会主任进村“两委”, 一套班子几块牌子 in a two-new
    organization) are listed by `orgnet schema`; switch them with `sanctioned = [...]` in --rules.

    Example: `orgnet overlaps data/beihu --as-of 2012-06-30 --lens load --min-extra-posts 2`
    """
    base = Rules.from_toml(rules)
    frame = open_network(path, "overlaps").overlaps(as_of, base, min_posts=min_posts, lens=lens and lens.value,
                                                    min_extra_posts=min_extra_posts)
    shown = base.with_overrides(overlap_lens=lens and lens.value, min_extra_posts=min_extra_posts)
    emit(frame, fmt, out, f"post overlaps — {glossary.lens_title(shown)}")


@reads_only("nameplates")
@redactable
@with_backend
@table_options()
@handles_errors
@dated
def nameplates(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
               fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Nameplate overlaps (一套班子几块牌子): bodies in one organization run by the same people, and of
    what kind: one_team (a sanctioned cross-appointment ties them for everyone they share: one team by
    design), lost_own_people (one body's own people left and only people borrowed from the other remain:
    lost_body, people_left), shared (neither).

    Example: `orgnet nameplates data/beihu --as-of 2012-06-30`
    """
    frame = open_network(path, "nameplates").nameplates(as_of, Rules.from_toml(rules))
    emit(frame, fmt, out, "nameplate overlaps")


class PlanList(str, Enum):
    all = "all"
    queue = "queue"
    party_first = "party-first"


@reads_only("plan")
@redactable
@with_backend
@table_options()
@handles_errors
@dated
def plan(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
         which: Annotated[PlanList, typer.Option(
             "--list", help="queue: the women's build queue (organizations with a party body); party-first: "
             "those without one (先建党组织); all: both, the queue first.")] = PlanList.all,
         fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Where to build women's committees next (下一步组建对象), in the reports' order: 先党后妇, 先易后难, 以大促小.

    The organizations that need a committee and have an active party body form the build queue:
    party grade 优秀 first, then 达标, then every other organization with a party body (rule
    plan_first_grades); within each, readiness (两稳定一合适: business stable, female workforce stable, a
    suitable candidate); then more female staff, more staff. Those without a party body go on the
    party-first list (先建党组织), by size. Candidates (合适人选: women party members who work there)
    are named, with the posts they hold (--redact: pseudonyms).

    Example: `orgnet plan data/beihu --as-of 2012-06-30 --list queue`
    """
    frame = open_network(path, "plan").plan(as_of, Rules.from_toml(rules))
    if which != PlanList.all:
        frame = frame[frame["list"] == which.value.replace("-", "_")].reset_index(drop=True)
    emit(frame, fmt, out, {"all": "building plan", "queue": "build queue",
                           "party-first": "party first (no party body yet)"}[which.value])


@reads_only("liaison_check")
@redactable
@with_backend
@table_options()
@handles_errors
def liaison_check(path: DatasetOpt = None,
                  year: Annotated[Optional[int], typer.Option(min=1, max=9999, help="Calendar year to check (default: this year).")] = None,
                  rules: RulesFile = None, fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Guidance links (挂钩联系): 1–3 linked bodies per executive committee member, 2+ visits per link a year.

    Example: `orgnet liaison-check data/longyou --year 2012`
    """
    frame = open_network(path, "liaison_check").liaison_check(year or date.today().year, Rules.from_toml(rules))
    emit(frame, fmt, out, "guidance link check")
    if year is None:
        say_day("year", date.today().year, "this year", "--year")
