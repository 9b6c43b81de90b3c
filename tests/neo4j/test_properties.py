"""Property: on small random valid datasets, Neo4j and networkx give identical answers.

Hypothesis draws a region tree, organizations, bodies of every system and type, people, posts,
liaisons, visits, demonstration points, pairings, venues and their uses, with dates around the days
looked at (so boundaries such as "ends on as_of" come up often), and random rule thresholds. Each
example is loaded into the test server (wipe + load) and every analysis and fact is compared.
ORGNET_PROPERTY_EXAMPLES sets the number of examples (default 30).
"""

from __future__ import annotations

import os

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgnet.analyses import ANALYSES
from orgnet.api import load_dataset
from orgnet.engines.networkx import NetworkxEngine
from orgnet.rules import Rules
from orgnet.schema import SCHEMA

pytestmark = pytest.mark.neo4j

DAYS = ["2012-06-30"]  # the drawn dates sit around it: starts, ends and dissolutions on the day itself
DATES = ["", "2010-01-01", "2011-06-30", "2012-01-01", "2012-06-30", "2012-07-01", "2013-01-01"]
LEVELS_BELOW = {"county": ["township", "street", "park"], "district": ["township", "street", "park"],
                "township": ["village"], "street": ["community"], "park": [], "village": [], "community": []}
EXAMPLES = int(os.environ.get("ORGNET_PROPERTY_EXAMPLES", "30"))


@st.composite
def datasets(draw) -> dict[str, pd.DataFrame]:
    pick = lambda options: draw(st.sampled_from(options))  # noqa: E731
    flag = lambda: draw(st.booleans())  # noqa: E731

    def later(first: str) -> str:
        """A date on or after ``first`` (or empty)."""
        return pick([""] + [d for d in DATES[1:] if not first or d >= first])

    regions = [{"id": "R0", "name": "县", "level": pick(["county", "district"]), "parent_id": ""}]
    for i in range(1, draw(st.integers(1, 6))):
        parent = pick([r for r in regions if LEVELS_BELOW[r["level"]]])
        regions.append({"id": f"R{i}", "name": f"区{i}", "level": pick(LEVELS_BELOW[parent["level"]]),
                        "parent_id": parent["id"]})
    region_ids = [r["id"] for r in regions]

    orgs = []
    for i in range(draw(st.integers(1, 7))):
        female = pick([0, 1, 5, 29, 30, 31, 60])
        orgs.append({"id": f"O{i}", "name": f"单位{i}", "region_id": pick(region_ids),
                     "kind": pick(list(SCHEMA.table("organizations").column("kind").values)),
                     "two_new": str(flag()).lower(), "female_staff": female, "total_staff": female + pick([0, 3]),
                     "business_stable": str(flag()).lower(), "workforce_stable": str(flag()).lower()})
    org_ids = [o["id"] for o in orgs]

    bodies = []
    for i in range(draw(st.integers(1, 12))):
        system = pick(list(SCHEMA.system_types))
        hosted = draw(st.integers(0, 3)) > 0
        founded = pick(DATES)
        bodies.append({"id": f"B{i}", "name": f"机构{i}", "system": system, "type": pick(list(SCHEMA.system_types[system])),
                       "org_id": pick(org_ids) if hosted else "", "region_id": "" if hosted else pick(region_ids),
                       "grade": pick(["", "excellent", "standard", "weak", "unrated"]) if system == "party" else "",
                       "founded": founded, "dissolved": pick(["", "", later(founded) or "2013-01-01"])})

    people = [{"id": f"P{i}", "name": f"人{i}", "gender": pick(["F", "M"]), "birth_year": pick(["", "1970", "1988"]),
               "education": pick(["", "college", "bachelor", "postgraduate"]), "party_member": str(flag()).lower(),
               "employer_org_id": pick([""] + org_ids), "reserve_cadre": str(flag()).lower()}
              for i in range(draw(st.integers(1, 8)))]
    person_ids = [p["id"] for p in people]

    posts = {}
    for _ in range(draw(st.integers(1, 20))):  # posts is a required table: at least one row
        body = pick(bodies)
        start = pick([d for d in DATES if not body["dissolved"] or d < body["dissolved"]])
        key = (pick(person_ids), body["id"], pick(list(SCHEMA.table("posts").column("role").values)), start)
        posts[key] = {"person_id": key[0], "body_id": key[1], "role": key[2], "start": start, "end": later(start)}

    liaisons = {}
    for _ in range(draw(st.integers(0, 5))):
        since = pick(DATES)
        key = (pick(person_ids), pick(bodies)["id"], since)
        liaisons[key] = {"person_id": key[0], "body_id": key[1], "since": since, "until": later(since)}
    visits = {}
    for _ in range(draw(st.integers(0, 6))):
        key = (pick(person_ids), pick(bodies)["id"], pick(DATES[1:]))
        visits[key] = dict(zip(("person_id", "body_id", "date"), key))

    demo_points = [{"id": f"D{i}", "name": f"示范点{i}", "org_id": pick(org_ids), "since": pick(DATES)}
                   for i in range(draw(st.integers(0, 2)))]
    pairings = {}
    for _ in range(draw(st.integers(0, 3)) if demo_points else 0):
        key = (pick(org_ids), pick(demo_points)["id"])
        pairings[key] = {"org_id": key[0], "demo_point_id": key[1], "since": pick(DATES)}
    venues = [{"id": f"V{i}", "name": f"阵地{i}", "org_id": pick([""] + org_ids), "region_id": ""}
              for i in range(draw(st.integers(0, 2)))]
    uses = {}
    for _ in range(draw(st.integers(0, 4)) if venues else 0):
        since = pick(DATES)
        key = (pick(venues)["id"], pick(bodies)["id"], since)
        uses[key] = {"venue_id": key[0], "body_id": key[1], "since": since, "until": later(since)}

    tables = {"regions": regions, "organizations": orgs, "bodies": bodies, "people": people,
              "posts": list(posts.values()), "liaisons": list(liaisons.values()), "visits": list(visits.values()),
              "demo_points": demo_points, "pairings": list(pairings.values()), "venues": venues,
              "venue_uses": list(uses.values())}
    return {name: pd.DataFrame(rows, columns=list(SCHEMA.table(name).columns)).astype(str)
            for name, rows in tables.items()}


