"""The sample-data generator: the reports' counts as inputs, their rates as draws, determinism, and the scale profile's shape."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

import orgnet
from orgnet.generate import generate
from orgnet.generate.figures import REPORT_FIGURES
from orgnet.schema import SCHEMA

AS_OF = "2012-06-30"

#: The inputs: figure → (numerator, denominator or None, value), at the root region (county /
#: district), the same for every seed. (Rates, shares and averages are outcomes: see ``test_outcomes``.)
LONGYOU = {
    "two_new_30plus": (133, None, 133.0),
    "two_new_30plus_committee": (43, 133, 32.3),
    "liaison_officers": (66, None, 66.0),
}
BEIHU = {
    "townships": (14, None, 14.0),
    "streets": (4, None, 4.0),
    "federations.township_street": (18, None, 18.0),
    "women_bodies.organ_committee": (35, None, 35.0),
    "federations.community": (35, None, 35.0),
    "women_bodies.congress": (128, None, 128.0),
    "enterprise_women_committees": (165, None, 165.0),
    "congress_chairs_in_two_committees": (128, 128, 100.0),  # a rule kept every time, not a draw
    "organ_institution_women_bodies": (53, None, 53.0),
    "demo_points": (22, None, 22.0),
}
EXPECTED = {"longyou": LONGYOU, "beihu": BEIHU}
#: The report's outcomes and their tolerances (``orgnet.generate.figures``), by figure.
TOLERANCE = {f.figure: (f.value, f.tolerance) for f in REPORT_FIGURES if f.profile == "beihu" and f.kind == "outcome"}


def root_figures(net: orgnet.Network) -> dict[str, tuple]:
    """The stats rows of the root region as figure → (numerator, denominator, value)."""
    regions = net.tables["regions"]
    roots = regions.loc[regions["parent_id"].isna(), "id"].tolist()
    assert len(roots) == 1
    stats = net.stats(AS_OF)
    rows = stats[stats.region_id == roots[0]]
    return {r.figure: (r.numerator, r.denominator, r.value) for r in rows.itertuples()}


def check_figures(figures: dict[str, tuple], expected: dict[str, tuple]) -> None:
    for figure, (num, den, value) in expected.items():
        got_num, got_den, got_value = figures[figure]
        assert got_value == value, (figure, figures[figure])
        if num is not None:
            assert got_num == num, (figure, figures[figure])
        if den is not None:
            assert got_den == den, (figure, figures[figure])


def _on(frame, first: str, last: str):
    """The rows active on AS_OF: ``first <= AS_OF < last``, empty ends open."""
    day = pd.Timestamp(AS_OF)
    return frame[(frame[first].isna() | (frame[first] <= day)) & (frame[last].isna() | (frame[last] > day))]


def report_outcomes(net: orgnet.Network) -> dict[str, float]:
    """The Beihu report's outcomes read under the report's own definitions, computed here from the
    tables, not by ``stats``: women among the members of the village / community two committees
    (the party body and the villagers' / residents' committee), the federation staff (district and
    township federations; executives who hold no staff post left out), their average age and
    education, and the two-new organizations with an active women's organization (组建率: a liaison
    officer is not one)."""
    orgs, people = net.tables["organizations"], net.tables["people"].set_index("id")
    bodies = _on(net.tables["bodies"], "founded", "dissolved").merge(
        orgs[["id", "kind"]].rename(columns={"id": "org_id"}), on="org_id", how="left")
    posts = _on(net.tables["posts"], "start", "end").merge(bodies.rename(columns={"id": "body_id"}), on="body_id")
    out = {}
    for kind, committee in (("village", "villagers_committee"), ("community", "residents_committee")):
        two = posts[(posts.kind == kind) & ((posts.system == "party") | (posts.type == committee))]
        members = two[["org_id", "person_id"]].drop_duplicates()
        out[f"{kind}_women_share"] = 100 * (people.loc[members.person_id, "gender"] == "F").mean()
    federations = bodies.loc[(bodies.type == "federation") & bodies.org_id.isna(), "id"]
    staff = people.loc[posts.loc[posts.body_id.isin(federations) & (posts.role != "executive"), "person_id"].unique()]
    out["federation_cadres"] = len(staff)
    out["federation_cadres_avg_age"] = float((2012 - staff.birth_year).mean())
    for education in ("college", "bachelor", "postgraduate"):
        out[f"federation_cadres.{education}"] = int((staff.education == education).sum())
    two_new = orgs.loc[orgs.two_new, "id"]
    covered = two_new.isin(bodies.loc[(bodies.system == "women") & (bodies.type != "liaison"), "org_id"])
    out["two_new_coverage"] = 100 * covered.mean()
    return out


def digest(folder: Path) -> dict[str, str]:
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(folder.glob("*.csv"))}


@pytest.fixture(scope="module", params=["longyou", "beihu"])
def sample(request, tmp_path_factory):
    profile = request.param
    out = tmp_path_factory.mktemp(profile)
    counts = generate(profile, 1, out)
    return profile, out, counts, orgnet.load(out)


def test_writes_every_table_with_the_schema_header(sample):
    _, out, counts, _ = sample
    assert set(counts) == set(SCHEMA.tables)
    for name, table in SCHEMA.tables.items():
        lines = (out / f"{name}.csv").read_text(encoding="utf-8").splitlines()
        assert lines[0].split(",") == list(table.columns)
        assert len(lines) - 1 == counts[name]


def test_inputs_are_made_exactly(sample):
    profile, _, _, net = sample
    check_figures(root_figures(net), EXPECTED[profile])


def test_outcomes_land_near_the_report_not_on_it(tmp_path):
    """The report's rates are the draws' probabilities: for each of three seeds every outcome is within
    its tolerance of the report, the 58 cadres are made exactly, and the outcomes differ between seeds."""
    seen = []
    for seed in (1, 2, 3):
        generate("beihu", seed, tmp_path / str(seed))
        got = report_outcomes(orgnet.load(tmp_path / str(seed)))
        assert got["federation_cadres"] == 58
        for figure, (report, tolerance) in TOLERANCE.items():
            if figure != "congress_chairs_in_two_committees":
                assert abs(got[figure] - report) <= tolerance, (seed, figure, got[figure], report)
        seen.append(got)
    for figure in ("village_women_share", "community_women_share", "federation_cadres_avg_age", "two_new_coverage"):
        assert len({round(s[figure], 6) for s in seen}) == 3, figure  # a draw, not a fit


def test_the_report_outcomes_by_hand():
    """``report_outcomes`` on tests/data/two_committees, worked out by hand in its README."""
    got = report_outcomes(orgnet.load(Path(__file__).parent / "data" / "two_committees"))
    assert got == pytest.approx({"village_women_share": 100 / 3, "community_women_share": 200 / 3,
                                 "federation_cadres": 3, "federation_cadres_avg_age": 86 / 3,
                                 "federation_cadres.college": 2, "federation_cadres.bachelor": 1,
                                 "federation_cadres.postgraduate": 0, "two_new_coverage": 100 / 3})


def test_communities_have_a_residents_committee_and_groups_are_not_two_new(sample):
    profile, _, _, net = sample
    bodies, orgs, posts = net.tables["bodies"], net.tables["organizations"], net.tables["posts"]
    communities = orgs.loc[orgs.kind == "community", "id"]
    rc = bodies[bodies.type == "residents_committee"]
    assert sorted(rc.org_id) == sorted(communities) and (rc.system == "admin").all()
    assert all(name == orgs.set_index("id").at[o, "name"] + "居委会" for name, o in zip(rc.name, rc.org_id))
    held = posts[posts.body_id.isin(rc.id) & posts.end.isna()].groupby("body_id").role.agg(set)
    assert len(held) == len(rc) and all({"chair", "member"} <= roles for roles in held)
    assert not orgs.name.str.contains("联谊会|女农民专业协会|女职工委员会").any()
    groups = bodies[bodies.type == "group"]
    if profile == "beihu":
        assert sorted(groups.name) == ["北湖区女领导干部联谊会", "北湖区总工会女职工委员会"]
        assert groups.org_id.isna().all() and (groups.system == "women").all()


def test_other_analyses_have_something_to_show(sample):
    profile, _, _, net = sample
    gaps = net.gaps(AS_OF)
    assert set(gaps.rule) == {"committee_required", "liaison_required", "party_without_women", "vacant_head"}
    overlaps = net.overlaps(AS_OF)
    assert set(overlaps.posts) >= {2, 3, 4} and overlaps.posts.max() <= 5
    assert overlaps.systems.str.contains(";").any()  # across systems
    nameplates = net.nameplates(AS_OF)
    assert (nameplates.system_a != nameplates.system_b).any() and "women" in set(nameplates.system_a) | set(nameplates.system_b)
    plan = net.plan(AS_OF)
    assert plan.ready.sum() >= 3 and (~plan.ready).sum() >= 3
    check = net.liaison_check(2012)
    executives = check[check.kind == "executive"]
    assert executives.links.between(1, 3).sum() >= 8
    assert (executives.flag != "").any()  # someone with 0 or 4 links
    links = check[check.kind == "link"]
    assert (links.visits >= 2).sum() > (links.visits < 2).sum() > 0
    people = net.tables["people"]
    reserve = people[people.reserve_cadre]
    assert len(reserve) >= 5 and (reserve.gender == "F").mean() >= 0.2
    bodies, posts = net.tables["bodies"], net.tables["posts"]
    assert bodies.dissolved.notna().sum() >= 3 and posts.end.notna().sum() >= 20


def test_same_seed_same_bytes_other_seed_other_bytes_same_inputs(sample, tmp_path):
    profile, out, _, _ = sample
    again = tmp_path / "again"
    generate(profile, 1, again)
    assert digest(again) == digest(out)
    other = tmp_path / "other"
    generate(profile, 2, other)
    assert digest(other) != digest(out)
    check_figures(root_figures(orgnet.load(other)), EXPECTED[profile])  # the same inputs


def test_scale_profile_validates_and_has_a_plausible_shape(tmp_path):
    counts = generate("scale", 1, tmp_path / "a", orgs=2000)
    assert counts["organizations"] == 2000
    net = orgnet.load(tmp_path / "a")
    orgs, bodies, posts, regions = (net.tables[t] for t in ("organizations", "bodies", "posts", "regions"))
    assert 0.55 <= orgs.two_new.mean() <= 0.65
    hosts = lambda system: bodies.loc[bodies.system == system, "org_id"].dropna().nunique() / len(orgs)  # noqa: E731
    assert 0.35 <= hosts("party") <= 0.5
    assert 0.25 <= hosts("women") <= 0.4
    female = orgs.loc[orgs.two_new, "female_staff"].astype(int)
    assert female.median() < 10 and female.max() >= 100  # a long tail
    per_person = posts.groupby("person_id").size()
    assert per_person.min() >= 1 and per_person.max() <= 5 and (per_person >= 3).any()
    assert set(regions.level) >= {"county", "township", "street", "park", "village", "community"}
    assert regions.parent_id.isna().sum() == 1
    assert bodies.dissolved.notna().any() and posts.end.notna().any()
    assert counts["liaisons"] > 0 and counts["visits"] > 0 and counts["demo_points"] > 0
    generate("scale", 1, tmp_path / "b", orgs=2000)
    assert digest(tmp_path / "a") == digest(tmp_path / "b")


def test_unknown_profile_is_an_input_error(tmp_path):
    with pytest.raises(orgnet.OrgnetError):
        generate("shanghai", 1, tmp_path)


@pytest.mark.parametrize("profile", ["beihu", "scale"])
def test_parquet_holds_what_the_csv_holds(profile, tmp_path):
    """--format parquet: typed columns, and the same validated tables and answers as the CSV files."""
    import pandas as pd
    import pyarrow.parquet as pq

    as_csv = generate(profile, 5, tmp_path / "csv", orgs=1500)
    as_parquet = generate(profile, 5, tmp_path / "parquet", orgs=1500, fmt="parquet")
    assert as_csv == as_parquet
    assert sorted(p.name for p in (tmp_path / "parquet").iterdir()) == sorted(f"{t}.parquet" for t in SCHEMA.tables)
    types = pq.read_schema(tmp_path / "parquet" / "bodies.parquet")
    assert str(types.field("founded").type) == "date32[day]" and str(types.field("id").type) == "string"
    assert str(pq.read_schema(tmp_path / "parquet" / "organizations.parquet").field("female_staff").type) == "int64"
    a, b = orgnet.load(tmp_path / "csv"), orgnet.load(tmp_path / "parquet")
    for name in SCHEMA.tables:
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name])
    pd.testing.assert_frame_equal(a.gaps(AS_OF), b.gaps(AS_OF))


def test_unknown_format_is_bad_input(tmp_path):
    with pytest.raises(orgnet.OrgnetError, match="--format xml"):
        generate("beihu", 1, tmp_path, fmt="xml")
