"""The benchmark datasets: ``orgnet generate --profile scale --orgs N --seed S``, made once and cached.

``bench/.data/scale-<N>-<seed>/`` holds the CSV files and ``meta.json`` (rows per table, bytes, how
long generation took and its peak memory). A folder without ``meta.json`` is an interrupted
generation and is made again. Standard library only (the harness parent stays small).
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from . import measure

CACHE = Path(__file__).resolve().parent / ".data"


def folder(n: int, seed: int) -> Path:
    return CACHE / f"scale-{n}-{seed}"


def ensure(n: int, seed: int, timeout: float = 7200, say=print) -> tuple[Path, dict]:
    """The dataset's folder and its meta (generated now if not cached)."""
    out = folder(n, seed)
    meta_file = out / "meta.json"
    if meta_file.is_file():
        return out, json.loads(meta_file.read_text())
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.parent.mkdir(parents=True, exist_ok=True)
    say(f"generating {out.name} (orgnet generate --profile scale --orgs {n} --seed {seed}) …")
    m = measure.run([measure.ORGNET, "generate", "--profile", "scale", "--orgs", str(n), "--seed", str(seed), str(tmp)],
                    timeout=timeout)
    if not m.ok:
        raise RuntimeError(f"generating {out.name} failed: {m.why()}")
    rows = {}
    for csv in sorted(tmp.glob("*.csv")):
        with open(csv, "rb") as fh:
            rows[csv.stem] = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 24), b"")) - 1
    meta = {"n": n, "seed": seed, "rows": rows, "total_rows": sum(rows.values()),
            "bytes": sum(p.stat().st_size for p in tmp.glob("*.csv")),
            "generate_s": round(m.wall_s, 2), "generate_peak_mb": round(m.peak_mb, 1),
            "generated_at": time.strftime("%Y-%m-%d %H:%M:%S")}
    (tmp / "meta.json").write_text(json.dumps(meta, indent=1) + "\n")
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    say(f"generated {out.name} in {m.wall_s:.1f} s (peak {m.peak_mb:.0f} MB): {meta['total_rows']:,} rows, "
        f"{meta['bytes'] / 1e6:.0f} MB")
    return out, meta
