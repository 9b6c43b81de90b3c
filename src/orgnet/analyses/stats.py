"""``stats``: the reports' figures (``orgnet.results.FIGURES``) for every region of a stats level, each
rolled up from the region and every region below it.

Counts are made per region with ``np.bincount`` and rolled up through one (region, ancestor) table;
the people figures (women's shares, federation cadres) count each person once per ancestor
(``drop_duplicates`` on (ancestor, person)). On Neo4j, ``stats.cypher``'s parts run side by side
and their rows are summed here (``from_cypher``).

Columns: ``region_id, region_name, level, figure, unit, numerator, denominator, value``.

Examples
--------
>>> from orgnet.api import load_dataset
>>> from orgnet.engines.coded import Tables
>>> stats = embedded(Tables(load_dataset("tests/data/tiny")), "2012-06-30", Rules())
>>> stats.set_index(["region_id", "figure"]).loc[("R0", "two_new_orgs"), "value"]
np.float64(7.0)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..active import active
from ..engines.coded import Day, Tables, count_per
from ..results import FIGURES, Contract, figure_value
from ..rules import Rules
from .record import Analysis


def ancestors(parent: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(region, ancestor) pairs for a parent array (-1: no parent), each region its own ancestor too.

    >>> below, above = ancestors(np.array([-1, 0, 1]))
    >>> sorted(zip(below.tolist(), above.tolist()))
    [(0, 0), (1, 0), (1, 1), (2, 0), (2, 1), (2, 2)]
    """
    region = np.arange(len(parent))
    below, above = [region], [region]
    up = parent
    while (up >= 0).any():
        has = up >= 0
        below.append(region[has])
        above.append(up[has])
        up = np.where(has, parent[np.maximum(up, 0)], -1)
    return np.concatenate(below), np.concatenate(above)


#: The 村（居）委会 types: with the party body, a village's or community's "two committees" (村、居干部).
TWO_COMMITTEE_TYPES = ("villagers_committee", "residents_committee")


class Rollup:
    """Sums per region over the region and every region below it."""

    def __init__(self, t: Tables, rules: Rules):
        self.n = len(t.dataset["regions"])
        self.below, self.above = ancestors(t.refs("regions", "parent_id", "regions"))
        self.shown = t.is_in("regions", "level", *rules.stats_levels)
        self.up = pd.DataFrame({"region": self.below, "ancestor": self.above})[self.shown[self.above]]

    def __call__(self, region: np.ndarray, weight=None) -> np.ndarray:
        here = np.bincount(region, weights=weight, minlength=self.n)
        return np.bincount(self.above, weights=here[self.below], minlength=self.n).astype(np.int64)

    def people(self, region: np.ndarray, person: np.ndarray) -> pd.DataFrame:
        """Distinct (ancestor, person) pairs of the people counted in ``region`` or below."""
        here = pd.DataFrame({"region": region, "person": person}).drop_duplicates()
        return here.merge(self.up, on="region")[["ancestor", "person"]].drop_duplicates()


def embedded(t: Tables, as_of, rules: Rules) -> pd.DataFrame:
    """Every figure for every region whose level is in ``rules.stats_levels``."""
    d, roll = t.on(as_of), Rollup(t, rules)
    fig: dict[str, tuple[np.ndarray, np.ndarray | None]] = {}  # figure → (numerator, denominator) per region
    fig["townships"] = (roll(np.flatnonzero(t.is_in("regions", "level", "township"))), None)
    fig["streets"] = (roll(np.flatnonzero(t.is_in("regions", "level", "street"))), None)
    fig.update(_two_new(t, d, rules, roll))
    fig.update(_women_bodies(t, d, roll))
    fig.update(_post_holders(t, d, rules, roll))
    since = t.column("demo_points", "since")
    site = t.refs("demo_points", "org_id", "organizations")
    named = active(since, None, d.day) & (site >= 0)
    fig["demo_points"] = (roll(t.org_region[site[named]]), None)
    return ANALYSIS.finish(_rows(t, fig, np.flatnonzero(roll.shown)))


