"""The diff view at the pyvis level, worked by hand on tests/data/tiny from 2012-01-01 to 2012-12-31.

tests/expected_tiny.DIFF: B15 (O1's women's committee) dissolved on 2012-03-01, opening O1's
committee_required and party_without_women gaps; P13 became chair of B11 on 2012-09-01, closing O7's
vacant head. Coverage: R0 3/7 → 2/7, R5 2/4 → 1/4. Nothing else changed.

Drawn on 2012-12-31: 6 regions, 10 organizations, the 22 bodies active then plus B15, and P13 — 40 nodes.
"""

from __future__ import annotations

from datetime import date

import pytest
from markupsafe import escape

from orgnet.errors import InputError
from orgnet.redact import pseudonym
from orgnet.viz import view
from orgnet.viz.views.diff import HEAD_FILLED
from tests.viz.conftest import FactsOnly
from orgnet.viz.style import BODY_CHANGE, CHANGE, CHANGED_PERSON, POST_ENDED, POST_STARTED
from tests.expected_tiny import DIFF, DIFF_COVERAGE

START, END = "2012-01-01", "2012-12-31"
RED, GREEN, FADED = "#d62728", "#2ca02c", "#e3e7ea"


@pytest.fixture(scope="module")
def diff_view(tiny):
    return tiny.view("diff", start=START, end=END)


def nodes(v) -> dict[str, dict]:
    return {n["id"]: n for n in v.nodes}


def test_expected_changes_are_the_hand_worked_ones(tiny):
    rows = tiny.diff(START, END)
    assert [(r.change, r.subject_id) for r in rows.itertuples() if r.change != "coverage"] == \
        [(c, s) for c, s, _ in DIFF]


def test_gap_opened_red_gap_closed_green_rest_faded(diff_view):
    assert CHANGE["gap_opened"].color == RED and CHANGE["gap_closed"].color == GREEN
    assert CHANGE["unchanged"].color == FADED
    orgs = {k.split(":")[1]: n for k, n in nodes(diff_view).items() if k.startswith("Organization:")}
    assert len(orgs) == 10
    assert orgs["O1"]["color"]["background"] == RED  # B15 dissolved: committee and party gaps opened
    assert orgs["O7"]["color"]["background"] == GREEN  # P13 chairs B11: vacant head closed
    for org in set(orgs) - {"O1", "O7"}:
        assert orgs[org]["color"]["background"] == FADED, org


def test_the_network_on_the_later_day_with_the_dissolved_body(diff_view):
    n = nodes(diff_view)
    assert len(n) == 40
    bodies = {k for k in n if k.startswith("Body:")}
    assert bodies == {f"Body:B{i}" for i in range(1, 25) if i != 19}  # B19 does not exist
    b15 = n["Body:B15"]  # dissolved 2012-03-01: from the earlier day, grey, dashed
    assert b15["color"]["background"] == BODY_CHANGE["body_dissolved"].color
    assert b15["shapeProperties"] == {"borderDashes": [5, 5]}
    assert "撤销 dissolved 2012-03-01" in b15["title"]
    edges = {(e["from"], e["to"]): e for e in diff_view.edges}
    assert edges[("Organization:O1", "Body:B15")]["dashes"] == [5, 5]
    # unchanged bodies faded, their glyph grey
    assert n["Body:B4"]["color"]["background"] == BODY_CHANGE["unchanged"].color
    assert n["Body:B4"]["font"]["color"] == "#90a4ae"


def test_people_whose_posts_changed(diff_view):
    n = nodes(diff_view)
    people = {k for k in n if k.startswith("Person:")}
    assert people == {"Person:P13"}  # only she started or ended a post
    assert n["Person:P13"]["color"]["background"] == CHANGED_PERSON.color
    edge = {(e["from"], e["to"]): e for e in diff_view.edges}[("Person:P13", "Body:B11")]
    assert edge["color"] == POST_STARTED.color and "dashes" not in edge
    assert "chair" in edge["title"] and "2012-09-01" in edge["title"]
    b11 = n["Body:B11"]  # her body: the vacant head closed (green border)
    assert b11["color"]["border"] == HEAD_FILLED.border == GREEN and b11["borderWidth"] == 4
    assert "负责人空缺消除 vacant head filled" in b11["title"]


def test_tooltips_and_coverage_per_region(diff_view):
    tips = {k: n["title"] for k, n in nodes(diff_view).items()}
    o1 = tips["Organization:O1"]
    assert "新增缺口 gap opened — committee_required: 45 female staff" in o1
    assert "party_without_women: party bodies: B1" in o1 and "撤销 dissolved 华美妇委会 (2012-03-01)" in o1
    assert "缺口消除 gap closed — vacant_head: 县教育局机关妇委会" in tips["Organization:O7"]
    assert "变化 changes: 无 none" in tips["Organization:O8"]
    for region, (before, after, shift) in DIFF_COVERAGE.items():
        assert f"{before} → {after}（{shift}）" in tips[f"Region:{region}"]


