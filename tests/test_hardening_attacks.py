"""Issue #23, the attack round after the first fixes: what a hostile or careless user tried next.

Each test here failed on the code before it (the commit that adds it says so)."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

import orgnet
from orgnet.cli import app
from orgnet.errors import InputError, ValidationError
from orgnet.read import read_dataset
from tests.conftest import TINY

runner = CliRunner()


def tiny_frames() -> dict[str, pd.DataFrame]:
    """The tiny dataset as DataFrames of Python objects, as a user builds them by hand."""
    return {name: table.frame.astype(object) for name, table in read_dataset(TINY).tables.items()}


# -- DataFrames given to the Python API ---------------------------------------------------------

@pytest.mark.parametrize("bad", ["王\ud800", "\udfff", "a\udc80b"])
def test_lone_surrogate_in_a_frame_is_a_problem(bad):
    frames = tiny_frames()
    frames["people"].loc[1, "name"] = bad
    with pytest.raises(ValidationError) as info:
        orgnet.load(frames)
    [problem] = info.value.problems
    assert (problem.file, problem.row, problem.column) == ("people (DataFrame)", 3, "name")
    assert "surrogate" in problem.expected and "\\u" in problem.value


def test_lone_surrogate_in_a_frame_header_is_a_problem():
    frames = tiny_frames()
    frames["people"].columns = pd.Index(["na\ud800me" if c == "name" else c for c in frames["people"].columns],
                                        dtype=object)
    with pytest.raises(ValidationError) as info:
        orgnet.load(frames)
    assert any(p.row == 1 and p.column == "na\\ud800me" and "surrogate" in p.expected for p in info.value.problems)


def test_nul_in_a_frame_is_a_problem():
    frames = tiny_frames()
    frames["posts"].loc[0, "role"] = "chair\x00"
    with pytest.raises(ValidationError) as info:
        orgnet.load(frames)
    assert [(p.file, p.row, p.column) for p in info.value.problems] == [("posts (DataFrame)", 2, "role")]


@pytest.mark.parametrize("source", [{"people": "not a frame"}, {1: pd.DataFrame()}, {("people",): pd.DataFrame()}])
def test_not_a_table_of_frames_is_an_input_error(source):
    with pytest.raises(InputError, match="table|DataFrame"):
        orgnet.load(source)


# -- a table without its id column --------------------------------------------------------------

def test_missing_id_column_is_one_problem_and_no_traceback(tmp_path):
    """Without an id column every id is missing: that is the column's problem, not 21 "a unique id"
    problems whose value (NaN) crashed the printout."""
    import shutil

    folder = tmp_path / "no_id"
    shutil.copytree(TINY, folder)
    people = folder / "people.csv"
    people.write_text(people.read_text(encoding="utf-8").replace("id,name,", "ident,name,", 1), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert "people.csv row 1, column id: expected a column named id" in result.stderr
    assert "a unique id" not in result.stderr


# -- rules files --------------------------------------------------------------------------------

def test_rules_file_saved_with_a_bom_is_read(tmp_path):
    """Windows Notepad starts a UTF-8 file with a byte-order mark: the rules in it still count."""
    from orgnet.rules import Rules

    rules = tmp_path / "rules.toml"
    rules.write_bytes("\ufeffcommittee_min_female = 40\n".encode("utf-8"))
    assert Rules.from_toml(rules).committee_min_female == 40


@pytest.mark.parametrize("text", ["stats_levels = " + "[" * 5000 + "]" * 5000,
                                  "x = " + "{a=" * 3000 + "1" + "}" * 3000])
def test_rules_nested_thousands_deep_exit_2(tmp_path, text):
    rules = tmp_path / "rules.toml"
    rules.write_text(text + "\n", encoding="utf-8")
    result = runner.invoke(app, ["gaps", str(TINY), "--rules", str(rules)])
    assert result.exit_code == 2 and "nested" in result.stderr, result.output


# -- options ------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["[" * 100_000 + "]" * 100_000, "{\"a\":" * 50_000 + "1" + "}" * 50_000])
@pytest.mark.parametrize("name", ["x", "stats_levels"])
def test_param_nested_thousands_deep_is_bad_input(raw, name):
    from orgnet.engines.neo4j.adhoc import query_parameters
    from orgnet.rules import Rules

    with pytest.raises(InputError, match=f"--param {name}=.*expected"):
        query_parameters("RETURN $x, $stats_levels", [f"{name}={raw}"], Rules())


def test_fits_int64_does_not_recurse():
    from orgnet.limits import fits_int64

    deep: list = [2**63]
    for _ in range(10_000):
        deep = [deep]
    assert fits_int64(deep) is False and fits_int64([[1], {"a": [-2**63]}]) is True


@pytest.mark.parametrize("seconds", ["1e-300", "0.0000001"])
def test_a_timeout_too_short_to_connect_is_bad_input(seconds):
    result = runner.invoke(app, ["gaps", "--backend", "neo4j", "--neo4j-timeout", seconds],
                           env={"NEO4J_URI": "bolt://127.0.0.1:1"})
    assert result.exit_code == 2 and "--neo4j-timeout" in result.stderr, result.output


def test_python_dash_m_orgnet_runs_the_command():
    """``python -m orgnet`` (what a user without the console script types) is the ``orgnet`` command."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-m", "orgnet", "validate", str(TINY)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith("ok: "), done.stderr


def test_diff_with_the_days_swapped_is_bad_input():
    """viz --view diff refused --from after --to, the diff command printed the changes backwards."""
    result = runner.invoke(app, ["diff", str(TINY), "--from", "2012-06-30", "--to", "2008-06-30", "-f", "csv"])
    assert result.exit_code == 2 and "--from 2012-06-30 is later than --to 2008-06-30" in result.stderr, result.output
    bad = runner.invoke(app, ["diff", str(TINY), "--from", "2012-99-30", "--to", "2008-06-30"])
    assert bad.exit_code == 2 and "--from '2012-99-30'" in bad.stderr, bad.output
