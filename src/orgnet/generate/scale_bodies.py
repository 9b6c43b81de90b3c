"""The ``scale`` profile's bodies, posts and people, vectorized: bodies hosted by organizations (by
kind and size) and by regions (federations, party committees), a head and some members per body
drawn from a pool of each organization's people, then the people themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .arrays import bools, cat, date_text, day_number, enc, ids, num, pick, ranks
from .names import FEMALE_CHARS, MALE_CHARS, SURNAMES
from .scale_places import Organizations, Regions

#: Post roles by code (the codes index this tuple).
ROLES = ("secretary", "deputy_secretary", "chair", "vice_chair", "member", "liaison", "executive")

#: Codes of the region-level specs and of the party specs that replace an organization's by its size.
COUNTY_FED, TOP_FED, TOP_PARTY, STREET_PARTY, GENERAL_BRANCH, PARTY_COMMITTEE, PARTY_BRANCH = range(22, 29)

#: The first day a post may start, the day the figures are for, the last day a post may start.
_START_LO, _AS_OF, _LAST = day_number("2005-01-01"), day_number("2012-06-30"), day_number("2012-12-31")


def _body_specs(orgs: Organizations) -> list[tuple]:
    """The kinds of body: (hosts, chance, system, type, name suffix, members lo..hi); the first 22 are
    hosted by organizations, the rest by regions (their codes are COUNTY_FED … PARTY_BRANCH)."""
    kinds, female, total, is_two = orgs.kinds, orgs.female, orgs.total, orgs.is_two_new
    big = female >= 30
    small = (female >= 1) & (female < 30)
    return [
        (kinds == 1, 1.0, "party", "branch", "党支部", 2, 5),
        (kinds == 1, 1.0, "admin", "villagers_committee", "村委会", 2, 5),
        (kinds == 1, 0.8, "women", "congress", "妇代会", 0, 3),
        (kinds == 1, 0.25, "youth", "branch", "团支部", 0, 2),
        (kinds == 2, 1.0, "party", "branch", "党支部", 2, 4),
        (kinds == 2, 0.85, "women", "federation", "妇联", 1, 4),
        (kinds == 2, 0.25, "youth", "branch", "团支部", 0, 2),
        (kinds == 3, 0.8, "admin", "team", "领导班子", 2, 5),
        (kinds == 3, 1.0, "party", "committee", "机关党委", 2, 5),
        (kinds == 3, 0.6, "women", "organ_committee", "机关妇委会", 1, 4),
        (kinds == 3, 0.5, "union", "committee", "工会", 1, 3),
        (kinds == 4, 0.75, "party", "branch", "党支部", 2, 4),
        (kinds == 4, 0.35, "women", "committee", "妇委会", 1, 4),
        (kinds == 4, 0.6, "union", "committee", "工会", 1, 3),
        (kinds == 0, 1.0, "party", "committee", "党工委", 2, 5),
        (kinds == 0, 1.0, "women", "committee", "妇委会", 2, 5),
        (is_two & big, 0.30, "party", "branch", "党支部", 1, 4),
        (is_two & ~big, 0.045, "party", "branch", "党支部", 1, 3),
        (is_two & big, 0.35, "women", "work_committee", "妇女工作委员会", 1, 4),
        (is_two & small, 0.08, "women", "liaison", "妇女工作联络员", 0, 1),
        (is_two & (total >= 25), 0.3, "union", "committee", "工会", 1, 3),
        (is_two & (total >= 50), 0.15, "youth", "branch", "团支部", 0, 2),
        # region-level: placed by _region_bodies
        (None, 0, "women", "federation", "妇联", 12, 30),   # county federation
        (None, 0, "women", "federation", "妇联", 1, 3),     # township / street federation
        (None, 0, "party", "committee", "党委", 3, 6),      # township party committee
        (None, 0, "party", "committee", "党工委", 3, 6),    # street party working committee
        (None, 0, "party", "general_branch", "党总支", 2, 5),
        (None, 0, "party", "committee", "党委", 2, 5),
        (None, 0, "party", "branch", "党支部", 2, 5),
    ]


@dataclass
class Specs:
    """The kinds of body as arrays indexed by spec code."""

    system: np.ndarray
    type: np.ndarray
    suffix: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    is_women: np.ndarray
    is_party: np.ndarray

    @classmethod
    def of(cls, specs: list[tuple]) -> Specs:
        """The arrays of a list of specs as ``_body_specs`` gives it."""
        return cls(enc([s[2] for s in specs]), enc([s[3] for s in specs]), enc([s[4] for s in specs]),
                   np.array([s[5] for s in specs]), np.array([s[6] for s in specs]),
                   np.array([s[2] == "women" for s in specs]), np.array([s[2] == "party" for s in specs]))


@dataclass
class Bodies:
    """The bodies: first those hosted by organizations (``org``), then the region-level ones (``region``)."""

    table: dict[str, np.ndarray]
    ids: np.ndarray
    specs: Specs
    spec: np.ndarray            # body → spec code
    org: np.ndarray             # organization-hosted body → its organization
    region: np.ndarray          # region-level body (the rows after len(org)) → its region
    founded: np.ndarray         # day numbers; -1: not known
    dissolved: np.ndarray       # day numbers; -1: not dissolved


def draw_bodies(rng: np.random.Generator, regions: Regions, orgs: Organizations) -> Bodies:
    """Bodies hosted by organizations and regions, their names, founding and dissolution days, grades."""
    specs_list = _body_specs(orgs)
    specs = Specs.of(specs_list)
    body_org, body_spec = _org_bodies(rng, orgs, specs_list, specs)
    r_region, r_spec = _region_bodies(regions)
    n_ob, n_rb = len(body_org), len(r_region)
    n_bodies = n_ob + n_rb
    spec = np.concatenate([body_spec, r_spec])
    body_names = np.concatenate([cat(orgs.names[body_org], specs.suffix[body_spec]),
                                 cat(regions.names[r_region], specs.suffix[r_spec])])
    founded, dissolved = _founded_and_dissolved(rng, specs.is_women[spec], orgs.kinds[body_org], n_rb)
    party_body = specs.is_party[spec]
    grade = np.where(party_body, pick(rng, ("excellent", "standard", "standard", "weak", "unrated", ""), n_bodies), b"")
    body_ids = ids("B", n_bodies)
    table = {
        "id": body_ids, "name": body_names, "system": specs.system[spec], "type": specs.type[spec],
        "org_id": np.concatenate([orgs.ids[body_org], np.full(n_rb, b"")]),
        "region_id": np.concatenate([np.full(n_ob, b""), regions.ids[r_region]]),
        "grade": grade, "founded": date_text(founded), "dissolved": date_text(dissolved),
    }
    return Bodies(table, body_ids, specs, spec, body_org, r_region, founded, dissolved)


def _org_bodies(rng: np.random.Generator, orgs: Organizations, specs_list: list[tuple],
                specs: Specs) -> tuple[np.ndarray, np.ndarray]:
    """Each organization-hosted body's organization and spec, the bodies of one organization together.

    Party bodies take the type their organization's size calls for.
    """
    n, kinds, total = len(orgs.kinds), orgs.kinds, orgs.total
    host_list, spec_list = [], []
    for i, (mask, p, *_rest) in enumerate(specs_list[:22]):
        hosts = np.flatnonzero(mask & (rng.random(n) < p))
        host_list.append(hosts)
        spec_list.append(np.full(len(hosts), i))
    body_org = np.concatenate(host_list)
    body_spec = np.concatenate(spec_list)
    order = np.argsort(body_org, kind="stable")  # the bodies of one organization together
    body_org, body_spec = body_org[order], body_spec[order]
    n_ob = len(body_org)
    size = total[body_org]
    kind_of = kinds[body_org]
    party = specs.is_party[body_spec]
    body_spec = np.where(party & (kind_of >= 5) & (size >= 500), PARTY_COMMITTEE,
                         np.where(party & (kind_of >= 5) & (size >= 150), GENERAL_BRANCH, body_spec))
    body_spec = np.where(party & (kind_of == 3) & (size < 60), PARTY_BRANCH, body_spec)
    body_spec = np.where(party & (kind_of == 1) & (rng.random(n_ob) < 0.2), GENERAL_BRANCH, body_spec)
    return body_org, body_spec


def _region_bodies(regions: Regions) -> tuple[np.ndarray, np.ndarray]:
    """A federation per county/township/street, then a party committee per township/street: their
    regions and specs."""
    n_county, top0, non_park = regions.top0, regions.top0, regions.non_park
    fed_regions = np.concatenate([np.arange(n_county), top0 + non_park])
    r_region = np.concatenate([fed_regions, top0 + non_park])
    r_spec = np.concatenate([np.full(n_county, COUNTY_FED), np.full(len(non_park), TOP_FED),
                             np.where(regions.top_kind[non_park] == 1, STREET_PARTY, TOP_PARTY)])
    return r_region, r_spec


def _founded_and_dissolved(rng: np.random.Generator, women_body: np.ndarray, host_kind: np.ndarray,
                           n_rb: int) -> tuple[np.ndarray, np.ndarray]:
    """Founding days (women's bodies from 2005-03-08; unknown for region-level bodies and half of the
    village, community and organ bodies) and dissolution days (2% of organization bodies)."""
    n_ob = len(host_kind)
    n_bodies = n_ob + n_rb
    founded = rng.integers(day_number("2000-01-01"), day_number("2012-09-30"), n_bodies)
    founded[women_body] = np.maximum(founded[women_body], day_number("2005-03-08"))
    empty_founded = np.concatenate([np.isin(host_kind, [1, 2, 3]) & (rng.random(n_ob) < 0.5), np.ones(n_rb, bool)])
    founded[empty_founded] = -1
    gone = np.concatenate([rng.random(n_ob) < 0.02, np.zeros(n_rb, bool)]) & ~empty_founded
    dissolved = np.where(gone, np.minimum(founded + rng.integers(200, 2500, n_bodies), day_number("2013-06-30")), -1)
    return founded, dissolved


@dataclass
class Posts:
    """The posts (person, body, role codes into ROLES, start and end days) and each person's employer
    (-1: none; people are numbered organization by organization, then the region-level ones)."""

    person: np.ndarray
    body: np.ndarray
    role: np.ndarray
    start: np.ndarray
    end: np.ndarray
    employer: np.ndarray


def draw_posts(rng: np.random.Generator, regions: Regions, orgs: Organizations, bodies: Bodies) -> Posts:
    """A head and some members per body, held by a pool of each organization's people (one person,
    several posts) or, in region-level bodies, by people of their own; the township federation chair
    also sits in the township party committee. One post per person and body, the head's kept."""
    slot_body, slot_pos, role = _slots(rng, bodies)
    person, pool, n_region_people = _holders(rng, bodies, slot_body, len(orgs.kinds))
    # the township federation chair also sits in the township party committee
    n_ob, n_county, n_top_bodies = len(bodies.org), regions.top0, len(regions.non_park)
    top_fed_body = n_ob + n_county + np.arange(n_top_bodies)
    top_party_body = n_ob + n_county + n_top_bodies + np.arange(n_top_bodies)
    chair_slot = np.flatnonzero((bodies.spec[slot_body] == TOP_FED) & (slot_pos == 0))
    slot_body = np.concatenate([slot_body, top_party_body[np.searchsorted(top_fed_body, slot_body[chair_slot])]])
    person = np.concatenate([person, person[chair_slot]])
    role = np.concatenate([role, np.full(len(chair_slot), 4)])
    slot_pos = np.concatenate([slot_pos, np.full(len(chair_slot), 99)])
    # one post per person and body, the head's kept
    n_bodies = len(bodies.spec)
    pair = person * n_bodies + slot_body
    order = np.lexsort((slot_pos, pair))
    keep = np.sort(order[np.r_[True, np.diff(pair[order]) != 0]])
    slot_body, person, role = slot_body[keep], person[keep], role[keep]
    start, end = _post_dates(rng, bodies.founded[slot_body], bodies.dissolved[slot_body])
    employer = np.concatenate([np.repeat(np.arange(len(orgs.kinds)), pool), np.full(n_region_people, -1)])
    return Posts(person, slot_body, role, start, end, employer)


