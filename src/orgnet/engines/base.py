"""The engine protocol: every engine answers the same analyses with the same result contracts.

An engine is anything with these methods; ``ENGINES`` maps a backend name to a factory. The result
DataFrames follow ``orgnet.results.CONTRACTS`` (columns and row order), so engines can be compared
with ``pandas.testing.assert_frame_equal``.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol, runtime_checkable

import pandas as pd

from ..rules import Rules

#: The analyses every engine implements, by the name the CLI and the result contracts use.
ANALYSES = ("gaps", "overlaps", "nameplates", "plan", "liaison_check", "stats")

#: The tables each analysis reads: ``orgnet gaps`` reads these three files of a folder and no other
#: (``tests/engines/test_tables_used.py`` holds every analysis to the same answer as on the whole
#: dataset). The commands beyond these six, and the views and the report, read every table.
TABLES_USED: dict[str, tuple[str, ...]] = {
    "gaps": ("organizations", "bodies", "posts"),
    "overlaps": ("bodies", "posts", "people"),
    "nameplates": ("organizations", "bodies", "posts"),
    "plan": ("organizations", "bodies", "posts", "people"),
    "liaison_check": ("regions", "bodies", "posts", "people", "liaisons", "visits"),
    "stats": ("regions", "organizations", "bodies", "posts", "people", "demo_points"),
}


@runtime_checkable
class Engine(Protocol):
    """What the CLI, the API and the views need from a graph store."""

    name: str

    def gaps(self, as_of: date, rules: Rules) -> pd.DataFrame: ...

    def overlaps(self, as_of: date, rules: Rules) -> pd.DataFrame: ...

    def nameplates(self, as_of: date, rules: Rules) -> pd.DataFrame: ...

    def plan(self, as_of: date, rules: Rules) -> pd.DataFrame: ...

    def liaison_check(self, year: int, rules: Rules) -> pd.DataFrame: ...

    def stats(self, as_of: date, rules: Rules) -> pd.DataFrame: ...
