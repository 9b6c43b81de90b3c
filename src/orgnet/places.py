"""Where a result's rows are: the region's name and its township, added to any result once, after
either engine answers (``Network.run``), so both engines give the same columns by construction.

A result with ``region_id`` gains ``region_name`` (when it has none), ``township_id`` and
``township_name``; a result with ``org_id`` and no ``region_id`` gains ``region_id`` (the
organization's) as well. The township of a region is the nearest region at or above it whose level
is in ``orgnet.schema.TOWNSHIP_LEVELS`` (township, street, park); empty where there is none (a county).
Results that already carry ``township_id`` (``gaps``, ``plan``) are left as their engine made them.

Examples
--------
>>> regions = pd.DataFrame({"region_id": ["C", "T", "V"], "region_name": ["县", "镇", "村"],
...                         "level": ["county", "township", "village"], "parent_id": ["", "C", "T"]})
>>> places = Places(regions, pd.Series({"O1": "V"}))
>>> places.add(pd.DataFrame({"org_id": ["O1", "O2"]})).values.tolist()
[['O1', 'V', '村', 'T', '镇'], ['O2', '', '', '', '']]
"""

from __future__ import annotations

import pandas as pd

from .schema import TOWNSHIP_LEVELS

#: The columns ``Places.add`` may add, in the order it adds them.
PLACE_COLUMNS = ("region_id", "region_name", "township_id", "township_name")


def result_columns(columns) -> tuple[str, ...]:
    """The columns a result has once ``Places.add`` has run: the contract's, then the place columns
    it adds (what ``Network`` methods, ``orgnet <command> -f csv`` and the docstrings give).

    >>> result_columns(("org_id", "n"))
    ('org_id', 'n', 'region_id', 'region_name', 'township_id', 'township_name')
    >>> result_columns(("person_id", "n"))
    ('person_id', 'n')
    """
    columns = tuple(columns)
    if "township_id" in columns or not ({"region_id", "org_id"} & set(columns)):
        return columns
    return columns + tuple(c for c in PLACE_COLUMNS if c not in columns)


class Places:
    """The region tree's names and townships, and each organization's region.

    Parameters
    ----------
    regions : the ``regions`` fact (``region_id, region_name, level, parent_id``).
    org_region : organization id → region id, or a function giving it, called the first time a
        result needs it (on Neo4j it is a query).
    """

    def __init__(self, regions: pd.DataFrame, org_region):
        ids = regions["region_id"].astype(object)
        self.name = pd.Series(regions["region_name"].astype(object).to_numpy(), index=ids)
        parent = pd.Series(regions["parent_id"].astype(object).to_numpy(), index=ids).replace("", None)
        is_town = pd.Series(regions["level"].isin(TOWNSHIP_LEVELS).to_numpy(), index=ids)
        town = pd.Series(ids.where(is_town.to_numpy(), None).to_numpy(), index=ids, dtype=object)
        up = parent.copy()
        for _ in range(len(ids)):  # one step up the tree per round; a tree is never deeper than its size
            open_ = town.isna() & up.notna()
            if not open_.any():
                break
            found = open_ & up.map(is_town).fillna(False).astype(bool)
            town[found] = up[found]
            up = up.map(parent)
        self.township = town
        self._org_region = org_region

    @property
    def org_region(self) -> pd.Series:
        """Organization id → region id."""
        if callable(self._org_region) or self._org_region.dtype != object:
            found = self._org_region() if callable(self._org_region) else self._org_region
            self._org_region = found.astype(object)
        return self._org_region

    def add(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` with the place columns it lacks (see the module docstring); others unchanged."""
        if "township_id" in frame.columns or not ({"region_id", "org_id"} & set(frame.columns)):
            return frame
        out = frame.copy()
        if "region_id" not in out.columns:
            out["region_id"] = _text(out["org_id"].astype(object).map(self.org_region))
        region = out["region_id"].astype(object)
        if "region_name" not in out.columns:
            out["region_name"] = _text(region.map(self.name))
        town = region.map(self.township)
        out["township_id"] = _text(town)
        out["township_name"] = _text(town.map(self.name))
        out.attrs = dict(frame.attrs)
        return out

    @classmethod
    def of(cls, engine, dataset=None) -> Places | None:
        """The places of a network: from the dataset's tables when loaded here, else the engine's
        ``regions`` and ``organizations`` facts (Neo4j). None when the regions were not read."""
        from datetime import date

        from .rules import Rules

        if dataset is not None:
            if "regions" in dataset.skipped:
                return None
            r = dataset["regions"]
            regions = pd.DataFrame({"region_id": r["id"], "region_name": r["name"], "level": r["level"],
                                    "parent_id": r["parent_id"].fillna("")})
            orgs = dataset.tables.get("organizations") if "organizations" not in dataset.skipped else None
            org_region = (pd.Series(orgs["region_id"].to_numpy(), index=orgs["id"].astype(object))
                          if orgs is not None else pd.Series(dtype=object))
            return cls(regions, org_region)
        def org_region() -> pd.Series:
            orgs = engine.answer("organizations", as_of=date.today(), rules=Rules())
            return pd.Series(orgs["region_id"].to_numpy(), index=orgs["org_id"].astype(object))

        return cls(engine.answer("regions"), org_region)


def _text(values: pd.Series) -> pd.Series:
    """Text with empty for missing, as every result's text columns."""
    from .results import as_text

    return as_text(values.astype(object).where(values.notna(), None))
