"""How long ``Network.tables`` takes (the schema's columns without ``_row``), against reading the
validated frame itself; and the day view's graph. Not part of ``bench.run``: run it by hand.

    python -m orgnet generate --profile scale --orgs 100000 --seed 1 /tmp/scale-100k
    PYTHONPATH=src python -m bench.api_tables /tmp/scale-100k [--day 2012-06-30]

Measured 2026-12-03 on the 100k dataset (1,074,227 rows; the shared 2-core machine, busy): every
``net.tables[name]`` 0.29–0.43 ms whatever its size (25,885 to 394,899 rows; the frame's own
``drop(columns="_row")`` 0.24–0.29 ms): a column selection, no data copied. ``net.at(day).graph``
12.6 s for 526,440 nodes and 477,460 edges (``net.graph``, all of history: 7.9 s in bench/README).
"""

from __future__ import annotations

import argparse
import time


def _best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    import orgnet

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--day", default="2012-06-30")
    args = parser.parse_args()
    start = time.perf_counter()
    net = orgnet.load(args.folder)
    print(f"load: {time.perf_counter() - start:.2f} s; {net!r}")
    for name in net.tables:
        internal = net.dataset.tables[name]
        view = _best(lambda: net.tables[name])
        summed = _best(lambda: net.tables[name].iloc[:, 0].count())
        print(f"{name:<13} {len(internal):>9,} rows: net.tables[{name!r}] {view * 1e3:7.3f} ms "
              f"(then a column read {summed * 1e3:7.3f} ms; the validated frame's drop(columns='_row') "
              f"{_best(lambda: internal.drop(columns='_row')) * 1e3:7.3f} ms)")
    start = time.perf_counter()
    graph = net.at(args.day).graph
    print(f"net.at({args.day!r}).graph: {time.perf_counter() - start:.2f} s, {graph.number_of_nodes():,} nodes, "
          f"{graph.number_of_edges():,} edges")


if __name__ == "__main__":
    main()