def _two_new(t: Tables, d: Day, rules: Rules, roll: Rollup) -> dict:
    """Two-new organizations and their active women's bodies (rules 1 and 2): the 组建率 counts a
    women's organization (any type but a liaison officer), the work coverage a liaison officer too."""
    org_region, n = t.org_region, len(t.dataset["organizations"])
    women_n, committee_n = t.women_hosted(d, rules)
    liaison = d.active & t.is_in("bodies", "system", "women") & t.is_in("bodies", "type", "liaison") & (t.body_host >= 0)
    organization_n = women_n - count_per(t.body_host[liaison], n)
    two_new = t.column("organizations", "two_new")
    big = two_new & (t.dataset["organizations"]["female_staff"].to_numpy(dtype=np.int64) >= rules.committee_min_female)
    every = roll(org_region[two_new])
    return {"two_new_orgs": (every, None),
            "two_new_coverage": (roll(org_region[two_new & (organization_n > 0)]), every),
            "two_new_work_coverage": (roll(org_region[two_new & (women_n > 0)]), every),
            "two_new_30plus": (roll(org_region[big]), None),
            "two_new_30plus_committee": (roll(org_region[big & (committee_n > 0)]), roll(org_region[big]))}


class _Bodies:
    """Masks over the bodies: by host kind, region level and type."""

    def __init__(self, t: Tables):
        self.t, self.host = t, t.body_host
        self.hosted, self.at_host = self.host >= 0, np.maximum(self.host, 0)

    def host_is(self, *kinds):
        return self.hosted & self.t.is_in("organizations", "kind", *kinds)[self.at_host]

    def level_is(self, *levels):
        return self.t.is_in("regions", "level", *levels)[self.t.body_region]

    def type_is(self, *types):
        return self.t.is_in("bodies", "type", *types)


def _women_bodies(t: Tables, d: Day, roll: Rollup) -> dict:
    """Active women's bodies, in their region (the host's, filled in by validation), by the host's kind."""
    b, region = _Bodies(t), t.body_region
    women = d.active & t.is_in("bodies", "system", "women")
    fig = {f: (roll(region[women & b.type_is(f.split(".", 1)[1])]), None) for f in FIGURES
           if f.startswith("women_bodies.")}
    fig["liaison_officers"] = fig["women_bodies.liaison"]
    federation = women & b.type_is("federation")
    fig["federations.township_street"] = (
        roll(region[federation & ~b.hosted & b.level_is("township", "street")]), None)
    fig["federations.community"] = (
        roll(region[federation & (b.host_is("community") | (~b.hosted & b.level_is("community")))]), None)
    fig["enterprise_women_committees"] = (
        roll(region[women & b.host_is("enterprise") & b.type_is("committee", "work_committee")]), None)
    fig["organ_institution_women_bodies"] = (roll(region[women & b.host_is("organ", "institution")]), None)
    return fig


def _post_holders(t: Tables, d: Day, rules: Rules, roll: Rollup) -> dict:
    """The figures about people holding posts: women's shares, congress chairs, federation cadres."""
    b, region = _Bodies(t), t.body_region
    body, person = t.post_body[d.held], t.post_person[d.held]
    female = t.is_in("people", "gender", "F")
    fig = {}
    # 村、居干部: women among the people holding posts in a village's / community's two committees
    # (party body, 村（居）委会), each person once; not the congress, federation or other bodies
    two_committees = t.is_in("bodies", "system", "party") | b.type_is(*TWO_COMMITTEE_TYPES)
    for kind in ("village", "community"):
        at = (b.host_is(kind) & two_committees)[body]
        seen = roll.people(region[body[at]], person[at])
        num = np.bincount(seen["ancestor"], weights=female[seen["person"]], minlength=roll.n).astype(np.int64)
        fig[f"{kind}_women_share"] = (num, np.bincount(seen["ancestor"], minlength=roll.n))
    # village congresses with a chair; seated when a chair holds a post in the village's party body
    # or villagers' committee
    women = d.active & t.is_in("bodies", "system", "women")
    congress = women & b.type_is("congress") & b.host_is("village")
    chair = congress[body] & t.is_in("posts", "role", "chair")[d.held]
    chairs = pd.DataFrame({"body": body[chair], "person": person[chair], "org": b.host[body[chair]]})
    two = (b.hosted & (t.is_in("bodies", "system", "party") | b.type_is("villagers_committee")))[body]
    seats = pd.DataFrame({"person": person[two], "org": b.host[body[two]]}).drop_duplicates()
    seated = chairs.merge(seats, on=["person", "org"])["body"].unique()
    fig["congress_chairs_in_two_committees"] = (roll(region[seated]),
                                                roll(region[np.unique(chairs["body"].to_numpy())]))
    # federation cadres: a post in a region-level federation of the cadre levels, 执委 (executive) excepted
    federation = women & b.type_is("federation") & ~b.hosted & b.level_is(*rules.cadre_federation_levels)
    staff = federation[body] & ~t.is_in("posts", "role", "executive")[d.held]
    fig.update(_cadres(t, d, roll.people(region[body[staff]], person[staff]), roll.n))
    return fig


