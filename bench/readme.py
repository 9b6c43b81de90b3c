"""The results section of ``bench/README.md``, written from one day's records (``bench.run`` calls it).

The section lies between the markers ``BEGIN`` and ``END``; everything outside them is left as it
is. It holds, for the records of ``bench/results/<date>.json``: the embedded engine against the
pandas baseline (one row per task, one column per size), the Neo4j loads and queries, any failure
or mismatch, and the verdicts of issue #8's targets (``bench.targets``). Standard library only.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from .records import NEO4J_QUERIES, TASKS, fmt_mb, fmt_s, status_cell
from .targets import targets

BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"
README = Path(__file__).resolve().parent / "README.md"
RESULTS = README.parent / "results"


def commits_cell(records: list[dict]) -> str:
    """The commit most of ``records`` were measured at, then the others with their tasks.

    >>> commits_cell([{"task": "load", "commit": "a1"}, {"task": "gaps", "commit": "a1"},
    ...               {"task": "graph", "commit": "b2"}])
    '`a1`; graph: `b2`'
    """
    counted = Counter(r.get("commit", "?") for r in records)
    if not counted:
        return "—"
    main = counted.most_common(1)[0][0]
    others = [f"{', '.join(r['task'] for r in records if r.get('commit', '?') == c)}: `{c}`"
              for c in counted if c != main]
    return "; ".join([f"`{main}`", *others])


def task_cell(r: dict | None) -> str:
    """orgnet / baseline seconds (ratio), peak MB orgnet / baseline, and whether they disagree."""
    if r is None:
        return "—"
    ratio = "" if r.get("ratio") is None else f" ({r['ratio']:.2f}×)"
    text = (f"{status_cell(r, 'orgnet')} / {status_cell(r, 'baseline')} s{ratio}, "
            f"{fmt_mb(r.get('peak_mb'))} / {fmt_mb(r.get('baseline_peak_mb'))} MB")
    if r.get("identical") is False:
        text += ", **NOT identical**"
    elif r.get("identical") is None:
        text += ", not compared"
    return text


def embedded_table(records: list[dict]) -> list[str]:
    """One row per task, one column per size; the commits in the last row."""
    rows = [r for r in records if r["task"] in TASKS]
    if not rows:
        return []
    sizes = sorted({r["n"] for r in rows})
    by = {(r["n"], r["task"]): r for r in rows}
    lines = ["| task | " + " | ".join(f"{n:,}" for n in sizes) + " |", "|---|" + "---|" * len(sizes)]
    for task in (t for t in TASKS if any((n, t) in by for n in sizes)):
        lines.append(f"| {task} | " + " | ".join(task_cell(by.get((n, task))) for n in sizes) + " |")
    lines.append("| commit | " + " | ".join(commits_cell([r for r in rows if r["n"] == n]) for n in sizes) + " |")
    return lines


def rate_cell(seconds, rows_per_s) -> str:
    if seconds is None:
        return "—"
    return f"{fmt_s(seconds)} s" + ("" if rows_per_s is None else f" = {rows_per_s:,.0f} rows/s")


def neo4j_load_table(records: list[dict]) -> list[str]:
    """One row per size: the first load, the load on the running server, the update path, the naive loader."""
    rows = sorted((r for r in records if r["task"] == "neo4j_load"), key=lambda r: r["n"])
    if not rows:
        return []
    lines = ["| n | first load, new server | load on the running server | update path (loaded again on top) "
             "| naive loader (extrapolated) | batched ÷ naive | peak MB (worker / server) | commit |",
             "|---:|---|---|---|---|---:|---:|---|"]
    for r in rows:
        first = status_cell(r, "orgnet") if r.get("orgnet_s") is None else rate_cell(r["orgnet_s"], r.get("rows_per_s"))
        update = rate_cell(r.get("update_s"), r.get("update_rows_per_s"))
        if r.get("update_s") is not None:
            update += ", counts " + ("unchanged" if r.get("update_same_counts") else "CHANGED")
        naive = rate_cell(r.get("baseline_s"), r.get("baseline_rows_per_s"))
        if r.get("naive_sampled_rows"):
            naive += f" ({r['naive_sampled_rows']:,}-row sample)"
        speedup = "—" if r.get("speedup_vs_naive") is None else f"{r['speedup_vs_naive']:.0f}×"
        lines.append(f"| {r['n']:,} | {first} | {rate_cell(r.get('running_s'), r.get('running_rows_per_s'))} "
                     f"| {update} | {naive} | {speedup} | {fmt_mb(r.get('peak_mb'))} / {fmt_mb(r.get('server_peak_mb'))} "
                     f"| `{r.get('commit', '?')}` |")
    return lines


def identical_word(rows: list[dict]) -> str:
    """yes when every answer was the networkx engine's, **NO** when one was not, — when none was compared."""
    seen = [r.get("identical") for r in rows]
    if False in seen:
        return "**NO**"
    return "yes" if seen and all(seen) else "—"


