"""The engine protocol: every engine answers the registered analyses and facts with the same contracts.

An engine answers a name from ``orgnet.analyses.ANALYSES`` (an engine analysis or a fact: the
derived analyses are computed from its facts by ``orgnet.analyses.run``), draws one day's subgraph
for the views, and releases what it holds. Results follow the analysis's contract (columns, types,
row order), so engines can be compared with ``pandas.testing.assert_frame_equal``.

Engines: ``NetworkxEngine`` (embedded, over the coded tables, with a networkx graph on demand) and
``Neo4jEngine`` (the shipped Cypher files on a server). Each is its own class; they share no base
class, only this protocol and the registry.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol, runtime_checkable

import pandas as pd


@runtime_checkable
class Engine(Protocol):
    """What the API, the CLI and the views need from a graph store."""

    name: str

    def answer(self, analysis: str, **args) -> pd.DataFrame:
        """The analysis or fact called ``analysis`` (a key of ``orgnet.analyses.ANALYSES``), with its
        arguments by name (``as_of``, ``rules``, ``year``, ``start``, ``end``)."""
        ...

    def subgraph(self, as_of: date, people: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
        """One day's (nodes, edges) for the views (columns: ``orgnet.viz.data``)."""
        ...

    def close(self) -> None:
        """Release what the engine holds (a driver); nothing for the embedded engine."""
        ...
