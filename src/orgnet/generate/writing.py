"""Writing a generated dataset: one CSV file per table of the data contract (from row dicts or from
byte-string columns), and the CSV folder as typed Parquet files.

CSV files are UTF-8 with the contract's headers, ``true``/``false`` and ISO dates: the same rows give
the same bytes.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from ..schema import SCHEMA, cell_text

#: The Parquet type of each contract type.
_PARQUET_TYPES = {"int": "int64", "bool": "bool_", "date": "date32"}


def write_parquet(folder: Path, out: Path) -> None:
    """The CSV files of ``folder`` (one per table) as Parquet files in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for name in SCHEMA.tables:
        _csv_to_parquet(folder / f"{name}.csv", out / f"{name}.parquet", SCHEMA.tables[name])


def _csv_to_parquet(source: Path, target: Path, table) -> None:
    """A generated CSV file as a typed Parquet file (empty cells: nulls)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    types = {c.name: getattr(pa, _PARQUET_TYPES.get(c.type, "string"))() for c in table.columns.values()}
    frame = pacsv.read_csv(source, convert_options=pacsv.ConvertOptions(
        column_types=types, strings_can_be_null=True, true_values=["true"], false_values=["false"]))
    pq.write_table(frame, target, compression="zstd")


def write_rows(tables: dict[str, list[dict]], out: Path) -> dict[str, int]:
    """Rows (dicts keyed by column) → one CSV file per table in ``out``; return rows written per table."""
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, table in SCHEMA.tables.items():
        columns = list(table.columns)
        rows = tables.get(name, [])
        with open(out / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows([cell_text(r.get(c)) for c in columns] for r in rows)
        counts[name] = len(rows)
    return counts


def write_frames(frames: dict[str, dict[str, np.ndarray]], out: Path) -> dict[str, int]:
    """Byte-string columns → CSV: rows assembled as byte matrices, NUL padding dropped.

    ``frames`` maps table → column → array of UTF-8 byte strings (a missing column: empty cells).
    Return rows written per table.
    """
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    chunk = 200_000
    for name, table in SCHEMA.tables.items():
        columns = list(table.columns)
        cols = frames.get(name, {})
        n = len(next(iter(cols.values()))) if cols else 0
        comma = np.full((min(n, chunk), 1), ord(","), dtype=np.uint8)
        newline = np.full((min(n, chunk), 1), ord("\n"), dtype=np.uint8)
        with open(out / f"{name}.csv", "wb") as fh:
            fh.write((",".join(columns) + "\n").encode("utf-8"))
            for lo in range(0, n, chunk):
                hi = min(n, lo + chunk)
                k = hi - lo
                parts = []
                for i, column in enumerate(columns):
                    if i:
                        parts.append(comma[:k])
                    arr = cols.get(column)
                    if arr is not None:
                        arr = np.ascontiguousarray(arr[lo:hi])
                        parts.append(arr.view(np.uint8).reshape(k, arr.dtype.itemsize))
                parts.append(newline[:k])
                rows = np.concatenate(parts, axis=1)
                fh.write(rows[rows != 0].tobytes())
        counts[name] = n
    return counts

