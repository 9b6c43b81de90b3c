"""The embedded engine: analyses over the networkx graph built by ``orgnet.graph``.

Every analysis first takes a ``Snapshot`` of the graph on its as-of day: which bodies are active,
which posts are held, which bodies each organization hosts. A post counts on day ``d`` when
``start <= d`` (or start is empty) and (``end`` is empty or ``end > d``), and its body is active
then; a body is active when ``founded <= d`` (or empty) and it is not dissolved by ``d``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

import pandas as pd

from ..dataset import Dataset
from ..results import FIGURES, figure_value, finish
from ..rules import Rules
from ..schema import SCHEMA
from .tables import TablesEngine

if TYPE_CHECKING:  # networkx is imported when the graph is first built (it takes 0.4 s)
    import networkx as nx


def is_current(first: date | None, last: date | None, day: date) -> bool:
    """True when ``first <= day < last`` with empty ends open.

    >>> is_current(date(2010, 1, 1), None, date(2012, 6, 30)), is_current(None, date(2012, 6, 30), date(2012, 6, 30))
    (True, False)
    """
    return (first is None or first <= day) and (last is None or last > day)


@dataclass
class Snapshot:
    """The graph on one day: active bodies, their hosts, and the posts held in them."""

    day: date
    bodies: dict[str, dict] = field(default_factory=dict)  # active body node → attrs
    hosted: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # org node → active bodies
    holders: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))  # body → (person, role)
    posts_of: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))  # person → (body, role)

    @classmethod
    def of(cls, graph: nx.MultiDiGraph, day: date, bodies: list[tuple[str, dict]]) -> Snapshot:
        """Walk only the active bodies' own edges: hosts out of them, posts into them."""
        snap = cls(day)
        succ, pred = graph._succ, graph._pred  # networkx's adjacency dicts: no view overhead
        for node, attrs in bodies:
            if is_current(attrs["founded"], attrs["dissolved"], day):
                snap.bodies[node] = attrs
        for body in snap.bodies:
            for host in succ[body]:
                if host.startswith("Organization:"):
                    snap.hosted[host].append(body)
            for person, keys in pred[body].items():
                for e in keys.values():
                    if e["type"] == "HOLDS" and is_current(e["start"], e["end"], day):
                        snap.holders[body].append((person, e["role"]))
                        snap.posts_of[person].append((body, e["role"]))
        return snap

    def women_bodies(self, org: str) -> list[dict]:
        return [self.bodies[b] for b in self.hosted.get(org, ()) if self.bodies[b]["system"] == "women"]

    def party_bodies(self, org: str) -> list[dict]:
        return [self.bodies[b] for b in self.hosted.get(org, ()) if self.bodies[b]["system"] == "party"]

    def has_head(self, body: str) -> bool:
        attrs = self.bodies[body]
        heads = SCHEMA.head_roles(attrs["system"], attrs["type"])
        return any(role in heads for _, role in self.holders.get(body, ()))


