"""The report: one self-contained page with figures, charts, tables, the plan and the coverage view."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from orgnet.errors import InputError
from orgnet.redact import pseudonym
from orgnet.rules import Rules
from tests.viz.conftest import AS_OF, IMG_NAME, SCRIPT_NAME


@pytest.fixture(scope="module")
def tiny_report(tiny, tmp_path_factory):
    return tiny.report(tmp_path_factory.mktemp("report") / "report.html", AS_OF).read_text(encoding="utf-8")


def test_sections(tiny_report):
    page = tiny_report
    for heading in ("主要数据", "图表", "按规则统计的覆盖缺口", "主要覆盖缺口", "一人多职（职务最多者）", "下一步组建对象（前15家）",
                    "先建党组织（尚未建立党组织的单位）", "合适人选（名）", "依据", "覆盖情况网络图"):
        assert heading in page
    assert "截至 2012-06-30" in page and "测试县" in page


def test_figures_tables_and_plan(tiny, tiny_report):
    page = tiny_report
    coverage = tiny.stats(AS_OF).query("level == 'county' and figure == 'two_new_coverage'").iloc[0]
    assert f"{coverage.value:.1f}%" in page and f"{coverage.numerator:,} / {coverage.denominator:,}" in page
    for org in tiny.gaps(AS_OF).org_name.head(5):
        assert html.escape(org) in page
    assert "刘芳" in page  # top overlap under the lens "load" (P4)
    overlaps = page.split('id="top-overlaps"', 1)[1].split("</table>", 1)[0]
    assert "兼职负担" in page and "王秀英" not in overlaps  # P1, a congress chair in the two committees, is not load
    assert html.escape(tiny.plan(AS_OF).org_name.iloc[0]) in page


def test_plan_sections(tiny_report):
    """The build queue (organizations with a party body, 优秀 before 达标) with candidates by name and
    their posts, and the organizations without a party body in a section of their own."""
    own = tiny_report.split("<iframe", 1)[0]
    queue = own.split('id="plan"', 1)[1].split('id="party-first"', 1)[0]
    party_first = own.split('id="party-first"', 1)[1]
    assert queue.index("新光电子") < queue.index("未来科技") < queue.index("华美服装厂")
    assert "红星物流" not in queue and "红星物流" in party_first
    assert "黄娟（无在任职务）" in queue and "林芳（无在任职务）" in queue
    assert "党组织定级优秀；经营稳定；女职工队伍不稳定；有合适人选 1 名" in queue


def test_self_contained(tiny_report):
    page = tiny_report
    assert len(re.findall(r'<img alt="[^"]*" src="data:image/png;base64,', page)) == 3
    assert not re.search(r"<script[^>]+src=|<link", page)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    frame = re.search(r'<iframe srcdoc="([^"]*)"', page)
    view = html.unescape(frame.group(1))
    assert view.startswith("<!DOCTYPE html>") and "window.orgnetNetwork" in view
    assert "<script" not in page.split("<iframe", 1)[0]  # the report itself runs no script


def test_english(tiny, tmp_path):
    page = tiny.report(tmp_path / "r.html", AS_OF, lang="en").read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Key figures" in page and "Top post overlaps" in page
    with pytest.raises(InputError, match="zh or en"):
        tiny.report(tmp_path / "r.html", AS_OF, lang="fr")


def test_redacted(tiny, tmp_path):
    page = tiny.report(tmp_path / "r.html", AS_OF, redact=True).read_text(encoding="utf-8")
    view = html.unescape(re.search(r'<iframe srcdoc="([^"]*)"', page).group(1))
    for name in ("王秀英", "李强", "张丽", "刘芳", "黄娟", "林芳"):
        assert name not in page and name not in view
    assert pseudonym("P4") in page  # the overlaps table (load lens: P4, P6, P7)
    assert f"{pseudonym('P11')}（无在任职务）" in page  # a plan candidate, by her pseudonym
    assert ">P1<" not in page  # no person ids in the tables either
    assert "人员姓名已替换为化名" in page


def test_hostile_names_escaped(hostile, tmp_path):
    page = hostile.report(tmp_path / "r.html", AS_OF, rules=Rules(overlap_lens="all")).read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "<td class=\"c-person_name\">&lt;script&gt;alert(1)&lt;/script&gt;王秀英</td>" in page  # overlaps table, as text
    view = html.unescape(re.search(r'<iframe srcdoc="([^"]*)"', page).group(1))
    assert IMG_NAME not in view and "\\u003cimg src=x onerror=alert(1)\\u003e" in view


@pytest.mark.parametrize("name", ["beihu", "longyou"])
def test_sample_report_small(samples, tmp_path, name):
    path = samples(name).report(tmp_path / "report.html", AS_OF)
    assert path.stat().st_size < 10_000_000


@pytest.mark.parametrize("lang, said, unsaid", [("zh", "另有 9 个区域未显示", "more regions left out"),
                                               ("en", "9 more regions left out", "另有 9 个区域未显示")])
def test_view_notes_in_the_reports_language(samples, tmp_path, lang, said, unsaid):
    """A folded coverage view's note (Beihu's 19 tiles at --max-nodes 10: 9 more left out) reaches the
    report's own notes in the report's language only (the view page inside keeps both, as every view
    page does)."""
    page = samples("beihu").report(tmp_path / "r.html", AS_OF, lang=lang, max_nodes=10).read_text(encoding="utf-8")
    own = page.split("<iframe", 1)[0]
    assert said in own and unsaid not in own
    view = html.unescape(re.search(r'<iframe srcdoc="([^"]*)"', page).group(1))
    assert "另有 9 个区域未显示" in view and "9 more regions left out" in view


def test_tables_speak_the_reports_language(tiny, tiny_report, tmp_path):
    """Gap details, plan reasons, party grades and systems: the analyses' texts for programs
    (``female_staff=45``, ``2 candidate(s)``, ``admin;party``) become the report's words."""
    own = tiny_report.split("<iframe", 1)[0]
    gaps, plan = tiny.gaps(AS_OF), tiny.plan(AS_OF)
    assert gaps.detail.str.endswith(" female staff").any() and len(plan)
    for raw in ("female_staff=", "candidate(s)", "business ", "workforce ", "party excellent", "admin;", "party;"):
        assert raw not in own, raw
    for said in ("女职工", "经营", "职工队伍", "妇女组织、党组织"):
        assert said in own, said
    english = tiny.report(tmp_path / "r.html", AS_OF, lang="en").read_text(encoding="utf-8").split("<iframe", 1)[0]
    assert "female staff" in english and "female_staff=" not in english


