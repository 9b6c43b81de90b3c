"""Baseline for ``orgnet stats --all-regions``: all 27 report figures for every region of a stats
level, each rolled up from the region and every region below it.

Counts are made per region with ``np.bincount`` and rolled up through a (region, ancestor) table;
the people figures (women's shares, federation cadres) count each person once per ancestor
(``drop_duplicates`` on (ancestor, person)). ``compute`` is the engine's answer (what ``bench.worker``
compares with ``NetworkxEngine.stats``); ``run``, as ``orgnet stats`` does once the engine has
answered, adds each region's township (``township_id``, ``township_name``: the nearest region at or
above it whose level is a township's, '' where there is none).

``python -m bench.baselines.stats FOLDER --as-of 2012-06-30 -o stats.csv``
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd

from . import common as c


def load(folder) -> dict[str, pd.DataFrame]:
    return {
        "regions": c.read(folder, "regions", ["id", "name", "level", "parent_id"]),
        "organizations": c.read(folder, "organizations", ["id", "kind", "region_id", "two_new", "female_staff"]),
        "bodies": c.read(folder, "bodies", ["id", "system", "type", "org_id", "region_id", "founded", "dissolved"]),
        "people": c.read(folder, "people", ["id", "gender", "birth_year", "education"]),
        "posts": c.read(folder, "posts", ["person_id", "body_id", "role", "start", "end"]),
        "demo_points": c.read(folder, "demo_points", ["org_id", "since"]),
    }


def ancestors(parent: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(region, ancestor) pairs, the region itself included."""
    region = np.arange(len(parent))
    below, above = [region], [region]
    cur = parent
    while (cur >= 0).any():
        has = cur >= 0
        below.append(region[has])
        above.append(cur[has])
        cur = np.where(has, parent[np.maximum(cur, 0)], -1)
    return np.concatenate(below), np.concatenate(above)


