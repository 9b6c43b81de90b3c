"""``plan``: where to build women's committees next, in the order the reports give (rules 3, 4).

The organizations that break ``committee_required`` (a two-new organization with enough female staff
and no women's committee), on two lists (``list``):

- ``queue``, the women's build queue (下一步组建对象): the ones with an active party body (先党后妇),
  by the tier of their party grade (``rules.plan_first_grades``: 优秀, then 达标, then every other
  grade as one tier, 其余已建党组织的), then readiness (两稳定一合适, ``readiness``: how many of
  business stable, female workforce stable and a suitable candidate hold; 成熟一个，组建一个), then
  size (以大促小: more female staff, then more staff), then id;
- ``party_first`` (先建党组织): the ones without an active party body, by size, then id; the party
  body comes first, so they are not in the queue.

``rank`` counts from 1 in each list. The party grade is the best of the organization's active
party bodies in ``rules.grade_order`` ("none" without one). A suitable candidate (合适人选) to chair
the committee is a woman, a party member, who works there; ``candidates`` names them (by person id),
and ``candidate_posts`` says, for each, the posts she holds on the day, rendered from the typed
``post_*`` lists (one entry per post, ``post_person_ids`` saying whose) by
``orgnet.glossary.candidate_posts``; ``reasons`` by ``orgnet.glossary.plan_reasons``.

Examples
--------
>>> from orgnet.api import load_dataset
>>> from orgnet.engines.coded import Tables
>>> from orgnet.rules import Rules
>>> plan = embedded(Tables(load_dataset("tests/data/tiny")), "2012-06-30", Rules())
>>> plan[["list", "rank", "org_id", "party_grade"]].values.tolist()
[['queue', 1, 'O2', 'excellent'], ['queue', 2, 'O10', 'excellent'], ['queue', 3, 'O1', 'standard'], \
['party_first', 1, 'O9', 'none']]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..engines.coded import Tables
from ..glossary import candidate_posts, plan_reasons
from ..results import Contract
from ..rules import Rules
from .record import Analysis

#: The plan's lists, in the order rows come (``plan.list``).
LISTS = ("queue", "party_first")
#: The typed lists of the candidates' posts, one entry per post.
POST_COLUMNS = ("post_person_ids", "post_body_ids", "post_body_names", "post_systems", "post_types", "post_roles")


def embedded(t: Tables, as_of, rules: Rules) -> pd.DataFrame:
    """The organizations needing a committee on the day, on their lists, ranked (see the module docstring)."""
    d = t.on(as_of)
    missing, _ = t.committee_required(d, rules)
    at = np.flatnonzero(missing)
    orgs = t.dataset["organizations"]
    rows = pd.DataFrame({
        "org_id": t.text("organizations", "id").take(at), "org_name": t.text("organizations", "name").take(at),
        "region_id": t.text("organizations", "region_id").take(at),
        "female_staff": orgs["female_staff"].to_numpy(dtype=np.int64)[at],
        "total_staff": orgs["total_staff"].to_numpy(dtype=np.int64)[at],
        "party_grade": t.party_grade(d, rules)[at],
        "business_stable": orgs["business_stable"].to_numpy(dtype=bool)[at],
        "workforce_stable": orgs["workforce_stable"].to_numpy(dtype=bool)[at],
        **t.places(t.org_region[at])})
    rows = pd.concat([rows, _candidates(t, d, at)], axis=1)
    suitable = rows["candidate_ids"].map(len) > 0
    rows["readiness"] = rows["business_stable"].astype(int) + rows["workforce_stable"].astype(int) + suitable
    rows["ready"] = rows["readiness"] == 3
    rows["list"] = np.where(rows["party_grade"] == "none", "party_first", "queue")
    return ANALYSIS.finish(ranked(rows, rules))


def _candidates(t: Tables, d, at: np.ndarray) -> pd.DataFrame:
    """Per organization of ``at`` (in that order): its candidates' ids and names, and their posts held on the day."""
    place = np.full(len(t.dataset["organizations"]), -1)
    place[at] = np.arange(len(at))
    employer = t.refs("people", "employer_org_id", "organizations")
    works = np.where(employer >= 0, place[np.maximum(employer, 0)], -1)
    who = np.flatnonzero(t.is_in("people", "gender", "F") & t.column("people", "party_member") & (works >= 0))
    people = pd.DataFrame({"row": works[who], "person": np.asarray(t.column("people", "id"), dtype=object)[who],
                           "name": np.asarray(t.column("people", "name"), dtype=object)[who]})
    people = people.sort_values(["row", "person"], kind="stable")
    out = pd.DataFrame(index=range(len(at)))
    by_row = people.groupby("row", sort=False)
    out["candidate_ids"] = _lists(by_row["person"], len(at))
    out["candidates"] = _lists(by_row["name"], len(at))
    row_of = np.full(len(t.dataset["people"]), -1)
    row_of[who] = works[who]
    posts = np.flatnonzero(d.held)
    posts = posts[row_of[t.post_person[posts]] >= 0]
    body = t.post_body[posts]
    held = pd.DataFrame({
        "row": row_of[t.post_person[posts]],
        "post_person_ids": np.asarray(t.column("people", "id"), dtype=object)[t.post_person[posts]],
        "post_body_ids": np.asarray(t.column("bodies", "id"), dtype=object)[body],
        "post_body_names": np.asarray(t.column("bodies", "name"), dtype=object)[body],
        "post_systems": np.asarray(t.column("bodies", "system"), dtype=object)[body],
        "post_types": np.asarray(t.column("bodies", "type"), dtype=object)[body],
        "post_roles": np.asarray(t.column("posts", "role"), dtype=object)[posts]})
    held = held.sort_values(["row", "post_person_ids", "post_body_ids", "post_roles"], kind="stable")
    by_row = held.groupby("row", sort=False)
    for column in POST_COLUMNS:
        out[column] = _lists(by_row[column], len(at))
    return out


