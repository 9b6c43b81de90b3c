"""Baseline for ``orgnet overlaps`` (default lens ``load``): people with at least 2 active posts, their
bodies and systems, per body (in id order) its name, her roles there and its host organization, which
of her bodies the reports sanction together, and only those with at least one extra post.

``python -m bench.baselines.overlaps FOLDER --as-of 2012-06-30 -o overlaps.csv``

Two of her bodies with one host (the organization, or the region of a region-level body) are *tied*
when a sanctioned cross-appointment (``SANCTIONED`` below: the five records of the reports, as a
literal table) applies to the host (its kind, two-new only, the region's level) and puts one body on
its side a and the other on side b (``system/type`` or ``system/*``; one of her roles there, when the
side names roles). Her seats are the connected groups of tied bodies, a body tied to none a seat of its
own: ``extra_posts`` = seats - 1, ``sanctioned_posts`` = her posts in tied bodies. The default lens
keeps people with ``extra_posts >= 1``; rows: most extra posts, then most posts, then person id.
"""

from __future__ import annotations

import sys

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pandas as pd

from . import common as c

_PARTY, _TEAM = "party/*", ("party/*", "women/*", "union/*", "youth/*")
#: The sanctioned cross-appointments (orgnet.sanctioned.SANCTIONED, repeated: a baseline may not
#: import orgnet), one row each, in the order their ids are listed.
SANCTIONED = pd.DataFrame.from_records([
    ("congress_chair_in_two_committees", ("women/congress",), ("chair",), (_PARTY, "admin/villagers_committee"), (),
     ("village",), False, ()),
    ("village_two_committees", (_PARTY,), (), ("admin/villagers_committee", "admin/residents_committee"), (),
     ("village", "community"), False, ()),
    ("party_government_team", (_PARTY,), (), ("admin/team",), (), ("organ", "institution"), False,
     ("township", "street")),
    ("federation_chair_in_leadership", ("women/federation",), ("chair",), (_PARTY, "admin/team"), (), (), False,
     ("township", "street")),
    ("two_new_one_team", _TEAM, (), _TEAM, (), ("enterprise", "social_org"), True, ()),
], columns=["rule", "a_bodies", "a_roles", "b_bodies", "b_roles", "org_kinds", "two_new_only", "region_levels"])
LENSES = ("load", "cross", "all")


def load(folder) -> dict[str, pd.DataFrame]:
    return {
        "people": c.read(folder, "people", ["id", "name"]),
        "organizations": c.read(folder, "organizations", ["id", "name", "kind", "two_new"]),
        "regions": c.read(folder, "regions", ["id", "level"]),
        "bodies": c.read(folder, "bodies", ["id", "name", "system", "type", "org_id", "region_id", "founded",
                                            "dissolved"]),
        "posts": c.read(folder, "posts", ["person_id", "body_id", "role", "start", "end"]),
    }


def compute(t: dict[str, pd.DataFrame], as_of, min_posts: int = c.MIN_POSTS, lens: str = "load") -> pd.DataFrame:
    """The rows ``orgnet overlaps`` writes (``lens``: ``load``, the default; ``cross``; ``all``)."""
    pairs, *roles = held_bodies(t, as_of, min_posts)
    tied_by, x, y = ties(t, pairs, *roles)
    seat = components(len(pairs), x, y)
    person, tied = pairs["person"].to_numpy(), tied_by.any(axis=1)
    n_people = len(t["people"])
    seats = np.bincount(person, weights=seat == np.arange(len(pairs)), minlength=n_people).astype(np.int64)
    sanctioned = np.bincount(person, weights=pairs["n"].to_numpy() * tied, minlength=n_people).astype(np.int64)
    extra = seats - 1
    shown = {"load": extra >= c.MIN_EXTRA_POSTS, "cross": sanctioned > 0}.get(lens, np.ones(n_people, dtype=bool))
    rows = shown[person]
    frame = per_person(t, pairs[rows].reset_index(drop=True), tied_by[rows])
    who = frame.pop("person").to_numpy()
    frame["sanctioned_posts"], frame["extra_posts"] = sanctioned[who], extra[who]
    return c.finish("overlaps", frame)