def compute(t: dict[str, pd.DataFrame], as_of) -> pd.DataFrame:
    day = c.day(as_of)
    regions, orgs, bodies, people, posts = (t[k] for k in ("regions", "organizations", "bodies", "people", "posts"))
    n_reg = len(regions)
    parent = c.positions(regions["id"], regions["parent_id"])
    below, above = ancestors(parent)
    level = regions["level"]
    shown = c.mask(level, *c.STATS_LEVELS)

    def roll(region: np.ndarray, weight=None) -> np.ndarray:
        """Per region: the sum over it and every region below it of the rows located there."""
        here = np.bincount(region, weights=weight, minlength=n_reg)
        return np.bincount(above, weights=here[below], minlength=n_reg).astype(np.int64)

    def roll_people(region: np.ndarray, person: np.ndarray) -> pd.DataFrame:
        """Distinct (ancestor, person) pairs of people counted in ``region`` or below."""
        here = pd.DataFrame({"region": region, "person": person}).drop_duplicates()
        up = pd.DataFrame({"region": below, "ancestor": above})[shown[above]]
        return here.merge(up, on="region")[["ancestor", "person"]].drop_duplicates()

    fig: dict[str, tuple[np.ndarray, np.ndarray | None]] = {}  # figure → (numerator, denominator) per region
    fig["townships"] = (roll(np.flatnonzero(c.mask(level, "township"))), None)
    fig["streets"] = (roll(np.flatnonzero(c.mask(level, "street"))), None)

    # organizations and their active women's bodies
    org_region = c.positions(regions["id"], orgs["region_id"])
    host = c.positions(orgs["id"], bodies["org_id"])
    hosted = host >= 0
    at_host = np.maximum(host, 0)
    active = c.current(bodies["founded"], bodies["dissolved"], day)
    women = active & c.mask(bodies["system"], "women")
    worked = np.bincount(host[women & hosted], minlength=len(orgs)) > 0  # 工作覆盖: a liaison officer too
    covered = np.bincount(host[women & hosted & ~c.mask(bodies["type"], "liaison")], minlength=len(orgs)) > 0
    committee = np.bincount(host[women & hosted & c.mask(bodies["type"], *c.COMMITTEE_TYPES)], minlength=len(orgs)) > 0
    two_new = orgs["two_new"].to_numpy()
    big = two_new & (orgs["female_staff"].to_numpy() >= c.COMMITTEE_MIN_FEMALE)
    fig["two_new_orgs"] = (roll(org_region[two_new]), None)
    fig["two_new_coverage"] = (roll(org_region[two_new & covered]), roll(org_region[two_new]))
    fig["two_new_work_coverage"] = (roll(org_region[two_new & worked]), roll(org_region[two_new]))
    fig["two_new_30plus"] = (roll(org_region[big]), None)
    fig["two_new_30plus_committee"] = (roll(org_region[big & committee]), roll(org_region[big]))

    # active bodies: region (the host's when the file gives none), the level there, the host's kind
    body_region = c.positions(regions["id"], bodies["region_id"])
    body_region = np.where(body_region >= 0, body_region, org_region[at_host])

    def host_is(*kinds):
        return hosted & c.mask(orgs["kind"], *kinds)[at_host]

    def level_is(*levels):
        return c.mask(level, *levels)[body_region]

    def type_is(*types):
        return c.mask(bodies["type"], *types)

    for typ in ("federation", "committee", "work_committee", "congress", "organ_committee", "liaison"):
        fig[f"women_bodies.{typ}"] = (roll(body_region[women & type_is(typ)]), None)
    fig["liaison_officers"] = fig["women_bodies.liaison"]
    federation = women & type_is("federation")
    fig["federations.township_street"] = (roll(body_region[federation & ~hosted & level_is("township", "street")]), None)
    fig["federations.community"] = (
        roll(body_region[federation & (host_is("community") | (~hosted & level_is("community")))]), None)
    fig["enterprise_women_committees"] = (
        roll(body_region[women & host_is("enterprise") & type_is("committee", "work_committee")]), None)
    fig["organ_institution_women_bodies"] = (roll(body_region[women & host_is("organ", "institution")]), None)

    # active posts in active bodies
    body = c.positions(bodies["id"], posts["body_id"])
    held = c.current(posts["start"], posts["end"], day) & active[body]
    body = body[held]
    person = c.positions(people["id"], posts["person_id"][held])
    female = c.mask(people["gender"], *c.FEMALE)

    # women's shares among 村、居干部: people with posts in a village's / community's party body or
    # villagers' / residents' committee
    two_committees = c.mask(bodies["system"], "party") | type_is("villagers_committee", "residents_committee")
    for k in ("village", "community"):
        at = (host_is(k) & two_committees)[body]
        seen = roll_people(body_region[body[at]], person[at])
        num = np.bincount(seen["ancestor"], weights=female[seen["person"]], minlength=n_reg).astype(np.int64)
        fig[f"{k}_women_share"] = (num, np.bincount(seen["ancestor"], minlength=n_reg))

    # village congresses with an active chair; seated when a chair holds a post in the village's
    # party body or villagers' committee
    congress = women & type_is("congress") & host_is("village")
    chair = congress[body] & c.mask(posts["role"], "chair")[held]
    chairs = pd.DataFrame({"body": body[chair], "person": person[chair], "org": host[body[chair]]})
    two = hosted & (c.mask(bodies["system"], "party") | type_is("villagers_committee"))
    two = two[body]
    seats = pd.DataFrame({"person": person[two], "org": host[body[two]]}).drop_duplicates()
    seated = chairs.merge(seats, on=["person", "org"])["body"].unique()
    with_chair = np.unique(chairs["body"].to_numpy())
    fig["congress_chairs_in_two_committees"] = (roll(body_region[seated]), roll(body_region[with_chair]))

    # federation cadres: people with posts other than 执委 in region-level federations of the cadre levels
    at = (federation & ~hosted & level_is(*c.CADRE_FEDERATION_LEVELS))[body] & ~c.mask(posts["role"], "executive")[held]
    seen = roll_people(body_region[body[at]], person[at])
    anc, who = seen["ancestor"].to_numpy(), seen["person"].to_numpy()
    fig["federation_cadres"] = (np.bincount(anc, minlength=n_reg), None)
    born = people["birth_year"].to_numpy(dtype=float, na_value=np.nan)[who]
    aged = ~np.isnan(born)
    fig["federation_cadres_avg_age"] = (
        np.bincount(anc[aged], weights=int(day[:4]) - born[aged], minlength=n_reg).astype(np.int64),
        np.bincount(anc[aged], minlength=n_reg))
    for edu in ("college", "bachelor", "postgraduate"):
        fig[f"federation_cadres.{edu}"] = (np.bincount(anc[c.mask(people["education"], edu)[who]], minlength=n_reg), None)

    # demonstration points named by as_of, in their organization's region
    demo = t["demo_points"]
    named = (demo["since"].isna() | (demo["since"] <= day)).to_numpy() & demo["org_id"].notna().to_numpy()
    fig["demo_points"] = (roll(org_region[c.positions(orgs["id"], demo["org_id"][named])]), None)

    # one row per (stats region, figure)
    where = np.flatnonzero(shown)
    parts = []
    for figure in c.FIGURES:
        num, den = fig[figure]
        unit = c.UNITS[figure]
        n = num[where].astype(np.int64)
        d = den[where].astype(np.int64) if den is not None else None
        if unit == "count":
            value = n.astype(float)
        else:  # tenths, rounded half up from the integers (四舍五入), as orgnet
            scale = 1000 if unit == "percent" else 10
            tenths = (2 * scale * n + d) // np.where(d == 0, 1, 2 * d)
            value = tenths / 10
            value[d == 0] = np.nan
        parts.append(pd.DataFrame({"region": where, "figure": figure, "unit": unit, "numerator": n,
                                   "denominator": pd.array(d, dtype="Int64") if d is not None else pd.NA,
                                   "value": value}))
    rows = pd.concat(parts, ignore_index=True)
    at = rows["region"].to_numpy()
    rows["region_id"] = c.pick(regions["id"], at)
    rows["region_name"] = c.pick(regions["name"], at)
    rows["level"] = c.pick(level, at)
    return c.finish("stats", rows)


def run(folder, as_of=c.AS_OF) -> pd.DataFrame:
    tables = load(folder)
    return c.with_township(compute(tables, as_of), tables["regions"])


def main(argv=None) -> int:
    return c.main("stats", run, argv)


if __name__ == "__main__":
    sys.exit(main())