def _cadres(t: Tables, d: Day, seen: pd.DataFrame, n: int) -> dict:
    """Federation cadres (people with posts other than 执委 in region-level federations of the cadre
    levels): count, average age, education."""
    anc, who = seen["ancestor"].to_numpy(), seen["person"].to_numpy()
    fig = {"federation_cadres": (np.bincount(anc, minlength=n), None)}
    born = t.dataset["people"]["birth_year"].to_numpy(dtype=float, na_value=np.nan)[who]
    aged = ~np.isnan(born)
    fig["federation_cadres_avg_age"] = (
        np.bincount(anc[aged], weights=d.day.year - born[aged], minlength=n).astype(np.int64),
        np.bincount(anc[aged], minlength=n))
    education = t.column("people", "education")[who]
    for edu in ("college", "bachelor", "postgraduate"):
        fig[f"federation_cadres.{edu}"] = (np.bincount(anc[education == edu], minlength=n), None)
    return fig
def _rows(t: Tables, fig: dict, where: np.ndarray) -> pd.DataFrame:
    """One row per (shown region, figure), values rounded as ``figure_value`` rounds them."""
    parts = []
    for figure, spec in FIGURES.items():
        unit, (num, den) = spec.unit, fig[figure]
        n = num[where].astype(np.int64)
        d = den[where].astype(np.int64) if den is not None and unit != "count" else None
        if d is None:
            value = n.astype(float)
        else:
            pairs = pd.DataFrame({"n": n, "d": d})
            distinct = pairs.drop_duplicates()
            rounded = [figure_value(unit, a, b) for a, b in zip(distinct["n"].tolist(), distinct["d"].tolist())]
            value = pairs.merge(distinct.assign(value=rounded), on=["n", "d"], how="left")["value"].to_numpy()
        parts.append(pd.DataFrame({"region": where, "figure": figure, "unit": unit, "numerator": n,
                                   "denominator": pd.array(d, dtype="Int64") if d is not None else pd.NA,
                                   "value": value}))
    rows = pd.concat(parts, ignore_index=True)
    at = rows["region"].to_numpy()
    for out, name in (("region_id", "id"), ("region_name", "name"), ("level", "level")):
        rows[out] = t.column("regions", name)[at]
    return rows


def from_cypher(rows: list[dict], **_) -> list[dict]:
    """``stats.cypher``'s parts, run side by side (``Neo4jEngine``), summed per (region, figure) as
    the whole query's end sums them."""
    summed: dict[tuple, dict] = {}  # (region, figure) → the row with n and d summed
    for row in rows:
        into = summed.setdefault((row["region_id"], row["figure"]), row)
        if into is not row:
            into["n"] += row["n"]
            into["d"] += row["d"]
            into["unit"] = into["unit"] or row["unit"]  # the catalogue part's
    out = []
    for r in summed.values():
        denominator = None if r["unit"] == "count" else r["d"]
        out.append({"region_id": r["region_id"], "region_name": r["region_name"], "level": r["level"],
                    "figure": r["figure"], "unit": r["unit"], "numerator": r["n"], "denominator": denominator,
                    "value": figure_value(r["unit"], r["n"], denominator)})
    return out


CONTRACT = Contract(
    columns=("region_id", "region_name", "level", "figure", "unit", "numerator", "denominator", "value"),
    order=(("region_id", True), ("figure", True)), ints=("numerator", "denominator"), floats=("value",),
    declared={"figure": tuple(FIGURES)})

ANALYSIS = Analysis(
    name="stats", contract=CONTRACT, summary="The reports' figures per region, rolled up, with numerator and denominator.",
    embedded=embedded, cypher="queries/stats.cypher", from_cypher=from_cypher,
    tables=("regions", "organizations", "bodies", "posts", "people", "demo_points"))
