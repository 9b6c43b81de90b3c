"""Hardening (issue #23, class 3): outputs never replace what they write onto.

A FIFO, a character device and this process's stdout (a link to ``/proc/self/fd/1``) are written in
place, as a stream; a regular file behind a symbolic link is written, the link kept; a folder or an
unwritable path is one line and exit 2, for every command that writes a file. Folder outputs
(``export --to neo4j-csv``, ``generate``) are built aside and renamed in whole: a failure half way
leaves the target as it was. Formula neutralization is for spreadsheets only: the neo4j-csv import
files keep ``-001`` verbatim while ``gaps -f csv`` still writes ``'-001``.

Never aim these tests at ``/dev/stdout`` or ``/dev/full`` themselves when running as root: the code
before the fix replaced the node it was given (the tests use links and ``mknod`` copies in temp dirs).
"""

from __future__ import annotations

import csv
import errno
import os
import select
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import IN_CI
from typer.testing import CliRunner

from orgnet.cli import app
from tests.conftest import TINY

runner = CliRunner()
AS_OF = "2012-06-30"
ORGNET = [sys.executable, "-c", "from orgnet.cli import main; main()"]

#: Commands that write one file, as (arguments before -o, a check of the bytes written).
FILE_COMMANDS = {
    "gaps-csv": (["gaps", str(TINY), "--as-of", AS_OF, "-f", "csv"], lambda b: b.startswith(b"org_id,")),
    "gaps-table": (["gaps", str(TINY), "--as-of", AS_OF], lambda b: b.startswith(b"org_id,")),
    "export-graphml": (["export", str(TINY), "--to", "graphml"], lambda b: b"<graphml" in b),
    "viz": (["viz", str(TINY), "--as-of", AS_OF], lambda b: b"<html" in b.lower()),
    "chart": (["chart", str(TINY), "--as-of", AS_OF, "--lang", "en"], lambda b: b"<svg" in b),
    "report": (["report", str(TINY), "--as-of", AS_OF, "--lang", "en"], lambda b: b"<html" in b.lower()),
}


def _name(command: str) -> str:
    return "out.svg" if command == "chart" else "out.file"


def _read_fifo_while(proc: subprocess.Popen, fifo: Path, timeout: float = 120) -> bytes:
    """Everything written into ``fifo`` while ``proc`` runs (a reader that never blocks the test)."""
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    chunks, deadline = [], time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            select.select([fd], [], [], 0.1)
            chunk = os.read(fd, 1 << 16)
            if chunk:
                chunks.append(chunk)
            elif proc.poll() is not None:
                break
            else:
                time.sleep(0.02)
    finally:
        os.close(fd)
    return b"".join(chunks)


