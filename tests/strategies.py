"""Hypothesis strategies: small random datasets that always pass validation.

A dataset is drawn as plain Python rows and handed to ``orgnet.load`` as DataFrames, so the
properties can recompute every answer by brute force from the same rows.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from hypothesis import strategies as st

from orgnet.schema import SCHEMA

DAY0 = date(2008, 1, 1)
KINDS = ["enterprise", "social_org", "organ", "institution", "village", "community"]
ROLES = ["secretary", "deputy_secretary", "chair", "vice_chair", "member", "liaison", "executive"]


def _day(n: int | None) -> str:
    return "" if n is None else (DAY0 + timedelta(days=n)).isoformat()


@st.composite
def datasets(draw, max_orgs: int = 8, max_people: int = 10) -> dict[str, pd.DataFrame]:
    """A valid random dataset: a county, a few townships, orgs, bodies of every system, posts."""
    townships = draw(st.integers(1, 3))
    regions = [{"id": "R0", "name": "县", "level": "county", "parent_id": ""}]
    regions += [{"id": f"R{i}", "name": f"镇{i}", "level": "township", "parent_id": "R0"} for i in range(1, townships + 1)]
    region_ids = [r["id"] for r in regions]
    orgs = []
    for i in range(draw(st.integers(1, max_orgs))):
        total = draw(st.integers(0, 80))
        orgs.append({"id": f"O{i}", "name": f"单位{i}", "kind": draw(st.sampled_from(KINDS)),
                     "region_id": draw(st.sampled_from(region_ids)), "two_new": draw(st.booleans()),
                     "female_staff": draw(st.integers(0, total)), "total_staff": total,
                     "business_stable": draw(st.booleans()), "workforce_stable": draw(st.booleans())})
    bodies = []
    for i in range(draw(st.integers(1, 2 * len(orgs) + 2))):
        system = draw(st.sampled_from(list(SCHEMA.system_types)))
        type_ = draw(st.sampled_from(list(SCHEMA.system_types[system])))
        at_org = draw(st.booleans()) or not region_ids
        founded = draw(st.one_of(st.none(), st.integers(0, 1500)))
        dissolved = draw(st.one_of(st.none(), st.integers(0, 1500)))
        if founded is not None and dissolved is not None and dissolved < founded:
            founded, dissolved = dissolved, founded
        bodies.append({"id": f"B{i}", "name": f"机构{i}", "system": system, "type": type_,
                       "org_id": draw(st.sampled_from([o["id"] for o in orgs])) if at_org else "",
                       "region_id": "" if at_org else draw(st.sampled_from(region_ids)),
                       "grade": draw(st.sampled_from(["excellent", "standard", "weak", "unrated", ""])) if system == "party" else "",
                       "founded": _day(founded), "dissolved": _day(dissolved)})
    people = [{"id": f"P{i}", "name": f"人{i}", "gender": draw(st.sampled_from(["F", "M"])),
               "birth_year": draw(st.integers(1950, 1995)), "education": draw(st.sampled_from(["college", "bachelor", ""])),
               "party_member": draw(st.booleans()),
               "employer_org_id": draw(st.sampled_from(["", *[o["id"] for o in orgs]])),
               "reserve_cadre": draw(st.booleans())}
              for i in range(draw(st.integers(1, max_people)))]
    posts, seen = [], set()
    for _ in range(draw(st.integers(1, 3 * len(people)))):
        person = draw(st.sampled_from(people))["id"]
        body = draw(st.sampled_from(bodies))
        start = draw(st.integers(0, 1500))
        if body["dissolved"] and _day(start) >= body["dissolved"]:
            continue
        end = draw(st.one_of(st.none(), st.integers(start, 1600)))
        role = draw(st.sampled_from(ROLES))
        if (person, body["id"], role, start) in seen:
            continue
        seen.add((person, body["id"], role, start))
        posts.append({"person_id": person, "body_id": body["id"], "role": role, "start": _day(start), "end": _day(end)})
    if not posts:  # a dataset needs at least one post: one that cannot clash with a dissolution
        body = next((b for b in bodies if not b["dissolved"]), None)
        if body is None:
            bodies[0]["dissolved"] = ""
            body = bodies[0]
        posts.append({"person_id": people[0]["id"], "body_id": body["id"], "role": "member", "start": _day(0), "end": ""})
    tables = {"regions": regions, "organizations": orgs, "bodies": bodies, "people": people, "posts": posts}
    return {name: pd.DataFrame(rows, columns=list(SCHEMA.table(name).columns)) for name, rows in tables.items()}


as_of_days = st.integers(0, 1600).map(lambda n: DAY0 + timedelta(days=n))
