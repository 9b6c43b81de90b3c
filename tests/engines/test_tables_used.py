"""Each analysis gives the same answer from only the tables ``TABLES_USED`` names as from all of them."""

import pandas as pd
import pytest

import orgnet
from orgnet import TABLES_USED, Rules
from orgnet.errors import InputError

DATASETS = ["tests/data/tiny", "data/longyou", "data/beihu"]
DAYS = ["2010-06-30", "2012-06-30"]


@pytest.fixture(scope="module", params=DATASETS)
def dataset(request):
    return request.param, orgnet.load(request.param)


@pytest.mark.parametrize("analysis", sorted(TABLES_USED))
def test_same_answer_from_the_tables_it_uses(dataset, analysis):
    path, whole = dataset
    part = orgnet.load(path, tables=TABLES_USED[analysis])
    assert set(part.dataset.tables) == set(TABLES_USED[analysis])
    for day in DAYS:
        if analysis == "liaison_check":
            args = (int(day[:4]),)
        else:
            args = (day,)
        expected = getattr(whole, analysis)(*args, rules=Rules())
        got = getattr(part, analysis)(*args, rules=Rules())
        assert len(expected) > 0 or path == "tests/data/tiny"
        pd.testing.assert_frame_equal(got, expected)


def test_a_table_left_out_is_named_when_asked_for():
    net = orgnet.load("tests/data/tiny", tables=TABLES_USED["gaps"])
    with pytest.raises(InputError, match="the table people was not read"):
        net.overlaps("2012-06-30")


def test_unknown_table_name_is_an_error():
    with pytest.raises(InputError, match="unknown table 'peeple'"):
        orgnet.load("tests/data/tiny", tables=["peeple"])


def test_problems_in_a_table_left_out_are_not_reported(tmp_path):
    import shutil

    shutil.copytree("tests/data/tiny", tmp_path / "d")
    people = tmp_path / "d" / "people.csv"
    lines = people.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("birth_year")] = "nineteen"
    people.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n", encoding="utf-8")
    with pytest.raises(orgnet.ValidationError) as whole:
        orgnet.load(tmp_path / "d")
    assert [p.column for p in whole.value.problems] == ["birth_year"]
    gaps = orgnet.load(tmp_path / "d", tables=TABLES_USED["gaps"]).gaps("2012-06-30")
    pd.testing.assert_frame_equal(gaps, orgnet.load("tests/data/tiny").gaps("2012-06-30"))


def test_problems_in_a_table_read_are_still_reported(tmp_path):
    import shutil

    shutil.copytree("tests/data/tiny", tmp_path / "d")
    posts = tmp_path / "d" / "posts.csv"
    posts.write_text(posts.read_text(encoding="utf-8") + "P1,NOPE,chair,2010-01-01,\n", encoding="utf-8")
    with pytest.raises(orgnet.ValidationError) as found:
        orgnet.load(tmp_path / "d", tables=TABLES_USED["gaps"])
    assert [(p.column, p.value, p.expected) for p in found.value.problems] == [("body_id", "NOPE", "an id from bodies")]
