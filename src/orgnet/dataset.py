"""A validated dataset: typed pandas tables, one per contract table.

Column types after validation: ids, text, enums and references are pandas' ``str`` dtype (held in
Arrow, ``NaN`` for empty); ints are pandas ``Int64``; booleans ``bool``; dates ``datetime64[s]`` with
``NaT`` for empty. Every table has a ``_row`` column, the row the user sees in the file, so later
checks can still point at it.

A dataset may hold only some tables (``orgnet.load(folder, tables=[…])``, what the analysis
commands do): references into the tables left out are not checked, and asking for one of them
raises ``InputError``.

Validation also keeps where every reference points (``positions``): for each (table, column)
that refers to another table, the row number in that table of each cell's id (-1 when empty).
The fast path joins on these instead of looking ids up again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re
from datetime import date

import numpy as np
import pandas as pd

from .errors import InputError


#: What a date given as text must read as once its spelling is made ISO (``date.fromisoformat`` alone
#: would also take 20120630 and 2012-W26-6).
DATE_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Dataset:
    """Validated tables (``tables[name]``) and where they came from."""

    tables: dict[str, pd.DataFrame]
    source: str = ""
    #: (table, column) → row in the referenced table of each cell's id, -1 for empty.
    positions: dict[tuple[str, str], np.ndarray] = field(default_factory=dict, repr=False)
    #: Tables not read on purpose (``orgnet.load(…, tables=…)``); asking for one is an error.
    skipped: frozenset[str] = frozenset()

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name in self.skipped:
            raise InputError(f"the table {name} was not read: this dataset was loaded with only "
                             f"{', '.join(self.tables)}")
        return self.tables[name]

    def counts(self) -> dict[str, int]:
        """Rows per table, for the one-line summary of ``orgnet validate``."""
        return {name: len(frame) for name, frame in self.tables.items()}


def as_timestamp(as_of: date | str | None) -> pd.Timestamp:
    """The as-of date as a pandas Timestamp (today when None). Text is read in the spellings a date
    cell accepts (``orgnet.validate.cells.iso_date``: 2012-06-30, 2012/6/30, 2012.6.30, 2012年6月30日),
    never a day-first guess.

    >>> as_timestamp("2012-06-30"), as_timestamp("2012/6/30")
    (Timestamp('2012-06-30 00:00:00'), Timestamp('2012-06-30 00:00:00'))
    """
    if as_of is None:
        as_of = date.today()
    elif isinstance(as_of, str):
        from .validate.cells import iso_date

        text = iso_date(as_of.strip())
        if not DATE_TEXT.match(text):
            raise ValueError(f"not a date: {as_of!r}")
        as_of = date.fromisoformat(text)
    return pd.Timestamp(as_of).normalize()
