"""The orgnet benchmark: orgnet vs a plain pandas baseline, per task and size, in fresh processes.

    python -m bench.run [--sizes 10000,100000,1000000] [--tasks load,gaps,…] [--neo4j] [--seed 1]

For each size N: the dataset ``orgnet generate --profile scale --orgs N --seed S`` (cached in
``bench/.data/``), then for each task one process for orgnet and one for the baseline
(``bench.worker`` for the Python API tasks, the ``orgnet`` CLI and ``python -m bench.baselines.X``
for the ``*_e2e`` tasks), each measured for wall time and peak RSS, then a third process checks that
the two answers are identical. Prints a table, writes ``bench/results/<date>.json`` and the results
section of ``bench/README.md`` (``bench.readme``; the targets' verdicts: ``bench.targets``).
``--neo4j`` adds the Neo4j loads and queries (``bench.neo4j_worker``) on a throwaway server
(``tools/neo4j/server.py``).

This process imports neither pandas nor orgnet, so that it stays small (see ``bench.measure``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from . import datasets, measure
from .readme import update_readme
from .records import E2E, NEO4J_QUERIES, TASKS, fmt_mb, identical_cell, order, status_cell
from .targets import targets  # bench.run.targets, as tests/test_bench_targets.py imports it

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
README = HERE / "README.md"

WHAT = {
    "load": "read + validate every cell and reference (orgnet.load) vs read_csv of every table",
    "graph": "Network.graph (the networkx graph from the loaded tables) vs a plain networkx build from read_csv",
    "gaps": "NetworkxEngine.gaps after an untimed load vs the pandas gaps baseline after an untimed read",
    "overlaps": "NetworkxEngine.overlaps vs the pandas baseline (analysis only)",
    "projection": "NetworkxEngine.nameplates (the person projection) vs a pandas self-merge (analysis only)",
    "stats": "NetworkxEngine.stats (every stats region) vs the pandas baseline (analysis only)",
    "gaps_e2e": "orgnet gaps FOLDER --as-of D -f csv -o OUT vs python -m bench.baselines.gaps",
    "overlaps_e2e": "orgnet overlaps … -f csv -o OUT vs python -m bench.baselines.overlaps",
    "projection_e2e": "orgnet nameplates … -f csv -o OUT vs python -m bench.baselines.projection",
    "stats_e2e": "orgnet stats … --all-regions -f csv -o OUT vs python -m bench.baselines.stats",
}


def git_commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=measure.ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=measure.ROOT, capture_output=True,
                               text=True).stdout.strip()
        return head + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1])
        mem = f"{kb / 2**20:.0f} GiB"
    except (OSError, StopIteration):
        pass
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{os.cpu_count()} cores ({cpu}), {mem} RAM, load average at start {load}"


# -- one task ---------------------------------------------------------------------------------------
MAX_RSS_MB: float | None = None  # --max-rss-gb


def measure_side(argv: list[str], timeout: float, repeat: int, log: Path, wall: bool) -> dict:
    """Run ``argv`` ``repeat`` times; the fastest time, the largest peak."""
    best: dict | None = None
    for i in range(repeat):
        m = measure.run(argv, timeout=timeout, log=log.with_name(f"{log.name}.{i}"), max_rss_mb=MAX_RSS_MB)
        if not m.ok:
            status = "memory" if m.memory_limit is not None else "timeout" if m.timed_out else "error"
            return {"status": status, "why": m.why(), "seconds": None, "peak_mb": round(m.peak_mb, 1)}
        seconds = m.wall_s if wall else m.report.get("seconds")
        entry = {"status": "ok", "seconds": seconds, "peak_mb": round(m.peak_mb, 1), "report": m.report,
                 "process_s": m.wall_s}
        if best is None:
            best = entry
        else:
            best["peak_mb"] = max(best["peak_mb"], entry["peak_mb"])
            if seconds < best["seconds"]:
                best.update(seconds=seconds, report=m.report, process_s=m.wall_s)
    return best


def run_task(n: int, task: str, folder: Path, as_of: str, work: Path, timeout: float, repeat: int,
             diffs: Path) -> dict:
    if task in E2E:
        args, module = E2E[task]
        a, b = work / f"{task}.orgnet.csv", work / f"{task}.baseline.csv"
        orgnet_argv = [measure.ORGNET, *args, str(folder), "--as-of", as_of, "-f", "csv", "-o", str(a)]
        base_argv = [measure.PYTHON, "-m", f"bench.baselines.{module}", str(folder), "--as-of", as_of, "-o", str(b)]
        kind, wall = "csv", True
    else:
        a, b = work / f"{task}.orgnet.pkl", work / f"{task}.baseline.pkl"
        orgnet_argv = [measure.PYTHON, "-m", "bench.worker", "orgnet", task, str(folder), "--as-of", as_of, "--out", str(a)]
        base_argv = [measure.PYTHON, "-m", "bench.worker", "baseline", task, str(folder), "--as-of", as_of, "--out", str(b)]
        kind, wall = "pickle", False
    load1 = round(os.getloadavg()[0], 1)
    o = measure_side(orgnet_argv, timeout, repeat, work / f"{task}.orgnet", wall)
    base = measure_side(base_argv, timeout, repeat, work / f"{task}.baseline", wall)
    rec = {"n": n, "task": task, "orgnet_s": _r(o["seconds"]), "baseline_s": _r(base["seconds"]),
           "ratio": _r(o["seconds"] / base["seconds"], 2) if o["seconds"] and base["seconds"] else None,
           "peak_mb": o["peak_mb"], "baseline_peak_mb": base["peak_mb"], "identical": None,
           "orgnet_status": o["status"], "baseline_status": base["status"], "load_avg": load1}
    notes = []
    for side, r in (("orgnet", o), ("baseline", base)):
        if r["status"] != "ok":
            notes.append(f"{side}: {r['why']}")
        elif r["report"].get("load_s") is not None:
            rec[f"{side}_load_s"] = _r(r["report"]["load_s"])
        if r["status"] == "ok" and r["report"].get("rows") is not None:
            rec[f"{side}_rows"] = r["report"]["rows"]
    if o["status"] == "ok" and base["status"] == "ok":
        diff = diffs / f"n{n}-{task}.csv"
        c = measure.run([measure.PYTHON, "-m", "bench.compare", kind, str(a), str(b), "--diff", str(diff)],
                        timeout=timeout)
        if c.ok and c.report:
            rec["identical"] = bool(c.report["identical"])
            if not rec["identical"]:
                rec["mismatch"] = c.report
                notes.append("MISMATCH: " + c.report.get("detail", ""))
        else:
            notes.append(f"compare failed: {c.why()}")
    rec["note"] = "; ".join(notes)
    return rec


def _r(x, digits=3):
    return None if x is None else round(float(x), digits)


# -- Neo4j ------------------------------------------------------------------------------------------
def run_neo4j(n: int, folder: Path, as_of: str, work: Path, timeout: float, naive_sample: int, heap: str,
              page_cache: str, say) -> list[dict]:
    sys.path.insert(0, str(measure.ROOT / "tools" / "neo4j"))
    import server  # tools/neo4j/server.py

    say(f"n={n:,}: starting a Neo4j server (heap {heap}, page cache {page_cache}) …")
    t0 = time.perf_counter()
    srv = server.start(workdir=Path(tempfile.gettempdir()) / "orgnet-bench-neo4j", heap=heap, page_cache=page_cache,
                       extra_conf={"db.transaction.timeout": f"{int(timeout)}s"})
    say(f"n={n:,}: Neo4j {srv.version} up in {time.perf_counter() - t0:.1f} s; loading …")
    try:
        argv = [measure.PYTHON, "-m", "bench.neo4j_worker", str(folder), "--as-of", as_of,
                "--naive-sample", str(naive_sample)]
        m = measure.run(argv, timeout=timeout * 3, env={k: v for k, v in srv.env().items()}, log=work / "neo4j")
        server_peak = None
        try:
            status = Path(f"/proc/{srv.pid}/status").read_text()
            server_peak = round(int(next(x for x in status.splitlines() if x.startswith("VmHWM")).split()[1]) / 1024, 1)
        except (OSError, StopIteration, ValueError):
            pass
    finally:
        server.stop(srv, remove_home=True)
    base = {"n": n, "peak_mb": round(m.peak_mb, 1), "server_peak_mb": server_peak, "neo4j_version": srv.version}
    if not m.ok or not m.report:
        return [{**base, "task": "neo4j_load", "orgnet_s": None, "baseline_s": None, "ratio": None, "identical": None,
                 "orgnet_status": "timeout" if m.timed_out else "error", "note": m.why()}]
    r = m.report
    batched, naive = r["batched"], r.get("naive", {})
    naive_s = naive.get("extrapolated_s")
    note = (f"{r['table_rows']:,} table rows = {r['statement_rows']:,} statement rows; batched "
            f"{batched['table_rows_per_s']:,.0f} table rows/s ({batched['statement_rows_per_s']:,.0f} statement rows/s)")
    slowest = sorted(batched.get("seconds_per_table", {}).items(), key=lambda kv: -kv[1])[:3]
    if slowest:
        note += "; slowest tables (batched): " + ", ".join(f"{k} {v:.1f} s" for k, v in slowest)
    if naive:
        note += (f"; naive {naive['table_rows_per_s']:,.0f} table rows/s ({naive['statement_rows_per_s']:,.0f} statement "
                 f"rows/s) " + (f"timed on a sample of {naive['rows']:,} statement rows, total extrapolated"
                                if naive["sampled"] else "over the whole dataset"))
        if "same_counts_as_batched" in naive:
            note += "; naive and batched graphs have the same counts" if naive["same_counts_as_batched"] \
                else "; NAIVE AND BATCHED COUNTS DIFFER"
    records = [{**base, "task": "neo4j_load", "orgnet_s": batched["seconds"], "baseline_s": naive_s,
                "ratio": _r(batched["seconds"] / naive_s, 4) if naive_s else None,
                "speedup_vs_naive": _r(naive_s / batched["seconds"], 1) if naive_s else None,
                "rows_per_s": batched["table_rows_per_s"], "statement_rows_per_s": batched["statement_rows_per_s"],
                "baseline_rows_per_s": naive.get("table_rows_per_s"),
                "baseline_statement_rows_per_s": naive.get("statement_rows_per_s"),
                "naive_sampled_rows": naive.get("rows"), "naive_sample_s": naive.get("seconds"),
                "validate_s": r["validate_s"], "counts": batched["counts"],
                "seconds_per_table": batched.get("seconds_per_table"), "identical": None,
                "orgnet_status": "ok", "note": note}]
    running = r.get("running", {})
    if running:
        again = running["batched"]
        records[0].update(running_s=again["seconds"], running_rows_per_s=again["table_rows_per_s"])
        records[0]["note"] += (f"; on the running server (a second load, its JVM warm): {again['seconds']:.1f} s = "
                               f"{again['table_rows_per_s']:,.0f} table rows/s")
    update = r.get("update")
    if update:
        records[0].update(update_s=update["seconds"], update_rows_per_s=update["table_rows_per_s"],
                          update_same_counts=update["same_counts"])
        records[0]["note"] += (f"; the same files loaded again on top (update path, MERGE): {update['seconds']:.1f} s = "
                               f"{update['table_rows_per_s']:,.0f} table rows/s, counts "
                               + ("unchanged" if update["same_counts"] else "CHANGED"))
    for name in NEO4J_QUERIES:
        q = r["queries"].get(name, {})
        rec = {"n": n, "task": f"neo4j_{name}", "orgnet_s": q.get("first_s"), "second_s": q.get("second_s"),
               "baseline_s": None, "networkx_s": q.get("networkx_s"), "ratio": None, "peak_mb": None,
               "identical": q.get("identical"), "rows": q.get("rows"),
               "orgnet_status": "error" if "error" in q else "ok"}
        notes = []
        if "error" in q:
            notes.append(q["error"])
        else:
            second = f"second run {q['second_s']:.2f} s; " if q.get("second_s") is not None else ""
            notes.append(f"{second}networkx engine {q['networkx_s']:.2f} s; identical = same DataFrame as the "
                         f"networkx engine")
        if q.get("identical") is False:
            notes.append("MISMATCH vs networkx: " + q.get("detail", ""))
            rec["mismatch"] = {"detail": q.get("detail"), "first": q.get("first")}
        again = running.get("queries", {}).get(name, {})
        if "first_s" in again:
            rec.update(running_first_s=again["first_s"], running_second_s=again.get("second_s"))
            notes.append(f"on the running server, after a second load: first run {again['first_s']:.2f} s"
                         + (f", second {again['second_s']:.2f} s" if again.get("second_s") is not None else "")
                         + ("" if again.get("identical") else " (NOT identical to networkx)"))
        rec["note"] = "; ".join(notes)
        records.append(rec)
    return records


# -- output -----------------------------------------------------------------------------------------
def print_table(records: list[dict], console: Console, title: str) -> None:
    table = Table(title=title, title_justify="left")
    for col, just in (("n", "right"), ("task", "left"), ("orgnet_s", "right"), ("baseline_s", "right"),
                      ("ratio", "right"), ("peak_mb", "right"), ("base_peak_mb", "right"), ("identical", "center"),
                      ("note", "left")):
        table.add_column(col, justify=just, overflow="fold")
    for rec in records:
        style = "bold red" if rec.get("identical") is False else None
        table.add_row(f"{rec['n']:,}", rec["task"], status_cell(rec, "orgnet"), status_cell(rec, "baseline"),
                      "—" if rec.get("ratio") is None else f"{rec['ratio']:.2f}",
                      "—" if rec.get("peak_mb") is None else f"{rec['peak_mb']:,.0f}",
                      "—" if rec.get("baseline_peak_mb") is None else f"{rec['baseline_peak_mb']:,.0f}",
                      identical_cell(rec), rec.get("note", ""), style=style)
    console.print(table)


def save(records: list[dict], date: str, results_dir: Path) -> Path:
    """Merge into ``results/<date>.json`` (a record replaces the one of the same n and task)."""
    results_dir.mkdir(parents=True, exist_ok=True)
    path = results_dir / f"{date}.json"
    old = json.loads(path.read_text()) if path.is_file() else []
    keys = {(r["n"], r["task"]) for r in records}
    merged = [r for r in old if (r["n"], r["task"]) not in keys] + records
    merged.sort(key=order)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(merged, indent=1, ensure_ascii=False) + "\n")
    os.replace(tmp, path)
    return path


# -- main -------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="organizations, comma-separated")
    ap.add_argument("--tasks", default=",".join(TASKS), help=f"comma-separated, of {', '.join(TASKS)}; 'none' for none")
    ap.add_argument("--neo4j", action="store_true", help="also measure Neo4j loads and queries")
    ap.add_argument("--neo4j-sizes", default=None, help="sizes for Neo4j (default: those of --sizes up to 100000)")
    ap.add_argument("--naive-sample", type=int, default=5000, help="statement rows for the naive Neo4j loader (0: all)")
    ap.add_argument("--neo4j-heap", default="4g", help="server heap (half of it young, tools/neo4j/server.py)")
    ap.add_argument("--neo4j-page-cache", default="1g")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--as-of", default="2012-06-30")
    ap.add_argument("--timeout", type=float, default=1200, help="seconds per measured process (default 20 min)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per side; the fastest is kept")
    ap.add_argument("--max-rss-gb", type=float, default=16.0,
                    help="kill a measured process whose RSS passes this (recorded as 'memory'); 0: no limit")
    ap.add_argument("--results", type=Path, default=RESULTS, help="folder for <date>.json")
    ap.add_argument("--no-readme", action="store_true", help="don't rewrite the results section of bench/README.md")
    args = ap.parse_args(argv)

    global MAX_RSS_MB
    MAX_RSS_MB = args.max_rss_gb * 1024 if args.max_rss_gb > 0 else None
    console = Console()
    if not console.is_terminal:
        console = Console(width=200)
    say = console.print
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    tasks = [] if args.tasks == "none" else [t.strip() for t in args.tasks.split(",") if t.strip()]
    unknown = [t for t in tasks if t not in TASKS]
    if unknown:
        ap.error(f"unknown task(s) {', '.join(unknown)}; expected {', '.join(TASKS)}")
    neo_sizes = ([int(s) for s in args.neo4j_sizes.split(",")] if args.neo4j_sizes else [s for s in sizes if s <= 100_000]) \
        if args.neo4j else []
    date = time.strftime("%Y-%m-%d")
    commit = git_commit()
    host = machine()
    say(f"orgnet bench {date}, commit {commit}; {host}")
    diffs = args.results / "diffs"
    diffs.mkdir(parents=True, exist_ok=True)
    records: list[dict] = []
    path = None

    def add(rec: dict) -> None:
        nonlocal path
        rec.update(commit=commit, date=date, machine=host)
        records.append(rec)
        path = save([rec], date, args.results)
        mark = "[bold red]MISMATCH[/]" if rec.get("identical") is False else ""
        say(f"  n={rec['n']:>9,} {rec['task']:<18} orgnet {status_cell(rec, 'orgnet'):>8} s  baseline "
            f"{status_cell(rec, 'baseline'):>8} s  peak {fmt_mb(rec.get('peak_mb'))} MB {mark} {rec.get('note', '')}")

    for n in sorted(set(sizes) | set(neo_sizes)):
        folder, meta = datasets.ensure(n, args.seed, say=say)
        say(f"n={n:,}: {folder.name}: {meta['total_rows']:,} rows, {meta['bytes'] / 1e6:.0f} MB "
            f"(generated in {meta['generate_s']} s)")
        work = Path(tempfile.mkdtemp(prefix=f"orgnet-bench-{n}-"))
        try:
            if n in sizes:
                for task in tasks:
                    add(run_task(n, task, folder, args.as_of, work, args.timeout, args.repeat, diffs))
            if n in neo_sizes:
                for rec in run_neo4j(n, folder, args.as_of, work, args.timeout, args.naive_sample, args.neo4j_heap,
                                     args.neo4j_page_cache, say):
                    add(rec)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    if not records:
        return 0
    print_table(records, console, f"orgnet vs pandas baseline — {date}, commit {commit}")
    checks = targets(records)
    if checks:
        t = Table(title="targets", title_justify="left")
        for col in ("target", "measured", "verdict"):
            t.add_column(col)
        for row in checks:
            t.add_row(*row, style="yellow" if row[2] == "NOT met" else None)
        console.print(t)
    say(f"wrote {path} (this harness process peaked at {measure.self_peak_mb():.0f} MB RSS)")
    if not args.no_readme:
        if update_readme(README, path, date):
            say(f"updated the results section of {README}")
    bad = [r for r in records if r.get("identical") is False]
    if bad:
        say("[bold red]MISMATCH: orgnet's answer differs from the baseline's in: "
            + ", ".join(f"{r['task']} at n={r['n']:,}" for r in bad)
            + f"[/] — rows on one side only are in {diffs}/")
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
