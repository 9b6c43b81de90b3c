"""Tables given as pandas DataFrames (``orgnet.load({table: frame})``), or read from files, turned
into a validated ``Dataset``: the one way in for ``orgnet.api`` and for tables read back from Neo4j.

Examples
--------
>>> import pandas as pd
>>> data = load_dataset("tests/data/tiny")
>>> again = load_dataset({name: frame.drop(columns="_row") for name, frame in data.tables.items()})
>>> again.tables["bodies"]["founded"].equals(data.tables["bodies"]["founded"])  # dates go back as days
True
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .dataset import Dataset
from .errors import InputError, Problem
from .read import RawDataset, RawTable, read_dataset
from .schema import SCHEMA
from .validate import validate


def load_dataset(source: str | Path | dict[str, pd.DataFrame]) -> Dataset:
    """Read and validate a folder, a workbook, or ``{table: DataFrame}``; raise with every problem."""
    if isinstance(source, dict):
        raw = RawDataset(Path("<dataframes>"))
        for name, frame in source.items():
            if not isinstance(name, str) or SCHEMA.table_named(name) is None:
                raise InputError(f"unknown table {name!r}; expected one of {', '.join(SCHEMA.tables)}")
            if not isinstance(frame, pd.DataFrame):
                raise InputError(f"table {name!r}: expected a pandas DataFrame, got {type(frame).__name__}")
            text, problems = _frame_text(frame, f"{name} (DataFrame)")
            raw.tables[SCHEMA.table_named(name).name] = RawTable(name, f"{name} (DataFrame)", text)
            raw.problems += problems
        return validate(raw)
    return validate(read_dataset(source))


#: A lone surrogate: a Python string may hold one, no file (UTF-8, XML, Neo4j) can.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _frame_text(frame: pd.DataFrame, source: str) -> tuple[pd.DataFrame, list[Problem]]:
    """A DataFrame as the text table validation reads (labels and cells ``str``, rows numbered as in
    a file with a header: the first row is row 2), and a problem for each lone surrogate, which no
    output can hold (the cell is kept escaped, so validation goes on and lists every problem)."""
    from .output import shown

    expected = "text without lone surrogates (U+D800–U+DFFF), which no file or database can hold"
    labels = [str(c) for c in frame.columns]
    problems = [Problem(source, 1, shown(c), shown(c), expected) for c in labels if _SURROGATE.search(c)]
    frame = frame.assign(**{c: _iso_days(frame[c]) for c in frame.columns
                            if pd.api.types.is_datetime64_any_dtype(frame[c].dtype)})
    cells = frame.astype(object).where(frame.notna(), "").reset_index(drop=True)
    cells.columns = [shown(c) for c in labels]
    for i, column in enumerate(cells.columns):
        values = [str(v) for v in cells.iloc[:, i]]
        for row, value in enumerate(values):
            if _SURROGATE.search(value):
                problems.append(Problem(source, row + 2, column, shown(value), expected))
                values[row] = shown(value)
        cells.isetitem(i, pd.array(values, dtype="str"))
    return cells, problems


def _iso_days(column: pd.Series) -> pd.Series:
    """A datetime column as ``YYYY-MM-DD`` text when every value is a whole day (what ``net.tables``
    holds), so a table taken from a network loads again; else unchanged (validation names the cells)."""
    present = column.dropna()
    if len(present) and not (present == present.dt.normalize()).all():
        return column
    return column.dt.strftime("%Y-%m-%d").where(column.notna(), None)
