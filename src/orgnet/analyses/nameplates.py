"""``nameplates``: one team, several nameplates (一套班子几块牌子) — pairs of bodies of one organization
held by (nearly) the same people.

The person projection is a self-merge on (organization, person), never networkx's generic
projection; the Jaccard similarity of the two bodies' holder sets is rounded to 4 places as Python
rounds, and pairs at or above ``rules.nameplate_jaccard`` are listed.

Columns: ``org_id, org_name, body_a, body_b, system_a, system_b, shared, jaccard``.

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
from ..results import Contract
from ..rules import Rules
from .record import Analysis


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
    return ANALYSIS.finish(pd.DataFrame({
        "org_id": t.text("organizations", "id").take(org), "org_name": t.text("organizations", "name").take(org),
        "body_a": body_ids.take(a), "body_b": body_ids.take(b), "system_a": systems.take(a),
        "system_b": systems.take(b), "shared": s[keep], "jaccard": jaccard[keep]}))


def from_cypher(rows: list[dict], rules: Rules, **_) -> list[dict]:
    """Python's round (half to even on the exact binary value), as the embedded engine rounds; the
    query's own filter uses Cypher's round, which is never lower, so none are missed."""
    out = []
    for row in rows:
        score = round(row["ratio"], 4)
        if score >= rules.nameplate_jaccard:
            out.append({**row, "jaccard": score})
    return out


CONTRACT = Contract(
    columns=("org_id", "org_name", "body_a", "body_b", "system_a", "system_b", "shared", "jaccard"),
    order=(("jaccard", False), ("org_id", True), ("body_a", True), ("body_b", True)),
    ints=("shared",), floats=("jaccard",))

ANALYSIS = Analysis(
    name="nameplates", contract=CONTRACT, summary="Pairs of bodies run by (nearly) the same people.",
    embedded=embedded, cypher="queries/nameplates.cypher", from_cypher=from_cypher,
    tables=("organizations", "bodies", "posts"))
