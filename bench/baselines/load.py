"""Baseline for loading: ``read_csv`` of every table with minimal typing (dates, booleans, integers).

What orgnet's ``load`` does on top (validation of every cell and reference, the networkx graph) has
no pandas counterpart; this is the floor: the files in memory as typed DataFrames.
``run`` returns the rows per table, which must equal orgnet's ``Dataset.counts()``.

``python -m bench.baselines.load FOLDER [-o counts.csv]``
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from . import common as c

TABLES = ("regions", "organizations", "bodies", "people", "posts", "liaisons", "visits", "demo_points", "pairings",
          "venues", "venue_uses")


def load(folder) -> dict[str, pd.DataFrame]:
    return {name: c.read(folder, name) for name in TABLES if (Path(folder) / f"{name}.csv").is_file()}


def compute(tables: dict[str, pd.DataFrame], as_of=None) -> pd.DataFrame:
    return pd.DataFrame({"table": list(tables), "rows": [len(f) for f in tables.values()]})


def run(folder, as_of=None) -> pd.DataFrame:
    return compute(load(folder))


def main(argv=None) -> int:
    return c.main("load", run, argv)


if __name__ == "__main__":
    sys.exit(main())
