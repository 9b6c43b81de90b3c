"""The bad-input corpus (tests/bad_inputs/): every case exits 2 naming file, row, column, value and
expectation — or, for the spellings we accept, loads cleanly. See tests/bad_inputs/make_cases.py."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from orgnet.api import load_dataset
from orgnet.cli import app
from orgnet.errors import ValidationError
from tests.bad_inputs import builders
from tests.conftest import TINY

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.toml").exists())


def materialize(case: str, tmp_path: Path) -> tuple[Path, dict]:
    """The tiny dataset with the case's files laid over it; returns (path to load, expectations)."""
    spec = tomllib.loads((CORPUS / case / "expected.toml").read_text(encoding="utf-8"))
    folder = tmp_path / case
    shutil.copytree(TINY, folder, ignore=shutil.ignore_patterns("README.md"))
    for file in (CORPUS / case).glob("*.csv"):
        shutil.copy(file, folder / file.name)
    for table in spec.get("remove", []):
        (folder / f"{table}.csv").unlink()
    path = getattr(builders, spec["build"])(folder) if "build" in spec else folder
    return path, spec


def matches(problem, want: dict) -> bool:
    return (problem.file == want["file"] and problem.row == want.get("row") and problem.column == want.get("column")
            and ("value" not in want or problem.value == want["value"]) and want["expected"] in problem.expected)


def test_corpus_is_big_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES)
def test_case(case, tmp_path):
    path, spec = materialize(case, tmp_path)
    result = CliRunner().invoke(app, ["validate", str(path)])
    if spec["expect"] == "ok":
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    with pytest.raises(ValidationError) as info:
        load_dataset(path)
    found = info.value.problems
    for want in spec["problems"]:
        assert any(matches(p, want) for p in found), f"{want} not among {[str(p) for p in found]}"
        assert want["file"] in result.stderr
    assert len(found) == len(spec["problems"]), [str(p) for p in found]
