"""The commands around the data itself: validate, load into Neo4j, query it, generate, export, the schema."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import pandas as pd
import typer
from rich.console import Console

from .. import output
from ..api import load_dataset
from ..errors import InputError, OrgnetError
from ..rules import Rules
from .common import (IN_PLACE, AsOf, Dataset, Format, FormatOpt, Neo4jDatabase, Neo4jPassword, Neo4jTimeoutOpt,
                     Neo4jUri, Neo4jUser, OutputOpt, RulesFile, emit, err, handles_errors, in_int64, open_network,
                     say_day, say_wrote, table_options)


@handles_errors
def validate(path: Dataset) -> None:
    """Check a dataset against the contract; list every problem (exit 2) or print counts.

    Example: `orgnet validate data/beihu`
    """
    dataset = load_dataset(path)
    counts = ", ".join(f"{n} {name}" for name, n in dataset.counts().items() if n)
    typer.echo(output.shown(f"ok: {path}: {counts}"))


@handles_errors
def load_command(path: Dataset, neo4j_uri: Neo4jUri = None, neo4j_user: Neo4jUser = None,
                 neo4j_password: Neo4jPassword = None, neo4j_database: Neo4jDatabase = None,
                 neo4j_timeout: Neo4jTimeoutOpt = None,
                 batch_size: Annotated[int, typer.Option("--batch-size", min=1, callback=in_int64,
                                                         help="Rows per write transaction.")] = 20_000,
                 wipe: Annotated[bool, typer.Option("--wipe", help="First delete orgnet's nodes (Region, Organization, "
                                                    "Body, Person, DemoPoint) and their relationships.")] = False,
                 yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before --wipe deletes.")] = False) -> None:
    """Validate a dataset, then write it into Neo4j (MERGE: loading twice changes nothing) and print the counts.

    Bad input writes nothing. Rows deleted from the files since an earlier load stay until `--wipe`.
    A batch that waits longer than `--neo4j-timeout` (e.g. for another client's lock) is rolled back.

    Example: `orgnet load data/beihu --neo4j-uri bolt://localhost:7687 --wipe --yes`
    """
    from ..engines import neo4j as engine

    dataset = load_dataset(path)
    settings = engine.Settings.resolve(neo4j_uri, neo4j_user, neo4j_password, neo4j_database, neo4j_timeout)
    database = settings.database or "(default database)"
    driver = engine.open_driver(settings)
    try:
        if wipe:
            _wipe(driver, settings, f"{settings.where} {database}", yes)
        with _table_bars() as progress:
            counts = engine.load_dataset(driver, dataset, batch_size, progress, settings.database, settings.where)
    finally:
        driver.close()
    frame = pd.DataFrame({"label or type": list(counts), "count": list(counts.values())})
    typer.echo(output.shown(f"loaded {path} into {settings.where} {database}; read back from the server:"))
    Console().print(output.rich_table(frame, "nodes and relationships"))


def _wipe(driver, settings, where: str, yes: bool) -> None:
    """Delete orgnet's nodes before a load, once confirmed (``--yes``, or asked on a terminal)."""
    from ..engines import neo4j as engine

    if not yes and not _confirm(output.shown(f"Delete every orgnet node and relationship in {where}?")):
        raise OrgnetError("not confirmed: nothing was deleted or loaded")
    with err.status("wiping …"):
        gone = engine.wipe(driver, settings.database, where=settings.where)
    err.print(output.plain(f"wiped {gone} nodes"), highlight=False)


@contextlib.contextmanager
def _table_bars() -> Iterator[Callable[[str, int, int], None]]:
    """Progress bars on stderr, one per table; yields the ``progress(table, done, total)`` callback."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description:<14}", markup=False), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err) as bars:
        tasks: dict[str, int] = {}

        def progress(table: str, done: int, total: int) -> None:
            if table not in tasks:
                tasks[table] = bars.add_task(output.shown(table), total=total, start=False)
                return
            bars.start_task(tasks[table])
            bars.update(tasks[table], completed=done)
            if done >= total:
                bars.stop_task(tasks[table])

        yield progress


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        raise InputError("--wipe deletes data: add --yes to confirm when not running interactively")
    return typer.confirm(question, default=False)


@table_options(region=False)
@handles_errors
def query(name: Annotated[Optional[str], typer.Argument(
              help="A .cypher file, or the name of a shipped query (orgnet query --list). Your own files may "
                   "say active(x.first, x.last) for 'active on $as_of'.", show_default=False)] = None,
          param: Annotated[Optional[list[str]], typer.Option(
              "--param", "-p", help="name=value, repeatable: dates as YYYY-MM-DD, lists as JSON or a,b,c. "
                                    "Shipped queries default to today and the rule defaults.")] = None,
          list_queries: Annotated[bool, typer.Option("--list", help="List the shipped queries and their parameters.")] = False,
          show: Annotated[bool, typer.Option(
              "--print", help="Print the query's Cypher, active(…) spelled out, ready for Neo4j Browser; run nothing.")]
          = False,
          write: Annotated[bool, typer.Option("--write", help="Allow the query to write (default: read-only).")] = False,
          rules: RulesFile = None, fmt: FormatOpt = Format.table, out: OutputOpt = None,
          neo4j_uri: Neo4jUri = None, neo4j_user: Neo4jUser = None, neo4j_password: Neo4jPassword = None,
          neo4j_database: Neo4jDatabase = None, neo4j_timeout: Neo4jTimeoutOpt = None,
          redact: Annotated[bool, typer.Option(
              "--redact", help="Replace every person id and name the server holds, wherever it appears in a "
                               "cell, with a stable pseudonym (texts computed from a name are not recognized).")]
          = False) -> None:
    """Run a Cypher file (read-only unless `--write`) and print its rows as a table, CSV, JSON or xlsx.

    A file may set its parameters as Neo4j Browser does, with lines `:param name => value`,
    `:param {a: 1, b: 'x'}` or `:params {…}`: the server evaluates each value, those lines are left
    out of the statement, and `--param` overrides them.

    Examples: `orgnet query --list` · `orgnet query gaps --param as_of=2012-06-30 -f csv` ·
    `orgnet query my.cypher --param region=R1` · `orgnet query gaps --print` (for Neo4j Browser)
    """
    from .. import cypher
    from ..engines import neo4j as engine

    if list_queries:
        emit(shipped_queries(), fmt, out, "shipped queries (cypher/queries and cypher/facts)")
        return
    if name is None:
        raise InputError("missing FILE: a .cypher file or a shipped query name (see orgnet query --list)")
    text = cypher.expand(_query_text(name))
    if show:
        typer.echo(text)
        return
    found, statement = cypher.browser_params(text, name)
    settings = engine.Settings.resolve(neo4j_uri, neo4j_user, neo4j_password, neo4j_database, neo4j_timeout)
    driver = engine.open_driver(settings)
    try:
        from_file = engine.browser_defaults(driver, found, settings.database, settings.where, name)
        params = engine.query_parameters(statement, param or [], Rules.from_toml(rules), from_file=from_file)
        keys, rows = engine.run_query(driver, statement, params, write, settings.database, settings.where,
                                      f"the query {name!r}")
        people = _people(driver, settings) if redact else None
    finally:
        driver.close()
    if people is None:
        emit(engine.rows_frame(keys, rows, fmt.value), fmt, out, name)
    else:
        from ..redact import redact_known

        emit(redact_known(engine.rows_frame(keys, rows), people), fmt, out, name)
    if "as_of" in params and "as_of" not in from_file and not _given("as_of", param or []):
        say_day("as of", params["as_of"], "today", "--param as_of=DAY")


def _given(name: str, given: list[str]) -> bool:
    """Whether ``--param`` sets ``name``."""
    return any(item.partition("=")[0].strip().lstrip("$") == name for item in given)


def _people(driver, settings) -> dict[str, str]:
    """Every person's id and name on the server (what ``query --redact`` hides)."""
    from .. import cypher
    from ..engines import neo4j as engine

    _, rows = engine.run_query(driver, cypher.read("facts/people.cypher"), {}, False, settings.database,
                               settings.where, "the people's ids and names (for --redact)")
    return {str(row[0]): "" if row[1] is None else str(row[1]) for row in rows}


def shipped_queries() -> pd.DataFrame:
    """The registry's analyses and facts with their Cypher files' parameters (``orgnet query --list``)."""
    from .. import cypher
    from ..analyses import ANALYSES

    return pd.DataFrame([{"query": name, "kind": a.kind, "file": a.cypher,
                          "parameters": " ".join(f"${n}" for n in cypher.params(cypher.read(a.cypher))),
                          "what": a.summary} for name, a in ANALYSES.items() if a.kind != "derived"])


def _query_text(name: str) -> str:
    from .. import cypher

    path = Path(name)
    if path.suffix == ".cypher" or path.exists():
        try:
            return path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: not a readable Cypher file ({exc})") from None
    return cypher.query(name)


@handles_errors
def generate(out: Annotated[Path, typer.Argument(help="Folder to write the files into: new, empty or an earlier "
                                                  "generated dataset (replaced whole; a failed run changes nothing).")],
             profile: Annotated[str, typer.Option(help="longyou or beihu (the reports: their counts as inputs, their rates drawn), or scale.")] = "beihu",
             seed: Annotated[int, typer.Option(min=0, callback=in_int64, help="Random seed: same seed, same files.")] = 2012,
             orgs: Annotated[Optional[int], typer.Option(min=1, callback=in_int64, help="Number of organizations (scale profile).")] = None,
             fmt: Annotated[str, typer.Option("--format", help="csv (UTF-8) or parquet (typed columns).")] = "csv") -> None:
    """Write a synthetic dataset (Chinese names, realistic structure), one file per table.

    Example: `orgnet generate --profile scale --orgs 1000000 --seed 1 --format parquet out/province`
    """
    from ..generate import generate as make

    counts = make(profile, seed, out, orgs=orgs, fmt=fmt)
    typer.echo(output.shown(f"wrote {out}: " + ", ".join(f"{n} {t}" for t, n in counts.items())))


class ExportFormat(str, Enum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"
    neo4j_csv = "neo4j-csv"


@handles_errors
def export(path: Dataset,
           to: Annotated[ExportFormat, typer.Option("--to", help="gexf (Gephi) or graphml (Gephi, Cytoscape, yEd): "
                                                    "names as labels, the day's analysis on every node; json "
                                                    "(networkx node-link); neo4j-csv (neo4j-admin database import).")] = ...,
           out: Annotated[Path, typer.Option("--output", "-o", help="The file (a folder for neo4j-csv: new, empty or "
                                             "an earlier export, replaced whole; a failed export changes nothing). "
                                             + IN_PLACE)] = ...,
           as_of: Annotated[Optional[str], typer.Option("--as-of", help="The day, YYYY-MM-DD. gexf/graphml/json: the "
                                                        "network on that day and its analysis (default: today). "
                                                        "neo4j-csv: cut to that day (default: every row).")] = None,
           history: Annotated[bool, typer.Option("--history", help="gexf/graphml/json: every body, post, link and "
                                                 "visit ever, with an `active` column for the day.")] = False,
           rules: RulesFile = None,
           redact: Annotated[bool, typer.Option("--redact", help="Replace person names with stable pseudonyms.")] = False) -> None:
    """Export the network for another tool.

    gexf, graphml and json hold the network on one day (`--as-of`, default today; `--history` for
    every row ever). Each node is labelled with its name (a pseudonym under `--redact`) and carries
    the day's analysis as named columns: `node_kind`, `status` (covered, a gap rule, not_required),
    `covered`, `gaps` and one `gap_<rule>` column per rule, `posts` (a person's active posts),
    `region_name`, `township_id`, `township_name`, and `color` (GEXF: `viz:color`) by status. Each
    edge has a unique id and its relationship type in `rel`. In Gephi's import report choose
    "Don't merge" (edges merge strategy) to keep a liaison link and the visits along it apart.

    Values are written verbatim: these files are for machine import (neo4j-admin, Gephi), so unlike
    the analyses' `--format csv` nothing is formula-neutralized for spreadsheets (`-001` stays `-001`).

    Example: `orgnet export data/beihu --to gexf -o beihu.gexf --as-of 2012-06-30 --redact`
    """
    counts = open_network(path).export(to.value, out, as_of=as_of, history=history, redact=redact,
                                       rules=Rules.from_toml(rules))
    day = f", as of {counts['as_of'].isoformat()}" if counts.get("as_of") else ""
    say_wrote(out, f"wrote {out}: {counts['nodes']:,} nodes, {counts['edges']:,} edges{day}")


@handles_errors
def schema(figures: Annotated[bool, typer.Option(
        "--figures", help="Print the stats figures instead: each with the report's phrase, orgnet's definition "
                          "(numerator, denominator) and what it assumes where the report is silent (docs/FIGURES.md).")]
           = False) -> None:
    """Print the data contract (tables, columns, types, Chinese aliases), the gap rules and the sanctioned
    cross-appointments (orgnet overlaps, nameplates) as Markdown; with `--figures`, the definitions of the
    `stats` figures."""
    from .. import sanctioned
    from ..gap_rules import rules_markdown
    from ..schema import schema_markdown

    if figures:
        from ..figures import figures_markdown

        typer.echo(figures_markdown(), nl=False)
        return
    typer.echo(schema_markdown())
    typer.echo("\n## Gap rules (orgnet gaps)\n\n" + rules_markdown())
    typer.echo("\n## Sanctioned cross-appointments (orgnet overlaps, nameplates)\n\n" + sanctioned.rules_markdown())
