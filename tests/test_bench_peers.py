"""The benchmark's peers (bench/peers: DuckDB SQL and polars lazy queries) write orgnet's CSV, byte for byte.

A peer that answered differently would make every ratio of bench/README.md's peers section
meaningless, so each one is run here on the hand-made tiny dataset (Chinese spellings of true and
female, a body hosted by no organization), on a small generated one and on the two bundled samples
(Beihu: residents' committees, women's groups, federation executives; Longyou: liaison officers),
at two dates, and its file compared with what ``orgnet … -f csv`` writes. ``bench.peers_run``
checks the same on every run it times. duckdb and polars are in the ``test`` extra: under CI=true a
missing one fails, not skips.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from tests.conftest import IN_CI, ROOT, TINY

try:
    import duckdb  # noqa: F401
    import polars  # noqa: F401
except ImportError as exc:  # pragma: no cover
    if IN_CI:
        raise
    pytest.skip(f"the peers need duckdb and polars (pip install '.[bench]'): {exc}", allow_module_level=True)

import orgnet
from orgnet.generate import generate
from orgnet.output import render

from bench.peers import duckdb_run
from bench.peers_readme import markdown, targets

PEERS = ROOT / "bench" / "peers"
#: peer task → orgnet's Network method
TASKS = {"gaps": "gaps", "overlaps": "overlaps", "stats": "stats"}
DATES = ("2012-06-30", "2010-06-30")
#: overlaps' lenses besides the default (``load``, in TASKS' runs)
LENSES = ("all", "cross")


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("peers") / "scale-1500"
    generate("scale", 1, out, orgs=1500)
    return out


@pytest.fixture(scope="module")
def expected(small):
    """(folder name, task, as-of) → orgnet's CSV text."""
    nets = {name: orgnet.load(folder) for name, folder in folders(small).items()}
    want = {(name, task, day): render(getattr(net, method)(as_of=day), "csv")
            for name, net in nets.items() for task, method in TASKS.items() for day in DATES}
    want.update({(name, f"overlaps --lens {lens}", day): render(net.overlaps(as_of=day, lens=lens), "csv")
                 for name, net in nets.items() for lens in LENSES for day in DATES})
    return want


def folders(small: Path) -> dict[str, Path]:
    return {"tiny": TINY, "small": small, "beihu": ROOT / "data" / "beihu", "longyou": ROOT / "data" / "longyou"}


def peer(engine: str, task: str, folder: Path, day: str, out: Path, lens: str | None = None) -> str:
    if engine == "duckdb":
        duckdb_run.run(task, folder, day, out, *([lens] if lens else []))
    else:
        module = importlib.import_module(f"bench.peers.polars_{task}")
        assert module.main([str(folder), "--as-of", day, *(["--lens", lens] if lens else []), "-o", str(out)]) == 0
    return out.read_bytes().decode("utf-8")


@pytest.mark.parametrize("day", DATES)
@pytest.mark.parametrize("task", list(TASKS))
@pytest.mark.parametrize("engine", ["duckdb", "polars"])
@pytest.mark.parametrize("name", ["tiny", "small", "beihu", "longyou"])
def test_peer_writes_orgnets_csv(small, expected, tmp_path, engine, task, day, name):
    folder = folders(small)[name]
    want = expected[(name, task, day)]
    assert want.count("\n") >= 2  # a header and rows, not an empty answer
    got = peer(engine, task, folder, day, tmp_path / "out.csv")
    assert got == want


@pytest.mark.parametrize("day", DATES)
@pytest.mark.parametrize("lens", LENSES)
@pytest.mark.parametrize("engine", ["duckdb", "polars"])
@pytest.mark.parametrize("name", ["tiny", "small", "beihu", "longyou"])
def test_overlaps_peers_follow_the_lens(small, expected, tmp_path, engine, lens, day, name):
    """``all`` and ``cross`` show the people ``load`` leaves out (a sanctioned cross-appointment only):
    the peers' seats and sanctioned posts are compared on them too."""
    want = expected[(name, f"overlaps --lens {lens}", day)]
    rows, load_rows = want.count("\n") - 1, expected[(name, "overlaps", day)].count("\n") - 1
    assert rows > load_rows if lens == "all" else rows > 0
    assert peer(engine, "overlaps", folders(small)[name], day, tmp_path / "out.csv", lens) == want


