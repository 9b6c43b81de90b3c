"""Baseline for ``orgnet gaps``: the four coverage rules with pandas and integer positions.

Each rule gives the positions of its organizations (and, for ``vacant_head``, of the bodies); the
columns are then filled in for all rows at once: ids and names by position, the region (the body's,
else its organization's), the township above it, and ``detail`` in orgnet's English words.

``python -m bench.baselines.gaps FOLDER --as-of 2012-06-30 -o gaps.csv``
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd

from . import common as c

#: A women's body's head, by body type, in orgnet's English words (orgnet.glossary.HEAD_TITLE).
HEAD_TITLE_EN = {"federation": "women's federation chair", "committee": "women's committee chair",
                 "work_committee": "women's work committee chair", "congress": "women's congress chair",
                 "organ_committee": "women's committee chair", "liaison": "women's work liaison officer",
                 "group": "women's group head"}


def load(folder) -> dict[str, pd.DataFrame]:
    return {
        "regions": c.read(folder, "regions", ["id", "name", "level", "parent_id"]),
        "organizations": c.read(folder, "organizations", ["id", "name", "region_id", "two_new", "female_staff"]),
        "bodies": c.read(folder, "bodies",
                         ["id", "name", "system", "type", "org_id", "region_id", "founded", "dissolved"]),
        "posts": c.read(folder, "posts", ["body_id", "role", "start", "end"]),
    }


def compute(t: dict[str, pd.DataFrame], as_of) -> pd.DataFrame:
    day = c.day(as_of)
    orgs, bodies = t["organizations"], t["bodies"]
    host = c.positions(orgs["id"], bodies["org_id"])  # -1: a region-level body
    active = c.current(bodies["founded"], bodies["dissolved"], day)
    women = active & c.mask(bodies["system"], "women")
    party = active & c.mask(bodies["system"], "party") & (host >= 0)
    n_women = np.bincount(host[women & (host >= 0)], minlength=len(orgs))
    n_committee = np.bincount(host[women & (host >= 0) & c.mask(bodies["type"], *c.COMMITTEE_TYPES)],
                              minlength=len(orgs))
    two_new = orgs["two_new"].to_numpy()
    female = orgs["female_staff"].to_numpy()
    big = two_new & (female >= c.COMMITTEE_MIN_FEMALE)
    found = [
        pd.DataFrame({"rule": "committee_required", "org": np.flatnonzero(big & (n_committee == 0))}),
        pd.DataFrame({"rule": "liaison_required",
                      "org": np.flatnonzero(~big & two_new & (female >= c.LIAISON_MIN_FEMALE) & (n_women == 0))}),
        party_without_women(bodies["id"], host, party, n_women),
        vacant_head(bodies, t["posts"], host, women, day),
    ]
    return c.finish("gaps", rows(t, pd.concat(found, ignore_index=True)))


def party_without_women(body_ids: pd.Series, host: np.ndarray, party: np.ndarray, n_women: np.ndarray) -> pd.DataFrame:
    """Organizations with an active party body and no active women's body, with those party bodies."""
    lonely = (np.bincount(host[party], minlength=len(n_women)) > 0) & (n_women == 0)
    keep = party & lonely[np.maximum(host, 0)]
    found = pd.DataFrame({"org": host[keep], "id": body_ids[keep].reset_index(drop=True)}).sort_values(["org", "id"])
    org = found["org"].to_numpy()
    starts = np.flatnonzero(np.diff(org, prepend=-1))
    ids = c.joined(found["id"], found["org"])
    return pd.DataFrame({"rule": "party_without_women", "org": org[starts],
                         "party_body_ids": pd.Series(c.lists(found["id"], starts), dtype=object),
                         "detail": ("party bodies: " + ids).to_numpy()})


def vacant_head(bodies: pd.DataFrame, posts: pd.DataFrame, host: np.ndarray, women: np.ndarray, day: str):
    """Active women's bodies with no active post in their head role (a liaison body's head is its
    liaison, every other women's body's its chair)."""
    body = c.positions(bodies["id"], posts["body_id"])
    liaison = c.mask(bodies["type"], "liaison")
    role_is_head = np.where(liaison[body], c.mask(posts["role"], "liaison"), c.mask(posts["role"], "chair"))
    headed = c.current(posts["start"], posts["end"], day) & women[body] & role_is_head
    has_head = np.zeros(len(bodies), bool)
    has_head[body[headed]] = True
    vacant = np.flatnonzero(women & ~has_head)
    head = pd.Series(np.where(liaison[vacant], "liaison", "chair"), dtype="str")
    title = c.pick(bodies["type"], vacant).map(HEAD_TITLE_EN)
    detail = c.pick(bodies["name"], vacant) + ": no active " + title
    return pd.DataFrame({"rule": "vacant_head", "org": host[vacant], "body": vacant, "head_role": head,
                         "detail": detail})


def rows(t: dict[str, pd.DataFrame], found: pd.DataFrame) -> pd.DataFrame:
    """Gap rows from the rules' positions: ids, names, region and township, the typed columns."""
    regions, orgs, bodies = t["regions"], t["organizations"], t["bodies"]
    org = found["org"].to_numpy(dtype=np.int64)
    body = found["body"].fillna(-1).to_numpy(dtype=np.int64)
    # the region: the body's own, else its (or the row's) organization's
    own = np.where(body >= 0, c.positions(regions["id"], bodies["region_id"])[np.maximum(body, 0)], -1)
    org_region = np.where(org >= 0, c.positions(regions["id"], orgs["region_id"])[np.maximum(org, 0)], -1)
    region = np.where(own >= 0, own, org_region)
    town = np.where(region >= 0, c.township_of(regions)[np.maximum(region, 0)], -1)
    female = pd.array(orgs["female_staff"], dtype="Int64").take(org, allow_fill=True)
    staff = pd.Series(female).astype("str") + " female staff"
    rule = found["rule"].astype("str")
    return pd.DataFrame({
        "org_id": named(orgs["id"], org), "org_name": named(orgs["name"], org),
        "region_id": named(regions["id"], region), "rule": rule,
        "detail": found["detail"].astype("str").fillna(staff), "female_staff": female,
        "required_body_type": rule.map(c.GAP_REQUIRES),
        "body_id": named(bodies["id"], body), "body_name": named(bodies["name"], body),
        "body_type": named(bodies["type"], body), "head_role": found["head_role"],
        "party_body_ids": found["party_body_ids"],
        "region_name": named(regions["name"], region), "township_id": named(regions["id"], town),
        "township_name": named(regions["name"], town)})


def named(series: pd.Series, at: np.ndarray) -> pd.Series:
    """``series`` at positions ``at``, missing (then '') where ``at`` is -1."""
    return pd.Series(series.array.take(at, allow_fill=True))


def run(folder, as_of=c.AS_OF) -> pd.DataFrame:
    return compute(load(folder), as_of)


def main(argv=None) -> int:
    return c.main("gaps", run, argv)


if __name__ == "__main__":
    sys.exit(main())
