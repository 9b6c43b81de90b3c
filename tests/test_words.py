"""The words officials use (issue #18, part 5), in what a person reads: the report, a view, the CLI.

The tiny dataset (tests/data/tiny) has what each word needs: gaps of the three coverage rules, two
women's bodies without a head (园区妇委会 and 县教育局机关妇委会, both committees: 妇委会主任), a
person in a villagers' committee (P1 and P2 in 东村村委会, 村（居）委会) and executive committee members
of the county federation (P6, P7). Old wording must be gone everywhere; the new wording must be there.
The report and the overlaps view look through the lens ``all``: under the default lens (``load``) P1 and P2
hold only sanctioned cross-appointments (村“两委”) and are not listed.
"""

from __future__ import annotations

import html

import pytest
from typer.testing import CliRunner

import orgnet
from orgnet import glossary
from orgnet.cli import app
from orgnet.rules import Rules
from orgnet.schema import SCHEMA
from orgnet.viz import charts
from tests.conftest import TINY

AS_OF = "2012-06-30"
ALL = Rules(overlap_lens="all")

#: Wording the issue replaces (its "today" column), and words the old code wrote beside them.
OLD = ["党建带妇建：组织覆盖与一人多职报告", "缺妇女工作委员会", "缺妇女工作联络员", "有党组织无妇女组织", "缺妇委会",
       "缺联络员", "缺妇女组织（虚线）", "妇女工作联络员（机构）", "人均任职数分布", "按乡镇/街道", "无在任主任", "无在任主席",
       "无在任书记", "无主任",
       "行政", "has no active", "organ women's committee", "Liaison compliance", "liaison check"]
#: The new words, each in the outputs that show it (report zh, report en, view, CLI).
NEW_REPORT_ZH = ["党建带妇建工作分析报告（妇女组织覆盖及交叉任职情况）", "应建未建妇委会（妇工委）",
                 "应设未设妇女工作联络员", "已建党组织未建妇女组织", "园区妇委会：妇委会主任空缺",
                 "县教育局机关妇委会：妇委会主任空缺", "个人在任职务数分布", "按乡镇（街道、园区）",
                 "党组织、村（居）委会、妇女组织"]
NEW_REPORT_EN = ["women's committees of Party or government organs",
                 "园区妇委会: no active women's committee chair", "Active posts held per person",
                 "by township (street, park)", "villagers' (residents') committee", "cross-appointments"]
NEW_VIEW = {"coverage": ["应建未建妇委会（妇工委）", "应设未设妇女工作联络员", "已建党组织未建妇女组织", "妇委会主任空缺",
                         "women's committee of a Party or government organ"],
            "overlaps": ["党政班子、村（居）委会", "村（居）委会 villagers' (residents') committee",
                         "执委 executive committee member"],
            "ego": ['"id": "Body:B7", "label": "村"', "村（居）委会 villagers' (residents') committee · 村委会"]}


def _absent(text: str, where: str) -> None:
    found = [old for old in OLD if old in text]
    assert found == [], f"{where} still says {found}"


def _present(text: str, words: list[str], where: str) -> None:
    missing = [new for new in words if new not in text]
    assert missing == [], f"{where} lacks {missing}"


@pytest.fixture(scope="module")
def tiny():
    return orgnet.load(TINY)


@pytest.mark.parametrize("lang, new", [("zh", NEW_REPORT_ZH), ("en", NEW_REPORT_EN)])
def test_report_says_the_new_words(tiny, tmp_path, lang, new):
    page = html.unescape(tiny.report(tmp_path / "report.html", AS_OF, ALL, lang=lang).read_text(encoding="utf-8"))
    _absent(page, f"the {lang} report")
    _present(page, new, f"the {lang} report")


@pytest.mark.parametrize("kind", ["coverage", "overlaps", "region", "ego"])
def test_views_say_the_new_words(tiny, kind):
    options = {"org": "O5"} if kind == "ego" else {"region": "R0"} if kind == "region" else {}
    page = html.unescape(tiny.view(kind, AS_OF, ALL, **options).html)
    _absent(page, f"the {kind} view")
    _present(page, NEW_VIEW.get(kind, []), f"the {kind} view")


def test_women_bodies_chart_counts_liaison_officers_as_people(tiny):
    stats = tiny.stats(AS_OF)
    labels = [t.get_text() for t in charts.women_bodies_chart(stats, "zh").axes[0].get_yticklabels()]
    assert "妇女工作联络员（人）" in labels and "妇女工作联络员（机构）" not in labels


def _cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_tables_and_help_say_the_new_words():
    gaps = _cli("gaps", str(TINY), "--as-of", AS_OF)  # the table, English details
    _absent(gaps, "orgnet gaps")
    _present(gaps, ["园区妇委会: no active women's committee chair",
                    "县教育局机关妇委会: no active women's committee chair"], "orgnet gaps")
    schema = _cli("schema")  # the rules with their Chinese names
    _absent(schema, "orgnet schema")
    _present(schema, ["应建未建妇委会（妇工委）", "应设未设妇女工作联络员", "已建党组织未建妇女组织"], "orgnet schema")
    check = _cli("liaison-check", str(TINY), "--year", "2012")
    _absent(check, "orgnet liaison-check")
    _present(check, ["guidance link check"], "orgnet liaison-check")
    _present(_cli("liaison-check", "--help"), ["Guidance links (挂钩联系)", "executive committee member"], "its help")


def test_every_body_type_has_a_head_title_naming_its_schema_head_role():
    """glossary.HEAD_TITLE follows schema.toml's [head_roles]: each title names the role that heads the type."""
    for system, types in SCHEMA.system_types.items():
        for type_ in types:
            entry = glossary.HEAD_TITLE.get((system, type_)) or glossary.HEAD_TITLE.get((system, ""))
            assert entry is not None, (system, type_)
            assert entry[0] == SCHEMA.head_roles(system, type_)[0], (system, type_, entry)


def test_head_titles_by_body_type():
    said = {(s, t): glossary.head_title(s, t, "zh") for s, t in
            [("women", "federation"), ("women", "committee"), ("women", "congress"), ("union", "committee"),
             ("party", "branch"), ("youth", "branch"), ("admin", "villagers_committee"),
             ("admin", "residents_committee")]}
    assert list(said.values()) == ["妇联主席", "妇委会主任", "妇代会主任", "工会主席", "党组织书记", "团组织书记",
                                   "村委会主任", "居委会主任"]


def test_admin_system_reads_by_body_type():
    assert glossary.system_words("admin", "zh", "team") == "党政班子"
    assert {glossary.system_words("admin", "zh", t) for t in ("villagers_committee", "residents_committee")} == {
        "村（居）委会"}
    assert "行政" not in "".join(glossary.system_words("admin", "zh", t) for t in SCHEMA.system_types["admin"])
