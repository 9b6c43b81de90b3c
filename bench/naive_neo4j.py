"""The naive Neo4j loader orgnet's batched loader is measured against: one statement per row, one
transaction per row (auto-commit ``session.run``), values as parameters.

Same Cypher semantics as ``orgnet.engines.neo4j.load_dataset``: the statements are orgnet's own
``cypher/load/*.cypher`` files with ``UNWIND $rows AS row`` replaced by ``WITH $row AS row`` (and
``UNWIND $ids AS id`` by ``WITH $id AS id``), run over the same rows (``load_plan``) in the same
order, against the same constraints and indexes (``schema.cypher``). So each row is one
``MERGE``-per-row statement, which is what a first-cut loader does; only batching differs.

``fraction`` < 1 loads the first ``ceil(fraction × rows)`` rows of every statement (a proportional
prefix: the generated files list rows in id order, so the relationships of the prefix mostly find
their nodes), for timing a sample and extrapolating rows per second.
"""

from __future__ import annotations

import math
import time

from orgnet import cypher
from orgnet.engines.neo4j import Step

_BATCH = ("UNWIND $rows AS row", "UNWIND $ids AS id")
_ONE = ("WITH $row AS row", "WITH $id AS id")


def per_row(text: str) -> str:
    """A load file's statement for one row instead of a batch."""
    for batch, one in zip(_BATCH, _ONE):
        if batch in text:
            return text.replace(batch, one, 1)
    raise ValueError("not a batched load statement (no UNWIND $rows / $ids)")


def load_naive(driver, steps: list[Step], fraction: float = 1.0, database: str | None = None) -> tuple[int, float]:
    """Load (a prefix of) every step row by row; return (rows written, seconds)."""
    done = 0
    t0 = time.perf_counter()
    with driver.session(database=database) as session:
        for step in steps:
            text = per_row(cypher.read(step.file))
            rows = step.rows if fraction >= 1 else step.rows[:math.ceil(len(step.rows) * fraction)]
            for row in rows:
                params = {"id": row["id"]} if step.param == "ids" else {"row": row}
                session.run(text, params).consume()
            done += len(rows)
    return done, time.perf_counter() - t0
