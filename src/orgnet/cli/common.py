"""What the ``orgnet`` commands share: option types, the backend and error decorators, opening and printing.

Errors from the library (``OrgnetError``) become one line on stderr and an exit code: 2 for bad input,
1 for anything else. ``--debug`` shows the traceback.
"""

from __future__ import annotations

import contextvars
import functools
import inspect
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import pandas as pd
import typer
from rich.console import Console
from typer.core import TyperCommand, TyperGroup

from .. import output
from ..files import writes_to_stdout
from ..api import Network, load
from ..analyses import TABLES_USED
from ..errors import InputError, OrgnetError, ValidationError
from ..limits import INT64_MAX, fits_int64
from ..schema import SCHEMA

err = Console(stderr=True)
_debug = False


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


class Lang(str, Enum):
    zh = "zh"
    en = "en"


class _FlagsShowNoType:
    """Help lists a flag without a ``<bool>`` type after it (typer's default)."""

    def get_params(self, ctx):
        params = super().get_params(ctx)
        for param in params:
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
        return params


class Command(_FlagsShowNoType, TyperCommand):
    """Every orgnet command's class."""


class Group(_FlagsShowNoType, TyperGroup):
    """The ``orgnet`` app's class."""


Dataset = Annotated[Path, typer.Argument(help="A folder of CSV files or an .xlsx workbook.", show_default=False)]
AsOf = Annotated[Optional[str], typer.Option("--as-of", help="The day to look at: 2012-06-30, 2012/6/30 or any "
                                             "spelling a date cell takes (default: today, said on stderr).")]
RulesFile = Annotated[Optional[Path], typer.Option("--rules", help="TOML file overriding rule thresholds.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table for people; csv or json for programs; "
                                           "xlsx: an Excel workbook (needs -o).")]
#: What --output says about where it writes (every command that writes a file).
IN_PLACE = "A file is replaced atomically; a FIFO or /dev/stdout is written in place (for pipelines)."
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of stdout. "
                                                   + IN_PLACE)]
DatasetOpt = Annotated[Optional[Path], typer.Argument(
    help="A folder of CSV files or an .xlsx workbook (not with --backend neo4j).", show_default=False)]


