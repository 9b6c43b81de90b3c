"""Raw text tables + the schema → a typed ``Dataset``, or a ``ValidationError`` listing every problem.

Each check is vectorized over a column, so a million rows validate in seconds. Row numbers are the
ones a person sees in a spreadsheet: the header is row 1, the first data row is row 2.

Accepted spellings, beyond the plain ones:

- headers: the English column name or any alias in the schema (``名称``, ``上級``…), any case;
- booleans: true/false, 1/0, yes/no, y/n, 是/否, t/f;
- dates: ``2012-06-30``, also ``2012/6/30``, ``2012.6.30`` and ``2012年6月30日``;
- numbers and dates: full-width digits (``３０``) are read as ASCII digits;
- every cell: leading and trailing spaces are removed.

Examples
--------
>>> import pandas as pd
>>> from orgnet.read import RawDataset, RawTable
>>> raw = RawDataset(".")
>>> raw.tables["regions"] = RawTable("regions", "regions.csv", pd.DataFrame(
...     {"id": ["R1", "R2"], "name": ["北湖区", "石盖塘街道"], "level": ["district", "街道"], "parent_id": ["", "R9"]}))
>>> try:
...     validate(raw)
... except ValidationError as err:
...     print(*err.problems[-2:], sep="\\n")
posts: expected the table posts (posts.csv or a sheet of that name)
regions.csv row 3, column parent_id: got 'R9', expected an id from regions
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import pandas as pd

from ..dataset import Dataset
from ..errors import Problem, ValidationError
from ..read import RawDataset
from ..schema import SCHEMA, Schema
from .cells import FALSE_WORDS, MAX_CELL_CHARS, TRUE_WORDS
from .keys import keys_and_references
from .problems import PROBLEMS_PER_KIND, capped
from .rows import apply_derived_defaults, region_cycles, row_rule_problems
from .tables import empty_table, has_no_header, typed_table

__all__ = ["FALSE_WORDS", "MAX_CELL_CHARS", "PROBLEMS_PER_KIND", "TRUE_WORDS", "ValidationError", "validate"]


def validate(raw: RawDataset, schema: Schema = SCHEMA) -> Dataset:
    """Check a raw dataset against the contract and return it typed; raise with every problem."""
    problems = list(raw.problems)
    tables: dict[str, pd.DataFrame] = {}
    sources: dict[str, str] = {}
    broken = set(raw.unreadable)  # tables whose content is unknown: no reference checks into them
    found: dict[str, list[Problem]] = {name: [] for name in schema.tables}
    typing = []
    for table in schema.tables.values():
        if table.name in raw.skipped:  # not asked for: empty here, left out of the Dataset
            tables[table.name] = empty_table(table)
            broken.add(table.name)
            continue
        if table.name not in raw.tables:
            if table.required and table.name not in broken:
                found[table.name].append(Problem(table.name, None, None, None,
                                                 f"the table {table.name} ({table.name}.csv or a sheet of that name)"))
            tables[table.name] = empty_table(table)
            continue
        rt = raw.tables[table.name]
        sources[table.name] = rt.source
        if table.required and rt.frame.empty:
            found[table.name].append(Problem(rt.source, None, None, None, "at least one data row below the header"))
            broken.add(table.name)
        if has_no_header(rt, table):  # its ids are unknown: no reference checks into it
            broken.add(table.name)
        typing.append((rt, table))
    # Arrow's kernels release the GIL: the tables are typed side by side, one thread per core.
    with ThreadPoolExecutor(max_workers=min(len(typing), os.cpu_count() or 1) or 1) as pool:
        typed = pool.map(lambda job: typed_table(job[0], job[1], found[job[1].name]), typing)
        for (_, table), frame in zip(typing, typed):
            tables[table.name] = frame
    problems += [p for name in schema.tables for p in found[name]]
    tables = {name: tables[name] for name in schema.tables}
    keys, references, positions = keys_and_references(tables, sources, schema, skip=broken)
    problems += keys + references
    problems += row_rule_problems(tables, sources, schema, positions)
    problems += region_cycles(tables["regions"], sources.get("regions", "regions"), positions)
    if problems:
        raise ValidationError(capped(problems))
    apply_derived_defaults(tables, positions)
    return Dataset(tables={name: frame for name, frame in tables.items() if name not in raw.skipped},
                   source=str(raw.path), positions=positions, skipped=frozenset(raw.skipped))
