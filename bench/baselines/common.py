"""What every baseline shares: reading the CSV files, the as-of filters, the result contracts.

The baselines are the "straightforward pandas script" orgnet is measured against: ``read_csv`` of
just the columns a task needs, ids turned into integer positions (``Index.get_indexer``), masks,
``np.bincount`` and ``groupby``. No networkx, no validation: they read the canonical files that
``orgnet generate`` writes (English headers, ISO dates, ``true``/``false``), which is what a
hand-written script for one known export would do.

They import only pandas and numpy, not orgnet, so their end-to-end runs don't pay for importing
orgnet either. ``finish`` below therefore repeats ``orgnet.analyses.finish`` for the four contracts
used here, and ``write_csv`` orgnet's CSV (``orgnet.output.render``: list columns ``;``-joined);
``tests/test_bench_baselines.py`` checks that they stay identical (columns, order, dtypes, bytes)
to orgnet's, and that every baseline's answer equals orgnet's.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

AS_OF = "2012-06-30"

# The rule thresholds orgnet uses by default (orgnet.rules.Rules).
COMMITTEE_MIN_FEMALE = 30
LIAISON_MIN_FEMALE = 1
COMMITTEE_TYPES = ("committee", "work_committee", "federation")
MIN_POSTS = 2
MIN_EXTRA_POSTS = 1
NAMEPLATE_JACCARD = 0.5
STATS_LEVELS = ("county", "district", "township", "street", "park")
CADRE_FEDERATION_LEVELS = ("county", "district", "township", "street")
#: The region levels a township is (orgnet.schema.TOWNSHIP_LEVELS).
TOWNSHIP_LEVELS = ("township", "street", "park")
# Who heads a body (schema.toml [head_roles] / [head_roles_by_type]).
HEAD_ROLES = {"party": ("secretary",), "women": ("chair",), "union": ("chair",), "youth": ("secretary",),
              "admin": ("chair",)}
HEAD_ROLES_BY_TYPE = {"liaison": ("liaison",)}

DATES = {"bodies": ("founded", "dissolved"), "posts": ("start", "end"), "demo_points": ("since",),
         "liaisons": ("since", "until"), "visits": ("date",), "pairings": ("since",), "venue_uses": ("since", "until")}
INTS = {"organizations": ("female_staff", "total_staff"), "people": ("birth_year",)}
BOOLS = {"organizations": ("two_new", "business_stable", "workforce_stable"), "people": ("party_member", "reserve_cadre")}
# The boolean spellings orgnet accepts (read_csv maps them in its C parser, at no cost).
TRUE = ["true", "True", "TRUE", "1", "yes", "Yes", "YES", "y", "Y", "t", "T", "是"]
FALSE = ["false", "False", "FALSE", "0", "no", "No", "NO", "n", "N", "f", "F", "否"]
FEMALE = ("F", "女")


def read(folder: str | Path, table: str, columns: list[str] | None = None) -> pd.DataFrame:
    """One table, only ``columns``: text as (Arrow) strings, booleans, integers; dates stay ISO text.

    pyarrow's CSV reader (``engine="pyarrow"``, multi-threaded) is 2-3× faster than the C engine
    here. Dates are compared as text: ``YYYY-MM-DD`` sorts like the dates it names, which saves
    parsing (``pd.to_datetime`` costs more than the read itself on the posts table).
    """
    path = Path(folder) / f"{table}.csv"
    ints = INTS.get(table, ())
    bools = BOOLS.get(table, ())
    if columns is None:
        columns = pd.read_csv(path, nrows=0).columns.tolist()
    dtype = {col: ("Int64" if col == "birth_year" else "int64") if col in ints else "boolean" if col in bools else "str"
             for col in columns}
    frame = pd.read_csv(path, usecols=columns, dtype=dtype, true_values=TRUE, false_values=FALSE, engine="pyarrow")
    for col in columns:
        if col in bools:
            frame[col] = frame[col].fillna(False).astype(bool)
    return frame


def current(first: pd.Series, last: pd.Series, day: str) -> np.ndarray:
    """``first <= day < last``, empty ends open (orgnet's is_current); ISO dates compared as text."""
    return ((first.isna() | (first <= day)) & (last.isna() | (last > day))).to_numpy(dtype=bool, na_value=False)


def day(as_of) -> str:
    """The as-of day as ISO text."""
    return pd.Timestamp(as_of).strftime("%Y-%m-%d")


def joined(values: pd.Series, by) -> pd.Series:
    """``';'.join`` of each group's values, in row order (string ``sum``: fast, unlike ``agg(";".join)``)."""
    return (values + ";").groupby(by, sort=True).sum().str[:-1]


def positions(ids: pd.Series, values: pd.Series) -> np.ndarray:
    """Integer position of each value among ``ids`` (-1 when empty or unknown): the integer coding
    every join below goes through. pyarrow's ``index_in`` (pandas' own string backend) is 3× faster
    than ``Index.get_indexer`` on string ids."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:  # pragma: no cover
        return pd.Index(ids).get_indexer(values)
    found = pc.index_in(pa.array(values, type=pa.string()), value_set=pa.array(ids, type=pa.string()))
    return found.fill_null(-1).to_numpy().astype(np.int64)


def pick(series: pd.Series, at: np.ndarray) -> pd.Series:
    """``series`` at positions ``at``, as a fresh Series (strings stay Arrow strings: no Python objects)."""
    return series.take(at).reset_index(drop=True)


def lists(values: pd.Series, starts: np.ndarray) -> list[list[str]]:
    """``values`` cut into consecutive runs beginning at ``starts`` (ascending positions, the first
    0), one list of text per run. Arrow builds the lists (``ListArray.to_pylist``), not a Python loop.

    >>> lists(pd.Series(["B1", "B2", "B3"]), np.array([0, 2]))
    [['B1', 'B2'], ['B3']]
    """
    import pyarrow as pa

    items = pa.array(values, type=pa.large_string())
    if isinstance(items, pa.ChunkedArray):  # as read_csv leaves a large file's columns
        items = items.combine_chunks()
    offsets = pa.array(np.append(starts, len(values)), type=pa.int64())
    return pa.LargeListArray.from_arrays(offsets, items).to_pylist()


def mask(series: pd.Series, *values) -> np.ndarray:
    """Rows whose value is one of ``values``, as a numpy bool array."""
    hit = series == values[0] if len(values) == 1 else series.isin(values)
    return hit.to_numpy(dtype=bool, na_value=False)


def township_of(regions: pd.DataFrame) -> np.ndarray:
    """Per region, the position of the nearest region at or above it whose level is a township's
    (township, street, park); -1 where there is none. One step up the tree per round.

    >>> township_of(pd.DataFrame({"id": ["C", "T", "V", "W"], "level": ["county", "township", "village", "village"],
    ...                           "parent_id": [None, "C", "T", "C"]})).tolist()
    [-1, 1, 1, -1]
    """
    parent = positions(regions["id"], regions["parent_id"])
    level = mask(regions["level"], *TOWNSHIP_LEVELS)
    out = np.where(level, np.arange(len(parent)), -1)
    up = parent
    while ((out < 0) & (up >= 0)).any():
        found = (out < 0) & (up >= 0) & level[np.maximum(up, 0)]
        out[found] = up[found]
        up = np.where(up >= 0, parent[np.maximum(up, 0)], -1)
    return out


def with_township(frame: pd.DataFrame, regions: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (with ``region_id``) and its region's township last: ``township_id``,
    ``township_name`` ('' where there is none), as orgnet adds them to a result once an engine has
    answered (``orgnet.places``)."""
    at = positions(regions["id"], frame["region_id"])
    town = township_of(regions)
    town = np.where(at >= 0, town[np.maximum(at, 0)], -1)

    def named(series: pd.Series) -> pd.Series:
        return pd.Series(series.array.take(town, allow_fill=True), index=frame.index).fillna("")

    return frame.assign(township_id=named(regions["id"]), township_name=named(regions["name"]))


# -- orgnet.analyses contracts, repeated (see the module docstring) ----------------------------------
GAP_RULES = ("committee_required", "liaison_required", "party_without_women", "vacant_head")
# The women's body type each rule asks for (orgnet.gap_rules: ``requires``; "" for a head, not a body).
GAP_REQUIRES = {"committee_required": "work_committee", "liaison_required": "liaison", "party_without_women": "any",
                "vacant_head": ""}
FIGURES = ("townships", "streets", "two_new_orgs", "two_new_30plus", "two_new_30plus_committee", "two_new_coverage",
           "two_new_work_coverage", "liaison_officers", "women_bodies.federation", "women_bodies.committee", "women_bodies.work_committee",
           "women_bodies.congress", "women_bodies.organ_committee", "women_bodies.liaison",
           "federations.township_street", "federations.community", "enterprise_women_committees",
           "organ_institution_women_bodies", "village_women_share", "community_women_share",
           "congress_chairs_in_two_committees", "federation_cadres", "federation_cadres_avg_age",
           "federation_cadres.college", "federation_cadres.bachelor", "federation_cadres.postgraduate", "demo_points")
UNITS = {f: "count" for f in FIGURES} | {f: "percent" for f in (
    "two_new_30plus_committee", "two_new_coverage", "two_new_work_coverage", "village_women_share", "community_women_share",
    "congress_chairs_in_two_committees")} | {"federation_cadres_avg_age": "years"}

#: name → (columns, order [(column, ascending)], ints, floats, lists)
CONTRACTS = {
    "gaps": (("org_id", "org_name", "region_id", "rule", "detail", "female_staff", "required_body_type", "body_id",
              "body_name", "body_type", "head_role", "party_body_ids", "region_name", "township_id", "township_name"),
             (("rule", True), ("org_id", True), ("region_id", True), ("body_id", True)), ("female_staff",), (),
             ("party_body_ids",)),
    "overlaps": (("person_id", "person_name", "posts", "bodies", "systems", "body_ids", "body_names", "body_systems",
                  "roles", "org_ids", "org_names", "sanctioned_posts", "extra_posts", "body_rules", "rules",
                  "sanctioned_body_ids", "sanctioned_body_names", "extra_body_ids", "extra_body_names"),
                 (("extra_posts", False), ("posts", False), ("person_id", True)),
                 ("posts", "sanctioned_posts", "extra_posts"), (),
                 ("body_ids", "body_names", "body_systems", "roles", "org_ids", "org_names", "body_rules", "rules",
                  "sanctioned_body_ids", "sanctioned_body_names", "extra_body_ids", "extra_body_names")),
    "nameplates": (("org_id", "org_name", "body_a", "body_b", "system_a", "system_b", "shared", "jaccard"),
                   (("jaccard", False), ("org_id", True), ("body_a", True), ("body_b", True)), ("shared",),
                   ("jaccard",), ()),
    "stats": (("region_id", "region_name", "level", "figure", "unit", "numerator", "denominator", "value"),
              (("region_id", True), ("figure", True)), ("numerator", "denominator"), ("value",), ()),
}
DECLARED = {("gaps", "rule"): GAP_RULES, ("stats", "figure"): FIGURES}


def finish(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The contract's columns, dtypes (text: str, '' for empty; Int64; float; a list per row, [] for
    empty) and row order."""
    columns, order, ints, floats, list_columns = CONTRACTS[name]
    frame = frame[list(columns)].copy()
    for col in columns:
        if col in ints:
            frame[col] = pd.array(frame[col], dtype="Int64")
        elif col in floats:
            frame[col] = frame[col].astype(float)
        elif col in list_columns:
            values = frame[col].to_numpy(dtype=object, copy=True)
            for row in np.flatnonzero(pd.isna(values)):  # only the rows without a list
                values[row] = []
            frame[col] = pd.Series(values, index=frame.index, dtype=object)
        elif isinstance(frame[col].dtype, pd.StringDtype) and frame[col].dtype.na_value is np.nan:
            frame[col] = frame[col].fillna("")
        else:
            frame[col] = frame[col].astype(object).where(frame[col].notna(), "").astype(str)
    keys = pd.DataFrame({col: frame[col] for col, _ in order})
    for col, _ in order:
        declared = DECLARED.get((name, col))
        if declared:
            keys[col] = keys[col].map({v: i for i, v in enumerate(declared)})
    index = keys.sort_values([c for c, _ in order], ascending=[a for _, a in order], kind="stable").index
    return frame.loc[index].reset_index(drop=True)


def csv_text(frame: pd.DataFrame) -> str:
    """CSV as ``orgnet … -f csv`` writes it: a list column's items ``;``-joined in one cell."""
    joined_lists = {col: frame[col].str.join(";").astype("str") for col in frame.columns
                    if frame[col].dtype == object and len(frame) and isinstance(frame[col].iloc[0], list)}
    return frame.assign(**joined_lists).to_csv(index=False, lineterminator="\n")


def write_csv(frame: pd.DataFrame, out: str | Path) -> None:
    """CSV as ``orgnet … -f csv -o OUT`` writes it."""
    Path(out).write_text(csv_text(frame), encoding="utf-8")


def main(task: str, run, argv: list[str] | None = None) -> int:
    """``python -m bench.baselines.<task> FOLDER --as-of D -o OUT.csv``: CSV in, CSV out."""
    ap = argparse.ArgumentParser(prog=f"python -m bench.baselines.{task}", description=f"pandas baseline: {task}")
    ap.add_argument("folder")
    ap.add_argument("--as-of", default=AS_OF)
    ap.add_argument("-o", "--output", help="CSV file to write (default: stdout)")
    ap.add_argument("--time", action="store_true", help="print the seconds taken to stderr")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    frame = run(args.folder, args.as_of)
    if args.output:
        write_csv(frame, args.output)
    else:
        sys.stdout.write(csv_text(frame))
    if args.time:
        print(f"{task}: {len(frame)} rows in {time.perf_counter() - t0:.3f} s", file=sys.stderr)
    return 0
