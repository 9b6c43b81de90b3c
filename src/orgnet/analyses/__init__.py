"""Analyses beyond the snapshot: change over time, key-person risk, leadership composition,
demonstration reach, shared venues, coverage up the region tree, and bridges between systems.

Each is written once, over the *facts* every engine serves (``active_posts``, ``bodies``,
``organizations``, ``regions``, ``people``, ``events``, ``demo_links``, ``venue_uses``; columns in
``orgnet.results.FACTS``), so networkx and Neo4j give the same answers by construction.
"""

from .change import diff
from .composition import composition
from .reach import coverage, demo_reach
from .risk import bridges, impact, key_people
from .venues import venues

__all__ = ["diff", "impact", "key_people", "composition", "demo_reach", "venues", "coverage", "bridges"]
