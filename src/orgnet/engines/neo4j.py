"""The Neo4j engine: load a dataset into a Neo4j server, and answer the analyses with Cypher.

The Cypher lives in the shipped files (``orgnet.cypher``): ``schema.cypher`` (constraints and
indexes), ``load/create/*.cypher`` (the fresh path into a database without orgnet nodes: CREATE,
columns packed one text per batch), ``load/*.cypher`` (the update path: one ``UNWIND $rows AS row
MERGE …`` statement per table), both run in batches, each batch in a managed write transaction so
transient errors are retried, and
``queries/<analysis>.cypher`` (one per analysis, parameterized by ``$as_of`` and the rule
thresholds). This module only orchestrates: it turns tables into rows, picks the files, passes
parameters (values always go in as parameters, never into the query text), and hands the rows to
``orgnet.results.finish`` so that both engines return identical DataFrames.

The graph model is the networkx engine's (``orgnet.graph``): labels ``Region``, ``Organization``,
``Body`` (plus one label per system from ``schema.toml`` ``[system_labels]``), ``Person``,
``DemoPoint``; relationships ``PART_OF``, ``LOCATED_IN``, ``BELONGS_TO``, ``HOLDS``, ``WORKS_AT``,
``LIAISES_WITH``, ``VISITED``, ``DEMO_AT``, ``PAIRED_WITH``. Every column of a node table is a
property (dates as Neo4j ``date`` values, empty cells absent).

Connection settings come from arguments or the ``NEO4J_URI``, ``NEO4J_USERNAME``,
``NEO4J_PASSWORD`` and ``NEO4J_DATABASE`` environment variables. The password is never printed,
logged or put in an error message.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import date

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import cypher
from ..dataset import Dataset
from ..errors import EngineError, InputError
from ..graph import EDGES, records
from ..results import figure_value, finish
from ..rules import Rules
from ..schema import SCHEMA, Schema

try:  # the driver is an optional dependency: pip install 'orgnet[neo4j]'
    import neo4j
    from neo4j import exceptions as neo4j_errors

    # The driver logs each retried transaction (e.g. a deadlock between the fresh load's two
    # concurrent transactions, which it retries) as a WARNING; with no logging configured Python
    # would print those to stderr. A NullHandler leaves them to applications that set up logging.
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
except ImportError:  # pragma: no cover - exercised only without the extra
    neo4j = None
    neo4j_errors = None

#: Rows per write transaction when loading.
DEFAULT_BATCH_SIZE = 20_000

#: Concurrent write transactions in a fresh load (the update path always writes one at a time).
DEFAULT_WORKERS = 2

#: Progress callback: (table, rows done so far, rows in total for that table).
Progress = Callable[[str, int, int], None]

_ROW_FIELD = re.compile(r"\brow\.`?([A-Za-z_][A-Za-z0-9_]*)`?")


# -- connection -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Settings:
    """Where the server is: from arguments, else ``NEO4J_*`` environment variables."""

    uri: str
    username: str = "neo4j"
    password: str | None = field(default=None, repr=False)
    database: str | None = None

    @classmethod
    def resolve(cls, uri: str | None = None, username: str | None = None, password: str | None = None,
                database: str | None = None) -> Settings:
        env = os.environ
        uri = uri or env.get("NEO4J_URI")
        if not uri:
            raise InputError("no Neo4j server given: pass --neo4j-uri (or uri=…) or set NEO4J_URI")
        return cls(uri=uri, username=username or env.get("NEO4J_USERNAME") or "neo4j",
                   password=password if password is not None else env.get("NEO4J_PASSWORD"),
                   database=database or env.get("NEO4J_DATABASE") or None)

    @property
    def where(self) -> str:
        """The URI for messages, without any ``user:password@`` part.

        >>> Settings("neo4j://me:secret@db.example:7687").where
        'neo4j://db.example:7687'
        """
        return re.sub(r"//[^/@]*@", "//", self.uri)


def _require_driver():
    if neo4j is None:
        raise EngineError("the Neo4j driver is not installed: pip install 'orgnet[neo4j]'")
    return neo4j


def open_driver(settings: Settings, verify: bool = True):
    """A driver for these settings, connectivity checked; errors become one-line ``EngineError``s."""
    driver_module = _require_driver()
    auth = (settings.username, settings.password) if settings.password is not None else None
    with translate_errors(settings.where):
        try:
            driver = driver_module.GraphDatabase.driver(settings.uri, auth=auth, notifications_min_severity="OFF")
        except ValueError as exc:  # a malformed URI
            raise EngineError(f"Neo4j URI {settings.where!r} is not valid ({_one_line(exc)})") from None
        try:
            if verify:
                driver.verify_connectivity()
                check_version(server_version(driver, settings.database), settings.where)
        except BaseException:
            driver.close()
            raise
    return driver


#: The oldest Neo4j the shipped Cypher runs on (5.x syntax: constraints, CALL subqueries, date()).
MIN_VERSION = (5, 0)


def server_version(driver, database: str | None = None) -> str:
    """The server's version ("5.26.0"), asked of ``database`` (so a missing database shows up here)."""
    with driver.session(database=database) as session:
        record = session.run("CALL dbms.components() YIELD name, versions "
                             "WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version").single()
    return str(record["version"]) if record and record["version"] is not None else ""