def _lists(grouped, n: int) -> list[list[str]]:
    """Each of ``n`` rows' values as a list (empty where the row has none)."""
    out: list[list[str]] = [[] for _ in range(n)]
    for row, values in grouped.agg(list).items():
        out[int(row)] = values
    return out


def ranked(rows: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Rows in the plan's order, numbered from 1 in each list (``rank``)."""
    tiers = {g: i for i, g in enumerate(rules.plan_first_grades)}
    queue = rows["list"] == "queue"
    keys = pd.DataFrame({
        "list": rows["list"].map({name: i for i, name in enumerate(LISTS)}),
        "tier": np.where(queue, rows["party_grade"].map(tiers).fillna(len(tiers)), 0),
        "readiness": np.where(queue, -rows["readiness"], 0),
        "female": -rows["female_staff"], "staff": -rows["total_staff"], "org": rows["org_id"].astype(str)})
    order = keys.sort_values(list(keys.columns), kind="stable").index
    out = rows.loc[order]
    return out.assign(rank=out.groupby("list", sort=False).cumcount().to_numpy() + 1)


def _rendered(frame: pd.DataFrame) -> pd.DataFrame:
    """The words of a plan (``orgnet.glossary``): its reasons and its candidates' posts."""
    for column in ("candidate_ids", "candidates", *POST_COLUMNS):
        frame[column] = [list(v) if isinstance(v, (list, tuple, np.ndarray)) else [] for v in frame[column]]
    frame["reasons"] = plan_reasons(frame)
    frame["candidate_posts"] = candidate_posts(frame)
    return frame


CONTRACT = Contract(
    columns=("list", "rank", "org_id", "org_name", "region_id", "female_staff", "party_grade", "ready",
             "candidates", "candidate_posts", "reasons", "readiness", "business_stable", "workforce_stable",
             "total_staff", "candidate_ids", *POST_COLUMNS, "region_name", "township_id", "township_name"),
    order=(("list", True), ("rank", True)), declared={"list": LISTS},
    ints=("rank", "female_staff", "readiness", "total_staff"),
    bools=("ready", "business_stable", "workforce_stable"),
    lists=("candidates", "candidate_posts", "candidate_ids", *POST_COLUMNS), derive=_rendered,
    brief=("list", "rank", "org_id", "org_name", "township_name", "female_staff", "party_grade", "readiness",
           "candidates", "candidate_posts", "reasons"))

ANALYSIS = Analysis(
    name="plan", contract=CONTRACT,
    summary="Where to build women's committees next: the build queue (party grade, readiness, size) and "
            "the party-first list.",
    embedded=embedded, cypher="queries/plan.cypher",
    tables=("regions", "organizations", "bodies", "posts", "people"))
