"""Run one DuckDB peer: ``duckdb_<task>.sql`` over a dataset folder, its answer written as CSV.

    python -m bench.peers.duckdb_run gaps|overlaps|stats FOLDER --as-of 2012-06-30 [--lens all] -o OUT.csv

The statement reads the CSV files itself (``read_csv``, both cores) and DuckDB writes the CSV
(``COPY … TO``): NULLs as empty cells, quotes only where needed, ``\\n`` line ends, as orgnet's.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
TASKS = ("gaps", "overlaps", "stats")
LENSES = ("load", "cross", "all")


def statement(task: str) -> str:
    """The SQL of ``task`` (one ``SELECT``, no trailing semicolon)."""
    return (HERE / f"duckdb_{task}.sql").read_text(encoding="utf-8").strip().rstrip(";")


def run(task: str, folder: str | Path, as_of: str, out: str | Path, lens: str = "load") -> None:
    """Answer ``task`` for ``folder`` on ``as_of`` (ISO date) into the CSV file ``out``; ``lens`` is
    ``overlaps``' (``load``, ``cross`` or ``all``)."""
    con = duckdb.connect()
    try:
        con.execute("SET VARIABLE folder = ?", [str(Path(folder).resolve())])
        con.execute("SET VARIABLE day = ?", [as_of])
        con.execute("SET VARIABLE lens = ?", [lens])
        con.execute(f"COPY ({statement(task)}) TO '{_quoted(out)}' (FORMAT csv, HEADER true)")
    finally:
        con.close()


def _quoted(path: str | Path) -> str:
    return str(Path(path).resolve()).replace("'", "''")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.peers.duckdb_run", description="DuckDB peer of an orgnet command")
    ap.add_argument("task", choices=TASKS)
    ap.add_argument("folder")
    ap.add_argument("--as-of", default="2012-06-30")
    ap.add_argument("--lens", choices=LENSES, default="load", help="overlaps' lens (orgnet's --lens)")
    ap.add_argument("-o", "--output", required=True, help="CSV file to write")
    args = ap.parse_args(argv)
    run(args.task, args.folder, args.as_of, args.output, args.lens)
    return 0


if __name__ == "__main__":
    sys.exit(main())
