"""Every question orgnet answers, one module each, collected in the registry (``ANALYSES``).

- engine analyses, answered by each engine (embedded: over ``orgnet.engines.coded.Tables``; Neo4j:
  the shipped Cypher file): ``gaps``, ``overlaps``, ``nameplates``, ``plan``, ``liaison_check``, ``stats``;
- facts, plain tables each engine serves (``facts``);
- derived analyses, written once over the facts so every engine gives the same answers by
  construction: ``diff`` (change), ``impact``, ``key_people``, ``bridges`` (risk), ``composition``,
  ``demo_reach``, ``coverage`` (reach), ``venues``.

``run(engine, name, **args)`` answers any of them on any engine.

Examples
--------
>>> import orgnet
>>> run(orgnet.load("tests/data/tiny").engine, "venues", as_of="2012-06-30").venue_id.tolist()
['V1', 'V2']
"""

from __future__ import annotations

import pandas as pd

from .registry import ANALYSES, CONTRACTS, TABLES_USED, finish


def run(engine, name: str, **args) -> pd.DataFrame:
    """The analysis ``name`` on ``engine``: the engine's own answer, or the derived one from its facts."""
    analysis = ANALYSES[name]
    if analysis.kind == "derived":
        return analysis.derived(engine, **args)
    return engine.answer(name, **args)


__all__ = ["ANALYSES", "CONTRACTS", "TABLES_USED", "finish", "run"]
