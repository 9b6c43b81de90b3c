"""Seats: a person's bodies, tied together where a sanctioned cross-appointment (``orgnet.sanctioned``)
covers them — the embedded engine's half of ``overlaps``' two lenses.

Two of her bodies are *tied* by a sanctioned record when they have the same host (one organization,
or one region for region-level bodies) of a kind the record names, one body is on the record's side
``a`` and the other on side ``b`` (body type, and her roles there). Her *seats* are the groups of
bodies tied together (a body tied to none is a seat of its own); her extra posts are her seats
beyond the first.

Examples
--------
>>> from orgnet.api import load_dataset
>>> from orgnet.engines.coded import Tables
>>> t = Tables(load_dataset("tests/data/tiny"))
>>> sides = body_sides(t, ("congress_chair_in_two_committees",))
>>> sorted(sides)
['congress_chair_in_two_committees']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import sanctioned
from ..engines.coded import Tables


def body_sides(t: Tables, ids) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Per record in force: per body, whether its type is on side a, on side b, and its host is one the
    record applies to."""
    system, kind = t.column("bodies", "system"), t.column("bodies", "type")
    token = np.array([f"{s}/{k}" for s, k in zip(system, kind)], dtype=object)
    wild = np.array([f"{s}/*" for s in system], dtype=object)
    host, region = t.body_host, t.body_region
    org_kind = t.org_kind(host)
    two_new = np.where(host >= 0, t.column("organizations", "two_new")[np.maximum(host, 0)], False)
    levels = t.column("regions", "level")
    level = np.where((host < 0) & (region >= 0), levels[np.maximum(region, 0)], None)
    out = {}
    for rule_id in ids:
        rule = sanctioned.RULES[rule_id]
        on_a = np.isin(token, rule.side_a.bodies) | np.isin(wild, rule.side_a.bodies)
        on_b = np.isin(token, rule.side_b.bodies) | np.isin(wild, rule.side_b.bodies)
        where = (np.isin(org_kind.astype(object), rule.org_kinds) & (two_new.astype(bool) | (not rule.two_new_only))
                 | np.isin(level.astype(object), rule.region_levels))
        out[rule_id] = (on_a, on_b, where)
    return out


def seats(t: Tables, held: pd.DataFrame, ids) -> pd.DataFrame:
    """``held`` (one row per person and body: ``person``, ``body``, ``roles`` a list of her roles there)
    with ``rules`` (the record ids tying this body to another of hers, in registry order) and ``seat``
    (a label shared by the bodies of one seat)."""
    ids = [i for i in sanctioned.RULE_IDS if i in set(ids)]
    n = len(held)
    person, body = held["person"].to_numpy(), held["body"].to_numpy()
    key = np.where(t.body_host[body] >= 0, t.body_host[body], -2 - t.body_region[body])
    rows = pd.DataFrame({"person": person, "key": key, "row": np.arange(n)})
    pairs = rows.merge(rows, on=["person", "key"], suffixes=("_x", "_y"))
    x, y = pairs["row_x"].to_numpy(), pairs["row_y"].to_numpy()
    x, y = x[x < y], y[x < y]
    tied_by = np.zeros((n, len(ids)), dtype=bool)
    tie = np.zeros(len(x), dtype=bool)
    for k, (rule_id, (on_a, on_b, where)) in enumerate(body_sides(t, ids).items()):
        rule = sanctioned.RULES[rule_id]
        role_a, role_b = _role_ok(held["roles"], rule.side_a.roles), _role_ok(held["roles"], rule.side_b.roles)
        a, b = on_a[body] & role_a, on_b[body] & role_b
        hit = where[body[x]] & ((a[x] & b[y]) | (b[x] & a[y]))
        tied_by[x[hit], k] = tied_by[y[hit], k] = True
        tie |= hit
    out = held.copy()
    out["rules"] = ["/".join(np.asarray(ids, dtype=object)[r].tolist()) for r in tied_by]
    out["seat"] = _components(n, x[tie], y[tie])
    return out


def _role_ok(roles: pd.Series, wanted: tuple[str, ...]) -> np.ndarray:
    """Per row, whether one of its roles is wanted (always, when nothing is)."""
    if not wanted:
        return np.ones(len(roles), dtype=bool)
    return np.array([bool(set(r) & set(wanted)) for r in roles], dtype=bool)


def _components(n: int, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Per row, the smallest row number it is connected to through the ties ``x``–``y``."""
    label = np.arange(n)
    while len(x):
        low = np.minimum(label[x], label[y])
        new = label.copy()
        np.minimum.at(new, x, low)
        np.minimum.at(new, y, low)
        new = new[new]  # follow labels to their own labels
        if np.array_equal(new, label):
            break
        label = new
    return label
