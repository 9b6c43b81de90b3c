"""The facts: plain tables every engine serves, from which the derived analyses (``diff``,
``key_people``, ``composition``, ``demo_reach``, ``venues``, ``coverage``, ``bridges``) are computed
once for all engines alike, and which the views draw (``orgnet.viz.data``).

Each fact has its embedded implementation here and its query in ``cypher/facts/``.

Examples
--------
>>> from orgnet.api import load_dataset
>>> t = Tables(load_dataset("tests/data/tiny"))
>>> active_posts(t, "2012-06-30").columns.tolist()[:4]
['person_id', 'person_name', 'gender', 'body_id']
>>> regions(t).level.tolist()[:2]
['county', 'township']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..active import active
from ..engines.coded import Tables
from ..results import Contract
from ..rules import Rules
from .overlaps import POST_LOAD
from .record import Analysis


def active_posts(t: Tables, as_of) -> pd.DataFrame:
    """Every post held on the day, with its person, body, host and region (fact ``active_posts``)."""
    d = t.on(as_of)
    person, body = t.post_person[d.held], t.post_body[d.held]
    host = t.body_host[body]
    return ACTIVE_POSTS.finish(pd.DataFrame({
        "person_id": t.column("people", "id")[person], "person_name": t.column("people", "name")[person],
        "gender": t.column("people", "gender")[person], "body_id": t.column("bodies", "id")[body],
        "body_name": t.column("bodies", "name")[body], "system": t.column("bodies", "system")[body],
        "type": t.column("bodies", "type")[body], "org_id": t.column("bodies", "org_id")[body],
        "org_kind": t.org_kind(host), "region_id": t.column("bodies", "region_id")[body],
        "role": t.column("posts", "role")[d.held]}))


def organizations(t: Tables, as_of, rules: Rules) -> pd.DataFrame:
    """Every organization with its coverage and best party grade on the day (fact ``organizations``)."""
    d = t.on(as_of)
    women, _ = t.women_hosted(d, rules)
    orgs = t.dataset["organizations"]
    return ORGANIZATIONS.finish(pd.DataFrame({
        "org_id": orgs["id"], "org_name": orgs["name"], "kind": orgs["kind"], "region_id": orgs["region_id"],
        "two_new": orgs["two_new"], "female_staff": orgs["female_staff"], "covered": women > 0,
        "party_grade": t.party_grade(d, rules)}))


def bodies(t: Tables, as_of) -> pd.DataFrame:
    """Every body active on the day, with its host's kind (fact ``bodies``)."""
    active = t.on(as_of).active
    return BODIES.finish(pd.DataFrame({
        "body_id": t.column("bodies", "id")[active], "body_name": t.column("bodies", "name")[active],
        "system": t.column("bodies", "system")[active], "type": t.column("bodies", "type")[active],
        "org_id": t.column("bodies", "org_id")[active], "org_kind": t.org_kind(t.body_host[active]),
        "region_id": t.column("bodies", "region_id")[active]}))


def regions(t: Tables) -> pd.DataFrame:
    """The region tree (fact ``regions``)."""
    r = t.dataset["regions"]
    return REGIONS.finish(pd.DataFrame({"region_id": r["id"], "region_name": r["name"], "level": r["level"],
                                           "parent_id": r["parent_id"]}))


def people(t: Tables) -> pd.DataFrame:
    """Every person (fact ``people``)."""
    p = t.dataset["people"]
    return PEOPLE.finish(pd.DataFrame({"person_id": p["id"], "person_name": p["name"], "gender": p["gender"],
                                          "reserve_cadre": p["reserve_cadre"]}))


def events(t: Tables, start, end) -> pd.DataFrame:
    """Posts started or ended and bodies founded or dissolved in ``(start, end]`` (fact ``events``)."""
    first, last = (np.datetime64(pd.Timestamp(x).date(), "s") for x in (start, end))
    bodies, posts = t.dataset["bodies"], t.dataset["posts"]
    parts = []
    for change, col in (("body_founded", "founded"), ("body_dissolved", "dissolved")):
        when = t.column("bodies", col)
        hit = (when > first) & (when <= last)
        parts.append(pd.DataFrame({"change": change, "subject_id": bodies["id"][hit], "name": bodies["name"][hit],
                                   "region_id": bodies["region_id"][hit],
                                   "detail": bodies["system"][hit] + " " + bodies["type"][hit], "date": when[hit],
                                   "body_id": bodies["id"][hit], "role": ""}))
    body, person = t.post_body, t.post_person
    for change, col in (("post_started", "start"), ("post_ended", "end")):
        when = t.column("posts", col)
        hit = (when > first) & (when <= last)
        parts.append(pd.DataFrame({
            "change": change, "subject_id": t.column("people", "id")[person[hit]],
            "name": t.column("people", "name")[person[hit]],
            "region_id": t.column("bodies", "region_id")[body[hit]],
            "detail": posts["role"][hit].to_numpy(dtype=object) + " of " + t.column("bodies", "id")[body[hit]],
            "date": when[hit], "body_id": t.column("bodies", "id")[body[hit]], "role": posts["role"][hit]}))
    frame = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(map(len, parts)) else None
    if frame is None:
        return EVENTS.finish([])
    frame["date"] = pd.to_datetime(frame["date"]).dt.strftime("%Y-%m-%d")
    return EVENTS.finish(frame)


