"""Baseline for ``orgnet overlaps``: people with at least 2 active posts, their bodies and systems.

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
        "bodies": c.read(folder, "bodies", ["id", "system", "founded", "dissolved"]),
        "posts": c.read(folder, "posts", ["person_id", "body_id", "start", "end"]),
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
    pairs = pd.DataFrame({"person": person[keep], "body": body[keep]}).drop_duplicates()
    pairs["body_id"] = c.pick(bodies["id"], pairs["body"].to_numpy()).set_axis(pairs.index)
    pairs["system"] = c.pick(bodies["system"], pairs["body"].to_numpy()).set_axis(pairs.index)
    listed = pairs.sort_values(["person", "body_id"])
    listed = c.joined(listed["body_id"], listed["person"])
    systems = pairs[["person", "system"]].drop_duplicates().sort_values(["person", "system"])
    systems = c.joined(systems["system"], systems["person"])
    who = listed.index.to_numpy()
    frame = pd.DataFrame({"person_id": c.pick(people["id"], who), "person_name": c.pick(people["name"], who),
                          "posts": count[who], "bodies": listed.reset_index(drop=True),
                          "systems": systems.reset_index(drop=True)})
    return c.finish("overlaps", frame)


def run(folder, as_of=c.AS_OF) -> pd.DataFrame:
    return compute(load(folder), as_of)


def main(argv=None) -> int:
    return c.main("overlaps", run, argv)


if __name__ == "__main__":
    sys.exit(main())