def held_bodies(t: dict[str, pd.DataFrame], as_of, min_posts: int):
    """One row per (person, body) held on the day by people with at least ``min_posts`` posts, in
    (person, body id) order: ``person``, ``body`` (positions), ``posts`` (hers), ``n`` (her posts in the
    body), ``role`` (her distinct roles there, sorted, "/"-joined); and per role she holds in a body its
    pair row and role code, and the roles (text) by code."""
    day = c.day(as_of)
    people, bodies, posts = t["people"], t["bodies"], t["posts"]
    body = c.positions(bodies["id"], posts["body_id"])
    active_body = c.current(bodies["founded"], bodies["dissolved"], day)
    held = c.current(posts["start"], posts["end"], day) & active_body[body]
    person = c.positions(people["id"], posts["person_id"])[held]
    body = body[held]
    count = np.bincount(person, minlength=len(people))
    keep = count[person] >= min_posts
    person, body = person[keep], body[keep]
    role, names = pd.factorize(posts["role"][held][keep], sort=True)  # codes in the roles' sort order
    names = np.asarray(names, dtype=object)
    # the bodies held, ranked by id (pyarrow sorts the text; positions follow the file's order)
    used = np.unique(body)
    rank = np.zeros(len(bodies), dtype=np.int64)
    rank[used[pc.sort_indices(pa.array(bodies["id"].take(used))).to_numpy()]] = np.arange(len(used))
    order = np.lexsort((role, rank[body], person))
    person, body, role = person[order], body[order], role[order]
    new_pair = (np.diff(person, prepend=-1) != 0) | (np.diff(body, prepend=-1) != 0)
    new_role = new_pair | (np.diff(role, prepend=-1) != 0)
    pair = np.cumsum(new_pair) - 1
    role_pair, role = pair[new_role], role[new_role]
    joined = (pd.Series(names[role]) + "/").groupby(role_pair, sort=True).sum().str[:-1]
    pairs = pd.DataFrame({"person": person[new_pair], "body": body[new_pair], "posts": count[person[new_pair]],
                          "n": np.bincount(pair), "role": joined.to_numpy(dtype=object)})
    return pairs, role_pair, role, names


