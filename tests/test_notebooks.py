"""The notebooks in notebooks/: stored stripped (exactly as notebooks/build.py writes them) and run top
to bottom in a real IPython kernel of this interpreter; the Neo4j one against the test server."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

from tests.conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
STORED = sorted(NOTEBOOKS.glob("*.ipynb"))


def _build_module():
    spec = importlib.util.spec_from_file_location("orgnet_notebooks_build", NOTEBOOKS / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- stored form ----------------------------------------------------------------------------------
def test_the_notebooks_are_there():
    assert [p.name for p in STORED] == ["01-explore.ipynb", "02-neo4j.ipynb"]


@pytest.mark.parametrize("path", STORED, ids=lambda p: p.name)
def test_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name} cell {index} has outputs: strip them (python notebooks/build.py)"
            assert cell.execution_count is None, f"{path.name} cell {index} has an execution count"
        assert set(cell.metadata) <= {"tags"}, f"{path.name} cell {index} metadata {dict(cell.metadata)}"
    assert set(nb.metadata) == {"kernelspec", "language_info"}


@pytest.mark.parametrize("path", STORED, ids=lambda p: p.name)
def test_stored_as_build_py_writes_them(path):
    build = _build_module()
    assert path.name in build.NOTEBOOKS
    assert path.read_text(encoding="utf-8") == build.text(path.name), (
        f"{path.name} differs from notebooks/build.py: edit the cells there and run python notebooks/build.py")


# -- execution ------------------------------------------------------------------------------------
def execute(name: str, tmp_path: Path, env: dict[str, str] | None = None):
    """Run a notebook top to bottom (a failing cell fails the test); the executed notebook and seconds.

    The kernel is this interpreter's own ipykernel (the native ``python3`` spec, not whatever kernel
    of that name is installed for the user), started in notebooks/ with its IPython and runtime
    files in ``tmp_path``.
    """
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    specs = KernelSpecManager(kernel_dirs=[], ensure_native_kernel=True)
    assert specs.get_kernel_spec("python3").argv[0] in (sys.executable, "python")
    km = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=specs,
                            connection_file=str(tmp_path / "kernel.json"))
    client = NotebookClient(nb, km=km, timeout=600, resources={"metadata": {"path": str(NOTEBOOKS)}})
    kernel_env = {**os.environ, **(env or {}), "IPYTHONDIR": str(tmp_path / "ipython"),
                  "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    started = time.perf_counter()
    client.execute(env=kernel_env, cleanup_kc=True)  # cleanup_kc: shut the kernel down (we own km)
    seconds = time.perf_counter() - started
    print(f"\n{name}: executed in {seconds:.1f} s; slowest cells: {', '.join(_slowest(nb))}")
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    return nb, seconds


def _slowest(nb, n: int = 3) -> list[str]:
    """The n slowest code cells as 'first line (seconds)', from nbclient's execution timestamps."""
    from datetime import datetime

    timed = []
    for c in nb.cells:
        stamps = c.metadata.get("execution", {})
        if c.cell_type == "code" and "iopub.execute_input" in stamps and "shell.execute_reply" in stamps:
            took = (datetime.fromisoformat(stamps["shell.execute_reply"].replace("Z", "+00:00"))
                    - datetime.fromisoformat(stamps["iopub.execute_input"].replace("Z", "+00:00")))
            timed.append((took.total_seconds(), c.source.splitlines()[0][:40]))
    return [f"{line!r} ({took:.1f} s)" for took, line in sorted(timed, reverse=True)[:n]]


def cell(nb, tag: str):
    found = [c for c in nb.cells if tag in c.metadata.get("tags", [])]
    assert found, f"no cell tagged {tag!r}"
    return found[0]


def text_of(code_cell) -> str:
    """Everything a cell showed, as text: streams, and each rich output's text/plain and text/html."""
    parts = []
    for output in code_cell.outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            parts.extend(output.data.get(kind, "") for kind in ("text/plain", "text/html"))
        elif output.output_type == "error":
            parts.append("\n".join(output.traceback))
    return "\n".join(parts)


AS_OF = "2012-06-30"


@pytest.fixture(scope="module")
def beihu():
    """What the notebooks should show, worked out here from the Beihu sample (the sample's outcomes
    are random draws: the tests read them rather than pin them)."""
    import orgnet

    net = orgnet.load(ROOT / "data" / "beihu")
    stats = net.stats(AS_OF)
    coverage = stats[(stats.level == "district") & (stats.figure == "two_new_coverage")].iloc[0]
    return {"coverage": f"{coverage.numerator} / {coverage.denominator} = {coverage.value}%",
            "top": net.overlaps(AS_OF).iloc[0], "key": net.key_people(AS_OF).iloc[0].person_id,
            "posts": len(net.tables["posts"]), "overlaps": len(net.overlaps(AS_OF)), "gaps": len(net.gaps(AS_OF)),
            "gapped": net.gaps(AS_OF).query("org_id != ''").org_id.nunique()}


