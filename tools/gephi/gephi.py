#!/usr/bin/env python3
"""Open graph files in the Gephi Toolkit 0.10.1 (the library inside Gephi), headless, and report
what arrived as JSON: the real client for orgnet's GEXF and GraphML exports.

The jars come from Maven Central through ``tools/gephi/pom.xml`` (copied once into
``tools/gephi/lib/``, 121 jars, 89 MB; ``net.java.dev:stax-utils`` is excluded, it is not on Maven
Central and the importers do not need it). ``GephiImport.java`` runs with Java's single-file source
launcher (``java -cp 'lib/*' GephiImport.java FILE…``): nothing to build.

Library use (``tests/test_gephi.py``)::

    from gephi import open_files            # tools/gephi on sys.path
    for found in open_files([path]):        # one dict per file
        found["nodes"], found["edges"], found["issues"], found["node_columns"], ...

Command line::

    python tools/gephi/gephi.py fetch            # only fetch the jars
    python tools/gephi/gephi.py FILE...          # prints the JSON

Needs a Java 17 JDK (the source launcher compiles with the JDK's ``jdk.compiler``; a JRE will not do)
and, until the jars are in ``lib/``, Maven (``mvn``): ``make system-deps`` installs both.
Only the standard library is used.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
POM = HERE / "pom.xml"
LIB = HERE / "lib"
LOCK = HERE / ".lib.lock"
SOURCE = HERE / "GephiImport.java"
STAMP = ".pom.sha256"  # inside lib/: hash of the pom the jars were copied for
JVM_FLAGS = ["-Djava.awt.headless=true", "-Xmx2g", "-Dfile.encoding=UTF-8", "-XX:+UseSerialGC",
             "-Dorg.netbeans.core.startup.level=OFF"]


class GephiError(RuntimeError):
    """The jars could not be fetched, or the toolkit failed on a file."""


def java() -> str | None:
    """The ``java`` to run: ``$JAVA_HOME/bin/java``, else the one on PATH."""
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def unavailable() -> str | None:
    """Why the toolkit cannot run here (no Java; no jars and no Maven), or None."""
    if java() is None:
        return "no Java (needed to run the Gephi Toolkit)"
    if not (Path(java()).resolve().parent / "javac").exists():
        return "Java without its compiler (a JRE): the source launcher needs a JDK (openjdk-17-jdk-headless)"
    if not _ready(LIB) and shutil.which("mvn") is None:
        return "no Maven and no Gephi Toolkit jars in tools/gephi/lib"
    return None


def _want() -> str:
    return hashlib.sha256(POM.read_bytes()).hexdigest()


def _ready(lib: Path) -> bool:
    stamp = lib / STAMP
    return stamp.is_file() and stamp.read_text().strip() == _want() and any(lib.glob("*.jar"))


def ensure_jars(lib: Path = LIB) -> Path:
    """Copy the toolkit's jars into ``lib`` unless already there for this pom (a file lock makes
    parallel callers wait; the copy goes to a temp dir renamed into place)."""
    if _ready(lib):
        return lib
    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _ready(lib):
            return lib
        mvn = shutil.which("mvn")
        if not mvn:
            raise GephiError("Maven ('mvn') not found on PATH; needed once to fetch the Gephi Toolkit jars "
                             "(make system-deps)")
        print(f"gephi: copying the Gephi Toolkit jars into {lib} (first run downloads from Maven Central)...",
              file=sys.stderr, flush=True)
        tmp = Path(tempfile.mkdtemp(prefix=".lib-", dir=lib.parent))
        try:
            cmd = [mvn, "-B", "-q", "-f", str(POM), "dependency:copy-dependencies", "-DincludeScope=runtime",
                   f"-DoutputDirectory={tmp}"]
            res = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 text=True)
            if res.returncode != 0 or not any(tmp.glob("*.jar")):
                tail = "\n".join(res.stdout.splitlines()[-40:])
                raise GephiError(f"mvn copy-dependencies failed (exit {res.returncode}):\n{tail}")
            (tmp / STAMP).write_text(_want() + "\n")
            if lib.exists():
                old = lib.with_name(f".lib-old-{os.getpid()}")
                os.rename(lib, old)
                shutil.rmtree(old, ignore_errors=True)
            os.rename(tmp, lib)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return lib


def open_files(paths, merge: str | None = None, timeout: float = 600) -> list[dict]:
    """Import each file with Gephi's importers into its own workspace; one dict per file (see
    ``GephiImport.java``). ``merge``: Gephi's edges merge strategy (default "Don't merge")."""
    lib = ensure_jars()
    cmd = [java() or "java", *JVM_FLAGS, "-cp", str(lib / "*"), str(SOURCE)]
    cmd += [f"--merge={merge}"] if merge else []
    cmd += [str(Path(p).resolve()) for p in paths]
    res = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    if res.returncode != 0:
        tail = "\n".join(res.stderr.decode("utf-8", "replace").splitlines()[-30:])
        raise GephiError(f"the Gephi Toolkit failed (exit {res.returncode}):\n{tail}")
    return json.loads(res.stdout.decode("utf-8"))


def main(argv: list[str]) -> int:
    if argv[:1] == ["fetch"]:
        print(ensure_jars())
        return 0
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    merge = next((a.split("=", 1)[1] for a in argv if a.startswith("--merge=")), None)
    print(json.dumps(open_files([a for a in argv if not a.startswith("--")], merge), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
