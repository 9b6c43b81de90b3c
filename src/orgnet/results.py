"""What an analysis returns, defined once for every engine: the ``Contract`` (columns, types, order).

Each analysis module in ``orgnet.analyses`` holds its own contract; an engine produces rows (dicts
or a DataFrame) and ``Contract.finish`` puts them into the contract's columns, types and sort order,
so two engines that agree on the facts give equal DataFrames. The ``stats`` figures are catalogued
here (``FIGURES``), with how their values are shown (``figure_value``).

Examples
--------
>>> c = Contract(columns=("person_id", "posts"), order=(("posts", False), ("person_id", True)), ints=("posts",))
>>> c.finish([{"person_id": "P2", "posts": 2}, {"person_id": "P1", "posts": 3}]).person_id.tolist()
['P1', 'P2']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

from . import figures as _figures


@dataclass(frozen=True)
class Contract:
    """What one analysis returns: its columns in order, their types, and how rows are sorted.

    Attributes
    ----------
    columns : every column, in order: the documented ones first, then typed columns added later.
    order : how rows are sorted, as (column, ascending) pairs; ties keep the engine's order.
    ints, bools, floats : columns of those types (``Int64``, ``bool``, ``float``); the rest is text.
    lists : columns holding a list of texts per row (written ``;``-joined to CSV, as arrays to JSON).
    declared : columns sorted in a declared order of values rather than alphabetically (the order, or a
        function returning it when it is read from a registry at the time of sorting).
    derive : fills the columns rendered from others (e.g. ``gaps.detail``), before the rows are sorted.
    brief : the columns a terminal table shows (``orgnet.output.brief``); all of them when empty.
    """

    columns: tuple[str, ...]
    order: tuple[tuple[str, bool], ...]
    ints: tuple[str, ...] = ()
    bools: tuple[str, ...] = ()
    floats: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()
    declared: dict[str, tuple[str, ...] | Callable[[], tuple[str, ...]]] = field(default_factory=dict, hash=False)
    derive: Callable[[pd.DataFrame], pd.DataFrame] | None = field(default=None, hash=False)
    brief: tuple[str, ...] = ()

    def finish(self, rows) -> pd.DataFrame:
        """Rows (dicts or a DataFrame) → a DataFrame with exactly these columns, types and order.

        >>> c = Contract(columns=("id", "n", "tags"), order=(("n", False), ("id", True)), ints=("n",), lists=("tags",))
        >>> c.finish([{"id": "b", "n": 1, "tags": ["x"]}, {"id": "a", "n": 2}]).values.tolist()
        [['a', 2, []], ['b', 1, ['x']]]
        """
        frame = pd.DataFrame(list(rows) if not isinstance(rows, pd.DataFrame) else rows)
        for col in self.columns:
            if col not in frame.columns:
                frame[col] = None
        if self.derive is not None:
            frame = self.derive(frame)
        frame = frame[list(self.columns)]
        for col in self.ints:
            frame[col] = pd.array(frame[col], dtype="Int64")
        for col in self.bools:
            frame[col] = frame[col].astype(bool)
        for col in self.floats:
            frame[col] = frame[col].astype(float)
        for col in self.lists:
            frame[col] = pd.Series([list(v) if isinstance(v, (list, tuple, np.ndarray)) else [] for v in frame[col]],
                                   index=frame.index, dtype=object)
        for col in self.texts:
            frame[col] = as_text(frame[col])
        keys = frame[[c for c, _ in self.order]].copy()
        for col, declared in self.declared.items():
            if col in keys.columns:
                keys[col] = _declared_rank(keys[col], declared() if callable(declared) else declared)
        frame = frame.take(stable_order(keys, [a for _, a in self.order])).reset_index(drop=True)
        if self.brief:
            frame.attrs["brief"] = self.brief
        return frame

    @property
    def texts(self) -> tuple[str, ...]:
        """The text columns (everything not typed otherwise)."""
        typed = self.ints + self.bools + self.floats + self.lists
        return tuple(c for c in self.columns if c not in typed)


def as_text(values: pd.Series) -> pd.Series:
    """A column as text, empty for missing (pandas' Arrow-held ``str`` stays Arrow-held)."""
    if isinstance(values.dtype, pd.StringDtype) and values.dtype.na_value is np.nan:
        return values.fillna("")  # pandas' str, held in Arrow: no Python strings
    return values.astype(object).where(values.notna(), "").astype(str)


#: The report figures (``stats``), defined in ``orgnet.figures``: name → ``Figure`` (unit first).
FIGURES = _figures.FIGURES
PEOPLE_FIGURES = _figures.PEOPLE_FIGURES


def _declared_rank(values: pd.Series, declared: tuple[str, ...]) -> pd.Series:
    """Each value's place in ``declared`` (missing: NA, sorted last)."""
    if isinstance(values.dtype, pd.StringDtype):
        import pyarrow as pa
        import pyarrow.compute as pc

        rank = pc.index_in(pa.array(values.array), value_set=pa.array(declared, type=pa.large_string()))
        return pd.Series(pd.array(rank.to_pandas(types_mapper={pa.int32(): pd.Int64Dtype()}.get), dtype="Int64"),
                         index=values.index)
    return values.map({v: i for i, v in enumerate(declared)})


def stable_order(keys: pd.DataFrame, ascending: list[bool]) -> np.ndarray:
    """Row positions sorting ``keys`` by its columns in turn, ties in row order, missing last.

    pandas' ``sort_values(kind="stable")``; keys of text and integers are sorted by Arrow instead
    (also stable, missing last, text by code point), several times faster on a million rows.

    >>> keys = pd.DataFrame({"n": pd.array([2, 1, 2, None], dtype="Int64"), "s": ["b", "z", "a", "c"]})
    >>> stable_order(keys, [False, True]).tolist()
    [2, 0, 1, 3]
    """
    keys = keys.reset_index(drop=True)
    arrow_sortable = all(isinstance(t, pd.StringDtype) or pd.api.types.is_integer_dtype(t) for t in keys.dtypes)
    if not arrow_sortable or not keys.columns.is_unique:
        return keys.sort_values(list(keys.columns), ascending=ascending, kind="stable").index.to_numpy()
    import pyarrow as pa
    import pyarrow.compute as pc

    table = pa.Table.from_pandas(keys, preserve_index=False)
    sort_keys = [(c, "ascending" if a else "descending", "at_end") for c, a in zip(keys.columns, ascending)]
    return pc.sort_indices(table, sort_keys=sort_keys).to_numpy()


def figure_value(unit: str, numerator: int, denominator: int | None) -> float:
    """The shown value: a count, or a percentage or an average to one decimal, rounded half up
    (四舍五入, as officials write it: 9/16 → 56.3, not Python's 56.2), from the exact integers.

    This is the one rounding of a figure: every engine returns exact counts and every output
    (tables, report cards, charts) shows this value.

    >>> figure_value("percent", 167, 377), figure_value("years", 2146, 58), figure_value("count", 18, None)
    (44.3, 37.0, 18.0)
    >>> figure_value("percent", 9, 16), figure_value("percent", 1, 8), figure_value("years", 5, 4), figure_value("percent", 1, 0)
    (56.3, 12.5, 1.3, nan)
    """
    if unit == "count":
        return float(numerator)
    if not denominator:
        return float("nan")
    scale = 1000 if unit == "percent" else 10  # tenths of a percent, tenths of a year
    numerator, denominator = int(numerator), int(denominator)
    tenths = (2 * scale * numerator + denominator) // (2 * denominator)
    return tenths / 10
