"""Shared venues: one room, many uses (一室多用)."""

from __future__ import annotations

import pandas as pd

from ..results import Contract
from .record import Analysis


def venues(engine, as_of, min_bodies: int = 2) -> pd.DataFrame:
    """Rooms used by at least ``min_bodies`` active bodies on the day.

    Examples
    --------
    >>> import orgnet
    >>> venues(orgnet.load("tests/data/tiny").engine, "2012-06-30")[["venue_id", "bodies", "systems"]].values.tolist()
    [['V1', 3, 'admin;party;women'], ['V2', 2, 'party;women']]
    """
    uses = engine.answer("venue_uses", as_of=as_of)
    rows = []
    for venue, group in uses.groupby("venue_id"):
        group = group.drop_duplicates("body_id").sort_values("body_id")
        if len(group) >= min_bodies:
            rows.append({"venue_id": venue, "venue_name": group.venue_name.iloc[0], "bodies": len(group),
                         "body_ids": ";".join(group.body_id), "systems": ";".join(sorted(set(group.system))),
                         "body_id_list": group.body_id.tolist(), "body_systems": group.system.tolist()})
    return VENUES.finish(rows)


VENUES = Contract(columns=("venue_id", "venue_name", "bodies", "body_ids", "systems", "body_id_list", "body_systems"),
                  order=(("bodies", False), ("venue_id", True)), ints=("bodies",),
                  lists=("body_id_list", "body_systems"))

ANALYSES = (Analysis(name="venues", kind="derived", contract=VENUES, derived=venues, args=("as_of", "min_bodies"),
                     summary="Rooms shared by several bodies (one room, many uses)."),)
