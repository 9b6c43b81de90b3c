"""Are orgnet's answer and the baseline's identical? Run in its own process (the harness parent
stays small, see ``bench.measure``).

    python -m bench.compare pickle|csv ORGNET BASELINE [--diff DIFF.csv]

``pickle``: two DataFrames, compared with ``pandas.testing.assert_frame_equal`` (values, dtypes, row
order). ``csv``: two files, identical bytes. When they differ, the rows found on one side only are
written to ``--diff`` (column ``side``: ``orgnet_only`` / ``baseline_only``) and the last stdout line
(JSON) says how many and shows the first few.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path


def _frames(kind: str, a: str, b: str):
    import pandas as pd

    if kind == "pickle":
        with open(a, "rb") as fa, open(b, "rb") as fb:
            return pickle.load(fa), pickle.load(fb)
    return (pd.read_csv(a, dtype=str, keep_default_na=False), pd.read_csv(b, dtype=str, keep_default_na=False))


def compare(kind: str, a: str, b: str, diff: str | None = None) -> dict:
    import pandas as pd

    if kind == "csv" and Path(a).read_bytes() == Path(b).read_bytes():
        return {"identical": True, "detail": "byte-identical CSV"}
    x, y = _frames(kind, a, b)
    if kind == "pickle":
        try:
            pd.testing.assert_frame_equal(x, y)
            return {"identical": True, "detail": "assert_frame_equal"}
        except AssertionError as exc:
            why = " ".join(str(exc).split())[:300]
    else:
        why = "CSV bytes differ"
    out = {"identical": False, "rows_orgnet": len(x), "rows_baseline": len(y)}
    if list(x.columns) != list(y.columns):
        out["detail"] = f"columns differ: orgnet {list(x.columns)} vs baseline {list(y.columns)}"
        return out
    xs, ys = x.astype(str), y.astype(str)
    merged = xs.merge(ys, how="outer", indicator=True)
    only = merged[merged["_merge"] != "both"].copy()
    only["side"] = only.pop("_merge").map({"left_only": "orgnet_only", "right_only": "baseline_only"}).astype(str)
    out["orgnet_only"] = int((only["side"] == "orgnet_only").sum())
    out["baseline_only"] = int((only["side"] == "baseline_only").sum())
    if not len(only):
        out["detail"] = f"same rows, different order or dtypes ({why})"
    else:
        out["detail"] = f"{out['orgnet_only']} row(s) only in orgnet, {out['baseline_only']} only in the baseline"
        out["first"] = only.head(5).to_dict(orient="records")
        if diff:
            only.to_csv(diff, index=False)
            out["diff_file"] = diff
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.compare")
    ap.add_argument("kind", choices=("pickle", "csv"))
    ap.add_argument("orgnet")
    ap.add_argument("baseline")
    ap.add_argument("--diff")
    args = ap.parse_args(argv)
    print(json.dumps(compare(args.kind, args.orgnet, args.baseline, args.diff), ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
