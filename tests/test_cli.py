"""The CLI through typer's runner: every command, every format, exit codes, files."""

from __future__ import annotations

import io
import json
import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

from orgnet.cli import app
from orgnet.analyses import CONTRACTS
from orgnet.places import result_columns
from tests.conftest import TINY

runner = CliRunner()
AS_OF = ["--as-of", "2012-06-30"]
COMMANDS = {
    "gaps": AS_OF, "overlaps": AS_OF, "nameplates": AS_OF, "plan": AS_OF,
    "liaison-check": ["--year", "2012"], "stats": AS_OF,
    "diff": ["--from", "2012-01-01", "--to", "2012-12-31"], "impact": ["--person", "P1", *AS_OF],
    "key-people": AS_OF, "composition": AS_OF, "demo-reach": AS_OF, "venues": AS_OF, "coverage": AS_OF,
    "bridges": AS_OF,
}


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("command", list(COMMANDS))
def test_csv_and_json_have_exactly_the_contract_columns(command):
    """The contract's columns, then the region and township names (``orgnet.places``) where a result
    has a region or an organization."""
    analysis = command.replace("-", "_")
    columns = list(result_columns(CONTRACTS[analysis].columns))
    as_csv = run(command, TINY, *COMMANDS[command], "--format", "csv")
    assert as_csv.exit_code == 0, as_csv.output
    frame = pd.read_csv(io.StringIO(as_csv.stdout), dtype=str, keep_default_na=False)
    assert list(frame.columns) == columns
    assert len(frame) > 0
    as_json = run(command, TINY, *COMMANDS[command], "--format", "json")
    assert as_json.exit_code == 0
    records = json.loads(as_json.stdout)
    assert len(records) == len(frame) and list(records[0]) == columns


@pytest.mark.parametrize("command", list(COMMANDS))
def test_table_format_for_people(command):
    result = run(command, TINY, *COMMANDS[command])
    assert result.exit_code == 0, result.output
    assert "rows)" in result.stdout


def test_gaps_table_shows_chinese_names():
    result = run("gaps", TINY, *AS_OF, "--rule", "liaison_required")
    assert "小康超市" in result.stdout and "华美服装厂" not in result.stdout


def test_output_file(tmp_path):
    out = tmp_path / "gaps.csv"
    result = run("gaps", TINY, *AS_OF, "--format", "csv", "--output", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert pd.read_csv(out).shape == (10, len(CONTRACTS["gaps"].columns))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file left


def test_min_posts_and_rules_file(tmp_path):
    result = run("overlaps", TINY, *AS_OF, "--min-posts", "3", "--lens", "all", "-f", "csv")
    assert pd.read_csv(io.StringIO(result.stdout)).person_id.tolist() == ["P1"]
    rules = tmp_path / "rules.toml"
    rules.write_text("committee_min_female = 40\n")
    result = run("gaps", TINY, *AS_OF, "--rules", rules, "--rule", "committee_required", "-f", "csv")
    assert pd.read_csv(io.StringIO(result.stdout)).org_id.tolist() == ["O1"]


def test_stats_region_selection():
    root = pd.read_csv(io.StringIO(run("stats", TINY, *AS_OF, "-f", "csv").stdout))
    assert set(root.region_id) == {"R0"}
    r1 = pd.read_csv(io.StringIO(run("stats", TINY, *AS_OF, "--region", "R1", "-f", "csv").stdout))
    assert set(r1.region_id) == {"R1"}
    every = pd.read_csv(io.StringIO(run("stats", TINY, *AS_OF, "--all-regions", "-f", "csv").stdout))
    assert set(every.region_id) == {"R0", "R1", "R2", "R5"}


def test_validate_ok_and_bad(tmp_path):
    ok = run("validate", TINY)
    assert ok.exit_code == 0 and "10 organizations" in ok.stdout
    bad = tmp_path / "bad"
    shutil.copytree(TINY, bad)
    path = bad / "posts.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("P3,B4,chair,2010-03-08", "P3,B4,chair,2010-13-08"), encoding="utf-8")
    result = run("validate", bad)
    assert result.exit_code == 2
    assert "posts.csv" in result.stderr and "2010-13-08" in result.stderr and "start" in result.stderr


def test_bad_options_exit_2(tmp_path):
    assert run("gaps", tmp_path / "missing").exit_code == 2
    assert run("gaps", TINY, "--as-of", "30/06/2012").exit_code == 2
    assert run("gaps", TINY, "--rule", "nonsense").exit_code == 2
    rules = tmp_path / "rules.toml"
    rules.write_text("committee_min = 40\n")
    result = run("gaps", TINY, "--rules", rules)
    assert result.exit_code == 2 and "unknown rule 'committee_min'" in result.stderr
    assert "Traceback" not in result.output


def test_summary_is_the_main_job():
    result = run("summary", TINY, *AS_OF)
    assert result.exit_code == 0
    for words in ("figures — 测试县", "two_new_coverage", "“两新”组织妇女组织组建率", "coverage gaps by rule",
                  "post overlaps", "post load", "刘芳"):
        assert words in result.stdout


def test_summary_ranks_the_gaps_and_keeps_rows_whole_when_piped():
    """The top gaps read rule by rule, most female staff first (as the report's); piped output is not
    wrapped at 80 columns, so a row's id and name stay on one line."""
    import orgnet

    result = run("summary", TINY, *AS_OF, "--top", "3")
    gaps = orgnet.load(TINY).gaps(AS_OF[1])
    committee = gaps[gaps.rule == "committee_required"].sort_values("female_staff", ascending=False)
    shown = [line.split("│")[1].strip() for line in result.stdout.splitlines()
             if line.startswith("│ O") and "committee_required" in line]
    assert shown == committee.org_id.head(3).tolist()
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) > 80 and not any(line.startswith("│        │") for line in lines)


