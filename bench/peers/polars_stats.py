"""polars peer of ``orgnet stats --all-regions``: the 27 report figures for every region of a stats
level, each counted over the region and every region below it as docs/FIGURES.md defines them, and the
region's township (the nearest region at or above it whose level is a township's), as one lazy query
over the CSV files (the small region tree's closure is made first, eagerly).

``python -m bench.peers.polars_stats FOLDER --as-of 2012-06-30 -o stats.csv``
"""

from __future__ import annotations

import sys

import polars as pl

from .polars_common import closure, current, main as run_main, scan, text, townships, truth

STATS_LEVELS = ["county", "district", "township", "street", "park"]
CADRE_LEVELS = ["county", "district", "township", "street"]
WOMEN_TYPES = ["federation", "committee", "work_committee", "congress", "organ_committee", "liaison"]
TWO_COMMITTEE_TYPES = ["villagers_committee", "residents_committee"]  # with the party body, the 村、居“两委”
PERCENT = ["two_new_30plus_committee", "two_new_coverage", "two_new_work_coverage", "village_women_share",
           "community_women_share", "congress_chairs_in_two_committees"]
FIGURES = ["townships", "streets", "two_new_orgs", "two_new_30plus", "two_new_30plus_committee", "two_new_coverage",
           "two_new_work_coverage", "liaison_officers", *(f"women_bodies.{t}" for t in WOMEN_TYPES),
           "federations.township_street", "federations.community", "enterprise_women_committees",
           "organ_institution_women_bodies", "village_women_share", "community_women_share",
           "congress_chairs_in_two_committees", "federation_cadres", "federation_cadres_avg_age",
           "federation_cadres.college", "federation_cadres.bachelor", "federation_cadres.postgraduate", "demo_points"]


def located(frame: pl.LazyFrame, figure: str, n=1, d=0) -> pl.LazyFrame:
    """(figure, region, counts towards the numerator, towards the denominator) per row of ``frame``."""
    n, d = (x if isinstance(x, pl.Expr) else pl.lit(x) for x in (n, d))
    return frame.select(figure=text(figure), region="region", n=n.cast(pl.Int64), d=d.cast(pl.Int64))


def query(folder: str, day: str) -> pl.LazyFrame:
    regions = scan(folder, "regions", ["id", "name", "level", "parent_id"])
    shown = regions.filter(pl.col("level").is_in(STATS_LEVELS))
    tree = closure(regions)
    up = tree.lazy().join(shown.select(ancestor="id"), on="ancestor").select("region", "ancestor")
    orgs = scan(folder, "organizations", ["id", "kind", "region_id", "two_new", "female_staff"]).select(
        "id", "kind", region="region_id", two_new=truth("two_new"), female_staff=pl.col("female_staff").cast(pl.Int64))
    levels = regions.select("id", "level")
    bodies = (scan(folder, "bodies", ["id", "system", "type", "org_id", "region_id", "founded", "dissolved"])
              .filter(current("founded", "dissolved", day))
              .join(orgs.select(org_id="id", host="id", host_kind="kind", org_region="region"), on="org_id", how="left")
              .join(levels.select(region_id="id", own="id", own_level="level"), on="region_id", how="left")
              .join(levels.select(org_region="id", org_level="level"), on="org_region", how="left")
              .select("id", "system", "type", org_id="host", hosted=pl.col("host").is_not_null(), host_kind="host_kind",
                      region=pl.coalesce("own", "org_region"), region_level=pl.coalesce("own_level", "org_level"),
                      women=pl.col("system") == "women"))
    people = scan(folder, "people", ["id", "gender", "birth_year", "education"]).select(
        person_id="id", female=pl.col("gender").is_in(["F", "女"]).fill_null(False),
        birth_year=pl.col("birth_year").cast(pl.Int64), education="education")
    held = (scan(folder, "posts", ["person_id", "body_id", "role", "start", "end"]).filter(current("start", "end", day))
            .join(bodies, left_on="body_id", right_on="id").join(people, on="person_id", how="semi"))
    counted = (pl.concat([*organizations(orgs, bodies), *women_bodies(bodies), congress_chairs(held),
                          demo_points(folder, day, orgs),
                          located(regions.filter(pl.col("level") == "township").select(region="id"), "townships"),
                          located(regions.filter(pl.col("level") == "street").select(region="id"), "streets")])
               .join(up, on="region").group_by(region="ancestor", figure="figure").agg(pl.col("n", "d").sum()))
    results = pl.concat([counted, *people_figures(held, people, up, day)])
    return answer(shown, results, townships(regions, tree))


