"""One person's posts over time (``Network.person``), and how a person given by the user is found.

``person_posts`` works on the validated tables (loaded here, or read back from a Neo4j server by
``Network.tables``). ``Network.person`` takes an id or a name (``Network.resolve_person``, which asks
``orgnet.scope.find_person``, the lookup the CLI's ``--person`` uses).

Examples
--------
>>> import orgnet
>>> posts = orgnet.load("tests/data/tiny").person("P4", as_of="2012-06-30")
>>> posts[["body_id", "role", "active"]].values.tolist()
[['B10', 'vice_chair', False], ['B10', 'chair', True], ['B9', 'member', True]]
>>> posts.start.dt.year.tolist(), posts.end.isna().tolist()
([2009, 2011, 2011], [False, True, True])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .active import active
from .errors import InputError

#: The columns of ``Network.person``, in order.
PERSON_COLUMNS = ("person_id", "person_name", "body_id", "body_name", "system", "type", "org_id", "org_name",
                  "region_id", "region_name", "township_id", "township_name", "role", "start", "end", "active")


def person_posts(tables, places, person_id: str, day) -> pd.DataFrame:
    """Every post of ``person_id``, earliest first, with its body, host, region and township, and
    whether it is held on ``day`` (post current and body active)."""
    posts = tables["posts"]
    posts = posts[posts["person_id"] == person_id]
    bodies = tables["bodies"].rename(columns={"id": "body_id", "name": "body_name", "region_id": "body_region"})
    orgs = tables["organizations"][["id", "name", "region_id"]].rename(
        columns={"id": "org_id", "name": "org_name"})
    frame = posts.merge(bodies, on="body_id", how="left").merge(orgs, on="org_id", how="left")
    frame["region_id"] = frame["region_id"].fillna(frame["body_region"])
    at = pd.Timestamp(day).date()
    frame["active"] = (active(frame["start"].to_numpy("datetime64[s]"), frame["end"].to_numpy("datetime64[s]"), at)
                       & active(frame["founded"].to_numpy("datetime64[s]"),
                                frame["dissolved"].to_numpy("datetime64[s]"), at))
    names = tables["people"].set_index("id")["name"]
    frame["person_name"] = names.get(person_id, "")
    frame = frame.drop(columns=["township_id", "township_name", "region_name"], errors="ignore")
    if places is not None:
        frame = places.add(frame.drop(columns="org_id").assign(org_id=frame["org_id"]))
    for column in PERSON_COLUMNS:
        if column not in frame:
            frame[column] = ""
    frame = frame[list(PERSON_COLUMNS)].sort_values(["start", "body_id", "role"], kind="stable", na_position="first")
    text = [c for c in PERSON_COLUMNS if c not in ("start", "end", "active")]
    frame[text] = frame[text].astype(object).where(frame[text].notna(), "").astype(str)
    frame["active"] = frame["active"].astype(np.bool_)
    return frame.reset_index(drop=True)
