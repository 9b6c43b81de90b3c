"""One raw table → a typed frame: headers mapped to the schema's columns, missing ones defaulted, each
column parsed, and the spreadsheet row number of every row kept in ``_row`` (the header is row 1)."""

from __future__ import annotations

import pandas as pd

from ..errors import Problem
from ..read import RawTable
from ..schema import Column, Table
from .cells import parse_column


def empty_table(table: Table) -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in table.columns})
    for col in table.columns.values():
        frame[col.name] = _empty_series(col)
    frame["_row"] = pd.Series(dtype="int64")
    return frame


def _empty_series(col: Column) -> pd.Series:
    if col.type == "int":
        return pd.Series(dtype="Int64")
    if col.type == "bool":
        return pd.Series(dtype=bool)
    if col.type == "date":
        return pd.Series(dtype="datetime64[s]")
    return pd.Series(dtype="str")


def typed_table(rt: RawTable, table: Table, problems: list[Problem]) -> pd.DataFrame:
    """Map headers, check presence, parse every column into its type.

    Columns are gathered first and made into the frame once: inserting them one at a time costs
    pandas time in the number of columns already there, quadratic for a wide table."""
    names = table.header_names()
    canonical: dict[str, str] = {}
    taken: set[str] = set()
    for header in rt.frame.columns:
        name = names.get(header.strip().lower(), header)
        if name in taken:
            problems.append(Problem(rt.source, 1, header, header, f"one column for {name} (it appears twice)"))
            continue
        canonical[header] = name
        taken.add(name)
    frame = rt.frame[list(canonical)].rename(columns=canonical)
    rows = pd.Series(frame.index.to_numpy() + 2, index=frame.index)
    out: dict[str, pd.Series] = {}
    headerless = not taken & set(table.columns) and bool(table.columns)
    if headerless:
        problems.append(_no_header_problem(rt, table))
    for col in table.columns.values():
        if col.name not in taken:
            if col.required and not headerless:
                aliases = f" (or {', '.join(col.aliases)})" if col.aliases else ""
                problems.append(Problem(rt.source, 1, col.name, None, f"a column named {col.name}{aliases}"))
            out[col.name] = _default_series(col, frame.index)
            continue
        out[col.name] = parse_column(frame[col.name], col, rt.source, rows, problems)
    for extra in frame.columns:
        if extra not in table.columns:
            out[extra] = frame[extra].str.strip()
    out["_row"] = rows
    return pd.DataFrame(out, index=frame.index)


#: Header cells a headerless-file problem quotes.
QUOTED_HEADERS = 4


def has_no_header(rt: RawTable, table: Table) -> bool:
    """Whether none of the table's headers names one of its columns (the header row is missing)."""
    names = table.header_names()
    return not {names.get(h.strip().lower(), h) for h in rt.frame.columns} & set(table.columns)


def _no_header_problem(rt: RawTable, table: Table) -> Problem:
    """One problem for a table none of whose headers names a column (a file saved without its header
    row, or another table's file): instead of one per missing column."""
    wanted = ", ".join(c.name for c in table.columns.values() if c.required)
    first = [h for h in rt.frame.columns[:QUOTED_HEADERS]]
    quoted = ", ".join(first) + (", …" if len(rt.frame.columns) > QUOTED_HEADERS else "")
    return Problem(rt.source, 1, None, quoted, f"a header row naming the columns ({wanted}); none of this "
                   "row's cells is a column name: is the header row missing?")


def _default_series(col: Column, index: pd.Index) -> pd.Series:
    if col.type == "bool":
        return pd.Series(bool(col.default), index=index, dtype=bool)
    if col.type == "int":
        return pd.Series(pd.NA if col.default is None else col.default, index=index, dtype="Int64")
    if col.type == "date":
        return pd.Series(pd.NaT, index=index, dtype="datetime64[s]")
    return pd.Series(col.default, index=index, dtype="str")
