"""The gap-rule registry: every record complete and wired into both engines; and the recipe for a new
rule (docs/ARCHITECTURE.md) followed with a toy rule, which then shows in the embedded and Neo4j
answers, a view's legend and the report without any other edit."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pandas as pd
import pytest

import orgnet
from orgnet import cypher, gap_rules
from orgnet.analyses import gaps
from orgnet.gap_rules import GAP_RULES, GapRule
from orgnet.rules import Rules
from tests.conftest import TINY

AS_OF = "2012-06-30"


def test_every_rule_is_wired_into_both_engines():
    text = cypher.read("queries/gaps.cypher")
    for rule in GAP_RULES:
        assert rule.id in gaps.PREDICATES, f"{rule.id}: no predicate in orgnet.analyses.gaps"
        assert re.search(rf"'{rule.id}'", text), f"{rule.id}: no branch in gaps.cypher"
    assert set(gaps.PREDICATES) == {r.id for r in GAP_RULES}


def test_a_record_lacking_a_part_fails_at_once():
    with pytest.raises(ValueError, match="lacks colour"):
        dataclasses.replace(GAP_RULES[0], colour="")
    with pytest.raises(ValueError, match="ghost_zh"):
        dataclasses.replace(GAP_RULES[0], ghost_zh="")


def test_thresholds_are_rules_fields():
    fields = {f.name for f in dataclasses.fields(Rules)}
    for rule in GAP_RULES:
        assert set(rule.thresholds) <= fields, rule.id


def test_the_markdown_lists_every_rule():
    table = gap_rules.rules_markdown()
    assert all(f"`{rule.id}`" in table and rule.zh in table for rule in GAP_RULES)


# -- the recipe, followed with a toy rule -------------------------------------------------------------
TOY = GapRule(
    id="toy_union_only", zh="有工会无妇女组织（测试）", en="gap: union, no women's body (toy)", requires="any",
    explanation_zh="测试用规则。", explanation_en="A toy rule: an active union body and no active women's body.",
    thresholds=(), colour="#123456", ghost="#654321", ghost_zh="缺妇女组织（测试）", ghost_en="missing (toy)",
    detail_en="union, no women's body", detail_zh="有工会无妇女组织")

TOY_BRANCH = """     + CASE
         WHEN size(women) = 0 AND EXISTS {
           MATCH (o)<-[:BELONGS_TO]-(u:UnionBody) WHERE active(u.founded, u.dissolved)
         } THEN [{rule: 'toy_union_only', party: []}]
         ELSE []
       END
"""


def toy_predicate(t, d, rules: Rules) -> pd.DataFrame:
    """An organization with an active union body and no active women's body."""
    women, _ = t.women_hosted(d, rules)
    union = d.active & t.is_in("bodies", "system", "union") & (t.body_host >= 0)
    has_union = np.zeros(len(women), bool)
    has_union[t.body_host[union]] = True
    return pd.DataFrame({"org": np.flatnonzero(has_union & (women == 0))})


@pytest.fixture
def toy_rule(monkeypatch):
    """The recipe's three edits: the record, the embedded predicate, the Cypher branch."""
    rules = (*GAP_RULES[:-1], TOY, GAP_RULES[-1])
    monkeypatch.setattr(gap_rules, "GAP_RULES", rules)
    monkeypatch.setattr(gap_rules, "RULES", {r.id: r for r in rules})
    monkeypatch.setattr(gap_rules, "RULE_IDS", tuple(r.id for r in rules))
    monkeypatch.setattr(gap_rules, "GHOST_RULES", tuple(r.id for r in rules if r.ghost))
    monkeypatch.setitem(gaps.PREDICATES, TOY.id, toy_predicate)
    marker = "     // rules: a new rule's branch goes here\n"
    shipped = cypher.read("queries/gaps.cypher")
    assert marker in shipped
    original = cypher.read

    def read(name: str) -> str:
        text = original(name)
        return text.replace(marker, TOY_BRANCH + marker) if name == "queries/gaps.cypher" else text

    monkeypatch.setattr(cypher, "read", read)
    return TOY


def toy_rows(frame: pd.DataFrame) -> list[tuple]:
    rows = frame[frame.rule == TOY.id]
    return list(zip(rows.org_id, rows.region_id, rows.detail, rows.required_body_type, rows.township_id))


# Worked by hand on tests/data/tiny: the only union body is B17 (小康超市工会, O3, founded 2010); O3
# has no women's body. Its region is R1 (东镇), a township.
EXPECTED_TOY = [("O3", "R1", "union, no women's body", "any", "R1")]


def test_toy_rule_on_the_embedded_engine(toy_rule):
    frame = orgnet.load(TINY).gaps(as_of=AS_OF)
    assert toy_rows(frame) == EXPECTED_TOY
    assert frame.rule.tolist().index(TOY.id) > frame.rule.tolist().index("party_without_women")  # registry order


def test_without_the_recipe_there_is_no_toy_rule():
    assert toy_rows(orgnet.load(TINY).gaps(as_of=AS_OF)) == []


@pytest.mark.neo4j
def test_toy_rule_on_neo4j(toy_rule, neo4j_engine):
    frame = neo4j_engine(TINY).answer("gaps", as_of=AS_OF, rules=Rules())
    assert toy_rows(frame) == EXPECTED_TOY


def test_toy_rule_in_a_view_legend_and_the_report(toy_rule, tmp_path):
    net = orgnet.load(TINY)
    page = net.view("coverage", as_of=AS_OF).html
    assert TOY.zh in page and TOY.colour in page
    report = net.report(tmp_path / "report.html", as_of=AS_OF).read_text(encoding="utf-8")
    assert TOY.zh in report
