"""What every analysis returns: its columns and its row order, defined once for every engine.

Each engine produces rows (dicts or a DataFrame); ``finish`` puts them into the contract's column
order and sort order, so two engines that agree on the facts give equal DataFrames.

Examples
--------
>>> finish("overlaps", [{"person_id": "P2", "person_name": "李", "posts": 2, "bodies": "B1;B2", "systems": "party;women"},
...                     {"person_id": "P1", "person_name": "王", "posts": 3, "bodies": "B1;B2;B3", "systems": "party"}]).person_id.tolist()
['P1', 'P2']
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Contract:
    """Columns, in order, and how rows are sorted (column, ascending)."""

    columns: tuple[str, ...]
    order: tuple[tuple[str, bool], ...]
    ints: tuple[str, ...] = ()
    bools: tuple[str, ...] = ()
    floats: tuple[str, ...] = ()


#: The gap rules, in the order their rows appear.
GAP_RULES = ("committee_required", "liaison_required", "party_without_women", "vacant_head")

#: The report figures (``stats``): name → (unit, what it counts). Units: count, percent, years.
FIGURES: dict[str, tuple[str, str]] = {
    "townships": ("count", "township regions"),
    "streets": ("count", "street (sub-district) regions"),
    "two_new_orgs": ("count", "two-new organizations"),
    "two_new_30plus": ("count", "two-new organizations with female_staff ≥ committee_min_female"),
    "two_new_30plus_committee": ("percent", "of those, with an active women's committee/work committee/federation"),
    "two_new_coverage": ("percent", "two-new organizations with any active women's body"),
    "liaison_officers": ("count", "active women's bodies of type liaison"),
    "women_bodies.federation": ("count", "active women's federations"),
    "women_bodies.committee": ("count", "active women's committees"),
    "women_bodies.work_committee": ("count", "active women's work committees"),
    "women_bodies.congress": ("count", "active village women's congresses"),
    "women_bodies.organ_committee": ("count", "active organ women's committees"),
    "women_bodies.liaison": ("count", "active women's work liaison officers (bodies)"),
    "federations.township_street": ("count", "active federations of township and street regions"),
    "federations.community": ("count", "active federations hosted by communities or community regions"),
    "enterprise_women_committees": ("count", "active committees/work committees in non-public enterprises"),
    "organ_institution_women_bodies": ("count", "active women's bodies in organs and institutions"),
    "village_women_share": ("percent", "women among people holding posts in village bodies"),
    "community_women_share": ("percent", "women among people holding posts in community bodies"),
    "congress_chairs_in_two_committees": ("percent", "village congresses whose chair also sits in the village party body or villagers' committee"),
    "federation_cadres": ("count", "people holding posts in county/district/township/street federations"),
    "federation_cadres_avg_age": ("years", "their average age at as_of (years)"),
    "federation_cadres.college": ("count", "of them, with college education"),
    "federation_cadres.bachelor": ("count", "of them, with a bachelor's degree"),
    "federation_cadres.postgraduate": ("count", "of them, postgraduates"),
    "demo_points": ("count", "active demonstration points"),
}

#: The figures that count people, each person once per region. Added up over several regions (the
#: summary past a few top regions, the report's cards), a person holding posts in two of them counts
#: in each: the sum is an upper bound, and the printouts say so.
PEOPLE_FIGURES = ("village_women_share", "community_women_share", "federation_cadres", "federation_cadres_avg_age",
                  "federation_cadres.college", "federation_cadres.bachelor", "federation_cadres.postgraduate")


CONTRACTS: dict[str, Contract] = {
    "gaps": Contract(
        columns=("org_id", "org_name", "region_id", "rule", "detail"),
        order=(("rule", True), ("org_id", True), ("region_id", True), ("detail", True)),
    ),
    "overlaps": Contract(
        columns=("person_id", "person_name", "posts", "bodies", "systems"),
        order=(("posts", False), ("person_id", True)),
        ints=("posts",),
    ),
    "nameplates": Contract(
        columns=("org_id", "org_name", "body_a", "body_b", "system_a", "system_b", "shared", "jaccard"),
        order=(("jaccard", False), ("org_id", True), ("body_a", True), ("body_b", True)),
        ints=("shared",),
        floats=("jaccard",),
    ),
    "plan": Contract(
        columns=("rank", "org_id", "org_name", "region_id", "female_staff", "ready", "party_grade", "candidates", "reasons"),
        order=(("rank", True),),
        ints=("rank", "female_staff", "candidates"),
        bools=("ready",),
    ),
    "liaison_check": Contract(
        columns=("kind", "person_id", "person_name", "body_id", "links", "visits", "flag"),
        order=(("kind", True), ("person_id", True), ("body_id", True)),
        ints=("links", "visits"),
    ),
    "stats": Contract(
        columns=("region_id", "region_name", "level", "figure", "unit", "numerator", "denominator", "value"),
        order=(("region_id", True), ("figure", True)),
        ints=("numerator", "denominator"),
        floats=("value",),
    ),
}

#: Facts: the plain tables every engine serves, from which ``orgnet.analyses`` computes the
#: analyses of change, risk, composition and reach once, for all engines alike.
FACTS: dict[str, Contract] = {
    "active_posts": Contract(
        columns=("person_id", "person_name", "gender", "body_id", "body_name", "system", "type", "org_id",
                 "org_kind", "region_id", "role"),
        order=(("person_id", True), ("body_id", True), ("role", True)),
    ),
    "organizations": Contract(
        columns=("org_id", "org_name", "kind", "region_id", "two_new", "female_staff", "covered", "party_grade"),
        order=(("org_id", True),), ints=("female_staff",), bools=("two_new", "covered"),
    ),
    "bodies": Contract(columns=("body_id", "body_name", "system", "type", "org_id", "org_kind", "region_id"),
                       order=(("body_id", True),)),
    "regions": Contract(columns=("region_id", "region_name", "level", "parent_id"), order=(("region_id", True),)),
    "people": Contract(columns=("person_id", "person_name", "gender", "reserve_cadre"), order=(("person_id", True),),
                       bools=("reserve_cadre",)),
    "events": Contract(columns=("change", "subject_id", "name", "region_id", "detail", "date"),
                       order=(("date", True), ("change", True), ("subject_id", True), ("detail", True))),
    "demo_links": Contract(columns=("demo_point_id", "demo_name", "site_org_id", "pairing_org_id"),
                           order=(("demo_point_id", True), ("pairing_org_id", True))),
    "venue_uses": Contract(columns=("venue_id", "venue_name", "body_id", "system"),
                           order=(("venue_id", True), ("body_id", True))),
}
CONTRACTS.update(FACTS)

#: Later analyses (orgnet.analyses): computed once from the facts, for every engine.
CONTRACTS.update({
    "diff": Contract(columns=("change", "subject_id", "name", "region_id", "detail", "before", "after"),
                     order=(("change", True), ("subject_id", True), ("detail", True))),
    "impact": Contract(columns=("person_id", "person_name", "body_id", "body_name", "system", "type", "org_id",
                                "region_id", "new_gap"),
                       order=(("person_id", True), ("body_id", True))),
    "key_people": Contract(columns=("rank", "person_id", "person_name", "bodies_lost", "new_gaps", "posts", "systems",
                                    "bodies"),
                           order=(("rank", True),), ints=("rank", "bodies_lost", "new_gaps", "posts")),
    "composition": Contract(columns=("rule", "numerator", "denominator", "value", "threshold", "passed"),
                            order=(("rule", True),), ints=("numerator", "denominator"), floats=("value",),
                            bools=("passed",)),
    "demo_reach": Contract(columns=("kind", "demo_point_id", "org_id", "org_name", "hops", "numerator", "denominator",
                                    "value"),
                           order=(("kind", True), ("hops", True), ("org_id", True), ("demo_point_id", True)),
                           ints=("hops", "numerator", "denominator"), floats=("value",)),
    "venues": Contract(columns=("venue_id", "venue_name", "bodies", "body_ids", "systems"),
                       order=(("bodies", False), ("venue_id", True)), ints=("bodies",)),
    "coverage": Contract(columns=("region_id", "region_name", "level", "depth", "group", "numerator", "denominator",
                                  "value"),
                         order=(("depth", True), ("region_id", True), ("group", True)),
                         ints=("depth", "numerator", "denominator"), floats=("value",)),
    "bridges": Contract(columns=("person_id", "person_name", "party_posts", "women_posts", "betweenness"),
                        order=(("betweenness", False), ("person_id", True)),
                        ints=("party_posts", "women_posts"), floats=("betweenness",)),
})

#: The order of diff's rows and composition's rules.
DIFF_CHANGES = ("gap_opened", "gap_closed", "body_founded", "body_dissolved", "post_started", "post_ended", "coverage")
COMPOSITION_RULES = ("township_teams_with_woman", "department_teams_with_woman", "reserve_cadres_women",
                     "congress_chairs_in_two_committees")

#: Columns sorted in a declared order rather than alphabetically.
_DECLARED_ORDER = {
    ("gaps", "rule"): GAP_RULES,
    ("stats", "figure"): tuple(FIGURES),
    ("diff", "change"): DIFF_CHANGES,
    ("composition", "rule"): COMPOSITION_RULES,
    ("demo_reach", "kind"): ("pairing", "reach", "coverage_inside", "coverage_outside"),
}


def finish(analysis: str, rows) -> pd.DataFrame:
    """Rows → a DataFrame with exactly the contract's columns, types and order."""
    contract = CONTRACTS[analysis]
    frame = pd.DataFrame(list(rows) if not isinstance(rows, pd.DataFrame) else rows, columns=list(contract.columns))
    for col in contract.ints:
        frame[col] = pd.array(frame[col], dtype="Int64")
    for col in contract.bools:
        frame[col] = frame[col].astype(bool)
    for col in contract.floats:
        frame[col] = frame[col].astype(float)
    text = [c for c in contract.columns if c not in contract.ints + contract.bools + contract.floats]
    for col in text:
        if isinstance(frame[col].dtype, pd.StringDtype) and frame[col].dtype.na_value is np.nan:
            frame[col] = frame[col].fillna("")  # pandas' str, held in Arrow: no Python strings
        else:
            frame[col] = frame[col].astype(object).where(frame[col].notna(), "").astype(str)
    keys = frame[[c for c, _ in contract.order]].copy()
    for col in keys.columns:
        declared = _DECLARED_ORDER.get((analysis, col))
        if declared:
            keys[col] = _declared_rank(keys[col], declared)
    return frame.take(stable_order(keys, [a for _, a in contract.order])).reset_index(drop=True)


