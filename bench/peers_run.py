"""orgnet against the tools an analyst would pick instead (issue #22): DuckDB SQL and polars lazy
queries (``bench/peers/``) beside orgnet's command and the pandas baseline, end to end from the same
CSV files.

    python -m bench.peers_run [--sizes 100000,1000000] [--repeat 3] [--tasks gaps,overlaps,stats,validate]

For each size N (the datasets of ``bench.datasets``) and task, every side runs ``--repeat`` times in a
fresh process, the sides interleaved (each round starts at the next side), each measured for wall
time and peak RSS (``bench.measure``). Every run's CSV must be byte-identical to orgnet's run of the
same round; a side that differs is a mismatch (its rows on one side only go to ``results/diffs/``).
The fastest time and the largest peak of each side are kept. ``validate`` is orgnet alone (``orgnet
validate``: read and check every file), as the part of orgnet's time the peers don't spend.

Writes ``bench/results/peers-<date>.json`` (a record replaces the day's one of the same n and task)
and the peers section of ``bench/README.md`` (``bench.peers_readme``). Standard library only: this
process imports neither pandas, polars, duckdb nor orgnet (see ``bench.measure``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from . import datasets, measure
from .peers_readme import update_peers_readme
from .run import git_commit, machine

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
README = HERE / "README.md"
SIDES = ("orgnet", "pandas", "duckdb", "polars")
#: task → orgnet's command (after ``orgnet``), the pandas baseline's module
TASKS = {"gaps": (["gaps"], "gaps"), "overlaps": (["overlaps"], "overlaps"),
         "stats": (["stats", "--all-regions"], "stats"), "validate": (["validate"], None)}


def argvs(task: str, folder: Path, as_of: str, out: dict[str, Path]) -> dict[str, list[str]]:
    """Each side's command for ``task`` (validate: orgnet's only)."""
    args, module = TASKS[task]
    if module is None:
        return {"orgnet": [measure.ORGNET, *args, str(folder)]}
    py = measure.PYTHON
    return {
        "orgnet": [measure.ORGNET, *args, str(folder), "--as-of", as_of, "-f", "csv", "-o", str(out["orgnet"])],
        "pandas": [py, "-m", f"bench.baselines.{module}", str(folder), "--as-of", as_of, "-o", str(out["pandas"])],
        "duckdb": [py, "-m", "bench.peers.duckdb_run", task, str(folder), "--as-of", as_of, "-o", str(out["duckdb"])],
        "polars": [py, "-m", f"bench.peers.polars_{task}", str(folder), "--as-of", as_of, "-o", str(out["polars"])],
    }


def digest(path: Path) -> str | None:
    if not path.is_file():
        return None
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 22), b""):
            h.update(chunk)
    return h.hexdigest()


def run_task(n: int, task: str, folder: Path, as_of: str, work: Path, timeout: float, repeat: int, diffs: Path,
             say=print) -> dict:
    """Every side ``repeat`` times, interleaved; each run's bytes checked against orgnet's of its round."""
    out = {side: work / f"{task}.{side}.csv" for side in SIDES}
    commands = argvs(task, folder, as_of, out)
    sides = [s for s in SIDES if s in commands]
    runs: list[dict] = []
    notes: list[str] = []
    load_start = round(os.getloadavg()[0], 1)
    for i in range(repeat):
        order = sides[i % len(sides):] + sides[:i % len(sides)]
        this: dict[str, dict] = {}
        for side in order:
            out[side].unlink(missing_ok=True)
            m = measure.run(commands[side], timeout=timeout, log=work / f"{task}.{side}.{i}")
            this[side] = {"s": round(m.wall_s, 3), "peak_mb": round(m.peak_mb, 1), "ok": m.ok}
            if not m.ok:
                notes.append(f"{side} run {i + 1}: {m.why()}")
        ref = digest(out["orgnet"]) if "pandas" in sides else None
        for side in sides[1:]:
            same = this[side]["ok"] and this["orgnet"]["ok"] and digest(out[side]) == ref
            this[side]["identical"] = same
            if not same and this[side]["ok"] and this["orgnet"]["ok"]:
                diff = diffs / f"peers-n{n}-{task}-{side}.csv"
                c = measure.run([measure.PYTHON, "-m", "bench.compare", "csv", str(out["orgnet"]), str(out[side]),
                                 "--diff", str(diff)], timeout=timeout)
                notes.append(f"MISMATCH {side} run {i + 1}: {c.report.get('detail', c.why())}")
        runs.append({"order": order, **this})
        say(f"  n={n:>9,} {task:<9} round {i + 1}: " + "  ".join(
            f"{s} {this[s]['s']:.2f} s {this[s]['peak_mb']:,.0f} MB" + ("" if this[s].get("identical", True) else " ≠")
            for s in sides))
    rec = {"n": n, "task": task, "repeat": repeat, "as_of": as_of, "runs": runs,
           "load_avg": [load_start, round(os.getloadavg()[0], 1)]}
    for side in sides:
        ok = [r[side] for r in runs if r[side]["ok"]]
        rec[f"{side}_s"] = min(r["s"] for r in ok) if len(ok) == repeat else None
        rec[f"{side}_peak_mb"] = max(r[side]["peak_mb"] for r in runs)
    if len(sides) > 1:
        rec["identical"] = all(r[s]["identical"] for r in runs for s in sides[1:])
        for side in sides[1:]:
            if rec["orgnet_s"] and rec[f"{side}_s"]:
                rec[f"ratio_{side}"] = round(rec["orgnet_s"] / rec[f"{side}_s"], 2)
    rec["note"] = "; ".join(notes)
    return rec


def versions() -> dict[str, str]:
    out = {}
    for name in ("duckdb", "polars", "pandas", "pyarrow"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "missing"
    return out


def save(records: list[dict], date: str, results_dir: Path) -> Path:
    """Merge into ``results/peers-<date>.json`` (a record replaces the one of the same n and task)."""
    results_dir.mkdir(parents=True, exist_ok=True)
    path = results_dir / f"peers-{date}.json"
    old = json.loads(path.read_text()) if path.is_file() else []
    keys = {(r["n"], r["task"]) for r in records}
    merged = [r for r in old if (r["n"], r["task"]) not in keys] + records
    merged.sort(key=lambda r: (r["n"], list(TASKS).index(r["task"])))
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(merged, indent=1, ensure_ascii=False) + "\n")
    os.replace(tmp, path)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.peers_run", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100000,1000000", help="organizations, comma-separated")
    ap.add_argument("--tasks", default=",".join(TASKS), help=f"comma-separated, of {', '.join(TASKS)}")
    ap.add_argument("--repeat", type=int, default=3, help="rounds; each side's fastest time is kept")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--as-of", default="2012-06-30")
    ap.add_argument("--timeout", type=float, default=1200, help="seconds per measured process")
    ap.add_argument("--results", type=Path, default=RESULTS, help="folder for peers-<date>.json")
    ap.add_argument("--no-readme", action="store_true", help="don't rewrite the peers section of bench/README.md")
    args = ap.parse_args(argv)
    tasks = [t.strip() for t in args.tasks.split(",") if t.strip()]
    unknown = [t for t in tasks if t not in TASKS]
    if unknown:
        ap.error(f"unknown task(s) {', '.join(unknown)}; expected {', '.join(TASKS)}")
    date, commit, host = time.strftime("%Y-%m-%d"), git_commit(), machine()
    print(f"orgnet vs peers {date}, commit {commit}; {host}", flush=True)
    diffs = args.results / "diffs"
    diffs.mkdir(parents=True, exist_ok=True)
    path, bad = None, []
    for n in [int(s) for s in args.sizes.split(",") if s.strip()]:
        folder, meta = datasets.ensure(n, args.seed)
        work = Path(tempfile.mkdtemp(prefix=f"orgnet-peers-{n}-"))
        try:
            for task in tasks:
                rec = run_task(n, task, folder, args.as_of, work, args.timeout, args.repeat, diffs,
                               say=lambda s: print(s, flush=True))
                rec.update(commit=commit, date=date, machine=host, versions=versions(), rows=meta["total_rows"])
                path = save([rec], date, args.results)
                if rec.get("identical") is False:
                    bad.append(f"{task} at n={n:,}")
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if path is None:
        return 0
    print(f"wrote {path}")
    if not args.no_readme and update_peers_readme(README, path, date):
        print(f"updated the peers section of {README}")
    if bad:
        print("MISMATCH: a peer's CSV differs from orgnet's in: " + ", ".join(bad) + f"; see {diffs}/")
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
