"""The ``scale`` profile's outreach, vectorized: county federation executives' liaison links to
two-new women's bodies and their visits in 2012, demonstration points paired with organs, and
activity rooms shared by an organization's bodies.
"""

from __future__ import annotations

import numpy as np

from .arrays import cat, date_text, day_number, draw_within, enc, first_of, ids, ranks, spans
from .names import VENUE_NAMES
from .scale_bodies import Bodies, Posts
from .scale_places import KINDS, Organizations, Regions


def liaisons_and_visits(rng: np.random.Generator, regions: Regions, orgs: Organizations, bodies: Bodies,
                        posts: Posts, people_ids: np.ndarray) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """County federation executives → two-new women's bodies of their county (0-4 each); visits in 2012."""
    n_county, n_ob, n_bodies = regions.top0, len(bodies.org), len(bodies.spec)
    body_org, founded, dissolved = bodies.org, bodies.founded, bodies.dissolved
    is_exec = posts.role == 6
    executives = posts.person[is_exec]
    exec_county = bodies.region[posts.body[is_exec] - n_ob]
    target = np.flatnonzero(orgs.is_two_new[body_org] & bodies.specs.is_women[bodies.spec[:n_ob]])
    target_county = regions.county[orgs.region[body_org[target]]]
    t_order = np.argsort(target_county, kind="stable")
    target, target_county = target[t_order], target_county[t_order]
    t_first, t_count = spans(target_county, n_county)
    links_per = rng.choice(5, len(executives), p=[0.05, 0.3, 0.35, 0.25, 0.05])
    links_per[t_count[exec_county] == 0] = 0
    l_person = np.repeat(executives, links_per)
    l_body = draw_within(rng, target, t_first, t_count, np.repeat(exec_county, links_per))
    first = first_of(l_person * n_bodies + l_body)
    l_person, l_body = l_person[first], l_body[first]
    since = np.maximum(founded[l_body], day_number("2010-03-01")) + rng.integers(0, 500, len(l_body))
    until = dissolved[l_body]
    since = np.where((until >= 0) & (since > until), until, since)
    liaisons = {"person_id": people_ids[l_person], "body_id": bodies.ids[l_body], "since": date_text(since),
                "until": date_text(until)}
    n_visits = np.minimum(rng.poisson(2.2, len(l_body)), 6)
    v_person, v_body = np.repeat(l_person, n_visits), np.repeat(l_body, n_visits)
    v_day = rng.integers(0, 366, len(v_body))
    first = first_of((v_person * n_bodies + v_body) * 400 + v_day)
    visits = {"person_id": people_ids[v_person[first]], "body_id": bodies.ids[v_body[first]],
              "date": date_text(day_number("2012-01-01") + v_day[first])}
    return liaisons, visits


def demo_points_and_pairings(rng: np.random.Generator, regions: Regions,
                             orgs: Organizations) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Demonstration points (as many as about 0.3% of the organizations, among the villages,
    communities and two-new organizations), each paired with 1-2 organs of its county."""
    n, n_county, kinds = len(orgs.kinds), regions.top0, orgs.kinds
    eligible = np.flatnonzero(((kinds == 1) | (kinds == 2)) | orgs.is_two_new)
    demo_org = np.sort(rng.choice(eligible, min(max(1, round(0.003 * n)), len(eligible)), replace=False))
    demo_since = rng.integers(day_number("2009-03-01"), day_number("2012-12-31"), len(demo_org))
    demo_ids = ids("D", len(demo_org))
    demo_points = {"id": demo_ids, "name": cat(orgs.names[demo_org], "“党建带妇建”示范点".encode()),
                   "org_id": orgs.ids[demo_org], "since": date_text(demo_since)}
    organs = np.flatnonzero(kinds == 3)
    organ_county = regions.county[orgs.region[organs]]
    o_order = np.argsort(organ_county, kind="stable")
    organs, organ_county = organs[o_order], organ_county[o_order]
    o_first, o_count = spans(organ_county, n_county)
    d_county = regions.county[orgs.region[demo_org]]
    per = np.where(o_count[d_county] > 0, rng.choice(np.array([1, 2]), len(demo_org), p=[0.7, 0.3]), 0)
    p_demo = np.repeat(np.arange(len(demo_org)), per)
    p_org = draw_within(rng, organs, o_first, o_count, d_county[p_demo])
    first = first_of(p_demo * n + p_org)
    pairings = {"org_id": orgs.ids[p_org[first]], "demo_point_id": demo_ids[p_demo[first]],
                "since": date_text(demo_since[p_demo[first]])}
    return demo_points, pairings


def venues_and_uses(rng: np.random.Generator, orgs: Organizations,
                    bodies: Bodies) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Activity rooms: one room, many uses, in a share (by kind) of the organizations with 2+ bodies."""
    n, kinds = len(orgs.kinds), orgs.kinds
    founded, dissolved = bodies.founded, bodies.dissolved
    b_first, b_count = spans(bodies.org, n)
    room_share = np.array([1.0, 0.8, 0.9, 0.3, 0.3, 0.45, 0.3])[kinds]
    venue_org = np.flatnonzero((b_count >= 2) & (rng.random(n) < room_share))
    room_names = enc([VENUE_NAMES[k][0] for k in KINDS])
    venue_ids = ids("V", len(venue_org))
    venues = {"id": venue_ids, "name": cat(orgs.names[venue_org], room_names[kinds[venue_org]]),
              "org_id": orgs.ids[venue_org], "region_id": np.full(len(venue_org), b"")}
    u_venue = np.repeat(np.arange(len(venue_org)), b_count[venue_org])
    u_body = b_first[venue_org][u_venue] + ranks(u_venue)
    opened = rng.integers(day_number("2006-01-01"), day_number("2011-12-31"), len(venue_org))[u_venue]
    u_since = np.maximum(founded[u_body], opened)
    u_until = dissolved[u_body]
    u_since = np.where((u_until >= 0) & (u_since > u_until), np.maximum(founded[u_body], 0), u_since)
    venue_uses = {"venue_id": venue_ids[u_venue], "body_id": bodies.ids[u_body], "since": date_text(u_since),
                  "until": date_text(u_until)}
    return venues, venue_uses
