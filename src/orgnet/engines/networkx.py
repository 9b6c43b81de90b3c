"""The embedded engine: the registered analyses over the coded tables, and a networkx graph on demand.

The analyses run on the tables (``orgnet.engines.coded``: integer-coded joins, seconds at a million
organizations), each by the ``embedded`` function its registry record names; the networkx graph
(``orgnet.graph``) is built only when ``graph`` is read, by ``Network.graph``, an export, or a caller
of its own. The graph-walk reference that checks these answers lives in ``tests/oracle.py`` and
shares no code with them.

Examples
--------
>>> from orgnet.api import load_dataset
>>> from orgnet.rules import Rules
>>> engine = NetworkxEngine(load_dataset("tests/data/tiny"))
>>> engine.answer("gaps", as_of="2012-06-30", rules=Rules()).rule.value_counts().sort_index().to_dict()
{'committee_required': 4, 'liaison_required': 1, 'party_without_women': 3, 'vacant_head': 2}
>>> engine._graph is None, engine.graph.number_of_nodes() > 0
(True, True)
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from ..analyses.registry import ANALYSES
from ..dataset import Dataset
from ..errors import InputError
from .coded import Tables
from .subgraph import subgraph

if TYPE_CHECKING:  # networkx is imported when the graph is first built (it takes 0.4 s)
    import networkx as nx


class NetworkxEngine:
    """The embedded engine: one dataset's coded tables, and its networkx graph when first asked for."""

    name = "networkx"

    def __init__(self, dataset: Dataset, graph: nx.MultiDiGraph | None = None):
        self.dataset = dataset
        self.tables = Tables(dataset)
        self._graph = graph

    def __repr__(self) -> str:
        return f"<NetworkxEngine {self.dataset.source!r}>"

    def answer(self, analysis: str, **args) -> pd.DataFrame:
        """The registered analysis or fact ``analysis`` (see ``orgnet.engines.base.Engine``)."""
        record = ANALYSES.get(analysis)
        if record is None or record.kind == "derived":
            raise InputError(f"{analysis!r} is not an engine analysis; expected one of "
                             + ", ".join(n for n, a in ANALYSES.items() if a.kind != "derived"))
        args = {k: _day(v) if k in ("as_of", "start", "end") else v for k, v in args.items()}
        if not record.remember:
            return record.embedded(self.tables, **args)
        key = (analysis, *sorted(args.items()))
        return self.tables.remember(key, lambda: record.embedded(self.tables, **args)).copy()

    def subgraph(self, as_of: date, people: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
        """One day's nodes and edges from the tables (``orgnet.engines.subgraph``)."""
        return subgraph(self.tables, as_of, people)

    def close(self) -> None:
        """Nothing to release."""

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The whole dataset as a ``MultiDiGraph`` (``orgnet.graph.build_graph``), built once, when first read."""
        if self._graph is None:
            from ..graph import build_graph

            self._graph = build_graph(self.dataset)
        return self._graph


def _day(value) -> date:
    return pd.Timestamp(value).date()
