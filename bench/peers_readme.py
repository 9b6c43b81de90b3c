"""The peers section of ``bench/README.md`` and issue #22's targets, from ``results/peers-<date>.json``.

The section lies between ``<!-- peers:begin -->`` and ``<!-- peers:end -->``; ``bench.peers_run``
rewrites it, ``python -m bench.peers_readme [FILE]`` too, without measuring. Standard library only.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from .records import fmt_mb, fmt_s

BEGIN, END = "<!-- peers:begin -->", "<!-- peers:end -->"
README = Path(__file__).resolve().parent / "README.md"
RESULTS = README.parent / "results"
COMMANDS = {"gaps": "`gaps`", "overlaps": "`overlaps`", "stats": "`stats --all-regions`", "validate": "`validate` alone"}
#: issue #22: at each size, orgnet's first run within this many times DuckDB's (end to end)
FIRST_RUN = {100_000: 1.5, 1_000_000: 1.5}
#: … and its repeated run on unchanged files at most this many times (needs the cache of #22, part 2)
REPEATED_RUN = {100_000: 1.0, 1_000_000: 0.75}
PEAK_AT_1M = 2.0


def ratio(r: dict, side: str) -> str:
    x = r.get(f"ratio_{side}")
    return "—" if x is None else f"{x:.1f}×"


def table(records: list[dict]) -> list[str]:
    """One row per size and command: seconds of each side, orgnet ÷ DuckDB and ÷ polars, peaks."""
    lines = ["| N | command | orgnet e2e | pandas | DuckDB SQL | polars lazy | orgnet ÷ DuckDB | orgnet ÷ polars "
             "| peak MB orgnet / pandas / DuckDB / polars | identical bytes |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|:---:|"]
    for r in records:
        secs = [fmt_s(r.get(f"{s}_s")) + " s" if r.get(f"{s}_s") is not None else ("" if f"{s}_peak_mb" not in r
                                                                                     else "failed")
                for s in ("orgnet", "pandas", "duckdb", "polars")]
        peaks = " / ".join(fmt_mb(r.get(f"{s}_peak_mb")) for s in ("orgnet", "pandas", "duckdb", "polars")
                           if f"{s}_peak_mb" in r)
        same = {True: f"yes, all {r['repeat']} runs", False: "**NO**", None: f"({r['repeat']} runs)"}[r.get("identical")]
        lines.append(f"| {r['n']:,} | {COMMANDS[r['task']]} | " + " | ".join(secs)
                     + f" | {ratio(r, 'duckdb')} | {ratio(r, 'polars')} | {peaks} | {same} |")
    return lines


def targets(records: list[dict]) -> list[tuple[str, str, str]]:
    """(target, measured, verdict) for issue #22's targets these records measure."""
    out = []
    by = {(r["n"], r["task"]): r for r in records}
    for n, limit in FIRST_RUN.items():
        for task in ("gaps", "overlaps", "stats"):
            r = by.get((n, task))
            if r and r.get("ratio_duckdb") is not None:
                out.append((f"{n:,}: {COMMANDS[task]} first run within {limit}× of DuckDB's",
                            f"{r['ratio_duckdb']:.2f}× ({fmt_s(r['orgnet_s'])} / {fmt_s(r['duckdb_s'])} s)",
                            "met" if r["ratio_duckdb"] <= limit else "NOT met"))
        if any((n, t) in by for t in ("gaps", "overlaps", "stats")):
            out.append((f"{n:,}: repeated run on unchanged files at most {REPEATED_RUN[n]}× of DuckDB's",
                        "not measurable yet: orgnet keeps no checked dataset (issue #22, part 2)", "NOT met"))
    for task in ("gaps", "overlaps", "stats"):
        r = by.get((1_000_000, task))
        if r and r.get("duckdb_peak_mb"):
            x = r["orgnet_peak_mb"] / r["duckdb_peak_mb"]
            out.append((f"1,000,000: {COMMANDS[task]} peak memory at most {PEAK_AT_1M}× DuckDB's",
                        f"{x:.1f}× ({fmt_mb(r['orgnet_peak_mb'])} / {fmt_mb(r['duckdb_peak_mb'])} MB)",
                        "met" if x <= PEAK_AT_1M else "NOT met"))
    return out


def markdown(records: list[dict], date: str) -> str:
    """The peers section for one day's records."""
    commits = sorted({r.get("commit", "?") for r in records})
    v = records[0].get("versions", {})
    loads = [x for r in records for x in r.get("load_avg", [])]
    lines = [f"### orgnet vs DuckDB and polars, {date}", "",
             f"orgnet commit(s): {', '.join(f'`{c}`' for c in commits)}; DuckDB {v.get('duckdb', '?')}, polars "
             f"{v.get('polars', '?')}, pandas {v.get('pandas', '?')}. Machine: {records[0].get('machine', '?')}; "
             f"load average during the runs {min(loads, default=0):.1f}–{max(loads, default=0):.1f}.", "",
             "Each side ran in fresh processes, interleaved, as many times as the last column says; each cell "
             "is its fastest run end to end (start to exit, CSV written), the peak its largest. Identical "
             "bytes: every run of pandas, DuckDB and polars wrote exactly orgnet's CSV of its round.", "",
             *table(records)]
    checks = targets(records)
    if checks:
        lines += ["", "Targets (issue #22):", "", "| target | measured | |", "|---|---|---|"]
        lines += [f"| {t} | {m} | {v} |" for t, m, v in checks]
    bad = [r for r in records if r.get("note")]
    if bad:
        lines += ["", "Notes:", ""] + [f"- {r['n']:,} {r['task']}: {r['note'].replace('|', '/')}" for r in bad]
    return "\n".join(lines) + "\n"


def update_peers_readme(readme: Path, results: Path, date: str) -> bool:
    """Rewrite the peers section of ``readme`` from ``results``; False (nothing written) without markers."""
    text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    if BEGIN not in text or END not in text:
        return False
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    records = json.loads(results.read_text(encoding="utf-8"))
    readme.write_text(head + BEGIN + "\n" + markdown(records, date) + END + tail, encoding="utf-8")
    return True


def newest(folder: Path = RESULTS) -> Path:
    dated = sorted(p for p in folder.glob("peers-*.json") if re.fullmatch(r"peers-\d{4}-\d{2}-\d{2}\.json", p.name))
    if not dated:
        raise FileNotFoundError(f"no peers-<YYYY-MM-DD>.json in {folder}")
    return dated[-1]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else newest()
    if not update_peers_readme(README, path, path.stem.removeprefix("peers-")):
        print(f"{README} has no {BEGIN} … {END} markers; nothing written")
        return 1
    print(f"wrote the peers section of {README} from {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
