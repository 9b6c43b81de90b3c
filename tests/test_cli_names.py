"""The CLI an analyst meets first (issue #20, parts 1 and 3): installing gives every command README shows,
--debug anywhere, help without ``<bool>``, the day a command took said, and a CLI that takes names:
--region and --top on every listing, people and regions by name or id, --as-of in a date cell's
spellings, -f xlsx, --excel, and query files with Neo4j Browser ``:param`` lines."""

from __future__ import annotations

import io
import re
import shutil
import tomllib
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from orgnet.places import result_columns
from typer.testing import CliRunner

from orgnet.analyses import CONTRACTS
from orgnet.cli import COMMANDS as ALL_COMMANDS, app
from tests.conftest import ROOT, TINY

runner = CliRunner()
AS_OF = ["--as-of", "2012-06-30"]
#: Every listing command and what it needs besides PATH (the day given, or what defaults to today).
LISTINGS = {
    "gaps": AS_OF, "overlaps": [*AS_OF, "--lens", "all"], "nameplates": AS_OF, "plan": AS_OF,
    "liaison-check": ["--year", "2012"], "stats": AS_OF, "diff": ["--from", "2011-06-30", "--to", "2012-12-31"],
    "impact": ["--person", "P1", *AS_OF], "key-people": AS_OF, "demo-reach": AS_OF, "venues": AS_OF,
    "coverage": AS_OF, "bridges": AS_OF,
}


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def csv_of(result) -> pd.DataFrame:
    assert result.exit_code == 0, result.output
    return pd.read_csv(io.StringIO(result.stdout), dtype=str, keep_default_na=False)


# -- 1. install and first run ------------------------------------------------------------------------
def test_the_default_install_has_every_package_a_readme_command_needs():
    """README's install line (`pip install -e .`) installs viz and Neo4j: no extra to know about."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    needed = {re.split(r"[<>=\[ ]", d)[0] for d in project["dependencies"]}
    assert {"pyvis", "matplotlib", "jinja2", "neo4j", "openpyxl"} <= needed
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install -e .  " in readme
    shown = set(re.findall(r"^\s+orgnet ([a-z-]+)", readme, re.MULTILINE))
    assert shown and shown <= set(ALL_COMMANDS), shown - set(ALL_COMMANDS)


def test_a_missing_package_is_one_line_naming_what_to_install(monkeypatch):
    from orgnet import api

    def missing(*args, **kwargs):
        raise ModuleNotFoundError("No module named 'pyvis'", name="pyvis")

    monkeypatch.setattr(api.Network, "view", missing)
    result = run("viz", TINY, *AS_OF, "-o", "/tmp/never.html")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "error: the Python package pyvis is not installed; orgnet's default install has it: pip install pyvis "
        "(or reinstall: pip install orgnet)"]


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_works_before_and_after_the_command(where, tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text("committee_min = 40\n")
    args = ["gaps", TINY, *AS_OF, "--rules", rules]
    plain = run(*args)
    assert plain.exit_code == 2 and "Traceback" not in plain.output
    debugged = run("--debug", *args) if where == "before" else run(*args, "--debug")
    assert "No such option" not in debugged.output
    assert type(debugged.exception).__name__ == "InputError"  # raised, for the traceback


def test_help_shows_no_bool_type():
    helps = [run("--help").stdout] + [run(name, "--help").stdout for name in ALL_COMMANDS]
    assert all(h.strip() for h in helps)
    assert [name for name, h in zip(["orgnet", *ALL_COMMANDS], helps) if "<bool>" in h] == []
    assert "--redact" in run("gaps", "--help").stdout  # the flags are still listed


@pytest.mark.parametrize("command", ["gaps", "overlaps", "nameplates", "plan", "stats", "key-people",
                                     "composition", "demo-reach", "venues", "coverage", "bridges"])
def test_a_command_that_defaults_to_today_says_the_day_on_stderr(command):
    result = run(command, TINY, "-f", "csv")
    assert result.exit_code == 0, result.output
    assert f"as of {date.today().isoformat()} (today" in result.stderr
    frame = pd.read_csv(io.StringIO(result.stdout), dtype=str)  # stdout stays the CSV, whole
    assert list(frame.columns) == list(result_columns(CONTRACTS[command.replace("-", "_")].columns))
    assert "as of" not in run(command, TINY, *AS_OF, "-f", "csv").stderr


def test_liaison_check_says_the_year_and_summary_says_its_day():
    assert f"year {date.today().year} (this year" in run("liaison-check", TINY, "-f", "csv").stderr
    assert "as of 2012-06-30" in run("summary", TINY, "--as-of", "2012/6/30").stdout
    today = run("summary", TINY)
    assert f"as of {date.today().isoformat()}" in today.stdout and "(today" in today.stderr


# -- 3. a CLI that takes names ----------------------------------------------------------------------
@pytest.mark.parametrize("command", list(LISTINGS))
def test_region_and_top_on_every_listing(command):
    """--region keeps the rows placed in the region or below it; a name and an id say the same;
    --top keeps the first rows of the same order."""
    args = LISTINGS[command]
    whole = csv_of(run(command, TINY, *args, "-f", "csv", *(["--all-regions"] if command == "stats" else [])))
    by_id = csv_of(run(command, TINY, *args, "-f", "csv", "--region", "R1"))
    by_name = csv_of(run(command, TINY, *args, "-f", "csv", "--region", "东镇"))
    pd.testing.assert_frame_equal(by_id, by_name)
    if "region_id" in by_id.columns:
        assert set(by_id["region_id"]) <= {"R1", "R3"}
    assert set(map(tuple, by_id.values)) <= set(map(tuple, whole.values))
    first = csv_of(run(command, TINY, *args, "-f", "csv", "--top", "1"))
    if command == "plan":
        assert first.groupby("list").size().max() == 1 and len(first) == whole["list"].nunique()
    elif command != "stats":
        pd.testing.assert_frame_equal(first, whole.head(1))


def test_region_narrows_for_real():
    """The check could fail: the county's gaps include the park's (R5); 东镇's have none of them."""
    whole = csv_of(run("gaps", TINY, *AS_OF, "-f", "csv"))
    town = csv_of(run("gaps", TINY, *AS_OF, "-f", "csv", "--region", "东镇"))
    assert "R5" in set(whole["region_id"]) and sorted(town["org_id"]) == ["O3", "O9"]
    people = csv_of(run("overlaps", TINY, *AS_OF, "--lens", "all", "-f", "csv", "--region", "东村"))
    assert people["person_id"].tolist() == ["P1", "P2"]  # placed by their bodies in 东村
    assert len(csv_of(run("gaps", TINY, *AS_OF, "-f", "csv", "--region", "测试县"))) == len(whole)