def check_version(version: str, where: str = "the Neo4j server") -> None:
    """Refuse servers older than ``MIN_VERSION`` with one clear line.

    >>> check_version("5.26.0")
    >>> check_version("4.4.12", "bolt://db:7687")
    Traceback (most recent call last):
    ...
    orgnet.errors.EngineError: Neo4j at bolt://db:7687 is version 4.4.12; orgnet needs Neo4j 5.0 or later
    """
    found = tuple(int(part) for part in re.findall(r"\d+", version)[:2])
    if found and found < MIN_VERSION:
        need = ".".join(map(str, MIN_VERSION))
        raise EngineError(f"Neo4j at {where} is version {version}; orgnet needs Neo4j {need} or later")


def _one_line(exc: BaseException) -> str:
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split())


@contextmanager
def translate_errors(where: str = "the Neo4j server") -> Iterator[None]:
    """Driver and server errors → ``EngineError`` with one line saying what went wrong."""
    if neo4j_errors is None:
        yield
        return
    try:
        yield
    except neo4j_errors.AuthError:
        raise EngineError(f"Neo4j at {where} refused the credentials (check NEO4J_USERNAME / NEO4J_PASSWORD)") from None
    except neo4j_errors.ServiceUnavailable as exc:
        raise EngineError(f"Neo4j at {where} is not reachable: {_one_line(exc)}") from None
    except neo4j_errors.Neo4jError as exc:
        if exc.code == "Neo.ClientError.Statement.AccessMode":
            raise InputError("this query writes to the database; run it with --write to allow that") from None
        if exc.code == "Neo.ClientError.Database.DatabaseNotFound":
            raise EngineError(f"Neo4j at {where}: {_one_line(exc)} (check NEO4J_DATABASE)") from None
        raise EngineError(f"Neo4j error {exc.code}: {exc.message}") from None
    except neo4j_errors.DriverError as exc:
        raise EngineError(f"Neo4j driver error talking to {where}: {_one_line(exc)}") from None


# -- running statements ---------------------------------------------------------------------------
_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value):
    """A value from the server as plain Python (dates → ``datetime.date``, nodes → dicts)."""
    if type(value) in _SCALARS:  # the common case first: no isinstance chain per value
        return value
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if neo4j is not None:
        if isinstance(value, neo4j.time.Date):
            return value.to_native()
        if isinstance(value, neo4j.time.DateTime | neo4j.time.Time):
            return value.iso_format()
        if isinstance(value, neo4j.graph.Node):
            return {"labels": sorted(value.labels), **plain(dict(value))}
        if isinstance(value, neo4j.graph.Relationship):
            return {"type": value.type, **plain(dict(value))}
        if isinstance(value, neo4j.graph.Path):
            return [plain(n) for n in value.nodes]
    return value


def _plain_rows(result) -> list[dict]:
    """Every record of a result as a dict of plain values (a record is a tuple: no ``data()``
    round through the driver's own recursive transform)."""
    keys = result.keys()
    return [dict(zip(keys, map(plain, record))) for record in result]


def run_read(driver, text: str, params: dict | None = None, database: str | None = None,
             where: str = "the Neo4j server") -> list[dict]:
    """Run one statement in a managed READ transaction (the server refuses writes); rows as dicts."""
    with translate_errors(where), driver.session(database=database) as session:
        return session.execute_read(lambda tx: [r.data() for r in tx.run(text, params or {})])


def read_rows(driver, text: str, params: dict | None = None, database: str | None = None,
              where: str = "the Neo4j server") -> list[dict]:
    """``run_read``, with every value plain Python (``plain``) and big pulls."""
    with translate_errors(where), driver.session(database=database, fetch_size=_FETCH_SIZE) as session:
        return session.execute_read(lambda tx: _plain_rows(tx.run(text, params or {})))


#: Records per PULL when reading results (the driver's default is 1,000).
_FETCH_SIZE = 50_000


