"""Columns without a header: ignored when empty throughout, a problem when they hold data.

A spreadsheet that once had a stray cell far to the right (column XFD, say) exports every column up
to it: thousands of columns with no header and no data. The readers give each empty header cell a
placeholder naming its column (``unnamed``); ``without_blank_columns`` then drops the columns that
are empty throughout, with a one-line notice, and refuses the table (file, row 1, the column's
letter) when such a column holds data, since its values would have no name.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame([["O1", "", ""], ["O2", "", ""]], columns=unnamed(["id", "", ""]))
>>> notices = []
>>> list(without_blank_columns(frame, "organizations.csv", [], notices).columns)
['id']
>>> notices
['organizations.csv: ignored 2 empty columns with no header (B to C)']
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .errors import Problem

#: Starts every placeholder header: no header a reader keeps can start with it (CSV files holding
#: NUL are refused as binary; workbook XML cannot hold it).
_MARK = "\x00"

log = logging.getLogger(__name__)
#: Columns with data but no header listed one by one; the rest are counted in one more problem.
LISTED_COLUMNS = 5


def column_letter(number: int) -> str:
    """The spreadsheet letter of the column ``number`` (1 is A).

    >>> column_letter(1), column_letter(26), column_letter(27), column_letter(16_384)
    ('A', 'Z', 'AA', 'XFD')
    """
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def unnamed(headers: list[str]) -> list[str]:
    """The header row with each empty cell replaced by a placeholder holding its column letter.

    >>> [h.replace(_MARK, "?") for h in unnamed(["id", "", "name", ""])]
    ['id', '?B', 'name', '?D']
    """
    return [h or _MARK + column_letter(i) for i, h in enumerate(headers, start=1)]


def has_text(cells: pd.Series) -> np.ndarray:
    """Non-empty cells; Arrow text by byte length (comparing with "" is ten times slower)."""
    array = getattr(cells.array, "_pa_array", None)
    if array is None:
        return (cells != "").to_numpy(dtype=bool)
    return pc.greater(pc.binary_length(array), 0).to_numpy(zero_copy_only=False).astype(bool)


def without_blank_columns(frame: pd.DataFrame | pa.Table, source: str, problems: list[Problem],
                          notices: list[str]) -> pd.DataFrame | pa.Table | None:
    """``frame`` (a DataFrame or an Arrow table) without its columns that have no header and no data;
    None when one has data.

    Each column with data but no header becomes a Problem; the columns dropped are told in one
    notice (added to ``notices`` and logged as a warning). Work is one pass over the cells."""
    names = frame.column_names if isinstance(frame, pa.Table) else list(frame.columns)
    blank = [i for i, name in enumerate(names) if name.startswith(_MARK)]
    if not blank:
        return frame
    filled = _with_text(frame, blank)
    if filled:
        expected = "a header in every column with data (merged header cells?)"
        problems.extend(Problem(source, 1, names[i][1:], "", expected) for i in filled[:LISTED_COLUMNS])
        if len(filled) > LISTED_COLUMNS:
            rest = filled[LISTED_COLUMNS:]
            problems.append(Problem(source, 1, f"{names[rest[0]][1:]} to {names[rest[-1]][1:]}", None,
                                    f"{expected} (and {len(rest):,} more columns like this)"))
        return None
    first, last = names[blank[0]][1:], names[blank[-1]][1:]
    notice = (f"{source}: ignored {len(blank):,} empty column{'s' if len(blank) > 1 else ''} with no header "
              f"({first}{'' if first == last else ' to ' + last})")
    notices.append(notice)
    log.warning(notice)
    dropped = set(blank)
    kept = [i for i in range(len(names)) if i not in dropped]
    return frame.select(kept) if isinstance(frame, pa.Table) else frame.iloc[:, kept]


def _with_text(frame: pd.DataFrame | pa.Table, columns: list[int]) -> list[int]:
    """Those of ``columns`` (positions) holding a non-empty cell: one pass over their cells, in
    one Arrow call for an Arrow table (a CSV file's), in numpy for a frame of Python strings (a
    workbook's), column by column otherwise."""
    if not len(frame):
        return []
    if isinstance(frame, pa.Table):
        cells = pa.chunked_array([chunk for i in columns for chunk in frame.column(i).chunks], frame.schema.field(columns[0]).type)
        longest = pc.binary_length(cells).fill_null(0).to_numpy().reshape(len(columns), len(frame))
        return [columns[i] for i in np.flatnonzero((longest > 0).any(axis=1))]
    if all(dtype == object for dtype in frame.dtypes):
        cells = frame.to_numpy()[:, columns]
        return [columns[i] for i in np.flatnonzero((cells != "").any(axis=0))]
    wanted = set(columns)
    return [i for i, (_, cells) in enumerate(frame.items()) if i in wanted and has_text(cells).any()]