def organizations(orgs: pl.LazyFrame, bodies: pl.LazyFrame) -> list[pl.LazyFrame]:
    """Two-new organizations with an active women's organization (any type but a liaison officer),
    with women's work (a liaison officer too), and the 30+ ones with a committee."""
    women = bodies.filter(pl.col("women") & pl.col("hosted")).group_by("org_id").agg(
        covered=(pl.col("type") != "liaison").any(),
        committee=pl.col("type").is_in(["committee", "work_committee", "federation"]).any())
    o = (orgs.join(women.with_columns(work_covered=pl.lit(True)), left_on="id", right_on="org_id", how="left")
         .with_columns(pl.col("covered", "work_covered", "committee").fill_null(False),
                       big=pl.col("two_new") & (pl.col("female_staff") >= 30)))
    two_new, big = o.filter(pl.col("two_new")), o.filter(pl.col("big"))
    return [located(two_new, "two_new_orgs"), located(two_new.with_columns(n=pl.col("covered")), "two_new_coverage",
                                                      pl.col("n"), 1),
            located(two_new.with_columns(n=pl.col("work_covered")), "two_new_work_coverage", pl.col("n"), 1),
            located(big, "two_new_30plus"), located(big.with_columns(n=pl.col("committee")),
                                                     "two_new_30plus_committee", pl.col("n"), 1)]


def women_bodies(bodies: pl.LazyFrame) -> list[pl.LazyFrame]:
    women, typ, kind = pl.col("women"), pl.col("type"), pl.col("host_kind")
    federation = women & (typ == "federation")
    parts = [located(bodies.filter(women & (typ == t)), f"women_bodies.{t}") for t in WOMEN_TYPES]
    return parts + [
        located(bodies.filter(women & (typ == "liaison")), "liaison_officers"),
        located(bodies.filter(federation & ~pl.col("hosted") & pl.col("region_level").is_in(["township", "street"])),
                "federations.township_street"),
        located(bodies.filter(federation & ((kind == "community") | (~pl.col("hosted")
                                                                     & (pl.col("region_level") == "community")))),
                "federations.community"),
        located(bodies.filter(women & (kind == "enterprise") & typ.is_in(["committee", "work_committee"])),
                "enterprise_women_committees"),
        located(bodies.filter(women & kind.is_in(["organ", "institution"])), "organ_institution_women_bodies")]


def congress_chairs(held: pl.LazyFrame) -> pl.LazyFrame:
    """Village women's congresses with an active chair; seated when a chair also holds a post in the
    village's party body or villagers' committee."""
    chairs = held.filter(pl.col("women") & (pl.col("type") == "congress") & (pl.col("host_kind") == "village")
                         & (pl.col("role") == "chair")).select("body_id", "region", "person_id", "org_id").unique()
    seats = (held.filter(pl.col("hosted") & ((pl.col("system") == "party") | (pl.col("type") == "villagers_committee")))
             .select("person_id", "org_id").unique().with_columns(seated=pl.lit(1, dtype=pl.Int64)))
    per_body = chairs.join(seats, on=["person_id", "org_id"], how="left").group_by("body_id", "region").agg(
        n=pl.col("seated").max().fill_null(0))
    return located(per_body, "congress_chairs_in_two_committees", pl.col("n"), 1)


def demo_points(folder: str, day: str, orgs: pl.LazyFrame) -> pl.LazyFrame:
    demos = scan(folder, "demo_points", ["org_id", "since"]).filter(
        pl.col("since").is_null() | (pl.col("since") <= day))
    return located(demos.join(orgs.select(org_id="id", region="region"), on="org_id"), "demo_points")


