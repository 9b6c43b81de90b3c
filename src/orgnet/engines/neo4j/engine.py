"""The Neo4j engine: the analyses and the facts answered by the shipped Cypher queries
(``cypher/queries/<name>.cypher``, parameterized by ``$as_of``, ``$year`` and the rule thresholds)
on a database that ``orgnet.engines.neo4j.load`` filled.

It only orchestrates: it picks the file, passes the parameters the file declares (values always go
in as parameters, never into the query text), and hands the rows to ``orgnet.results.finish`` so
that both engines return identical DataFrames.
"""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date

import pandas as pd

from ... import cypher
from ...errors import InputError
from ...results import figure_value, finish
from ...rules import Rules
from ...schema import SCHEMA, Schema
from .connection import Settings, open_driver, read_rows
from .load import DEFAULT_WORKERS, counts


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