def test_peer_sees_a_changed_cell(tmp_path):
    """A post ended before the as-of day leaves its body headless: both peers report the new gap."""
    import shutil

    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    before = {e: peer(e, "gaps", folder, "2012-06-30", tmp_path / f"{e}0.csv") for e in ("duckdb", "polars")}
    net = orgnet.load(folder)
    heads = net.dataset.tables["posts"]
    chair = heads[(heads["role"] == "chair") & heads["end"].isna()].iloc[0]
    posts = folder / "posts.csv"
    lines = posts.read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith(f"{chair['person_id']},{chair['body_id']},chair,"))
    lines[row] = lines[row].rstrip(",") + ",2011-01-01"
    posts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    want = render(orgnet.load(folder).gaps(as_of="2012-06-30"), "csv")

    def vacant(text):  # the gap rows of the chair's body, now headless
        return [line for line in text.splitlines() if ",vacant_head," in line and f",{chair['body_id']}," in line]

    for engine in ("duckdb", "polars"):
        got = peer(engine, "gaps", folder, "2012-06-30", tmp_path / f"{engine}1.csv")
        assert got == want != before[engine]
        assert len(vacant(got)) == 1 and vacant(before[engine]) == []


def test_peers_find_the_township_above_a_region(tmp_path):
    """A region's township is the nearest region at or above it of a township's level: two districts
    nested under 东镇 (R6 one step below it, R7 two) are stats regions whose township is 东镇, not
    themselves and not empty, and an enterprise in a village under R7 has its gap there too (three
    steps up). No dataset above has a stats region below a township (theirs are their own or none)."""
    import shutil

    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    extra = {"regions": ["R6,东镇开发片区,district,R1", "R7,东镇开发片区一区,district,R6", "R8,新丰村,village,R7"],
             "organizations": ["O12,新丰织造厂,enterprise,R8,true,40,60,true,true"]}
    for table, rows in extra.items():
        with open(folder / f"{table}.csv", "a", encoding="utf-8") as fh:
            fh.write("".join(row + "\n" for row in rows))
    net = orgnet.load(folder)
    stats, gaps = net.stats(as_of="2012-06-30"), net.gaps(as_of="2012-06-30")
    towns = stats.drop_duplicates("region_id").set_index("region_id")
    assert towns.loc[["R0", "R1", "R6", "R7"], "township_name"].tolist() == ["", "东镇", "东镇", "东镇"]
    assert set(gaps.loc[gaps["org_id"] == "O12", "township_id"]) == {"R1"}
    for task, frame in (("stats", stats), ("gaps", gaps)):
        want = render(frame, "csv")
        for engine in ("duckdb", "polars"):
            assert peer(engine, task, folder, "2012-06-30", tmp_path / f"{engine}-{task}.csv") == want, (engine, task)


def test_peers_know_a_womens_group(tmp_path):
    """A women's group (妇女团体) without a head, in a small two-new enterprise: a women's organization
    for the 组建率 (no liaison officer required), no committee, and its vacant head's title in the
    gap's words. No dataset above has a headless group."""
    import shutil

    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    with open(folder / "bodies.csv", "a", encoding="utf-8") as fh:
        fh.write("B30,小康超市女职工联谊会,women,group,O3,,,2011-01-01,\n")
    net = orgnet.load(folder)
    for task in ("gaps", "stats"):
        want = render(getattr(net, task)(as_of="2012-06-30"), "csv")
        for engine in ("duckdb", "polars"):
            assert peer(engine, task, folder, "2012-06-30", tmp_path / f"{engine}-{task}.csv") == want, (engine, task)
        if task == "gaps":
            assert "小康超市女职工联谊会: no active women's group head" in want


def test_overlaps_peers_chain_records_and_skip_state_enterprises(tmp_path):
    """Seats are connected groups: in 东村 the congress chair's record ties her 妇代会 to the party
    branch, and the two-committees record ties the branch to a residents' committee (B25, the least
    id) that no record ties to the 妇代会 directly — still one seat. A party branch and a union in a
    state enterprise (not two-new) are two seats. No dataset above has either."""
    import shutil

    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    extra = {"organizations": ["O11,国营棉纺厂,enterprise,R5,false,50,90,true,true"],
             "bodies": ["B25,东村居委会,admin,residents_committee,O5,,,2000-01-01,",
                        "B26,国营棉纺厂党支部,party,branch,O11,,standard,2000-01-01,",
                        "B27,国营棉纺厂工会,union,committee,O11,,,2000-01-01,"],
             "people": ["P23,钱芳,F,1975,college,true,O11,false"],
             "posts": ["P1,B25,member,2009-01-01,", "P23,B26,secretary,2005-01-01,", "P23,B27,chair,2005-01-01,"]}
    for table, rows in extra.items():
        with open(folder / f"{table}.csv", "a", encoding="utf-8") as fh:
            fh.write("".join(row + "\n" for row in rows))
    net = orgnet.load(folder)
    seen = net.overlaps(as_of="2012-06-30", lens="all").set_index("person_id")
    assert (seen.loc["P1", "posts"], seen.loc["P1", "extra_posts"], seen.loc["P23", "extra_posts"]) == (4, 0, 1)
    for lens in ("load", "all"):
        want = render(net.overlaps(as_of="2012-06-30", lens=lens), "csv")
        for engine in ("duckdb", "polars"):
            got = peer(engine, "overlaps", folder, "2012-06-30", tmp_path / f"{engine}.csv", lens)
            assert got == want, (engine, lens)


