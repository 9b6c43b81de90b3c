"""The Neo4j measurements for one dataset, in a fresh process (``bench.run --neo4j`` starts it with
the server's ``NEO4J_*`` variables in its environment).

    python -m bench.neo4j_worker FOLDER --as-of D [--naive-sample 5000] [--out OUT.json]

1. Read and validate the dataset (timed apart: ``validate_s``).
2. Naive loader (``bench.naive_neo4j``): wipe, then one statement and one transaction per row over a
   proportional sample of about ``--naive-sample`` statement rows (all of them with 0); rows/s.
3. orgnet's batched loader (``orgnet.engines.neo4j.load_dataset``, ``DEFAULT_BATCH_SIZE`` rows per
   transaction): wipe, then the whole dataset; into the emptied database it takes the fresh path
   (``load/create/*.cypher``); rows/s; node and relationship counts read back.
4. Every shipped query (``cypher/queries/*.cypher`` through ``Neo4jEngine``'s methods), twice
   (first run and second run), and each answer compared with the networkx engine's.
5. On the server that is now running (its JVM warmed up by steps 2-4), unless ``--skip-running``:
   wipe, the batched load again, and every query again (``out["running"]``). The load ends by
   clearing the server's query caches (``load/ready.cypher``), so each query's first run is
   planned anew: what a long-running server does with a new load.
6. Unless ``--skip-update``: the batched load once more, on top (no wipe): every row is already
   there, so it takes the update path (``load/*.cypher``, MERGE on ids and keys), as a load of a
   new month's files over last month's graph does (``out["update"]``, with whether the counts
   read back are unchanged).

Rows/s is given two ways: statement rows (one row of one MERGE load statement, ``load_plan``: what
the naive loader processes one at a time; a body is 3 statement rows: node, label, BELONGS_TO) and
table rows (CSV rows in the dataset). The fresh path writes the same graph in fewer statements
(a body is one row of ``load/create/bodies.cypher``); the statement-row rate keeps the MERGE plan's
count so that it stays comparable with the naive loader's. The naive loader's total time is extrapolated from its sample rate.
"""

from __future__ import annotations

import argparse
import json
import sys
import time


