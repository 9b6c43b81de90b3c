"""Baseline for ``orgnet gaps``: the four coverage rules with pandas and integer positions.

``python -m bench.baselines.gaps FOLDER --as-of 2012-06-30 -o gaps.csv``
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd

from . import common as c


def load(folder) -> dict[str, pd.DataFrame]:
    return {
        "organizations": c.read(folder, "organizations", ["id", "name", "region_id", "two_new", "female_staff"]),
        "bodies": c.read(folder, "bodies", ["id", "system", "type", "org_id", "region_id", "founded", "dissolved"]),
        "posts": c.read(folder, "posts", ["body_id", "role", "start", "end"]),
    }


def compute(t: dict[str, pd.DataFrame], as_of) -> pd.DataFrame:
    day = c.day(as_of)
    orgs, bodies, posts = t["organizations"], t["bodies"], t["posts"]
    n = len(orgs)
    host = c.positions(orgs["id"], bodies["org_id"])  # -1: a region-level body
    hosted = host >= 0
    active = c.current(bodies["founded"], bodies["dissolved"], day)
    women = active & c.mask(bodies["system"], "women")
    party = active & c.mask(bodies["system"], "party") & hosted
    n_women = np.bincount(host[women & hosted], minlength=n)
    n_committee = np.bincount(host[women & hosted & c.mask(bodies["type"], *c.COMMITTEE_TYPES)], minlength=n)
    n_party = np.bincount(host[party], minlength=n)

    two_new = orgs["two_new"].to_numpy()
    female = orgs["female_staff"].to_numpy()
    big = two_new & (female >= c.COMMITTEE_MIN_FEMALE)
    base = orgs[["id", "name", "region_id"]].rename(columns={"id": "org_id", "name": "org_name"})
    staff = "female_staff=" + orgs["female_staff"].astype(str)
    parts = []
    rows = big & (n_committee == 0)
    parts.append(base[rows].assign(rule="committee_required", detail=staff[rows]))
    rows = ~big & two_new & (female >= c.LIAISON_MIN_FEMALE) & (n_women == 0)
    parts.append(base[rows].assign(rule="liaison_required", detail=staff[rows]))
    lonely = (n_party > 0) & (n_women == 0)
    if lonely.any():
        keep = party & lonely[np.maximum(host, 0)]
        pb = pd.DataFrame({"org": host[keep], "id": bodies["id"][keep].reset_index(drop=True)})
        pb = pb.sort_values(["org", "id"])
        ids = c.joined(pb["id"], pb["org"])
        parts.append(base.iloc[ids.index.to_numpy()].assign(rule="party_without_women",
                                                              detail=("party bodies: " + ids).to_numpy()))

    # vacant_head: active women's bodies with no active post in a head role (a liaison body's head
    # is its liaison, every other women's body's its chair)
    body = c.positions(bodies["id"], posts["body_id"])
    liaison = c.mask(bodies["type"], "liaison")
    role_is_head = np.where(liaison[body], c.mask(posts["role"], "liaison"), c.mask(posts["role"], "chair"))
    headed = c.current(posts["start"], posts["end"], day) & women[body] & role_is_head
    has_head = np.zeros(len(bodies), bool)
    has_head[body[headed]] = True
    vacant = np.flatnonzero(women & ~has_head)
    v = bodies.iloc[vacant].reset_index(drop=True)
    v_host = host[vacant]
    names = c.pick(orgs["name"], np.maximum(v_host, 0)).where(v_host >= 0)
    region = v["region_id"].fillna(c.pick(orgs["region_id"], np.maximum(v_host, 0)).where(v_host >= 0))
    detail = v["id"] + " (" + v["type"] + ") has no active " + np.where(liaison[vacant], "liaison", "chair")
    parts.append(pd.DataFrame({"org_id": v["org_id"], "org_name": names, "region_id": region, "rule": "vacant_head",
                               "detail": detail}))
    return c.finish("gaps", pd.concat(parts, ignore_index=True))


def run(folder, as_of=c.AS_OF) -> pd.DataFrame:
    return compute(load(folder), as_of)


def main(argv=None) -> int:
    return c.main("gaps", run, argv)


if __name__ == "__main__":
    sys.exit(main())
