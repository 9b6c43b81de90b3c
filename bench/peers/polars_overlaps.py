"""polars peer of ``orgnet overlaps``: people with at least 2 active posts in active bodies, as one
lazy query over the CSV files.

``python -m bench.peers.polars_overlaps FOLDER --as-of 2012-06-30 -o overlaps.csv``
"""

from __future__ import annotations

import sys

import polars as pl

from .polars_common import current, main as run_main, scan

MIN_POSTS = 2


def query(folder: str, day: str) -> pl.LazyFrame:
    people = scan(folder, "people", ["id", "name"])
    orgs = scan(folder, "organizations", ["id", "name"])
    bodies = scan(folder, "bodies", ["id", "name", "system", "org_id", "founded", "dissolved"]).filter(
        current("founded", "dissolved", day)).drop("founded", "dissolved")
    held = (scan(folder, "posts", ["person_id", "body_id", "role", "start", "end"])
            .filter(current("start", "end", day))
            .join(bodies, left_on="body_id", right_on="id", how="semi")
            .with_columns(posts=pl.len().over("person_id").cast(pl.Int64))
            .filter(pl.col("posts") >= MIN_POSTS))
    pairs = (held.group_by("person_id", "body_id")
             .agg(pl.col("posts").first(), roles=pl.col("role").unique().sort().str.join("/"))
             .join(people.select(person_id="id", person_name="name"), on="person_id")
             .join(bodies.select(body_id="id", body_name="name", body_system="system", host="org_id"), on="body_id")
             .join(orgs.select(host="id", org_id="id", org_name="name"), on="host", how="left")
             .sort("person_id", "body_id"))

    def joined(column: str) -> pl.Expr:
        return pl.col(column).fill_null("").str.join(";")

    return (pairs.group_by("person_id").agg(
        pl.col("person_name").first(), pl.col("posts").first(), bodies=joined("body_id"),
        systems=pl.col("body_system").unique().sort().str.join(";"), body_ids=joined("body_id"),
        body_names=joined("body_name"), body_systems=joined("body_system"), roles=joined("roles"),
        org_ids=joined("org_id"), org_names=joined("org_name"))
        .sort(["posts", "person_id"], descending=[True, False]))


def main(argv=None) -> int:
    return run_main("overlaps", query, argv)


if __name__ == "__main__":
    sys.exit(main())
