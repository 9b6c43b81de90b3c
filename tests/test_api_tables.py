"""``Network.tables``: the validated tables with exactly their schema's columns, nothing internal."""

from __future__ import annotations

import pandas as pd
import pytest

import orgnet
from orgnet.schema import SCHEMA
from tests.conftest import TINY


@pytest.fixture(scope="module")
def net():
    return orgnet.load(TINY)


def test_every_table_has_exactly_the_schema_columns(net):
    assert list(net.tables) == list(SCHEMA.tables)
    for name, frame in net.tables.items():
        assert list(frame.columns) == list(SCHEMA.table(name).columns), name
        assert "_row" not in frame.columns
    assert len(net.tables["posts"]) == 31 and len(net.tables) == len(SCHEMA.tables)


def test_the_values_are_the_validated_ones(net):
    internal = net.dataset.tables["bodies"]
    pd.testing.assert_frame_equal(net.tables["bodies"], internal.drop(columns="_row"))
    assert net.tables["bodies"]["founded"].dtype == internal["founded"].dtype  # dates stay dates


def test_changing_a_table_leaves_the_network_alone(net):
    posts = net.tables["posts"]
    posts.loc[0, "role"] = "changed"
    posts["extra"] = 1
    assert net.dataset.tables["posts"].loc[0, "role"] != "changed"
    assert "extra" not in net.tables["posts"].columns
    assert net.overlaps(as_of="2012-06-30", lens="all").person_id.tolist() == ["P4", "P6", "P7", "P1", "P2", "P3"]


def test_a_merge_carries_no_internal_column(net):
    merged = net.tables["posts"].merge(net.tables["bodies"], left_on="body_id", right_on="id")
    assert not [c for c in merged.columns if c.startswith("_")]


def test_tables_left_out_on_purpose_are_not_listed(tmp_path):
    net = orgnet.load(TINY, tables=orgnet.TABLES_USED["gaps"])
    assert set(net.tables) == set(orgnet.TABLES_USED["gaps"])
    with pytest.raises(orgnet.OrgnetError, match="the table people was not read"):
        net.tables["people"]


def test_tables_taken_out_load_again(net):
    # an analyst filters a table and loads the tables again: dates go back as days, not timestamps
    tables = dict(net.tables)
    tables["posts"] = tables["posts"][tables["posts"].person_id != "P12"]
    again = orgnet.load(tables)
    assert again.tables["posts"].start.dtype == net.tables["posts"].start.dtype
    pd.testing.assert_frame_equal(again.gaps(as_of="2012-06-30"), net.gaps(as_of="2012-06-30"))
    assert "P12" not in again.overlaps(as_of="2012-01-01", lens="all").person_id.tolist()
