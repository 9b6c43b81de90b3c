"""The ``orgnet`` command: each command parses options, calls one library function, prints.

Errors from the library (``OrgnetError``) become one line on stderr and an exit code: 2 for bad input,
1 for anything else. ``--debug`` shows the traceback.
"""

from __future__ import annotations

import contextvars
import functools
import inspect
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
from .engines.base import TABLES_USED
from .schema import SCHEMA
from .errors import InputError, OrgnetError, ValidationError
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
DatasetOpt = Annotated[Optional[Path], typer.Argument(
    help="A folder of CSV files or an .xlsx workbook (not with --backend neo4j).", show_default=False)]


class Backend(str, Enum):
    networkx = "networkx"
    neo4j = "neo4j"


NEO4J_HELP = "Neo4j connection"
Neo4jUri = Annotated[Optional[str], typer.Option(
    "--neo4j-uri", help="Neo4j server, e.g. bolt://localhost:7687 (default: $NEO4J_URI).",
    show_default=False, rich_help_panel=NEO4J_HELP)]
Neo4jUser = Annotated[Optional[str], typer.Option(
    "--neo4j-user", help="Neo4j user (default: $NEO4J_USERNAME, else neo4j).", show_default=False,
    rich_help_panel=NEO4J_HELP)]
Neo4jPassword = Annotated[Optional[str], typer.Option(
    "--neo4j-password", help="Neo4j password (default: $NEO4J_PASSWORD; prefer the variable, options show "
    "in the process list).", show_default=False, rich_help_panel=NEO4J_HELP)]
Neo4jDatabase = Annotated[Optional[str], typer.Option(
    "--neo4j-database", help="Database name (default: $NEO4J_DATABASE, else the server's default).",
    show_default=False, rich_help_panel=NEO4J_HELP)]
BackendOpt = Annotated[Backend, typer.Option(
    "--backend", help="networkx: read PATH and analyse in memory; neo4j: query a database filled by "
    "`orgnet load`.", rich_help_panel=NEO4J_HELP)]


class _Backend:
    """The --backend and --neo4j-* options of the running analysis command, and what it opened."""

    def __init__(self, backend: Backend = Backend.networkx, **settings):
        self.backend = backend
        self.settings = settings
        self.opened: list[Network] = []


_backend: contextvars.ContextVar[_Backend] = contextvars.ContextVar("orgnet_backend", default=_Backend())


def with_backend(command):
    """Give an analysis command `--backend networkx|neo4j` and the `--neo4j-*` connection options."""
    extra = {
        "backend": (BackendOpt, Backend.networkx), "neo4j_uri": (Neo4jUri, None), "neo4j_user": (Neo4jUser, None),
        "neo4j_password": (Neo4jPassword, None), "neo4j_database": (Neo4jDatabase, None),
    }

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        options = {name: kwargs.pop(name, default) for name, (_, default) in extra.items()}
        state = _Backend(options.pop("backend"), **options)
        token = _backend.set(state)
        try:
            return command(*args, **kwargs)
        finally:
            _backend.reset(token)
            for net in state.opened:
                net.close()

    sig = inspect.signature(command, eval_str=True)
    params = [*sig.parameters.values(),
              *(inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=d, annotation=a) for n, (a, d) in extra.items())]
    wrapper.__signature__ = sig.replace(parameters=params)
    return wrapper


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


def tables_used(*analyses: str) -> tuple[str, ...]:
    """The tables the analyses read between them, in the schema's order."""
    wanted = {t for a in analyses for t in TABLES_USED[a]}
    return tuple(t for t in SCHEMA.tables if t in wanted)


def reads_only(*analyses: str):
    """Say in a command's help which tables it reads (``TABLES_USED``), and that validate reads all."""
    def mark(command):
        tables = ", ".join(tables_used(*analyses))
        command.__doc__ += (f"\n\nReads only {tables} (on --backend networkx); "
                            "`orgnet validate` checks every table.")
        return command

    return mark