def _slots(rng: np.random.Generator, bodies: Bodies) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each body's slots (1 + lo..hi): their body, position and role (the first: the head; the second
    sometimes a vice; in the county federation the fourth on: executives)."""
    specs, spec = bodies.specs, bodies.spec
    n_bodies = len(spec)
    lo, hi = specs.lo[spec], specs.hi[spec]
    slots_per = 1 + lo + np.floor(rng.random(n_bodies) * (hi - lo + 1)).astype(np.int64)
    slot_body = np.repeat(np.arange(n_bodies), slots_per)
    slot_pos = ranks(slot_body)
    n_slots = len(slot_body)
    s_spec = spec[slot_body]
    s_system = specs.system[s_spec]
    head = np.where(np.isin(s_system, [b"party", b"youth"]), 0, np.where(specs.type[s_spec] == b"liaison", 5, 2))
    vice = np.where(s_system == b"party", 1, 3)
    role = np.where(slot_pos == 0, head, np.where((slot_pos == 1) & (rng.random(n_slots) < 0.5), vice, 4))
    county_fed = s_spec == COUNTY_FED
    role = np.where(county_fed & (slot_pos >= 3), 6, np.where(county_fed & (slot_pos > 0), 3, role))
    return slot_body, slot_pos, role


def _holders(rng: np.random.Generator, bodies: Bodies, slot_body: np.ndarray,
             n: int) -> tuple[np.ndarray, np.ndarray, int]:
    """Who holds each slot: organization slots draw on a pool of the organization's people, region-level
    slots have people of their own. Return the holders, each organization's pool size and the number
    of region-level people."""
    n_ob = len(bodies.org)
    in_org = slot_body < n_ob
    idx = np.flatnonzero(in_org)
    s_org = bodies.org[slot_body[idx]]
    org_slots = np.bincount(s_org, minlength=n)
    ratio = rng.choice(np.array([1.0, 1.3, 1.7, 2.3, 3.2, 4.5]), n, p=[0.34, 0.24, 0.18, 0.12, 0.08, 0.04])
    pool = np.ceil(org_slots / ratio).astype(np.int64)
    pool_start = np.cumsum(pool) - pool
    order = np.argsort(s_org * (1 << 24) + rng.integers(0, 1 << 24, len(idx)), kind="stable")  # shuffled within each org
    rank = ranks(s_org[order])
    person = np.empty(len(slot_body), dtype=np.int64)
    person[idx[order]] = pool_start[s_org[order]] + rank % pool[s_org[order]]
    n_org_people = int(pool.sum())
    reg = np.flatnonzero(~in_org)
    person[reg] = n_org_people + np.arange(len(reg))
    return person, pool, len(reg)


def _post_dates(rng: np.random.Generator, f: np.ndarray, d: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start after the body was founded (``f``), before it was dissolved (``d``); some posts ended."""
    n_posts = len(f)
    base = np.maximum(f, _START_LO)
    start = base + np.floor(rng.random(n_posts) * np.maximum(_LAST - base, 1)).astype(np.int64)
    start = np.where(rng.random(n_posts) < 0.75, np.maximum(np.minimum(start, _AS_OF - 1), base), start)
    start = np.where(d >= 0, np.minimum(start, d - 1), start)
    end = np.where(rng.random(n_posts) < 0.08, start + rng.integers(30, 1500, n_posts), -1)
    end = np.where(d >= 0, np.where(end >= 0, np.minimum(end, d), d), end)
    end = np.where((end >= 0) & (end < start), start, end)
    return start, end


