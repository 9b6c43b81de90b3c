"""The Neo4j engine: the analyses and the facts answered by the shipped Cypher queries
(``cypher/queries/<name>.cypher``, parameterized by ``$as_of``, ``$year`` and the rule thresholds)
on a database that ``orgnet.engines.neo4j.load`` filled.

It only orchestrates: it picks the file, passes the parameters the file declares (values always go
in as parameters, never into the query text), and hands the rows to the analysis's contract
(``orgnet.analyses``) so that both engines return identical DataFrames.
"""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date

import pandas as pd

from ... import cypher
from ...errors import InputError
from ...analyses.registry import ANALYSES
from ...rules import Rules
from ...sanctioned import patterns as sanctioned_patterns
from ...schema import SCHEMA, TOWNSHIP_LEVELS, Schema
from ..subgraph import from_facts
from .connection import Settings, open_driver, read_rows
from .load import DEFAULT_WORKERS, counts


# -- parameters -----------------------------------------------------------------------------------
def parameters(rules: Rules, as_of: date | None = None, year: int | None = None,
               schema: Schema = SCHEMA) -> dict:
    """Every parameter a shipped query may take: the day, the year and the rule thresholds."""
    out = {f.name: list(v) if isinstance(v := getattr(rules, f.name), tuple) else v for f in fields(rules)}
    out["head_roles"] = {k: list(v) for k, v in schema._head_roles.items()}
    out["head_roles_by_type"] = {k: list(v) for k, v in schema._head_roles_by_type.items()}
    out["township_levels"] = list(TOWNSHIP_LEVELS)
    out["sanctioned_patterns"] = sanctioned_patterns(rules.sanctioned)
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

    The same answers as ``NetworkxEngine`` (``orgnet.engines.base.Engine``), through the registry.
    """

    name = "neo4j"

    def __init__(self, driver, database: str | None = None, where: str = "the Neo4j server"):
        self.driver = driver
        self.database = database
        self.where = where

    @classmethod
    def connect(cls, uri: str | None = None, username: str | None = None, password: str | None = None,
                database: str | None = None, timeout: float | None = None) -> Neo4jEngine:
        """Connect with arguments or ``NEO4J_*`` environment variables; ``timeout``: seconds each
        query may take (else ``ORGNET_NEO4J_TIMEOUT``, else ``limits.DEFAULT_TIMEOUT``)."""
        settings = Settings.resolve(uri, username, password, database, timeout)
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
        what = f"the query {name!r}"
        if not columns:
            return read_rows(self.driver, text, params, self.database, self.where, what)
        record = read_rows(self.driver, collected(text, columns), params, self.database, self.where, what)[0]
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
            record = read_rows(self.driver, collected(branch, columns), params, self.database, self.where,
                               f"the query {name!r}")[0]
            return [dict(zip(columns, row)) for row in record["rows"]]

        with ThreadPoolExecutor(max_workers=workers) as pool:
            return [row for rows in pool.map(one, branches) for row in rows]

    def answer(self, analysis: str, **args) -> pd.DataFrame:
        """The registered analysis or fact ``analysis``: its shipped query (``ANALYSES[…].cypher``),
        run with the parameters the file declares, its rows through the record's ``from_cypher``
        (when the query leaves a Python end) and its contract. A query with a ``CALL () { … UNION ALL
        … }`` block (``stats``) runs in parts side by side (``run_parts``)."""
        record = ANALYSES.get(analysis)
        if record is None or record.kind == "derived":
            raise InputError(f"{analysis!r} is not an engine analysis; expected one of "
                             + ", ".join(n for n, a in ANALYSES.items() if a.kind != "derived"))
        rules = args.pop("rules", None) or Rules()
        days = {k: pd.Timestamp(v).date() for k, v in args.items() if k in ("as_of", "start", "end")}
        name = record.cypher.rsplit("/", 1)[-1].removesuffix(".cypher")
        if cypher.union_parts(cypher.query(name)):
            rows = self.run_parts(name, rules, as_of=days.get("as_of"))
        else:
            rows = self.run(name, rules, as_of=days.get("as_of"), year=args.get("year"),
                            **{k: v for k, v in days.items() if k != "as_of"})
        if record.from_cypher is not None:
            rows = record.from_cypher(rows, rules=rules)
        return record.finish(rows)

    def subgraph(self, as_of: date, people: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
        """One day's nodes and edges for the views, from the facts (``orgnet.engines.subgraph.from_facts``)."""
        nodes, edges = from_facts(self, pd.Timestamp(as_of).date())
        if not people:
            nodes, edges = nodes[nodes["label"] != "Person"], edges[edges["type"] != "HOLDS"]
        return nodes, edges

    def counts(self) -> dict[str, int]:
        return counts(self.driver, self.database, self.where)
