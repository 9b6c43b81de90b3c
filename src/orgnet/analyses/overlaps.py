"""``overlaps``: one person, many posts (一人多职) — everyone holding at least ``min_posts`` active posts,
seen through a lens.

The reports require or endorse some cross-appointments (``orgnet.sanctioned``: a village congress
chair in the two committees, one team with several nameplates in a two-new organization …). Two of
her bodies a sanctioned record covers are one *seat*; ``sanctioned_posts`` counts her posts in such
bodies, ``extra_posts`` her seats beyond the first (a body no record ties to another is a seat of
its own). The lens (``Rules.overlap_lens``): ``load`` (default, the problem view) keeps people with at
least ``min_extra_posts`` extra posts; ``cross`` people holding a sanctioned cross-appointment; ``all``
everyone.

Columns: ``person_id, person_name, posts, bodies, systems`` (the documented contract: ``bodies`` and
``systems`` as ``;``-joined ids and systems), then lists aligned with the person's bodies in id order:
``body_ids``, ``body_names``, ``body_systems``, ``roles`` (her role(s) in that body, ``/``-joined), ``org_ids`` and
``org_names`` (the host organization; empty for a region-level body); then ``sanctioned_posts``,
``extra_posts``, ``body_rules`` (aligned with ``body_ids``: the records tying that body to another of hers,
``/``-joined, empty for none), ``rules`` (those records, once each), ``sanctioned_body_ids`` /
``sanctioned_body_names`` and ``extra_body_ids`` / ``extra_body_names`` (her bodies tied, and not).
Rows: most extra posts first, then most posts, then person id.

Also the fact ``post_load``: active posts per person holding any (the charts' distribution).

Examples
--------
>>> from orgnet.api import load_dataset
>>> from orgnet.engines.coded import Tables
>>> from orgnet.rules import Rules
>>> t = Tables(load_dataset("tests/data/tiny"))
>>> embedded(t, "2012-06-30", Rules(overlap_lens="all")).person_id.tolist()
['P4', 'P6', 'P7', 'P1', 'P2', 'P3']
>>> o = embedded(t, "2012-06-30", Rules())  # the lens "load": P1-P3 hold one sanctioned seat each
>>> o.person_id.tolist(), o.extra_posts.tolist()
(['P4', 'P6', 'P7'], [1, 1, 1])
>>> o.loc[0, "body_ids"] == o.loc[0, "bodies"].split(";"), len(o.loc[0, "roles"]) == len(o.loc[0, "body_ids"])
(True, True)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..engines.coded import Tables, joined
from ..results import Contract
from ..rules import Rules
from ..sanctioned import RULE_IDS
from .record import Analysis
from .seats import seats


def embedded(t: Tables, as_of, rules: Rules) -> pd.DataFrame:
    """People with at least ``rules.min_posts`` posts held on the day, what they hold, which of it is
    sanctioned, and those the lens ``rules.overlap_lens`` keeps."""
    d = t.on(as_of)
    person, body, role = t.post_person[d.held], t.post_body[d.held], t.column("posts", "role")[d.held]
    count = np.bincount(person, minlength=len(t.dataset["people"]))
    keep = count[person] >= rules.min_posts
    posts = pd.DataFrame({"person": person[keep], "body": body[keep], "role": role[keep]})
    posts["body_id"] = t.text("bodies", "id").take(posts["body"].to_numpy())
    per_body = posts.groupby(["person", "body"], sort=False).size().rename("n")
    held = _held(posts)
    held["n"] = per_body.reindex(pd.MultiIndex.from_arrays([held["person"], held["body"]])).to_numpy()
    held = seats(t, held, rules.sanctioned)
    people = held["person"].to_numpy()
    who = pd.unique(people)
    n_seats = held[["person", "seat"]].drop_duplicates().groupby("person", sort=True).size().reindex(who).to_numpy()
    tied = held["rules"].to_numpy(dtype=object) != ""
    sanctioned_posts = pd.Series(np.where(tied, held["n"], 0)).groupby(people).sum().reindex(who).to_numpy()
    kept = in_lens(sanctioned_posts, n_seats - 1, rules)  # the lens first: lists only for the people shown
    held = held[np.isin(people, who[kept])].reset_index(drop=True)
    return ANALYSIS.finish(_rows(t, held, who[kept], count[who[kept]], sanctioned_posts[kept], n_seats[kept] - 1))


def _rows(t: Tables, held: pd.DataFrame, who: np.ndarray, posts, sanctioned_posts, extra_posts) -> pd.DataFrame:
    """One row per person in ``who`` (ascending) from her rows of ``held`` (one per body, by person
    then body id, with ``roles``, ``seat`` and ``rules``): the result's columns, lists in body order."""
    held["role"] = ["/".join(r) for r in held["roles"]]
    tied = held["rules"].to_numpy(dtype=object) != ""
    at, host = held["body"].to_numpy(), t.body_host[held["body"].to_numpy()]
    held["system"] = t.text("bodies", "system").take(at)
    names = t.text("bodies", "name").take(at)
    kinds = held[["person", "system"]].drop_duplicates().sort_values(["person", "system"])
    per = held.groupby("person", sort=True)
    frame = pd.DataFrame({
        "person_id": t.text("people", "id").take(who), "person_name": t.text("people", "name").take(who),
        "posts": posts, "sanctioned_posts": sanctioned_posts, "extra_posts": extra_posts,
        "bodies": joined(held["body_id"], held["person"]).array,
        "systems": joined(kinds["system"], kinds["person"]).array,
        "body_ids": _lists(per, who, held["body_id"]), "body_names": _lists(per, who, names),
        "body_systems": _lists(per, who, held["system"]), "roles": _lists(per, who, held["role"]),
        "org_ids": _lists(per, who, t.text("organizations", "id").take(host, allow_fill=True).fillna("")),
        "org_names": _lists(per, who, t.text("organizations", "name").take(host, allow_fill=True).fillna("")),
        "body_rules": _lists(per, who, held["rules"]),
        "sanctioned_body_ids": _lists(per, who, held["body_id"], tied),
        "sanctioned_body_names": _lists(per, who, names, tied),
        "extra_body_ids": _lists(per, who, held["body_id"], ~tied),
        "extra_body_names": _lists(per, who, names, ~tied)})
    frame["rules"] = [_distinct(r) for r in frame["body_rules"]]
    return frame


