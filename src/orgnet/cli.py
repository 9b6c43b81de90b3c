"""The ``orgnet`` command: each command parses options, calls one library function, prints.

Errors from the library (``OrgnetError``) become one line on stderr and an exit code: 2 for bad input,
1 for anything else. ``--debug`` shows the traceback.
"""

from __future__ import annotations

import functools
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from . import output
from .api import Network, load, load_dataset
from .errors import OrgnetError, ValidationError
from .rules import Rules

app = typer.Typer(
    help="Model an organizational network as a graph: where women's organizations are missing "
    "(哪里有党组织，哪里就有妇联组织) and where one person holds too many posts (一人多职).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)
err = Console(stderr=True)
_debug = False


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


Dataset = Annotated[Path, typer.Argument(help="A folder of CSV files or an .xlsx workbook.", show_default=False)]
AsOf = Annotated[Optional[str], typer.Option("--as-of", help="The day to look at, YYYY-MM-DD (default: today).")]
RulesFile = Annotated[Optional[Path], typer.Option("--rules", help="TOML file overriding rule thresholds.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table for people; csv or json for programs.")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of stdout.")]


def handles_errors(command):
    """Turn library errors into one clear line and the right exit code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ValidationError as exc:
            output.print_problems(exc.problems, err)
            raise typer.Exit(exc.exit_code) from None
        except OrgnetError as exc:
            if _debug:
                raise
            err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err.print("interrupted; no output file was left half-written")
            raise typer.Exit(130) from None
        except Exception as exc:
            if _debug:
                raise
            err.print(f"[red]internal error:[/red] {type(exc).__name__}: {exc} (run with --debug for the traceback)",
                      markup=True, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper


@app.callback()
def main_options(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False) -> None:
    global _debug
    _debug = debug


def _open(path: Path) -> Network:
    with err.status(f"loading {path} …"):
        return load(path)


def _emit(frame: pd.DataFrame, fmt: Format, out: Path | None, title: str) -> None:
    output.emit(frame, fmt.value, out, title)


@app.command()
@handles_errors
def validate(path: Dataset) -> None:
    """Check a dataset against the contract; list every problem (exit 2) or print counts.

    Example: `orgnet validate data/beihu`
    """
    dataset = load_dataset(path)
    counts = ", ".join(f"{n} {name}" for name, n in dataset.counts().items() if n)
    typer.echo(f"ok: {path}: {counts}")


@app.command()
@handles_errors
def stats(path: Dataset, as_of: AsOf = None, rules: RulesFile = None,
          region: Annotated[Optional[str], typer.Option(help="Only this region (default: the root regions).")] = None,
          all_regions: Annotated[bool, typer.Option("--all-regions", help="Every region in the stats levels.")] = False,
          fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """The report figures (counts and rates with numerator/denominator), rolled up the region tree.

    Example: `orgnet stats data/beihu --as-of 2012-06-30`
    """
    frame = _open(path).stats(as_of, Rules.from_toml(rules))
    _emit(output.pick_regions(frame, region, all_regions), fmt, out, "figures")


@app.command()
@handles_errors
def gaps(path: Dataset, as_of: AsOf = None, rules: RulesFile = None,
         rule: Annotated[Optional[str], typer.Option(help="Only this rule's rows.")] = None,
         fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Coverage gaps: one row per organization and rule it breaks.

    Rules: committee_required, liaison_required, party_without_women, vacant_head.

    Example: `orgnet gaps data/longyou --as-of 2012-06-30 --format csv -o gaps.csv`
    """
    frame = _open(path).gaps(as_of, Rules.from_toml(rules))
    _emit(output.pick_rule(frame, rule), fmt, out, "coverage gaps")


@app.command()
@handles_errors
def overlaps(path: Dataset, as_of: AsOf = None, rules: RulesFile = None,
             min_posts: Annotated[Optional[int], typer.Option("--min-posts", min=1, help="Fewest active posts to list (default 2).")] = None,
             fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Post overlaps (一人多职): people with several active posts, and in which systems.

    Example: `orgnet overlaps data/beihu --as-of 2012-06-30 --min-posts 3`
    """
    frame = _open(path).overlaps(as_of, Rules.from_toml(rules), min_posts=min_posts)
    _emit(frame, fmt, out, "post overlaps")


@app.command()
@handles_errors
def nameplates(path: Dataset, as_of: AsOf = None, rules: RulesFile = None,
               fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Nameplate overlaps (一套班子几块牌子): bodies in one organization run by the same people.

    Example: `orgnet nameplates data/beihu --as-of 2012-06-30`
    """
    frame = _open(path).nameplates(as_of, Rules.from_toml(rules))
    _emit(frame, fmt, out, "nameplate overlaps")


@app.command()
@handles_errors
def plan(path: Dataset, as_of: AsOf = None, rules: RulesFile = None,
         fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Where to build women's committees next: ready first (两稳定一合适), then by party grade, then size.

    Example: `orgnet plan data/longyou --as-of 2012-06-30`
    """
    frame = _open(path).plan(as_of, Rules.from_toml(rules))
    _emit(frame, fmt, out, "building plan")


@app.command("liaison-check")
@handles_errors
def liaison_check(path: Dataset,
                  year: Annotated[Optional[int], typer.Option(help="Calendar year to check (default: this year).")] = None,
                  rules: RulesFile = None, fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Liaison compliance (挂钩联系): 1–3 linked bodies per executive, 2+ visits per link a year.

    Example: `orgnet liaison-check data/longyou --year 2012`
    """
    frame = _open(path).liaison_check(year or date.today().year, Rules.from_toml(rules))
    _emit(frame, fmt, out, "liaison check")


@app.command()
@handles_errors
def summary(path: Dataset, as_of: AsOf = None, rules: RulesFile = None,
            top: Annotated[int, typer.Option(help="Rows of gaps and overlaps to show.")] = 10) -> None:
    """The main job: validate, build the graph, print figures, gaps by rule, top gaps and overlaps.

    Example: `orgnet summary data/beihu --as-of 2012-06-30`
    """
    net = _open(path)
    rules_ = Rules.from_toml(rules)
    output.print_summary(net, as_of, rules_, top, Console())


@app.command()
@handles_errors
def generate(out: Annotated[Path, typer.Argument(help="Folder to write the CSV files into.")],
             profile: Annotated[str, typer.Option(help="longyou or beihu (calibrated to the reports), or scale.")] = "beihu",
             seed: Annotated[int, typer.Option(help="Random seed: same seed, same files.")] = 2012,
             orgs: Annotated[Optional[int], typer.Option(help="Number of organizations (scale profile).")] = None) -> None:
    """Write a synthetic dataset (Chinese names, realistic structure).

    Example: `orgnet generate --profile longyou --seed 2012 data/longyou`
    """
    from .generate import generate as make

    counts = make(profile, seed, out, orgs=orgs)
    typer.echo(f"wrote {out}: " + ", ".join(f"{n} {t}" for t, n in counts.items()))


@app.command()
def schema() -> None:
    """Print the data contract (tables, columns, types, Chinese aliases) as Markdown."""
    from .schema import schema_markdown

    typer.echo(schema_markdown())


def main() -> None:
    """Console-script entry point."""
    app(prog_name="orgnet")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
