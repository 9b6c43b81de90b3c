"""The analysis registry: one ``Analysis`` record per question orgnet answers, read by everything else.

Each record names its module's contract (columns, types, order), its embedded implementation (over
``orgnet.engines.coded.Tables``), its shipped Cypher file, or, for the analyses built from facts, the
one function that computes it for every engine alike. The API (``Network.run``), the CLI, ``orgnet
query --list``, the docs and the parity tests all iterate ``ANALYSES``; an engine answers a name by
looking its record up here (``Engine.answer``).

Kinds of record:

- *engine analyses* (``gaps``, ``overlaps``, …): ``embedded`` and ``cypher``, one answer per engine,
  held equal by the parity tests;
- *facts* (``active_posts``, ``bodies``, …): plain tables, also ``embedded`` and ``cypher``;
- *derived analyses* (``diff``, ``key_people``, …): ``derived(engine, **args)`` computes them from
  the facts, once, for every engine.

Examples
--------
>>> ANALYSES["gaps"].cypher, ANALYSES["gaps"].tables
('queries/gaps.cypher', ('regions', 'organizations', 'bodies', 'posts'))
>>> [a.name for a in ANALYSES.values() if a.kind == "analysis"]
['gaps', 'overlaps', 'nameplates', 'plan', 'liaison_check', 'stats']
>>> CONTRACTS["gaps"].columns[:5]
('org_id', 'org_name', 'region_id', 'rule', 'detail')
"""

from __future__ import annotations

import pandas as pd

from ..results import Contract
from .record import Analysis


def _collect() -> dict[str, Analysis]:
    from . import change, composition, facts, gaps, liaison, nameplates, overlaps, plan, reach, risk, stats, venues

    records = [gaps.ANALYSIS, overlaps.ANALYSIS, nameplates.ANALYSIS, plan.ANALYSIS, liaison.ANALYSIS, stats.ANALYSIS,
               *facts.ANALYSES, *change.ANALYSES, *risk.ANALYSES, *composition.ANALYSES, *reach.ANALYSES,
               *venues.ANALYSES]
    out: dict[str, Analysis] = {}
    for record in records:
        if record.name in out:
            raise ValueError(f"analysis {record.name} registered twice")
        out[record.name] = record
    return out


#: Every analysis and fact, by name, in the order the docs and ``orgnet query --list`` show them.
ANALYSES: dict[str, Analysis] = _collect()

#: Each analysis's contract, by name.
CONTRACTS: dict[str, Contract] = {name: a.contract for name, a in ANALYSES.items()}

#: The tables each engine analysis reads (``tests/engines/test_tables_used.py`` holds every
#: analysis to the same answer as on the whole dataset).
TABLES_USED: dict[str, tuple[str, ...]] = {name: a.tables for name, a in ANALYSES.items() if a.kind == "analysis"}


def finish(name: str, rows) -> pd.DataFrame:
    """Rows → the DataFrame of the analysis called ``name`` (its contract's columns, types, order)."""
    return ANALYSES[name].finish(rows)
