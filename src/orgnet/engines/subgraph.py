"""One day's nodes and edges for the views, straight from the coded tables (the embedded engine's
``subgraph``; ``orgnet.viz.data`` names the columns).

The same rows as reading the networkx graph: every region, organization and person, the bodies
active on the day; PART_OF, LOCATED_IN and WORKS_AT edges, BELONGS_TO from active bodies, HOLDS and
LIAISES_WITH that are current and lead to an active body. Edges of one type come in the order of
their source node. ``people=False``: no people, no edges from them.

Examples
--------
>>> from orgnet.api import load_dataset
>>> nodes, edges = subgraph(Tables(load_dataset("tests/data/tiny")), "2012-06-30")
>>> sorted(edges["type"].unique().tolist())[:3]
['BELONGS_TO', 'HOLDS', 'LIAISES_WITH']
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from ..active import active
from ..rules import Rules
from .coded import Day, Tables


def subgraph(t: Tables, as_of, people: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(nodes, edges) of the day (see the module docstring)."""
    d = t.on(as_of)
    return _nodes(t, d, people), _edges(t, d, people)


def _nodes(t: Tables, d: Day, people: bool) -> pd.DataFrame:
    data = t.dataset
    regions, orgs, bodies = data["regions"], data["organizations"], data["bodies"][d.active]
    frames = [
        pd.DataFrame({"node": "Region:" + regions["id"], "label": "Region", "id": regions["id"],
                      "name": regions["name"], "level": regions["level"], "parent_id": regions["parent_id"]}),
        pd.DataFrame({"node": "Organization:" + orgs["id"], "label": "Organization", "id": orgs["id"],
                      "name": orgs["name"], "kind": orgs["kind"], "region_id": orgs["region_id"],
                      "two_new": orgs["two_new"], "female_staff": orgs["female_staff"],
                      "total_staff": orgs["total_staff"]}),
        pd.DataFrame({"node": "Body:" + bodies["id"], "label": "Body", "id": bodies["id"], "name": bodies["name"],
                      "system": bodies["system"], "type": bodies["type"], "org_id": bodies["org_id"],
                      "region_id": bodies["region_id"], "grade": bodies["grade"]})]
    if people:
        p = data["people"]
        frames.append(pd.DataFrame({"node": "Person:" + p["id"], "label": "Person", "id": p["id"],
                                    "name": p["name"], "gender": p["gender"], "party_member": p["party_member"]}))
    return pd.concat(frames, ignore_index=True)


class _Edges:
    """Edge frames between labelled positions, numbered in the order the graph adds their sources."""

    def __init__(self, t: Tables):
        data = t.dataset
        self.ids = {"Region": t.column("regions", "id"), "Organization": t.column("organizations", "id"),
                    "Body": t.column("bodies", "id"), "Person": t.column("people", "id")}
        n_reg, n_org = len(data["regions"]), len(data["organizations"])
        self.first = {"Region": 0, "Organization": n_reg, "Body": n_reg + n_org,
                      "Person": n_reg + n_org + len(data["bodies"])}

    def __call__(self, kind, source, target, keep, role=None) -> pd.DataFrame:
        """(source label, positions), (target label or per-row labels, positions), rows kept."""
        (s_label, s_at), (t_label, t_at) = source, target
        s_at, t_at = s_at[keep], t_at[keep]
        if isinstance(t_label, np.ndarray):  # BELONGS_TO: an organization, or a region for region-level bodies
            t_label = t_label[keep]
            to_org = t_label == "Organization"
            target_ids = np.empty(len(t_at), dtype=object)
            target_ids[to_org] = self.ids["Organization"][t_at[to_org]]
            target_ids[~to_org] = self.ids["Region"][t_at[~to_org]]
            targets = t_label.astype(object) + ":" + target_ids.astype(object)
        else:
            targets = t_label + ":" + self.ids[t_label][t_at].astype(object)
        frame = pd.DataFrame({"source": s_label + ":" + self.ids[s_label][s_at].astype(object), "target": targets,
                              "type": kind, "role": "" if role is None else role[keep],
                              "order": self.first[s_label] + s_at})
        return frame.sort_values("order", kind="stable")