class NetworkxEngine(TablesEngine):
    """The embedded engine: the validated tables, and the networkx graph built from them on first use.

    The analyses run on the tables (``orgnet.engines.tables``: integer-coded joins, seconds at a
    million organizations); the graph (``orgnet.graph``) is built only when ``graph`` is read, by
    ``Network.graph``, an export, ``bridges`` or a caller of its own.

    Examples
    --------
    >>> from orgnet.api import load_dataset
    >>> engine = NetworkxEngine(load_dataset("tests/data/tiny"))
    >>> engine.gaps("2012-06-30", Rules()).rule.value_counts().sort_index().to_dict()
    {'committee_required': 4, 'liaison_required': 1, 'party_without_women': 3, 'vacant_head': 2}
    >>> engine._graph is None, engine.graph.number_of_nodes() > 0
    (True, True)
    """

    name = "networkx"

    def __init__(self, dataset: Dataset, graph: nx.MultiDiGraph | None = None):
        super().__init__(dataset)
        self._graph = graph

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The whole dataset as a ``MultiDiGraph`` (``orgnet.graph.build_graph``), built once, when first read."""
        if self._graph is None:
            from ..graph import build_graph

            self._graph = build_graph(self.dataset)
        return self._graph


class GraphWalk(NetworkxEngine):
    """The same analyses by walking the networkx graph node by node: the small-data reference.

    Each answer is spelled out one organization, body and post at a time, as the rules read;
    the fast path in ``orgnet.engines.tables`` must give exactly these answers (the contract
    tests run both on the samples). Slow on large inputs: use ``NetworkxEngine``.

    Examples
    --------
    >>> from orgnet.api import load_dataset
    >>> engine = GraphWalk(load_dataset("tests/data/tiny"))
    >>> engine.gaps("2012-06-30", Rules()).rule.value_counts().sort_index().to_dict()
    {'committee_required': 4, 'liaison_required': 1, 'party_without_women': 3, 'vacant_head': 2}
    """

    name = "networkx"

    def __init__(self, dataset: Dataset, graph: nx.MultiDiGraph | None = None):
        super().__init__(dataset, graph)
        self._snapshots: dict[date, Snapshot] = {}
        self._labelled: dict[str, list[tuple[str, dict]]] | None = None

    def labelled(self, label: str) -> list[tuple[str, dict]]:
        """The (node, attributes) pairs of one label, indexed once."""
        if self._labelled is None:
            self._labelled = defaultdict(list)
            for node, attrs in self.graph._node.items():
                self._labelled[attrs["label"]].append((node, attrs))
        return self._labelled.get(label, [])

    def snapshot(self, as_of) -> Snapshot:
        day = pd.Timestamp(as_of).date()
        if day not in self._snapshots:
            self._snapshots[day] = Snapshot.of(self.graph, day, self.labelled("Body"))
        return self._snapshots[day]

    def _orgs(self):
        return iter(self.labelled("Organization"))

    def _person_edges(self):
        """Every edge out of a person (HOLDS, WORKS_AT, LIAISES_WITH, VISITED) as (person, target, data)."""
        succ = self.graph._succ
        for person, _ in self.labelled("Person"):
            for target, keys in succ[person].items():
                for e in keys.values():
                    yield person, target, e

    # -- gaps ---------------------------------------------------------------------------------
    def gaps(self, as_of, rules: Rules) -> pd.DataFrame:
        snap = self.snapshot(as_of)
        rows = []
        for org, a in self._orgs():
            women = snap.women_bodies(org)
            female = a["female_staff"]
            row = {"org_id": a["id"], "org_name": a["name"], "region_id": a["region_id"]}
            if a["two_new"] and female >= rules.committee_min_female:
                if not any(b["type"] in rules.committee_types for b in women):
                    rows.append({**row, "rule": "committee_required", "detail": f"female_staff={female}"})
            elif a["two_new"] and female >= rules.liaison_min_female and not women:
                rows.append({**row, "rule": "liaison_required", "detail": f"female_staff={female}"})
            party = snap.party_bodies(org)
            if party and not women:
                ids = ";".join(sorted(b["id"] for b in party))
                rows.append({**row, "rule": "party_without_women", "detail": f"party bodies: {ids}"})
        for body, b in snap.bodies.items():
            if b["system"] == "women" and not snap.has_head(body):
                host = self.graph.nodes[f"Organization:{b['org_id']}"] if b["org_id"] else {}
                heads = "/".join(SCHEMA.head_roles(b["system"], b["type"]))
                rows.append({"org_id": b["org_id"], "org_name": host.get("name"), "region_id": b["region_id"],
                             "rule": "vacant_head", "detail": f"{b['id']} ({b['type']}) has no active {heads}"})
        return finish("gaps", rows)

    # -- overlaps and nameplates --------------------------------------------------------------
    def overlaps(self, as_of, rules: Rules) -> pd.DataFrame:
        snap = self.snapshot(as_of)
        nodes = self.graph.nodes
        rows = []
        for person, posts in snap.posts_of.items():
            if len(posts) < rules.min_posts:
                continue
            bodies = sorted({nodes[b]["id"] for b, _ in posts})
            systems = sorted({nodes[b]["system"] for b, _ in posts})
            rows.append({"person_id": nodes[person]["id"], "person_name": nodes[person]["name"],
                         "posts": len(posts), "bodies": ";".join(bodies), "systems": ";".join(systems)})
        return finish("overlaps", rows)

    def nameplates(self, as_of, rules: Rules) -> pd.DataFrame:
        snap = self.snapshot(as_of)
        nodes = self.graph.nodes
        rows = []
        for org, bodies in snap.hosted.items():
            held = {b: {p for p, _ in snap.holders.get(b, ())} for b in bodies}
            held = {b: people for b, people in held.items() if people}
            for a, b in combinations(sorted(held, key=lambda n: nodes[n]["id"]), 2):
                shared = len(held[a] & held[b])
                score = round(shared / len(held[a] | held[b]), 4)
                if shared and score >= rules.nameplate_jaccard:
                    rows.append({"org_id": nodes[org]["id"], "org_name": nodes[org]["name"],
                                 "body_a": nodes[a]["id"], "body_b": nodes[b]["id"],
                                 "system_a": nodes[a]["system"], "system_b": nodes[b]["system"],
                                 "shared": shared, "jaccard": score})
        return finish("nameplates", rows)

    # -- plan ---------------------------------------------------------------------------------
    def plan(self, as_of, rules: Rules) -> pd.DataFrame:
        snap = self.snapshot(as_of)
        missing = self.gaps(as_of, rules)
        missing = set(missing.loc[missing.rule == "committee_required", "org_id"])
        grade_rank = {g: i for i, g in enumerate(rules.grade_order)}
        rows = []
        for org, a in self._orgs():
            if a["id"] not in missing:
                continue
            nodes = self.graph._node
            candidates = sum(
                1 for person, keys in self.graph._pred[org].items() for e in keys.values()
                if e["type"] == "WORKS_AT" and nodes[person]["gender"] == "F" and nodes[person]["party_member"]
            )
            grades = [b["grade"] for b in snap.party_bodies(org)]
            grade = min(grades, key=lambda g: (grade_rank.get(g, len(grade_rank)), g)) if grades else "none"
            rows.append(plan_row(a, candidates, grade))
        rows.sort(key=lambda r: plan_sort_key(r, grade_rank))
        for rank, row in enumerate(rows, start=1):
            row["rank"] = rank
        return finish("plan", rows)

    # -- liaison_check ------------------------------------------------------------------------
    def liaison_check(self, year: int, rules: Rules) -> pd.DataFrame:
        first, last = date(year, 1, 1), date(year, 12, 31)
        nodes = self.graph.nodes
        links: dict[str, set[str]] = defaultdict(set)
        visits: dict[tuple[str, str], int] = defaultdict(int)
        executives: set[str] = set()
        for u, v, e in self._person_edges():
            kind = e["type"]
            if kind == "LIAISES_WITH" and _overlaps_year(e["since"], e["until"], first, last):
                links[u].add(v)
            elif kind == "VISITED" and first <= e["date"] <= last:
                visits[(u, v)] += 1
            elif (kind == "HOLDS" and e["role"] == "executive" and nodes[v]["system"] == "women"
                  and nodes[v]["type"] == "federation" and nodes[v]["org_id"] is None
                  and nodes[f"Region:{nodes[v]['region_id']}"]["level"] in rules.executive_levels
                  and _overlaps_year(e["start"], e["end"], first, last)):
                executives.add(u)
        rows = []
        for person in executives | set(links):
            name, pid = nodes[person]["name"], nodes[person]["id"]
            n = len(links.get(person, ()))
            flag = "" if rules.links_min <= n <= rules.links_max else f"links outside {rules.links_min}-{rules.links_max}"
            total = sum(visits.get((person, b), 0) for b in links.get(person, ()))
            rows.append({"kind": "executive", "person_id": pid, "person_name": name, "body_id": "",
                         "links": n, "visits": total, "flag": flag})
            for body in links.get(person, ()):
                count = visits.get((person, body), 0)
                flag = "" if count >= rules.visits_per_year else f"under {rules.visits_per_year} visits"
                rows.append({"kind": "link", "person_id": pid, "person_name": name, "body_id": nodes[body]["id"],
                             "links": None, "visits": count, "flag": flag})
        return finish("liaison_check", rows)

    # -- stats --------------------------------------------------------------------------------
    def stats(self, as_of, rules: Rules) -> pd.DataFrame:
        return finish("stats", stats_rows(self, self.snapshot(as_of), rules))

    # -- facts: the few plain tables that orgnet.analyses builds the later analyses from ---------
    def active_posts(self, as_of) -> pd.DataFrame:
        """Every post held on the day, with its person, body, host and region (fact ``active_posts``)."""
        snap = self.snapshot(as_of)
        nodes = self.graph.nodes
        rows = []
        for person, posts in snap.posts_of.items():
            p = nodes[person]
            for body, role in posts:
                b = snap.bodies[body]
                kind = nodes[f"Organization:{b['org_id']}"]["kind"] if b["org_id"] else None
                rows.append({"person_id": p["id"], "person_name": p["name"], "gender": p["gender"],
                             "body_id": b["id"], "body_name": b["name"], "system": b["system"], "type": b["type"],
                             "org_id": b["org_id"], "org_kind": kind, "region_id": b["region_id"], "role": role})
        return finish("active_posts", rows)

    def organizations(self, as_of, rules: Rules) -> pd.DataFrame:
        """Every organization with its coverage and best party grade on the day (fact ``organizations``)."""
        snap = self.snapshot(as_of)
        rank = {g: i for i, g in enumerate(rules.grade_order)}
        rows = []
        for org, a in self._orgs():
            grades = [b["grade"] for b in snap.party_bodies(org)]
            rows.append({"org_id": a["id"], "org_name": a["name"], "kind": a["kind"], "region_id": a["region_id"],
                         "two_new": a["two_new"], "female_staff": a["female_staff"],
                         "covered": bool(snap.women_bodies(org)),
                         "party_grade": min(grades, key=lambda g: (rank.get(g, len(rank)), g)) if grades else "none"})
        return finish("organizations", rows)

    def bodies(self, as_of) -> pd.DataFrame:
        """Every body active on the day, with its host's kind (fact ``bodies``)."""
        nodes = self.graph.nodes
        rows = [{"body_id": b["id"], "body_name": b["name"], "system": b["system"], "type": b["type"],
                 "org_id": b["org_id"], "org_kind": nodes[f"Organization:{b['org_id']}"]["kind"] if b["org_id"] else None,
                 "region_id": b["region_id"]}
                for b in self.snapshot(as_of).bodies.values()]
        return finish("bodies", rows)

    def regions(self) -> pd.DataFrame:
        """The region tree (fact ``regions``)."""
        rows = [{"region_id": a["id"], "region_name": a["name"], "level": a["level"], "parent_id": a["parent_id"]}
                for _, a in self.labelled("Region")]
        return finish("regions", rows)

    def people(self) -> pd.DataFrame:
        """Every person (fact ``people``)."""
        rows = [{"person_id": a["id"], "person_name": a["name"], "gender": a["gender"],
                 "reserve_cadre": a["reserve_cadre"]}
                for _, a in self.labelled("Person")]
        return finish("people", rows)

    def events(self, start, end) -> pd.DataFrame:
        """Posts started or ended and bodies founded or dissolved in ``(start, end]`` (fact ``events``)."""
        first, last = pd.Timestamp(start).date(), pd.Timestamp(end).date()
        nodes = self.graph.nodes

        def within(day):
            return day is not None and first < day <= last

        rows = []
        for _, b in self.labelled("Body"):
            for change, day in (("body_founded", b["founded"]), ("body_dissolved", b["dissolved"])):
                if within(day):
                    rows.append({"change": change, "subject_id": b["id"], "name": b["name"], "region_id": b["region_id"],
                                 "detail": f"{b['system']} {b['type']}", "date": day})
        for u, v, e in self._person_edges():
            if e["type"] != "HOLDS":
                continue
            for change, day in (("post_started", e["start"]), ("post_ended", e["end"])):
                if within(day):
                    rows.append({"change": change, "subject_id": nodes[u]["id"], "name": nodes[u]["name"],
                                 "region_id": nodes[v]["region_id"], "detail": f"{e['role']} of {nodes[v]['id']}",
                                 "date": day})
        return finish("events", rows)

    def demo_links(self, as_of) -> pd.DataFrame:
        """Demonstration points active on the day, their site and pairing units (fact ``demo_links``)."""
        day = pd.Timestamp(as_of).date()
        nodes = self.graph.nodes
        rows = []
        for point, a in self.labelled("DemoPoint"):
            if a["since"] is not None and a["since"] > day:
                continue
            pairs = [nodes[u]["id"] for u, keys in self.graph._pred[point].items() for e in keys.values()
                     if e["type"] == "PAIRED_WITH" and (e["since"] is None or e["since"] <= day)]
            for pairing in pairs or [None]:
                rows.append({"demo_point_id": a["id"], "demo_name": a["name"], "site_org_id": a["org_id"],
                             "pairing_org_id": pairing})
        return finish("demo_links", rows)

    def venue_uses(self, as_of) -> pd.DataFrame:
        """Rooms and the active bodies using them on the day (fact ``venue_uses``)."""
        snap = self.snapshot(as_of)
        nodes = self.graph.nodes
        pred = self.graph._pred
        rows = [{"venue_id": a["id"], "venue_name": a["name"], "body_id": nodes[u]["id"], "system": nodes[u]["system"]}
                for venue, a in self.labelled("Venue") for u, keys in pred[venue].items() for e in keys.values()
                if e["type"] == "USES" and u in snap.bodies and is_current(e["since"], e["until"], snap.day)]
        return finish("venue_uses", rows)


