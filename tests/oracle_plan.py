"""The reference walk of ``plan`` (DOMAIN.md rules 3 and 4), apart from ``tests/oracle.py`` to keep
each module short; ``GraphWalk._plan_rows`` calls it. It reads the graph through the walk's own helpers
(``labelled``, ``in_edges``, ``posts_of``, ``best_grade``, ``needs_committee``, ``places``) and shares
no code with the engines."""

from __future__ import annotations

from datetime import date

from orgnet.rules import Rules


def plan_rows(walk, day: date, rules: Rules) -> list[dict]:
    """Rule 4: the organizations needing a committee; with a party body, the build queue by grade
    tier (``rules.plan_first_grades`` in order, every other grade one tier after), readiness, female
    staff, staff, id; without one, the party-first list by female staff, staff, id."""
    lists = {"queue": [], "party_first": []}
    for org, a in walk.labelled("Organization"):
        if not walk.needs_committee(org, day, rules):
            continue
        women = sorted((p for p, _ in walk.in_edges(org, "WORKS_AT")
                        if walk.attrs(p)["gender"] == "F" and walk.attrs(p)["party_member"]), key=lambda p: p[1])
        posts = sorted((p[1], b[1], role) for p in women for b, role in walk.posts_of(p, day))
        grade = walk.best_grade(org, day, rules)
        business, workforce = bool(a["business_stable"]), bool(a["workforce_stable"])
        readiness = int(business) + int(workforce) + int(bool(women))
        lists["party_first" if grade == "none" else "queue"].append({
            "org_id": a["id"], "org_name": a["name"], "region_id": a["region_id"],
            "female_staff": a["female_staff"], "total_staff": a["total_staff"], "party_grade": grade,
            "ready": readiness == 3, "readiness": readiness, "business_stable": business,
            "workforce_stable": workforce, "candidate_ids": [p[1] for p in women],
            "candidates": [walk.attrs(p)["name"] for p in women],
            "post_person_ids": [p for p, _, _ in posts], "post_body_ids": [b for _, b, _ in posts],
            "post_body_names": [walk.attrs(("Body", b))["name"] for _, b, _ in posts],
            "post_systems": [walk.attrs(("Body", b))["system"] for _, b, _ in posts],
            "post_types": [walk.attrs(("Body", b))["type"] for _, b, _ in posts],
            "post_roles": [r for _, _, r in posts], "candidate_posts": [], "reasons": "",
            **walk.places(a["region_id"])})
    tier = {g: i for i, g in enumerate(rules.plan_first_grades)}
    lists["queue"].sort(key=lambda r: (tier.get(r["party_grade"], len(tier)), -r["readiness"],
                                       -r["female_staff"], -r["total_staff"], r["org_id"]))
    lists["party_first"].sort(key=lambda r: (-r["female_staff"], -r["total_staff"], r["org_id"]))
    return [{"list": name, "rank": rank, **row} for name, rows in lists.items()
            for rank, row in enumerate(rows, start=1)]
