"""Shared fixtures: the tiny hand-made dataset, the sample datasets, and engines by name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from orgnet.api import load_dataset
from orgnet.engines.networkx import NetworkxEngine
from tests.oracle import GraphWalk

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "data" / "tiny"
SAMPLES = {"longyou": ROOT / "data" / "longyou", "beihu": ROOT / "data" / "beihu"}
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def tiny_dataset():
    return load_dataset(TINY)


def _engines_by_path(kind):
    """A session cache: dataset path → ``kind(load_dataset(path))``, built once."""
    cache: dict[Path, object] = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = kind(load_dataset(path))
        return cache[path]

    return get


@pytest.fixture(scope="session")
def networkx_engines():
    """networkx engines (analyses on the fast path) by dataset path, built once per session."""
    return _engines_by_path(NetworkxEngine)


class Oracle:
    """The graph-walk reference (``tests/oracle.py``) answering as an engine does (``answer``)."""

    name = "graph-walk"

    def __init__(self, dataset):
        self.walk = GraphWalk(dataset)

    def answer(self, analysis: str, **args):
        return getattr(self.walk, analysis)(**args)


@pytest.fixture(scope="session")
def graph_walk_engines():
    """The graph-walk reference engines (``tests/oracle.py``) by dataset path, built once per session."""
    return _engines_by_path(Oracle)


def engine_on(request, name: str, path: Path):
    """The engine called ``name`` (networkx, graph-walk, neo4j) loaded with the dataset at ``path``."""
    fixture = {"networkx": "networkx_engines", "graph-walk": "graph_walk_engines"}.get(name, f"{name}_engine")
    return request.getfixturevalue(fixture)(path)


# -- Neo4j ----------------------------------------------------------------------------------------
NEO4J_TOOL = ROOT / "tools" / "neo4j" / "server.py"


def _neo4j_unavailable() -> str | None:
    """Why no throwaway Neo4j server can be started here, or None."""
    import shutil

    java_home = os.environ.get("JAVA_HOME")
    if not (java_home and (Path(java_home) / "bin" / "java").is_file()) and shutil.which("java") is None:
        return "no Java (needed to start the test Neo4j server; or set NEO4J_URI)"
    jars = any((NEO4J_TOOL.parent / "lib").glob("*.jar"))
    if not jars and shutil.which("mvn") is None:
        return "no Maven and no Neo4j jars in tools/neo4j/lib (needed for the test server; or set NEO4J_URI)"
    return None


@pytest.fixture(scope="session")
def neo4j_settings():
    """Where the test Neo4j server is: NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD when set (its orgnet
    nodes get wiped!), else a throwaway server started with tools/neo4j/server.py and stopped at the
    end. Without Java or Maven the Neo4j tests are skipped, except under CI=true, where they fail."""
    from orgnet.engines.neo4j import Settings

    if os.environ.get("NEO4J_URI"):
        yield Settings.resolve()
        return
    reason = _neo4j_unavailable()
    if reason:
        if IN_CI:
            pytest.fail(f"Neo4j tests cannot run under CI: {reason}")
        pytest.skip(reason)
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("orgnet_test_neo4j_server", NEO4J_TOOL)
    tool = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = tool  # its dataclasses look their module up while being defined
    spec.loader.exec_module(tool)
    server = tool.start()
    try:
        yield Settings(uri=server.uri, username=server.username, password=server.password)
    finally:
        tool.stop(server, remove_home=True)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings):
    from orgnet.engines.neo4j import open_driver

    driver = open_driver(neo4j_settings)
    yield driver
    driver.close()


@pytest.fixture(scope="session")
def neo4j_engine(neo4j_settings, neo4j_driver):
    """A function: dataset path (or validated Dataset) → Neo4jEngine with just that dataset loaded.

    The database is wiped and reloaded only when the dataset changes; ``neo4j_engine.forget()``
    after a test that changed the database behind its back."""
    from orgnet.dataset import Dataset
    from orgnet.engines.neo4j import Neo4jEngine, load_dataset as load_into, wipe

    engine = Neo4jEngine(neo4j_driver, neo4j_settings.database, neo4j_settings.uri)
    state = {"source": None, "schema": True}

    def loaded(source) -> bool:
        current = state["source"]
        if isinstance(source, Dataset) or isinstance(current, Dataset):
            return current is source
        return current is not None and Path(current) == Path(source)

    def get(source) -> Neo4jEngine:
        if not loaded(source):
            dataset = source if isinstance(source, Dataset) else load_dataset(source)
            wipe(neo4j_driver, neo4j_settings.database)
            load_into(neo4j_driver, dataset, database=neo4j_settings.database, schema=state["schema"])
            state.update(source=source, schema=False)
        return engine

    get.forget = lambda: state.update(source=None)
    get.driver = neo4j_driver
    get.settings = neo4j_settings
    return get


# -- Gephi Toolkit ----------------------------------------------------------------------------------
GEPHI_TOOL = ROOT / "tools" / "gephi" / "gephi.py"


@pytest.fixture(scope="session")
def gephi_toolkit():
    """``tools/gephi/gephi.py`` as a module: ``open_files(paths)`` opens files with the Gephi Toolkit's
    importers (its jars fetched from Maven Central on first use). Without Java, or without Maven and
    the jars, the Gephi tests are skipped, except under CI=true, where they fail."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("orgnet_test_gephi", GEPHI_TOOL)
    tool = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = tool
    spec.loader.exec_module(tool)
    reason = tool.unavailable()
    if reason:
        if IN_CI:
            pytest.fail(f"Gephi tests cannot run under CI: {reason}")
        pytest.skip(reason)
    tool.ensure_jars()
    return tool


@pytest.fixture(scope="module")
def cjk():
    """The CJK font family the charts draw with; skipped without one (failed under CI)."""
    from orgnet import plotting

    family = plotting.cjk_font()
    if family is None:
        if IN_CI:
            pytest.fail("no CJK font (apt-get install fonts-noto-cjk)")
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    return family
