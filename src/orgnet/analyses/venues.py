"""Shared venues: one room, many uses (一室多用)."""

from __future__ import annotations

import pandas as pd

from ..results import finish


def venues(engine, as_of, min_bodies: int = 2) -> pd.DataFrame:
    """Rooms used by at least ``min_bodies`` active bodies on the day.

    Examples
    --------
    >>> import orgnet
    >>> venues(orgnet.load("tests/data/tiny").engine, "2012-06-30")[["venue_id", "bodies", "systems"]].values.tolist()
    [['V1', 3, 'admin;party;women'], ['V2', 2, 'party;women']]
    """
    uses = engine.venue_uses(as_of)
    rows = []
    for venue, group in uses.groupby("venue_id"):
        bodies = sorted(set(group.body_id))
        if len(bodies) >= min_bodies:
            rows.append({"venue_id": venue, "venue_name": group.venue_name.iloc[0], "bodies": len(bodies),
                         "body_ids": ";".join(bodies), "systems": ";".join(sorted(set(group.system)))})
    return finish("venues", rows)
