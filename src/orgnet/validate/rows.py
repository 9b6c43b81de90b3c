"""Rules across columns and rows: a row against itself or the row it points to, loops in the region tree,
and the defaults that depend on another column."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import Problem
from ..schema import Schema
from .arrow import arrow_text, as_mask, as_strings
from .problems import cell_text


def row_rule_problems(tables, sources, schema: Schema, positions: dict) -> list[Problem]:
    """Rules that compare columns of one row, or a row with the row it points to."""
    found: list[Problem] = []

    def flag(table: str, mask, column: str, values: pd.Series, expected) -> None:
        frame = tables[table]
        mask = np.asarray(pd.Series(mask).fillna(False), dtype=bool)
        for i in np.flatnonzero(mask):
            exp = expected(i) if callable(expected) else expected
            found.append(Problem(sources.get(table, table), int(frame["_row"].iat[i]), column, cell_text(values.iat[i]), exp))

    def pointed(table: str, column: str, values: pd.Series) -> pd.Series:
        """``values`` (a column of the target table) at the row each reference points to; empty elsewhere."""
        at = positions.get((table, column))
        if at is None:  # the target could not be read: nothing to compare with
            return pd.Series([None] * len(tables[table]), dtype=object)
        taken = values.iloc[np.maximum(at, 0)].reset_index(drop=True) if len(values) else \
            pd.Series([None] * len(at), dtype=values.dtype)
        return taken.where(pd.Series(at >= 0))

    orgs = tables["organizations"]
    flag("organizations", orgs["female_staff"] > orgs["total_staff"], "female_staff", orgs["female_staff"],
         lambda i: f"at most total_staff ({orgs['total_staff'].iat[i]})")

    bodies = tables["bodies"]
    wrong_type = np.zeros(len(bodies), bool)
    for system, types in schema.system_types.items():
        wrong_type |= ((bodies["system"] == system) & bodies["type"].notna() & ~_in(bodies["type"], types)).to_numpy()
    flag("bodies", wrong_type, "type", bodies["type"],
         lambda i: f"a {bodies['system'].iat[i]} type: {', '.join(schema.system_types[bodies['system'].iat[i]])}")
    flag("bodies", bodies["grade"].notna() & (bodies["system"] != "party"), "grade", bodies["grade"],
         "no grade: grades are for party bodies only")
    flag("bodies", bodies["org_id"].isna() & bodies["region_id"].isna(), "org_id", bodies["org_id"],
         "a host: org_id, or region_id for a region-level body")
    host_region = pointed("bodies", "org_id", orgs["region_id"]).set_axis(bodies.index)
    mismatch = bodies["org_id"].notna() & bodies["region_id"].notna() & host_region.notna() & (bodies["region_id"] != host_region)
    flag("bodies", mismatch, "region_id", bodies["region_id"],
         lambda i: f"empty or {host_region.iat[i]}, the region of its organization {bodies['org_id'].iat[i]}")
    flag("bodies", bodies["dissolved"] < bodies["founded"], "dissolved", bodies["dissolved"],
         lambda i: f"a date on or after founded ({cell_text(bodies['founded'].iat[i])})")

    posts = tables["posts"]
    flag("posts", posts["end"] < posts["start"], "end", posts["end"],
         lambda i: f"a date on or after start ({cell_text(posts['start'].iat[i])})")
    if len(posts) and len(bodies):
        dissolved = pointed("posts", "body_id", bodies["dissolved"]).set_axis(posts.index)
        flag("posts", posts["start"] >= dissolved, "start", posts["start"],
             lambda i: f"a date before body {posts['body_id'].iat[i]} was dissolved ({cell_text(dissolved.iat[i])})")

    for name, first, last in (("liaisons", "since", "until"), ("venue_uses", "since", "until")):
        frame = tables[name]
        flag(name, frame[last] < frame[first], last, frame[last],
             lambda i, frame=frame, first=first: f"a date on or after {first} ({cell_text(frame[first].iat[i])})")
    return found


def _in(values: pd.Series, allowed) -> pd.Series:
    """``values.isin(allowed)`` through Arrow (pandas' own isin is slow on Arrow-backed text)."""
    hit = pc.is_in(arrow_text(values), value_set=pa.array(list(allowed), type=pa.large_string()))
    return pd.Series(as_mask(hit), index=values.index)


def region_cycles(regions: pd.DataFrame, source: str, positions: dict) -> list[Problem]:
    """Every region whose parent chain comes back to itself.

    Peel off, level by level, the regions no other region names as parent: what is left when
    nothing more can be peeled is exactly the regions on a loop (each region has one parent).
    """
    parent = positions.get(("regions", "parent_id"))
    if parent is None or not len(parent):
        return []
    children = np.bincount(parent[parent >= 0], minlength=len(parent))
    left = np.ones(len(parent), bool)
    leaves = np.flatnonzero(children == 0)
    while len(leaves):
        left[leaves] = False
        up = parent[leaves]
        up = up[up >= 0]
        np.subtract.at(children, up, 1)
        leaves = np.unique(up[(children[up] == 0) & left[up]])
    rows = regions["_row"].to_numpy()
    return [Problem(source, int(rows[i]), "parent_id", regions["parent_id"].iat[i],
                    "a parent chain that ends at a root (this one loops)")
            for i in sorted(np.flatnonzero(left), key=lambda i: rows[i])]


def apply_derived_defaults(tables: dict[str, pd.DataFrame], positions: dict) -> None:
    """Defaults that depend on another column: an empty party grade means unrated, and a body
    hosted by an organization lies in that organization's region."""
    bodies = tables["bodies"]
    party = bodies["system"] == "party"
    bodies.loc[party & bodies["grade"].isna(), "grade"] = "unrated"
    host = positions.get(("bodies", "org_id"))
    if host is not None and len(host):
        org_region = pc.take(arrow_text(tables["organizations"]["region_id"]), pa.array(np.maximum(host, 0), mask=host < 0))
        region = pc.coalesce(arrow_text(bodies["region_id"]), org_region)
        bodies["region_id"] = as_strings(region, bodies.index)
        at = positions.get(("bodies", "region_id"))
        if at is not None:  # (regions read: the positions follow the filled-in ids)
            positions[("bodies", "region_id")] = np.where(
                at >= 0, at, np.where(host >= 0, positions[("organizations", "region_id")][np.maximum(host, 0)], -1))
