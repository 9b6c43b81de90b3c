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
    """tests/oracle.py (and the modules it is split into) imports from orgnet only contracts,
    thresholds, schema data and the sanctioned cross-appointments' records."""
    for name in ("oracle.py", "oracle_graph.py", "oracle_plan.py", "oracle_seats.py"):
        tree = ast.parse((Path(__file__).parent / name).read_text(encoding="utf-8"))
        used = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
                and node.module.startswith("orgnet")}
        assert used <= {"orgnet.analyses", "orgnet.results", "orgnet.rules", "orgnet.schema", "orgnet.sanctioned"}, name


# -- words: every Chinese term a person reads comes from orgnet.glossary ---------------------------
HAN = "[\u3400-\u9fff]"
#: Modules that may hold Chinese string literals, and how many (a count may only go down): what they
#: hold is not a term an output shows, or is a text still to move into orgnet.glossary.
WORDS_ALLOWED = {
    "glossary.py": None, "glossary_columns.py": None, "glossary_views.py": None,  # the words
    "gap_rules.py": 16,  # each rule's record holds its names, explanation and detail templates (ARCHITECTURE.md)
    "sanctioned.py": 16,  # each sanctioned cross-appointment's record holds its names and the report's phrase
    "figures.py": 76,  # each figure's record holds its labels and the report's phrase it stands for
    "generate/figures.py": 25,  # the reports' phrases the samples' figure table quotes
    # sample data: names of places, organizations and people the generator writes
    "generate/beihu.py": 20, "generate/builder.py": 5, "generate/longyou.py": 14, "generate/names.py": 273,
    "generate/outreach.py": 1, "generate/scale_bodies.py": 29, "generate/scale_outreach.py": 1,
    "generate/scale_places.py": 21, "generate/two_new.py": 5, "generate/units.py": 14,
    # input: what a cell may say (是/否, 2012年6月30日) and what mis-decoded text looks like
    "validate/cells.py": 5, "validate/mojibake.py": 4, "schema.py": 1,
    "redact.py": 1,  # the pseudonym prefix 人员-
    "plotting.py": 1,  # a sample of Chinese glyphs to find a font that draws them
    "cli/__init__.py": 1, "analyses/overlaps.py": 1, "cli/analyses.py": 1,  # help texts quoting the reports
    # view tooltips, notes and facts still to move into the glossary
    "viz/scene/draw.py": 32, "viz/scene/tree.py": 5, "viz/views/diff.py": 30,
    "viz/views/ego.py": 8, "viz/views/overlaps.py": 8,
}


def han_literals(path: Path) -> list[str]:
    """The string literals (f-string parts included, docstrings not) in ``path`` holding a Chinese character."""
    import re

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and re.search(HAN, node.value)]


def test_chinese_words_come_from_the_glossary():
    """No module but orgnet.glossary (and the allow list, each at most its count) writes Chinese."""
    root = Path(orgnet.__file__).parent
    found = {str(p.relative_to(root)): len(han_literals(p)) for p in source_files()}
    over = {name: n for name, n in found.items() if n and name not in WORDS_ALLOWED}
    over |= {name: n for name, n in found.items() if WORDS_ALLOWED.get(name) is not None and n > WORDS_ALLOWED[name]}
    assert over == {}, "Chinese words outside orgnet.glossary (move them there): " + repr(over)


def test_the_words_check_finds_a_chinese_literal(tmp_path):
    """The check can fail: a Chinese literal in code counts, a docstring does not."""
    module = tmp_path / "m.py"
    module.write_text('"""文档。"""\nTITLE = f"缺妇委会 {1}"\nNAME = "x"\n', encoding="utf-8")
    assert han_literals(module) == ["缺妇委会 "]
