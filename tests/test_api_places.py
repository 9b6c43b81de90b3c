"""Results carry region name, township id and name (``orgnet.places``, added once in ``Network.run``)."""

from __future__ import annotations

import pandas as pd
import pytest

import orgnet
from orgnet.analyses import ANALYSES, CONTRACTS
from tests.conftest import TINY

DAY = "2012-06-30"
# tests/data/tiny's tree: R0 测试县 (county) ← R1 东镇 (township) ← R3 东村; R0 ← R2 西街道 (street) ← R4 西社区;
# R0 ← R5 测试工业园区 (park). A county has no township above it.
TOWNSHIP = {"R0": ("", ""), "R1": ("R1", "东镇"), "R2": ("R2", "西街道"), "R3": ("R1", "东镇"), "R4": ("R2", "西街道"),
            "R5": ("R5", "测试工业园区"), "": ("", "")}


@pytest.fixture(scope="module")
def net():
    return orgnet.load(TINY)


def _args(name):
    args = {"as_of": DAY, "start": "2011-01-01", "end": DAY, "year": 2012, "person_id": "P2"}
    return {k: v for k, v in args.items() if k in ANALYSES[name].args}


@pytest.mark.parametrize("name", [n for n, a in ANALYSES.items() if {"region_id", "org_id"} & set(a.contract.columns)])
def test_every_result_with_a_region_or_an_organization_names_its_township(net, name):
    frame = net.run(name, **_args(name))
    assert {"region_id", "region_name", "township_id", "township_name"} <= set(frame.columns)
    assert list(frame.columns[:len(CONTRACTS[name].columns)]) == list(CONTRACTS[name].columns)  # added after
    for row in frame.itertuples():
        assert (row.township_id, row.township_name) == TOWNSHIP[row.region_id], (name, row)
    names = net.tables["regions"].set_index("id")["name"]
    assert frame.region_name.tolist() == [names.get(r, "") for r in frame.region_id]


def test_hand_worked_places(net):
    nameplates = net.nameplates(as_of=DAY)
    # O5 (东村村民委员会) is in R3 东村, under 东镇; O6 in R4 西社区, under 西街道; O8 in the park
    assert nameplates.drop_duplicates("org_id").set_index("org_id")[["region_id", "township_name"]].to_dict("index") == {
        "O5": {"region_id": "R3", "township_name": "东镇"}, "O6": {"region_id": "R4", "township_name": "西街道"},
        "O8": {"region_id": "R5", "township_name": "测试工业园区"}}
    impact = net.impact("P2", as_of=DAY)
    assert impact[["body_id", "region_name", "township_id"]].values.tolist() == [["B6", "东村", "R1"], ["B7", "东村", "R1"]]


def test_the_columns_are_text_without_missing_values(net):
    frame = net.stats(as_of=DAY)
    for column in ("region_name", "township_id", "township_name"):
        assert frame[column].notna().all() and all(isinstance(v, str) for v in frame[column])


def test_results_without_a_place_are_left_alone(net):
    frame = net.key_people(as_of=DAY)
    assert list(frame.columns) == list(CONTRACTS["key_people"].columns)


def test_without_the_regions_table_results_are_as_the_engine_gives(net):
    partial = orgnet.load(TINY, tables=("organizations", "bodies", "posts", "people"))
    assert partial.places is None
    pd.testing.assert_frame_equal(partial.run("active_posts", as_of=DAY), net.engine.answer("active_posts", as_of=DAY))