def run_write(driver, text: str, params: dict | None = None, database: str | None = None,
              where: str = "the Neo4j server") -> list[dict]:
    """Run one statement in a managed write transaction (retried on transient errors)."""
    with translate_errors(where), driver.session(database=database) as session:
        return session.execute_write(lambda tx: [r.data() for r in tx.run(text, params or {})])


# -- parameters -----------------------------------------------------------------------------------
def parameters(rules: Rules, as_of: date | None = None, year: int | None = None,
               schema: Schema = SCHEMA) -> dict:
    """Every parameter a shipped query may take: the day, the year and the rule thresholds."""
    out = {f.name: list(v) if isinstance(v := getattr(rules, f.name), tuple) else v for f in fields(rules)}
    out["head_roles"] = {k: list(v) for k, v in schema._head_roles.items()}
    out["head_roles_by_type"] = {k: list(v) for k, v in schema._head_roles_by_type.items()}
    if as_of is not None:
        out["as_of"] = pd.Timestamp(as_of).date()
    if year is not None:
        out["year"] = int(year)
    return out


def query_params(text: str, available: dict) -> dict:
    """The parameters a query declares (``:param`` lines), taken from ``available``."""
    declared = cypher.params(text)
    missing = [name for name in declared if name not in available]
    if missing:
        raise InputError(f"parameter(s) {', '.join(missing)} not given")
    return {name: available[name] for name in declared}


# -- reading many rows ----------------------------------------------------------------------------
_CLAUSE_END = re.compile(r"\b(ORDER\s+BY|SKIP|LIMIT|OFFSET)\b", re.IGNORECASE)
_ALIAS = re.compile(r"\bAS\s+`?([A-Za-z_][A-Za-z0-9_]*)`?\s*$", re.IGNORECASE)
_BARE = re.compile(r"^`?([A-Za-z_][A-Za-z0-9_]*)`?$")


def return_columns(text: str) -> list[str] | None:
    """The column names of a query's final top-level ``RETURN`` (``None`` when they cannot be read
    off the text: then the query is run as it is).

    >>> return_columns("MATCH (o) WITH o CALL (o) { RETURN 1 AS x } RETURN o.id AS org_id, x, o.n + 1 AS n ORDER BY x")
    ['org_id', 'x', 'n']
    >>> return_columns("RETURN o.id + 1") is None
    True
    """
    code = _COMMENT_LINE.sub("", text)
    depth, last = 0, -1
    for match in re.finditer(r"[{}]|\bRETURN\b", code, re.IGNORECASE):
        token = match.group(0)
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            last = match.end()
    if last < 0:
        return None
    clause = code[last:]
    end = _CLAUSE_END.search(clause)
    clause = clause[:end.start()] if end else clause
    items, level, current = [], 0, ""
    for char in clause:
        if char in "([{":
            level += 1
        elif char in ")]}":
            level -= 1
        if char == "," and level == 0:
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    names = []
    for item in (i.strip() for i in items):
        found = _ALIAS.search(item) or _BARE.match(item)
        if not found or item.upper().startswith("DISTINCT"):
            return None
        names.append(found.group(1))
    return names if len(set(names)) == len(names) else None


_COMMENT_LINE = re.compile(r"//[^\n]*")


def collected(text: str, columns: list[str]) -> str:
    """A shipped query run as a subquery whose rows come back as one list (``rows``) in one record
    (the wrapper is ``cypher/collected.cypher``; ``columns`` are the query's own column names)."""
    template = cypher.read("collected.cypher")
    listed = ", ".join(f"`{c}`" for c in columns)
    head, _, tail = template.partition("\nQUERY\n")
    return head + "\n" + text + "\n" + tail.replace("[COLUMNS]", "[" + listed + "]")