@pytest.fixture
def twins(tmp_path):
    """tiny with two people called 王秀英 (P1, P3) and two regions called 东村 (R3, R4)."""
    folder = tmp_path / "twins"
    shutil.copytree(TINY, folder)
    people = folder / "people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("P3,张丽", "P3,王秀英"), encoding="utf-8")
    regions = folder / "regions.csv"
    regions.write_text(regions.read_text(encoding="utf-8").replace("R4,西社区", "R4,东村"), encoding="utf-8")
    return folder


def test_a_shared_name_lists_the_candidates_and_exits_2(twins):
    person = run("impact", twins, *AS_OF, "--person", "王秀英")
    assert person.exit_code == 2
    lines = person.stderr.splitlines()
    assert "--person 王秀英: 2 people share this name" in lines[0]
    assert any(re.match(r"\s+P1\s+王秀英\s+\(F; .*东村妇代会 chair", line) for line in lines[1:])
    assert any(re.match(r"\s+P3\s+王秀英\s+\(F; ", line) for line in lines[1:])
    region = run("gaps", twins, *AS_OF, "--region", "东村")
    assert region.exit_code == 2 and "2 regions share this name" in region.stderr
    assert re.search(r"R3\s+东村\s+\(village in 东镇 \(R1\) < 测试县 \(R0\)\)", region.stderr)
    assert re.search(r"R4\s+东村\s+\(community in 西街道 \(R2\)", region.stderr)
    assert run("impact", twins, *AS_OF, "--person", "P3", "-f", "csv").exit_code == 0  # an id is never ambiguous
    assert "Traceback" not in person.output + region.output


def test_an_unknown_name_exits_2_with_a_clear_line():
    result = run("impact", TINY, *AS_OF, "--person", "江龙林")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --person 江龙林: no person with that id or name"
    region = run("key-people", TINY, *AS_OF, "--region", "东")
    assert region.exit_code == 2
    assert region.stderr.strip() == "error: --region 东: no region with that id or name; names containing it: 东镇, 东村"


