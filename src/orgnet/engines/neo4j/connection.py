"""Talking to a Neo4j server: connection settings (arguments or ``NEO4J_URI``, ``NEO4J_USERNAME``,
``NEO4J_PASSWORD``, ``NEO4J_DATABASE``, ``ORGNET_NEO4J_TIMEOUT``), the driver and its version check,
sessions running one statement (or one shipped file) in a managed transaction within the time limit
(``limits``: every wait ends), values back as plain Python, and driver and server errors turned
into orgnet's ``EngineError`` / ``InputError`` with one line each.

The password is never printed, logged or put in an error message.
"""

from __future__ import annotations

import logging
import math
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ... import cypher
from ...errors import EngineError, InputError
from .limits import (DEFAULT_TIMEOUT, TIMED_OUT_CODES, TIMEOUT_ENV, _NoAnswer, connect_limit, limit_of, parse_timeout,
                     patience, remember, timed_out, why_stopped, within)

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


#: The URI schemes of the Bolt protocol, the only one orgnet speaks (the driver's ``http``/``https``
#: Query API preview is not supported).
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


@dataclass(frozen=True)
class Settings:
    """Where the server is, and how long to wait for it (``timeout``, seconds: each query or
    transaction, connecting at most ``limits.CONNECT_TIMEOUT``): from arguments, else ``NEO4J_*``
    and ``ORGNET_NEO4J_TIMEOUT`` environment variables."""

    uri: str
    username: str = "neo4j"
    password: str | None = field(default=None, repr=False)
    database: str | None = None
    timeout: float = DEFAULT_TIMEOUT

    def __post_init__(self) -> None:
        check_scheme(self.uri)
        object.__setattr__(self, "timeout", parse_timeout(self.timeout))

    @classmethod
    def resolve(cls, uri: str | None = None, username: str | None = None, password: str | None = None,
                database: str | None = None, timeout: float | None = None) -> Settings:
        env = os.environ
        uri = uri or env.get("NEO4J_URI")
        if not uri:
            raise InputError("no Neo4j server given: pass --neo4j-uri (or uri=…) or set NEO4J_URI")
        if timeout is None:
            timeout = parse_timeout(env[TIMEOUT_ENV], TIMEOUT_ENV) if env.get(TIMEOUT_ENV) else DEFAULT_TIMEOUT
        return cls(uri=uri, username=username or env.get("NEO4J_USERNAME") or "neo4j",
                   password=password if password is not None else env.get("NEO4J_PASSWORD"),
                   database=database or env.get("NEO4J_DATABASE") or None, timeout=timeout)

    @property
    def where(self) -> str:
        """The URI for messages, without any ``user:password@`` part.

        >>> Settings("neo4j://me:secret@db.example:7687").where
        'neo4j://db.example:7687'
        """
        return re.sub(r"//[^/@]*@", "//", self.uri)


def check_scheme(uri: str) -> None:
    """Refuse a URI whose scheme is not Bolt's (``SCHEMES``), with one line.

    >>> check_scheme("bolt+s://db.example:7687")
    >>> check_scheme("http://me:secret@db.example:7474")
    Traceback (most recent call last):
    ...
    orgnet.errors.InputError: Neo4j URI 'http://db.example:7474': orgnet talks to Neo4j over Bolt; expected a URI starting bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s:// or neo4j+ssc:// (e.g. bolt://localhost:7687)
    """
    scheme, sep, _ = uri.partition("://")
    if not sep or scheme.lower() not in SCHEMES:
        shown = re.sub(r"//[^/@]*@", "//", uri)
        listed = ", ".join(f"{s}://" for s in SCHEMES[:-1]) + f" or {SCHEMES[-1]}://"
        raise InputError(f"Neo4j URI {shown!r}: orgnet talks to Neo4j over Bolt; expected a URI starting {listed} "
                         "(e.g. bolt://localhost:7687)")


def _require_driver():
    if neo4j is None:
        raise EngineError("the Neo4j driver is not installed: pip install 'orgnet[neo4j]'")
    return neo4j


def open_driver(settings: Settings, verify: bool = True):
    """A driver for these settings, connectivity checked; errors become one-line ``EngineError``s.

    Connecting (TCP, the Bolt handshake, login, the version check) may take ``connect_limit`` of
    the settings' timeout; every later wait on this driver is bounded by the timeout itself."""
    driver_module = _require_driver()
    auth = (settings.username, settings.password) if settings.password is not None else None
    connecting = connect_limit(settings.timeout)
    with translate_errors(settings.where):
        try:
            driver = driver_module.GraphDatabase.driver(
                settings.uri, auth=auth, notifications_min_severity="OFF", connection_timeout=connecting,
                connection_acquisition_timeout=connecting, max_transaction_retry_time=min(30.0, settings.timeout))
        except ValueError as exc:  # a malformed URI
            raise EngineError(f"Neo4j URI {settings.where!r} is not valid ({one_line(exc)})") from None
        remember(driver, settings.timeout)
        try:
            if verify:
                version = _within_connecting(driver, settings, connecting)
                check_version(version, settings.where)
        except BaseException:
            driver.close()
            raise
    return driver


def _within_connecting(driver, settings: Settings, connecting: float) -> str:
    """Connect and ask the server's version, in ``connecting`` seconds (and a little): the version."""
    def connect() -> str:
        driver.verify_connectivity()
        return server_version(driver, settings.database)

    what = "the connection (Bolt handshake, login and version check)"
    started = time.monotonic()
    try:
        return within(2 * connecting + 1, connect)
    except _NoAnswer:
        raise timed_out(settings.where, what, connecting) from None
    except neo4j_errors.ServiceUnavailable:  # the driver's own deadline, or a refused connection
        if time.monotonic() - started < connecting:
            raise
        raise timed_out(settings.where, what, connecting) from None