def test_page_title_dates_legend(diff_view):
    page = diff_view.html
    assert diff_view.kind == "diff" and "2012-01-01 → 2012-12-31" in diff_view.title
    assert "变化 Changes 2012-01-01 → 2012-12-31 — 测试县" in page
    assert "时段 period: 2012-01-01 → 2012-12-31" in page
    for swatch in [*CHANGE.values(), *BODY_CHANGE.values(), CHANGED_PERSON, POST_STARTED, POST_ENDED]:
        assert str(escape(swatch.zh)) in page and str(escape(swatch.en)) in page
    assert "新增缺口 gaps opened: 2" in page and "缺口消除 gaps closed: 1" in page
    assert "撤销机构 dissolved: 1" in page and "新任职务 posts started: 1" in page
    assert all(isinstance(n["x"], float) for n in diff_view.nodes)
    assert diff_view.network.options["physics"]["enabled"] is False


class TestAggregation:
    def test_people_fold_first(self, tiny):
        v = tiny.view("diff", start=START, end=END, max_nodes=39)
        assert v.aggregated and len(v.nodes) == 39 and "Person:P13" not in nodes(v)
        assert nodes(v)["Body:B11"]["borderWidth"] == 4  # the change stays on the body
        assert "马红" in nodes(v)["Body:B11"]["title"]

    def test_then_bodies(self, tiny):
        v = tiny.view("diff", start=START, end=END, max_nodes=16)
        assert v.aggregated and len(v.nodes) == 16 and not any(k.startswith("Body:") for k in nodes(v))
        assert nodes(v)["Organization:O1"]["color"]["background"] == RED

    def test_then_counts_per_region_and_change(self, tiny):
        v = tiny.view("diff", start=START, end=END, max_nodes=10)
        counts = {k: n for k, n in nodes(v).items() if k.startswith("Count:")}
        assert len(v.nodes) <= 10 and sum(int(n["label"]) for n in counts.values()) == 10
        assert counts["Count:Region:R5:gap_opened"]["color"]["background"] == RED
        assert counts["Count:Region:R0:gap_closed"]["color"]["background"] == GREEN
        assert "Aggregated" in v.html and "已聚合" in v.html


def test_redacted(tiny):
    v = tiny.view("diff", start=START, end=END, redact=True)
    assert "马红" not in v.html and "林芳" not in v.html and '"Person:P13"' not in v.html
    alias = pseudonym("P13")
    n = nodes(v)
    assert f"Person:{alias}" in n and alias in n["Body:B11"]["title"] and alias in n["Organization:O7"]["title"]


@pytest.mark.parametrize("options, message", [
    ({"end": END}, "needs --from"),
    ({"start": END, "end": START}, "must be earlier than --to"),
    ({"start": END, "end": END}, "must be earlier"),
])
def test_bad_dates(tiny, options, message):
    with pytest.raises(InputError, match=message):
        tiny.view("diff", **options)


def test_bad_date_text_is_an_input_error(tiny):
    with pytest.raises(InputError, match="expected a date"):
        tiny.view("diff", start="2012-13-01", end=END)
    with pytest.raises(InputError, match="--from"):
        view(tiny.engine, "diff", END, start="yesterday")


def test_end_defaults_to_as_of(tiny):
    a = tiny.view("diff", END, start=START)
    b = tiny.view("diff", start=START, end=date(2012, 12, 31))
    assert a.html == b.html


def test_from_facts_only(tiny):
    a = view(tiny.engine, "diff", END, start=START)
    b = view(FactsOnly(tiny.engine), "diff", END, start=START)
    assert {n["id"]: n["color"] for n in a.nodes} == {n["id"]: n["color"] for n in b.nodes}
    assert {(e["from"], e["to"]) for e in a.edges} == {(e["from"], e["to"]) for e in b.edges}


@pytest.mark.parametrize("name", ["beihu", "longyou"])
def test_sample_diff_fits(samples, name):
    net = samples(name)
    v = net.view("diff", start="2011-06-30", end="2012-06-30")
    assert 0 < len(v.nodes) <= 1500 and len(v.html) < 3_000_000
    rows = net.diff("2011-06-30", "2012-06-30")
    opened = {f"Organization:{s}" for s in rows.query("change == 'gap_opened'").subject_id if s}
    closed = {f"Organization:{s}" for s in rows.query("change == 'gap_closed'").subject_id if s}
    n = nodes(v)
    for org in opened - closed:
        assert n[org]["color"]["background"] == RED, org
    for org in closed - opened:
        assert n[org]["color"]["background"] == GREEN, org
