"""Run one command in a fresh process and measure it: wall time, peak RSS, exit status, timeout.

Peak memory is the child's own ``ru_maxrss`` from ``os.wait4`` (not ``RUSAGE_CHILDREN``, which is a
maximum over every child ever waited for). Linux folds the *parent's* peak RSS into a child's
maxrss when the child execs (the child starts as a copy of the parent), so the harness parent is
kept small: it never imports pandas or orgnet (the ``bench.run`` process stays under ~60 MB).

This module imports only the standard library.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
if not (VENV_BIN / "python").exists():  # a git worktree without its own venv: the running interpreter's
    VENV_BIN = Path(sys.executable).parent
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
ORGNET = str(VENV_BIN / "orgnet") if (VENV_BIN / "orgnet").exists() else "orgnet"


@dataclass
class Measured:
    """What one process did."""

    argv: list[str]
    wall_s: float  # wall time of the whole process, start to exit
    peak_mb: float  # ru_maxrss of the process (MiB)
    returncode: int | None  # None when it was killed for the timeout
    timed_out: bool = False
    stdout: str = ""
    stderr: str = ""
    report: dict = field(default_factory=dict)  # the JSON line a worker printed last, if any
    memory_limit: float | None = None  # set when it was killed for passing this RSS (MB)

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out

    def why(self) -> str:
        """One line saying what went wrong (empty when ok)."""
        if self.memory_limit is not None:
            return f"killed at {self.memory_limit:,.0f} MB RSS after {self.wall_s:.0f} s (--max-rss)"
        if self.timed_out:
            return f"timeout after {self.wall_s:.0f} s"
        if self.returncode == -9:
            return "killed by SIGKILL (out of memory?)"
        if self.returncode != 0:
            tail = (self.stderr.strip().splitlines() or [""])[-1]
            return f"exit {self.returncode}: {tail[:200]}"
        return ""


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def run(argv: list[str], timeout: float, env: dict | None = None, cwd: Path = ROOT, log: Path | None = None,
        max_rss_mb: float | None = None) -> Measured:
    """Run ``argv`` in a new session; kill its whole process group after ``timeout`` seconds, or as
    soon as its RSS passes ``max_rss_mb`` (a guard for shared machines; recorded as ``memory``)."""
    scratch = None
    if log is None:
        scratch = tempfile.mkdtemp(prefix="orgnet-bench-")
        log = Path(scratch) / "proc"
    out_path, err_path = Path(f"{log}.out"), Path(f"{log}.err")
    out_fh, err_fh = open(out_path, "wb"), open(err_path, "wb")
    full_env = dict(os.environ, **(env or {}))
    full_env.setdefault("PYTHONHASHSEED", "0")
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=full_env, stdin=subprocess.DEVNULL, stdout=out_fh, stderr=err_fh,
                            start_new_session=True)
    try:  # on a shared machine, if memory runs out, the kernel kills this process first, not a neighbour
        Path(f"/proc/{proc.pid}/oom_score_adj").write_text("1000")
    except OSError:
        pass
    deadline = t0 + timeout
    timed_out = killed_for_memory = False
    status = rusage = None
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            break
        over = max_rss_mb is not None and _rss_mb(proc.pid) > max_rss_mb
        if over or time.perf_counter() > deadline:
            timed_out = True
            killed_for_memory = over
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # the group this call created, nothing else
            except ProcessLookupError:
                pass
            pid, status, rusage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait for it again
    out_fh.close()
    err_fh.close()
    stdout = out_path.read_text(errors="replace")
    stderr = err_path.read_text(errors="replace")
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)
    report = {}
    for line in reversed(stdout.strip().splitlines()):
        if line.startswith("{"):
            try:
                report = json.loads(line)
            except json.JSONDecodeError:
                pass
            break
    return Measured(argv=list(argv), wall_s=wall, peak_mb=rusage.ru_maxrss / 1024, returncode=None if timed_out else proc.returncode,
                    timed_out=timed_out, stdout=stdout, stderr=stderr, report=report, memory_limit=max_rss_mb if killed_for_memory else None)


def self_peak_mb() -> float:
    """This process's own peak RSS (VmHWM), for workers that report it themselves."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