def _held(posts: pd.DataFrame) -> pd.DataFrame:
    """One row per person and body (by person, then body id): ``person``, ``body_id``, ``body`` and
    ``roles``, her distinct roles there in order. Runs of sorted rows, not a Python-level groupby."""
    ordered = posts.sort_values(["person", "body_id", "role"]).drop_duplicates(["person", "body", "role"])
    person, body = ordered["person"].to_numpy(), ordered["body"].to_numpy()
    start = np.flatnonzero(np.r_[len(person) > 0, (person[1:] != person[:-1]) | (body[1:] != body[:-1])])
    roles = np.split(ordered["role"].to_numpy(dtype=object), start[1:]) if len(start) else []
    return pd.DataFrame({"person": person[start], "body_id": ordered["body_id"].to_numpy(dtype=object)[start],
                         "body": body[start], "roles": [r.tolist() for r in roles]})


def in_lens(sanctioned_posts, extra_posts, rules: Rules) -> np.ndarray:
    """Which rows the lens keeps: ``load`` extra posts at least ``min_extra_posts``; ``cross`` any
    sanctioned post; ``all`` every row."""
    if rules.overlap_lens == "load":
        return np.asarray(extra_posts >= rules.min_extra_posts, dtype=bool)
    if rules.overlap_lens == "cross":
        return np.asarray(sanctioned_posts > 0, dtype=bool)
    return np.ones(len(extra_posts), dtype=bool)


def _distinct(body_rules: list[str]) -> list[str]:
    """The sanctioned records in ``body_rules`` ('/'-joined per body), once each, in registry order."""
    found = {r for joined_ids in body_rules for r in joined_ids.split("/") if r}
    return [r for r in RULE_IDS if r in found]


def _lists(groups, who: np.ndarray, values, where: np.ndarray | None = None) -> list[list[str]]:
    """Per person in ``who``, the values of her rows in row order (those ``where`` holds), as a list."""
    values, rows = np.asarray(values, dtype=object), groups.indices
    if where is None:
        return [values[rows[p]].tolist() for p in who]
    return [values[rows[p][where[rows[p]]]].tolist() for p in who]


CONTRACT = Contract(
    columns=("person_id", "person_name", "posts", "bodies", "systems", "body_ids", "body_names", "body_systems",
             "roles", "org_ids", "org_names", "sanctioned_posts", "extra_posts", "body_rules", "rules",
             "sanctioned_body_ids", "sanctioned_body_names", "extra_body_ids", "extra_body_names"),
    order=(("extra_posts", False), ("posts", False), ("person_id", True)), ints=("posts", "sanctioned_posts", "extra_posts"),
    lists=("body_ids", "body_names", "body_systems", "roles", "org_ids", "org_names", "body_rules", "rules",
           "sanctioned_body_ids", "sanctioned_body_names", "extra_body_ids", "extra_body_names"),
    brief=("person_id", "person_name", "posts", "sanctioned_posts", "extra_posts", "systems", "body_names"))

ANALYSIS = Analysis(
    name="overlaps", contract=CONTRACT, summary="People holding several active posts (一人多职).",
    embedded=embedded, cypher="queries/overlaps.cypher",
    tables=("regions", "organizations", "bodies", "posts", "people"))


def post_load(t: Tables, as_of) -> pd.DataFrame:
    """Active posts per person holding any, by person id."""
    d = t.on(as_of)
    count = np.bincount(t.post_person[d.held], minlength=len(t.dataset["people"]))
    who = np.flatnonzero(count)
    return POST_LOAD.finish(pd.DataFrame({"person_id": t.column("people", "id")[who], "posts": count[who]}))


POST_LOAD = Analysis(
    name="post_load", kind="fact", summary="Active posts per person holding any.", embedded=post_load,
    cypher="facts/post_load.cypher", args=("as_of",),
    contract=Contract(columns=("person_id", "posts"), order=(("person_id", True),), ints=("posts",)))
