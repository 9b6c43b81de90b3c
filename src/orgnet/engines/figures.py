"""``stats`` on the fast path: the report figures (``orgnet.results.FIGURES``) for every region of a
stats level, each rolled up from the region and every region below it.

Counts are made per region with ``np.bincount`` and rolled up through one (region, ancestor) table;
the people figures (women's shares, federation cadres) count each person once per ancestor
(``drop_duplicates`` on (ancestor, person)). The definitions are the graph walk's
(``orgnet.engines.networkx.stats_rows``), where each figure is spelled out body by body.

Examples
--------
>>> from orgnet.api import load_dataset
>>> from orgnet.engines.tables import TablesEngine
>>> engine = TablesEngine(load_dataset("tests/data/tiny"))
>>> stats = figures(engine, engine.on("2012-06-30"), Rules())
>>> stats.set_index(["region_id", "figure"]).loc[("R0", "two_new_orgs"), "value"]
np.float64(7.0)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..results import FIGURES, figure_value, finish
from ..rules import Rules


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


def figures(engine, d, rules: Rules) -> pd.DataFrame:
    """Every figure for every region whose level is in ``rules.stats_levels`` (``engine``: a TablesEngine)."""
    col, is_in = engine.column, engine.is_in
    n_reg = len(engine.dataset["regions"])
    below, above = ancestors(engine.refs("regions", "parent_id", "regions"))
    shown = is_in("regions", "level", *rules.stats_levels)

    def roll(region: np.ndarray, weight=None) -> np.ndarray:
        """Per region: the sum over it and every region below it."""
        here = np.bincount(region, weights=weight, minlength=n_reg)
        return np.bincount(above, weights=here[below], minlength=n_reg).astype(np.int64)

    up = pd.DataFrame({"region": below, "ancestor": above})[shown[above]]

    def roll_people(region: np.ndarray, person: np.ndarray) -> pd.DataFrame:
        """Distinct (ancestor, person) pairs of the people counted in ``region`` or below."""
        here = pd.DataFrame({"region": region, "person": person}).drop_duplicates()
        return here.merge(up, on="region")[["ancestor", "person"]].drop_duplicates()

    fig: dict[str, tuple[np.ndarray, np.ndarray | None]] = {}  # figure → (numerator, denominator) per region
    fig["townships"] = (roll(np.flatnonzero(is_in("regions", "level", "township"))), None)
    fig["streets"] = (roll(np.flatnonzero(is_in("regions", "level", "street"))), None)

    # two-new organizations and their active women's bodies (rules 1 and 2)
    org_region = engine.org_region
    women_n, committee_n = engine._women_hosted(d, rules)
    two_new = col("organizations", "two_new")
    big = two_new & (engine.dataset["organizations"]["female_staff"].to_numpy(dtype=np.int64)
                     >= rules.committee_min_female)
    fig["two_new_orgs"] = (roll(org_region[two_new]), None)
    fig["two_new_coverage"] = (roll(org_region[two_new & (women_n > 0)]), roll(org_region[two_new]))
    fig["two_new_30plus"] = (roll(org_region[big]), None)
    fig["two_new_30plus_committee"] = (roll(org_region[big & (committee_n > 0)]), roll(org_region[big]))

    # active bodies, in their region (the host's, filled in by validation), by the host's kind
    host = engine.body_host
    hosted, at_host = host >= 0, np.maximum(host, 0)
    body_region = engine.body_region
    def host_is(*kinds):
        return hosted & is_in("organizations", "kind", *kinds)[at_host]

    def level_is(*levels):
        return is_in("regions", "level", *levels)[body_region]

    def type_is(*types):
        return is_in("bodies", "type", *types)

    women = d.active & is_in("bodies", "system", "women")
    for figure in FIGURES:
        if figure.startswith("women_bodies."):
            fig[figure] = (roll(body_region[women & type_is(figure.split(".", 1)[1])]), None)
    fig["liaison_officers"] = fig["women_bodies.liaison"]
    federation = women & type_is("federation")
    fig["federations.township_street"] = (roll(body_region[federation & ~hosted & level_is("township", "street")]), None)
    fig["federations.community"] = (
        roll(body_region[federation & (host_is("community") | (~hosted & level_is("community")))]), None)
    fig["enterprise_women_committees"] = (
        roll(body_region[women & host_is("enterprise") & type_is("committee", "work_committee")]), None)
    fig["organ_institution_women_bodies"] = (roll(body_region[women & host_is("organ", "institution")]), None)

    # held posts
    body, person = engine.post_body[d.held], engine.post_person[d.held]
    female = is_in("people", "gender", "F")

    # women among the people holding posts in village / community bodies
    for kind in ("village", "community"):
        at = host_is(kind)[body]
        seen = roll_people(body_region[body[at]], person[at])
        num = np.bincount(seen["ancestor"], weights=female[seen["person"]], minlength=n_reg).astype(np.int64)
        fig[f"{kind}_women_share"] = (num, np.bincount(seen["ancestor"], minlength=n_reg))

    # village congresses with a chair; seated when a chair holds a post in the village's party body
    # or villagers' committee
    congress = women & type_is("congress") & host_is("village")
    chair = congress[body] & is_in("posts", "role", "chair")[d.held]
    chairs = pd.DataFrame({"body": body[chair], "person": person[chair], "org": host[body[chair]]})
    two = (hosted & (is_in("bodies", "system", "party") | type_is("villagers_committee")))[body]
    seats = pd.DataFrame({"person": person[two], "org": host[body[two]]}).drop_duplicates()
    seated = chairs.merge(seats, on=["person", "org"])["body"].unique()
    fig["congress_chairs_in_two_committees"] = (roll(body_region[seated]),
                                                roll(body_region[np.unique(chairs["body"].to_numpy())]))

    # federation cadres: people with posts in region-level federations of the cadre levels
    at = (federation & ~hosted & level_is(*rules.cadre_federation_levels))[body]
    seen = roll_people(body_region[body[at]], person[at])
    anc, who = seen["ancestor"].to_numpy(), seen["person"].to_numpy()
    fig["federation_cadres"] = (np.bincount(anc, minlength=n_reg), None)
    born = engine.dataset["people"]["birth_year"].to_numpy(dtype=float, na_value=np.nan)[who]
    aged = ~np.isnan(born)
    fig["federation_cadres_avg_age"] = (
        np.bincount(anc[aged], weights=d.day.year - born[aged], minlength=n_reg).astype(np.int64),
        np.bincount(anc[aged], minlength=n_reg))
    education = col("people", "education")[who]
    for edu in ("college", "bachelor", "postgraduate"):
        fig[f"federation_cadres.{edu}"] = (np.bincount(anc[education == edu], minlength=n_reg), None)

    # demonstration points named by the day, in their site organization's region
    since = col("demo_points", "since")
    site = engine.refs("demo_points", "org_id", "organizations")
    named = (np.isnat(since) | (since <= np.datetime64(d.day, "s"))) & (site >= 0)
    fig["demo_points"] = (roll(org_region[site[named]]), None)

    return finish("stats", _rows(engine, fig, np.flatnonzero(shown)))


def _rows(engine, fig: dict, where: np.ndarray) -> pd.DataFrame:
    """One row per (shown region, figure), values rounded as ``figure_value`` rounds them."""
    parts = []
    for figure, (unit, _) in FIGURES.items():
        num, den = fig[figure]
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
        rows[out] = engine.column("regions", name)[at]
    return rows
