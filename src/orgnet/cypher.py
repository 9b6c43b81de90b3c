"""The shipped Cypher files: ``schema.cypher``, ``load/…``, ``queries/<analysis>.cypher``.

They live in the repository's top-level ``cypher/`` folder and ship in the wheel as ``orgnet/cypher``
(pyproject force-includes them). An installed wheel reads them with ``importlib.resources``; an
editable/dev install, where the package has no ``cypher`` folder, falls back to ``cypher/`` next to
``src/``.

Each query file documents its parameters at the top as Neo4j Browser ``:param`` lines in comments,
so analysts can paste them; ``params`` reads them back.

Examples
--------
>>> "gaps" in queries()
True
>>> list(params("overlaps"))
['as_of', 'min_posts', 'min_extra_posts', 'overlap_lens', 'sanctioned_patterns']
>>> params("overlaps")["min_posts"]
'2'
>>> read("queries/overlaps.cypher").count("$min_posts") > 0
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from .errors import InputError

_PARAM_LINE = re.compile(r"^\s*//\s*:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.*?)\s*$")
_PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_COMMENT = re.compile(r"//[^\n]*")


@cache
def root() -> Traversable:
    """The folder holding the Cypher files (packaged copy first, then the source checkout's)."""
    packaged = resources.files("orgnet").joinpath("cypher")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "cypher"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("orgnet's cypher/ folder is missing from this installation")


def _resource(name: str) -> Traversable:
    node = root()
    for part in name.split("/"):
        node = node.joinpath(part)
    return node


def read(name: str) -> str:
    """The text of a shipped file, by its path inside ``cypher/`` (``"queries/gaps.cypher"``)."""
    node = _resource(name)
    if not node.is_file():
        raise FileNotFoundError(f"no shipped Cypher file {name!r}")
    return node.read_text(encoding="utf-8")


def _names(folder: str) -> list[str]:
    node = _resource(folder)
    if not node.is_dir():
        return []
    return sorted(p.name[: -len(".cypher")] for p in node.iterdir() if p.name.endswith(".cypher"))


def queries() -> list[str]:
    """The shipped analyses' query names (``gaps``, ``overlaps``, …; folder ``queries/``), sorted."""
    return _names("queries")


def facts() -> list[str]:
    """The shipped facts' query names (``active_posts``, ``events``, …; folder ``facts/``): the plain
    tables orgnet's later analyses are computed from."""
    return _names("facts")


def query(name: str) -> str:
    """A shipped query's text by name (an analysis, else a fact), ``active(…)`` spelled out (``expand``)."""
    for folder, names in (("queries", queries()), ("facts", facts())):
        if name in names:
            return expand(read(f"{folder}/{name}.cypher"))
    raise InputError(f"no shipped query {name!r}; expected one of {', '.join(queries() + facts())}")


_ACTIVE = re.compile(r"\bactive\(\s*([A-Za-z_][\w.`]*)\s*,\s*([A-Za-z_][\w.`]*)\s*\)")


@cache
def _active_fragment() -> str:
    """``fragments/active.cypher`` without its comments: the one definition of "active on $as_of"."""
    return " ".join(line.strip() for line in read("fragments/active.cypher").splitlines()
                    if line.strip() and not line.strip().startswith("//"))


def expand(text: str) -> str:
    """``active(FIRST, LAST)`` in Cypher text replaced by its definition (``fragments/active.cypher``);
    ``active(FIRST, NULL)`` keeps the first day's half. Comments are left as they are.

    >>> expand("WHERE active(b.founded, b.dissolved) RETURN b")
    'WHERE ((b.founded IS NULL OR b.founded <= $as_of) AND (b.dissolved IS NULL OR b.dissolved > $as_of)) RETURN b'
    >>> expand("WHERE active(d.since, NULL)")
    'WHERE ((d.since IS NULL OR d.since <= $as_of))'
    """
    first_half, second_half = _active_fragment().split(" AND ")

    def spelled(match: re.Match) -> str:
        first, last = match.group(1), match.group(2)
        parts = [first_half.replace("FIRST", first)]
        if last.upper() != "NULL":
            parts.append(second_half.replace("LAST", last))
        return "(" + " AND ".join(parts) + ")"

    out, pos = [], 0
    for comment in _COMMENT.finditer(text):  # comments keep their words
        out += [_ACTIVE.sub(spelled, text[pos:comment.start()]), comment.group(0)]
        pos = comment.end()
    return "".join(out) + _ACTIVE.sub(spelled, text[pos:])


def params(name_or_text: str) -> dict[str, str]:
    """The ``:param name => example`` lines of a query (a shipped name, or Cypher text), in order."""
    text = query(name_or_text) if name_or_text in queries() + facts() else name_or_text
    found = {}
    for line in text.splitlines():
        m = _PARAM_LINE.match(line)
        if m:
            found[m.group(1)] = m.group(2)
    return found


_BROWSER_LINE = re.compile(r"^\s*:(params?)(?:\s+(.*?))?\s*;?\s*$")
_BROWSER_NAMED = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*|`[^`]+`)\s*(?:=>|:)\s*(.+)$")


@dataclass(frozen=True)
class BrowserParam:
    """One Neo4j Browser parameter line of a query file: ``:param name => expression`` (``name`` set),
    ``:param {a: 1, b: 'x'}`` (``name`` None: a map of several), ``:params {…}`` (``replace``: the map
    replaces every parameter set before) or ``:params clear`` (``replace``, no expression)."""

    line: int
    text: str
    name: str | None
    expression: str
    replace: bool = False


def browser_params(text: str, source: str = "the query") -> tuple[list[BrowserParam], str]:
    """The Neo4j Browser ``:param``/``:params`` lines of a Cypher text, and the statement without them:
    each such line becomes a comment (``// :param …``), so line numbers hold and ``params`` lists them.
    Neo4j Browser evaluates each expression on the server (an implicit ``RETURN``); so does
    ``orgnet query`` (``orgnet.engines.neo4j.browser_defaults``).

    >>> found, statement = browser_params(":param day => date('2012-06-30')\\n:param {a: 1}\\nRETURN $day, $a")
    >>> [(p.line, p.name, p.expression) for p in found]
    [(1, 'day', "date('2012-06-30')"), (2, None, '{a: 1}')]
    >>> print(statement)
    // :param day => date('2012-06-30')
    // :param {a: 1}
    RETURN $day, $a
    """
    found, lines = [], text.splitlines()
    for number, line in enumerate(lines, 1):
        match = _BROWSER_LINE.match(line)
        if not match:
            continue
        command, argument = match.group(1), (match.group(2) or "").strip()
        lines[number - 1] = "// " + line.strip()
        if command == "params" and argument in ("", "clear"):
            if argument == "clear":
                found.append(BrowserParam(number, line, None, "", replace=True))
            continue
        if argument.startswith("{"):
            found.append(BrowserParam(number, line, None, argument, replace=command == "params"))
            continue
        named = _BROWSER_NAMED.match(argument)
        if command != "param" or not named:
            raise InputError(f"{source} line {number}: {line.strip()!r}: expected :param name => value, "
                             ":param {name: value, …} or :params {name: value, …} (as Neo4j Browser takes them)")
        found.append(BrowserParam(number, line, named.group(1).strip("`"), named.group(2).strip()))
    return found, "\n".join(lines) + ("\n" if text.endswith("\n") else "")


