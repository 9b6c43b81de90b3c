"""How long orgnet waits for a Neo4j server, and the one line it prints when it stops waiting.

One limit, ``--neo4j-timeout SECONDS`` (or ``ORGNET_NEO4J_TIMEOUT``; default ``DEFAULT_TIMEOUT``),
bounds every wait:

* connecting (TCP, the Bolt handshake, login and the version check): ``connect_limit`` of it, at
  most ``CONNECT_TIMEOUT`` (the driver's ``connection_timeout`` and
  ``connection_acquisition_timeout``);
* each query, and each transaction of a load (one batch): the limit itself, sent to the server as
  the transaction's timeout, so that the server stops a query that runs too long or waits too long
  for a lock held by another transaction, and rolls it back;
* a server that stops answering altogether (it never stops the transaction itself): each wait also
  runs in a thread of its own that the caller waits for ``patience(limit)`` at most (``within``).

A wait that ends this way raises ``Neo4jTimeout`` (an ``EngineError``: exit code 1, like every
server problem) with one line naming the server, what was waited for and the limit.
"""

from __future__ import annotations

import math
import threading
import weakref
from collections.abc import Callable

from ...errors import EngineError, InputError

#: Seconds a query or a transaction (one batch of a load) may take, unless told otherwise.
DEFAULT_TIMEOUT = 300.0

#: The shortest limit taken, in seconds (a millisecond).
LEAST_TIMEOUT = 0.001

#: Seconds connecting may take, at most (less when the limit is smaller).
CONNECT_TIMEOUT = 30.0

#: The environment variable and the option that set the limit.
TIMEOUT_ENV = "ORGNET_NEO4J_TIMEOUT"
TIMEOUT_OPTION = "--neo4j-timeout"

#: Server error codes of a transaction stopped by its timeout (``LockClientStopped``: while it was
#: waiting for a lock).
TIMED_OUT_CODES = frozenset({
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    "Neo.TransientError.Transaction.TransactionTimedOutClientConfiguration",
    "Neo.ClientError.Transaction.LockClientStopped",
    "Neo.TransientError.Transaction.LockClientStopped",
})


class Neo4jTimeout(EngineError):
    """orgnet stopped waiting for the Neo4j server: the limit (``--neo4j-timeout``) ran out."""


def parse_timeout(value, source: str = TIMEOUT_OPTION) -> float:
    """A limit in seconds: a number > 0 (``source`` names where it came from, for the message).

    >>> parse_timeout("2.5"), parse_timeout(300)
    (2.5, 300.0)
    >>> parse_timeout("soon", "ORGNET_NEO4J_TIMEOUT")
    Traceback (most recent call last):
    ...
    orgnet.errors.InputError: ORGNET_NEO4J_TIMEOUT='soon': expected a number of seconds > 0
    """
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = math.nan
    if not (0 < seconds < math.inf):
        raise InputError(f"{source}={value!r}: expected a number of seconds > 0")
    if seconds < LEAST_TIMEOUT:  # (the driver fails on its own below a microsecond or so, "50N42")
        raise InputError(f"{source}={value!r}: expected a number of seconds from {LEAST_TIMEOUT}")
    return seconds


def connect_limit(limit: float) -> float:
    """Seconds connecting may take under ``limit``.

    >>> connect_limit(300), connect_limit(2)
    (30.0, 2)
    """
    return min(CONNECT_TIMEOUT, limit)


def patience(limit: float) -> float:
    """How long the caller waits for a query before it gives up on the server: the limit, plus
    time to get a connection and for the server to notice its own timeout (it checks about once a
    second), so that a live server always reports first.

    >>> patience(300), patience(1)
    (331.0, 3)
    """
    return limit + connect_limit(limit) + 1


# -- the limit each driver was opened with --------------------------------------------------------
_LIMITS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def remember(driver, limit: float) -> None:
    """Note the limit a driver was opened with (``open_driver``), for every wait on it."""
    _LIMITS[driver] = limit


def limit_of(driver) -> float:
    """The limit ``driver`` was opened with (``DEFAULT_TIMEOUT`` for a driver opened elsewhere)."""
    try:
        return _LIMITS.get(driver, DEFAULT_TIMEOUT)
    except TypeError:  # an object that cannot be weakly referenced
        return DEFAULT_TIMEOUT


# -- waiting --------------------------------------------------------------------------------------
class _NoAnswer(Exception):
    """``within`` stopped waiting."""


def within(seconds: float, call: Callable, *args):
    """``call(*args)``, in a thread of its own that the caller waits ``seconds`` for at most; then
    ``_NoAnswer`` (the thread is left blocked on its socket, as a daemon; closing the driver ends
    it). Errors in ``call`` reach the caller as they are."""
    box: dict = {}

    def run() -> None:
        try:
            box["value"] = call(*args)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            box["error"] = exc

    worker = threading.Thread(target=run, name="orgnet-neo4j-wait", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise _NoAnswer
    if "error" in box:
        raise box["error"]
    return box.get("value")


def server_name(where: str) -> str:
    """``where`` as the subject of a message.

    >>> server_name("bolt://db:7687"), server_name("the Neo4j server")
    ('the Neo4j server at bolt://db:7687', 'the Neo4j server')
    """
    return where if where.startswith("the ") else f"the Neo4j server at {where}"


def timed_out(where: str, what: str, limit: float, why: str = "", then: str = "") -> Neo4jTimeout:
    """The error for a wait that ran out, on one line (``why``: what the server said, ``then``:
    what to do about it).

    >>> print(timed_out("bolt://db:7687", "the query 'gaps'", 300.0))
    the Neo4j server at bolt://db:7687: no answer to the query 'gaps' within 300 s (--neo4j-timeout SECONDS or ORGNET_NEO4J_TIMEOUT sets the limit)
    """
    after = "".join(f"; {part}" for part in (why, then) if part)
    return Neo4jTimeout(f"{server_name(where)}: no answer to {what} within {limit:g} s "
                        f"({TIMEOUT_OPTION} SECONDS or {TIMEOUT_ENV} sets the limit){after}")


def why_stopped(code: str | None) -> str:
    """What a server's timeout error code says happened."""
    if code and code.endswith("LockClientStopped"):
        return "the server stopped it while it waited for a lock held by another transaction"
    return "the server stopped it"
