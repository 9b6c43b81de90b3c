"""The validated tables, coded for whole-column work: ids as integer positions, text as Arrow arrays.

Every embedded analysis (``orgnet.analyses``) runs over one ``Tables``: ids are turned into integer
positions once (``position``: pyarrow's ``index_in``, a hash join in C), and an analysis is then a
few numpy masks, ``np.bincount`` per host organization or region, and grouped pandas joins. What
is active on a day (``on``) is worked out once per day, with ``orgnet.active``.

Examples
--------
>>> from orgnet.api import load_dataset
>>> t = Tables(load_dataset("tests/data/tiny"))
>>> int(t.on("2012-06-30").active.sum()) > 0
True
>>> t.ids("regions")[int(t.township_of[t.refs("organizations", "region_id", "regions")[0]])].as_py()
'R5'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..active import active
from ..dataset import Dataset
from ..rules import Rules
from ..schema import TOWNSHIP_LEVELS


def position(ids: pa.Array, values: pa.Array) -> np.ndarray:
    """The position of each value among ``ids``; -1 where the value is empty or unknown.

    >>> position(pa.array(["O1", "O2"]), pa.array(["O2", None, "O1"])).tolist()
    [1, -1, 0]
    """
    found = pc.index_in(values, value_set=ids)
    return found.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def _arrow(series: pd.Series) -> pa.Array:
    array = getattr(series.array, "_pa_array", None)
    if array is None:
        array = pa.array(series.to_numpy(dtype=object, na_value=None), type=pa.large_string())
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def text_of(values: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """Numbers or Python strings as pandas' ``str`` array (so ``+`` joins them in Arrow).

    >>> list("n=" + text_of(np.array([3, 12])))
    ['n=3', 'n=12']
    """
    return pd.array(pa.array(values).cast(pa.large_string()), dtype="str")


def count_per(where: np.ndarray, n: int) -> np.ndarray:
    """How many of ``where`` (positions, -1 ignored) fall on each of ``n`` positions."""
    return np.bincount(where[where >= 0], minlength=n)


def joined(values: pd.Series, by) -> pd.Series:
    """``";".join`` of each group's values in row order (a string sum: C speed, unlike ``agg``)."""
    return (values + ";").groupby(by, sort=True).sum().str[:-1]


def best_grade(host: np.ndarray, grade: np.ndarray, n: int, order: tuple[str, ...]) -> np.ndarray:
    """Per organization, the best party grade of the given bodies (``order``'s rank, then name); "none".

    >>> best_grade(np.array([0, 0, 1]), np.array(["good", "advanced", "weak"], dtype=object), 3,
    ...            ("advanced", "good", "weak")).tolist()
    ['advanced', 'weak', 'none']
    """
    out = np.full(n, "none", dtype=object)
    if len(host):
        rank = pd.Series(grade).map({g: i for i, g in enumerate(order)}).fillna(len(order)).to_numpy()
        ranked = pd.DataFrame({"host": host, "rank": rank, "grade": grade}).sort_values(["host", "rank", "grade"])
        first = ranked.drop_duplicates("host")
        out[first["host"].to_numpy()] = first["grade"].to_numpy()
    return out


@dataclass
class Day:
    """Which bodies are active and which posts are held on one day."""

    day: date
    active: np.ndarray  # per body
    held: np.ndarray  # per post: current, in an active body