def test_01_explore(tmp_path, record_property, beihu):
    nb, seconds = execute("01-explore.ipynb", tmp_path)
    record_property("seconds", round(seconds, 1))

    figures = text_of(cell(nb, "figures"))
    assert f"{beihu['coverage']} (the report: 44.3%)" in figures
    assert "two_new_coverage" in figures and "outcome" in figures and "input" in figures

    gaps = text_of(cell(nb, "gaps"))
    for rule in ("committee_required", "liaison_required", "party_without_women", "vacant_head"):
        assert rule in gaps
    assert "人民路街道" in text_of(cell(nb, "gaps-by-township"))  # rolled up to townships and streets

    shown = {}
    for view in ("ego-view", "coverage-view"):
        html = [o.data["text/html"] for o in cell(nb, view).outputs if "text/html" in o.get("data", {})]
        assert len(html) == 1 and '<iframe id="orgnet-view-' in html[0] and 'sandbox="allow-scripts"' in html[0], view
        shown[view] = html[0]
    counts = text_of(cell(nb, "coverage-view"))
    assert f"organizations with a gap: {beihu['gapped']:,}" in counts
    assert f"gap rows by rule: {beihu['gaps']:,}" in counts
    light_views(nb, shown)

    chart = cell(nb, "chart").outputs
    assert any("image/png" in o.get("data", {}) for o in chart)

    person = text_of(cell(nb, "person"))
    top = beihu["top"]  # the person with the most posts, her posts
    assert top.person_name in person and all(role in person for role in top.roles)
    assert beihu["key"] in text_of(cell(nb, "key-people"))
    composition = text_of(cell(nb, "composition"))
    assert "reserve_cadres_women" in composition and "True" in composition and "False" not in composition

    side_by_side = text_of(cell(nb, "what-if-dates"))
    assert "2011-06-30" in side_by_side and "2012-06-30" in side_by_side and "change" in side_by_side
    assert "20 (what if)" in text_of(cell(nb, "what-if-rules"))


def light_views(nb, shown: dict[str, str]) -> None:
    """The vis-network library is in the executed notebook once, with the first view; the next view
    costs kilobytes; the whole notebook stays under 1 MB (it was 2.9 MB with the library in each view)."""
    from orgnet.viz.inline import LIBRARY_ID, packed
    from orgnet.viz.page import vis_assets

    js, css = vis_assets()
    executed = nbformat.writes(nb)
    assert executed.count(js[:4000]) == 0 and executed.count(css[:4000]) == 0  # never inline
    assert executed.count(packed(js)[:4000]) == 1 and executed.count(LIBRARY_ID) == 1
    assert LIBRARY_ID in shown["ego-view"] and LIBRARY_ID not in shown["coverage-view"]
    assert len(shown["coverage-view"]) < 150_000, len(shown["coverage-view"])
    size = len(executed.encode("utf-8"))
    stored = (NOTEBOOKS / "01-explore.ipynb").stat().st_size
    print(f"01-explore.ipynb: {stored:,} bytes stored, {size:,} bytes executed")
    assert size < 1_000_000


@pytest.mark.neo4j
def test_02_neo4j(tmp_path, record_property, neo4j_settings, neo4j_engine, beihu):
    env = {"NEO4J_URI": neo4j_settings.uri, "NEO4J_USERNAME": neo4j_settings.username,
           "NEO4J_PASSWORD": neo4j_settings.password or ""}
    if neo4j_settings.database:
        env["NEO4J_DATABASE"] = neo4j_settings.database
    try:
        nb, seconds = execute("02-neo4j.ipynb", tmp_path, env)
    finally:
        neo4j_engine.forget()  # the notebook wiped and reloaded the database behind the fixture's back
    record_property("seconds", round(seconds, 1))

    shown = json.dumps([c.outputs for c in nb.cells if c.cell_type == "code"], ensure_ascii=False)
    if neo4j_settings.password:
        assert neo4j_settings.password not in shown, "the notebook showed the Neo4j password"

    connect = text_of(cell(nb, "connect"))
    assert neo4j_settings.uri in connect and "password: given" in connect
    assert str(beihu["posts"]) in text_of(cell(nb, "load"))  # HOLDS relationships read back from the server
    assert f"{beihu['overlaps']} people, identical on both engines" in text_of(cell(nb, "compare-overlaps"))
    assert f"{beihu['gaps']} rows, identical on both engines" in text_of(cell(nb, "compare-gaps"))
    assert "two_new_coverage" in text_of(cell(nb, "stats"))
    assert "same on both engines" in text_of(cell(nb, "adhoc-networkx"))
