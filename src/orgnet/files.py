"""Writing files honestly: atomically onto regular files, in place into special ones, folders built aside.

``write_output`` is how every command writes a file (``-o``): a regular file or a new name is written
whole or not at all (a temporary file renamed into place, the old file's permissions kept; through a
symlink, the file it points to); a FIFO, a character device or this process's own stdout is written
in place; a folder or an unwritable path is one clear ``InputError``. ``write_folder`` builds a
multi-file output (``export --to neo4j-csv``, ``generate``) in a folder beside the target and renames
it into place whole: a failed run leaves the target as it was.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import re
import secrets
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import InputError


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write a regular file so that it is either whole or absent, never half-written (temp file +
    rename; a file replaced keeps its permissions). Outputs go through ``write_output``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode) if path.is_file() else 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def write_output(path: str | Path, data: str | bytes) -> Path:
    """Write one output file (``-o``) where ``path`` points; returns ``path``.

    A regular file or a new name is written atomically (``write_atomic``); through a symbolic link,
    the file it points to is, and the link stays. A FIFO, a character device and this process's own
    streams (``/dev/stdout``, ``/dev/fd/1``, ``/proc/self/fd/1``, a link to one) are opened and
    written in place, never replaced: ``-o /dev/stdout`` and ``-o fifo`` work in pipelines. A folder,
    a block device or socket, and any failed write (no permission, ``ENOSPC``, a closed pipe) are
    an ``InputError``: one line, exit 2.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_output(folder / "gaps.csv", "org_id\\nO1\\n").read_text()
    'org_id\\nO1\\n'
    >>> write_output(folder, "x")
    Traceback (most recent call last):
    ...
    orgnet.errors.InputError: ... is a folder; give a file name
    """
    path = Path(path)
    kind, target = _sink(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if kind == "file":
            write_atomic(target, payload)
        elif kind == "descriptor":
            _write_descriptor(target, payload)
        else:
            _write_descriptor(os.open(target, os.O_WRONLY | os.O_NOCTTY), payload, own=True)
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    return path


def writes_to_stdout(path: str | Path) -> bool:
    """Whether ``write_output(path, …)`` writes into this process's standard output (say "wrote"
    elsewhere then)."""
    try:
        return _sink(Path(path)) == ("descriptor", 1)
    except InputError:
        return False


#: This process's own descriptors by name: ``/dev/fd/N``, ``/proc/self/fd/N``, ``/proc/<pid>/fd/N``.
_OWN_DESCRIPTOR = re.compile(r"^/(?:dev/fd|proc/(?P<pid>self|thread-self|\d+)(?:/task/\d+)?/fd)/(?P<fd>\d+)$")
_STD_STREAMS = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}


def _own_descriptor(path: Path) -> int | None:
    """The descriptor of this process that ``path`` names (``/dev/stdout``, ``/proc/self/fd/1``), if any."""
    match = _OWN_DESCRIPTOR.match(str(path))
    if match and match["pid"] in (None, "self", "thread-self", str(os.getpid())):
        return int(match["fd"])
    return _STD_STREAMS.get(str(path))


def _sink(path: Path) -> tuple[str, Path | int]:
    """Where an output goes: ``("file", regular path)``, ``("stream", FIFO or device)`` or
    ``("descriptor", n)`` (this process's own descriptor), following symbolic links one by one."""
    here = Path(os.path.realpath(path.parent)) / path.name if path.name else Path(os.path.realpath(path))
    for _ in range(40):
        own = _own_descriptor(here)
        if own is not None:
            return "descriptor", own
        try:
            mode = os.lstat(here).st_mode
        except FileNotFoundError:
            return "file", here
        except OSError as exc:
            raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        if stat.S_ISLNK(mode):
            link = here.parent / os.readlink(here)  # an absolute link replaces here.parent
            here = Path(os.path.realpath(link.parent)) / link.name
        elif stat.S_ISREG(mode):
            return "file", here
        elif stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
            return "stream", here
        elif stat.S_ISDIR(mode):
            raise InputError(f"{path}: is a folder; give a file name")
        else:
            raise InputError(f"{path}: not a file, FIFO or character device; give a file name")
    raise InputError(f"{path}: too many levels of symbolic links")


def _write_descriptor(fd: int, payload: bytes, own: bool = False) -> None:
    """Write everything to a descriptor (to a duplicate of it unless ``own``) and close it."""
    import sys

    if not own:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        fd = os.dup(fd)
    with os.fdopen(fd, "wb") as fh:
        fh.write(payload)


@contextlib.contextmanager
def write_folder(folder: str | Path, ours: tuple[str, ...]) -> Iterator[Path]:
    """Build a folder of output files aside and put it in place whole: yields a new empty folder next
    to ``folder`` to write into; when the block ends well it becomes ``folder`` (one rename), and on
    any failure it is removed and ``folder`` is as it was.

    ``folder`` may be new, empty, or an earlier output: a folder holding only files named like
    ``ours`` (glob patterns), which the new one replaces. A folder holding anything else is refused
    (nothing of the user's is deleted); so are a file and a write that fails (``InputError``).

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "export"
    >>> with write_folder(out, ("*.csv",)) as aside:
    ...     _ = (aside / "nodes.csv").write_text("id\\n")
    >>> sorted(p.name for p in out.iterdir())
    ['nodes.csv']
    """
    shown = Path(folder)
    target = Path(os.path.realpath(shown))
    _check_replaceable(shown, target, ours)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as exc:
        raise InputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
    try:
        yield aside
        os.chmod(aside, stat.S_IMODE(os.stat(target).st_mode) if target.is_dir() else 0o777 & ~_umask())
        _put_in_place(aside, target)
    except OSError as exc:
        shutil.rmtree(aside, ignore_errors=True)
        raise InputError(f"{shown}: cannot write ({exc.strerror or exc}); nothing there was changed") from None
    except BaseException:
        shutil.rmtree(aside, ignore_errors=True)
        raise


def _check_replaceable(shown: Path, target: Path, ours: tuple[str, ...]) -> None:
    """Refuse a target that is a file, or a folder holding files other than an earlier output's."""
    if not os.path.lexists(target):
        return
    if not target.is_dir():
        raise InputError(f"{shown}: is a file; give a folder (new, empty, or an earlier output)")
    try:
        entries = list(os.scandir(target))
    except OSError as exc:
        raise InputError(f"{shown}: cannot write ({exc.strerror or exc})") from None
    foreign = sorted(e.name for e in entries
                     if not e.is_file(follow_symlinks=False) or not any(fnmatch.fnmatchcase(e.name, p) for p in ours))
    if foreign:
        listed = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise InputError(f"{shown}: holds files orgnet did not write ({listed}); give a new or empty folder")


def _put_in_place(aside: Path, target: Path) -> None:
    """Rename ``aside`` to ``target``; an earlier ``target`` is set aside first and removed after."""
    if not os.path.lexists(target) or not any(target.iterdir()):
        os.replace(aside, target)  # a new name, or an empty folder (rename(2) replaces it)
        return
    old = target.parent / f".{target.name}.old-{os.getpid()}-{secrets.token_hex(4)}"
    os.rename(target, old)
    try:
        os.rename(aside, target)
    except BaseException:
        os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)