def _open(path: Path | None, *analyses: str) -> Network:
    """The dataset at PATH on networkx, or the Neo4j database (--backend neo4j).

    With ``analyses``, only the tables they use are read and checked (``TABLES_USED``)."""
    state = _backend.get()
    if state.backend == Backend.neo4j:
        if path is not None:
            raise InputError(f"{path}: PATH is not used with --backend neo4j; the data comes from the server "
                             "(fill it with `orgnet load PATH`)")
        from .api import connect

        s = state.settings
        net = connect(s["neo4j_uri"], s["neo4j_user"], s["neo4j_password"], s["neo4j_database"])
        state.opened.append(net)
        return net
    if path is None:
        raise InputError("missing PATH: a folder of CSV files or an .xlsx workbook (or --backend neo4j)")
    with err.status(f"loading {path} …") as status:
        return load(path, on_stage=lambda text: status.update(f"{text} …"), tables=tables_used(*analyses) if analyses else None)


_redacting: contextvars.ContextVar[bool] = contextvars.ContextVar("orgnet_redact", default=False)


def redactable(command):
    """Give a table command `--redact`: people in its output become stable pseudonyms."""

    @functools.wraps(command)
    def wrapper(*args, redact: bool = False, **kwargs):
        token = _redacting.set(redact)
        try:
            return command(*args, **kwargs)
        finally:
            _redacting.reset(token)

    sig = inspect.signature(command, eval_str=True)
    option = Annotated[bool, typer.Option("--redact", help="Replace people's names and ids with stable pseudonyms.")]
    wrapper.__signature__ = sig.replace(parameters=[
        *sig.parameters.values(), inspect.Parameter("redact", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=option)])
    return wrapper