#: The oldest Neo4j the shipped Cypher runs on (5.x syntax: constraints, CALL subqueries, date()).
MIN_VERSION = (5, 0)


def server_version(driver, database: str | None = None) -> str:
    """The server's version ("5.26.0"), asked of ``database`` (so a missing database shows up here)."""
    query = neo4j.Query("CALL dbms.components() YIELD name, versions WHERE name = 'Neo4j Kernel' "
                        "RETURN versions[0] AS version", timeout=connect_limit(limit_of(driver)))
    with driver.session(database=database) as session:
        record = session.run(query).single()
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


def one_line(exc: BaseException) -> str:
    """An exception's message on one line (the driver's own ``message`` when it has one)."""
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
        raise EngineError(f"Neo4j at {where} is not reachable: {one_line(exc)}") from None
    except neo4j_errors.Neo4jError as exc:
        if exc.code == "Neo.ClientError.Statement.AccessMode":
            raise InputError("this query writes to the database; run it with --write to allow that") from None
        if exc.code == "Neo.ClientError.Database.DatabaseNotFound":
            raise EngineError(f"Neo4j at {where}: {one_line(exc)} (check NEO4J_DATABASE)") from None
        raise EngineError(f"Neo4j error {exc.code}: {exc.message}") from None
    except neo4j_errors.DriverError as exc:
        raise EngineError(f"Neo4j driver error talking to {where}: {one_line(exc)}") from None


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


def in_transaction(driver, work: Callable, *args, write: bool = False, database: str | None = None,
                   where: str = "the Neo4j server", what: str = "the query", then: str = "",
                   fetch_size: int | None = None):
    """``work(tx, *args)`` in one managed transaction (read, or ``write``) of a session of its own,
    within the driver's time limit (``limits``): the server stops the transaction when the limit
    runs out (a slow query, or one waiting for another transaction's lock), and the caller stops
    waiting a little later (a server that no longer answers). Either way ``Neo4jTimeout``, one line
    naming ``what`` was waited for (``then``: what to do about it); other driver and server errors
    pass through as they are (see ``translate_errors``)."""
    limit = limit_of(driver)
    bounded = neo4j.unit_of_work(timeout=limit)(work)  # a new function: ``work`` is unchanged
    options = {"fetch_size": fetch_size} if fetch_size else {}

    def attempt():
        with driver.session(database=database, **options) as session:
            return (session.execute_write if write else session.execute_read)(bounded, *args)

    try:
        return within(patience(limit), attempt)
    except _NoAnswer:
        raise timed_out(where, what, limit, then=then) from None
    except neo4j_errors.Neo4jError as exc:
        if exc.code not in TIMED_OUT_CODES:
            raise
        raise timed_out(where, what, limit, why_stopped(exc.code), then) from None


def run_read(driver, text: str, params: dict | None = None, database: str | None = None,
             where: str = "the Neo4j server", what: str = "the query") -> list[dict]:
    """Run one statement in a managed READ transaction (the server refuses writes); rows as dicts."""
    with translate_errors(where):
        return in_transaction(driver, _data, text, params, database=database, where=where, what=what)


def read_rows(driver, text: str, params: dict | None = None, database: str | None = None,
              where: str = "the Neo4j server", what: str = "the query") -> list[dict]:
    """``run_read``, with every value plain Python (``plain``) and big pulls."""
    with translate_errors(where):
        return in_transaction(driver, lambda tx: _plain_rows(tx.run(text, params or {})), database=database,
                              where=where, what=what, fetch_size=_FETCH_SIZE)


#: Records per PULL when reading results (the driver's default is 1,000).
_FETCH_SIZE = 50_000


def _data(tx, text: str, params: dict | None) -> list[dict]:
    return [r.data() for r in tx.run(text, params or {})]


def run_write(driver, text: str, params: dict | None = None, database: str | None = None,
              where: str = "the Neo4j server", what: str = "the query") -> list[dict]:
    """Run one statement in a managed write transaction (retried on transient errors)."""
    with translate_errors(where):
        return in_transaction(driver, _data, text, params, write=True, database=database, where=where, what=what)


def run_file(driver, name: str, database: str | None = None, where: str = "the Neo4j server") -> None:
    """Run each statement of a multi-statement file (``schema.cypher``, ``load/ready.cypher``),
    one write transaction each (schema commands cannot share a transaction with other writes).
    A statement saying ``$timeout_seconds`` (``db.awaitIndexes``) gets the time limit in whole
    seconds; a wait that ends names the statement (``CALL db.awaitIndexes (load/ready.cypher)``)."""
    for statement in cypher.statements(cypher.read(name)):
        run_write(driver, statement, waiting_params(driver, statement), database, where,
                  what=f"{statement_named(statement)} ({name})")


def waiting_params(driver, statement: str) -> dict | None:
    """``{"timeout_seconds": n}`` for a statement that waits that long (the limit, whole seconds)."""
    if "$timeout_seconds" not in statement:
        return None
    return {"timeout_seconds": max(1, math.ceil(limit_of(driver)))}


def statement_named(statement: str) -> str:
    """A statement's first words, to name it in a message.

    >>> statement_named("CALL db.awaitIndexes($timeout_seconds)"), statement_named("CREATE INDEX a FOR (n:X) ON (n.a)")
    ('CALL db.awaitIndexes', 'CREATE INDEX a')
    """
    code = " ".join(line for line in statement.splitlines() if not line.strip().startswith("//"))
    return " ".join(code.split("(", 1)[0].split()[:3])
