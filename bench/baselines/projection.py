"""Baseline for the person projection behind ``orgnet nameplates``: pairs of active bodies of one
organization that share active post holders, with the shared count and Jaccard (kept when ≥ 0.5).

A pandas self-merge of the (organization, person) → body table: every pair of an organization's
bodies that a person sits in together, counted.

``python -m bench.baselines.projection FOLDER --as-of 2012-06-30 -o nameplates.csv``
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd

from . import common as c


def load(folder) -> dict[str, pd.DataFrame]:
    return {
        "organizations": c.read(folder, "organizations", ["id", "name"]),
        "people": c.read(folder, "people", ["id"]),
        "bodies": c.read(folder, "bodies", ["id", "system", "org_id", "founded", "dissolved"]),
        "posts": c.read(folder, "posts", ["person_id", "body_id", "start", "end"]),
    }


def compute(t: dict[str, pd.DataFrame], as_of, threshold: float = c.NAMEPLATE_JACCARD) -> pd.DataFrame:
    day = c.day(as_of)
    orgs, bodies, posts = t["organizations"], t["bodies"], t["posts"]
    # Bodies numbered in id order, so that "a < b" between numbers is "a < b" between ids.
    bodies = bodies.sort_values("id", ignore_index=True)
    host = c.positions(orgs["id"], bodies["org_id"])
    body = c.positions(bodies["id"], posts["body_id"])
    hosted = c.current(bodies["founded"], bodies["dissolved"], day) & (host >= 0)
    held = c.current(posts["start"], posts["end"], day) & hosted[body]
    person = c.positions(t["people"]["id"], posts["person_id"][held])
    body = body[held]
    # (organization, person) as one integer key; one row per body they sit in
    members = pd.DataFrame({"key": host[body].astype(np.int64) * len(t["people"]) + person,
                            "body": body}).drop_duplicates()
    size = np.bincount(members["body"].to_numpy(), minlength=len(bodies))
    members = members[members["key"].duplicated(keep=False)]  # a person in one body of an org pairs nothing
    pairs = members.merge(members, on="key", suffixes=("_a", "_b"))
    pairs = pairs[pairs["body_a"].to_numpy() < pairs["body_b"].to_numpy()]
    shared = pairs.groupby(["body_a", "body_b"], sort=False).size()
    a = shared.index.get_level_values(0).to_numpy()
    b = shared.index.get_level_values(1).to_numpy()
    s = shared.to_numpy()
    union = size[a] + size[b] - s
    # Python's round on the exact ratio, as orgnet does (numpy's round can differ on ties): computed
    # once per distinct (shared, union) pair, of which there are few.
    width = int(union.max(initial=0)) + 1
    distinct, inverse = np.unique(s.astype(np.int64) * width + union, return_inverse=True)
    jaccard = np.array([round((k // width) / (k % width), 4) for k in distinct.tolist()], dtype=float)[inverse]
    keep = jaccard >= threshold
    a, b = a[keep], b[keep]
    org = host[a]
    frame = pd.DataFrame({"org_id": c.pick(orgs["id"], org), "org_name": c.pick(orgs["name"], org),
                          "body_a": c.pick(bodies["id"], a), "body_b": c.pick(bodies["id"], b),
                          "system_a": c.pick(bodies["system"], a), "system_b": c.pick(bodies["system"], b),
                          "shared": s[keep], "jaccard": jaccard[keep]})
    return c.finish("nameplates", frame)


def run(folder, as_of=c.AS_OF) -> pd.DataFrame:
    return compute(load(folder), as_of)


def main(argv=None) -> int:
    return c.main("projection", run, argv)


if __name__ == "__main__":
    sys.exit(main())
