"""The benchmark's records: which tasks there are, their order, and how a record's figures are written.

A record is one dict per size ``n`` and task, as ``bench.run`` saves them in
``bench/results/<date>.json``. Standard library only (the harness parent stays small, see
``bench.measure``).
"""

from __future__ import annotations

API_TASKS = ("load", "graph", "gaps", "overlaps", "projection", "stats")
#: e2e task → (orgnet CLI arguments, baseline module)
E2E = {
    "gaps_e2e": (["gaps"], "gaps"),
    "overlaps_e2e": (["overlaps"], "overlaps"),
    "projection_e2e": (["nameplates"], "projection"),
    "stats_e2e": (["stats", "--all-regions"], "stats"),
}
TASKS = API_TASKS + tuple(E2E)
NEO4J_QUERIES = ("gaps", "overlaps", "nameplates", "plan", "liaison_check", "stats")


def order(record: dict) -> tuple:
    """Sort key: by size, then the tasks in ``TASKS`` order, then ``neo4j_load``, then the queries.

    >>> [r["task"] for r in sorted([{"n": 1, "task": "neo4j_gaps"}, {"n": 1, "task": "neo4j_load"},
    ...                              {"n": 1, "task": "gaps"}], key=order)]
    ['gaps', 'neo4j_load', 'neo4j_gaps']
    """
    task = record["task"]
    rank = TASKS.index(task) if task in TASKS else len(TASKS) + (0 if task == "neo4j_load" else 1)
    return (record["n"], rank, task)


def fmt_s(x) -> str:
    """Seconds as the tables show them.

    >>> fmt_s(0.8321), fmt_s(14.428), fmt_s(1038.6), fmt_s(None)
    ('0.832', '14.43', '1039', '—')
    """
    if x is None:
        return "—"
    return f"{x:.3f}" if x < 1 else f"{x:.2f}" if x < 100 else f"{x:.0f}"


def fmt_mb(x) -> str:
    return "—" if x is None else f"{x:,.0f}"


def status_cell(rec: dict, side: str) -> str:
    """A side's seconds, or why there are none (``timeout``, ``memory``, ``error``)."""
    value = rec.get(f"{side}_s")
    status = rec.get(f"{side}_status", "ok")
    if value is None and status not in (None, "ok"):
        return status
    return fmt_s(value)


def identical_cell(rec: dict) -> str:
    if rec.get("identical") is None:
        return "—"
    return "yes" if rec["identical"] else "NO ✗"
