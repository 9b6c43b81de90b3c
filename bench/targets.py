"""Issue #8's targets, judged from benchmark records: (target, measured, verdict) rows.

The Neo4j targets are judged on a server in service, as a database benchmark does (bench/README,
"How the Neo4j targets are read"); the same figures on a JVM started seconds before the load are
reported beside them, marked cold. Standard library only.
"""

from __future__ import annotations

from .records import fmt_s

#: The start of a line that reports a brand-new JVM's figure (reached or missed, not judged).
COLD = "cold, a brand-new JVM's "

Row = tuple[str, str, str]


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def cold(ok: bool) -> str:
    """A JVM started seconds before: reported beside the target, not judged by it."""
    return "cold: reached" if ok else "cold: missed"


def failed(r: dict) -> str | None:
    """Why orgnet's side gave no figure, or None when it did."""
    status = r.get("orgnet_status")
    if status == "memory":
        return f"killed at {r['peak_mb']:,.0f} MB RSS (--max-rss-gb) before finishing"
    if status not in (None, "ok"):
        return f"orgnet {status}"
    return None


def embedded_targets(by: dict) -> list[Row]:
    """The networkx engine's targets at 1M organizations."""
    out = []
    r = by.get((1_000_000, "gaps_e2e"))
    if r:
        if failed(r):
            out.append(("gaps_e2e at 1M within 2× of baseline", failed(r), "NOT met"))
        elif r.get("ratio") is not None:
            out.append(("gaps_e2e at 1M within 2× of baseline", f"{r['ratio']:.2f}×", verdict(r["ratio"] <= 2)))
        if r.get("peak_mb") is not None:
            out.append(("gaps_e2e at 1M peak < 6 GiB", f"{'over ' if failed(r) else ''}{r['peak_mb']:,.0f} MB",
                        verdict(r["peak_mb"] < 6144)))
    for task in ("overlaps", "projection"):
        r = by.get((1_000_000, task))
        if r and failed(r):
            out.append((f"{task} at 1M within 2× of baseline", failed(r), "NOT met"))
        elif r and r.get("ratio") is not None:
            out.append((f"{task} at 1M within 2× of baseline", f"{r['ratio']:.2f}×", verdict(r["ratio"] <= 2)))
    r = by.get((1_000_000, "load"))
    if r and r.get("orgnet_s") is not None:
        out.append(("networkx load at 1M < 30 s (read + validate; the analyses need no graph)",
                    f"{r['orgnet_s']:.1f} s", verdict(r["orgnet_s"] < 30)))
    r = by.get((1_000_000, "graph"))
    if r and failed(r):
        out.append(("networkx graph at 1M, built on first use (no target)", failed(r), "—"))
    elif r and r.get("orgnet_s") is not None:
        base = f" (plain networkx build {r['baseline_s']:.1f} s)" if r.get("baseline_s") else ""
        out.append(("networkx graph at 1M, built on first use (no target)", f"{r['orgnet_s']:.1f} s{base}, "
                    f"peak {r['peak_mb']:,.0f} MB", "—"))
    return out


def neo4j_load_targets(by: dict) -> list[Row]:
    """The batched loader's targets at 100k organizations."""
    r = by.get((100_000, "neo4j_load"))
    if not r or r.get("orgnet_s") is None:
        return []
    out = []
    if r.get("speedup_vs_naive"):
        out.append(("Neo4j batched ≥ 20× naive at 100k", f"{r['speedup_vs_naive']:.0f}×",
                    verdict(r["speedup_vs_naive"] >= 20)))
    if r.get("running_rows_per_s"):
        out.append(("Neo4j batched ≥ 20,000 rows/s at 100k: a load on the running server",
                    f"{r['running_rows_per_s']:,.0f} table rows/s", verdict(r["running_rows_per_s"] >= 20000)))
    out.append((f"Neo4j batched ≥ 20,000 rows/s at 100k: {COLD}first load", f"{r['rows_per_s']:,.0f} table rows/s "
                f"({r['statement_rows_per_s']:,.0f} statement rows/s)", cold(r["rows_per_s"] >= 20000)))
    if r.get("update_rows_per_s"):
        out.append(("Neo4j update path at 100k: the same files loaded again on top (no target)",
                    f"{r['update_rows_per_s']:,.0f} table rows/s, counts "
                    + ("unchanged" if r.get("update_same_counts") else "CHANGED"), "—"))
    return out


def query_targets(by: dict) -> list[Row]:
    """Each shipped query under 5 s at 100k: on the running server, planned anew and cached; and cold."""
    out = []
    for key, when in (("running_first_s", "first run after a load on the running server (planned anew)"),
                      ("second_s", "second run (plan cached)"),
                      ("orgnet_s", f"{COLD}first run after the first load")):
        slow = [(r["task"], r.get(key)) for (n, t), r in by.items() if n == 100_000 and t.startswith("neo4j_")
                and t != "neo4j_load"]
        if slow and any(s is not None for _, s in slow):
            worst = max(slow, key=lambda x: x[1] if x[1] is not None else float("inf"))
            ok = all(s is not None and s < 5 for _, s in slow)
            out.append((f"each shipped query < 5 s at 100k: {when}", f"slowest {worst[0]} {fmt_s(worst[1])} s",
                        cold(ok) if key == "orgnet_s" else verdict(ok)))
    return out


def targets(records: list[dict]) -> list[Row]:
    """(target, measured, verdict) for the issue's targets that these records measure."""
    by = {(r["n"], r["task"]): r for r in records}
    return embedded_targets(by) + neo4j_load_targets(by) + query_targets(by)