class Tables:
    """One ``Dataset``'s tables, coded (see the module docstring); columns and positions made once."""

    def __init__(self, dataset: Dataset):
        self.dataset = dataset
        self._days: dict[date, Day] = {}
        self._cache: dict[tuple, object] = {}  # columns, Arrow arrays, positions, remembered answers

    # -- coding: ids → positions, text → arrays, computed once ----------------------------------
    def column(self, table: str, name: str) -> np.ndarray:
        """One column as a numpy array (text: objects with ``None``; dates: ``datetime64[s]``), made once."""
        def make():
            series = self.dataset[table][name]
            if pd.api.types.is_datetime64_any_dtype(series):
                return series.to_numpy("datetime64[s]")
            if series.dtype == bool:
                return series.to_numpy()
            return series.to_numpy(dtype=object, na_value=None)

        return self._cached(("column", table, name), make)

    def arrow(self, table: str, name: str) -> pa.Array:
        """A text column as one Arrow array (no copy: validated text is held in Arrow)."""
        return self._cached(("arrow", table, name), lambda: _arrow(self.dataset[table][name]))

    def is_in(self, table: str, name: str, *values: str) -> np.ndarray:
        """Rows whose text in ``name`` is one of ``values``."""
        hit = pc.is_in(self.arrow(table, name), value_set=pa.array(values, type=self.arrow(table, name).type))
        return np.asarray(hit.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)

    def refs(self, table: str, name: str, target: str) -> np.ndarray:
        """Positions in ``target`` of the ids ``table.name`` refers to (-1: empty), as validation found them."""
        known = self.dataset.positions.get((table, name))
        if known is not None:
            return known
        return self._cached(("refs", table, name), lambda: position(self.ids(target), self.arrow(table, name)))

    def ids(self, table: str) -> pa.Array:
        return self._cached(("ids", table), lambda: self.arrow(table, "id"))

    def _cached(self, key, compute):
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    @cached_property
    def body_host(self) -> np.ndarray:
        """Per body, its host organization's position; -1 for a region-level body."""
        return self.refs("bodies", "org_id", "organizations")

    @cached_property
    def body_region(self) -> np.ndarray:
        return self.refs("bodies", "region_id", "regions")

    @cached_property
    def org_region(self) -> np.ndarray:
        return self.refs("organizations", "region_id", "regions")

    @cached_property
    def post_body(self) -> np.ndarray:
        return self.refs("posts", "body_id", "bodies")

    @cached_property
    def post_person(self) -> np.ndarray:
        return self.refs("posts", "person_id", "people")

    @cached_property
    def post_person_key(self) -> np.ndarray:
        """Per post, a number standing for its person: equal exactly when the person ids are.

        Positions in ``people`` when that table was read; else codes of the ids themselves, so an
        analysis that only asks "the same person?" (``nameplates``) needs no people table."""
        if "people" not in self.dataset.skipped:
            return self.post_person
        codes = pc.dictionary_encode(self.arrow("posts", "person_id")).indices
        return codes.to_numpy(zero_copy_only=False).astype(np.int64)

    @cached_property
    def id_rank(self) -> np.ndarray:
        """Per body, the rank of its id in sorted order (``a < b`` between ranks is ``a < b`` between ids)."""
        order = pc.sort_indices(self.arrow("bodies", "id")).to_numpy()  # ids are unique: no ties
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        return rank

    def on(self, as_of) -> Day:
        """The active bodies and held posts of one day (cached per day)."""
        day = pd.Timestamp(as_of).date()
        if day not in self._days:
            bodies = active(self.column("bodies", "founded"), self.column("bodies", "dissolved"), day)
            posts = active(self.column("posts", "start"), self.column("posts", "end"), day)
            self._days[day] = Day(day, bodies, posts & bodies[self.post_body])
        return self._days[day]

    def _women_hosted(self, d: Day, rules: Rules) -> tuple[np.ndarray, np.ndarray]:
        """Per organization: how many active women's bodies it hosts, and of them committee types."""
        n = len(self.dataset["organizations"])
        women = d.active & self.is_in("bodies", "system", "women") & (self.body_host >= 0)
        committee = women & self.is_in("bodies", "type", *rules.committee_types)
        return count_per(self.body_host[women], n), count_per(self.body_host[committee], n)

    def _party_grade(self, d: Day, rules: Rules) -> np.ndarray:
        party = d.active & self.is_in("bodies", "system", "party") & (self.body_host >= 0)
        return best_grade(self.body_host[party], self.column("bodies", "grade")[party],
                          len(self.dataset["organizations"]), rules.grade_order)

    def _committee_required(self, d: Day, rules: Rules) -> tuple[np.ndarray, np.ndarray]:
        """Per organization: rule 1 (committee required) and rule 2 (liaison required) broken."""
        women, committees = self._women_hosted(d, rules)
        two_new = self.column("organizations", "two_new")
        female = self.dataset["organizations"]["female_staff"].to_numpy(dtype=np.int64)
        big = two_new & (female >= rules.committee_min_female)
        return big & (committees == 0), ~big & two_new & (female >= rules.liaison_min_female) & (women == 0)


    def text(self, table: str, name: str) -> pd.api.extensions.ExtensionArray:
        """A text column as pandas' Arrow-held ``str`` array: taking rows from it makes no Python strings."""
        return self.dataset[table][name].array

    def remember(self, key, compute):
        """An answer worked out once per key (views and reports ask for the same day again)."""
        return self._cached(("answer",) + key, compute)

    @cached_property
    def township_of(self) -> np.ndarray:
        """Per region, the position of the nearest region at or above it whose level is in
        ``TOWNSHIP_LEVELS`` (township, street, park); -1 where there is none."""
        parent = self.refs("regions", "parent_id", "regions")
        level = self.is_in("regions", "level", *TOWNSHIP_LEVELS)
        out = np.where(level, np.arange(len(parent)), -1)
        up = parent.copy()
        while ((out < 0) & (up >= 0)).any():
            found = (out < 0) & (up >= 0) & level[np.maximum(up, 0)]
            out[found] = up[found]
            up = np.where(up >= 0, parent[np.maximum(up, 0)], -1)
        return out

    def places(self, region: np.ndarray) -> dict[str, pd.api.extensions.ExtensionArray]:
        """``region_name``, ``township_id`` and ``township_name`` of region positions (-1: empty)."""
        town = np.where(region >= 0, self.township_of[np.maximum(region, 0)], -1)
        names, ids = self.text("regions", "name"), self.text("regions", "id")
        return {"region_name": names.take(region, allow_fill=True), "township_id": ids.take(town, allow_fill=True),
                "township_name": names.take(town, allow_fill=True)}

    # -- what the analyses share ------------------------------------------------------------------
    def women_hosted(self, d: Day, rules: Rules) -> tuple[np.ndarray, np.ndarray]:
        """Per organization: how many active women's bodies it hosts, and of them committee types."""
        n = len(self.dataset["organizations"])
        women = d.active & self.is_in("bodies", "system", "women") & (self.body_host >= 0)
        committee = women & self.is_in("bodies", "type", *rules.committee_types)
        return count_per(self.body_host[women], n), count_per(self.body_host[committee], n)

    def party_grade(self, d: Day, rules: Rules) -> np.ndarray:
        """Per organization, the best grade of its active party bodies (``rules.grade_order``); "none"."""
        party = d.active & self.is_in("bodies", "system", "party") & (self.body_host >= 0)
        return best_grade(self.body_host[party], self.column("bodies", "grade")[party],
                          len(self.dataset["organizations"]), rules.grade_order)

    def committee_required(self, d: Day, rules: Rules) -> tuple[np.ndarray, np.ndarray]:
        """Per organization: rule 1's two cases broken (a committee required, a liaison officer required)."""
        women, committees = self.women_hosted(d, rules)
        two_new = self.column("organizations", "two_new")
        female = self.dataset["organizations"]["female_staff"].to_numpy(dtype=np.int64)
        big = two_new & (female >= rules.committee_min_female)
        return big & (committees == 0), ~big & two_new & (female >= rules.liaison_min_female) & (women == 0)

    def org_kind(self, host: np.ndarray) -> np.ndarray:
        """The kind of each host organization position (None for -1)."""
        return np.where(host >= 0, self.column("organizations", "kind")[np.maximum(host, 0)], None)


def ratio_rounded(numerator: np.ndarray, denominator: np.ndarray, digits: int) -> np.ndarray:
    """``round(n / d, digits)`` exactly as Python rounds (numpy's ``round`` can differ on ties),
    computed once per distinct (n, d) pair, of which there are few.

    >>> ratio_rounded(np.array([1, 2, 1]), np.array([3, 3, 3]), 4).tolist()
    [0.3333, 0.6667, 0.3333]
    """
    if not len(numerator):
        return np.zeros(0, dtype=float)
    width = int(denominator.max()) + 1
    distinct, inverse = np.unique(numerator.astype(np.int64) * width + denominator, return_inverse=True)
    values = np.array([round((k // width) / (k % width), digits) for k in distinct.tolist()], dtype=float)
    return values[inverse.reshape(-1)]

