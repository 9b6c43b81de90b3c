"""polars peer of ``orgnet overlaps``: people with at least 2 active posts in active bodies, which of
them the reports sanction together, through a lens — as one lazy query over the CSV files.

``python -m bench.peers.polars_overlaps FOLDER --as-of 2012-06-30 [--lens all] -o overlaps.csv``

Two of her bodies with one host (the organization, or the region of a region-level body) are *tied*
when a sanctioned cross-appointment (``SANCTIONED``, the five records as the reports state them)
applies to the host and puts one body on its side a and the other on side b (``system/type`` or
``system/*``; one of her roles there, if the side names roles). Her seats are the connected groups of
tied bodies, a body tied to none a seat of its own: ``extra_posts`` = seats - 1, ``sanctioned_posts`` =
her posts in tied bodies. The lens ``load`` (default) keeps extra_posts >= 1, ``cross`` sanctioned
posts > 0, ``all`` everyone.
"""

from __future__ import annotations

import sys

import polars as pl

from .polars_common import current, main as run_main, scan, truth

MIN_POSTS = 2
MIN_EXTRA_POSTS = 1
LENSES = ("load", "cross", "all")
_PARTY, _TEAM = "party/*", ["party/*", "women/*", "union/*", "youth/*"]
_TEXTS = pl.List(pl.String)
#: the sanctioned cross-appointments, in the order their ids are listed (k)
SANCTIONED = pl.LazyFrame({
    "k": [1, 2, 3, 4, 5],
    "rule": ["congress_chair_in_two_committees", "village_two_committees", "party_government_team",
             "federation_chair_in_leadership", "two_new_one_team"],
    "a_bodies": [["women/congress"], [_PARTY], [_PARTY], ["women/federation"], _TEAM],
    "a_roles": [["chair"], [], [], ["chair"], []],
    "b_bodies": [[_PARTY, "admin/villagers_committee"], ["admin/villagers_committee", "admin/residents_committee"],
                 ["admin/team"], [_PARTY, "admin/team"], _TEAM],
    "b_roles": [[], [], [], [], []],
    "org_kinds": [["village"], ["village", "community"], ["organ", "institution"], [], ["enterprise", "social_org"]],
    "two_new_only": [False, False, False, False, True],
    "region_levels": [[], [], ["township", "street"], ["township", "street"], []],
}, schema={"k": pl.Int64, "rule": pl.String, "a_bodies": _TEXTS, "a_roles": _TEXTS, "b_bodies": _TEXTS,
           "b_roles": _TEXTS, "org_kinds": _TEXTS, "two_new_only": pl.Boolean, "region_levels": _TEXTS})
#: label propagation rounds for the seats: a person's ties at one host come from at most this many
#: records, each tying its bodies into one connected group, so any two bodies of a seat are this many
#: groups apart at most
ROUNDS = 5