def measure_queries(engine, reference, day, year: int, rules) -> dict:
    """Each analysis through ``engine``: first and second run, rows, and whether its answer is the
    networkx engine's (``reference``)."""
    import pandas as pd

    from orgnet.analyses import ANALYSES

    queries = {}
    for name in (n for n, a in ANALYSES.items() if a.kind == "analysis"):
        when = {"year": year} if name == "liaison_check" else {"as_of": day}
        entry: dict = {}
        try:
            t0 = time.perf_counter()
            frame = engine.answer(name, rules=rules, **when)
            entry["first_s"] = round(time.perf_counter() - t0, 3)
            if entry["first_s"] < 120:  # a second run only when the first was not very slow
                t0 = time.perf_counter()
                engine.answer(name, rules=rules, **when)
                entry["second_s"] = round(time.perf_counter() - t0, 3)
            entry["rows"] = len(frame)
        except Exception as exc:  # a server-side timeout or error: recorded, the others still run
            entry["error"] = " ".join(str(exc).split())[:300]
            queries[name] = entry
            continue
        t0 = time.perf_counter()
        expected = reference.answer(name, rules=rules, **when)
        entry["networkx_s"] = round(time.perf_counter() - t0, 3)
        try:
            pd.testing.assert_frame_equal(frame, expected)
            entry["identical"] = True
        except AssertionError as exc:
            entry["identical"] = False
            merged = frame.astype(str).merge(expected.astype(str), how="outer", indicator=True)
            only = merged[merged["_merge"] != "both"]
            entry["detail"] = (f"{(only['_merge'] == 'left_only').sum()} row(s) only in neo4j, "
                               f"{(only['_merge'] == 'right_only').sum()} only in networkx; "
                               + " ".join(str(exc).split())[:200])
            entry["first"] = only.head(5).astype(str).to_dict(orient="records")
        queries[name] = entry
    return queries


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.neo4j_worker")
    ap.add_argument("folder")
    ap.add_argument("--as-of", default="2012-06-30")
    ap.add_argument("--year", type=int, default=2012)
    ap.add_argument("--naive-sample", type=int, default=5000, help="statement rows for the naive loader (0: all)")
    ap.add_argument("--batch-size", type=int, default=None, help="rows per transaction (default: the loader's)")
    ap.add_argument("--workers", type=int, default=None, help="concurrent transactions in a fresh load")
    ap.add_argument("--skip-naive", action="store_true")
    ap.add_argument("--skip-running", action="store_true", help="no second load and queries on the running server")
    ap.add_argument("--skip-update", action="store_true", help="no load on top of the loaded graph (update path)")
    ap.add_argument("--out")
    args = ap.parse_args(argv)

    from orgnet.api import _day, load_dataset
    from orgnet.engines import neo4j as engine_module
    from orgnet.engines.neo4j import Neo4jEngine, Settings, apply_schema, counts, load_plan, open_driver, wipe
    from orgnet.engines.networkx import NetworkxEngine
    from orgnet.rules import Rules

    from .measure import self_peak_mb
    from .naive_neo4j import load_naive

    out: dict = {}
    t0 = time.perf_counter()
    dataset = load_dataset(args.folder)
    out["validate_s"] = round(time.perf_counter() - t0, 3)
    table_rows = sum(dataset.counts().values())
    steps = load_plan(dataset)
    statement_rows = sum(len(s.rows) for s in steps)
    out.update(table_rows=table_rows, statement_rows=statement_rows)

    settings = Settings.resolve()
    driver = open_driver(settings)
    try:
        wipe(driver, settings.database)
        t0 = time.perf_counter()
        apply_schema(driver, settings.database)
        out["schema_s"] = round(time.perf_counter() - t0, 3)

        if not args.skip_naive:
            fraction = 1.0 if args.naive_sample <= 0 else min(1.0, args.naive_sample / statement_rows)
            done, seconds = load_naive(driver, steps, fraction, settings.database)
            rate = done / seconds
            out["naive"] = {"rows": done, "seconds": round(seconds, 3), "statement_rows_per_s": round(rate, 1),
                            "sampled": fraction < 1, "fraction": round(fraction, 5),
                            "extrapolated_s": round(statement_rows / rate, 1),
                            "table_rows_per_s": round(table_rows / (statement_rows / rate), 1)}
            if fraction >= 1:
                out["naive"]["counts"] = counts(driver, settings.database)
            wipe(driver, settings.database)

        per_table: dict[str, float] = {}
        last = [time.perf_counter()]

        def progress(table: str, done: int, total: int) -> None:  # after every batch: time per table
            now = time.perf_counter()
            if done:
                per_table[table] = per_table.get(table, 0.0) + now - last[0]
            last[0] = now

        batch_size = args.batch_size or engine_module.DEFAULT_BATCH_SIZE
        workers = args.workers or engine_module.DEFAULT_WORKERS
        fresh = engine_module.database_is_empty(driver, settings.database)
        t0 = last[0] = time.perf_counter()
        loaded = engine_module.load_dataset(driver, dataset, batch_size=batch_size, database=settings.database,
                                            schema=False, progress=progress, workers=workers)
        seconds = time.perf_counter() - t0
        import os

        out["batched"] = {"seconds": round(seconds, 3), "statement_rows_per_s": round(statement_rows / seconds, 1),
                          "table_rows_per_s": round(table_rows / seconds, 1), "batch_size": batch_size,
                          "workers": workers, "path": "fresh" if fresh else "update",
                          "load_avg_after": [round(x, 2) for x in os.getloadavg()],
                          "counts": loaded, "seconds_per_table": {k: round(v, 2) for k, v in per_table.items()}}
        if "counts" in out.get("naive", {}):
            out["naive"]["same_counts_as_batched"] = out["naive"]["counts"] == loaded

        engine = Neo4jEngine(driver, settings.database, settings.uri)
        reference = NetworkxEngine(dataset)
        day, rules = _day(args.as_of), Rules()
        out["queries"] = measure_queries(engine, reference, day, args.year, rules)

        if not args.skip_running:  # the same load and queries again, on the server that is now running
            wipe(driver, settings.database)
            t0 = time.perf_counter()
            engine_module.load_dataset(driver, dataset, batch_size=batch_size, database=settings.database,
                                       schema=False, workers=workers)
            seconds = time.perf_counter() - t0
            out["running"] = {"batched": {"seconds": round(seconds, 3),
                                          "table_rows_per_s": round(table_rows / seconds, 1),
                                          "statement_rows_per_s": round(statement_rows / seconds, 1)},
                              "queries": measure_queries(engine, reference, day, args.year, rules)}

        if not args.skip_update:  # the same files again, on top: every row is there (update path)
            before = counts(driver, settings.database)
            t0 = time.perf_counter()
            after = engine_module.load_dataset(driver, dataset, batch_size=batch_size, database=settings.database,
                                               schema=False, workers=workers)
            seconds = time.perf_counter() - t0
            out["update"] = {"seconds": round(seconds, 3), "table_rows_per_s": round(table_rows / seconds, 1),
                             "statement_rows_per_s": round(statement_rows / seconds, 1),
                             "same_counts": after == before}
    finally:
        driver.close()
    out["self_peak_mb"] = round(self_peak_mb(), 1)
    text = json.dumps(out, ensure_ascii=False, default=str)
    if args.out:
        with open(args.out, "w") as fh:
            fh.write(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
