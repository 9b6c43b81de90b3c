"""Baseline for ``orgnet overlaps``: people with at least 2 active posts, their bodies and systems,
and per body (in id order) its name, her roles there and its host organization.

``python -m bench.baselines.overlaps FOLDER --as-of 2012-06-30 -o overlaps.csv``
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd

from . import common as c


def load(folder) -> dict[str, pd.DataFrame]:
    return {
        "people": c.read(folder, "people", ["id", "name"]),
        "organizations": c.read(folder, "organizations", ["id", "name"]),
        "bodies": c.read(folder, "bodies", ["id", "name", "system", "org_id", "founded", "dissolved"]),
        "posts": c.read(folder, "posts", ["person_id", "body_id", "role", "start", "end"]),
    }


def compute(t: dict[str, pd.DataFrame], as_of, min_posts: int = c.MIN_POSTS) -> pd.DataFrame:
    day = c.day(as_of)
    people, bodies, posts = t["people"], t["bodies"], t["posts"]
    body = c.positions(bodies["id"], posts["body_id"])
    active_body = c.current(bodies["founded"], bodies["dissolved"], day)
    held = c.current(posts["start"], posts["end"], day) & active_body[body]
    person = c.positions(people["id"], posts["person_id"])[held]
    body = body[held]
    count = np.bincount(person, minlength=len(people))
    keep = count[person] >= min_posts
    # one row per (person, body, role) held, in (person, body id, role) order
    holds = pd.DataFrame({"person": person[keep], "body": body[keep],
                          "role": posts["role"][held][keep].reset_index(drop=True)}).drop_duplicates()
    holds["body_id"] = c.pick(bodies["id"], holds["body"].to_numpy()).set_axis(holds.index)
    holds = holds.sort_values(["person", "body_id", "role"]).reset_index(drop=True)
    # one row per (person, body), her roles there "/"-joined
    who, at = holds["person"].to_numpy(), holds["body"].to_numpy()
    new = (np.diff(who, prepend=-1) != 0) | (np.diff(at, prepend=-1) != 0)
    roles = (holds["role"] + "/").groupby(np.cumsum(new), sort=True).sum().str[:-1]
    pairs = holds[new].reset_index(drop=True).assign(role=roles.to_numpy())
    return c.finish("overlaps", per_person(t, pairs, count))


def per_person(t: dict[str, pd.DataFrame], pairs: pd.DataFrame, count: np.ndarray) -> pd.DataFrame:
    """One row per person from her (person, body, roles) rows in (person, body id) order: the joined
    ids and systems, and the lists aligned with her bodies."""
    people, orgs, bodies = t["people"], t["organizations"], t["bodies"]
    person, body = pairs["person"].to_numpy(), pairs["body"].to_numpy()
    starts = np.flatnonzero(np.diff(person, prepend=-1))
    who = person[starts]
    systems = pd.DataFrame({"person": person, "system": c.pick(bodies["system"], body)})
    systems = systems.drop_duplicates().sort_values(["person", "system"])
    host = c.positions(orgs["id"], bodies["org_id"])[body]

    def hosts(column: str) -> pd.Series:
        return pd.Series(orgs[column].array.take(host, allow_fill=True)).fillna("")

    return pd.DataFrame({
        "person_id": c.pick(people["id"], who), "person_name": c.pick(people["name"], who), "posts": count[who],
        "bodies": c.joined(pairs["body_id"], pairs["person"]).to_numpy(),
        "systems": c.joined(systems["system"], systems["person"]).to_numpy(),
        "body_ids": c.lists(pairs["body_id"], starts), "body_names": c.lists(c.pick(bodies["name"], body), starts),
        "body_systems": c.lists(c.pick(bodies["system"], body), starts), "roles": c.lists(pairs["role"], starts), "org_ids": c.lists(hosts("id"), starts),
        "org_names": c.lists(hosts("name"), starts)})


def run(folder, as_of=c.AS_OF) -> pd.DataFrame:
    return compute(load(folder), as_of)


def main(argv=None) -> int:
    return c.main("overlaps", run, argv)


if __name__ == "__main__":
    sys.exit(main())
