"""``gaps``: where a women's organization is missing, by rule (``orgnet.gap_rules``).

One row per organization and rule it breaks, plus one per active women's body without an active
head. The rules themselves are records in ``orgnet.gap_rules``; here is each rule's predicate on the
embedded engine (``PREDICATES``), and ``cypher/queries/gaps.cypher`` holds its branch for Neo4j.

Columns: ``org_id, org_name, region_id, rule, detail`` (the documented contract), then
``female_staff`` (the organization's), ``required_body_type`` (the rule's ``requires``),
``body_id, body_name, body_type, head_role`` (a headless body), ``party_body_ids`` (a list: the
party bodies of an organization with no women's body), ``region_name, township_id,
township_name``. ``detail`` is rendered from them (``orgnet.glossary.gap_detail``).

Examples
--------
>>> from orgnet.api import load_dataset
>>> from orgnet.engines.coded import Tables
>>> from orgnet.rules import Rules
>>> gaps = embedded(Tables(load_dataset("tests/data/tiny")), "2012-06-30", Rules())
>>> gaps.rule.value_counts().sort_index().to_dict()
{'committee_required': 4, 'liaison_required': 1, 'party_without_women': 3, 'vacant_head': 2}
>>> gaps.loc[gaps.rule == "vacant_head", ["body_id", "head_role", "township_name"]].values.tolist()[0]
['B20', 'chair', '测试工业园区']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..engines.coded import Day, Tables, joined
from .. import gap_rules
from ..glossary import gap_detail
from ..results import Contract
from ..rules import Rules
from ..schema import SCHEMA
from .record import Analysis


def committee_required(t: Tables, d: Day, rules: Rules) -> pd.DataFrame:
    """Rule 1: a two-new organization with ``committee_min_female`` or more female staff and no
    active women's body of ``committee_types``."""
    committee, _ = t.committee_required(d, rules)
    return pd.DataFrame({"org": np.flatnonzero(committee)})


def liaison_required(t: Tables, d: Day, rules: Rules) -> pd.DataFrame:
    """Rule 1: another two-new organization with ``liaison_min_female`` or more female staff and no
    active women's body at all."""
    _, liaison = t.committee_required(d, rules)
    return pd.DataFrame({"org": np.flatnonzero(liaison)})


def party_without_women(t: Tables, d: Day, rules: Rules) -> pd.DataFrame:
    """Rule 2: an organization with an active party body and no active women's body."""
    women, _ = t.women_hosted(d, rules)
    host = t.body_host
    party = d.active & t.is_in("bodies", "system", "party") & (host >= 0)
    lonely = np.zeros(len(women), bool)
    lonely[host[party]] = True
    lonely &= women == 0
    keep = party & lonely[np.maximum(host, 0)]
    if not keep.any():
        return pd.DataFrame({"org": np.zeros(0, dtype=np.int64), "party_body_ids": []})
    found = pd.DataFrame({"org": host[keep], "id": t.text("bodies", "id")[keep]}).sort_values(["org", "id"])
    ids = joined(found["id"], found["org"])
    return pd.DataFrame({"org": ids.index.to_numpy(), "party_body_ids": ids.str.split(";").to_list()})


def vacant_head(t: Tables, d: Day, rules: Rules) -> pd.DataFrame:
    """An active women's body in which nobody holds a head role of its system and type."""
    kind = t.column("bodies", "type")
    women = d.active & t.is_in("bodies", "system", "women")
    headed = np.zeros(len(kind), bool)
    heads_of = np.empty(len(kind), dtype=object)
    for typ in pd.unique(kind[women]):
        heads = SCHEMA.head_roles("women", typ)
        these = women & t.is_in("bodies", "type", typ)
        heads_of[these] = "/".join(heads)
        at = d.held & these[t.post_body] & t.is_in("posts", "role", *heads)
        headed[t.post_body[at]] = True
    vacant = np.flatnonzero(women & ~headed)
    return pd.DataFrame({"org": t.body_host[vacant], "body": vacant, "head_role": heads_of[vacant]})


