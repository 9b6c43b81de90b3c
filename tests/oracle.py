"""The reference the engines are held to: every analysis spelled out one node at a time.

``GraphWalk(dataset)`` builds its own ``networkx.MultiDiGraph`` from the validated tables and
answers each analysis by walking it with networkx's public API, one organization, body and post
at a time, as DOMAIN.md and the headers of ``cypher/queries/*.cypher`` state the rules. It shares
no code with the engines it checks: from orgnet it takes only the result contracts
(``orgnet.analyses.finish``, ``FIGURES``), the thresholds (``orgnet.rules.Rules``) and which roles
head a body (``orgnet.schema.SCHEMA.head_roles``, schema data).

The graph (``tests/oracle_graph.py``): nodes are ``(label, id)`` pairs, edges have the types of
the Cypher queries (``HOLDS`` person → body, ``BELONGS_TO`` body → host organization or region, …).

On a day ``d`` a body is *active* when it was founded by ``d`` (or the date is empty) and not
dissolved by ``d``; a post, link or use is *current* when it started by ``d`` (or empty) and has
not ended by ``d`` (end empty or later); a post counts only in an active body.

Each analysis has a ``rows(name, …)`` form, the raw rows with every column (lists as lists), and
the method form, those rows through ``finish`` into the contract's columns and order.

Examples
--------
>>> from orgnet.api import load_dataset
>>> walk = GraphWalk(load_dataset("tests/data/tiny"))
>>> walk.gaps("2012-06-30", Rules()).rule.value_counts().sort_index().to_dict()
{'committee_required': 4, 'liaison_required': 1, 'party_without_women': 3, 'vacant_head': 2}
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from collections import defaultdict
from datetime import date
from itertools import combinations

import pandas as pd

from orgnet.analyses import finish
from orgnet.results import FIGURES
from orgnet.rules import Rules
from orgnet.schema import SCHEMA
from tests.oracle_graph import build_graph, current, in_year
from tests.oracle_plan import plan_rows
from tests.oracle_seats import REGISTRY_ORDER, kept, nameplate_kind, seats_of

#: The levels a region's "township" is read at: the nearest region at or above it of these.
TOWNSHIP_LEVELS = ("township", "street", "park")

#: What each gap rule asks to be built.
#: The title of a women's body's head, by type (妇联主席, 妇委会主任 …), as the vacant-head detail names it.
HEAD_TITLE_EN = {"federation": "women's federation chair", "committee": "women's committee chair",
                 "work_committee": "women's work committee chair", "congress": "women's congress chair",
                 "organ_committee": "women's committee chair", "liaison": "women's work liaison officer"}
REQUIRED_BODY_TYPE = {"committee_required": "work_committee", "liaison_required": "liaison",
                      "party_without_women": "any", "vacant_head": ""}


def shown_value(unit: str, numerator: int, denominator: int | None) -> float:
    """A figure's value: a count; a percentage or an average to one decimal, rounded half up
    (四舍五入) from the exact fraction.

    >>> shown_value("percent", 2, 7), shown_value("years", 110, 4), shown_value("percent", 0, 0)
    (28.6, 27.5, nan)
    >>> shown_value("percent", 9, 16), shown_value("years", 5, 4)
    (56.3, 1.3)
    """
    if unit == "count":
        return float(numerator)
    if not denominator:
        return math.nan
    share = Fraction(numerator, denominator) * (100 if unit == "percent" else 1)
    return float((Decimal(share.numerator) / Decimal(share.denominator)).quantize(Decimal("0.1"), ROUND_HALF_UP))


def day_of(as_of) -> date:
    return pd.Timestamp(as_of).date()


class GraphWalk:
    """The analyses and facts over a graph of the dataset, walked node by node (see the module docstring)."""

    name = "graph-walk"

    def __init__(self, dataset):
        self.dataset = dataset
        self.graph = build_graph(dataset)
        self._labelled: dict[str, list] = {}
        self._chains: dict[str, list[str]] = {}

    # -- reading the graph ----------------------------------------------------------------------
    def labelled(self, label: str) -> list[tuple[tuple, dict]]:
        """The (node, attributes) pairs of one label, sorted by id."""
        if label not in self._labelled:
            found = [(n, a) for n, a in self.graph.nodes(data=True) if a["label"] == label]
            self._labelled[label] = sorted(found, key=lambda item: item[0][1])
        return self._labelled[label]

    def out_edges(self, node, kind: str):
        """(target, edge attributes) of the edges of one type out of ``node``."""
        return [(v, e) for _, v, e in self.graph.out_edges(node, data=True) if e["type"] == kind]

    def in_edges(self, node, kind: str):
        """(source, edge attributes) of the edges of one type into ``node``."""
        return [(u, e) for u, _, e in self.graph.in_edges(node, data=True) if e["type"] == kind]

    def attrs(self, node) -> dict:
        return self.graph.nodes[node]

    def is_active(self, body, day: date) -> bool:
        b = self.attrs(body)
        return current(b["founded"], b["dissolved"], day)

    def host(self, body):
        """The organization node hosting a body; None for a region-level body."""
        return next((v for v, _ in self.out_edges(body, "BELONGS_TO") if v[0] == "Organization"), None)

    def hosted(self, org, day: date, system: str | None = None) -> list:
        """The bodies an organization hosts that are active on the day (of one system if given), by id."""
        bodies = [b for b, _ in self.in_edges(org, "BELONGS_TO")
                  if self.is_active(b, day) and (system is None or self.attrs(b)["system"] == system)]
        return sorted(bodies, key=lambda b: b[1])

    def holders(self, body, day: date) -> list[tuple[tuple, str]]:
        """(person, role) of the posts held in a body on the day (none when the body is not active)."""
        if not self.is_active(body, day):
            return []
        return [(p, e["role"]) for p, e in self.in_edges(body, "HOLDS") if current(e["start"], e["end"], day)]

    def posts_of(self, person, day: date) -> list[tuple[tuple, str]]:
        """(body, role) of the posts a person holds on the day, in active bodies."""
        return [(b, e["role"]) for b, e in self.out_edges(person, "HOLDS")
                if current(e["start"], e["end"], day) and self.is_active(b, day)]

    def best_grade(self, org, day: date, rules: Rules) -> str:
        """The best grade of the organization's active party bodies in ``rules.grade_order``
        (unlisted grades after the listed ones, then by name); "none" without a party body."""
        grades = [self.attrs(b)["grade"] for b in self.hosted(org, day, "party")]
        place = {g: i for i, g in enumerate(rules.grade_order)}
        return min(grades, key=lambda g: (place.get(g, len(place)), g)) if grades else "none"

    # -- regions ----------------------------------------------------------------------------------
    def parent(self, region):
        return next((v for v, _ in self.out_edges(region, "PART_OF")), None)

    def chain(self, region_id: str) -> list[str]:
        """The region and every region above it, nearest first (ids); the tree is walked once per region."""
        if region_id not in self._chains:
            out, node = [], ("Region", region_id)
            while node is not None:
                out.append(node[1])
                node = self.parent(node)
            self._chains[region_id] = out
        return self._chains[region_id]

    def places(self, region_id: str) -> dict:
        """``region_name``, ``township_id``, ``township_name`` of a region (the township: the nearest
        region at or above it whose level is township, street or park; "" when there is none)."""
        township = next((r for r in self.chain(region_id) if self.attrs(("Region", r))["level"] in TOWNSHIP_LEVELS),
                        None)
        return {"region_name": self.attrs(("Region", region_id))["name"], "township_id": township or "",
                "township_name": self.attrs(("Region", township))["name"] if township else ""}

    # -- the analyses, as raw rows ----------------------------------------------------------------
    def rows(self, name: str, as_of_or_year, rules: Rules | None = None) -> list[dict]:
        """The raw rows of one analysis or fact, every column (``liaison_check``: a year; ``events``:
        a (start, end) pair; ``regions`` and ``people``: ignored)."""
        rules = rules or Rules()
        if name == "liaison_check":
            return self._liaison_rows(int(as_of_or_year), rules)
        if name in ("regions", "people"):
            return getattr(self, f"_{name}_rows")()
        if name == "events":
            return self._events_rows(*(day_of(x) for x in as_of_or_year))
        if name in ("active_posts", "bodies", "demo_links", "venue_uses"):
            return getattr(self, f"_{name}_rows")(day_of(as_of_or_year))
        return getattr(self, f"_{name}_rows")(day_of(as_of_or_year), rules)

    def needs_committee(self, org, day: date, rules: Rules) -> bool:
        """Rule 1: a two-new organization with enough women and no active women's body of a committee type."""
        a = self.attrs(org)
        women = self.hosted(org, day, "women")
        return bool(a["two_new"] and a["female_staff"] >= rules.committee_min_female
                    and not any(self.attrs(b)["type"] in rules.committee_types for b in women))

    def _gap(self, rule: str, detail: str, org_id: str, region_id: str, **more) -> dict:
        org = ("Organization", org_id) if org_id else None
        return {"org_id": org_id or "", "org_name": self.attrs(org)["name"] if org else "", "region_id": region_id,
                "rule": rule, "detail": detail, "female_staff": self.attrs(org)["female_staff"] if org else None,
                "required_body_type": REQUIRED_BODY_TYPE[rule], "body_id": "", "body_name": "", "body_type": "",
                "head_role": "", "party_body_ids": [], **self.places(region_id), **more}

    def _gaps_rows(self, day: date, rules: Rules) -> list[dict]:
        rows = []
        for org, a in self.labelled("Organization"):
            women, party = self.hosted(org, day, "women"), self.hosted(org, day, "party")
            female = a["female_staff"]
            big = a["two_new"] and female >= rules.committee_min_female
            if self.needs_committee(org, day, rules):
                rows.append(self._gap("committee_required", f"{female} female staff", a["id"], a["region_id"]))
            if not big and a["two_new"] and female >= rules.liaison_min_female and not women:
                rows.append(self._gap("liaison_required", f"{female} female staff", a["id"], a["region_id"]))
            if party and not women:
                ids = sorted(self.attrs(b)["id"] for b in party)
                rows.append(self._gap("party_without_women", "party bodies: " + ";".join(ids), a["id"],
                                      a["region_id"], party_body_ids=ids))
        for body, b in self.labelled("Body"):
            if b["system"] != "women" or not self.is_active(body, day):
                continue
            heads = SCHEMA.head_roles("women", b["type"])
            if any(role in heads for _, role in self.holders(body, day)):
                continue
            head = "/".join(heads)
            rows.append(self._gap("vacant_head", f"{b['name']}: no active {HEAD_TITLE_EN[b['type']]}", b["org_id"],
                                  b["region_id"], body_id=b["id"], body_name=b["name"], body_type=b["type"],
                                  head_role=head))
        return rows

    def _overlaps_rows(self, day: date, rules: Rules) -> list[dict]:
        rows = []
        for person, p in self.labelled("Person"):
            posts = self.posts_of(person, day)
            if len(posts) < rules.min_posts:
                continue
            roles: dict[str, set[str]] = defaultdict(set)
            count: dict[str, int] = defaultdict(int)
            for body, role in posts:
                roles[body[1]].add(role)
                count[body[1]] += 1
            ids = sorted(roles)
            nodes = [("Body", i) for i in ids]
            tied, seats = seats_of(self, nodes, {("Body", i): roles[i] for i in ids}, rules.sanctioned)
            sanctioned = sum(count[b[1]] for b in nodes if tied[b])
            if not kept(rules, sanctioned, seats - 1):
                continue
            hosts = [self.host(("Body", i)) for i in ids]
            names = [self.attrs(("Body", i))["name"] for i in ids]
            rows.append({"person_id": p["id"], "person_name": p["name"], "posts": len(posts),
                         "bodies": ";".join(ids),
                         "systems": ";".join(sorted({self.attrs(("Body", i))["system"] for i in ids})),
                         "body_ids": ids, "body_names": names,
                         "body_systems": [self.attrs(("Body", i))["system"] for i in ids],
                         "roles": ["/".join(sorted(roles[i])) for i in ids],
                         "org_ids": [h[1] if h else "" for h in hosts],
                         "org_names": [self.attrs(h)["name"] if h else "" for h in hosts],
                         "sanctioned_posts": sanctioned, "extra_posts": seats - 1,
                         "body_rules": ["/".join(tied[b]) for b in nodes],
                         "rules": [r for r in REGISTRY_ORDER if any(r in tied[b] for b in nodes)],
                         "sanctioned_body_ids": [b[1] for b in nodes if tied[b]],
                         "sanctioned_body_names": [n for b, n in zip(nodes, names) if tied[b]],
                         "extra_body_ids": [b[1] for b in nodes if not tied[b]],
                         "extra_body_names": [n for b, n in zip(nodes, names) if not tied[b]]})
        return rows

    def _nameplates_rows(self, day: date, rules: Rules) -> list[dict]:
        rows = []
        for org, a in self.labelled("Organization"):
            held: dict = {}
            for body in self.hosted(org, day):
                for p, role in self.holders(body, day):
                    held.setdefault(body, defaultdict(set))[p].add(role)
            people = {body: set(h) for body, h in held.items()}
            for first, second in combinations(people, 2):  # hosted() lists bodies by id: first < second
                shared = len(people[first] & people[second])
                jaccard = round(shared / len(people[first] | people[second]), 4)
                if shared and jaccard >= rules.nameplate_jaccard:
                    rows.append({"org_id": a["id"], "org_name": a["name"], "body_a": first[1], "body_b": second[1],
                                 "system_a": self.attrs(first)["system"], "system_b": self.attrs(second)["system"],
                                 "shared": shared, "jaccard": jaccard,
                                 **nameplate_kind(self, first, second, day, held, rules.sanctioned)})
        return rows

    def _plan_rows(self, day: date, rules: Rules) -> list[dict]:
        return plan_rows(self, day, rules)

    def is_executive_post(self, body, post: dict, year: int, rules: Rules) -> bool:
        """Rule 5: an executive post during the year in a region-level federation of an executive level."""
        b = self.attrs(body)
        regions = [r for r, _ in self.out_edges(body, "BELONGS_TO") if r[0] == "Region"]
        return (post["role"] == "executive" and b["system"] == "women" and b["type"] == "federation"
                and bool(regions) and self.attrs(regions[0])["level"] in rules.executive_levels
                and in_year(post["start"], post["end"], year))

    def _liaison_rows(self, year: int, rules: Rules) -> list[dict]:
        rows = []
        for person, p in self.labelled("Person"):
            links = sorted({b for b, e in self.out_edges(person, "LIAISES_WITH")
                            if in_year(e["since"], e["until"], year)})
            executive = any(self.is_executive_post(b, e, year, rules) for b, e in self.out_edges(person, "HOLDS"))
            if not links and not executive:
                continue
            visits = {body: sum(1 for b, e in self.out_edges(person, "VISITED")
                                if b == body and e["date"].year == year) for body in links}
            outside = not rules.links_min <= len(links) <= rules.links_max
            who = {"person_id": p["id"], "person_name": p["name"]}
            rows.append({"kind": "executive", **who, "body_id": "", "links": len(links), "visits": sum(visits.values()),
                         "flag": f"links outside {rules.links_min}-{rules.links_max}" if outside else "",
                         "problem": "links_outside" if outside else "",
                         "expected_min": rules.links_min, "expected_max": rules.links_max})
            for body in links:
                under = visits[body] < rules.visits_per_year
                rows.append({"kind": "link", **who, "body_id": body[1], "links": None, "visits": visits[body],
                             "flag": f"under {rules.visits_per_year} visits" if under else "",
                             "problem": "visits_under" if under else "",
                             "expected_min": rules.visits_per_year, "expected_max": None})
        return rows

    # -- stats: the report figures ----------------------------------------------------------------
    def _stats_rows(self, day: date, rules: Rules) -> list[dict]:
        """Every figure for every region of a stats level, from what lies in that region or below it."""
        counted: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # (region, figure) → [hits, of]
        for region_id, figure, hit in self.counted_things(day, rules):
            for above in self.chain(region_id):
                counted[above, figure][0] += int(hit)
                counted[above, figure][1] += 1
        people: dict[tuple[str, str], set] = defaultdict(set)  # (region, group) → people
        for region_id, group, person in self.counted_people(day, rules):
            for above in self.chain(region_id):
                people[above, group].add(person)
        rows = []
        for region, r in self.labelled("Region"):
            if r["level"] not in rules.stats_levels:
                continue
            figures = {figure: tuple(counted.get((r["id"], figure), (0, 0))) for figure in FIGURES}
            figures.update(self.people_figures(day, {g: people.get((r["id"], g), set())
                                                     for g in ("village", "community", "cadres")}))
            for figure, spec in FIGURES.items():
                unit, (numerator, of) = spec.unit, figures[figure]
                denominator = None if unit == "count" else of
                rows.append({"region_id": r["id"], "region_name": r["name"], "level": r["level"], "figure": figure,
                             "unit": unit, "numerator": numerator, "denominator": denominator,
                             "value": shown_value(unit, numerator, denominator)})
        return rows

    def counted_things(self, day: date, rules: Rules):
        """(region id, figure, hit) for every region, organization, body and demo point a figure counts."""
        for _, r in self.labelled("Region"):
            if r["level"] in ("township", "street"):
                yield r["id"], r["level"] + "s", True
        for org, a in self.labelled("Organization"):
            if not a["two_new"]:
                continue
            women = [self.attrs(b)["type"] for b in self.hosted(org, day, "women")]
            yield a["region_id"], "two_new_orgs", True
            yield a["region_id"], "two_new_coverage", any(t != "liaison" for t in women)  # 组织覆盖
            yield a["region_id"], "two_new_work_coverage", bool(women)  # 工作覆盖: a liaison officer too
            if a["female_staff"] >= rules.committee_min_female:
                yield a["region_id"], "two_new_30plus", True
                yield a["region_id"], "two_new_30plus_committee", any(t in rules.committee_types for t in women)
        for body, b in self.labelled("Body"):
            if b["system"] == "women" and self.is_active(body, day):
                for figure, hit in self.women_body_figures(body, day):
                    yield b["region_id"], figure, hit
        for point, _ in self.labelled("DemoPoint"):
            for site, e in self.out_edges(point, "DEMO_AT"):
                if e["since"] is None or e["since"] <= day:
                    yield self.attrs(site)["region_id"], "demo_points", True

    def women_body_figures(self, body, day: date):
        """(figure, hit) for one active women's body."""
        b, host = self.attrs(body), self.host(body)
        kind = self.attrs(host)["kind"] if host else None
        level = self.attrs(("Region", b["region_id"]))["level"]
        yield f"women_bodies.{b['type']}", True
        if b["type"] == "liaison":
            yield "liaison_officers", True
        if b["type"] == "federation" and host is None and level in ("township", "street"):
            yield "federations.township_street", True
        if b["type"] == "federation" and (kind == "community" or (host is None and level == "community")):
            yield "federations.community", True
        if kind == "enterprise" and b["type"] in ("committee", "work_committee"):
            yield "enterprise_women_committees", True
        if kind in ("organ", "institution"):
            yield "organ_institution_women_bodies", True
        if b["type"] == "congress" and kind == "village":
            chairs = [p for p, role in self.holders(body, day) if role == "chair"]
            if chairs:  # rule 6: does a chair sit in the village's party body or villagers' committee?
                two = {x for x in self.hosted(host, day)
                       if self.attrs(x)["system"] == "party" or self.attrs(x)["type"] == "villagers_committee"}
                seated = any(x in two for p in chairs for x, _ in self.posts_of(p, day))
                yield "congress_chairs_in_two_committees", seated

    def counted_people(self, day: date, rules: Rules):
        """(region id, group, person): holders of posts in the two committees of villages and
        communities (groups ``village``, ``community``) and of posts other than 执委 in region-level
        federations of the cadre levels (``cadres``)."""
        for body, b in self.labelled("Body"):
            host = self.host(body)
            kind = self.attrs(host)["kind"] if host else None
            level = self.attrs(("Region", b["region_id"]))["level"]
            cadres = (b["system"] == "women" and b["type"] == "federation" and host is None
                      and level in rules.cadre_federation_levels)
            # 村、居干部: the party body and the 村（居）委会 only
            two_committees = b["system"] == "party" or b["type"] in ("villagers_committee", "residents_committee")
            for person, role in self.holders(body, day):
                if kind in ("village", "community") and two_committees:
                    yield b["region_id"], kind, person
                if cadres and role != "executive":  # 执委 are not cadres
                    yield b["region_id"], "cadres", person

    def people_figures(self, day: date, people: dict[str, set]) -> dict[str, tuple[int, int]]:
        """The figures that count people, each person once, from one region's groups of people."""
        out = {}
        for kind in ("village", "community"):
            out[f"{kind}_women_share"] = (sum(self.attrs(p)["gender"] == "F" for p in people[kind]), len(people[kind]))
        cadres = [self.attrs(p) for p in people["cadres"]]
        out["federation_cadres"] = (len(cadres), 0)
        ages = [day.year - c["birth_year"] for c in cadres if c["birth_year"] is not None]
        out["federation_cadres_avg_age"] = (sum(ages), len(ages))
        for education in ("college", "bachelor", "postgraduate"):
            out[f"federation_cadres.{education}"] = (sum(c["education"] == education for c in cadres), 0)
        return out

    # -- facts ----------------------------------------------------------------------------------
    def _body_fact(self, body) -> dict:
        b, host = self.attrs(body), self.host(body)
        return {"body_id": b["id"], "body_name": b["name"], "system": b["system"], "type": b["type"],
                "org_id": b["org_id"] or "", "org_kind": self.attrs(host)["kind"] if host else "",
                "region_id": b["region_id"]}

    def _active_posts_rows(self, day: date) -> list[dict]:
        return [{"person_id": p["id"], "person_name": p["name"], "gender": p["gender"], **self._body_fact(body),
                 "role": role}
                for person, p in self.labelled("Person") for body, role in self.posts_of(person, day)]

    def _organizations_rows(self, day: date, rules: Rules) -> list[dict]:
        return [{"org_id": a["id"], "org_name": a["name"], "kind": a["kind"], "region_id": a["region_id"],
                 "two_new": a["two_new"], "female_staff": a["female_staff"],
                 "covered": bool(self.hosted(org, day, "women")), "party_grade": self.best_grade(org, day, rules)}
                for org, a in self.labelled("Organization")]

    def _bodies_rows(self, day: date) -> list[dict]:
        return [self._body_fact(body) for body, _ in self.labelled("Body") if self.is_active(body, day)]

    def _regions_rows(self) -> list[dict]:
        return [{"region_id": r["id"], "region_name": r["name"], "level": r["level"],
                 "parent_id": (self.parent(region) or ("", ""))[1]} for region, r in self.labelled("Region")]

    def _people_rows(self) -> list[dict]:
        return [{"person_id": p["id"], "person_name": p["name"], "gender": p["gender"],
                 "reserve_cadre": p["reserve_cadre"]} for _, p in self.labelled("Person")]

    def _events_rows(self, first: date, last: date) -> list[dict]:
        """Bodies founded or dissolved and posts started or ended after ``first``, up to ``last``."""
        rows = []
        for body, b in self.labelled("Body"):
            for change, day in (("body_founded", b["founded"]), ("body_dissolved", b["dissolved"])):
                if day is not None and first < day <= last:
                    rows.append({"change": change, "subject_id": b["id"], "name": b["name"], "region_id": b["region_id"],
                                 "detail": f"{b['system']} {b['type']}", "date": day.isoformat(),
                                 "body_id": b["id"], "role": ""})
            for person, e in self.in_edges(body, "HOLDS"):
                for change, day in (("post_started", e["start"]), ("post_ended", e["end"])):
                    if day is not None and first < day <= last:
                        rows.append({"change": change, "subject_id": person[1], "name": self.attrs(person)["name"],
                                     "region_id": b["region_id"], "detail": f"{e['role']} of {b['id']}",
                                     "date": day.isoformat(), "body_id": b["id"], "role": e["role"]})
        return rows

    def _demo_links_rows(self, day: date) -> list[dict]:
        rows = []
        for point, a in self.labelled("DemoPoint"):
            if a["since"] is not None and a["since"] > day:
                continue
            pairings = sorted(org[1] for org, e in self.in_edges(point, "PAIRED_WITH")
                              if e["since"] is None or e["since"] <= day)
            for site, _ in self.out_edges(point, "DEMO_AT"):
                for pairing in pairings or [""]:
                    rows.append({"demo_point_id": a["id"], "demo_name": a["name"] or "", "site_org_id": site[1],
                                 "pairing_org_id": pairing})
        return rows

    def _venue_uses_rows(self, day: date) -> list[dict]:
        return [{"venue_id": v["id"], "venue_name": v["name"], "body_id": body[1], "system": self.attrs(body)["system"]}
                for venue, v in self.labelled("Venue") for body, e in self.in_edges(venue, "USES")
                if self.is_active(body, day) and current(e["since"], e["until"], day)]

    # -- the analyses and facts as the contracts have them -----------------------------------------
    def gaps(self, as_of, rules: Rules) -> pd.DataFrame:
        return finish("gaps", self.rows("gaps", as_of, rules))

    def overlaps(self, as_of, rules: Rules) -> pd.DataFrame:
        return finish("overlaps", self.rows("overlaps", as_of, rules))

    def nameplates(self, as_of, rules: Rules) -> pd.DataFrame:
        return finish("nameplates", self.rows("nameplates", as_of, rules))

    def plan(self, as_of, rules: Rules) -> pd.DataFrame:
        return finish("plan", self.rows("plan", as_of, rules))

    def liaison_check(self, year: int, rules: Rules) -> pd.DataFrame:
        return finish("liaison_check", self.rows("liaison_check", year, rules))

    def stats(self, as_of, rules: Rules) -> pd.DataFrame:
        return finish("stats", self.rows("stats", as_of, rules))

    def active_posts(self, as_of) -> pd.DataFrame:
        return finish("active_posts", self.rows("active_posts", as_of))

    def organizations(self, as_of, rules: Rules) -> pd.DataFrame:
        return finish("organizations", self.rows("organizations", as_of, rules))

    def bodies(self, as_of) -> pd.DataFrame:
        return finish("bodies", self.rows("bodies", as_of))

    def regions(self) -> pd.DataFrame:
        return finish("regions", self.rows("regions", None))

    def people(self) -> pd.DataFrame:
        return finish("people", self.rows("people", None))

    def events(self, start, end) -> pd.DataFrame:
        return finish("events", self.rows("events", (start, end)))

    def demo_links(self, as_of) -> pd.DataFrame:
        return finish("demo_links", self.rows("demo_links", as_of))

    def venue_uses(self, as_of) -> pd.DataFrame:
        return finish("venue_uses", self.rows("venue_uses", as_of))

    def post_load(self, as_of) -> pd.DataFrame:
        day = day_of(as_of)
        return finish("post_load", [{"person_id": person[1], "posts": len(posts)} for person, _ in self.labelled("Person")
                                    if (posts := self.posts_of(person, day))])
