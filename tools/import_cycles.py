"""Import every orgnet module, build the module-level import graph, and print its cycles.

Every ``import`` statement counts, including those inside functions (lazy imports) and under
``TYPE_CHECKING``: a module must not import, even lazily, a module that imports it back. ``from X
import name`` is an edge to ``X.name`` when that is a module, else to ``X``.

Usage: ``PYTHONPATH=src python tools/import_cycles.py [PACKAGE ...]``. It exits 1 when a cycle goes
through one of the PACKAGEs or a module under it (default ``orgnet.viz``, which covers a cycle between
``orgnet``/``orgnet.api`` and ``orgnet.viz.*``), and prints every cycle it finds.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import sys
from pathlib import Path

import networkx as nx


def modules(package: str = "orgnet") -> dict[str, Path]:
    """Every module of ``package`` (imported, so a broken import fails here) → its source file."""
    root = importlib.import_module(package)
    found = {package: Path(root.__file__)}
    for info in pkgutil.walk_packages(root.__path__, package + "."):
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
            for alias in node.names:
                out.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {m for m in out if m in known and m != name}


def main(prefixes: list[str]) -> int:
    found = modules()
    graph = nx.DiGraph()
    graph.add_nodes_from(found)
    for name, path in found.items():
        graph.add_edges_from((name, other) for other in imports(name, path, set(found)))
    print(f"{graph.number_of_nodes()} modules, {graph.number_of_edges()} imports")
    bad = 0
    for group in nx.strongly_connected_components(graph):
        if len(group) < 2:
            continue
        hit = any(m == p or m.startswith(p + ".") for m in group for p in prefixes)
        bad += hit
        print(("CYCLE " if hit else "cycle (outside the checked prefixes) ") + ", ".join(sorted(group)))
        for a, b in sorted(graph.subgraph(group).edges):
            print(f"    {a} -> {b}")
    print("no cycle through " + ", ".join(prefixes) if not bad else f"{bad} cycle(s) through " + ", ".join(prefixes))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["orgnet.viz"]))
