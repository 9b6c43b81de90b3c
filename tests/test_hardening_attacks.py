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
