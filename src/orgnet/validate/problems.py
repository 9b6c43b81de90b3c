"""The problem list the error message shows: at most ``PROBLEMS_PER_KIND`` of each kind, and values as text."""

from __future__ import annotations

import pandas as pd

from ..errors import Problem

#: At most this many problems of one kind (table, column, expectation) are listed one by one.
PROBLEMS_PER_KIND = 50


def capped(problems: list[Problem]) -> list[Problem]:
    """Keep every kind of problem but at most PROBLEMS_PER_KIND of each, plus a count of the rest."""
    seen: dict[tuple, int] = {}
    kept = []
    for p in problems:
        kind = (p.file, p.column, p.expected)
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] <= PROBLEMS_PER_KIND:
            kept.append(p)
    for (file, column, expected), n in seen.items():
        if n > PROBLEMS_PER_KIND:
            kept.append(Problem(file, None, column, None, f"{expected} (and {n - PROBLEMS_PER_KIND} more rows like this)"))
    return kept


def cell_text(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)