def hosts(t: dict[str, pd.DataFrame], body: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per body position: its host organization's position (-1: none) and its region's (-1: none)."""
    bodies = t["bodies"]
    host = c.positions(t["organizations"]["id"], c.pick(bodies["org_id"], body))
    region = c.positions(t["regions"]["id"], c.pick(bodies["region_id"], body))
    return host, region


def ties(t: dict[str, pd.DataFrame], pairs: pd.DataFrame, role_pair: np.ndarray, role: np.ndarray, names: np.ndarray):
    """Per (person, body) row and record, whether the record ties the body to another of hers (a
    boolean matrix, records in ``SANCTIONED``'s order); and the tied pairs of rows (x, y)."""
    n = len(pairs)
    host, region = hosts(t, pairs["body"].to_numpy())
    # every two of her bodies with one host: the organization, else (-2 - position) the region
    rows = pd.DataFrame({"person": pairs["person"].to_numpy(), "key": np.where(host >= 0, host, -2 - region),
                         "row": np.arange(n)})
    rows = rows[rows.duplicated(["person", "key"], keep=False)]
    both = rows.merge(rows, on=["person", "key"], suffixes=("_x", "_y"))
    x, y = both["row_x"].to_numpy(), both["row_y"].to_numpy()
    x, y = x[x < y], y[x < y]
    # what the records ask about, for the rows that have such a pair (text coded once, matched on its few values)
    at = np.unique(np.concatenate([x, y]))
    local = np.zeros(n, dtype=np.int64)
    local[at] = np.arange(len(at))
    bodies, orgs, regions = t["bodies"], t["organizations"], t["regions"]
    body = pairs["body"].to_numpy()[at]
    token, tokens = pd.factorize(c.pick(bodies["system"], body) + "/" + c.pick(bodies["type"], body))
    wilds = tokens.str.split("/").str[0] + "/*"
    kind, kinds = pd.factorize(orgs["kind"])
    org, reg = host[at], region[at]
    kind = np.where(org >= 0, kind[org], -1)
    two_new = orgs["two_new"].to_numpy(dtype=bool)[org] & (org >= 0)
    level, levels = pd.factorize(regions["level"])
    level = np.where((org < 0) & (reg >= 0), level[reg], -1)
    roles = role_pair, role, names
    tied_by, tie = np.zeros((n, len(SANCTIONED)), dtype=bool), np.zeros(len(x), dtype=bool)
    for k, rule in enumerate(SANCTIONED.itertuples()):
        on_a = side(token, tokens, wilds, rule.a_bodies) & has_role(n, *roles, rule.a_roles)[at]
        on_b = side(token, tokens, wilds, rule.b_bodies) & has_role(n, *roles, rule.b_roles)[at]
        where = ((among(kind, kinds, rule.org_kinds) & (two_new | (not rule.two_new_only)))
                 | among(level, levels, rule.region_levels))
        lx, ly = local[x], local[y]
        hit = where[lx] & ((on_a[lx] & on_b[ly]) | (on_b[lx] & on_a[ly]))
        tied_by[x[hit], k] = tied_by[y[hit], k] = True
        tie |= hit
    return tied_by, x[tie], y[tie]


def among(codes: np.ndarray, values: pd.Index, wanted: tuple[str, ...]) -> np.ndarray:
    """Per coded value (-1: none), whether it is one of ``wanted``."""
    return np.append(values.isin(wanted), False)[codes]


def side(token: np.ndarray, tokens: pd.Index, wilds: pd.Index, bodies: tuple[str, ...]) -> np.ndarray:
    """Per coded ``system/type``, whether it or its ``system/*`` is one of the side's ``bodies``."""
    return (tokens.isin(bodies) | wilds.isin(bodies))[token]


def has_role(n: int, role_pair: np.ndarray, role: np.ndarray, names: np.ndarray, wanted: tuple[str, ...]) -> np.ndarray:
    """Per (person, body) row, whether she holds one of the ``wanted`` roles there (always, if none is)."""
    if not wanted:
        return np.ones(n, dtype=bool)
    return np.bincount(role_pair, weights=np.isin(names, wanted)[role], minlength=n) > 0


def components(n: int, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Per row, the least row connected to it through the edges x–y (its seat; itself if none)."""
    label = np.arange(n)
    while True:
        low = np.minimum(label[x], label[y])
        new = label.copy()
        np.minimum.at(new, x, low)
        np.minimum.at(new, y, low)
        new = new[new]  # jump to the label's own label
        if np.array_equal(new, label):
            return label
        label = new


def per_person(t: dict[str, pd.DataFrame], pairs: pd.DataFrame, tied_by: np.ndarray) -> pd.DataFrame:
    """One row per person from her (person, body) rows in (person, body id) order: the joined ids and
    systems, the lists aligned with her bodies, the records tying them, her tied bodies and the others."""
    people, orgs, bodies = t["people"], t["organizations"], t["bodies"]
    person, body = pairs["person"].to_numpy(), pairs["body"].to_numpy()
    starts = np.flatnonzero(np.diff(person, prepend=-1))
    who = person[starts]
    body_id, name, system = c.pick(bodies["id"], body), c.pick(bodies["name"], body), c.pick(bodies["system"], body)
    systems = pd.DataFrame({"person": person, "system": system}).drop_duplicates().sort_values(["person", "system"])
    host = c.positions(orgs["id"], bodies["org_id"])[body]
    tied = tied_by.any(axis=1)
    ids = np.asarray(SANCTIONED["rule"], dtype=object)
    # a body's records, "/"-joined: one text per combination of records (a bit each)
    bits = tied_by.astype(np.int64) @ (1 << np.arange(len(ids)))
    texts = np.array(["/".join(ids[[m >> k & 1 == 1 for k in range(len(ids))]]) for m in range(1 << len(ids))],
                     dtype=object)
    mine = np.logical_or.reduceat(tied_by, starts, axis=0) if len(starts) else np.zeros((0, len(ids)), dtype=bool)
    her_rule, rule_k = np.nonzero(mine)

    def hosts(column: str) -> pd.Series:
        return pd.Series(orgs[column].array.take(host, allow_fill=True)).fillna("")

    def only(values: pd.Series, where: np.ndarray) -> list[list[str]]:
        return c.lists(values[where].reset_index(drop=True), runs(person[where], who))

    return pd.DataFrame({
        "person": who, "person_id": c.pick(people["id"], who), "person_name": c.pick(people["name"], who),
        "posts": pairs["posts"].to_numpy()[starts], "bodies": c.joined(body_id, person).to_numpy(),
        "systems": c.joined(systems["system"], systems["person"]).to_numpy(),
        "body_ids": c.lists(body_id, starts), "body_names": c.lists(name, starts),
        "body_systems": c.lists(system, starts), "roles": c.lists(pairs["role"], starts),
        "org_ids": c.lists(hosts("id"), starts), "org_names": c.lists(hosts("name"), starts),
        "body_rules": c.lists(pd.Series(texts[bits]), starts),
        "rules": c.lists(pd.Series(ids[rule_k]), runs(who[her_rule], who)),
        "sanctioned_body_ids": only(body_id, tied), "sanctioned_body_names": only(name, tied),
        "extra_body_ids": only(body_id, ~tied), "extra_body_names": only(name, ~tied)})


def runs(person: np.ndarray, who: np.ndarray) -> np.ndarray:
    """Where each person of ``who`` (ascending) begins among ``person`` (ascending; she may have none)."""
    return np.searchsorted(person, who, side="left")


def run(folder, as_of=c.AS_OF) -> pd.DataFrame:
    return compute(load(folder), as_of)


def main(argv=None) -> int:
    return c.main("overlaps", run, argv)


if __name__ == "__main__":
    sys.exit(main())