# -- 1. special files are streamed into, never replaced ---------------------------------------------
@pytest.mark.parametrize("command", ["gaps-csv", "gaps-table", "export-graphml", "chart"])
def test_fifo_is_written_in_place(command, tmp_path):
    args, looks_right = FILE_COMMANDS[command]
    fifo = tmp_path / _name(command)
    os.mkfifo(fifo)
    proc = subprocess.Popen([*ORGNET, *args, "-o", str(fifo)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    data = _read_fifo_while(proc, fifo)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced by a file"
    assert looks_right(data), data[:200]
    assert os.listdir(tmp_path) == [fifo.name]


def _full_device(tmp_path: Path, name: str) -> Path:
    """A character device that refuses writes with ENOSPC: a mknod copy of /dev/full (root), else /dev/full."""
    node = tmp_path / name
    full = os.stat("/dev/full")
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, full.st_rdev)
    except PermissionError:
        if os.geteuid() == 0 or name != "full":  # root without CAP_MKNOD (never touch the real node), or .svg
            (pytest.fail if IN_CI else pytest.skip)(f"cannot mknod a copy of /dev/full as {name}")
        return Path("/dev/full")  # not root: the old code could not replace it either
    return node


@pytest.mark.parametrize("command", ["gaps-csv", "export-graphml", "chart"])
def test_full_character_device_is_one_line_and_exit_2(command, tmp_path):
    args, _ = FILE_COMMANDS[command]
    device = _full_device(tmp_path, "full.svg" if command == "chart" else "full")
    result = runner.invoke(app, [*args, "-o", str(device)])
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert stat.S_ISCHR(os.lstat(device).st_mode), "the device was replaced by a file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ([device.name] if device.parent == tmp_path else [])


@pytest.mark.parametrize("command", ["gaps-csv", "export-graphml"])
def test_link_to_own_stdout_writes_to_stdout(command, tmp_path):
    """A link to /proc/self/fd/1 (what /dev/stdout is) writes into stdout at its offset; "wrote …" goes
    to stderr so the stream holds only the output."""
    args, looks_right = FILE_COMMANDS[command]
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    captured = tmp_path / "captured"
    captured.write_bytes(b"kept\n")
    with open(captured, "ab") as stdout:
        done = subprocess.run([*ORGNET, *args, "-o", str(link)], stdout=stdout, stderr=subprocess.PIPE, timeout=120)
    assert done.returncode == 0, done.stderr
    assert os.readlink(link) == "/proc/self/fd/1", "the link was replaced"
    data = captured.read_bytes()
    assert data.startswith(b"kept\n") and looks_right(data[len(b"kept\n"):]), data[:200]
    assert b"wrote" not in data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["captured", "stdout"]


@pytest.mark.parametrize("command", ["gaps-csv", "export-graphml", "viz"])
def test_link_to_a_file_writes_the_file_and_keeps_the_link(command, tmp_path):
    args, looks_right = FILE_COMMANDS[command]
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / _name(command)
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / _name(command)
    link.symlink_to(Path("real") / _name(command))
    result = runner.invoke(app, [*args, "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and looks_right(target.read_bytes())
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file replaced keeps its permissions
    assert os.listdir(tmp_path / "real") == [target.name]


@pytest.mark.parametrize("command", list(FILE_COMMANDS))
def test_folder_or_unwritable_path_is_one_line_and_exit_2(command, tmp_path):
    args, _ = FILE_COMMANDS[command]
    folder = tmp_path / _name(command)
    folder.mkdir()
    result = runner.invoke(app, [*args, "-o", str(folder)])
    assert result.exit_code == 2, result.output
    assert "is a folder" in result.output and len(result.output.strip().splitlines()) == 1, result.output
    assert folder.is_dir() and not any(folder.iterdir())
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = runner.invoke(app, [*args, "-o", str(blocker / _name(command))])  # under a file: cannot be made
    assert result.exit_code == 2, result.output
    assert "cannot write" in result.output and "internal error" not in result.output
    assert blocker.read_text() == "x"


# -- 2. folder outputs are put in place whole --------------------------------------------------------
def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _fail_after(monkeypatch, owner, name: str, calls: int, exc: BaseException) -> None:
    """Make ``owner.name`` raise ``exc`` from its call number ``calls + 1`` on."""
    real, seen = getattr(owner, name), []

    def failing(*args, **kwargs):
        seen.append(1)
        if len(seen) > calls:
            raise exc
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, failing)


@pytest.mark.parametrize("earlier", [False, True])
def test_neo4j_csv_export_failing_half_way_changes_nothing(earlier, tmp_path, monkeypatch):
    import orgnet.export

    out = tmp_path / "import"
    if earlier:
        assert runner.invoke(app, ["export", str(TINY), "--to", "neo4j-csv", "-o", str(out)]).exit_code == 0
    before = _snapshot(out) if earlier else None
    _fail_after(monkeypatch, orgnet.export, "_csv_bytes", 1, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    result = runner.invoke(app, ["export", str(TINY), "--to", "neo4j-csv", "-o", str(out), "--as-of", AS_OF])
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.output and "nothing there was changed" in result.output
    assert (_snapshot(out) if out.exists() else None) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == (["import"] if earlier else [])


def test_neo4j_csv_export_replaces_an_earlier_export_and_refuses_other_folders(tmp_path):
    out = tmp_path / "import"
    assert runner.invoke(app, ["export", str(TINY), "--to", "neo4j-csv", "-o", str(out)]).exit_code == 0
    (out / "rels_STALE_A_B.csv").write_text("stale")  # an earlier export of other data
    assert runner.invoke(app, ["export", str(TINY), "--to", "neo4j-csv", "-o", str(out), "--as-of", AS_OF]).exit_code == 0
    assert "rels_STALE_A_B.csv" not in os.listdir(out) and "IMPORT.txt" in os.listdir(out)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    result = runner.invoke(app, ["export", str(TINY), "--to", "neo4j-csv", "-o", str(mine)])
    assert result.exit_code == 2 and "notes.txt" in result.output, result.output
    assert os.listdir(mine) == ["notes.txt"]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@pytest.mark.parametrize("earlier", [False, True])
def test_generate_failing_half_way_changes_nothing(fmt, earlier, tmp_path, monkeypatch):
    import orgnet.errors
    import orgnet.generate.writing as writing
    from orgnet.generate import generate

    out = tmp_path / "longyou"
    if earlier:
        generate("longyou", 1, out, fmt=fmt)
    before = _snapshot(out) if earlier else None
    if fmt == "csv":
        _fail_after(monkeypatch, writing, "cell_text", 5_000, RuntimeError("disk gone"))  # inside a file's rows
    else:
        _fail_after(monkeypatch, writing, "_csv_to_parquet", 1, RuntimeError("disk gone"))
    with pytest.raises(RuntimeError, match="disk gone"):
        generate("longyou", 2, out, fmt=fmt)
    assert (_snapshot(out) if out.exists() else None) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == (["longyou"] if earlier else [])
    monkeypatch.undo()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(orgnet.errors.InputError, match="notes.txt"):
        generate("longyou", 1, tmp_path / "mine", fmt=fmt)
    assert os.listdir(tmp_path / "mine") == ["notes.txt"]


# -- 3. neutralize only what a spreadsheet reads -----------------------------------------------------
def _with_org_id(folder: Path, old: str, new: str) -> None:
    """Rename an organization id in every table of a copied dataset."""
    for path in folder.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [[new if cell == old else cell for cell in row] for row in csv.reader(fh)]
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(rows)


def test_neo4j_csv_keeps_ids_verbatim_and_gaps_csv_still_neutralizes(tmp_path):
    data = tmp_path / "tiny"
    shutil.copytree(TINY, data)
    _with_org_id(data, "O1", "-001")
    out = tmp_path / "import"
    result = runner.invoke(app, ["export", str(data), "--to", "neo4j-csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    cells = {}
    for path in sorted(out.glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for column, value in row.items():
                    cells.setdefault(value, set()).add(f"{path.name}:{column}")
    assert not any(value.startswith("'") for value in cells), sorted(v for v in cells if v.startswith("'"))
    where = cells["-001"]
    assert "nodes_Organization.csv:id:ID(Organization)" in where  # the node,
    assert "nodes_Body.csv:org_id" in where  # a property naming it,
    assert "rels_BELONGS_TO_Body_Organization.csv::END_ID(Organization)" in where  # and a relationship's end
    gaps = runner.invoke(app, ["gaps", str(data), "--as-of", AS_OF, "-f", "csv"])
    assert gaps.exit_code == 0 and "\n'-001," in gaps.stdout, gaps.stdout[:300]
