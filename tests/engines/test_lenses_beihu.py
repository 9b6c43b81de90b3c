"""On the Beihu sample: the village women's congress chairs the reports require in the two committees
(村妇代会主任100%进入村“两委”班子) are not post load. Who they are is worked out here from the CSV files,
not by orgnet."""

from __future__ import annotations

import pandas as pd
import pytest

from orgnet.rules import Rules
from tests.conftest import SAMPLES

AS_OF = pd.Timestamp("2012-06-30")


def _held(folder) -> pd.DataFrame:
    """Posts held on the day in active bodies, with the body's system, type and host organization."""
    posts = pd.read_csv(folder / "posts.csv", dtype=str, keep_default_na=False)
    bodies = pd.read_csv(folder / "bodies.csv", dtype=str, keep_default_na=False).rename(columns={"id": "body_id"})
    day = AS_OF.strftime("%Y-%m-%d")
    now = posts[((posts.start == "") | (posts.start <= day)) & ((posts.end == "") | (posts.end > day))]
    held = now.merge(bodies, on="body_id")
    return held[((held.founded == "") | (held.founded <= day)) & ((held.dissolved == "") | (held.dissolved > day))]


def required_only_chairs(folder) -> set[str]:
    """Congress chairs whose every other post is in their own village's party body or villagers' committee,
    and who hold at least one such post."""
    held = _held(folder)
    chairs = held[(held.type == "congress") & (held.role == "chair")][["person_id", "org_id"]]
    out = set()
    for person, village in zip(chairs.person_id, chairs.org_id):
        mine = held[held.person_id == person]
        other = mine[~((mine.type == "congress") & (mine.role == "chair"))]
        two_committees = (other.org_id == village) & ((other.system == "party") | (other.type == "villagers_committee"))
        if len(other) and two_committees.all():
            out.add(person)
    return out


@pytest.fixture(scope="module")
def beihu():
    if not SAMPLES["beihu"].is_dir():
        pytest.fail(f"{SAMPLES['beihu']} is missing")
    return SAMPLES["beihu"]


def test_required_congress_chairs_are_not_load(beihu, networkx_engines):
    chairs = required_only_chairs(beihu)
    assert len(chairs) >= 100  # the sample has 128 congresses, their chairs all in the two committees
    engine = networkx_engines(beihu)
    every = set(engine.answer("overlaps", as_of=AS_OF.date(), rules=Rules(overlap_lens="all")).person_id)
    assert chairs <= every  # the old view listed them all as 一人多职
    for extra in (1, 2):
        load = engine.answer("overlaps", as_of=AS_OF.date(), rules=Rules(min_extra_posts=extra))
        assert not chairs & set(load.person_id)
    cross = engine.answer("overlaps", as_of=AS_OF.date(), rules=Rules(overlap_lens="cross"))
    rules = dict(zip(cross.person_id, cross.rules))
    assert all("congress_chair_in_two_committees" in rules[p] for p in chairs)


def test_lens_all_is_everyone_with_two_posts(beihu, networkx_engines):
    counts = _held(beihu).groupby("person_id").size()
    frame = networkx_engines(beihu).answer("overlaps", as_of=AS_OF.date(), rules=Rules(overlap_lens="all"))
    assert set(frame.person_id) == set(counts[counts >= 2].index)