# -- the engine -----------------------------------------------------------------------------------
class Neo4jEngine:
    """Analyses answered by the shipped Cypher queries on an already loaded Neo4j database.

    Same methods and results as ``NetworkxEngine``; see ``orgnet.engines.base.Engine``.
    """

    name = "neo4j"

    def __init__(self, driver, database: str | None = None, where: str = "the Neo4j server"):
        self.driver = driver
        self.database = database
        self.where = where

    @classmethod
    def connect(cls, uri: str | None = None, username: str | None = None, password: str | None = None,
                database: str | None = None) -> Neo4jEngine:
        """Connect with arguments or ``NEO4J_*`` environment variables."""
        settings = Settings.resolve(uri, username, password, database)
        return cls(open_driver(settings), settings.database, settings.where)

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Neo4jEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Neo4jEngine {self.where} database={self.database or '(default)'}>"

    def run(self, name: str, rules: Rules | None = None, as_of=None, year: int | None = None, **extra) -> list[dict]:
        """Rows (plain Python values) of the shipped query ``name`` with its declared parameters.

        The query runs wrapped (``collected``) so that its rows come back as one record holding a
        list of rows: the driver's cost is per record (~50 µs each in pure Python), which on tens
        of thousands of rows took longer than the query itself."""
        text = cypher.query(name)
        params = query_params(text, {**parameters(rules or Rules(), as_of=as_of, year=year), **extra})
        columns = return_columns(text)
        if not columns:
            return read_rows(self.driver, text, params, self.database, self.where)
        record = read_rows(self.driver, collected(text, columns), params, self.database, self.where)[0]
        return [dict(zip(columns, row)) for row in record["rows"]]

    def run_parts(self, name: str, rules: Rules | None = None, as_of=None, year: int | None = None,
                  workers: int = DEFAULT_WORKERS) -> list[dict]:
        """The rows of every branch of the shipped query's ``CALL () { … UNION ALL … }`` block
        (``cypher.union_parts``), each branch run as a query of its own, ``workers`` at a time (one
        session and one read transaction each), in the file's order: the rows the block would
        give, before the query's end. A branch is smaller to plan and runs on its own core; like
        any Neo4j query (read committed), the parts see a load that commits meanwhile."""
        from concurrent.futures import ThreadPoolExecutor

        text = cypher.query(name)
        params = query_params(text, parameters(rules or Rules(), as_of=as_of, year=year))
        branches = cypher.union_parts(text)

        def one(branch: str) -> list[dict]:
            columns = return_columns(branch)
            record = read_rows(self.driver, collected(branch, columns), params, self.database, self.where)[0]
            return [dict(zip(columns, row)) for row in record["rows"]]

        with ThreadPoolExecutor(max_workers=workers) as pool:
            return [row for rows in pool.map(one, branches) for row in rows]

    def gaps(self, as_of, rules: Rules) -> pd.DataFrame:
        return finish("gaps", self.run("gaps", rules, as_of=as_of))

    def overlaps(self, as_of, rules: Rules) -> pd.DataFrame:
        return finish("overlaps", self.run("overlaps", rules, as_of=as_of))

    def nameplates(self, as_of, rules: Rules) -> pd.DataFrame:
        rows = []
        for row in self.run("nameplates", rules, as_of=as_of):
            # Python's round (half to even on the exact binary value), as the networkx engine does;
            # the query's own filter uses Cypher's round, which is never lower, so none are missed.
            score = round(row["ratio"], 4)
            if score >= rules.nameplate_jaccard:
                rows.append({**row, "jaccard": score})
        return finish("nameplates", rows)

    def plan(self, as_of, rules: Rules) -> pd.DataFrame:
        return finish("plan", self.run("plan", rules, as_of=as_of))

    def liaison_check(self, year: int, rules: Rules) -> pd.DataFrame:
        return finish("liaison_check", self.run("liaison_check", rules, year=year))

    def stats(self, as_of, rules: Rules) -> pd.DataFrame:
        """``stats.cypher``'s six parts side by side (``run_parts``), each region's figure rows
        summed here as the query's end sums them: same rows, 20–40% less time than the whole query
        (bench/README.md)."""
        summed: dict[tuple, dict] = {}  # (region, figure) → the row with n and d summed
        for row in self.run_parts("stats", rules, as_of=as_of):
            into = summed.setdefault((row["region_id"], row["figure"]), row)
            if into is not row:
                into["n"] += row["n"]
                into["d"] += row["d"]
                into["unit"] = into["unit"] or row["unit"]  # the catalogue part's
        rows = []
        for r in summed.values():
            denominator = None if r["unit"] == "count" else r["d"]
            rows.append({"region_id": r["region_id"], "region_name": r["region_name"], "level": r["level"],
                         "figure": r["figure"], "unit": r["unit"], "numerator": r["n"], "denominator": denominator,
                         "value": figure_value(r["unit"], r["n"], denominator)})
        return finish("stats", rows)

    # -- facts: the plain tables orgnet.analyses computes the later analyses from (cypher/facts) ----
    def active_posts(self, as_of) -> pd.DataFrame:
        return finish("active_posts", self.run("active_posts", as_of=as_of))

    def organizations(self, as_of, rules: Rules) -> pd.DataFrame:
        return finish("organizations", self.run("organizations", rules, as_of=as_of))

    def bodies(self, as_of) -> pd.DataFrame:
        return finish("bodies", self.run("bodies", as_of=as_of))

    def regions(self) -> pd.DataFrame:
        return finish("regions", self.run("regions"))

    def people(self) -> pd.DataFrame:
        return finish("people", self.run("people"))

    def events(self, start, end) -> pd.DataFrame:
        return finish("events", self.run("events", start=pd.Timestamp(start).date(), end=pd.Timestamp(end).date()))

    def demo_links(self, as_of) -> pd.DataFrame:
        return finish("demo_links", self.run("demo_links", as_of=as_of))

    def venue_uses(self, as_of) -> pd.DataFrame:
        return finish("venue_uses", self.run("venue_uses", as_of=as_of))

    def counts(self) -> dict[str, int]:
        return counts(self.driver, self.database, self.where)


