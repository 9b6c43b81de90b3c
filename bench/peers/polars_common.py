"""What the polars peers share: scanning a CSV file's columns as text, the as-of filter, writing the CSV.

The peers read the canonical files ``orgnet generate`` writes; every column as text (``infer_schema``
off, so nothing depends on a sample of rows), integers and booleans converted where used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

import polars as pl

AS_OF = "2012-06-30"
#: the spellings orgnet reads as true
TRUE = ["true", "True", "TRUE", "1", "yes", "Yes", "YES", "y", "Y", "t", "T", "是"]
#: the region levels a township is (orgnet.schema.TOWNSHIP_LEVELS)
TOWNSHIP_LEVELS = ["township", "street", "park"]


def scan(folder: str | Path, table: str, columns: list[str]) -> pl.LazyFrame:
    """``columns`` of ``FOLDER/table.csv``, all text; empty cells null."""
    return pl.scan_csv(Path(folder) / f"{table}.csv", infer_schema=False).select(columns)


def current(first: str, last: str, day: str) -> pl.Expr:
    """``first <= day < last``, an empty end open; ISO dates compared as text."""
    return ((pl.col(first).is_null() | (pl.col(first) <= day))
            & (pl.col(last).is_null() | (pl.col(last) > day)))


def truth(column: str) -> pl.Expr:
    return pl.col(column).is_in(TRUE).fill_null(False)


def text(value=None) -> pl.Expr:
    """A text literal (``None``: a null text column)."""
    return pl.lit(value, dtype=pl.String)


def closure(regions: pl.LazyFrame) -> pl.DataFrame:
    """(region, ancestor, steps): every region with itself (0 steps) and each region above it."""
    links = regions.select("id", "parent_id").collect()
    ids = links.select(pl.col("id").alias("ancestor"))
    level = links.select(region="id", ancestor="id", steps=pl.lit(0, dtype=pl.Int64))
    parts = [level]
    while level.height:
        level = (level.join(links, left_on="ancestor", right_on="id")
                 .join(ids, left_on="parent_id", right_on="ancestor", how="semi")
                 .select("region", ancestor="parent_id", steps=pl.col("steps") + 1))
        parts.append(level)
    return pl.concat(parts)


def townships(regions: pl.LazyFrame, tree: pl.DataFrame | None = None) -> pl.LazyFrame:
    """(region, township_id, township_name): the nearest region at or above each region whose level
    is a township's; regions without one (a county) are left out. ``tree``: ``closure(regions)``
    when already made."""
    tree = closure(regions) if tree is None else tree
    up = tree.lazy().join(regions.select(ancestor="id", level="level"), on="ancestor")
    return (up.filter(pl.col("level").is_in(TOWNSHIP_LEVELS))
            .group_by("region").agg(township_id=pl.col("ancestor").sort_by("steps").first())
            .join(regions.select(township_id="id", township_name="name"), on="township_id"))


def main(task: str, query: Callable[..., pl.LazyFrame], argv: list[str] | None = None,
         lenses: tuple[str, ...] = ()) -> int:
    """``python -m bench.peers.polars_<task> FOLDER --as-of D -o OUT.csv`` (and ``--lens L`` when the
    task has ``lenses``, the first the default; ``query`` then takes it as a third argument)."""
    ap = argparse.ArgumentParser(prog=f"python -m bench.peers.polars_{task}", description=f"polars peer: {task}")
    ap.add_argument("folder")
    ap.add_argument("--as-of", default=AS_OF)
    if lenses:
        ap.add_argument("--lens", choices=lenses, default=lenses[0], help="the lens (orgnet's --lens)")
    ap.add_argument("-o", "--output", required=True, help="CSV file to write")
    args = ap.parse_args(argv)
    write(query(args.folder, args.as_of, *([args.lens] if lenses else [])), args.output)
    return 0


def write(frame: pl.LazyFrame, out: str | Path) -> None:
    """CSV as orgnet writes it: empty text as an empty cell, ``\\n`` line ends, quotes where needed."""
    frame = frame.with_columns(pl.col(pl.String).replace("", None))
    frame.collect().write_csv(out, line_terminator="\n", quote_style="necessary")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(1)
