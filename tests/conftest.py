"""Shared fixtures: the tiny hand-made dataset, the sample datasets, and engines by name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from orgnet.api import load_dataset
from orgnet.engines.networkx import NetworkxEngine

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "data" / "tiny"
SAMPLES = {"longyou": ROOT / "data" / "longyou", "beihu": ROOT / "data" / "beihu"}
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def tiny_dataset():
    return load_dataset(TINY)


@pytest.fixture(scope="session")
def networkx_engines():
    """networkx engines by dataset path, built once per session."""
    cache: dict[Path, NetworkxEngine] = {}

    def get(path: Path) -> NetworkxEngine:
        if path not in cache:
            cache[path] = NetworkxEngine(load_dataset(path))
        return cache[path]

    return get