def _overlaps_year(first: date | None, last: date | None, year_first: date, year_last: date) -> bool:
    """True when [first, last) meets the year: started by its end, not ended before it began."""
    return (first is None or first <= year_last) and (last is None or last > year_first)


def plan_row(org: dict, candidates: int, grade: str) -> dict:
    """One row of the building plan, with the reasons spelled out."""
    ready = bool(org["business_stable"] and org["workforce_stable"] and candidates > 0)
    reasons = [
        "business stable" if org["business_stable"] else "business not stable",
        "workforce stable" if org["workforce_stable"] else "workforce not stable",
        f"{candidates} candidate(s)" if candidates else "no candidate",
        f"party {grade}",
    ]
    return {"org_id": org["id"], "org_name": org["name"], "region_id": org["region_id"],
            "female_staff": org["female_staff"], "ready": ready, "party_grade": grade,
            "candidates": candidates, "reasons": "; ".join(reasons)}


def plan_sort_key(row: dict, grade_rank: dict[str, int]) -> tuple:
    """Ready first, then better party grade, then more female staff, then id (rule 4)."""
    return (not row["ready"], grade_rank.get(row["party_grade"], len(grade_rank)), -row["female_staff"], row["org_id"])


def stats_rows(engine: GraphWalk, snap: Snapshot, rules: Rules) -> list[dict]:
    """The report figures for every region whose level is in ``rules.stats_levels``, rolled up."""
    graph = engine.graph
    nodes = graph._node
    regions = {a["id"]: a for _, a in engine.labelled("Region")}
    chain = {rid: _ancestors(rid, regions) for rid in regions}
    tally: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))  # region → figure → [num, den]
    people: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))  # region → set name → person ids

    def count(region: str, figure: str, hit: bool = True, of: bool = True) -> None:
        for r in chain[region]:
            tally[r][figure][0] += int(hit)
            tally[r][figure][1] += int(of)

    for rid, a in regions.items():
        if a["level"] in ("township", "street"):
            count(rid, a["level"] + "s")
    for org, a in engine.labelled("Organization"):
        women = snap.women_bodies(org)
        if a["two_new"]:
            count(a["region_id"], "two_new_orgs")
            count(a["region_id"], "two_new_coverage", bool(women))
            if a["female_staff"] >= rules.committee_min_female:
                count(a["region_id"], "two_new_30plus")
                count(a["region_id"], "two_new_30plus_committee", any(b["type"] in rules.committee_types for b in women))
    for body, b in snap.bodies.items():
        host = nodes[f"Organization:{b['org_id']}"] if b["org_id"] else None
        kind = host["kind"] if host else None
        level = regions[b["region_id"]]["level"]
        if host and kind in ("village", "community"):
            for person, _ in snap.holders.get(body, ()):
                people[b["region_id"]][kind].add(person)
        if b["system"] != "women":
            continue
        count(b["region_id"], f"women_bodies.{b['type']}")
        if b["type"] == "liaison":
            count(b["region_id"], "liaison_officers")
        if b["type"] == "federation" and not host and level in ("township", "street"):
            count(b["region_id"], "federations.township_street")
        if b["type"] == "federation" and (kind == "community" or (not host and level == "community")):
            count(b["region_id"], "federations.community")
        if kind == "enterprise" and b["type"] in ("committee", "work_committee"):
            count(b["region_id"], "enterprise_women_committees")
        if kind in ("organ", "institution"):
            count(b["region_id"], "organ_institution_women_bodies")
        if b["type"] == "congress" and kind == "village":
            chairs = [p for p, role in snap.holders.get(body, ()) if role == "chair"]
            if chairs:
                two_committees = {x for x in snap.hosted[f"Organization:{b['org_id']}"]
                                  if nodes[x]["system"] == "party" or nodes[x]["type"] == "villagers_committee"}
                sits = any(bb in two_committees for p in chairs for bb, _ in snap.posts_of[p])
                count(b["region_id"], "congress_chairs_in_two_committees", sits)
        if b["type"] == "federation" and not host and level in rules.cadre_federation_levels:
            for person, _ in snap.holders.get(body, ()):
                people[b["region_id"]]["cadres"].add(person)
    for region, sets in list(people.items()):
        for anc in chain[region][1:]:
            for name, members in sets.items():
                people[anc][name] |= members
    rows = []
    for rid, a in regions.items():
        if a["level"] not in rules.stats_levels:
            continue
        counts = tally[rid]
        for kind in ("village", "community"):
            members = people[rid][kind]
            counts[f"{kind}_women_share"] = [sum(nodes[p]["gender"] == "F" for p in members), len(members)]
        cadres = [nodes[p] for p in people[rid]["cadres"]]
        counts["federation_cadres"] = [len(cadres), 0]
        aged = [snap.day.year - c["birth_year"] for c in cadres if c["birth_year"] is not None]
        counts["federation_cadres_avg_age"] = [sum(aged), len(aged)]
        for edu in ("college", "bachelor", "postgraduate"):
            counts[f"federation_cadres.{edu}"] = [sum(c["education"] == edu for c in cadres), 0]
        for figure, (unit, _) in FIGURES.items():
            num, den = counts.get(figure, (0, 0))
            den = den if unit != "count" else None
            rows.append({"region_id": rid, "region_name": a["name"], "level": a["level"], "figure": figure,
                         "unit": unit, "numerator": num, "denominator": den, "value": figure_value(unit, num, den)})
    demo = _demo_counts(engine, snap.day, chain)
    for row in rows:
        if row["figure"] == "demo_points":
            row["numerator"] = demo.get(row["region_id"], 0)
            row["value"] = float(row["numerator"])
    return rows


def _ancestors(region: str, regions: dict[str, dict]) -> list[str]:
    """The region and every region above it, nearest first."""
    out = []
    while region is not None:
        out.append(region)
        region = regions[region]["parent_id"]
    return out


def _demo_counts(engine: GraphWalk, day: date, chain: dict[str, list[str]]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    succ, nodes = engine.graph._succ, engine.graph._node
    for point, a in engine.labelled("DemoPoint"):
        for site, keys in succ[point].items():
            for e in keys.values():
                if e["type"] == "DEMO_AT" and (e["since"] is None or e["since"] <= day):
                    for r in chain[nodes[site]["region_id"]]:
                        counts[r] += 1
    return counts
