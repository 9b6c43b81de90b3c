"""The Python API: ``orgnet.load`` a dataset, then ask the ``Network`` for analyses.

Examples
--------
>>> import orgnet
>>> net = orgnet.load("tests/data/tiny")
>>> net.overlaps(as_of="2012-06-30").person_id.tolist()
['P1', 'P2', 'P3', 'P4', 'P6', 'P7']
>>> net.graph.number_of_nodes() > 0
True
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from .dataset import Dataset, as_timestamp
from .engines.base import Engine
from .errors import InputError
from .read import RawDataset, RawTable, read_dataset
from .rules import Rules
from .schema import SCHEMA
from .validate import validate


def load_dataset(source: str | Path | dict[str, pd.DataFrame]) -> Dataset:
    """Read and validate a folder, a workbook, or ``{table: DataFrame}``; raise with every problem."""
    if isinstance(source, dict):
        raw = RawDataset(Path("<dataframes>"))
        for name, frame in source.items():
            if SCHEMA.table_named(name) is None:
                raise InputError(f"unknown table {name!r}; expected one of {', '.join(SCHEMA.tables)}")
            text = frame.astype(object).where(frame.notna(), "").astype(str).reset_index(drop=True)
            raw.tables[SCHEMA.table_named(name).name] = RawTable(name, f"{name} (DataFrame)", text)
        return validate(raw)
    return validate(read_dataset(source))


class Network:
    """One dataset on one engine, with the analyses as methods returning DataFrames.

    Every method takes ``as_of`` (a date or ISO string; today when omitted) and ``rules``
    (a ``Rules``; the source's defaults when omitted).
    """

    def __init__(self, engine: Engine, dataset: Dataset | None = None):
        self.engine = engine
        self.dataset = dataset

    def __repr__(self) -> str:
        where = self.dataset.source if self.dataset is not None else "server"
        return f"<orgnet.Network {where!r} on {self.engine.name}>"

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The validated tables (networkx engine only)."""
        if self.dataset is None:
            raise InputError("this network was opened from a server; its tables are not loaded here")
        return self.dataset.tables

    @property
    def graph(self):
        """The networkx ``MultiDiGraph`` (networkx engine only)."""
        graph = getattr(self.engine, "graph", None)
        if graph is None:
            raise InputError(f"the {self.engine.name} engine has no in-process networkx graph")
        return graph

    def gaps(self, as_of: date | str | None = None, rules: Rules | None = None) -> pd.DataFrame:
        """Organizations (and region-level bodies) that break a coverage rule."""
        return self.engine.gaps(_day(as_of), rules or Rules())

    def overlaps(self, as_of=None, rules: Rules | None = None, min_posts: int | None = None) -> pd.DataFrame:
        """People holding at least ``min_posts`` active posts ("one person, many posts")."""
        rules = (rules or Rules()).with_overrides(min_posts=min_posts)
        return self.engine.overlaps(_day(as_of), rules)

    def nameplates(self, as_of=None, rules: Rules | None = None) -> pd.DataFrame:
        """Pairs of bodies run by (nearly) the same people ("one team, several nameplates")."""
        return self.engine.nameplates(_day(as_of), rules or Rules())

    def plan(self, as_of=None, rules: Rules | None = None) -> pd.DataFrame:
        """Where to build women's committees next, in the order the source recommends."""
        return self.engine.plan(_day(as_of), rules or Rules())

    def liaison_check(self, year: int | None = None, rules: Rules | None = None) -> pd.DataFrame:
        """Liaison links per federation executive and visits per link in ``year``."""
        return self.engine.liaison_check(year or date.today().year, rules or Rules())

    def stats(self, as_of=None, rules: Rules | None = None) -> pd.DataFrame:
        """The report figures per region (rolled up), each with numerator and denominator."""
        return self.engine.stats(_day(as_of), rules or Rules())


def _day(as_of) -> date:
    try:
        return as_timestamp(as_of).date()
    except (ValueError, TypeError) as exc:
        raise InputError(f"as_of {as_of!r}: expected a date YYYY-MM-DD") from exc


def load(source: str | Path | dict[str, pd.DataFrame]) -> Network:
    """Load a dataset into the embedded networkx engine."""
    from .engines.networkx import NetworkxEngine

    dataset = load_dataset(source)
    return Network(NetworkxEngine(dataset), dataset)