def people_figures(held: pl.LazyFrame, people: pl.LazyFrame, up: pl.LazyFrame, day: str) -> list[pl.LazyFrame]:
    """Women's shares among the village / community cadres (posts in the two committees: the party
    body, the villagers' or residents' committee), and the federation cadres (posts other than
    executive in region-level federations of the cadre levels): each person once per region."""
    two_committees = (pl.col("host_kind").is_in(["village", "community"])
                      & ((pl.col("system") == "party") | pl.col("type").is_in(TWO_COMMITTEE_TYPES)))
    cadre = (pl.col("women") & (pl.col("type") == "federation") & ~pl.col("hosted")
             & pl.col("region_level").is_in(CADRE_LEVELS) & pl.col("role").ne_missing("executive"))
    seen = (pl.concat([held.filter(two_committees).select(
                           group="host_kind", region="region", person_id="person_id"),
                       held.filter(cadre).select(group=text("cadre"), region="region", person_id="person_id")])
            .join(up, on="region").select("group", region="ancestor", person_id="person_id").unique()
            .join(people, on="person_id"))
    year = int(day[:4])
    per = seen.group_by("group", "region").agg(
        people=pl.len().cast(pl.Int64), women=pl.col("female").sum().cast(pl.Int64),
        aged=pl.col("birth_year").count().cast(pl.Int64),
        ages=(year - pl.col("birth_year")).sum().cast(pl.Int64),
        **{edu: (pl.col("education") == edu).sum().cast(pl.Int64) for edu in ("college", "bachelor", "postgraduate")})
    shares = per.filter(pl.col("group") != "cadre").select(
        "region", figure=pl.col("group") + "_women_share", n="women", d="people")
    cadres = per.filter(pl.col("group") == "cadre")
    zero = pl.lit(0, dtype=pl.Int64)
    return [shares,
            cadres.select("region", figure=text("federation_cadres"), n="people", d=zero),
            cadres.select("region", figure=text("federation_cadres_avg_age"), n="ages", d="aged"),
            *(cadres.select("region", figure=text(f"federation_cadres.{edu}"), n=edu, d=zero)
              for edu in ("college", "bachelor", "postgraduate"))]


def answer(shown: pl.LazyFrame, results: pl.LazyFrame, township: pl.LazyFrame) -> pl.LazyFrame:
    """One row per (stats region, figure) in (region id, figure) order; values to one decimal,
    rounded half up from the exact integers; the region's township (``township``: region →
    township_id, township_name) last."""
    figures = pl.LazyFrame({"figure": FIGURES, "rank": list(range(len(FIGURES))),
                            "unit": ["percent" if f in PERCENT else "years" if f == "federation_cadres_avg_age"
                                     else "count" for f in FIGURES]})
    n, d, unit = pl.col("numerator"), pl.col("denominator"), pl.col("unit")

    def tenths(scale: int) -> pl.Expr:  # tenths of a percent (scale 1000) or of a year (10), rounded half up, as text
        t = (2 * scale * n + d) // (2 * d)
        return pl.concat_str(t // 10, t % 10, separator=".")

    rows = (shown.select(region_id="id", region_name="name", level="level").join(figures, how="cross")
            .join(results.rename({"region": "region_id"}), on=["region_id", "figure"], how="left")
            .with_columns(numerator=pl.col("n").fill_null(0),
                          denominator=pl.when(unit != "count").then(pl.col("d").fill_null(0))))
    value = (pl.when(unit == "count").then(n.cast(pl.String) + ".0")
             .when(d == 0).then(text())
             .when(unit == "percent").then(tenths(1000))
             .otherwise(tenths(10)))
    return (rows.with_columns(value=value).join(township.rename({"region": "region_id"}), on="region_id", how="left")
            .sort("region_id", "rank").select("region_id", "region_name", "level", "figure", "unit", "numerator",
                                              "denominator", "value", "township_id", "township_name"))


def main(argv=None) -> int:
    return run_main("stats", query, argv)


if __name__ == "__main__":
    sys.exit(main())
