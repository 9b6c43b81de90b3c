"""The house stays simple enough to see whole: no import cycle, small modules, short functions.

Every ``import`` counts, including those inside functions (a lazy import is still a dependency) and
under ``TYPE_CHECKING``. ``from X import name`` is an edge to ``X.name`` when that is a module, else
to ``X``. See docs/ARCHITECTURE.md for the layers these tests keep apart.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import networkx as nx
import pytest

import orgnet

MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60


def modules() -> dict[str, Path]:
    """Every orgnet module (imported, so a broken import fails here) → its source file."""
    found = {"orgnet": Path(orgnet.__file__)}
    for info in pkgutil.walk_packages(orgnet.__path__, "orgnet."):
        if info.name.endswith(".__main__"):  # runs the CLI when imported
            found[info.name] = Path(orgnet.__file__).parent.joinpath(*info.name.split(".")[1:]).with_suffix(".py")
            continue
        found[info.name] = Path(importlib.import_module(info.name).__file__)
    return found


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The orgnet modules ``name`` imports anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            out |= {f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names}
    return {m for m in out if m in known and m != name}


def import_graph() -> nx.DiGraph:
    found = modules()
    graph = nx.DiGraph()
    graph.add_nodes_from(found)
    for name, path in found.items():
        graph.add_edges_from((name, other) for other in imports(name, path, set(found)))
    return graph


def test_no_import_cycle():
    cycles = [sorted(c) for c in nx.strongly_connected_components(import_graph()) if len(c) > 1]
    assert cycles == []


def test_the_cycle_check_finds_a_cycle():
    """The check can fail: two modules importing each other make one component."""
    graph = import_graph()
    graph.add_edge("orgnet.results", "orgnet.analyses.gaps")  # gaps imports results already
    assert any(len(c) > 1 for c in nx.strongly_connected_components(graph))


def source_files() -> list[Path]:
    return sorted(Path(orgnet.__file__).parent.rglob("*.py"))


@pytest.mark.parametrize("path", source_files(), ids=lambda p: str(p.relative_to(Path(orgnet.__file__).parent)))
def test_module_and_functions_are_small(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES
    long = [f"{node.name}: {node.end_lineno - node.lineno + 1} lines" for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == []


def test_engines_share_no_base_class():
    """Engines by composition: each is its own class, answering through the registry."""
    from orgnet.engines.networkx import NetworkxEngine
    from orgnet.engines.neo4j import Neo4jEngine

    assert NetworkxEngine.__bases__ == (object,) and Neo4jEngine.__bases__ == (object,)


def test_the_oracle_shares_no_code_with_the_engines():
    """tests/oracle.py (and its oracle_seats.py) import from orgnet only contracts, thresholds and schema
    and rule data."""
    used = set()
    for name in ("oracle.py", "oracle_seats.py"):
        tree = ast.parse((Path(__file__).parent / name).read_text(encoding="utf-8"))
        used |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
                 and node.module.startswith("orgnet")}
    assert used <= {"orgnet.analyses", "orgnet.results", "orgnet.rules", "orgnet.schema", "orgnet.sanctioned"}
