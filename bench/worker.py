"""One measurement in a fresh process (``bench.run`` starts one per side, task and size).

    python -m bench.worker orgnet|baseline TASK FOLDER --as-of D --out RESULT.pkl

Tasks: ``load`` (orgnet: read + validate every cell and reference, ``orgnet.load``; baseline:
``read_csv`` of every table), ``graph`` (orgnet: ``Network.graph``, the networkx graph built from
the loaded tables; baseline: a plain ``add_nodes_from``/``add_edges_from`` build from ``read_csv``),
and ``gaps``, ``overlaps``, ``projection`` (orgnet:
``NetworkxEngine.nameplates``), ``stats`` (every stats region): the load first, untimed, then only
the analysis is timed. The result DataFrame is pickled to ``--out`` for the comparison, after the
clock stopped. The last stdout line is JSON: seconds, rows, this process's peak RSS.
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import sys
import time

from .measure import self_peak_mb

TASKS = ("load", "graph", "gaps", "overlaps", "projection", "stats")
ANALYSIS = {"gaps": "gaps", "overlaps": "overlaps", "projection": "nameplates", "stats": "stats"}


def orgnet_side(task: str, folder: str, as_of: str):
    import pandas as pd

    import orgnet
    from orgnet.api import _day
    from orgnet.rules import Rules

    extra = {}
    if task == "load":
        gc.collect()
        t0 = time.perf_counter()
        net = orgnet.load(folder)
        seconds = time.perf_counter() - t0
        counts = net.dataset.counts()
        frame = pd.DataFrame({"table": list(counts), "rows": list(counts.values())})
        return frame, seconds, extra
    if task == "graph":
        net = orgnet.load(folder)
        gc.collect()
        t0 = time.perf_counter()
        graph = net.graph
        seconds = time.perf_counter() - t0
        frame = pd.DataFrame({"what": ["nodes", "edges"], "count": [graph.number_of_nodes(), graph.number_of_edges()]})
        return frame, seconds, extra
    t0 = time.perf_counter()
    net = orgnet.load(folder)
    extra["load_s"] = round(time.perf_counter() - t0, 3)
    day, rules = _day(as_of), Rules()
    gc.collect()
    t0 = time.perf_counter()
    frame = net.engine.answer(ANALYSIS[task], as_of=day, rules=rules)
    seconds = time.perf_counter() - t0
    return frame, seconds, extra


def baseline_side(task: str, folder: str, as_of: str):
    import importlib

    module = importlib.import_module(f"bench.baselines.{task}")
    extra = {}
    if task in ("load", "graph"):
        tables = module.load(folder) if task == "graph" else None
        gc.collect()
        t0 = time.perf_counter()
        if task == "load":
            tables = module.load(folder)
        frame = module.compute(tables)
        seconds = time.perf_counter() - t0
        return frame, seconds, extra
    t0 = time.perf_counter()
    tables = module.load(folder)
    extra["load_s"] = round(time.perf_counter() - t0, 3)
    gc.collect()
    t0 = time.perf_counter()
    frame = module.compute(tables, as_of)
    seconds = time.perf_counter() - t0
    return frame, seconds, extra


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.worker")
    ap.add_argument("side", choices=("orgnet", "baseline"))
    ap.add_argument("task", choices=TASKS)
    ap.add_argument("folder")
    ap.add_argument("--as-of", default="2012-06-30")
    ap.add_argument("--out", help="pickle the result DataFrame here")
    args = ap.parse_args(argv)
    side = orgnet_side if args.side == "orgnet" else baseline_side
    frame, seconds, extra = side(args.task, args.folder, args.as_of)
    peak = self_peak_mb()
    if args.out:
        with open(args.out, "wb") as fh:
            pickle.dump(frame, fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(json.dumps({"seconds": seconds, "rows": len(frame), "self_peak_mb": round(peak, 1), **extra}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