def _emit(frame: pd.DataFrame, fmt: Format, out: Path | None, title: str) -> None:
    if _redacting.get():
        from .redact import redact_frame

        frame = redact_frame(frame)
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
@reads_only("stats")
@redactable
@with_backend
@handles_errors
def stats(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
          region: Annotated[Optional[str], typer.Option(help="Only this region (default: the root regions).")] = None,
          all_regions: Annotated[bool, typer.Option("--all-regions", help="Every region in the stats levels.")] = False,
          fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """The report figures (counts and rates with numerator/denominator), rolled up the region tree.

    Example: `orgnet stats data/beihu --as-of 2012-06-30`
    """
    frame = _open(path, "stats").stats(as_of, Rules.from_toml(rules))
    _emit(output.pick_regions(frame, region, all_regions), fmt, out, "figures")


@app.command()
@reads_only("gaps")
@redactable
@with_backend
@handles_errors
def gaps(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
         rule: Annotated[Optional[str], typer.Option(help="Only this rule's rows.")] = None,
         fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Coverage gaps: one row per organization and rule it breaks.

    Rules: committee_required, liaison_required, party_without_women, vacant_head.

    Example: `orgnet gaps data/longyou --as-of 2012-06-30 --format csv -o gaps.csv`
    """
    frame = _open(path, "gaps").gaps(as_of, Rules.from_toml(rules))
    _emit(output.pick_rule(frame, rule), fmt, out, "coverage gaps")


@app.command()
@reads_only("overlaps")
@redactable
@with_backend
@handles_errors
def overlaps(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
             min_posts: Annotated[Optional[int], typer.Option("--min-posts", min=1, help="Fewest active posts to list (default 2).")] = None,
             fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Post overlaps (一人多职): people with several active posts, and in which systems.

    Example: `orgnet overlaps data/beihu --as-of 2012-06-30 --min-posts 3`
    """
    frame = _open(path, "overlaps").overlaps(as_of, Rules.from_toml(rules), min_posts=min_posts)
    _emit(frame, fmt, out, "post overlaps")


@app.command()
@reads_only("nameplates")
@redactable
@with_backend
@handles_errors
def nameplates(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
               fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Nameplate overlaps (一套班子几块牌子): bodies in one organization run by the same people.

    Example: `orgnet nameplates data/beihu --as-of 2012-06-30`
    """
    frame = _open(path, "nameplates").nameplates(as_of, Rules.from_toml(rules))
    _emit(frame, fmt, out, "nameplate overlaps")


@app.command()
@reads_only("plan")
@redactable
@with_backend
@handles_errors
def plan(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
         fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Where to build women's committees next: ready first (两稳定一合适), then by party grade, then size.

    Example: `orgnet plan data/longyou --as-of 2012-06-30`
    """
    frame = _open(path, "plan").plan(as_of, Rules.from_toml(rules))
    _emit(frame, fmt, out, "building plan")


@app.command("liaison-check")
@reads_only("liaison_check")
@redactable
@with_backend
@handles_errors
def liaison_check(path: DatasetOpt = None,
                  year: Annotated[Optional[int], typer.Option(help="Calendar year to check (default: this year).")] = None,
                  rules: RulesFile = None, fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Liaison compliance (挂钩联系): 1–3 linked bodies per executive, 2+ visits per link a year.

    Example: `orgnet liaison-check data/longyou --year 2012`
    """
    frame = _open(path, "liaison_check").liaison_check(year or date.today().year, Rules.from_toml(rules))
    _emit(frame, fmt, out, "liaison check")


@app.command()
@redactable
@with_backend
@handles_errors
def diff(path: DatasetOpt = None,
         start: Annotated[str, typer.Option("--from", help="The earlier day, YYYY-MM-DD.")] = ...,
         end: Annotated[str, typer.Option("--to", help="The later day, YYYY-MM-DD.")] = ...,
         rules: RulesFile = None, fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """What changed: gaps opened and closed, bodies founded and dissolved, posts started and ended,
    coverage per region at both dates.

    Example: `orgnet diff data/beihu --from 2011-06-30 --to 2012-06-30`
    """
    _emit(_open(path).diff(start, end, Rules.from_toml(rules)), fmt, out, f"changes {start} → {end}")


@app.command()
@redactable
@with_backend
@handles_errors
def impact(path: DatasetOpt = None,
           person: Annotated[str, typer.Option("--person", help="The person's id.")] = ...,
           as_of: AsOf = None, fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """If this person left: the bodies left without a head, and the gaps that would open.

    Example: `orgnet impact data/beihu --person P0001 --as-of 2012-06-30`
    """
    _emit(_open(path).impact(person, as_of), fmt, out, f"impact of {person} leaving")


@app.command("key-people")
@redactable
@with_backend
@handles_errors
def key_people(path: DatasetOpt = None, as_of: AsOf = None, fmt: FormatOpt = Format.table,
               out: OutputOpt = None) -> None:
    """Turnover risk: everyone whose departure leaves bodies headless, ranked by the gaps it opens.

    Example: `orgnet key-people data/beihu --as-of 2012-06-30`
    """
    _emit(_open(path).key_people(as_of), fmt, out, "key people")


@app.command()
@redactable
@with_backend
@handles_errors
def composition(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
                fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Leadership rules: women in township/street and department teams, reserve cadres, congress chairs.

    Example: `orgnet composition data/beihu --as-of 2012-06-30`
    """
    _emit(_open(path).composition(as_of, Rules.from_toml(rules)), fmt, out, "leadership composition")


@app.command("demo-reach")
@redactable
@with_backend
@handles_errors
def demo_reach(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
               hops: Annotated[Optional[int], typer.Option(min=0, help="Hops through shared people or pairing (default 2).")] = None,
               fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Demonstration points (示范点): pairing units, the organizations they reach, coverage inside vs outside.

    Example: `orgnet demo-reach data/beihu --as-of 2012-06-30 --hops 2`
    """
    _emit(_open(path).demo_reach(as_of, Rules.from_toml(rules), hops), fmt, out, "demonstration reach")


@app.command()
@redactable
@with_backend
@handles_errors
def venues(path: DatasetOpt = None, as_of: AsOf = None,
           min_bodies: Annotated[int, typer.Option("--min-bodies", min=1, help="Fewest bodies sharing a room.")] = 2,
           fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Shared rooms (一室多用): venues used by several active bodies.

    Example: `orgnet venues data/beihu --as-of 2012-06-30`
    """
    _emit(_open(path).venues(as_of, min_bodies), fmt, out, "shared venues")


class CoverageBy(str, Enum):
    kind = "kind"
    grade = "grade"


@app.command()
@redactable
@with_backend
@handles_errors
def coverage(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
             by: Annotated[Optional[CoverageBy], typer.Option(help="Break down by organization kind or party grade.")] = None,
             fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """Coverage of two-new organizations by women's organizations, every region up the tree.

    Example: `orgnet coverage data/beihu --as-of 2012-06-30 --by grade`
    """
    frame = _open(path).coverage(as_of, Rules.from_toml(rules), by.value if by else None)
    _emit(frame, fmt, out, "coverage by region")


@app.command()
@redactable
@with_backend
@handles_errors
def bridges(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
            fmt: FormatOpt = Format.table, out: OutputOpt = None) -> None:
    """People who bridge party and women's work: posts in both, by betweenness centrality.

    Example: `orgnet bridges data/beihu --as-of 2012-06-30`
    """
    _emit(_open(path).bridges(as_of, Rules.from_toml(rules)), fmt, out, "bridges between party and women's work")


@app.command()
@reads_only("stats", "gaps", "overlaps")
@with_backend
@handles_errors
def summary(path: DatasetOpt = None, as_of: AsOf = None, rules: RulesFile = None,
            top: Annotated[int, typer.Option(help="Rows of gaps and overlaps to show.")] = 10) -> None:
    """The main job: validate, print figures, gaps by rule, top gaps and overlaps.

    The figures are the top region's; past five top regions (a province of counties), their sum, in
    which a person holding posts in two regions counts in each people figure (said under the table).

    Example: `orgnet summary data/beihu --as-of 2012-06-30`
    """
    net = _open(path, "stats", "gaps", "overlaps")
    rules_ = Rules.from_toml(rules)
    output.print_summary(net, as_of, rules_, top, Console())


class ViewKind(str, Enum):
    coverage = "coverage"
    overlaps = "overlaps"
    ego = "ego"
    region = "region"
    diff = "diff"


class ChartKind(str, Enum):
    coverage = "coverage"
    post_load = "post-load"
    women_bodies = "women-bodies"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


Redact = Annotated[bool, typer.Option("--redact", help="Replace person names with stable pseudonyms "
                                      "(key: $ORGNET_REDACT_KEY or ~/.config/orgnet/redact.key).")]
MaxNodes = Annotated[int, typer.Option("--max-nodes", min=10, help="Above this many nodes the view aggregates "
                                       "(and says so on the page).")]
LangOpt = Annotated[Lang, typer.Option(
    "--lang", help="Language of headings, labels and the report's table texts (gap details, plan reasons).")]


@app.command()
@with_backend
@handles_errors
def viz(path: DatasetOpt = None,
        view: Annotated[ViewKind, typer.Option("--view", help="coverage, overlaps, ego (with --person or --org), "
                                               "region (with --region) or diff (with --from and --to).")]
        = ViewKind.coverage,
        out: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = ...,
        as_of: AsOf = None, rules: RulesFile = None,
        person: Annotated[Optional[str], typer.Option("--person", help="Ego view: the person's id.")] = None,
        org: Annotated[Optional[str], typer.Option("--org", help="Ego view: the organization's id.")] = None,
        region: Annotated[Optional[str], typer.Option("--region", help="Region view: the region's id.")] = None,
        min_posts: Annotated[int, typer.Option("--min-posts", min=1, help="People with at least this many "
                                               "active posts stand out.")] = 3,
        max_nodes: MaxNodes = 1500, redact: Redact = False,
        ghosts: Annotated[bool, typer.Option("--ghosts/--no-ghosts", help="Coverage view: a dashed node for each "
                                             "women's body a rule requires and the organization lacks.")] = True,
        start: Annotated[Optional[str], typer.Option("--from", help="Diff view: the earlier day, YYYY-MM-DD.")] = None,
        end: Annotated[Optional[str], typer.Option("--to", help="Diff view: the later day, YYYY-MM-DD "
                                                   "(default: --as-of).")] = None) -> None:
    """An interactive network view as one self-contained HTML file (works offline, from file://).

    Examples: `orgnet viz data/beihu --view coverage --as-of 2012-06-30 -o coverage.html` ·
    `orgnet viz data/beihu --view ego --person P00001 -o ego.html` ·
    `orgnet viz data/beihu --view diff --from 2011-06-30 --to 2012-06-30 -o diff.html`
    """
    if view is not ViewKind.diff and (start or end):
        raise InputError("--from and --to are options of --view diff")
    net = _open(path)
    options = {"start": start, "end": end} if view is ViewKind.diff else {}
    page = net.view(view.value, as_of, Rules.from_toml(rules), person=person, org=org, region=region,
                    min_posts=min_posts, max_nodes=max_nodes, redact=redact, ghosts=ghosts, **options).save(out)
    typer.echo(f"wrote {page}")


@app.command()
@with_backend
@handles_errors
def chart(path: DatasetOpt = None,
          kind: Annotated[ChartKind, typer.Option("--kind", help="coverage (by township/street), post-load "
                                                  "(posts per person) or women-bodies (by type).")] = ChartKind.coverage,
          out: Annotated[Path, typer.Option("--output", "-o", help="The .png or .svg file to write.")] = ...,
          as_of: AsOf = None, rules: RulesFile = None, lang: LangOpt = Lang.zh,
          min_posts: Annotated[int, typer.Option("--min-posts", min=1, help="post-load: highlight from this many "
                                                 "posts.")] = 3) -> None:
    """A chart as PNG or SVG (Chinese labels need a CJK font: Debian's fonts-noto-cjk).

    Example: `orgnet chart data/beihu --kind coverage --as-of 2012-06-30 -o coverage.png`
    """
    from .viz.charts import save_chart

    figure = _open(path).chart(kind.value, as_of, Rules.from_toml(rules), lang=lang.value, min_posts=min_posts)
    typer.echo(f"wrote {save_chart(figure, out)}")


@app.command()
@with_backend
@handles_errors
def report(path: DatasetOpt = None,
           out: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path("report.html"),
           as_of: AsOf = None, rules: RulesFile = None, lang: LangOpt = Lang.zh, redact: Redact = False,
           max_nodes: MaxNodes = 1500) -> None:
    """The report an analyst can email: figures, charts, top gaps and overlaps, the plan, the coverage view,
    all in one self-contained HTML file.

    Example: `orgnet report data/beihu --as-of 2012-06-30 -o report.html`
    """
    page = _open(path).report(out, as_of, Rules.from_toml(rules), lang=lang.value, redact=redact,
                              max_nodes=max_nodes)
    typer.echo(f"wrote {page}")


@app.command("load")
@handles_errors
def load_command(path: Dataset, neo4j_uri: Neo4jUri = None, neo4j_user: Neo4jUser = None,
                 neo4j_password: Neo4jPassword = None, neo4j_database: Neo4jDatabase = None,
                 batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Rows per write transaction.")] = 20_000,
                 wipe: Annotated[bool, typer.Option("--wipe", help="First delete orgnet's nodes (Region, Organization, "
                                                    "Body, Person, DemoPoint) and their relationships.")] = False,
                 yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before --wipe deletes.")] = False) -> None:
    """Validate a dataset, then write it into Neo4j (MERGE: loading twice changes nothing) and print the counts.

    Bad input writes nothing. Rows deleted from the files since an earlier load stay until `--wipe`.

    Example: `orgnet load data/beihu --neo4j-uri bolt://localhost:7687 --wipe --yes`
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .engines import neo4j as engine

    dataset = load_dataset(path)
    settings = engine.Settings.resolve(neo4j_uri, neo4j_user, neo4j_password, neo4j_database)
    database = settings.database or "(default database)"
    driver = engine.open_driver(settings)
    try:
        if wipe:
            question = f"Delete every orgnet node and relationship in {settings.where} {database}?"
            if not yes and not _confirm(question):
                raise OrgnetError("not confirmed: nothing was deleted or loaded")
            with err.status("wiping …"):
                gone = engine.wipe(driver, settings.database, where=settings.where)
            err.print(f"wiped {gone} nodes", highlight=False)
        columns = (TextColumn("{task.description:<14}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=err) as bars:
            tasks: dict[str, int] = {}

            def progress(table: str, done: int, total: int) -> None:
                if table not in tasks:
                    tasks[table] = bars.add_task(table, total=total, start=False)
                    return
                bars.start_task(tasks[table])
                bars.update(tasks[table], completed=done)
                if done >= total:
                    bars.stop_task(tasks[table])

            counts = engine.load_dataset(driver, dataset, batch_size, progress, settings.database, settings.where)
    finally:
        driver.close()
    frame = pd.DataFrame({"label or type": list(counts), "count": list(counts.values())})
    typer.echo(f"loaded {path} into {settings.where} {database}; read back from the server:")
    Console().print(output.rich_table(frame, "nodes and relationships"))


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        raise InputError("--wipe deletes data: add --yes to confirm when not running interactively")
    return typer.confirm(question, default=False)


@app.command()
@handles_errors
def query(name: Annotated[Optional[str], typer.Argument(
              help="A .cypher file, or the name of a shipped query (gaps, overlaps, nameplates, plan, "
                   "liaison_check, stats).", show_default=False)] = None,
          param: Annotated[Optional[list[str]], typer.Option(
              "--param", "-p", help="name=value, repeatable: dates as YYYY-MM-DD, lists as JSON or a,b,c. "
                                    "Shipped queries default to today and the rule defaults.")] = None,
          list_queries: Annotated[bool, typer.Option("--list", help="List the shipped queries and their parameters.")] = False,
          write: Annotated[bool, typer.Option("--write", help="Allow the query to write (default: read-only).")] = False,
          rules: RulesFile = None, fmt: FormatOpt = Format.table, out: OutputOpt = None,
          neo4j_uri: Neo4jUri = None, neo4j_user: Neo4jUser = None, neo4j_password: Neo4jPassword = None,
          neo4j_database: Neo4jDatabase = None) -> None:
    """Run a Cypher file (read-only unless `--write`) and print its rows as a table, CSV or JSON.

    Examples: `orgnet query --list` · `orgnet query gaps --param as_of=2012-06-30 -f csv` ·
    `orgnet query my.cypher --param region=R1`
    """
    from . import cypher
    from .engines import neo4j as engine

    if list_queries:
        frame = pd.DataFrame([{"query": q, "kind": kind, "parameters": " ".join(f"${n}" for n in cypher.params(q)),
                               "what": cypher.summary(cypher.query(q)).split(": ", 1)[-1]}
                              for kind, names in (("analysis", cypher.queries()), ("fact", cypher.facts()))
                              for q in names])
        _emit(frame, fmt, out, "shipped queries (cypher/queries and cypher/facts)")
        return
    if name is None:
        raise InputError("missing FILE: a .cypher file or a shipped query name (see orgnet query --list)")
    text = _query_text(name)
    params = engine.query_parameters(text, param or [], Rules.from_toml(rules))
    settings = engine.Settings.resolve(neo4j_uri, neo4j_user, neo4j_password, neo4j_database)
    driver = engine.open_driver(settings)
    try:
        keys, rows = engine.run_query(driver, text, params, write, settings.database, settings.where)
    finally:
        driver.close()
    _emit(engine.rows_frame(keys, rows, fmt.value), fmt, out, name)


def _query_text(name: str) -> str:
    from . import cypher

    path = Path(name)
    if path.suffix == ".cypher" or path.exists():
        try:
            return path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: not a readable Cypher file ({exc})") from None
    return cypher.query(name)


@app.command()
@handles_errors
def generate(out: Annotated[Path, typer.Argument(help="Folder to write the files into.")],
             profile: Annotated[str, typer.Option(help="longyou or beihu (calibrated to the reports), or scale.")] = "beihu",
             seed: Annotated[int, typer.Option(help="Random seed: same seed, same files.")] = 2012,
             orgs: Annotated[Optional[int], typer.Option(help="Number of organizations (scale profile).")] = None,
             fmt: Annotated[str, typer.Option("--format", help="csv (UTF-8) or parquet (typed columns).")] = "csv") -> None:
    """Write a synthetic dataset (Chinese names, realistic structure), one file per table.

    Example: `orgnet generate --profile scale --orgs 1000000 --seed 1 --format parquet out/province`
    """
    from .generate import generate as make

    counts = make(profile, seed, out, orgs=orgs, fmt=fmt)
    typer.echo(f"wrote {out}: " + ", ".join(f"{n} {t}" for t, n in counts.items()))


class ExportFormat(str, Enum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"
    neo4j_csv = "neo4j-csv"


@app.command()
@handles_errors
def export(path: Dataset,
           to: Annotated[ExportFormat, typer.Option("--to", help="graphml/gexf (Gephi, Cytoscape), json (node-link), "
                                                    "neo4j-csv (neo4j-admin database import).")] = ...,
           out: Annotated[Path, typer.Option("--output", "-o", help="The file (a folder for neo4j-csv).")] = ...,
           as_of: AsOf = None,
           redact: Annotated[bool, typer.Option("--redact", help="Replace person names with stable pseudonyms.")] = False) -> None:
    """Export the graph for other tools; `--as-of` keeps only what was current that day.

    Example: `orgnet export data/beihu --to gexf -o beihu.gexf --as-of 2012-06-30 --redact`
    """
    counts = _open(path).export(to.value, out, as_of=as_of, redact=redact)
    typer.echo(f"wrote {out}: {counts['nodes']:,} nodes, {counts['edges']:,} edges")


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