def in_int64(value: int | None) -> int | None:
    """Option callback: a whole number past 64 bits (where the engines overflow) is bad usage, exit 2."""
    if value is not None and not fits_int64(value):
        raise typer.BadParameter(f"expected a whole number up to {INT64_MAX}")
    return value


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
Neo4jTimeoutOpt = Annotated[Optional[float], typer.Option(
    "--neo4j-timeout", metavar="SECONDS", help="Longest wait for the server: each query, each load batch "
    "(connecting: at most 30 s of it); then one line and exit 1 (default: $ORGNET_NEO4J_TIMEOUT, else 300).",
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
        "neo4j_timeout": (Neo4jTimeoutOpt, None),
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


#: The module a missing import names → what to install (everything is in the default install; a
#: partial environment says what it lacks in one line).
MISSING = {"pyvis": "pyvis", "matplotlib": "matplotlib", "jinja2": "jinja2", "neo4j": "neo4j", "openpyxl": "openpyxl"}
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks (also before the command: orgnet --debug …).")]


def handles_errors(command):
    """Turn library errors into one clear line and the right exit code; give the command ``--debug``
    (so it works after the command's name as well as before).

    Under ``--redact`` the message names no person: problems in person columns show no value
    (``orgnet.redact.redact_problems``), a ``--person`` id is said as its pseudonym, and an internal
    error shows only its type."""

    @functools.wraps(command)
    def wrapper(*args, debug: bool = False, **kwargs):
        debugging = debug or _debug
        redacting = _redacting.get() or bool(kwargs.get("redact"))
        said = functools.partial(_said, people=[kwargs.get("person")]) if redacting else str
        try:
            return command(*args, **kwargs)
        except ValidationError as exc:
            output.print_problems(_shown_problems(exc.problems, redacting), err)
            raise typer.Exit(exc.exit_code) from None
        except OrgnetError as exc:
            if debugging:
                raise
            err.print(output.message("error:", "red", said(exc)), highlight=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err.print("interrupted; no output file was left half-written")
            raise typer.Exit(130) from None
        except Exception as exc:
            if debugging:
                raise
            err.print(_internal(exc, redacting), highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return _with_option(wrapper, command, "debug", False, DebugOpt)


def _internal(exc: Exception, redacting: bool):
    """The line for an unexpected error: a missing package named with what to install."""
    missing = (getattr(exc, "name", None) or "").split(".")[0] if isinstance(exc, ModuleNotFoundError) else ""
    if missing in MISSING:
        return output.message("error:", "red", f"the Python package {missing} is not installed; orgnet's default "
                              f"install has it: pip install {MISSING[missing]} (or reinstall: pip install orgnet)")
    detail = "details hidden under --redact" if redacting else f"{exc}"
    return output.message("internal error:", "red", f"{type(exc).__name__}: {detail} (run with --debug for the "
                          "traceback)")


def _with_option(wrapper, command, name: str, default, annotation):
    """``wrapper`` with ``command``'s signature and one more keyword-only option."""
    sig = inspect.signature(command, eval_str=True)
    wrapper.__signature__ = sig.replace(parameters=[
        *sig.parameters.values(), inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default,
                                                    annotation=annotation)])
    return wrapper


def dated(command):
    """A command whose ``--as-of`` defaults to today: once it has worked, the day used is said on
    stderr (never in the CSV or JSON on stdout; an error stays one line)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        if kwargs.get("as_of") is not None:
            return command(*args, **kwargs)
        from datetime import date

        kwargs["as_of"] = date.today().isoformat()
        result = command(*args, **kwargs)
        say_day("as of", kwargs["as_of"], "today", "--as-of")
        return result

    return wrapper


def say_day(what: str, day: object, kind: str, option: str) -> None:
    """Say on stderr the day (or year) a command took by default: ``as of 2026-12-03 (today; --as-of to choose)``."""
    err.print(output.plain(f"{what} {day} ({kind}; {option} to choose)"), highlight=False, soft_wrap=True)


def _said(message, people) -> str:
    """A message under --redact: the person given and, when the name was shared, each candidate as a pseudonym."""
    from ..redact import redact_text

    if getattr(message, "what", None) == "person":
        people = [*people, *message.candidates["id"]]
    return redact_text(str(message), people)


def _shown_problems(problems, redacting: bool):
    if not redacting:
        return problems
    from ..redact import redact_problems

    return redact_problems(problems)


# The app's callback (no docstring: the app's help is the Typer's own).
def main_options(debug: DebugOpt = False) -> None:
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
        region = "; every table with --region" if "region" in inspect.signature(command).parameters else ""
        command.__doc__ += (f"\n\nReads only {tables} (on --backend networkx{region}); "
                            "`orgnet validate` checks every table.")
        return command

    return mark


def open_network(path: Path | None, *analyses: str) -> Network:
    """The dataset at PATH on networkx, or the Neo4j database (--backend neo4j).

    With ``analyses``, only the tables they use are read and checked (``TABLES_USED``)."""
    state = _backend.get()
    if state.backend == Backend.neo4j:
        if path is not None:
            raise InputError(f"{path}: PATH is not used with --backend neo4j; the data comes from the server "
                             "(fill it with `orgnet load PATH`)")
        from ..engines.neo4j import Neo4jEngine

        s = state.settings
        net = Network(Neo4jEngine.connect(s["neo4j_uri"], s["neo4j_user"], s["neo4j_password"], s["neo4j_database"],
                                          s["neo4j_timeout"]))
        state.opened.append(net)
        return _within(net)
    if path is None:
        raise InputError("missing PATH: a folder of CSV files or an .xlsx workbook (or --backend neo4j)")
    placing = region_given() is not None  # --region places rows by the region tree, bodies, organizations, posts
    with err.status(output.plain(f"loading {path} …")) as status:
        return _within(load(path, on_stage=lambda text: status.update(output.plain(f"{text} …")),
                            tables=tables_used(*analyses) if analyses and not placing else None))


def _within(net: Network) -> Network:
    """The network narrowed to the running command's ``--region`` and ``--top`` (``Network.within``)."""
    table = _table.get()
    if table is None or (table.region is None and table.top is None):
        return net
    return net.within(region=table.region, top=table.top)


class _TableOptions:
    """The running command's --region, --top, --excel and --lang."""

    def __init__(self, region=None, top=None, excel=False, lang=Lang.en):
        self.region, self.top, self.excel, self.lang = region, top, excel, lang


_table: contextvars.ContextVar[_TableOptions | None] = contextvars.ContextVar("orgnet_table", default=None)
RegionOpt = Annotated[Optional[str], typer.Option(
    "--region", help="Only rows in this region or below it in the region tree: an id or a name (a name several "
                     "regions share lists them, exit 2).")]
TopOpt = Annotated[Optional[int], typer.Option(
    "--top", min=1, callback=in_int64, help="Only the first N rows, in the table's order (after --region).")]
ExcelOpt = Annotated[bool, typer.Option(
    "--excel", help="CSV for Excel: starts with a UTF-8 byte order mark, so a Chinese-locale Excel reads the "
                    "Chinese right (-f csv, and -o of a table).")]
TableLangOpt = Annotated[Lang, typer.Option("--lang", help="Column headers of -f xlsx: en (the column names) or zh.")]


def table_options(region: bool = True):
    """Give a table command ``--excel`` and ``--lang`` (the output), and unless ``region=False``,
    ``--region`` and ``--top`` (narrowing every analysis it runs: ``Network.within``)."""
    extra = {"excel": (ExcelOpt, False), "lang": (TableLangOpt, Lang.en)}
    if region:
        extra = {"region": (RegionOpt, None), "top": (TopOpt, None), **extra}

    def decorate(command):
        @functools.wraps(command)
        def wrapper(*args, **kwargs):
            token = _table.set(_TableOptions(**{name: kwargs.pop(name, default) for name, (_, default) in extra.items()}))
            try:
                return command(*args, **kwargs)
            finally:
                _table.reset(token)

        sig = inspect.signature(command, eval_str=True)
        wrapper.__signature__ = sig.replace(parameters=[*sig.parameters.values(), *(
            inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=d, annotation=a) for n, (a, d) in extra.items())])
        return wrapper

    return decorate


def region_given() -> str | None:
    """The running command's ``--region``, if any."""
    table = _table.get()
    return table.region if table else None


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


def redacting() -> bool:
    """Whether the running command was given ``--redact``."""
    return _redacting.get()


def say_wrote(out: Path, message: str) -> None:
    """Say what was written: on stdout, unless the output itself went to stdout (then on stderr)."""
    typer.echo(output.shown(message), err=writes_to_stdout(out))


def emit(frame: pd.DataFrame, fmt: Format, out: Path | None, title: str, people: tuple[str, ...] = ()) -> None:
    """Print or write a command's table, with people pseudonymized under ``--redact``: in the table
    (``orgnet.redact.redact_frame``) and in the title (``people``: ids the title names)."""
    if _redacting.get():
        from ..redact import redact_frame, redact_text

        frame = redact_frame(frame)
        title = redact_text(title, people)
    table = _table.get() or _TableOptions()
    output.emit(frame, fmt.value, out, title, excel=table.excel, lang=table.lang.value)
