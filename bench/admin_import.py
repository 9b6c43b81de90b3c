"""The country route, measured: export → ``neo4j-admin database import`` → schema → the analyses.

    .venv/bin/python -m bench.admin_import --sizes 100000,1000000

For each size, on the generated dataset of ``bench/.data`` (made if missing):

1. ``orgnet export FOLDER --to neo4j-csv -o OUT`` (written from the tables), timed in its own process;
2. a throwaway Neo4j server (``tools/neo4j/server.py``) started once (so it has its system
   database and the password), stopped, and ``neo4j-admin database import full neo4j
   --overwrite-destination`` run in the export folder with the command line ``IMPORT.txt`` gives;
3. the server started again on that store, ``schema.cypher`` applied (constraints and indexes
   populated) and ``load/ready.cypher`` run (statistics resampled, as every orgnet load ends);
4. node and relationship counts checked against what the export reported, and every analysis
   run twice through ``Neo4jEngine`` and compared with the networkx engine
   (``assert_frame_equal``).

Prints a table and writes ``bench/results/admin-import-<date>.json``. Every step is a separate
process or a measured call; nothing is skipped when a step fails (the record says which).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from . import datasets, measure

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2012-06-30"
ANALYSES = ("gaps", "overlaps", "nameplates", "plan", "liaison_check", "stats")


def _server_tool():
    sys.path.insert(0, str(ROOT / "tools" / "neo4j"))
    import server  # tools/neo4j/server.py

    return server


def admin_import(server_tool, home: Path, folder: Path, threads: int, heap: str, timeout: float) -> measure.Measured:
    """``neo4j-admin database import full`` into the stopped server's home, as IMPORT.txt says."""
    line = (folder / "IMPORT.txt").read_text(encoding="utf-8")
    files = re.findall(r"--(?:nodes|relationships)=\S+", line)
    lib = server_tool.ensure_jars()
    argv = [server_tool._java(), f"-Xmx{heap}", "-cp", str(lib / "*"), server_tool.ADMIN_TOOL,
            "database", "import", "full", "neo4j", "--overwrite-destination=true", f"--threads={threads}",
            f"--report-file={folder / 'import.report'}", *files]
    env = {"NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    return measure.run(argv, timeout, env=env, cwd=folder)


def check(server, dataset_folder: Path, exported: dict) -> dict:
    """Schema, counts and the analyses on the imported store (in this process)."""
    import neo4j
    import pandas as pd

    import orgnet
    from orgnet.api import _day
    from orgnet.engines.neo4j import Neo4jEngine, apply_schema, run_file, run_read
    from orgnet.rules import Rules

    out: dict = {}
    driver = neo4j.GraphDatabase.driver(server.uri, auth=server.auth)
    try:
        t = time.perf_counter()
        apply_schema(driver, "neo4j")
        run_file(driver, "load/ready.cypher", "neo4j")  # what every orgnet load ends with
        out["schema_s"] = round(time.perf_counter() - t, 2)
        nodes = run_read(driver, "MATCH (n) RETURN count(n) AS n", database="neo4j")[0]["n"]
        edges = run_read(driver, "MATCH ()-[r]->() RETURN count(r) AS n", database="neo4j")[0]["n"]
        out["counts_match"] = (nodes, edges) == (exported["nodes"], exported["edges"])
        out["nodes"], out["edges"] = nodes, edges
        engine = Neo4jEngine(driver, "neo4j", server.uri)
        net = orgnet.load(dataset_folder)
        day = _day(AS_OF)  # orgnet's reading of an as-of day, as bench.worker and bench.neo4j_worker use
        for name in ANALYSES:
            args = {"year": day.year} if name == "liaison_check" else {"as_of": day}
            times = []
            for _ in range(2):
                t = time.perf_counter()
                got = engine.answer(name, rules=Rules(), **args)
                times.append(round(time.perf_counter() - t, 2))
            expected = net.engine.answer(name, rules=Rules(), **args)
            try:
                pd.testing.assert_frame_equal(got, expected)
                same = True
            except AssertionError:
                same = False
            out[name] = {"first_s": times[0], "second_s": times[1], "identical": same, "rows": len(got)}
    finally:
        driver.close()
    return out


def run_size(n: int, work: Path, threads: int, heap: str, page_cache: str, timeout: float) -> dict:
    server_tool = _server_tool()
    folder, meta = datasets.ensure(n, 1)
    record: dict = {"n": n, "table_rows": meta["total_rows"], "load_avg": round(os.getloadavg()[0], 2)}
    out = work / f"export-{n}"
    shutil.rmtree(out, ignore_errors=True)
    exported = measure.run([measure.ORGNET, "export", str(folder), "--to", "neo4j-csv", "-o", str(out)], timeout)
    record["export"] = {"s": round(exported.wall_s, 2), "peak_mb": round(exported.peak_mb), "ok": exported.ok,
                        "bytes": sum(p.stat().st_size for p in out.glob("*.csv")) if out.exists() else None}
    if not exported.ok:
        record["error"] = f"export: {exported.why()}"
        return record
    said = re.search(r"([\d,]+) nodes, ([\d,]+) edges", exported.stdout + exported.stderr)
    counts = {"nodes": int(said[1].replace(",", "")), "edges": int(said[2].replace(",", ""))}
    server = server_tool.start(work, heap=heap, page_cache=page_cache)
    try:
        server_tool.stop(server)
        imported = admin_import(server_tool, server.home, out, threads, heap, timeout)
        record["import"] = {"s": round(imported.wall_s, 2), "peak_mb": round(imported.peak_mb), "ok": imported.ok,
                            "rows_per_s": round(meta["total_rows"] / imported.wall_s) if imported.ok else None}
        if not imported.ok:
            record["error"] = f"import: {imported.why()}"
            return record
        store = server.home / "data" / "databases" / "neo4j"
        record["store_mb"] = round(sum(p.stat().st_size for p in store.rglob("*") if p.is_file()) / 2**20)
        server = server_tool.restart(server, heap=heap)
        record.update(check(server, folder, counts))
    finally:
        server_tool.stop(server, remove_home=True)
        shutil.rmtree(out, ignore_errors=True)
    return record


def table(records: list[dict]) -> str:
    lines = ["| N | export (from the tables) | neo4j-admin import | table rows/s | store | schema | counts | "
             + " | ".join(ANALYSES) + " |", "|" + "---|" * (7 + len(ANALYSES))]
    for r in records:
        if "error" in r:
            lines.append(f"| {r['n']:,} | {r['error']} |")
            continue
        cells = [f"{r['n']:,}", f"{r['export']['s']} s, {r['export']['peak_mb']:,} MB peak, {r['export']['bytes'] / 2**20:,.0f} MB",
                 f"{r['import']['s']} s, {r['import']['peak_mb']:,} MB peak", f"{r['import']['rows_per_s']:,}",
                 f"{r['store_mb']:,} MB", f"{r['schema_s']} s", "same" if r["counts_match"] else "DIFFERENT"]
        cells += [f"{r[a]['first_s']} / {r[a]['second_s']} s{'' if r[a]['identical'] else ' DIFFERENT'}" for a in ANALYSES]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.admin_import", description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--page-cache", default="4g")
    ap.add_argument("--timeout", type=float, default=3600)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="orgnet-import-"))
    records = []
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            records.append(run_size(n, work, args.threads, args.heap, args.page_cache, args.timeout))
            print(json.dumps(records[-1]), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(records))
    path = ROOT / "bench" / "results" / f"admin-import-{date.today().isoformat()}.json"
    path.write_text(json.dumps(records, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")
    bad = any("error" in r or not r.get("counts_match") or not all(r[a]["identical"] for a in ANALYSES)
              for r in records)
    return 3 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
