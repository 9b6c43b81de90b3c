"""The benchmark's pandas baselines (bench/baselines) give exactly orgnet's answers.

A baseline that answered differently would make every ratio in bench/README.md meaningless, so each
one is checked here against the networkx engine on the tiny dataset and on the Beihu sample at two
dates: same columns (the typed ones, lists included), dtypes, values and row order
(``assert_frame_equal``), already in the contract's form (``orgnet.analyses.finish`` changes
nothing), and the same CSV bytes (lists ``;``-joined). ``bench.run`` checks the same at every size
it measures.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import orgnet
from orgnet import analyses, gap_rules, results, sanctioned
from orgnet.limits import CHOICES
from orgnet.output import render
from orgnet.rules import Rules
from orgnet.schema import SCHEMA, TOWNSHIP_LEVELS

from bench.baselines import common, gaps, graph, load, overlaps, projection, stats

ROOT = Path(__file__).resolve().parents[1]
CASES = [("tests/data/tiny", "2012-06-30"), ("data/beihu", "2012-06-30"), ("data/beihu", "2010-06-30")]
#: overlaps' lenses: the baseline's default (``load``, what its CLI writes) and the two others, whose
#: extra rows (people with one sanctioned seat) check its seats and sanctioned posts too
LENSES = ("load", "cross", "all")
#: baseline module → (orgnet analysis / contract, Network method)
TASKS = {"gaps": (gaps, "gaps"), "overlaps": (overlaps, "overlaps"), "projection": (projection, "nameplates"),
         "stats": (stats, "stats")}


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """A small generated dataset (``orgnet generate --profile scale --orgs 1500 --seed 1``)."""
    from orgnet.generate import generate

    out = tmp_path_factory.mktemp("baselines") / "scale-1500"
    generate("scale", 1, out, orgs=1500)
    return out


@pytest.fixture(scope="module")
def networks():
    cache = {}

    def get(folder: str):
        if folder not in cache:
            cache[folder] = orgnet.load(ROOT / folder)
        return cache[folder]

    return get


@pytest.mark.parametrize("task", list(TASKS))
@pytest.mark.parametrize(("folder", "as_of"), CASES)
def test_baseline_equals_orgnet(networks, task, folder, as_of):
    module, analysis = TASKS[task]
    got = module.run(ROOT / folder, as_of)
    if analysis in SANCTIONED_TASKS:
        expected = as_the_baseline_computes(networks(folder), analysis, as_of, got.columns)
    else:
        expected = getattr(networks(folder), analysis)(as_of=as_of)
        contract = list(analyses.CONTRACTS[analysis].columns)  # then the place columns orgnet.places adds
        pd.testing.assert_frame_equal(analyses.finish(analysis, got), got[contract])
        # bench.worker times ``compute`` against the engine's answer, before the place columns
        engine = networks(folder).engine.answer(analysis, as_of=date.fromisoformat(as_of), rules=Rules())
        pd.testing.assert_frame_equal(module.compute(module.load(ROOT / folder), as_of), engine)
    pd.testing.assert_frame_equal(got, expected)
    assert len(got) > 0


#: Tasks whose baselines time the analysis as it was before the sanctioned cross-appointments
#: (orgnet.sanctioned): nameplates without their kind.
SANCTIONED_TASKS = ("nameplates",)


def as_the_baseline_computes(net, analysis: str, as_of, columns) -> pd.DataFrame:
    """orgnet's answer in the baseline's ``columns`` and order."""
    return getattr(net, analysis)(as_of=as_of)[list(columns)].reset_index(drop=True)


@pytest.mark.parametrize("lens", LENSES)
@pytest.mark.parametrize("folder", ["tests/data/tiny", "data/beihu", "data/longyou", "scale-1500"])
def test_overlaps_baseline_follows_the_lens(networks, generated, folder, lens):
    """The overlaps baseline's seats, sanctioned posts and lenses, on every sample and a generated
    dataset, at two dates: ``all`` and ``cross`` show the people ``load`` leaves out."""
    path = generated if folder == "scale-1500" else ROOT / folder
    net = networks(str(path))  # ROOT / an absolute path is that path
    tables = overlaps.load(path)
    for as_of in ("2012-06-30", "2010-06-30"):
        got = overlaps.compute(tables, as_of, lens=lens)
        pd.testing.assert_frame_equal(got, net.overlaps(as_of=as_of, lens=lens))
        assert got["sanctioned_posts"].sum() > 0 if lens != "load" else len(got) > 0


def test_overlaps_baseline_joins_several_roles_in_one_body(tmp_path):
    """A person with several posts in one body (one of them twice): one entry, her roles sorted and
    "/"-joined, as orgnet has it (neither dataset above has such a person)."""
    import shutil

    folder = tmp_path / "tiny"
    shutil.copytree(ROOT / "tests/data/tiny", folder)
    with open(folder / "posts.csv", "a", encoding="utf-8") as fh:
        fh.write("P1,B6,executive,2008-01-01,\nP1,B6,member,2009-01-01,\nP1,B6,chair,2009-01-01,2010-01-01\n")
    net = orgnet.load(folder)
    for as_of in ("2012-06-30", "2009-06-30"):
        for lens in LENSES:
            got = overlaps.compute(overlaps.load(folder), as_of, lens=lens)
            pd.testing.assert_frame_equal(got, net.overlaps(as_of=as_of, lens=lens))
        assert any("/" in role for roles in got["roles"] for role in roles)


def test_overlaps_baseline_chains_records_and_skips_state_enterprises(tmp_path):
    """Seats are connected groups: in 东村 the congress chair's record ties her 妇代会 to the party
    branch, and the two-committees record ties the branch to a residents' committee (B25) that no
    record ties to the 妇代会 directly — one seat. In 南村 the residents' committee and the 妇代会 (B31,
    B32) have lower ids than the branch and the villagers' committee they are tied through, and P25
    holds a second seat in a two-new enterprise: two seats, not one, not three. A party branch and a
    union in a state enterprise (not two-new) are two seats; a congress member who is not its chair is
    not tied to the branch."""
    import shutil

    folder = tmp_path / "tiny"
    shutil.copytree(ROOT / "tests/data/tiny", folder)
    extra = {"organizations": ["O11,国营棉纺厂,enterprise,R5,false,50,90,true,true",
                               "O12,南村村民委员会,village,R3,false,0,0,false,false"],
             "bodies": ["B25,东村居委会,admin,residents_committee,O5,,,2000-01-01,",
                        "B26,国营棉纺厂党支部,party,branch,O11,,standard,2000-01-01,",
                        "B27,国营棉纺厂工会,union,committee,O11,,,2000-01-01,",
                        "B31,南村居委会,admin,residents_committee,O12,,,2000-01-01,",
                        "B32,南村妇代会,women,congress,O12,,,2000-01-01,",
                        "B33,南村党支部,party,branch,O12,,standard,2000-01-01,",
                        "B34,南村村委会,admin,villagers_committee,O12,,,2000-01-01,"],
             "people": ["P23,钱芳,F,1975,college,true,O11,false", "P24,孙丽,F,1980,college,true,O5,false",
                        "P25,李红,F,1978,college,true,O12,false"],
             "posts": ["P1,B25,member,2009-01-01,", "P23,B26,secretary,2005-01-01,", "P23,B27,chair,2005-01-01,",
                       "P24,B8,member,2009-01-01,", "P24,B6,member,2009-01-01,",
                       *(f"P25,{body},{role},2009-01-01," for body, role in (
                           ("B31", "member"), ("B32", "chair"), ("B33", "member"), ("B34", "member"), ("B3", "member"),
                           ("B4", "member")))]}
    for table, rows in extra.items():
        with open(folder / f"{table}.csv", "a", encoding="utf-8") as fh:
            fh.write("".join(row + "\n" for row in rows))
    net = orgnet.load(folder)
    seen = net.overlaps(as_of="2012-06-30", lens="all").set_index("person_id")
    assert (seen.loc["P1", "posts"], seen.loc["P1", "extra_posts"]) == (4, 0)
    assert (seen.loc["P23", "extra_posts"], seen.loc["P24", "extra_posts"]) == (1, 1)
    assert (seen.loc["P25", "posts"], seen.loc["P25", "sanctioned_posts"], seen.loc["P25", "extra_posts"]) == (6, 6, 1)
    for lens in LENSES:
        got = overlaps.compute(overlaps.load(folder), "2012-06-30", lens=lens)
        pd.testing.assert_frame_equal(got, net.overlaps(as_of="2012-06-30", lens=lens))
    out = tmp_path / "overlaps.csv"
    assert overlaps.main([str(folder), "--as-of", "2012-06-30", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == render(net.overlaps(as_of="2012-06-30"), "csv")


def test_baselines_find_the_township_above_a_region(tmp_path):
    """A region's township is the nearest region at or above it of a township's level: two districts
    nested under 东镇 (R6 one step below it, R7 two) are stats regions whose township is 东镇, and an
    enterprise in a village under R7 has its gap there too (three steps up). No dataset above has a
    stats region below a township."""
    import shutil

    folder = tmp_path / "tiny"
    shutil.copytree(ROOT / "tests/data/tiny", folder)
    extra = {"regions": ["R6,东镇开发片区,district,R1", "R7,东镇开发片区一区,district,R6", "R8,新丰村,village,R7"],
             "organizations": ["O12,新丰织造厂,enterprise,R8,true,40,60,true,true"]}
    for table, rows in extra.items():
        with open(folder / f"{table}.csv", "a", encoding="utf-8") as fh:
            fh.write("".join(row + "\n" for row in rows))
    net = orgnet.load(folder)
    want = net.stats(as_of="2012-06-30")
    towns = want.drop_duplicates("region_id").set_index("region_id")
    assert towns.loc[["R0", "R1", "R6", "R7"], "township_name"].tolist() == ["", "东镇", "东镇", "东镇"]
    pd.testing.assert_frame_equal(stats.run(folder, "2012-06-30"), want)
    got = gaps.run(folder, "2012-06-30")
    pd.testing.assert_frame_equal(got, net.gaps(as_of="2012-06-30"))
    assert set(got.loc[got["org_id"] == "O12", "township_id"]) == {"R1"}


@pytest.mark.parametrize("folder", ["tests/data/tiny", "data/beihu"])
def test_load_baseline_counts_rows_like_orgnet(networks, folder):
    got = load.run(ROOT / folder).set_index("table")["rows"].to_dict()
    assert got == networks(folder).dataset.counts()


@pytest.mark.parametrize("folder", ["tests/data/tiny", "data/beihu"])
def test_graph_baseline_builds_orgnets_graph(networks, folder):
    from orgnet.graph import EDGES

    assert graph.EDGES == EDGES  # the baseline repeats orgnet's relationships (it may not import orgnet)
    got = graph.run(ROOT / folder).set_index("what")["count"].to_dict()
    built = networks(folder).graph
    assert got == {"nodes": built.number_of_nodes(), "edges": built.number_of_edges()}
    assert got["edges"] > got["nodes"] > 0


@pytest.mark.parametrize("task", list(TASKS))
def test_baseline_cli_writes_the_csv_orgnet_writes(networks, tmp_path, task):
    module, analysis = TASKS[task]
    out = tmp_path / f"{task}.csv"
    assert module.main([str(ROOT / "data/beihu"), "--as-of", "2012-06-30", "-o", str(out)]) == 0
    frame = getattr(networks("data/beihu"), analysis)(as_of="2012-06-30")
    if analysis in SANCTIONED_TASKS:
        frame = as_the_baseline_computes(networks("data/beihu"), analysis, "2012-06-30", common.CONTRACTS[analysis][0])
    expected = render(frame, "csv")
    assert out.read_text(encoding="utf-8") == expected


def test_baselines_use_orgnets_contracts_and_rules():
    for name, (columns, order, ints, floats, lists) in common.CONTRACTS.items():
        contract = analyses.CONTRACTS[name]
        if name in SANCTIONED_TASKS:  # the task as it was: orgnet's columns up to the sanctioned ones
            assert columns == contract.columns[:len(columns)], name
            assert set(ints) <= set(contract.ints) and set(floats) <= set(contract.floats), name
            assert set(lists) <= set(contract.lists), name
            continue
        assert (columns, order, ints, floats, lists) == (contract.columns, contract.order, contract.ints,
                                                         contract.floats, contract.lists), name
        assert not contract.bools, name
        declared = {col: values() if callable(values) else values for col, values in contract.declared.items()}
        assert declared == {col: values for (task, col), values in common.DECLARED.items() if task == name}, name
    assert common.GAP_RULES == gap_rules.RULE_IDS
    assert common.GAP_REQUIRES == {rule.id: rule.requires for rule in gap_rules.GAP_RULES}
    assert common.TOWNSHIP_LEVELS == TOWNSHIP_LEVELS
    assert common.FIGURES == tuple(results.FIGURES)
    assert common.UNITS == {name: spec.unit for name, spec in results.FIGURES.items()}
    rules = Rules()
    for name in ("committee_min_female", "liaison_min_female", "committee_types", "min_posts", "min_extra_posts",
                 "nameplate_jaccard", "stats_levels", "cadre_federation_levels"):
        assert getattr(common, name.upper()) == getattr(rules, name), name
    for system, types in SCHEMA.system_types.items():
        for typ in types:
            expected = common.HEAD_ROLES_BY_TYPE.get(typ, common.HEAD_ROLES[system])
            assert SCHEMA.head_roles(system, typ) == expected
    assert SCHEMA.head_roles("women", "liaison") == ("liaison",)
    assert SCHEMA.head_roles("women", "committee") == ("chair",)
    assert overlaps.LENSES == CHOICES["overlap_lens"] and rules.overlap_lens == overlaps.LENSES[0]


def test_overlaps_baseline_repeats_the_sanctioned_records():
    """The baseline's literal table is orgnet.sanctioned's records (it may not import orgnet)."""
    assert [(r.rule, r.a_bodies, r.a_roles, r.b_bodies, r.b_roles, r.org_kinds, bool(r.two_new_only), r.region_levels)
            for r in overlaps.SANCTIONED.itertuples()] == [
        (s.id, s.side_a.bodies, s.side_a.roles, s.side_b.bodies, s.side_b.roles, s.org_kinds, s.two_new_only,
         s.region_levels) for s in sanctioned.SANCTIONED]
