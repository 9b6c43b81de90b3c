"""Fixtures for the pictures: the tiny network, a copy with hostile names, the samples, a browser."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import orgnet
from tests.conftest import IN_CI, SAMPLES, TINY

AS_OF = "2012-06-30"
SCRIPT_NAME = "<script>alert(1)</script>王秀英"
IMG_NAME = "<img src=x onerror=alert(1)>金鑫机械"


@pytest.fixture(autouse=True)
def redact_key(monkeypatch):
    """A fixed redaction key, so no test writes ~/.config/orgnet/redact.key."""
    monkeypatch.setenv("ORGNET_REDACT_KEY", "orgnet-test-key")


@pytest.fixture(scope="session")
def tiny():
    return orgnet.load(TINY)


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory):
    """The tiny dataset with a person and an organization named like an attack."""
    out = tmp_path_factory.mktemp("hostile") / "tiny"
    shutil.copytree(TINY, out)
    people = pd.read_csv(out / "people.csv", dtype=str, keep_default_na=False)
    people.loc[people["id"] == "P1", "name"] = SCRIPT_NAME
    people.to_csv(out / "people.csv", index=False)
    orgs = pd.read_csv(out / "organizations.csv", dtype=str, keep_default_na=False)
    orgs.loc[orgs["id"] == "O8", "name"] = IMG_NAME
    orgs.to_csv(out / "organizations.csv", index=False)
    return out


@pytest.fixture(scope="session")
def hostile(hostile_dir):
    return orgnet.load(hostile_dir)


def sample_path(name: str):
    """A sample dataset's folder; skipped (failed under CI) while it is missing."""
    path = SAMPLES[name]
    if not (path / "organizations.csv").exists():
        if IN_CI:
            pytest.fail(f"sample dataset {path} is missing (orgnet generate --profile {name} {path})")
        pytest.skip(f"sample dataset {path} not generated yet")
    return path


@pytest.fixture(scope="session")
def samples():
    cache: dict[str, orgnet.Network] = {}

    def get(name: str) -> orgnet.Network:
        if name not in cache:
            cache[name] = orgnet.load(sample_path(name))
        return cache[name]

    return get


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the session's browser tests (skipped, or failed under CI, without it)."""
    from tests.browser import Chromium, require_chromium

    require_chromium()
    with Chromium() as browser:
        yield browser


class FactsOnly:
    """The embedded engine's answers, drawn from the facts as the Neo4j engine draws (no graph, no tables)."""

    name = "facts-only"

    def __init__(self, engine):
        self.engine = engine

    def answer(self, analysis: str, **args):
        return self.engine.answer(analysis, **args)

    def subgraph(self, as_of, people: bool = True):
        from orgnet.engines.subgraph import from_facts

        return from_facts(self, as_of)

    def close(self) -> None:
        pass
