"""Hardening, wide tables (issue #23, class 6): validation costs time linear in the cells, however many
columns. Empty columns with no header (what Excel leaves behind after a stray cell in column XFD)
are ignored with a one-line notice; a column with no header but some data is a problem naming file,
row 1 and the column; a named extra column is kept as before."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from orgnet.api import load_dataset
from orgnet.errors import ValidationError
from orgnet.read import read_dataset
from tests.bad_inputs.builders import EXCEL_EMPTY_COLUMNS, _workbook, add_empty_columns
from tests.conftest import ROOT, TINY

#: Times one read + validate of organizations.csv widened by N empty columns, best of two, in a
#: fresh process; prints {N: seconds}.
TIMER = """
import json, shutil, sys, time
from pathlib import Path
from orgnet.read import read_dataset
from orgnet.validate import validate
from tests.bad_inputs.builders import add_empty_columns
tiny, root = Path(sys.argv[1]), Path(sys.argv[2])
found = {}
for n in map(int, sys.argv[3:]):
    folder = root / f"wide-{n}"
    shutil.copytree(tiny, folder, ignore=shutil.ignore_patterns("README.md"))
    add_empty_columns(folder / "organizations.csv", n)
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        validate(read_dataset(folder, tables=["organizations"]))
        best = min(best, time.perf_counter() - start)
    found[n] = best
print(json.dumps(found))
"""


def _tiny(tmp_path: Path) -> Path:
    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder, ignore=shutil.ignore_patterns("README.md"))
    return folder


def _seconds(tmp_path: Path, *widths: int, timeout: float) -> dict[int, float]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    done = subprocess.run([sys.executable, "-c", TIMER, str(TINY), str(tmp_path), *map(str, widths)],
                          capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return {int(n): t for n, t in json.loads(done.stdout.strip().splitlines()[-1]).items()}


def test_validation_time_grows_linearly_with_empty_columns(tmp_path):
    """4,000 → 16,000 empty columns: four times the cells, at most six times the time (was ~16×:
    each column was inserted into the typed frame one at a time). The wide run is cut off at
    twenty times the narrow one, so the quadratic code fails in minutes, not the hour it took."""
    small = _seconds(tmp_path / "small", 4_000, timeout=600)[4_000]
    big = _seconds(tmp_path / "big", 16_000, timeout=60 + 20 * small)[16_000]
    assert big / small < 6, f"4,000 columns: {small:.2f} s, 16,000 columns: {big:.2f} s"


def test_empty_columns_are_ignored_with_a_notice(tmp_path, caplog):
    folder = _tiny(tmp_path)
    add_empty_columns(folder / "organizations.csv", EXCEL_EMPTY_COLUMNS)
    with caplog.at_level(logging.WARNING, logger="orgnet"):
        raw = read_dataset(folder)
    assert list(raw.tables["organizations"].frame.columns) == list(read_dataset(TINY).tables["organizations"].frame.columns)
    notice = "organizations.csv: ignored 16,380 empty columns with no header (J to XFI)"
    assert raw.notices == [notice]
    assert [r.getMessage() for r in caplog.records if r.name.startswith("orgnet")] == [notice]
    assert load_dataset(folder)["organizations"].equals(load_dataset(TINY)["organizations"])


def test_the_command_prints_the_notice_in_one_line(tmp_path):
    folder = _tiny(tmp_path)
    add_empty_columns(folder / "organizations.csv", 3)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-m", "orgnet.cli", "validate", str(folder)], capture_output=True,
                          text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == ["organizations.csv: ignored 3 empty columns with no header (J to L)"]
    assert done.stdout.startswith("ok: ")


@pytest.mark.parametrize("encoding, blank_line", [("utf-8", False), ("gb18030", False), ("utf-8", True)])
def test_every_csv_path_drops_empty_columns(tmp_path, encoding, blank_line):
    """Arrow straight from UTF-8, Arrow after decoding GB18030, and pandas (a blank line inside)."""
    folder = _tiny(tmp_path)
    path = folder / "regions.csv"
    lines = [line + ",," for line in path.read_text(encoding="utf-8").splitlines()]
    if blank_line:
        lines.insert(2, "")
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    raw = read_dataset(folder)
    assert list(raw.tables["regions"].frame.columns) == ["id", "name", "level", "parent_id"]
    assert raw.notices == ["regions.csv: ignored 2 empty columns with no header (E to F)"]
    load_dataset(folder)


def test_a_column_with_data_but_no_header_is_a_problem(tmp_path):
    folder = _tiny(tmp_path)
    path = folder / "regions.csv"
    lines = [line + ",," for line in path.read_text(encoding="utf-8").splitlines()]
    lines[2] += "stray"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_dataset(folder)
    assert [(p.file, p.row, p.column) for p in info.value.problems] == [("regions.csv", 1, "F")]


def test_a_named_extra_column_is_kept(tmp_path):
    folder = _tiny(tmp_path)
    path = folder / "regions.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",notes,"] + [line + ", remark ," for line in lines[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    regions = load_dataset(folder)["regions"]
    assert list(regions.columns) == ["id", "name", "level", "parent_id", "notes", "_row"]
    assert set(regions["notes"]) == {"remark"}


def test_a_workbook_with_two_empty_columns_is_read(tmp_path):
    """Two empty header cells in a sheet used to make two columns named "" and crash (exit 1)."""
    folder = _tiny(tmp_path)
    book = _workbook(folder, lambda wb: setattr(wb["regions"]["F1"], "number_format", "0.00"))
    raw = read_dataset(book)
    assert list(raw.tables["regions"].frame.columns) == ["id", "name", "level", "parent_id"]
    assert raw.notices == ["tiny.xlsx[regions]: ignored 2 empty columns with no header (E to F)"]
    pd.testing.assert_frame_equal(load_dataset(book)["regions"], load_dataset(TINY)["regions"], check_dtype=False)
