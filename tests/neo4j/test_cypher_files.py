"""The shipped Cypher files agree with the schema and with the engine (no server needed)."""

from __future__ import annotations

import re
import tomllib

import pytest

from orgnet import cypher
from orgnet.analyses import ANALYSES as REGISTRY
from orgnet.engines.neo4j import load_plan, parameters, query_params, return_columns
from orgnet.graph import EDGES
from orgnet.results import FIGURES
from orgnet.rules import Rules
from orgnet.schema import SCHEMA
from tests.conftest import ROOT

NODE_LABELS = [t.label for t in SCHEMA.node_tables()]
ANALYSES = [name for name, record in REGISTRY.items() if record.kind == "analysis"]
FACTS = [name for name, record in REGISTRY.items() if record.kind == "fact"]


def test_every_analysis_has_a_query():
    assert set(ANALYSES) == set(cypher.queries())
    assert all(REGISTRY[name].cypher == f"queries/{name}.cypher" for name in ANALYSES)


def test_every_fact_has_a_query():
    assert set(FACTS) == set(cypher.facts())
    assert all(REGISTRY[name].cypher == f"facts/{name}.cypher" for name in FACTS)


@pytest.mark.parametrize("name", [*ANALYSES, *FACTS])
def test_query_declares_what_it_uses_and_the_engine_supplies_it(name):
    text = cypher.query(name)
    declared = cypher.params(name)
    assert cypher.used_params(text) == set(declared), "every $param used is a :param line, and no more"
    available = {**parameters(Rules(), as_of="2012-06-30", year=2012), "start": None, "end": None}
    assert set(query_params(text, available)) == set(declared)
    assert not re.search(r"\bapoc\.", text), "plain Cypher: runs without plugins"


def test_param_examples_are_the_defaults():
    """The :param lines show orgnet's default thresholds, so Browser users get the same answers."""
    defaults = parameters(Rules())
    for name in [*ANALYSES, *FACTS]:
        for param, example in cypher.params(name).items():
            if param in ("as_of", "year", "start", "end"):
                continue
            value = defaults[param]
            if isinstance(value, dict):
                value = {k: v for k, v in value.items()}
                assert all(f"{k}: {v!r}".replace('"', "'") in example for k, v in value.items()), (name, param)
            elif isinstance(value, list) and value and isinstance(value[0], dict):  # records: Cypher maps
                assert example == _literal(value), (name, param, example)
            else:
                assert example == repr(value).replace('"', "'"), (name, param, example)


def _literal(value) -> str:
    """A value written as a Cypher literal (maps with bare keys, true/false)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def test_stats_query_lists_every_figure_in_order():
    text = cypher.query("stats")
    found = re.findall(r"\['([a-z_.0-9]+)', '(count|percent|years)'", text)
    assert found == [(figure, spec.unit) for figure, spec in FIGURES.items()]


def test_stats_parts_are_whole_queries_with_the_same_columns():
    """The Neo4j engine runs each branch of stats' UNION on its own (``Neo4jEngine.run_parts``):
    every branch has the figure-row columns and only the figures of orgnet.results.FIGURES."""
    text = cypher.query("stats")
    parts = cypher.union_parts(text)
    assert len(parts) == 6
    for part in parts:
        assert return_columns(part) == ["region_id", "region_name", "level", "figure", "unit", "n", "d"]
        assert part.count("{") == part.count("}") and "UNION" not in part
        named = re.findall(r"'([a-z_.]+)' AS figure|\['([a-z_.]+)', [^,\]]+, ", part)  # [figure, n, d]
        assert named and {name for pair in named for name in pair if name} <= set(FIGURES)
    assert len(re.findall(r"^\s*UNION ALL\s*$", text, re.MULTILINE)) == 5  # no branch left out
    assert all(cypher.union_parts(cypher.query(name)) == [] for name in [*ANALYSES, *FACTS] if name != "stats")


def test_node_loads_write_every_schema_column():
    for table in SCHEMA.node_tables():
        text = cypher.read(f"load/{table.name}.cypher")
        assert f"MERGE ({text.split('MERGE (')[1].split(':')[0]}:{table.label} {{id: row.id}})" in text
        written = set(re.findall(r"\.`?(\w+)`? = row\.", text))
        assert written | {"id"} == set(table.columns), table.name


def test_relationship_loads_match_the_graph_model():
    for table, kind, (src, src_label), (dst, dst_label), attrs in EDGES:
        text = cypher.read(f"load/relationships/{kind.lower()}.cypher")
        assert f":{kind}" in text and f":{src_label} " in text and f":{dst_label} " in text, kind
        for column in (src, dst, *attrs):
            assert re.search(rf"row\.`?{column}\b", text), (kind, column)
            assert column in SCHEMA.table(table).columns


def test_body_labels_come_from_the_schema():
    labels = set(SCHEMA.system_labels.values())
    for system, label in SCHEMA.system_labels.items():
        text = cypher.read(f"load/body_labels/{system}.cypher")
        assert f"SET b:{label}" in text
        removed = set(re.search(r"REMOVE b((?::\w+)+)", text).group(1).strip(":").split(":"))
        assert removed == labels - {label}, system


def test_schema_has_a_constraint_per_label():
    statements = cypher.statements(cypher.read("schema.cypher"))
    for label in NODE_LABELS:
        assert any(f"(n:{label}) REQUIRE n.id IS UNIQUE" in s for s in statements), label
    assert all(s.startswith("CREATE ") and "IF NOT EXISTS" in s for s in statements)


def test_wipe_and_counts_cover_the_model():
    wipe = cypher.read("wipe.cypher")
    counts = cypher.read("counts.cypher")
    for label in NODE_LABELS:
        assert f"n:{label}" in wipe and f"(:{label})" in counts, label
    for label in SCHEMA.system_labels.values():
        assert f"(:{label})" in counts
    for _, kind, *_ in EDGES:
        assert f"[:{kind}]" in counts, kind


def test_load_plan_covers_every_table(tiny_dataset):
    steps = load_plan(tiny_dataset)
    tables = {s.table for s in steps}
    assert tables == {t.name for t in SCHEMA.node_tables()} | {e[0] for e in EDGES}
    order = [s.table for s in steps]
    for step in steps:  # a table loads after the tables it refers to
        for target in SCHEMA.table(step.table).refs().values():
            assert order.index(target) <= order.index(step.table)
    holds = next(s for s in steps if s.file.endswith("holds.cypher"))
    assert set(holds.rows[0]) == {"person_id", "body_id", "role", "start", "end"}


def test_files_ship_in_the_wheel():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    include = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert include.get("cypher") == "orgnet/cypher"
    assert (ROOT / "cypher" / "queries" / "gaps.cypher").is_file()


def test_a_fresh_load_drops_just_the_secondary_indexes():
    """load/drop_indexes.cypher names every index of schema.cypher (the fresh load creates them
    again after its last batch) and none of its uniqueness constraints (the load's lookups); then
    the retired ones, which schema.cypher no longer creates."""
    schema = cypher.read("schema.cypher")
    indexes = re.findall(r"^CREATE INDEX (\w+) IF NOT EXISTS", schema, re.MULTILINE)
    dropped = [re.fullmatch(r"DROP INDEX (\w+) IF EXISTS", s).group(1)
               for s in cypher.statements(cypher.read("load/drop_indexes.cypher"))]
    assert indexes and dropped[:len(indexes)] == indexes
    retired = dropped[len(indexes):]
    assert retired == ["body_system", "body_type", "body_region_id", "organization_two_new", "holds_role"]
    assert not any(re.search(rf"\b{name}\b", schema) for name in retired)
