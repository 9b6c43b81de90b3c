"""Ad-hoc Cypher (``orgnet query``): the parameters of a query text (orgnet's defaults for the
names it declares or uses, overridden by ``--param name=value`` strings typed like those defaults),
running it read-only unless told to write, and its rows as a DataFrame for printing.
"""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date

import pandas as pd

from ... import cypher
from ...dataset import as_timestamp
from ...errors import EngineError, InputError
from ...limits import INT64_MAX, INT64_MIN, fits_int64, rule_value
from ...rules import Rules
from .connection import in_transaction, plain, translate_errors
from .engine import parameters


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def query_parameters(text: str, given: list[str], rules: Rules, today: date | None = None,
                     from_file: dict | None = None) -> dict:
    """Parameters for a Cypher text: orgnet's defaults for those it declares or uses (as_of = today,
    year = this year, the rule thresholds), overridden by the file's own Neo4j Browser ``:param``
    lines (``from_file``: ``browser_defaults``), overridden by ``name=value`` strings (typed like the
    value they override).

    >>> p = query_parameters("RETURN $as_of, $min_posts, $x", ["as_of=2012-06-30", "x=[1, 2]"], Rules())
    >>> p["as_of"], p["min_posts"], p["x"]
    (datetime.date(2012, 6, 30), 2, [1, 2])
    >>> query_parameters("RETURN $day", ["day=2012/6/30"], Rules(), from_file={"day": date(2011, 1, 1)})
    {'day': datetime.date(2012, 6, 30)}
    """
    today = today or date.today()
    defaults = {**parameters(rules, as_of=today, year=today.year), **(from_file or {})}
    wanted = list(cypher.params(text)) + sorted(cypher.used_params(text)) + list(from_file or {})
    out = {name: defaults[name] for name in wanted if name in defaults}
    for item in given:
        name, sep, raw = item.partition("=")
        name = name.strip().lstrip("$")
        if not sep or not _NAME.match(name):
            raise InputError(f"--param {item!r}: expected name=value")
        out[name] = checked_value(name, raw.strip(), parse_value(name, raw.strip(), defaults.get(name)), rules)
    missing = sorted(cypher.used_params(text) - set(out))
    if missing:
        raise InputError(f"the query needs {', '.join('$' + m for m in missing)}: add --param name=value")
    return out


def checked_value(name: str, raw: str, value, rules: Rules):
    """A parsed ``--param`` value, refused when an integer in it is past 64 bits (the server's range)
    or when it sets a rule threshold to a value the rule cannot take.

    >>> checked_value("x", "9223372036854775808", 2**63, Rules())
    Traceback (most recent call last):
    ...
    orgnet.errors.InputError: --param x='9223372036854775808': expected integers from -9223372036854775808 to \
9223372036854775807 (64-bit, as Neo4j holds them)
    """
    if not fits_int64(value) or isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value):  # (past Python's digits)
        raise InputError(f"--param {name}={raw!r}: expected integers from {INT64_MIN} to {INT64_MAX} "
                         "(64-bit, as Neo4j holds them)")
    if name in {f.name for f in fields(rules)}:
        _, problem = rule_value(name, value, getattr(rules, name))
        if problem:
            raise InputError(f"--param {name}={raw!r}: {problem.split(': ', 1)[1]}")
    return value


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
        from ...glossary import DATE_SPELLINGS

        try:
            return as_timestamp(raw).date()
        except ValueError:
            raise fail(DATE_SPELLINGS) from None
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
            except (ValueError, RecursionError):  # (JSONDecodeError, numbers past Python's digit limit, deep nesting)
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
    except RecursionError:
        raise fail("JSON nested less deeply") from None
    except ValueError:
        return raw


def browser_defaults(driver, found: list, database: str | None = None, where: str = "the Neo4j server",
                     source: str = "the query") -> dict:
    """The values of a query file's Neo4j Browser ``:param`` lines (``orgnet.cypher.browser_params``),
    each expression evaluated by the server as Neo4j Browser does (``RETURN expression``), in order:
    a later line overrides an earlier one, ``:params {…}`` replaces all, ``:params clear`` empties."""
    values: dict = {}
    template = "\n".join(line for line in cypher.read("fragments/browser_param.cypher").splitlines()
                         if not line.startswith("//"))
    for param in found:
        if param.replace:
            values = {}
        if not param.expression:
            continue
        try:
            statement = template.replace("EXPRESSION", param.expression)
            _, rows = run_query(driver, statement, {}, False, database, where, f"{source} line {param.line}")
        except EngineError as exc:
            if "Neo.ClientError" not in str(exc):
                raise
            raise InputError(f"{source} line {param.line}: {param.text.strip()!r}: the server could not evaluate "
                             f"it ({str(exc).split(': ', 1)[-1]})") from None
        value = rows[0][0]
        if param.name is not None:
            values[param.name] = value
        elif isinstance(value, dict):
            values.update(value)
        else:
            raise InputError(f"{source} line {param.line}: {param.text.strip()!r}: expected a map {{name: value, …}}")
    return values


def run_query(driver, text: str, params: dict, write: bool = False, database: str | None = None,
              where: str = "the Neo4j server", what: str = "the query") -> tuple[list[str], list[list]]:
    """Any Cypher statement: read-only unless ``write`` (the server refuses writes in a READ
    transaction), within the driver's time limit. Returns the column names and the rows as plain
    Python values."""

    def work(tx):
        result = tx.run(text, params)
        rows = [plain(list(record.values())) for record in result]
        return list(result.keys()), rows

    with translate_errors(where):
        return in_transaction(driver, work, write=write, database=database, where=where, what=what)


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
