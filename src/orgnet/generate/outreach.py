"""The federation's work beyond its bodies, in the report-based profiles: executives' liaison links
(挂钩联系) and visits, demonstration points (示范点) paired with organs, activity rooms (阵地) shared
by several bodies, and reserve cadres.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..schema import SCHEMA
from .builder import Builder
from .names import VENUE_NAMES


def liaison_network(b: Builder, executives: list[str], targets: list[str], *, four: int = 1, none: int = 1) -> None:
    """Each executive links 1-3 two-new women's bodies (``four`` of them link 4, ``none`` link none), with visits."""
    rng = b.rng
    targets = list(targets)
    rng.shuffle(targets)
    plan = [0] * none + [4] * four
    plan += [rng.choice((1, 2, 2, 3)) for _ in range(len(executives) - len(plan))]
    rng.shuffle(plan)
    k = 0
    for person, n in zip(executives, plan):
        for _ in range(n):
            body = targets[k % len(targets)]
            k += 1
            founded = b.body_of[body]["founded"] or date(2008, 1, 1)
            since = b.day(max(founded, date(2010, 3, 1)), max(max(founded, date(2010, 3, 1)), date(2012, 3, 1)))
            dissolved = b.body_of[body]["dissolved"]
            until = dissolved if dissolved is not None else (
                b.day(date(2012, 7, 1), date(2012, 12, 1)) if b.chance(0.05) else None)
            if until is not None and until < since:
                since = until - timedelta(days=30)
            b.tables["liaisons"].append({"person_id": person, "body_id": body, "since": since, "until": until})
            last = min(date(2012, 12, 31), until - timedelta(days=1)) if until else date(2012, 12, 31)
            days: list[date] = []
            for year_first, year_last, counts in ((date(2011, 1, 1), date(2011, 12, 31), (2, 2, 3, 2, 1)),
                                                  (date(2012, 1, 1), date(2012, 12, 31), (1, 2, 5, 4, 2))):
                first, end = max(year_first, since), min(year_last, last)
                if first <= end:
                    visits = rng.choices((0, 1, 2, 3, 4), counts)[0]
                    days += sorted({b.day(first, end) for _ in range(visits)})
            for d in days:
                b.tables["visits"].append({"person_id": person, "body_id": body, "date": d})


def demo_points(b: Builder, orgs: list[str], organs: list[str], *, later: int = 0) -> None:
    """Demonstration points at ``orgs`` (named by AS_OF) plus ``later`` named after it, each paired with 1-2 organs."""
    rng = b.rng
    for i, org in enumerate(orgs):
        since = b.day(date(2009, 3, 1), date(2012, 5, 31)) if i < len(orgs) - later else b.day(date(2012, 7, 1), date(2012, 12, 1))
        did = f"D{len(b.tables['demo_points']) + 1:03d}"
        b.tables["demo_points"].append({"id": did, "name": b.org_of[org]["name"] + "“党建带妇建”示范点", "org_id": org,
                                        "since": since})
        for organ in rng.sample(organs, rng.choice((1, 1, 2))):
            b.tables["pairings"].append({"org_id": organ, "demo_point_id": did, "since": since})


def venues(b: Builder, share: dict[str, float], shared_rooms: list[tuple[str, str | None, str | None, list[str]]] = ()) -> None:
    """Activity rooms (阵地): one room, many uses (一室多用) in a share of organizations with 2+ bodies.

    ``shared_rooms``: extra (name, org, region, bodies) rooms, e.g. a park centre used by its firms.
    """
    if "venues" not in SCHEMA.tables or "venue_uses" not in SCHEMA.tables:
        return
    by_org: dict[str, list[dict]] = {}
    for body in b.tables["bodies"]:
        if body["org_id"] is not None:
            by_org.setdefault(body["org_id"], []).append(body)
    rooms = []
    for org, bodies in by_org.items():
        kind = b.org_of[org]["kind"]
        if len(bodies) >= 2 and b.chance(share.get(kind, 0.0)):
            rooms.append((b.org_of[org]["name"] + b.rng.choice(VENUE_NAMES[kind]), org, None, [x["id"] for x in bodies]))
    for name, org, region, bodies in [*rooms, *shared_rooms]:
        vid = f"V{len(b.tables['venues']) + 1:04d}"
        b.tables["venues"].append({"id": vid, "name": name, "org_id": org, "region_id": region})
        opened = b.day(date(2006, 1, 1), date(2011, 12, 31))
        for body in bodies:
            row = b.body_of[body]
            since = max(row["founded"] or opened, opened)
            until = row["dissolved"]
            if until is not None and since > until:
                since = row["founded"] or until
            if until is None and b.chance(0.03):  # moved out
                until = since + timedelta(days=b.rng.randint(200, 1500))
            b.tables["venue_uses"].append({"venue_id": vid, "body_id": body, "since": since, "until": until})


def reserve(b: Builder, share: float = 0.04) -> None:
    """Some younger, educated people are reserve cadres (rule 7 asks that at least 20% of them are women)."""
    for row in b.tables["people"]:
        if row["birth_year"] >= 1970 and row["education"] in ("college", "bachelor", "postgraduate") and b.chance(share * 3):
            row["reserve_cadre"] = True