def test_peers_import_neither_orgnet_nor_the_pandas_baselines():
    for path in PEERS.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert not name.startswith(("orgnet", "bench.baselines", "pandas")), (path.name, name)
    for task in TASKS:
        assert len(duckdb.extract_statements(duckdb_run.statement(task))) == 1, f"duckdb_{task}.sql: one statement"


def record(n, task, orgnet_s, duckdb_s, orgnet_mb=1000.0, duckdb_mb=400.0):
    return {"n": n, "task": task, "repeat": 3, "orgnet_s": orgnet_s, "pandas_s": 1.0, "duckdb_s": duckdb_s,
            "polars_s": 1.0, "ratio_duckdb": round(orgnet_s / duckdb_s, 2), "ratio_polars": orgnet_s,
            "orgnet_peak_mb": orgnet_mb, "pandas_peak_mb": 1.0, "duckdb_peak_mb": duckdb_mb, "polars_peak_mb": 1.0,
            "identical": True, "note": ""}


def test_targets_judge_orgnet_against_duckdb():
    rows = {t: v for t, _, v in targets([record(1_000_000, "gaps", 6.0, 4.5, 800.0, 400.0),
                                         record(1_000_000, "stats", 6.0, 3.0, 900.0, 400.0),
                                         record(100_000, "overlaps", 3.1, 2.0)])}
    assert rows["1,000,000: `gaps` first run within 1.5× of DuckDB's"] == "met"  # 1.33×
    assert rows["1,000,000: `stats --all-regions` first run within 1.5× of DuckDB's"] == "NOT met"  # 2.0×
    assert rows["100,000: `overlaps` first run within 1.5× of DuckDB's"] == "NOT met"  # 1.55×
    assert rows["1,000,000: `gaps` peak memory at most 2.0× DuckDB's"] == "met"  # 800 / 400
    assert rows["1,000,000: `stats --all-regions` peak memory at most 2.0× DuckDB's"] == "NOT met"  # 900 / 400
    assert rows["1,000,000: repeated run on unchanged files at most 0.75× of DuckDB's"] == "NOT met"
    text = markdown([record(100_000, "gaps", 3.0, 1.0)], "2026-12-03")
    assert "| 100,000 | `gaps` | 3.00 s | 1.00 s | 1.00 s | 1.00 s | 3.0× |" in text


def test_harness_checks_every_run_byte_for_byte(tmp_path, monkeypatch):
    """bench.peers_run: fresh processes for the four sides; a peer writing other bytes is a mismatch."""
    import sys

    from bench import peers_run

    real = peers_run.argvs

    def sabotaged(task, folder, as_of, out):
        commands = real(task, folder, as_of, out)
        commands["polars"] = [sys.executable, "-c", f"open({str(out['polars'])!r}, 'w').write('x\\n')"]
        return commands

    rec = peers_run.run_task(0, "gaps", TINY, "2012-06-30", tmp_path, timeout=300, repeat=1, diffs=tmp_path,
                             say=lambda s: None)
    assert rec["identical"] is True and rec["note"] == ""
    assert all(rec[f"{s}_s"] > 0 and rec[f"{s}_peak_mb"] > 0 for s in peers_run.SIDES)
    assert rec["ratio_duckdb"] == round(rec["orgnet_s"] / rec["duckdb_s"], 2)
    monkeypatch.setattr(peers_run, "argvs", sabotaged)
    rec = peers_run.run_task(0, "gaps", TINY, "2012-06-30", tmp_path, timeout=300, repeat=1, diffs=tmp_path,
                             say=lambda s: None)
    assert rec["identical"] is False
    assert [r["polars"]["identical"] for r in rec["runs"]] == [False]
    assert rec["runs"][0]["duckdb"]["identical"] is True
    assert "MISMATCH polars" in rec["note"]
