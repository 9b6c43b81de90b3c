"""``nameplates``: one team, several nameplates (一套班子几块牌子) — pairs of bodies of one organization
held by (nearly) the same people.

The person projection is a self-merge on (organization, person), never networkx's generic
projection; the Jaccard similarity of the two bodies' holder sets is rounded to 4 places as Python
rounds, and pairs at or above ``rules.nameplate_jaccard`` are listed.

Columns: ``org_id, org_name, body_a, body_b, system_a, system_b, shared, jaccard``, then the pair's
``kind``, which tells a team that is one by design from a body that lost its people:

- ``lost_own_people``: one body's holders all sit in the other, and people left it (a post in it ended by
  the day, held by someone who holds none there now) — what is left is borrowed; ``lost_body`` names it
  (on both, the one more people left; on a tie ``body_a``) and ``people_left`` counts them;
- ``one_team`` (一套班子几块牌子 by design): a sanctioned cross-appointment (``orgnet.sanctioned``) ties the
  two bodies for every person they share (a two-new organization's party, women's, union and youth
  bodies; a village's two committees and congress chair; an organ's party and government team);
- ``shared``: neither.

``rules`` lists the sanctioned records tying the pair for every shared person (for every kind);
``detail`` says the kind in words (``orgnet.glossary.nameplate_kind``).

Examples
--------
>>> from orgnet.api import load_dataset
>>> from orgnet.engines.coded import Tables
>>> from orgnet.rules import Rules
>>> embedded(Tables(load_dataset("tests/data/tiny")), "2012-06-30", Rules())[["body_a", "body_b"]].values.tolist()[:1]
[['B6', 'B7']]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..engines.coded import Tables, ratio_rounded
from ..glossary import nameplate_kind
from ..results import Contract
from ..rules import Rules
from .. import sanctioned
from ..sanctioned import RULE_IDS
from .record import Analysis
from .seats import body_sides


def embedded(t: Tables, as_of, rules: Rules) -> pd.DataFrame:
    """Pairs of bodies in one organization whose holders overlap by at least ``rules.nameplate_jaccard``."""
    d = t.on(as_of)
    host, who = t.body_host, t.post_person_key
    n_people = int(who.max()) + 1 if len(who) else 0
    held = d.held & (host[t.post_body] >= 0)
    body, person = t.post_body[held], who[held]
    # (organization, person) as one integer key; one row per body they sit in
    members = pd.DataFrame({"key": host[body] * n_people + person, "body": body}).drop_duplicates()
    size = np.bincount(members["body"].to_numpy(), minlength=len(host))
    members = members[members["key"].duplicated(keep=False)]  # one body in an org pairs nothing
    pairs = members.merge(members, on="key", suffixes=("_a", "_b"))
    rank = t.id_rank
    pairs = pairs[rank[pairs["body_a"].to_numpy()] < rank[pairs["body_b"].to_numpy()]]
    shared = pairs.groupby(["body_a", "body_b"], sort=False).size()
    a = shared.index.get_level_values(0).to_numpy()
    b = shared.index.get_level_values(1).to_numpy()
    s = shared.to_numpy()
    jaccard = ratio_rounded(s, size[a] + size[b] - s, 4)
    keep = jaccard >= rules.nameplate_jaccard
    a, b, org = a[keep], b[keep], host[a[keep]]
    body_ids, systems = t.text("bodies", "id"), t.text("bodies", "system")
    frame = pd.DataFrame({
        "org_id": t.text("organizations", "id").take(org), "org_name": t.text("organizations", "name").take(org),
        "body_a": body_ids.take(a), "body_b": body_ids.take(b), "system_a": systems.take(a),
        "system_b": systems.take(b), "shared": s[keep], "jaccard": jaccard[keep]})
    return ANALYSIS.finish(_kinds(t, d, frame, a, b, pairs, size, n_people, rules))


def _kinds(t: Tables, d, frame: pd.DataFrame, a: np.ndarray, b: np.ndarray, pairs: pd.DataFrame,
           size: np.ndarray, n_people: int, rules: Rules) -> pd.DataFrame:
    """``kind``, ``rules``, ``lost_body`` and ``people_left`` of the listed pairs (see the module's text)."""
    tied = _tied(t, d, a, b, pairs, n_people, rules.sanctioned)
    left = _people_left(t, d)
    shared = frame["shared"].to_numpy()
    lost_a, lost_b = (size[a] == shared) & (left[a] > 0), (size[b] == shared) & (left[b] > 0)
    pick_a = lost_a & (~lost_b | (left[a] >= left[b]))
    lost = np.where(pick_a, a, np.where(lost_b, b, -1))
    frame["rules"] = tied
    frame["lost_body"] = np.where(lost >= 0, np.asarray(t.column("bodies", "id"), dtype=object)[np.maximum(lost, 0)], "")
    frame["people_left"] = np.where(lost >= 0, left[np.maximum(lost, 0)], 0)
    frame["kind"] = np.where(lost >= 0, "lost_own_people",
                             np.where([len(r) > 0 for r in tied], "one_team", "shared")).astype(object)
    return frame


def _tied(t: Tables, d, a: np.ndarray, b: np.ndarray, pairs: pd.DataFrame, n_people: int, ids) -> list[list[str]]:
    """Per listed pair (a, b): the records that tie the two bodies for every person they share."""
    records = [sanctioned.RULES[i] for i in RULE_IDS if i in set(ids)]
    wanted = pd.DataFrame({"body_a": a, "body_b": b, "pair": np.arange(len(a))})
    shared = pairs.merge(wanted, on=["body_a", "body_b"])  # one row per listed pair and shared person
    shared["p"] = shared["key"].to_numpy() % max(n_people, 1)
    role = t.column("posts", "role")[d.held]
    flags = pd.DataFrame({"p": t.post_person_key[d.held], "b": t.post_body[d.held]})
    for k, rule in enumerate(records):  # her role there is one the side asks for (any, when none are)
        flags[f"a{k}"] = np.isin(role, rule.side_a.roles) if rule.side_a.roles else True
        flags[f"z{k}"] = np.isin(role, rule.side_b.roles) if rule.side_b.roles else True
    flags = flags.groupby(["p", "b"], sort=False).any()
    x = flags.reindex(pd.MultiIndex.from_arrays([shared["p"], shared["body_a"]]))
    y = flags.reindex(pd.MultiIndex.from_arrays([shared["p"], shared["body_b"]]))
    bx, by, group = shared["body_a"].to_numpy(), shared["body_b"].to_numpy(), shared["pair"].to_numpy()
    out = np.zeros((len(a), len(records)), dtype=bool)
    for k, (on_a, on_b, where) in enumerate(body_sides(t, [r.id for r in records]).values()):
        a_x, b_x = on_a[bx] & x[f"a{k}"].to_numpy(bool), on_b[bx] & x[f"z{k}"].to_numpy(bool)
        a_y, b_y = on_a[by] & y[f"a{k}"].to_numpy(bool), on_b[by] & y[f"z{k}"].to_numpy(bool)
        hit = where[bx] & ((a_x & b_y) | (b_x & a_y))
        out[:, k] = np.bincount(group[~hit], minlength=len(a)) == 0
    names = np.asarray([r.id for r in records], dtype=object)
    return [names[row].tolist() for row in out]


def _people_left(t: Tables, d) -> np.ndarray:
    """Per body, the people whose post in it ended by the day and who hold none there now."""
    end = t.column("posts", "end")
    ended = ~np.isnat(end) & (end <= np.datetime64(d.day, "s"))
    body, who = t.post_body, t.post_person_key
    now = pd.DataFrame({"b": body[d.held], "p": who[d.held]}).drop_duplicates()
    gone = pd.DataFrame({"b": body[ended], "p": who[ended]}).drop_duplicates()
    gone = gone.merge(now, on=["b", "p"], how="left", indicator=True)
    gone = gone[gone["_merge"] == "left_only"]
    return np.bincount(gone["b"].to_numpy(dtype=np.int64), minlength=len(t.body_host))


def from_cypher(rows: list[dict], rules: Rules, **_) -> list[dict]:
    """Python's round (half to even on the exact binary value), as the embedded engine rounds; the
    query's own filter uses Cypher's round, which is never lower, so none are missed."""
    out = []
    for row in rows:
        score = round(row["ratio"], 4)
        if score >= rules.nameplate_jaccard:
            out.append({**row, "jaccard": score})
    return out


def _with_words(frame: pd.DataFrame) -> pd.DataFrame:
    """``detail``: the pair's kind in words (``orgnet.glossary.nameplate_kind``)."""
    return frame.assign(detail=nameplate_kind(frame) if len(frame) else pd.Series(dtype=object))


CONTRACT = Contract(
    columns=("org_id", "org_name", "body_a", "body_b", "system_a", "system_b", "shared", "jaccard", "kind", "rules",
             "lost_body", "people_left", "detail"),
    order=(("jaccard", False), ("org_id", True), ("body_a", True), ("body_b", True)),
    ints=("shared", "people_left"), floats=("jaccard",), lists=("rules",), derive=_with_words,
    brief=("org_name", "body_a", "body_b", "shared", "jaccard", "detail"))

ANALYSIS = Analysis(
    name="nameplates", contract=CONTRACT, summary="Pairs of bodies run by (nearly) the same people.",
    embedded=embedded, cypher="queries/nameplates.cypher", from_cypher=from_cypher,
    tables=("regions", "organizations", "bodies", "posts"))
