"""``plan``: where to build women's committees next, in the order the reports recommend (rules 3, 4).

The organizations that break ``committee_required``, ranked: ready first ("two stable, one
suitable": business stable, workforce stable, at least one candidate — a female party member who
works there), then by the best grade of the organization's active party bodies in
``rules.grade_order`` ("none" when it has none), then more female staff, then id.

Columns: ``rank, org_id, org_name, region_id, female_staff, ready, party_grade, candidates,
reasons`` (the documented contract), then ``business_stable``, ``workforce_stable``,
``region_name``, ``township_id``, ``township_name``. ``reasons`` is rendered from the typed columns
(``orgnet.glossary.plan_reasons``).

Examples
--------
>>> from orgnet.api import load_dataset
>>> from orgnet.engines.coded import Tables
>>> from orgnet.rules import Rules
>>> plan = embedded(Tables(load_dataset("tests/data/tiny")), "2012-06-30", Rules())
>>> plan[["rank", "org_id", "ready"]].values.tolist()[:2]
[[1, 'O1', True], [2, 'O2', False]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..engines.coded import Tables, count_per
from ..glossary import plan_reasons
from ..results import Contract
from ..rules import Rules
from .record import Analysis


def embedded(t: Tables, as_of, rules: Rules) -> pd.DataFrame:
    """The organizations needing a committee on the day, ranked (see the module docstring)."""
    d = t.on(as_of)
    missing, _ = t.committee_required(d, rules)
    employer = t.refs("people", "employer_org_id", "organizations")
    candidate = t.is_in("people", "gender", "F") & t.column("people", "party_member")
    at = np.flatnonzero(missing)
    orgs = t.dataset["organizations"]
    rows = pd.DataFrame({
        "org_id": t.text("organizations", "id").take(at), "org_name": t.text("organizations", "name").take(at),
        "region_id": t.text("organizations", "region_id").take(at),
        "female_staff": orgs["female_staff"].to_numpy(dtype=np.int64)[at],
        "party_grade": t.party_grade(d, rules)[at],
        "candidates": count_per(employer[candidate], len(missing))[at],
        "business_stable": orgs["business_stable"].to_numpy(dtype=bool)[at],
        "workforce_stable": orgs["workforce_stable"].to_numpy(dtype=bool)[at],
        **t.places(t.org_region[at])})
    rows["ready"] = rows["business_stable"] & rows["workforce_stable"] & (rows["candidates"] > 0)
    return ANALYSIS.finish(ranked(rows, rules))


def ranked(rows: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Rows in the plan's order, numbered from 1 (``rank``)."""
    grade_rank = rows["party_grade"].map({g: i for i, g in enumerate(rules.grade_order)})
    keys = pd.DataFrame({"ready": ~rows["ready"], "grade": grade_rank.fillna(len(rules.grade_order)),
                         "female": -rows["female_staff"], "org": rows["org_id"].astype(str)})
    order = keys.sort_values(["ready", "grade", "female", "org"], kind="stable").index
    return rows.loc[order].assign(rank=np.arange(1, len(order) + 1))


def _with_reasons(frame: pd.DataFrame) -> pd.DataFrame:
    frame["reasons"] = plan_reasons(frame)
    return frame


CONTRACT = Contract(
    columns=("rank", "org_id", "org_name", "region_id", "female_staff", "ready", "party_grade", "candidates",
             "reasons", "business_stable", "workforce_stable", "region_name", "township_id", "township_name"),
    order=(("rank", True),), ints=("rank", "female_staff", "candidates"),
    bools=("ready", "business_stable", "workforce_stable"), derive=_with_reasons,
    brief=("rank", "org_id", "org_name", "township_name", "female_staff", "ready", "party_grade", "candidates",
           "reasons"))

ANALYSIS = Analysis(
    name="plan", contract=CONTRACT, summary="Where to build women's committees next, in the reports' order.",
    embedded=embedded, cypher="queries/plan.cypher",
    tables=("regions", "organizations", "bodies", "posts", "people"))
