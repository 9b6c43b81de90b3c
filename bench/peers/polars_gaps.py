"""polars peer of ``orgnet gaps``: the four coverage rules as one lazy query over the CSV files.

``python -m bench.peers.polars_gaps FOLDER --as-of 2012-06-30 -o gaps.csv``
"""

from __future__ import annotations

import sys

import polars as pl

from .polars_common import current, main as run_main, scan, text, townships, truth

COMMITTEE_TYPES = ["committee", "work_committee", "federation"]
#: the title of a women's body's head, by body type (``chair`` for any other type)
HEAD_TITLE = {"federation": "women's federation chair", "committee": "women's committee chair",
              "work_committee": "women's work committee chair", "congress": "women's congress chair",
              "organ_committee": "women's committee chair", "liaison": "women's work liaison officer",
              "group": "women's group head"}
FOUND = ["rank", "rule", "required_body_type", "org_id", "body_id", "head_role", "party_body_ids", "detail"]


def query(folder: str, day: str) -> pl.LazyFrame:
    regions = scan(folder, "regions", ["id", "name", "level", "parent_id"])
    orgs = scan(folder, "organizations", ["id", "name", "region_id", "two_new", "female_staff"]).with_columns(
        two_new=truth("two_new"), female_staff=pl.col("female_staff").cast(pl.Int64))
    bodies = scan(folder, "bodies", ["id", "name", "system", "type", "org_id", "region_id", "founded", "dissolved"]
                  ).filter(current("founded", "dissolved", day)).drop("founded", "dissolved")
    posts = scan(folder, "posts", ["body_id", "role", "start", "end"]).filter(current("start", "end", day))
    women = pl.col("system") == "women"
    per_org = bodies.filter(pl.col("org_id").is_not_null()).group_by("org_id").agg(
        n_women=women.sum(), n_committee=(women & pl.col("type").is_in(COMMITTEE_TYPES)).sum(),
        party_ids=pl.col("id").filter(pl.col("system") == "party").sort())
    o = orgs.join(per_org, left_on="id", right_on="org_id", how="left").with_columns(
        pl.col("n_women", "n_committee").fill_null(0),
        big=pl.col("two_new") & (pl.col("female_staff") >= 30))
    none = {"body_id": text(), "head_role": text(), "party_body_ids": text(), "detail": text()}
    found = pl.concat([
        o.filter(pl.col("big") & (pl.col("n_committee") == 0)).select(
            rank=0, rule=text("committee_required"), required_body_type=text("work_committee"), org_id="id", **none),
        o.filter(~pl.col("big") & pl.col("two_new") & (pl.col("female_staff") >= 1) & (pl.col("n_women") == 0)).select(
            rank=1, rule=text("liaison_required"), required_body_type=text("liaison"), org_id="id", **none),
        o.filter((pl.col("party_ids").list.len() > 0) & (pl.col("n_women") == 0)).select(
            rank=2, rule=text("party_without_women"), required_body_type=text("any"), org_id="id", body_id=text(),
            head_role=text(), party_body_ids=pl.col("party_ids").list.join(";"),
            detail="party bodies: " + pl.col("party_ids").list.join(";")),
        bodies.filter(women).with_columns(
            head=pl.when(pl.col("type") == "liaison").then(text("liaison")).otherwise(text("chair")))
        .join(posts, left_on=["id", "head"], right_on=["body_id", "role"], how="anti").select(
            rank=3, rule=text("vacant_head"), required_body_type=text(), org_id="org_id", body_id="id",
            head_role="head", party_body_ids=text(),
            detail=pl.concat_str(pl.col("name").fill_null(""), text(": no active "),
                                 pl.col("type").replace_strict(HEAD_TITLE, default="chair"))),
    ], how="vertical")
    return finish(found, orgs, bodies, regions)


def finish(found: pl.LazyFrame, orgs: pl.LazyFrame, bodies: pl.LazyFrame, regions: pl.LazyFrame) -> pl.LazyFrame:
    """The gap rows' names, region (the body's own, else its organization's), township and order."""
    known = regions.select("id", region_name="name")
    township = townships(regions)
    rows = (found
            .join(orgs.select(org_id="id", known_org="id", org_name="name", org_region="region_id",
                              female_staff="female_staff"), on="org_id", how="left")
            .with_columns(org_id="known_org")  # a body's organization missing from the file: no org_id
            .join(bodies.select(body_id="id", body_name="name", body_type="type", body_region="region_id"),
                  on="body_id", how="left")
            .join(known.select(body_region="id", rb="id"), on="body_region", how="left")
            .join(known.select(org_region="id", ro="id"), on="org_region", how="left")
            .with_columns(region_id=pl.coalesce("rb", "ro"))
            .join(known.rename({"id": "region_id"}), on="region_id", how="left")
            .join(township.rename({"region": "region_id"}), on="region_id", how="left")
            .with_columns(detail=pl.coalesce("detail", pl.col("female_staff").cast(pl.String) + " female staff")))
    return rows.sort(["rank", *(pl.col(c).fill_null("") for c in ("org_id", "region_id", "body_id"))]).select(
        "org_id", "org_name", "region_id", "rule", "detail", "female_staff", "required_body_type", "body_id",
        "body_name", "body_type", "head_role", "party_body_ids", "region_name", "township_id", "township_name")


def main(argv=None) -> int:
    return run_main("gaps", query, argv)


if __name__ == "__main__":
    sys.exit(main())
