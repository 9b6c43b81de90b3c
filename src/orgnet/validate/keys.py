"""Keys and references: repeated ids and composite keys, dangling references, and where every reference
points (the positions kept in the ``Dataset``)."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import Problem
from ..schema import Schema, Table
from .arrow import arrow_text
from .problems import cell_text


def keys_and_references(tables, sources, schema: Schema, skip: set[str]):
    """Repeated keys, dangling references, and where every reference points (kept in the Dataset).

    One hash lookup per table with ids answers both questions: its own ids and every column
    that refers to it are looked up together in its id column (``pc.index_in``, first match).
    An id whose first match is an earlier row repeats that row; a reference with no match dangles.
    """
    referrers: dict[str, list[tuple[str, str]]] = {}
    for table in schema.tables.values():
        for column, target in table.refs().items():
            if target not in skip:
                referrers.setdefault(target, []).append((table.name, column))

    def lookup(table: Table):
        frame = tables[table.name]
        ids = arrow_text(frame["id"])
        parts = [ids] + [arrow_text(tables[t][c]) for t, c in referrers.get(table.name, ())]
        found = pc.index_in(pa.concat_arrays(parts), value_set=ids).fill_null(-1)
        found = found.to_numpy(zero_copy_only=False).astype(np.int64)
        first, start = found[:len(ids)], len(ids)
        known = ids.is_valid().to_numpy(zero_copy_only=False)  # no id (a missing column): not a repeat
        repeated = np.flatnonzero((first >= 0) & (first != np.arange(len(ids))) & known)
        rows = frame["_row"].to_numpy()
        keys = [Problem(sources[table.name], int(rows[i]), "id", frame["id"].iat[i],
                        f"a unique id (row {int(rows[first[i]])} has the same)") for i in repeated]
        references, positions = [], {}
        for t, c in referrers.get(table.name, ()):
            at = found[start:start + len(tables[t])]
            start += len(tables[t])
            positions[(t, c)] = at
            dangling = np.flatnonzero((at < 0) & tables[t][c].notna().to_numpy())
            references += [(t, c, i, table.name) for i in dangling]
        return keys, references, positions

    keys, references, positions = [], [], {}
    id_tables = [t for t in schema.tables.values() if t.key == ("id",)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # Arrow's hash joins release the GIL
        for found_keys, found_references, found_positions in pool.map(lookup, id_tables):
            keys += found_keys
            references += found_references
            positions.update(found_positions)
    keys += _composite_key_problems(tables, sources, schema, positions)
    order = {name: n for n, name in enumerate(schema.tables)}
    references.sort(key=lambda r: (order[r[0]], list(schema.tables[r[0]].refs()).index(r[1]), r[2]))
    references = [Problem(sources[t], int(tables[t]["_row"].iat[i]), c, tables[t][c].iat[i], f"an id from {target}")
                  for t, c, i, target in references]
    return keys, references, positions


def _composite_key_problems(tables, sources, schema: Schema, positions: dict) -> list[Problem]:
    """Rows that repeat an earlier row's key of several columns (a post's person/body/role/start).

    Every key column becomes integer codes (references: where they point; dates: days; other
    text: dictionary codes), which pack into one number. The codes that cost nothing (positions,
    days) go first; text is coded only on the few rows whose other key columns already repeat."""
    found = []
    for table in schema.tables.values():
        frame, key = tables[table.name], list(table.key)
        if frame.empty or table.key == ("id",) or not key:
            continue
        at = {k: positions.get((table.name, k)) for k in key}
        free = {k: _key_codes(frame[k], at[k]) for k in key if _codes_are_free(frame[k], at[k])}
        rows = np.flatnonzero(_repeated(free)) if free else np.arange(len(frame))
        coded = {k: free[k][rows] if k in free else
                 _key_codes(frame[k].iloc[rows], None if at[k] is None else at[k][rows]) for k in key}
        dup = np.zeros(len(frame), bool)
        if len(rows):
            dup[rows[_repeated(coded)]] = True
        if not dup.any():
            continue
        keyed = frame[dup]
        first_row = keyed.groupby(key, dropna=False, sort=False)["_row"].transform("min")
        what = f"a unique ({', '.join(key)})"
        for i, first in first_row.items():
            row = int(keyed.at[i, "_row"])
            if row != first:
                value = ", ".join(cell_text(keyed.at[i, k]) for k in key)
                found.append(Problem(sources[table.name], row, ",".join(key), value, f"{what} (row {int(first)} has the same)"))
    return found


def _codes_are_free(values: pd.Series, at: np.ndarray | None) -> bool:
    """Whether a key column's codes come without hashing text: every reference found, or dates."""
    return (at is not None and bool((at >= 0).all())) or pd.api.types.is_datetime64_any_dtype(values)


def _key_codes(values: pd.Series, at: np.ndarray | None) -> np.ndarray:
    """One key column as integers that are equal exactly when the values are (empty: one code)."""
    if at is not None and (at >= 0).all():
        return at
    if pd.api.types.is_datetime64_any_dtype(values):
        stamps = values.to_numpy("datetime64[D]")
        days = stamps.view(np.int64)
        return np.where(np.isnat(stamps), days[~np.isnat(stamps)].min(initial=0) - 1, days)
    codes = pc.dictionary_encode(arrow_text(values)).indices.fill_null(-1)
    return codes.to_numpy(zero_copy_only=False).astype(np.int64)


def _repeated(coded: dict) -> np.ndarray:
    """Rows whose combination of key values occurs more than once.

    When every column is an integer code (reference positions, days) whose ranges multiply to
    less than 2**63, the key packs into one int64 (mixed radix): one hash per row, not four.

    >>> _repeated({"a": np.array([0, 1, 0]), "b": np.array([5, 5, 5])}).tolist()
    [True, False, True]
    """
    columns = list(coded.values())
    if len(columns[0]):
        lows = [int(c.min()) for c in columns]
        spans = [int(c.max()) - low + 1 for c, low in zip(columns, lows)]
        if np.prod([float(s) for s in spans]) < 2.0 ** 62:
            packed = np.zeros(len(columns[0]), dtype=np.int64)
            for c, low, span in zip(columns, lows, spans):
                packed = packed * span + (c - low)
            ordered = np.sort(packed)  # a sort finds repeats faster than a hash table here
            repeats = ordered[1:][ordered[1:] == ordered[:-1]]
            return pd.Series(packed).isin(np.unique(repeats)).to_numpy() if len(repeats) else np.zeros(len(packed), bool)
    return pd.DataFrame(coded).duplicated(keep=False).to_numpy()