#: Each rule's predicate on the embedded engine: ``(tables, day, rules) -> rows`` with the position
#: of the organization (``org``, -1: none) and, where the rule is about a body, of the body (``body``).
PREDICATES = {"committee_required": committee_required, "liaison_required": liaison_required,
              "party_without_women": party_without_women, "vacant_head": vacant_head}


def embedded(t: Tables, as_of, rules: Rules) -> pd.DataFrame:
    """Every rule's rows on the day, with names and places filled in (remembered per day and rules)."""
    d = t.on(as_of)
    parts = []
    for rule in gap_rules.GAP_RULES:
        found = PREDICATES[rule.id](t, d, rules)
        if len(found):
            parts.append(found.assign(rule=rule.id))
    found = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame({"org": [], "rule": []})
    return ANALYSIS.finish(rows_of(t, found))


def rows_of(t: Tables, found: pd.DataFrame) -> pd.DataFrame:
    """Gap rows from predicate rows: ids, names, region and township, the typed columns."""
    org = found["org"].to_numpy(dtype=np.int64)
    body = found["body"].fillna(-1).to_numpy(dtype=np.int64) if "body" in found else np.full(len(org), -1)
    region = np.where(body >= 0, t.body_region[np.maximum(body, 0)], t.org_region[np.maximum(org, 0)])
    region = np.where((body >= 0) | (org >= 0), region, -1)
    female = t.dataset["organizations"]["female_staff"].array
    rows = pd.DataFrame({
        "org_id": t.text("organizations", "id").take(org, allow_fill=True),
        "org_name": t.text("organizations", "name").take(org, allow_fill=True),
        "region_id": t.text("regions", "id").take(region, allow_fill=True),
        "rule": found["rule"].to_numpy(dtype=object),
        "female_staff": female.take(org, allow_fill=True),
        "body_id": t.text("bodies", "id").take(body, allow_fill=True),
        "body_name": t.text("bodies", "name").take(body, allow_fill=True),
        "body_type": t.text("bodies", "type").take(body, allow_fill=True),
        "head_role": found["head_role"].to_numpy(dtype=object) if "head_role" in found else "",
        "party_body_ids": found["party_body_ids"].to_numpy(dtype=object) if "party_body_ids" in found else None,
        **t.places(region)})
    return rows


def _with_words(frame: pd.DataFrame) -> pd.DataFrame:
    """What the rule's record says of each row: the body type it requires, and the ``detail`` words."""
    rules = gap_rules.RULES
    frame["required_body_type"] = frame["rule"].map(lambda r: rules[r].requires if r in rules else "")
    frame["detail"] = gap_detail(frame.assign(head_role=frame["head_role"].fillna(""),
                                              body_id=frame["body_id"].fillna(""),
                                              body_name=frame["body_name"].fillna(""),
                                              body_type=frame["body_type"].fillna("")))
    return frame


CONTRACT = Contract(
    columns=("org_id", "org_name", "region_id", "rule", "detail", "female_staff", "required_body_type", "body_id",
             "body_name", "body_type", "head_role", "party_body_ids", "region_name", "township_id", "township_name"),
    order=(("rule", True), ("org_id", True), ("region_id", True), ("body_id", True)),
    ints=("female_staff",), lists=("party_body_ids",), declared={"rule": lambda: gap_rules.RULE_IDS},
    derive=_with_words, brief=("org_id", "org_name", "township_name", "rule", "detail"))


ANALYSIS = Analysis(
    name="gaps", contract=CONTRACT, summary="Coverage gaps: one row per organization and rule it breaks.",
    embedded=embedded, cypher="queries/gaps.cypher", tables=("regions", "organizations", "bodies", "posts"),
    remember=True)