def _edges(t: Tables, d: Day, people: bool) -> pd.DataFrame:
    edges = _Edges(t)
    parent, host = t.refs("regions", "parent_id", "regions"), t.body_host
    hosted = np.where(host >= 0, "Organization", "Region")
    parts = [
        edges("PART_OF", ("Region", np.arange(len(parent))), ("Region", parent), parent >= 0),
        edges("LOCATED_IN", ("Organization", np.arange(len(t.org_region))), ("Region", t.org_region),
              t.org_region >= 0),
        edges("BELONGS_TO", ("Body", np.arange(len(host))), (hosted, np.where(host >= 0, host, t.body_region)),
              d.active)]
    if people:
        employer = t.refs("people", "employer_org_id", "organizations")
        liaison_body = t.refs("liaisons", "body_id", "bodies")
        linked = d.active[liaison_body] & active(t.column("liaisons", "since"), t.column("liaisons", "until"), d.day)
        parts += [
            edges("HOLDS", ("Person", t.post_person), ("Body", t.post_body), d.held, t.column("posts", "role")),
            edges("WORKS_AT", ("Person", np.arange(len(employer))), ("Organization", employer), employer >= 0),
            edges("LIAISES_WITH", ("Person", t.refs("liaisons", "person_id", "people")), ("Body", liaison_body),
                  linked)]
    return pd.concat(parts, ignore_index=True).drop(columns="order")


def from_facts(engine, day: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A subgraph from the engine facts every engine answers (used for Neo4j).

    The facts carry less than the graph: no total staff, no body grades (the organization's best
    party grade is kept as ``party_grade``), no employers (WORKS_AT) and no liaison links.
    """
    regions, orgs = engine.answer("regions"), engine.answer("organizations", as_of=day, rules=Rules())
    bodies, people, posts = engine.answer("bodies", as_of=day), engine.answer("people"), engine.answer("active_posts", as_of=day)
    frames = [
        pd.DataFrame({"node": "Region:" + regions["region_id"], "label": "Region", "id": regions["region_id"],
                      "name": regions["region_name"], "level": regions["level"], "parent_id": regions["parent_id"]}),
        pd.DataFrame({"node": "Organization:" + orgs["org_id"], "label": "Organization", "id": orgs["org_id"],
                      "name": orgs["org_name"], "kind": orgs["kind"], "region_id": orgs["region_id"],
                      "two_new": orgs["two_new"], "female_staff": orgs["female_staff"],
                      "party_grade": orgs["party_grade"]}),
        pd.DataFrame({"node": "Body:" + bodies["body_id"], "label": "Body", "id": bodies["body_id"],
                      "name": bodies["body_name"], "system": bodies["system"], "type": bodies["type"],
                      "org_id": bodies["org_id"], "region_id": bodies["region_id"]}),
        pd.DataFrame({"node": "Person:" + people["person_id"], "label": "Person", "id": people["person_id"],
                      "name": people["person_name"], "gender": people["gender"]}),
    ]
    nodes = pd.concat([f for f in frames if len(f)], ignore_index=True)
    has_parent = regions["parent_id"].fillna("") != ""
    hosted = bodies["org_id"].fillna("") != ""
    edges = pd.concat([
        pd.DataFrame({"source": "Region:" + regions.loc[has_parent, "region_id"],
                      "target": "Region:" + regions.loc[has_parent, "parent_id"], "type": "PART_OF"}),
        pd.DataFrame({"source": "Organization:" + orgs["org_id"], "target": "Region:" + orgs["region_id"],
                      "type": "LOCATED_IN"}),
        pd.DataFrame({"source": "Body:" + bodies["body_id"],
                      "target": ("Organization:" + bodies["org_id"].fillna("")).where(
                          hosted, "Region:" + bodies["region_id"].fillna("")), "type": "BELONGS_TO"}),
        pd.DataFrame({"source": "Person:" + posts["person_id"], "target": "Body:" + posts["body_id"],
                      "type": "HOLDS", "role": posts["role"]}),
    ], ignore_index=True)
    return nodes, edges