def test_summary_adds_figures_up_over_many_top_regions(monkeypatch):
    from orgnet import output

    monkeypatch.setattr(output, "SUMMARY_REGIONS", 0)  # tiny has one top region: sum past zero
    result = run("summary", TINY, *AS_OF)
    assert result.exit_code == 0
    assert "1 regions" in result.stdout and "two_new_coverage" in result.stdout
    assert "a person in two regions counts twice" in " ".join(result.stdout.split())


def test_summary_of_few_top_regions_has_no_summed_caption():
    result = run("summary", TINY, *AS_OF)
    assert "counts twice" not in " ".join(result.stdout.split())


def test_every_command_has_help_with_an_example():
    for command in (*COMMANDS, "validate", "summary", "generate", "schema"):
        result = run(command, "--help")
        assert result.exit_code == 0
        if command != "schema":
            assert "Example" in result.stdout, command


def test_schema_prints_every_table():
    result = run("schema")
    for table in ("regions", "organizations", "bodies", "people", "posts", "liaisons", "visits", "demo_points", "pairings"):
        assert f"`{table}`" in result.stdout


@pytest.mark.parametrize("command", ["overlaps", "plan", "liaison-check", "diff", "impact", "key-people", "bridges"])
def test_redacted_tables_name_nobody(command):
    """--redact: no real name from the sample survives in CSV or JSON (people become pseudonyms)."""
    from tests.conftest import SAMPLES

    beihu = SAMPLES["beihu"]
    people = pd.read_csv(beihu / "people.csv", dtype=str)
    args = {"liaison-check": ["--year", "2012"], "diff": ["--from", "2011-06-30", "--to", "2012-06-30"],
            "impact": ["--person", people.id.iloc[0], *AS_OF]}.get(command, AS_OF)
    for fmt in ("csv", "json"):
        plain = run(command, beihu, *args, "-f", fmt).stdout
        redacted = run(command, beihu, *args, "-f", fmt, "--redact")
        assert redacted.exit_code == 0, redacted.output
        named = [n for n in people.name if n in plain]
        assert named, "the check could not fail: no name in the plain output"  # plan: its candidates
        assert not [n for n in people.name if n in redacted.stdout]
        assert not [i for i in people.id if f'"{i}"' in redacted.stdout or f"\n{i}," in redacted.stdout]


def test_plan_lists():
    """--list picks the build queue or the party-first list; all (the default) gives both, queue first."""
    def orgs(*args):
        result = run("plan", TINY, *AS_OF, "-f", "csv", *args)
        assert result.exit_code == 0, result.output
        frame = pd.read_csv(io.StringIO(result.stdout), dtype=str, keep_default_na=False)
        return list(zip(frame["list"], frame["org_id"]))

    assert orgs("--list", "queue") == [("queue", "O2"), ("queue", "O10"), ("queue", "O1")]
    assert orgs("--list", "party-first") == [("party_first", "O9")]
    assert orgs() == orgs("--list", "all") == orgs("--list", "queue") + orgs("--list", "party-first")
    assert run("plan", TINY, *AS_OF, "--list", "party_first").exit_code == 2


@pytest.mark.parametrize("command", ["gaps", "overlaps", "nameplates", "plan", "liaison-check", "stats", "summary"])
def test_analysis_commands_read_only_their_tables(command, tmp_path):
    """A bad cell in a table the analysis doesn't use stops validate, not the analysis."""
    from orgnet import TABLES_USED

    used = {t for a in (("stats", "gaps", "overlaps") if command == "summary" else (command.replace("-", "_"),))
            for t in TABLES_USED[a]}
    unused = next(t for t in ("venue_uses", "visits", "people") if t not in used)
    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    table = folder / f"{unused}.csv"
    table.write_text(table.read_text(encoding="utf-8") + "nonsense,row,2012-99-99\n", encoding="utf-8")
    assert run("validate", folder).exit_code == 2
    options = [*AS_OF] if command == "summary" else [*COMMANDS[command], "--format", "csv"]
    result = run(command, folder, *options)
    assert result.exit_code == 0, result.output
    assert result.stdout == run(command, TINY, *options).stdout
    assert "Reads only" in run(command, "--help").stdout
