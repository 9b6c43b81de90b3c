"""Loading into Neo4j: idempotent, all-or-nothing on bad input, batch size free, reloads move edges."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from orgnet.api import load_dataset
from orgnet.engines import neo4j as engine
from orgnet.engines.networkx import NetworkxEngine
from orgnet.errors import ValidationError
from orgnet.rules import Rules
from tests.conftest import TINY
from tests.engines.test_fast_path import answers

pytestmark = pytest.mark.neo4j


def db_counts(neo4j_engine) -> dict[str, int]:
    return engine.counts(neo4j_engine.driver, neo4j_engine.settings.database)


def all_analyses(eng, day="2012-06-30") -> dict[str, pd.DataFrame]:
    return answers(eng, day, Rules())


def assert_same_answers(a, b) -> None:
    for name, frame in a.items():
        pd.testing.assert_frame_equal(frame, b[name], obj=name)


def test_loading_twice_changes_nothing(neo4j_engine, tiny_dataset):
    eng = neo4j_engine(TINY)
    first, answers = db_counts(neo4j_engine), all_analyses(eng)
    again = engine.load_dataset(neo4j_engine.driver, tiny_dataset, database=neo4j_engine.settings.database)
    assert again == first
    assert first["Region"] == 6 and first["HOLDS"] == len(tiny_dataset["posts"])
    assert_same_answers(all_analyses(eng), answers)


def test_counts_match_the_dataset(neo4j_engine, tiny_dataset):
    neo4j_engine(TINY)
    counts = db_counts(neo4j_engine)
    for table in ("regions", "organizations", "bodies", "people", "demo_points", "venues"):
        label = {"regions": "Region", "organizations": "Organization", "bodies": "Body", "people": "Person",
                 "demo_points": "DemoPoint", "venues": "Venue"}[table]
        assert counts[label] == len(tiny_dataset[table]), table
    bodies = tiny_dataset["bodies"]
    assert counts["WomenBody"] == int((bodies.system == "women").sum())
    assert counts["BELONGS_TO"] == len(bodies)
    assert counts["WORKS_AT"] == int(tiny_dataset["people"].employer_org_id.notna().sum())


def test_small_batches_give_the_same_graph(neo4j_engine, tiny_dataset):
    eng = neo4j_engine(TINY)
    before, answers = db_counts(neo4j_engine), all_analyses(eng)
    seen = []
    engine.wipe(neo4j_engine.driver, neo4j_engine.settings.database)
    neo4j_engine.forget()
    engine.load_dataset(neo4j_engine.driver, tiny_dataset, batch_size=3, database=neo4j_engine.settings.database,
                        progress=lambda table, done, total: seen.append((table, done, total)))
    assert db_counts(neo4j_engine) == before
    assert_same_answers(all_analyses(eng), answers)
    finals = {table: (done, total) for table, done, total in seen}
    assert all(done == total for done, total in finals.values())
    assert finals["posts"] == (len(tiny_dataset["posts"]),) * 2
    # really in batches of 3; with parallel workers the batches may commit in any order
    posts_done = [0] + [done for table, done, _ in seen if table == "posts" and done]
    batches = [now - prev for prev, now in zip(posts_done, posts_done[1:])]
    full, rest = divmod(len(tiny_dataset["posts"]), 3)
    assert sorted(batches, reverse=True) == [3] * full + ([rest] if rest else [])


def test_bad_rows_write_nothing(neo4j_engine, tmp_path):
    from typer.testing import CliRunner

    from orgnet.cli import app

    neo4j_engine(TINY)
    before = db_counts(neo4j_engine)
    bad = tmp_path / "bad"
    shutil.copytree(TINY, bad)
    with open(bad / "people.csv", "a", encoding="utf-8") as fh:
        fh.write("P99,新人,F,1990,college,true,,false\n")
    with open(bad / "posts.csv", "a", encoding="utf-8") as fh:
        fh.write("P99,B404,chair,2012-13-01,\n")  # no such body, no such date
    with pytest.raises(ValidationError):
        load_dataset(bad)
    s = neo4j_engine.settings
    env = {"NEO4J_URI": s.uri, "NEO4J_USERNAME": s.username, "NEO4J_PASSWORD": s.password or ""}
    result = CliRunner().invoke(app, ["load", str(bad), "--wipe", "--yes"], env=env)
    del env
    assert result.exit_code == 2, result.output
    assert "B404" in result.output and "nothing was loaded" in result.output
    assert db_counts(neo4j_engine) == before  # not even wiped


def test_wipe_leaves_other_labels_alone(neo4j_engine):
    neo4j_engine(TINY)
    driver, database = neo4j_engine.driver, neo4j_engine.settings.database
    engine.run_write(driver, "CREATE (:NotOrgnet {id: 'keep'})", database=database)
    try:
        deleted = engine.wipe(driver, database, batch_size=7)
        neo4j_engine.forget()
        assert deleted > 7  # several batches
        counts = db_counts(neo4j_engine)
        assert all(n == 0 for n in counts.values()), counts
        left = engine.run_read(driver, "MATCH (n:NotOrgnet) RETURN n.id AS id", database=database)
        assert left == [{"id": "keep"}]
    finally:
        engine.run_write(driver, "MATCH (n:NotOrgnet) DELETE n", database=database)


def test_reloading_changed_rows_moves_their_relationships(neo4j_engine, tmp_path):
    """Load tiny, then a copy where an organization moved, a body changed host and system, a person
    lost her employer and a body's dissolution was struck out: without --wipe, the graph is the new one."""
    neo4j_engine(TINY)
    changed = tmp_path / "changed"
    shutil.copytree(TINY, changed)

    def edit(table: str, row_id: str, **values) -> None:
        frame = pd.read_csv(changed / f"{table}.csv", dtype=str, keep_default_na=False)
        for column, value in values.items():
            frame.loc[frame["id"] == row_id, column] = value
        frame.to_csv(changed / f"{table}.csv", index=False)

    edit("organizations", "O3", region_id="R2")
    edit("bodies", "B4", org_id="O9")
    edit("bodies", "B18", system="party", type="branch")
    edit("bodies", "B15", dissolved="")
    edit("bodies", "B12", org_id="O5", region_id="")
    edit("people", "P1", employer_org_id="")
    dataset = load_dataset(changed)
    engine.load_dataset(neo4j_engine.driver, dataset, database=neo4j_engine.settings.database)
    neo4j_engine.forget()
    got = all_analyses(engine.Neo4jEngine(neo4j_engine.driver, neo4j_engine.settings.database))
    assert_same_answers(got, all_analyses(NetworkxEngine(dataset)))
    labels = engine.run_read(neo4j_engine.driver, "MATCH (b:Body {id: 'B18'}) RETURN labels(b) AS l",
                             database=neo4j_engine.settings.database)[0]["l"]
    assert sorted(labels) == ["Body", "PartyBody"]
    assert db_counts(neo4j_engine)["LOCATED_IN"] == len(dataset["organizations"])