def people_and_posts(rng: np.random.Generator, orgs: Organizations, bodies: Bodies,
                     posts: Posts) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The people table (women's post holders are women; otherwise the share of women depends on the
    employer's kind) and the posts table."""
    employer = posts.employer
    n_people = len(employer)
    post_spec = bodies.spec[posts.body]
    women_post = np.zeros(n_people, dtype=bool)
    women_post[posts.person[bodies.specs.is_women[post_spec]]] = True
    party_post = np.zeros(n_people, dtype=bool)
    party_post[posts.person[bodies.specs.is_party[post_spec]]] = True
    emp_kind = np.where(employer >= 0, orgs.kinds[np.maximum(employer, 0)], -1)
    p_female = np.select([emp_kind == 2, emp_kind == 1], [0.6, 0.2], 0.35)
    is_female = women_post | (rng.random(n_people) < p_female)
    person_names = _person_names(rng, is_female)
    born = np.clip(np.round(rng.normal(1972, 9, n_people)), 1945, 1992).astype(np.int64)
    edu = rng.choice(4, n_people, p=[0.35, 0.33, 0.28, 0.04])
    edu = np.where(emp_kind == 1, rng.choice(2, n_people, p=[0.8, 0.2]), edu)
    people_ids = ids("P", n_people)
    people = {
        "id": people_ids, "name": person_names, "gender": np.where(is_female, b"F", b"M"), "birth_year": num(born),
        "education": enc(("secondary", "college", "bachelor", "postgraduate"))[edu],
        "party_member": bools(party_post | (rng.random(n_people) < 0.12)),
        "employer_org_id": np.where(employer >= 0, orgs.ids[np.maximum(employer, 0)], b""),
        "reserve_cadre": bools((born >= 1970) & (rng.random(n_people) < 0.04)),
    }
    post_table = {"person_id": people_ids[posts.person], "body_id": bodies.ids[posts.body],
                  "role": enc(ROLES)[posts.role], "start": date_text(posts.start), "end": date_text(posts.end)}
    return people, post_table


def _person_names(rng: np.random.Generator, is_female: np.ndarray) -> np.ndarray:
    """A surname (common ones more often) and one or two given-name characters by gender."""
    n_people = len(is_female)
    surnames = enc(SURNAMES)
    weights = 1.0 / (1 + np.arange(len(surnames)) / 12)
    given_f = cat(pick(rng, FEMALE_CHARS, n_people),
                  np.where(rng.random(n_people) < 0.7, pick(rng, FEMALE_CHARS, n_people), b""))
    given_m = cat(pick(rng, MALE_CHARS, n_people),
                  np.where(rng.random(n_people) < 0.7, pick(rng, MALE_CHARS, n_people), b""))
    return cat(surnames[rng.choice(len(surnames), n_people, p=weights / weights.sum())],
               np.where(is_female, given_f, given_m))