def test_tables_name_regions(tiny, tiny_report):
    """The gaps and plan tables name each organization's region, not its id."""
    own = tiny_report.split("<iframe", 1)[0]
    regions = tiny.engine.answer("regions").set_index("region_id")["region_name"]
    first = tiny.gaps(AS_OF).iloc[0]
    row = re.search(rf"<td[^>]*>{first.org_id}</td>(.*?)</tr>", own, re.S).group(1)
    assert f">{html.escape(regions[first.region_id])}</td>" in row and f">{first.region_id}</td>" not in row


def test_top_gaps_ranked(tiny, tiny_report):
    """主要覆盖缺口 reads rule by rule (committee, liaison officer, party without women, vacant head),
    the organizations with the most female staff first within a rule."""
    table = tiny_report.split('id="top-gaps"', 1)[1].split("</table>", 1)[0]
    shown = re.findall(r'<td class="c-org_id">([^<]*)</td>', table)
    gaps = tiny.gaps(AS_OF)
    order = ["committee_required", "liaison_required", "party_without_women", "vacant_head"]
    staff = {g.Index: -1 if pd.isna(g.female_staff) else int(g.female_staff) for g in gaps.itertuples()}
    expected = sorted(gaps.itertuples(), key=lambda g: (order.index(g.rule), -staff[g.Index], g.org_id))
    assert len(shown) == len(gaps) >= 3 and shown == [g.org_id for g in expected]


def test_mean_card_counts_people_not_a_sum(tiny, tiny_report):
    """The average-age card says how many cadres it averages, not the sum of their ages."""
    row = tiny.stats(AS_OF).query("level == 'county' and figure == 'federation_cadres_avg_age'").iloc[0]
    assert f"共 {int(row.denominator):,} 人" in tiny_report
    assert f"{int(row.numerator):,} / {int(row.denominator):,}" not in tiny_report