def _declared_rank(values: pd.Series, declared: tuple[str, ...]) -> pd.Series:
    """Each value's place in ``declared`` (missing: NA, sorted last)."""
    if isinstance(values.dtype, pd.StringDtype):
        import pyarrow as pa
        import pyarrow.compute as pc

        rank = pc.index_in(pa.array(values.array), value_set=pa.array(declared, type=pa.large_string()))
        return pd.Series(pd.array(rank.to_pandas(types_mapper={pa.int32(): pd.Int64Dtype()}.get), dtype="Int64"),
                         index=values.index)
    return values.map({v: i for i, v in enumerate(declared)})


def stable_order(keys: pd.DataFrame, ascending: list[bool]) -> np.ndarray:
    """Row positions sorting ``keys`` by its columns in turn, ties in row order, missing last.

    pandas' ``sort_values(kind="stable")``; keys of text and integers are sorted by Arrow instead
    (also stable, missing last, text by code point), several times faster on a million rows.

    >>> keys = pd.DataFrame({"n": pd.array([2, 1, 2, None], dtype="Int64"), "s": ["b", "z", "a", "c"]})
    >>> stable_order(keys, [False, True]).tolist()
    [2, 0, 1, 3]
    """
    keys = keys.reset_index(drop=True)
    arrow_sortable = all(isinstance(t, pd.StringDtype) or pd.api.types.is_integer_dtype(t) for t in keys.dtypes)
    if not arrow_sortable or not keys.columns.is_unique:
        return keys.sort_values(list(keys.columns), ascending=ascending, kind="stable").index.to_numpy()
    import pyarrow as pa
    import pyarrow.compute as pc

    table = pa.Table.from_pandas(keys, preserve_index=False)
    sort_keys = [(c, "ascending" if a else "descending", "at_end") for c, a in zip(keys.columns, ascending)]
    return pc.sort_indices(table, sort_keys=sort_keys).to_numpy()


def figure_value(unit: str, numerator: int, denominator: int | None) -> float:
    """The shown value: a count, a percentage to one decimal, or an average to one decimal.

    >>> figure_value("percent", 167, 377), figure_value("years", 2146, 58), figure_value("count", 18, None)
    (44.3, 37.0, 18.0)
    """
    if unit == "count":
        return float(numerator)
    if not denominator:
        return float("nan")
    ratio = numerator / denominator
    return round(100 * ratio if unit == "percent" else ratio, 1)
