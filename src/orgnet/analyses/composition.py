"""Leadership composition: the source's rules on women in leadership, each a row that passes or not."""

from __future__ import annotations

import pandas as pd

from ..results import Contract, figure_value
from ..rules import Rules
from .record import Analysis

#: The order of composition's rules.
COMPOSITION_RULES = ("township_teams_with_woman", "department_teams_with_woman", "reserve_cadres_women",
                     "congress_chairs_in_two_committees")


def composition(engine, as_of, rules: Rules) -> pd.DataFrame:
    """The four leadership rules (Beihu), each with numerator, denominator, value (%) and pass/fail.

    - ``township_teams_with_woman``: every township/street party-government team (an ``admin`` body of
      type ``team`` at a township or street region) has at least one woman among its active post holders;
    - ``department_teams_with_woman``: more than ``department_teams_min_share`` of the teams of
      district departments (``team`` bodies hosted by organs) include a woman;
    - ``reserve_cadres_women``: women are at least ``reserve_women_min_share`` of reserve cadres;
    - ``congress_chairs_in_two_committees``: every village women's congress chair also holds a post in
      the village party body or the villagers' committee ("two committees").

    Examples
    --------
    >>> import orgnet
    >>> c = composition(orgnet.load("tests/data/tiny").engine, "2012-06-30", Rules())
    >>> c[["rule", "numerator", "denominator", "passed"]].values.tolist()[0]
    ['township_teams_with_woman', 1, 2, False]
    """
    posts, bodies = engine.answer("active_posts", as_of=as_of), engine.answer("bodies", as_of=as_of)
    levels = engine.answer("regions").set_index("region_id")["level"]
    women_in = posts[posts.gender == "F"].groupby("body_id").size()
    teams = bodies[(bodies.system == "admin") & (bodies.type == "team")]
    township = teams[teams.org_id.eq("") & teams.region_id.map(levels).isin(["township", "street"])]
    departments = teams[teams.org_kind == "organ"]
    people = engine.answer("people")
    reserve = people[people.reserve_cadre]
    congress_num, congress_den = _congress_chairs(posts)
    rows = [
        _row("township_teams_with_woman", township.body_id.isin(women_in.index).sum(), len(township), "all", None),
        _row("department_teams_with_woman", departments.body_id.isin(women_in.index).sum(), len(departments),
             f"> {rules.department_teams_min_share:.0%}", lambda n, d: n / d > rules.department_teams_min_share),
        _row("reserve_cadres_women", (reserve.gender == "F").sum(), len(reserve),
             f"≥ {rules.reserve_women_min_share:.0%}", lambda n, d: n / d >= rules.reserve_women_min_share),
        _row("congress_chairs_in_two_committees", congress_num, congress_den, "all", None),
    ]
    return COMPOSITION.finish(rows)


def _row(rule: str, numerator, denominator: int, threshold: str, test) -> dict:
    numerator = int(numerator)
    passed = denominator > 0 and (numerator == denominator if test is None else test(numerator, denominator))
    return {"rule": rule, "numerator": numerator, "denominator": denominator,
            "value": figure_value("percent", numerator, denominator), "threshold": threshold, "passed": passed}


def _congress_chairs(posts: pd.DataFrame) -> tuple[int, int]:
    """Village congresses with a chair, and those whose chair sits in the village two committees."""
    chairs = posts[(posts.type == "congress") & (posts.org_kind == "village") & (posts.role == "chair")]
    two = posts[(posts.system == "party") | (posts.type == "villagers_committee")]
    seats = set(zip(two.person_id, two.org_id))
    sits = {body for body, person, org in zip(chairs.body_id, chairs.person_id, chairs.org_id) if (person, org) in seats}
    return len(sits), chairs.body_id.nunique()


COMPOSITION = Contract(columns=("rule", "numerator", "denominator", "value", "threshold", "passed"),
                       order=(("rule", True),), ints=("numerator", "denominator"), floats=("value",),
                       bools=("passed",), declared={"rule": COMPOSITION_RULES})

ANALYSES = (Analysis(name="composition", kind="derived", contract=COMPOSITION, derived=composition,
                     summary="The leadership rules (women in teams, reserve cadres, congress chairs): pass or fail."),)