def demo_links(t: Tables, as_of) -> pd.DataFrame:
    """Demonstration points active on the day, their site and pairing units (fact ``demo_links``)."""
    day = pd.Timestamp(as_of).date()
    points, pairings = t.dataset["demo_points"], t.dataset["pairings"]
    named = points[active(t.column("demo_points", "since"), None, day)]
    paired = pairings[active(t.column("pairings", "since"), None, day)]
    frame = named[["id", "name", "org_id"]].merge(
        paired[["demo_point_id", "org_id"]].rename(columns={"org_id": "pairing_org_id"}),
        left_on="id", right_on="demo_point_id", how="left")
    return DEMO_LINKS.finish(pd.DataFrame({"demo_point_id": frame["id"], "demo_name": frame["name"],
                                              "site_org_id": frame["org_id"],
                                              "pairing_org_id": frame["pairing_org_id"]}))


def venue_uses(t: Tables, as_of) -> pd.DataFrame:
    """Rooms and the active bodies using them on the day (fact ``venue_uses``)."""
    d = t.on(as_of)
    uses = t.dataset["venue_uses"]
    body = t.refs("venue_uses", "body_id", "bodies")
    venue = t.refs("venue_uses", "venue_id", "venues")
    keep = d.active[body] & active(t.column("venue_uses", "since"), t.column("venue_uses", "until"), d.day)
    return VENUE_USES.finish(pd.DataFrame({
        "venue_id": uses["venue_id"][keep], "venue_name": t.column("venues", "name")[venue[keep]],
        "body_id": uses["body_id"][keep], "system": t.column("bodies", "system")[body[keep]]}))


def _fact(name: str, summary: str, embedded, contract: Contract, args: tuple[str, ...] = ("as_of",)) -> Analysis:
    return Analysis(name=name, kind="fact", summary=summary, embedded=embedded, cypher=f"facts/{name}.cypher",
                    contract=contract, args=args)


ACTIVE_POSTS = _fact("active_posts", "Every post held on the day, with its person, body, host and region.",
                     active_posts, Contract(
                         columns=("person_id", "person_name", "gender", "body_id", "body_name", "system", "type",
                                  "org_id", "org_kind", "region_id", "role"),
                         order=(("person_id", True), ("body_id", True), ("role", True))))
ORGANIZATIONS = _fact("organizations", "Every organization with its coverage and best party grade on the day.",
                      organizations, Contract(
                          columns=("org_id", "org_name", "kind", "region_id", "two_new", "female_staff", "covered",
                                   "party_grade"),
                          order=(("org_id", True),), ints=("female_staff",), bools=("two_new", "covered")),
                      args=("as_of", "rules"))
BODIES = _fact("bodies", "Every body active on the day, with its host's kind.", bodies, Contract(
    columns=("body_id", "body_name", "system", "type", "org_id", "org_kind", "region_id"), order=(("body_id", True),)))
REGIONS = _fact("regions", "The region tree.", regions, Contract(
    columns=("region_id", "region_name", "level", "parent_id"), order=(("region_id", True),)), args=())
PEOPLE = _fact("people", "Every person.", people, Contract(
    columns=("person_id", "person_name", "gender", "reserve_cadre"), order=(("person_id", True),),
    bools=("reserve_cadre",)), args=())
EVENTS = _fact("events", "Posts started or ended and bodies founded or dissolved between two days.", events, Contract(
    columns=("change", "subject_id", "name", "region_id", "detail", "date", "body_id", "role"),
    order=(("date", True), ("change", True), ("subject_id", True), ("detail", True))), args=("start", "end"))
DEMO_LINKS = _fact("demo_links", "Demonstration points active on the day, their site and pairing units.", demo_links,
                   Contract(columns=("demo_point_id", "demo_name", "site_org_id", "pairing_org_id"),
                            order=(("demo_point_id", True), ("pairing_org_id", True))))
VENUE_USES = _fact("venue_uses", "Rooms and the active bodies using them on the day.", venue_uses, Contract(
    columns=("venue_id", "venue_name", "body_id", "system"), order=(("venue_id", True), ("body_id", True))))

#: Every fact, in the order the docs list them.
ANALYSES = (ACTIVE_POSTS, ORGANIZATIONS, BODIES, REGIONS, PEOPLE, EVENTS, DEMO_LINKS, VENUE_USES, POST_LOAD)