# -- schema, wipe, load, counts -------------------------------------------------------------------
def apply_schema(driver, database: str | None = None, where: str = "the Neo4j server") -> None:
    """Create the constraints and indexes of ``schema.cypher`` (if missing) and wait for them."""
    run_file(driver, "schema.cypher", database, where)
    with translate_errors(where), driver.session(database=database) as session:
        session.run("CALL db.awaitIndexes(300)").consume()


def run_file(driver, name: str, database: str | None = None, where: str = "the Neo4j server") -> None:
    """Run each statement of a multi-statement file (``schema.cypher``, ``load/ready.cypher``),
    one write transaction each (schema commands cannot share a transaction with other writes)."""
    for statement in cypher.statements(cypher.read(name)):
        run_write(driver, statement, None, database, where)


def wipe(driver, database: str | None = None, batch_size: int = 10_000, where: str = "the Neo4j server") -> int:
    """Delete orgnet's nodes and their relationships, in batches; the number of nodes deleted."""
    text = cypher.read("wipe.cypher")
    total = 0
    while True:
        deleted = run_write(driver, text, {"batch_size": batch_size}, database, where)[0]["deleted"]
        total += deleted
        if deleted == 0:
            return total


def counts(driver, database: str | None = None, where: str = "the Neo4j server") -> dict[str, int]:
    """Nodes per orgnet label and relationships per type, read back from the server."""
    return {r["name"]: r["count"] for r in run_read(driver, cypher.read("counts.cypher"), None, database, where)}


@dataclass(frozen=True)
class Step:
    """One load statement over one table's rows."""

    table: str
    file: str
    rows: list[dict]
    param: str = "rows"

    def __len__(self) -> int:
        return len(self.rows)

    def params(self, start: int, stop: int) -> dict:
        """The parameters of the batch of rows ``start:stop``."""
        chunk = self.rows[start:stop]
        return {self.param: [r["id"] for r in chunk] if self.param == "ids" else chunk}


#: Candidate separators for the columns of a fresh load, tried in turn until one occurs in no value
#: of the batch: the ASCII unit/record/group/file separators, then the Unicode private use area.
SEPARATORS = "\x1f\x1e\x1d\x1c" + "".join(map(chr, range(0xE000, 0xF900)))


@dataclass(frozen=True)
class ColumnStep:
    """One statement of a fresh load (``load/create/*.cypher``) over one table's columns: each
    column as an Arrow array of texts (an empty text for an empty cell), joined per batch by a
    separator that occurs in none of the batch's values. Packing one text per column instead of
    one map per row is what makes the client fast: the driver packs a parameter value by value,
    and Arrow joins a batch's texts without making a Python string of each."""

    table: str
    file: str
    columns: dict[str, pa.Array]
    extra: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()))) if self.columns else 0

    def params(self, start: int, stop: int) -> dict:
        cut = {name: values[start:stop] for name, values in self.columns.items()}
        for sep in SEPARATORS:
            if not any(pc.any(pc.match_substring(values, sep)).as_py() for values in cut.values()):
                return {**self.extra, **{name: _joined(values, sep) for name, values in cut.items()}, "sep": sep}
        raise EngineError(f"{self.table}: every separator orgnet tries occurs in rows {start + 1}-{stop}")


def _joined(texts: pa.Array, sep: str) -> str:
    """``sep.join(texts)``, in Arrow.

    >>> _joined(pa.array(["东村", "", "R1"]), "|")
    '东村||R1'
    """
    whole = pa.ListArray.from_arrays(pa.array([0, len(texts)], pa.int32()), texts)
    return pc.binary_join(whole, sep)[0].as_py()


def load_plan(dataset: Dataset, schema: Schema = SCHEMA) -> list[Step]:
    """The statements that load a dataset, table by table (a table after those it refers to): its
    nodes, their second labels (bodies), then the relationships its rows make.

    Each statement's rows carry just the columns its file reads (``row.<column>``).
    """
    steps = []
    for table in _dependency_order(schema):
        if table.label:
            steps.append(_step(table.name, f"load/{table.name}.cypher", dataset[table.name]))
        if table.name == "bodies":
            bodies = dataset["bodies"]
            for system in schema.system_labels:
                ids = [str(i) for i in bodies.loc[bodies["system"] == system, "id"]]
                if ids:
                    steps.append(Step("bodies", f"load/body_labels/{system}.cypher", [{"id": i} for i in ids], "ids"))
        for source, kind, *_ in EDGES:
            if source == table.name:
                steps.append(_step(table.name, f"load/relationships/{kind.lower()}.cypher", dataset[table.name]))
    return steps