def used_params(text: str) -> set[str]:
    """The ``$name`` parameters a Cypher text really uses (comments ignored)."""
    return set(_PARAM_USE.findall(_COMMENT.sub("", text)))


def summary(text: str) -> str:
    """The first comment line of a file, without its ``// ``."""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("//"):
            return line.lstrip("/ ").strip()
    return ""


def statements(text: str) -> list[str]:
    """A multi-statement file (``schema.cypher``) split at ``;`` line ends, comments dropped."""
    body = "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))
    return [s.strip() for s in re.split(r";\s*(?:\n|$)", body) if s.strip()]


def union_parts(text: str) -> list[str]:
    """The branches of a query's first top-level ``CALL () { … UNION ALL … }`` block, each a query
    of its own (``stats.cypher``'s parts, which orgnet's Neo4j engine runs side by side); ``[]``
    when the query has no such block. Comments are dropped; braces are counted, so nested
    subqueries, maps and ``EXISTS { … }`` stay inside their branch.

    >>> union_parts("CALL () {\\n  MATCH (r) RETURN r.id AS id // one\\n  UNION ALL\\n  RETURN {a: 1}.a AS id\\n}\\nRETURN id")
    ['MATCH (r) RETURN r.id AS id', 'RETURN {a: 1}.a AS id']
    >>> union_parts("MATCH (r) RETURN r")
    []
    """
    code = _COMMENT.sub("", text)
    depth, bounds = 0, []  # bounds: where the block's branches start and end
    for match in re.finditer(r"\bCALL\s*\(\s*\)\s*\{|[{}]|\bUNION\s+ALL\b", code, re.IGNORECASE):
        token = match.group(0)
        if token == "}":
            depth -= 1
            if depth == 0 and bounds:
                bounds.append(match.start())
                break
        elif token.endswith("{"):
            if depth == 0 and not bounds and token != "{":
                bounds.append(match.end())
            depth += 1
        elif depth == 1 and bounds:
            bounds += [match.start(), match.end()]
    if len(bounds) < 4:
        return []
    return [code[a:b].strip() for a, b in zip(bounds[::2], bounds[1::2])]