def test_person_by_name_is_the_person_by_id():
    assert csv_of(run("impact", TINY, *AS_OF, "--person", "王秀英", "-f", "csv")).equals(
        csv_of(run("impact", TINY, *AS_OF, "--person", "P1", "-f", "csv")))


@pytest.mark.parametrize("day", ["2012/6/30", "2012.6.30", "2012年6月30日", " 2012-06-30 "])
def test_as_of_takes_a_date_cells_spellings(day):
    assert run("gaps", TINY, "--as-of", day, "-f", "csv").stdout == run("gaps", TINY, *AS_OF, "-f", "csv").stdout


def test_from_and_to_take_them_too_and_a_bad_day_exits_2():
    iso = run("diff", TINY, "--from", "2011-06-30", "--to", "2012-12-31", "-f", "csv")
    other = run("diff", TINY, "--from", "2011年6月30日", "--to", "2012/12/31", "-f", "csv")
    assert other.exit_code == 0 and other.stdout == iso.stdout
    for bad in ("30/06/2012", "2012-02-30", "20120630"):
        result = run("gaps", TINY, "--as-of", bad)
        assert result.exit_code == 2 and "2012年6月30日" in result.stderr, bad


def test_xlsx_is_a_real_workbook_with_chinese_headers_under_lang_zh(tmp_path):
    assert run("gaps", TINY, *AS_OF, "-f", "xlsx").exit_code == 2  # a workbook needs a file
    as_csv = csv_of(run("gaps", TINY, *AS_OF, "-f", "csv"))
    for lang, header in (("en", "org_name"), ("zh", "单位名称")):
        out = tmp_path / f"gaps-{lang}.xlsx"
        result = run("gaps", TINY, *AS_OF, "-f", "xlsx", "--lang", lang, "-o", out)
        assert result.exit_code == 0, result.output
        sheet = openpyxl.load_workbook(out).active
        rows = [[c.value for c in row] for row in sheet.iter_rows()]
        assert rows[0][1] == header and len(rows[0]) == len(as_csv.columns)
        assert [r[0] or "" for r in rows[1:]] == as_csv["org_id"].tolist()  # an empty cell is empty
        assert [r[5] for r in rows[1:]] == [int(v) if v else None for v in as_csv["female_staff"]]  # typed


def test_excel_csv_starts_with_a_byte_order_mark(tmp_path):
    plain = run("gaps", TINY, *AS_OF, "-f", "csv").stdout_bytes
    excel = run("gaps", TINY, *AS_OF, "-f", "csv", "--excel").stdout_bytes
    assert not plain.startswith(b"\xef\xbb\xbf") and excel == b"\xef\xbb\xbf" + plain
    out = tmp_path / "gaps.csv"
    assert run("gaps", TINY, *AS_OF, "--excel", "-o", out).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and "华美服装厂" in out.read_text(encoding="utf-8-sig")


def test_a_malformed_param_line_is_named_before_any_server(tmp_path):
    mine = tmp_path / "mine.cypher"
    mine.write_text("// mine\n:param region\nMATCH (r:Region {id: $region}) RETURN r.name\n", encoding="utf-8")
    result = run("query", mine)
    assert result.exit_code == 2
    assert f"{mine} line 2: ':param region': expected :param name => value" in result.stderr


def test_a_shared_name_under_redact_names_nobody(twins):
    result = run("impact", twins, *AS_OF, "--person", "王秀英", "--redact")
    assert result.exit_code == 2 and "2 people share this name" in result.stderr
    assert "王秀英" not in result.stderr and not re.search(r"\bP[13]\b", result.stderr)


def test_views_take_names_too(tmp_path):
    ego = run("viz", TINY, *AS_OF, "--view", "ego", "--person", "王秀英", "-o", tmp_path / "ego.html")
    assert ego.exit_code == 0, ego.output
    assert "王秀英" in (tmp_path / "ego.html").read_text(encoding="utf-8")
    region = run("viz", TINY, *AS_OF, "--view", "region", "--region", "东镇", "-o", tmp_path / "region.html")
    assert region.exit_code == 0, region.output
    unknown = run("viz", TINY, *AS_OF, "--view", "ego", "--person", "江龙林", "-o", tmp_path / "x.html")
    assert unknown.exit_code == 2 and "no person with that id or name" in unknown.stderr
