"""bench.run.targets: the verdicts of issue #8's targets, read off benchmark records.

The Neo4j targets are judged on the running server; a brand-new JVM's figures are reported on
lines marked cold (bench/README.md, "How the Neo4j targets are read").
"""

from bench.run import targets


def neo4j_records(*, rows_per_s, running_rows_per_s, first, running_first, second):
    load = {"n": 100_000, "task": "neo4j_load", "orgnet_s": 50.0, "speedup_vs_naive": 200.0,
            "rows_per_s": rows_per_s, "statement_rows_per_s": rows_per_s * 1.6,
            "running_rows_per_s": running_rows_per_s}
    stats = {"n": 100_000, "task": "neo4j_stats", "orgnet_s": first, "running_first_s": running_first,
             "second_s": second}
    gaps = {"n": 100_000, "task": "neo4j_gaps", "orgnet_s": 1.0, "running_first_s": 1.0, "second_s": 1.0}
    return [load, stats, gaps]


RUNNING_LOAD = "Neo4j batched ≥ 20,000 rows/s at 100k: a load on the running server"
RUNNING_FIRST = "each shipped query < 5 s at 100k: first run after a load on the running server (planned anew)"
SECOND = "each shipped query < 5 s at 100k: second run (plan cached)"


def verdicts(records) -> dict[str, str]:
    return {target: verdict for target, _, verdict in targets(records)}


def test_running_server_judged_cold_jvm_reported():
    v = verdicts(neo4j_records(rows_per_s=19_000, running_rows_per_s=28_000, first=6.8, running_first=3.9,
                               second=2.8))
    assert v["Neo4j batched ≥ 20× naive at 100k"] == "met"
    assert v[RUNNING_LOAD] == "met"
    assert v[RUNNING_FIRST] == "met"
    assert v[SECOND] == "met"
    cold = {t: x for t, x in v.items() if "cold" in t}
    assert len(cold) == 2 and set(cold.values()) == {"cold: missed"}
    assert "NOT met" not in v.values()


def test_running_server_misses_are_not_met():
    v = verdicts(neo4j_records(rows_per_s=21_000, running_rows_per_s=19_999, first=4.0, running_first=5.0,
                               second=5.5))
    assert v[RUNNING_LOAD] == "NOT met"
    assert v[RUNNING_FIRST] == "NOT met"
    assert v[SECOND] == "NOT met"
    assert {x for t, x in v.items() if "cold" in t} == {"cold: reached"}