def query(folder: str, day: str, lens: str = "load") -> pl.LazyFrame:
    people = scan(folder, "people", ["id", "name"])
    orgs = scan(folder, "organizations", ["id", "name", "kind", "two_new"]).with_columns(two_new=truth("two_new"))
    regions = scan(folder, "regions", ["id", "level"])
    bodies = (scan(folder, "bodies", ["id", "name", "system", "type", "org_id", "region_id", "founded", "dissolved"])
              .filter(current("founded", "dissolved", day))
              .join(orgs.select(org_id="id", kind="kind", two_new="two_new"), on="org_id", how="left")
              .join(regions.select(region_id="id", region_level="level"), on="region_id", how="left")
              .select("id", "name", "system", "org_id", "kind", token=pl.concat_str("system", pl.lit("/"), "type"),
                      wild=pl.concat_str("system", pl.lit("/*")), two_new=pl.col("two_new").fill_null(False),
                      host=pl.when(pl.col("org_id").is_not_null()).then(pl.concat_str(pl.lit("O:"), "org_id"))
                      .otherwise(pl.concat_str(pl.lit("R:"), "region_id")),
                      level=pl.when(pl.col("org_id").is_null()).then("region_level"))
              .cache())  # read by the posts, the ties and the rows
    held = (scan(folder, "posts", ["person_id", "body_id", "role", "start", "end"])
            .filter(current("start", "end", day))
            .join(bodies, left_on="body_id", right_on="id", how="semi")
            .with_columns(posts=pl.len().over("person_id").cast(pl.Int64))
            .filter(pl.col("posts") >= MIN_POSTS))
    pairs = held.group_by("person_id", "body_id").agg(  # her roles in each of her bodies, her posts there
        pl.col("posts").first(), roles=pl.col("role").unique().sort(), n=pl.len().cast(pl.Int64)).cache()
    ties = _ties(pairs, bodies).cache()  # read by the seats, the rules and the rows
    tied = (ties.select("person_id", "body_id", "k", "rule").unique().group_by("person_id", "body_id")
            .agg(rules=pl.col("rule").sort_by("k").str.join("/"), tied=pl.lit(True))
            .join(_seats(ties), on=["person_id", "body_id"]))
    rules = ties.select("person_id", "k", "rule").unique().group_by("person_id").agg(
        rules=pl.col("rule").sort_by("k").str.join(";"))
    rows = (pairs.join(people.select(person_id="id", person_name="name"), on="person_id")
            .join(bodies.select(body_id="id", body_name="name", body_system="system", host="org_id"), on="body_id")
            .join(orgs.select(host="id", org_id="id", org_name="name"), on="host", how="left")
            .join(tied, on=["person_id", "body_id"], how="left")
            .with_columns(pl.col("tied").fill_null(False), seat=pl.coalesce("seat", "body_id"))
            .sort("person_id", "body_id"))

    def joined(column: str, where: pl.Expr | None = None) -> pl.Expr:
        values = pl.col(column).fill_null("")
        return (values if where is None else values.filter(where)).str.join(";")

    tied_body = pl.col("tied")
    out = (rows.group_by("person_id").agg(
        pl.col("person_name").first(), pl.col("posts").first(), bodies=joined("body_id"),
        systems=pl.col("body_system").unique().sort().str.join(";"), body_ids=joined("body_id"),
        body_names=joined("body_name"), body_systems=joined("body_system"), roles=pl.col("roles").list.join("/")
        .str.join(";"), org_ids=joined("org_id"), org_names=joined("org_name"),
        sanctioned_posts=pl.col("n").filter(tied_body).sum().cast(pl.Int64),
        extra_posts=(pl.col("seat").n_unique() - 1).cast(pl.Int64), body_rules=joined("rules"),
        sanctioned_body_ids=joined("body_id", tied_body), sanctioned_body_names=joined("body_name", tied_body),
        extra_body_ids=joined("body_id", ~tied_body), extra_body_names=joined("body_name", ~tied_body))
        .join(rules, on="person_id", how="left"))
    keep = {"load": pl.col("extra_posts") >= MIN_EXTRA_POSTS, "cross": pl.col("sanctioned_posts") > 0}
    return (out.filter(keep.get(lens, pl.lit(True)))
            .select("person_id", "person_name", "posts", "bodies", "systems", "body_ids", "body_names", "body_systems",
                    "roles", "org_ids", "org_names", "sanctioned_posts", "extra_posts", "body_rules", "rules",
                    "sanctioned_body_ids", "sanctioned_body_names", "extra_body_ids", "extra_body_names")
            .sort(["extra_posts", "posts", "person_id"], descending=[True, True, False]))


def _ties(pairs: pl.LazyFrame, bodies: pl.LazyFrame) -> pl.LazyFrame:
    """(person, body, host, k, rule): her bodies tied by record k to another of hers at the same host
    (one on side a and the other on side b of a record that applies to the host), once per other body."""
    def on(side: str) -> pl.Expr:
        listed = pl.col(f"{side}_bodies").list.contains(pl.col("token")) | pl.col(f"{side}_bodies").list.contains(
            pl.col("wild"))
        roles = (pl.col(f"{side}_roles").list.len() == 0) | (
            pl.col("roles").list.set_intersection(f"{side}_roles").list.len() > 0)
        return listed & roles

    applies = ((pl.col("org_kinds").list.contains(pl.col("kind")).fill_null(False)
                & (pl.col("two_new") | ~pl.col("two_new_only")))
               | pl.col("region_levels").list.contains(pl.col("level")).fill_null(False))
    sides = (pairs.join(bodies.select(body_id="id", host="host", kind="kind", two_new="two_new", level="level",
                                      token="token", wild="wild"), on="body_id")
             .filter(pl.len().over("person_id", "host") >= 2)  # she holds another body at this host
             .join(SANCTIONED, how="cross").filter(applies)
             .select("person_id", "body_id", "host", "k", "rule", on_a=on("a"), on_b=on("b"))
             .filter(pl.col("on_a") | pl.col("on_b")))
    return (sides.join(sides, on=["person_id", "host", "k"], suffix="_y")
            .filter((pl.col("body_id") != pl.col("body_id_y"))
                    & ((pl.col("on_a") & pl.col("on_b_y")) | (pl.col("on_b") & pl.col("on_a_y"))))
            .select("person_id", "body_id", "host", "k", "rule"))


def _seats(ties: pl.LazyFrame) -> pl.LazyFrame:
    """(person, body, seat) per tied body: the least body id connected to it through her ties."""
    tied = ties.select("person_id", "body_id", "host", "k").unique()  # a record's group of her bodies at a host
    labels = tied.select("person_id", "body_id", seat="body_id").unique()
    for _ in range(ROUNDS):  # each group takes its bodies' least label, each body the least of its groups'
        group = (tied.join(labels, on=["person_id", "body_id"]).group_by("person_id", "host", "k")
                 .agg(pl.col("seat").min()))
        labels = (tied.join(group, on=["person_id", "host", "k"]).group_by("person_id", "body_id")
                  .agg(pl.col("seat").min()))
    return labels


def main(argv=None) -> int:
    return run_main("overlaps", query, argv, lenses=LENSES)


if __name__ == "__main__":
    sys.exit(main())
