"""The ``wide`` benchmark: validation time of a table with thousands of empty columns (issue #23, class 6).

    python -m bench.wide [--widths 0,2000,10000,16380] [--src DIR] [--timeout S] [--save NAME]

Excel leaves every column up to a stray cell's behind, so a sheet that once had something in column
XFD exports 16,380 empty columns after four real ones. For each width N: the tiny test dataset with
N columns, empty header and empty cells, added to organizations.csv, read and validated
(``read_dataset`` + ``validate``, what ``orgnet validate`` does) in a fresh process, best of two
runs. ``--src`` times another checkout's ``src`` (the code before a change); a run longer than
``--timeout`` is recorded as ``null``. Prints a table; ``--save`` writes ``bench/results/NAME.json``.
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

from . import measure
from .run import git_commit

HERE = Path(__file__).resolve().parent
TINY = measure.ROOT / "tests" / "data" / "tiny"

TIMER = """
import sys, time
from orgnet.read import read_dataset
from orgnet.validate import validate
best = float("inf")
for _ in range(2):
    start = time.perf_counter()
    validate(read_dataset(sys.argv[1]))
    best = min(best, time.perf_counter() - start)
print(best)
"""


def widened(root: Path, width: int) -> Path:
    """The tiny dataset with ``width`` empty columns after organizations.csv's last one."""
    folder = root / f"wide-{width}"
    shutil.copytree(TINY, folder, ignore=shutil.ignore_patterns("README.md"))
    path = folder / "organizations.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("".join(line + "," * width + "\n" for line in lines), encoding="utf-8")
    return folder


def seconds(folder: Path, src: Path, timeout: float) -> float | None:
    """Best of two read + validate runs in a fresh process; None when it outlasts ``timeout``."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    try:
        done = subprocess.run([sys.executable, "-c", TIMER, str(folder)], capture_output=True, text=True,
                              timeout=timeout, env=env, check=True)
    except subprocess.TimeoutExpired:
        return None
    return float(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--widths", default="0,2000,10000,16380")
    parser.add_argument("--src", type=Path, default=measure.ROOT / "src")
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--save", help="write bench/results/SAVE.json")
    args = parser.parse_args(argv)
    record = {"task": "wide", "date": time.strftime("%Y-%m-%d"), "src": str(args.src),
              "commit": git_commit() if args.src == measure.ROOT / "src" else "see src",
              "load_average": list(os.getloadavg()), "timeout_s": args.timeout, "seconds": {}}
    print(f"{'empty columns':>14} | validate (s)")
    with tempfile.TemporaryDirectory() as tmp:
        for width in map(int, args.widths.split(",")):
            took = seconds(widened(Path(tmp), width), args.src, args.timeout)
            record["seconds"][str(width)] = took
            print(f"{width:>14,} | {'> %g' % args.timeout if took is None else f'{took:.2f}'}", flush=True)
    if args.save:
        (HERE / "results" / f"{args.save}.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record


if __name__ == "__main__":
    main()