def _dependency_order(schema: Schema) -> list:
    """Tables in schema order, except that a table comes after every table it refers to."""
    order: list = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        for target in schema.table(name).refs().values():
            visit(target)
        order.append(schema.table(name))

    for name in schema.tables:
        visit(name)
    return order


def _step(table: str, file: str, frame: pd.DataFrame) -> Step:
    columns = list(dict.fromkeys(_ROW_FIELD.findall(cypher.read(file))))
    return Step(table, file, records(frame, columns) if len(frame) else [])


def create_plan(dataset: Dataset, schema: Schema = SCHEMA) -> list[ColumnStep]:
    """The statements of a fresh load (``load/create/*.cypher``: the database has no orgnet node),
    table by table in the order of ``load_plan``: a node table's nodes with their second label
    and the relationships its rows make in one statement (regions: ``PART_OF`` after the nodes,
    since a parent may come in a later batch), then each relationship table's relationships.

    Each step carries the columns its file reads (``$<column>``), encoded as texts.
    """
    steps = []
    for table in _dependency_order(schema):
        frame = dataset[table.name]
        if table.label:
            steps.append(_column_step(table, f"load/create/{table.name}.cypher", frame, schema))
            if table.name == "regions":
                steps.append(_column_step(table, "load/create/part_of.cypher", frame, schema))
        else:
            for source, kind, *_ in EDGES:
                if source == table.name:
                    steps.append(_column_step(table, f"load/create/{kind.lower()}.cypher", frame, schema))
    return steps


_CONTROL_PARAMS = {"sep", "system_labels"}


def _column_step(table, file: str, frame: pd.DataFrame, schema: Schema) -> ColumnStep:
    names = [n for n in cypher.params(cypher.read(file)) if n not in _CONTROL_PARAMS]
    extra = {"system_labels": dict(schema.system_labels)} if "system_labels" in cypher.params(cypher.read(file)) else {}
    frame = by_lookups(frame, names)
    return ColumnStep(table.name, file, {n: column_texts(frame[n], table.column(n).type) for n in names}, extra)