def neo4j_query_table(records: list[dict]) -> list[str]:
    """One row per query; per size, first / second run on a new server and on the running server."""
    rows = [r for r in records if r["task"].startswith("neo4j_") and r["task"] != "neo4j_load"]
    if not rows:
        return []
    sizes = sorted({r["n"] for r in rows})
    by = {(r["n"], r["task"].removeprefix("neo4j_")): r for r in rows}
    names = sorted({name for _, name in by}, key=lambda q: (NEO4J_QUERIES + (q,)).index(q))
    head = "".join(f" {n:,}: new server | {n:,}: running server |" for n in sizes)
    lines = [f"| query |{head} networkx | identical |", "|---|" + "---|" * (2 * len(sizes)) + "---|:---:|"]
    for name in names:
        cells = []
        for n in sizes:
            r = by.get((n, name), {})
            first = status_cell(r, "orgnet") if r else "—"
            cells += [f"{first} / {fmt_s(r.get('second_s'))}",
                      f"{fmt_s(r.get('running_first_s'))} / {fmt_s(r.get('running_second_s'))}"]
        networkx = " / ".join(fmt_s(by.get((n, name), {}).get("networkx_s")) for n in sizes)
        same = identical_word([by[(n, name)] for n in sizes if (n, name) in by])
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {networkx} | {same} |")
    commits = [commits_cell([r for r in rows if r["n"] == n]) for n in sizes]
    lines.append("| commit | " + " | ".join(f"{c} | {c}" for c in commits) + " | | |")
    return lines


def problems(records: list[dict]) -> list[str]:
    """A line per record that failed or disagrees, with its note."""
    bad = [r for r in records if r.get("identical") is False
           or any(r.get(f"{side}_status") not in (None, "ok") for side in ("orgnet", "baseline"))]
    return [f"- {r['n']:,} {r['task']}: {(r.get('note') or '').replace('|', '/')}" for r in bad]


def markdown(records: list[dict], date: str) -> str:
    """The results section for one day's records."""
    commits = sorted({r.get("commit", "?") for r in records})
    lines = [f"### Results of {date}", "",
             f"orgnet commit(s): {', '.join(f'`{c}`' for c in commits)} (`+dirty`: uncommitted changes under `src/`). "
             f"Machine: {records[0].get('machine', '?')}.", ""]
    table = embedded_table(records)
    if table:
        lines += ["**orgnet vs the pandas baseline.** Each cell: orgnet / baseline seconds (ratio = orgnet / "
                  "baseline, lower is better for orgnet), then peak RSS in MB, orgnet / baseline. Every answer is "
                  "identical to the baseline's unless the cell says otherwise.", "", *table, ""]
    table = neo4j_load_table(records)
    if table:
        lines += ["**Neo4j loads** (orgnet's batched loader; rows/s = table rows, CSV rows of the dataset):", "",
                  *table, ""]
    table = neo4j_query_table(records)
    if table:
        lines += ["**Neo4j queries**, seconds, first / second run (networkx: the embedded engine's time, per "
                  "size; identical: the same DataFrame as the networkx engine's):", "", *table, ""]
    bad = problems(records)
    if bad:
        lines += ["**Failures and mismatches:**", "", *bad, ""]
    checks = targets(records)
    if checks:
        lines += ["Targets (issue #8):", "", "| target | measured | |", "|---|---|---|"]
        lines += [f"| {t} | {m} | {v} |" for t, m, v in checks]
    return "\n".join(lines).rstrip("\n") + "\n"


def update_readme(readme: Path, results: Path, date: str) -> bool:
    """Rewrite the section between the markers of ``readme`` from the records in ``results``.

    Returns False (and writes nothing) when ``readme`` has no markers.
    """
    if not readme.is_file():
        return False
    text = readme.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        return False
    records = json.loads(results.read_text(encoding="utf-8"))
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(head + BEGIN + "\n" + markdown(records, date) + END + tail, encoding="utf-8")
    return True


def newest_results(folder: Path = RESULTS) -> Path:
    """The newest day's records: ``<YYYY-MM-DD>.json`` (not the named runs beside them)."""
    dated = sorted(p for p in folder.glob("*.json") if re.fullmatch(r"\d{4}-\d{2}-\d{2}\.json", p.name))
    if not dated:
        raise FileNotFoundError(f"no <YYYY-MM-DD>.json in {folder}")
    return dated[-1]


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.readme [RESULTS.json]``: rewrite the results section without measuring."""
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else newest_results()
    if not update_readme(README, path, path.stem):
        print(f"{README} has no {BEGIN} … {END} markers; nothing written")
        return 1
    print(f"wrote the results section of {README} from {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