rule_sets = st.builds(
    Rules,
    committee_min_female=st.sampled_from([1, 30, 31]),
    liaison_min_female=st.sampled_from([0, 1, 5]),
    committee_types=st.sampled_from([("committee", "work_committee", "federation"), ("congress",)]),
    min_posts=st.sampled_from([1, 2, 3]),
    nameplate_jaccard=st.sampled_from([0.0, 0.3333, 0.5, 1.0]),
    links_min=st.sampled_from([0, 1]),
    links_max=st.sampled_from([1, 3]),
    visits_per_year=st.sampled_from([1, 2]),
    grade_order=st.sampled_from([("excellent", "standard", "weak", "unrated", "none"), ("none", "weak", "excellent")]),
    plan_first_grades=st.sampled_from([("excellent", "standard"), ("weak", "unrated"), ()]),
    stats_levels=st.sampled_from([("county", "district", "township", "street", "park"), ("village", "community", "county")]),
    cadre_federation_levels=st.sampled_from([("county", "district", "township", "street"), ("village", "park")]),
)


def compare(nx, neo, rules: Rules) -> None:
    """Every engine analysis and fact of the registry, on each day, under ``rules``."""
    for name, analysis in ANSWERED.items():
        for day in DAYS if "as_of" in analysis.args else DAYS[:1]:  # the others are asked once
            args = {"as_of": day, "year": 2012, "start": "2011-01-01", "end": "2012-06-30", "rules": rules}
            args = {k: args[k] for k in analysis.args}
            pd.testing.assert_frame_equal(neo.answer(name, **args), nx.answer(name, **args), obj=f"{name}{args}")


#: What each engine answers itself (the derived analyses are computed from these, the same for both).
ANSWERED = {name: a for name, a in ANALYSES.items() if a.kind != "derived"}


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(tables=datasets(), rules=rule_sets)
def test_engines_agree_on_random_datasets(neo4j_engine, tables, rules):
    dataset = load_dataset(tables)
    compare(NetworkxEngine(dataset), neo4j_engine(dataset), rules)