def by_lookups(frame: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """A fresh load's rows sorted by the ids its statement looks up (the ``…_id`` columns among
    ``names``, in their order; empty cells first).

    Then each batch's relationships end at a compact run of nodes, one node's all in one batch:
    the two concurrent batches seldom lock the same node (no waiting for the other's commit, no
    deadlock to retry), and a node's relationships are written together. Row order changes
    nothing in the graph.

    >>> by_lookups(pd.DataFrame({"id": ["O1", "O2", "O3"], "region_id": ["R9", "R1", "R9"]}), ["id", "region_id"])["id"].tolist()
    ['O2', 'O1', 'O3']
    """
    keys = [name for name in names if name.endswith("_id")]
    if not keys or len(frame) < 2:
        return frame
    return frame.sort_values(keys, kind="stable", na_position="first", ignore_index=True)


def column_texts(series: pd.Series, kind: str) -> pa.Array:
    """One column as texts for a fresh load: ISO dates, whole numbers, ``true``/``false``, and an
    empty text for an empty cell (a validated dataset has no empty text as a value: empty cells
    are missing).

    >>> column_texts(pd.Series(pd.to_datetime(["2010-03-08", None])), "date").to_pylist()
    ['2010-03-08', '']
    >>> column_texts(pd.Series([45, None], dtype="Int64"), "int").to_pylist()
    ['45', '']
    >>> column_texts(pd.Series([True, None], dtype="boolean"), "bool").to_pylist()
    ['true', '']
    >>> column_texts(pd.Series(["东村", None], dtype="string"), "str").to_pylist()
    ['东村', '']
    """
    values = pa.array(series, from_pandas=True)
    if kind == "date":
        if pa.types.is_timestamp(values.type):
            values = values.cast(pa.date32(), safe=False)
        elif pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
            values = pc.utf8_slice_codeunits(values, 0, 10)
    elif kind == "int":
        values = values.cast(pa.int64())
    elif kind == "bool":
        values = pc.if_else(values.cast(pa.bool_()), "true", "false")
    return values.cast(pa.string()).fill_null("")


def database_is_empty(driver, database: str | None = None, where: str = "the Neo4j server") -> bool:
    """True when the database holds no node of orgnet's labels (``load/empty.cypher``)."""
    return bool(run_read(driver, cypher.read("load/empty.cypher"), None, database, where)[0]["empty"])


def load_dataset(driver, dataset: Dataset, batch_size: int = DEFAULT_BATCH_SIZE, progress: Progress | None = None,
                 database: str | None = None, where: str = "the Neo4j server", schema: bool = True,
                 workers: int = DEFAULT_WORKERS) -> dict[str, int]:
    """Write a validated dataset into Neo4j; return the counts read back from the server.

    Into a database without any orgnet node, the fresh path (``create_plan``,
    ``load/create/*.cypher``): ``CREATE`` only, a node table's nodes, second labels and
    relationships in one statement, columns packed as one text each per batch. Otherwise the
    update path (``load_plan``, ``load/*.cypher``): ``MERGE`` on ids and keys, so loading the same
    dataset twice leaves the same graph, and rows whose references changed move their
    relationships. Both write the same graph, property for property; a load that was cut off
    (server lost, Ctrl-C) left nodes behind, so its rerun takes the update path and finishes it.
    Rows that disappeared from the files since an earlier load are not deleted: ``wipe`` first for
    a clean copy. The fresh path assumes nobody else writes orgnet's labels during the load.

    Each batch of ``batch_size`` rows is one managed write transaction (retried on transient
    errors); the dataset is validated before it gets here, so bad input writes nothing.
    ``progress(table, done, total)`` is called after every batch. ``schema=False`` skips creating
    the constraints and indexes first (when they are known to exist). The fresh path drops the
    secondary indexes (``load/drop_indexes.cypher``: none of its lookups use them) and creates
    them after the last batch, each filled in one pass; the uniqueness constraints stay. Either
    path ends by waiting for the indexes and resampling their statistics
    (``load/ready.cypher``), so that the first query is planned with the counts of the data just
    loaded.
    """
    if batch_size < 1:
        raise InputError(f"batch size {batch_size}: expected a whole number ≥ 1")
    if schema:
        apply_schema(driver, database, where)
    fresh = database_is_empty(driver, database, where)
    if fresh:  # the indexes nothing is looked up by are filled in one pass at the end
        run_file(driver, "load/drop_indexes.cypher", database, where)
    steps: list = create_plan(dataset) if fresh else load_plan(dataset)
    totals: dict[str, int] = {}
    for step in steps:
        totals[step.table] = totals.get(step.table, 0) + len(step)
    done = dict.fromkeys(totals, 0)
    if progress:
        for table, total in totals.items():
            progress(table, 0, total)
    lost = _lost_message(where, done, totals)
    with translate_errors(where):
        if fresh and workers > 1:
            _write_parallel(driver, steps, batch_size, workers, database, done, totals, progress, lost)
        else:
            with driver.session(database=database) as session:
                for step in steps:
                    text = cypher.read(step.file)
                    for start in range(0, len(step), batch_size):
                        stop = min(start + batch_size, len(step))
                        try:
                            session.execute_write(_write_batch, text, step.params(start, stop))
                        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as exc:
                            raise EngineError(lost(step.table, exc)) from None
                        done[step.table] += stop - start
                        if progress:
                            progress(step.table, done[step.table], totals[step.table])
    if fresh:
        apply_schema(driver, database, where)
    run_file(driver, "load/ready.cypher", database, where)
    return counts(driver, database, where)


def _write_batch(tx, text: str, params: dict) -> None:
    tx.run(text, params).consume()


def _lost_message(where: str, done: dict, totals: dict):
    def message(table: str, exc: BaseException) -> str:
        return (f"lost Neo4j at {where} while loading {table} after {done[table]:,} of {totals[table]:,} rows "
                f"({_one_line(exc)}); rerun the same command to finish (loading is idempotent)")
    return message


def _write_parallel(driver, steps: list, batch_size: int, workers: int, database: str | None, done: dict,
                    totals: dict, progress: Progress | None, lost) -> None:
    """A fresh load's batches, ``workers`` transactions at a time, one step after the other (a step
    starts when every batch of the one before it has committed). Only for the fresh path: its
    statements CREATE rows that are all new, so concurrent batches never write the same thing;
    two batches creating relationships at one node wait for each other's lock, and a deadlock
    the server detects is a transient error the driver retries."""
    from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

    sessions = [driver.session(database=database) for _ in range(workers)]
    free = list(sessions)
    guard = threading.Lock()

    def one(text: str, params: dict) -> None:
        with guard:
            session = free.pop()
        try:
            session.execute_write(_write_batch, text, params)
        finally:
            with guard:
                free.append(session)

    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for step in steps:
                text = cypher.read(step.file)
                futures = {pool.submit(one, text, step.params(start, min(start + batch_size, len(step)))):
                           min(batch_size, len(step) - start) for start in range(0, len(step), batch_size)}
                pending = set(futures)
                while pending:
                    finished, pending = wait(pending, return_when=FIRST_EXCEPTION)
                    for future in finished:
                        error = future.exception()
                        if error is not None:
                            for other in pending:
                                other.cancel()
                            wait(pending)
                            if isinstance(error, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired):
                                raise EngineError(lost(step.table, error)) from None
                            raise error
                        done[step.table] += futures[future]
                        if progress:
                            progress(step.table, done[step.table], totals[step.table])
    finally:
        for session in sessions:
            session.close()


# -- ad-hoc queries (orgnet query) ----------------------------------------------------------------
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def query_parameters(text: str, given: list[str], rules: Rules, today: date | None = None) -> dict:
    """Parameters for a Cypher text: orgnet's defaults for those it declares or uses (as_of = today,
    year = this year, the rule thresholds), overridden by ``name=value`` strings.

    >>> p = query_parameters("RETURN $as_of, $min_posts, $x", ["as_of=2012-06-30", "x=[1, 2]"], Rules())
    >>> p["as_of"], p["min_posts"], p["x"]
    (datetime.date(2012, 6, 30), 2, [1, 2])
    """
    today = today or date.today()
    defaults = parameters(rules, as_of=today, year=today.year)
    wanted = list(cypher.params(text)) + sorted(cypher.used_params(text))
    out = {name: defaults[name] for name in wanted if name in defaults}
    for item in given:
        name, sep, raw = item.partition("=")
        name = name.strip().lstrip("$")
        if not sep or not _NAME.match(name):
            raise InputError(f"--param {item!r}: expected name=value")
        out[name] = parse_value(name, raw.strip(), defaults.get(name))
    missing = sorted(cypher.used_params(text) - set(out))
    if missing:
        raise InputError(f"the query needs {', '.join('$' + m for m in missing)}: add --param name=value")
    return out


def parse_value(name: str, raw: str, like=None):
    """A ``--param`` value, typed like orgnet's default for that name, else guessed (JSON, date, text).

    >>> parse_value("as_of", "2012-06-30", date.today()), parse_value("stats_levels", "county,township", [])
    (datetime.date(2012, 6, 30), ['county', 'township'])
    >>> parse_value("x", "30"), parse_value("x", "2012-06-30"), parse_value("x", "东村")
    (30, datetime.date(2012, 6, 30), '东村')
    """
    import json

    def fail(expected: str):
        return InputError(f"--param {name}={raw!r}: expected {expected}")

    if isinstance(like, date):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise fail("a date YYYY-MM-DD") from None
    if isinstance(like, bool):
        if raw.lower() not in ("true", "false"):
            raise fail("true or false")
        return raw.lower() == "true"
    if isinstance(like, int | float):
        try:
            return type(like)(raw)
        except ValueError:
            raise fail("a whole number" if isinstance(like, int) else "a number") from None
    if isinstance(like, list | dict):
        if raw.startswith(("[", "{")):
            try:
                value = json.loads(raw)
            except json.JSONDecodeError:
                raise fail("JSON") from None
            if not isinstance(value, type(like)):
                raise fail("a JSON list" if isinstance(like, list) else "a JSON object")
            return value
        if isinstance(like, dict):
            raise fail("a JSON object")
        return [part.strip() for part in raw.split(",") if part.strip()]
    if _ISO_DATE.match(raw):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise fail("a valid date") from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def run_query(driver, text: str, params: dict, write: bool = False, database: str | None = None,
              where: str = "the Neo4j server") -> tuple[list[str], list[list]]:
    """Any Cypher statement: read-only unless ``write`` (the server refuses writes in a READ
    transaction). Returns the column names and the rows as plain Python values."""

    def work(tx):
        result = tx.run(text, params)
        rows = [plain(list(record.values())) for record in result]
        return list(result.keys()), rows

    with translate_errors(where), driver.session(database=database) as session:
        return session.execute_write(work) if write else session.execute_read(work)


def rows_frame(keys: list[str], rows: list[list], fmt: str = "table") -> pd.DataFrame:
    """Query rows as a DataFrame for printing: dates as ISO text; lists and maps as JSON text
    except in JSON output, where they stay structured."""
    import json

    def cell(value):
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, list | dict):
            if fmt == "json":
                return json.loads(json.dumps(value, ensure_ascii=False, default=str))
            return json.dumps(value, ensure_ascii=False, default=str)
        return value

    return pd.DataFrame([[cell(v) for v in row] for row in rows], columns=keys)
