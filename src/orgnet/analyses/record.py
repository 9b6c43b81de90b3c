"""The ``Analysis`` record: one question, its contract, and how each engine answers it.

The records themselves are collected in ``orgnet.analyses.registry``; each analysis module holds its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from ..results import Contract


@dataclass(frozen=True)
class Analysis:
    """One question and how every engine answers it.

    Attributes
    ----------
    name : the name results, the API and ``orgnet query`` use (the CLI spells ``_`` as ``-``).
    contract : the returned columns, types and row order.
    summary : one line saying what it answers.
    kind : ``analysis`` (an engine answers it), ``fact`` (a plain table an engine serves) or ``derived``.
    embedded : ``(tables, **args) -> rows`` on the embedded engine; None for derived analyses.
    cypher : the shipped Cypher file (``queries/gaps.cypher``); None for derived analyses.
    from_cypher : the Python end of the Cypher answer, ``(rows, **args) -> rows``, when the query leaves one.
    derived : ``(engine, **args) -> DataFrame``, from the engine's facts; None for the others.
    tables : the tables it reads (``orgnet gaps FOLDER`` reads these files and no other).
    args : the arguments it takes, by name (``as_of``, ``rules``, ``year``, ``start``, ``end`` …).
    remember : whether the embedded engine keeps the answer per arguments (views and reports ask again).
    """

    name: str
    contract: Contract
    summary: str
    kind: str = "analysis"
    embedded: Callable | None = None
    cypher: str | None = None
    from_cypher: Callable | None = None
    derived: Callable | None = None
    tables: tuple[str, ...] = ()
    args: tuple[str, ...] = ("as_of", "rules")
    remember: bool = False

    def __post_init__(self) -> None:
        if self.kind not in ("analysis", "fact", "derived"):
            raise ValueError(f"analysis {self.name}: kind {self.kind!r}")
        if self.kind == "derived" and self.derived is None:
            raise ValueError(f"analysis {self.name}: a derived analysis needs derived")
        if self.kind != "derived" and (self.embedded is None or self.cypher is None):
            raise ValueError(f"analysis {self.name}: an engine answer needs embedded and cypher")

    def finish(self, rows) -> pd.DataFrame:
        """Rows → the contract's DataFrame."""
        return self.contract.finish(rows)
