"""The ``scale`` profile: any number of organizations (up to millions), vectorized with numpy; a
realistic shape, not based on the reports.

Shape: counties of about 2,000 organizations, each with an industrial park and 11-21
townships/streets, villages and communities below them; ~60% two-new organizations with a
long-tailed female staff; party bodies in ~40% of organizations, women's bodies in ~30%; people hold
1-5 posts across systems; posts from 2005 to 2012, some ended; a few dissolved bodies; county
federation executives with liaison links and visits in 2012; demonstration points paired with organs.

The steps draw from one ``numpy.random.Generator`` in a fixed order: the same seed gives the same
files.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..errors import InputError
from .scale_bodies import draw_bodies, draw_posts, people_and_posts
from .scale_outreach import demo_points_and_pairings, liaisons_and_visits, venues_and_uses
from .scale_places import Counts, draw_organizations, draw_regions
from .writing import write_frames

#: Organizations when ``orgs`` is not given, and the fewest the profile makes.
DEFAULT_ORGS, MIN_ORGS = 10_000, 100


def organization_count(orgs: int | None) -> int:
    """The number of organizations to make for ``--orgs`` (None: the default).

    >>> organization_count(None), organization_count(2500)
    (10000, 2500)
    """
    n = DEFAULT_ORGS if orgs is None else int(orgs)
    if n < MIN_ORGS:
        raise InputError(f"--orgs {n}: the scale profile needs at least {MIN_ORGS} organizations")
    return n


def write(seed: int, out: Path, orgs: int | None = None) -> dict[str, int]:
    """A scale dataset of ``orgs`` organizations for ``seed`` as CSV files in ``out``; rows per table."""
    return write_frames(build(seed, organization_count(orgs)), out)


def build(seed: int, n: int) -> dict[str, dict[str, np.ndarray]]:
    """Every table of a dataset of ``n`` organizations, as byte-string columns."""
    rng = np.random.default_rng(seed)
    counts = Counts.of(n)
    regions = draw_regions(rng, counts)
    orgs = draw_organizations(rng, counts, regions)
    bodies = draw_bodies(rng, regions, orgs)
    posts = draw_posts(rng, regions, orgs, bodies)
    people, post_table = people_and_posts(rng, orgs, bodies, posts)
    liaisons, visits = liaisons_and_visits(rng, regions, orgs, bodies, posts, people["id"])
    demo_points, pairings = demo_points_and_pairings(rng, regions, orgs)
    venues, venue_uses = venues_and_uses(rng, orgs, bodies)
    return {"regions": regions.table, "organizations": orgs.table, "bodies": bodies.table, "people": people,
            "posts": post_table, "liaisons": liaisons, "visits": visits, "demo_points": demo_points,
            "pairings": pairings, "venues": venues, "venue_uses": venue_uses}
