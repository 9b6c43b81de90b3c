"""Words: every term a person reads, in Chinese and English, kept in this one place.

The report, the views' legends and tooltips, the charts and the CLI read their words here: the word
tables (body types, head titles, systems, levels, kinds, roles, grades, legend entries, the report's
and charts' ``WORDS``), and the texts made from results. The gap rules' names and ``detail``
templates live in their records (``orgnet.gap_rules``), read through this module.
``tests/test_architecture.py`` keeps Chinese literals out of other modules (an allow list names the
exceptions: sample data, input parsing, and view texts still to move here).

Results are data (``female_staff``, ``party_body_ids``, ``body_type``, ``business_stable`` …); the
texts a person reads (``gaps.detail``, ``plan.reasons``, ``plan.candidate_posts``, ``liaison_check.flag``,
the plan's headings in the report) are made here from
them, by the gap rules' templates (``orgnet.gap_rules``) and the word tables below, so no code ever
parses a result's text back. English (``en``) is the default and what programs have always read;
``zh`` is the report's language.

Examples
--------
>>> import pandas as pd
>>> gaps = pd.DataFrame({"rule": ["committee_required", "vacant_head"], "female_staff": [45, None],
...                      "party_body_ids": [[], []], "body_id": ["", "B7"], "body_name": ["", "东村妇代会"],
...                      "body_type": ["", "congress"], "head_role": ["", "chair"]})
>>> gap_detail(gaps).tolist()
['45 female staff', "东村妇代会: no active women's congress chair"]
>>> gap_detail(gaps, "zh").tolist()
['女职工 45 人', '东村妇代会：妇代会主任空缺']
"""

from __future__ import annotations

import string

import numpy as np
import pandas as pd

from . import gap_rules
from .figures import FIGURES, figure_label
from .glossary_columns import COLUMN_ZH
from .glossary_views import FOLD_NOTES, VIEW_WORDS  # noqa: F401 (read through this module)
from .schema import SCHEMA

#: Body type words by (system, type).
BODY_TYPE = {("party", "committee"): ("党委", "party committee"), ("party", "general_branch"): ("党总支", "general branch"),
             ("party", "branch"): ("党支部", "party branch"), ("women", "federation"): ("妇联", "women's federation"),
             ("women", "committee"): ("妇委会", "women's committee"),
             ("women", "work_committee"): ("妇女工作委员会", "women's work committee"),
             ("women", "congress"): ("妇代会", "women's congress"),
             ("women", "organ_committee"): ("机关妇委会", "women's committee of a Party or government organ"),
             ("women", "liaison"): ("妇女工作联络员", "women's work liaison officer"),
             ("women", "group"): ("妇女团体", "women's group"),
             ("union", "committee"): ("工会委员会", "union committee"), ("union", "branch"): ("工会小组", "union group"),
             ("youth", "committee"): ("团委", "youth league committee"), ("youth", "branch"): ("团支部", "youth league branch"),
             ("admin", "team"): ("领导班子", "leadership team"),
             ("admin", "villagers_committee"): ("村委会", "villagers' committee"),
             ("admin", "residents_committee"): ("居委会", "residents' committee")}
#: The head a vacant body lacks, by head role ("无主任 no chair"); a federation's chair is 主席.
HEAD_WORDS = {"chair": ("主任", "chair"), "secretary": ("书记", "secretary"), "liaison": ("联络员", "liaison officer")}
#: The title of a body's head by (system, type): the head role it names (``[head_roles]`` in schema.toml,
#: checked by a test) and its words. A type not listed takes its system's entry (``(system, "")``).
HEAD_TITLE = {("women", "federation"): ("chair", "妇联主席", "women's federation chair"),
              ("women", "committee"): ("chair", "妇委会主任", "women's committee chair"),
              ("women", "work_committee"): ("chair", "妇工委主任", "women's work committee chair"),
              ("women", "congress"): ("chair", "妇代会主任", "women's congress chair"),
              ("women", "organ_committee"): ("chair", "妇委会主任", "women's committee chair"),
              ("women", "liaison"): ("liaison", "妇女工作联络员", "women's work liaison officer"),
              ("women", "group"): ("chair", "妇女团体负责人", "women's group head"),
              ("union", ""): ("chair", "工会主席", "union chair"),
              ("union", "branch"): ("chair", "工会小组长", "union group leader"),
              ("party", ""): ("secretary", "党组织书记", "Party secretary"),
              ("youth", ""): ("secretary", "团组织书记", "Youth League secretary"),
              ("admin", "team"): ("chair", "主要负责人", "head of the leadership team"),
              ("admin", "villagers_committee"): ("chair", "村委会主任", "villagers' committee chair"),
              ("admin", "residents_committee"): ("chair", "居委会主任", "residents' committee chair")}
#: A body system's words, and for ``admin`` by body type: a Party and government leadership team is
#: 党政班子, a villagers' or residents' committee 村（居）委会 (self-governing, not 行政).
SYSTEM_WORDS = {("party", ""): ("党组织", "party"), ("women", ""): ("妇女组织", "women's"), ("union", ""): ("工会", "union"),
                ("youth", ""): ("共青团", "youth league"),
                ("admin", ""): ("党政班子、村（居）委会", "leadership team; villagers' (residents') committee"),
                ("admin", "team"): ("党政班子", "leadership team"),
                ("admin", "villagers_committee"): ("村（居）委会", "villagers' (residents') committee"),
                ("admin", "residents_committee"): ("村（居）委会", "villagers' (residents') committee")}
#: The one character drawn inside a body's node, by system, and for ``admin`` by body type.
GLYPH = {("party", ""): "党", ("women", ""): "妇", ("union", ""): "工", ("youth", ""): "团", ("admin", ""): "政",
         ("admin", "villagers_committee"): "村", ("admin", "residents_committee"): "居"}
#: Party grades (rule 4), and "none" for an organization without a party body.
GRADE = {"excellent": ("优秀", "excellent"), "standard": ("达标", "standard"), "weak": ("后进", "weak"),
         "unrated": ("未定级", "unrated"), "none": ("无党组织", "no party body"), "": ("未定级", "unrated")}

#: Legend entries of the views (a swatch's colour and shape are in ``orgnet.viz.style``).
LEGEND = {
    "covered": ("已覆盖", "covered"),
    "not_required": ("无需建立", "not required"),
    "region": ("区域", "region"),
    "organization": ("组织（单位）", "organization"),
    "person": ("人员（按职务数定大小）", "person (size = active posts)"),
    "standout": ("一人多职（≥ 职务数阈值）", "person at or above --min-posts"),
    "count": ("合并计数（数字为个数）", "folded: a count of nodes"),
    "vacant": ("负责人空缺（粗虚线边框）", "vacant head (thick dashed border)"),
    "ghost_count": ("缺失的妇女组织数（虚线，按区域）", "missing women's bodies per region (dashed)"),
    "ghost_mark": ("应建未建妇女组织的单位（虚线边框）", "organization missing a women's body (dashed border)"),
    "change.gap_opened": ("新增缺口", "gap opened"),
    "change.gap_closed": ("缺口消除", "gap closed"),
    "change.gap_both": ("缺口有增有减", "gaps opened and closed"),
    "change.changed": ("机构或职务有变动", "bodies or posts changed"),
    "change.unchanged": ("无变化", "unchanged"),
    "body_change.body_founded": ("新建机构", "body founded"),
    "body_change.body_dissolved": ("撤销机构（虚线边框）", "body dissolved (dashed border)"),
    "body_change.posts_changed": ("机构内职务变动（橙色边框）", "posts changed in the body (orange border)"),
    "body_change.unchanged": ("机构无变化", "body unchanged"),
    "changed_person": ("职务有变动的人员", "person whose posts changed"),
    "post_started": ("新任职务", "post started"),
    "post_ended": ("离任职务（虚线）", "post ended (dashed)"),
    "dashed": ("（虚线）", " (dashed)"),
    "ghost_one": ("缺失的妇女组织（虚线，每个单位一个）", "missing women's body (dashed, one per organization)"),
    "ghost_link": ("单位与其缺失的妇女组织（虚线）", "organization to its missing body (dashed line)"),
    "group": ("区域（本级或下属村、社区）", "region (its own, or a village or community below)"),
    "tile": ("区域：方块大小 = 组织数，点击进入", "region: size = organizations, click to open"),
    "tile.none": ("无需建立妇女组织", "no organization needs a women's body"),
    "tile.0": ("覆盖率 < 25%", "coverage < 25%"), "tile.25": ("覆盖率 25–50%", "coverage 25–50%"),
    "tile.50": ("覆盖率 50–75%", "coverage 50–75%"), "tile.75": ("覆盖率 75–90%", "coverage 75–90%"),
    "tile.90": ("覆盖率 ≥ 90%", "coverage ≥ 90%"),
    "sanctioned": ("规定或提倡的交叉任职（绿色粗边框）", "sanctioned cross-appointment (thick green border)"),
    "extra": ("其他职务（无边框）", "other post (no border)"),
    "overlap_person": ("人员：职务数（其中另兼）", "person: posts (extra posts)"),
    "overlap_org": ("所在单位或区域", "the organization or region of the bodies below"),
}

LEVEL = {"county": ("县", "county"), "district": ("区", "district"), "township": ("乡镇", "township"),
         "street": ("街道", "street"), "village": ("村", "village"), "community": ("社区", "community"),
         "park": ("工业园区", "industrial park")}
KIND = {"enterprise": ("非公企业", "enterprise"), "social_org": ("社会组织", "social organization"),
        "organ": ("机关", "government organ"), "institution": ("事业单位", "public institution"),
        "village": ("村", "village"), "community": ("社区", "community"),
        "park_admin": ("园区管委会", "park administration")}
ROLE = {"secretary": ("书记", "secretary"), "deputy_secretary": ("副书记", "deputy secretary"),
        "chair": ("主任/主席", "chair"), "vice_chair": ("副主任/副主席", "vice chair"), "member": ("委员", "member"),
        "liaison": ("联络员", "liaison officer"), "executive": ("执委", "executive committee member")}

#: The report's and charts' words: the figures' labels (``orgnet.figures``, in the reports' words), and headings.
WORDS: dict[str, tuple[str, str]] = {
    **{name: (figure_label(name, "zh"), figure_label(name, "en")) for name in FIGURES},
    # headings and column names
    "report_title": ("党建带妇建工作分析报告（妇女组织覆盖及交叉任职情况）",
                     "Party building leads women's building: analysis report (women's organization coverage and "
                     "cross-appointments)"),
    "as_of": ("截至", "as of"),
    "more_roots": (" 等 {n} 个区县", " and {more} more"),
    "coverage_title": ("妇女组织覆盖情况", "Women's organization coverage"),
    "region_title": ("区域全网", "Whole network"),
    "source": ("数据", "data"),
    "figures": ("主要数据", "Key figures"),
    "charts": ("图表", "Charts"),
    "gaps_by_rule": ("按规则统计的覆盖缺口", "Coverage gaps by rule"),
    "top_gaps": ("主要覆盖缺口（按规则，女职工多者在前）", "Top coverage gaps (by rule, most female staff first)"),
    "top_overlaps": ("一人多职（职务最多者）", "Top post overlaps"),
    "coverage_view": ("覆盖情况网络图", "Coverage network"),
    "figure": ("指标", "figure"),
    "numerator": ("分子/数量", "numerator"),
    "denominator": ("分母", "denominator"),
    "value": ("数值", "value"),
    "rule": ("规则", "rule"),
    "organizations": ("组织数", "organizations"),
    "org_id": ("单位编号", "org id"),
    "org_name": ("单位名称", "organization"),
    "region_id": ("区域", "region"),
    "region_name": ("区域", "region"),
    "detail": ("说明", "detail"),
    "person_id": ("人员编号", "person id"),
    "person_name": ("姓名", "name"),
    "posts": ("职务数", "posts"),
    "sanctioned_posts": ("规定或提倡的交叉任职数", "sanctioned posts"),
    "extra_posts": ("另兼职务数", "extra posts"),
    "bodies": ("所任机构", "bodies"),
    "body_names": ("所任机构", "bodies"),
    "body_systems": ("系统", "systems"),
    "systems": ("系统", "systems"),
    "rank": ("序号", "rank"),
    "female_staff": ("女职工", "female staff"),
    "ready": ("条件成熟", "ready"),
    "party_grade": ("党组织定级", "party grade"),
    "showing": ("显示前 {n} 行，共 {total} 行", "first {n} of {total} rows"),
    "mean_of": ("共 {n} 人", "of {n} people"),
    "none": ("无", "none"),
    "redacted": ("人员姓名已替换为化名", "person names are replaced by pseudonyms"),
    "people_summed": ("带 * 的人员指标为各区县之和：在两个区县任职的人计两次",
                      "figures marked * add the regions up: a person holding posts in two of them counts twice"),
    "chart_coverage": ("按乡镇（街道、园区）“两新”组织妇女组织组建率",
                       "Two-new women's organization building rate by township (street, park)"),
    "chart_post_load": ("个人在任职务数分布", "Active posts held per person"),
    "chart_women_bodies": ("妇女组织按类型", "Women's bodies by type"),
    "posts_axis": ("在任职务数", "active posts"),
    "people_axis": ("人数", "people"),
    "bodies_axis": ("个数", "bodies"),
    "coverage_axis": ("组建率 %", "with a women's organization %"),
    "threshold": ("阈值", "threshold"),
    "no_data": ("无数据", "no data"),
    "lowest_shown": ("仅列覆盖率最低的 {shown} 个，共 {total} 个", "the {shown} lowest of {total} shown"),
    "chart_at_or_above": ("组建率不低于{ref}", "rate at or above {ref}"),
    "chart_below": ("组建率低于{ref}", "rate below {ref}"),
    "chart_overall": ("{region}整体组建率 {value}", "{region} overall: {value}"),
    "chart_ref": ("{region}整体（{value}）", "{region} overall ({value})"),
    "chart_half": ("50%", "50%"),
    "chart_nd": ("已建/总数　组建率", "with / all   rate"),
    "axis_to": ("横轴截至 {top}%", "axis to {top}%"),
    "inline_needs_library": ("此图所需的 vis-network 库随本内核显示的第一张图加载：请从头运行笔记本。",
                             "This view needs vis-network, which comes with the first view this kernel showed: "
                             "run the notebook from the top."),
    "people_axis_log": ("人数（对数刻度）", "people (log scale)"),
    "chart_fewer_posts": ("少于 {n} 个在任职务", "fewer than {n} active posts"),
    "chart_many_posts": ("{n} 个及以上在任职务（一人多职）", "{n} or more active posts"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
}


def column_words(column: str, lang: str = "en") -> str:
    """A result column's header: in ``zh`` its Chinese words, in ``en`` (or when there are none) its name.

    >>> column_words("org_name", "zh"), column_words("org_name", "en"), column_words("my_column", "zh")
    ('单位名称', 'org_name', 'my_column')
    >>> column_words("extra_posts", "zh") == words("extra_posts", "zh")  # the report's word, the same everywhere
    True
    """
    if lang != "zh":
        return column
    return WORDS[column][0] if column in WORDS else COLUMN_ZH.get(column, column)


#: How messages say the date spellings accepted (a date cell's, ``--as-of``'s, ``--from``/``--to``'s).
DATE_SPELLINGS = "a date YYYY-MM-DD (or 2012/6/30, 2012.6.30, 2012年6月30日)"

_LANG = {"zh": 0, "en": 1}


def said(table: dict, key, lang: str, default: str | None = None) -> str:
    """One entry of a word table in ``lang`` (the key itself, or ``default``, when it has none)."""
    entry = table.get(key)
    return entry[_LANG[lang]] if entry else (str(key) if default is None else default)


def words(key: str, lang: str | None = None) -> str:
    """The words for ``key`` in ``lang`` (``zh``/``en``), or both when ``lang`` is None (``WORDS``, then
    ``VIEW_WORDS``)."""
    zh, en = WORDS.get(key) or VIEW_WORDS.get(key, (key, key))
    return {"zh": zh, "en": en}.get(lang, f"{zh} {en}")


def head_title(system: str, type_: str, lang: str) -> str:
    """The title of the head a body of ``system`` and ``type_`` has (妇联主席, 妇代会主任, 工会主席 …).

    >>> head_title("women", "federation", "zh"), head_title("party", "branch", "zh"), head_title("women", "liaison", "en")
    ('妇联主席', '党组织书记', "women's work liaison officer")
    """
    entry = HEAD_TITLE.get((system, type_)) or HEAD_TITLE.get((system, ""))
    if entry is None:
        return "/".join(said(HEAD_WORDS, role, lang) for role in SCHEMA.head_roles(system, type_))
    return entry[1 + _LANG[lang]]


def system_words(system: str, lang: str, type_: str = "") -> str:
    """A body system in words; ``admin`` by body type when it is known (党政班子 or 村（居）委会).

    >>> system_words("admin", "zh", "villagers_committee"), system_words("admin", "zh", "team"), system_words("union", "en")
    ('村（居）委会', '党政班子', 'union')
    """
    entry = SYSTEM_WORDS.get((system, type_)) or SYSTEM_WORDS.get((system, ""))
    return entry[_LANG[lang]] if entry else system


def gap_detail(gaps: pd.DataFrame, lang: str = "en") -> pd.Series:
    """Each gap row's ``detail`` in ``lang``, from its rule's template (``GapRule.detail_en``/``detail_zh``)."""
    out = pd.Series("", index=gaps.index, dtype=object)
    for rule, rows in gaps.groupby("rule", sort=False).groups.items():
        record = gap_rules.RULES.get(rule)
        if record is None:
            continue
        template = record.detail_zh if lang == "zh" else record.detail_en
        out[rows] = _render(template, gaps.loc[rows], lang)
    return out


def _render(template: str, rows: pd.DataFrame, lang: str) -> np.ndarray:
    """``template`` filled in for every row, column by column (no per-row formatting)."""
    text = np.full(len(rows), "", dtype=object)
    for literal, field, _, _ in string.Formatter().parse(template):
        text = text + literal
        if field:
            text = text + _field(field, rows, lang)
    return text


def _field(name: str, rows: pd.DataFrame, lang: str) -> np.ndarray:
    if name == "party_body_ids":
        return np.array([";".join(v) for v in rows[name]], dtype=object)
    if name == "female_staff":
        return rows[name].astype("Int64").astype(str).to_numpy(dtype=object)
    if name == "body_type_words":
        return np.array([said(BODY_TYPE, ("women", t), lang) for t in rows["body_type"]], dtype=object)
    if name == "head_title":
        return np.array([head_title("women", t, lang) for t in rows["body_type"]], dtype=object)
    if name == "head_words":
        return np.array(["/".join(said(HEAD_WORDS, r, lang) for r in h.split("/")) for h in rows["head_role"]],
                        dtype=object)
    return rows[name].astype(object).where(rows[name].notna(), "").astype(str).to_numpy(dtype=object)


#: A post's title by role ("书记", "委员"); a chair's by body type below (``post_title``).
ROLE_TITLE = {"secretary": ("书记", "secretary"), "deputy_secretary": ("副书记", "deputy secretary"),
              "chair": ("主任", "chair"), "vice_chair": ("副主任", "vice chair"), "member": ("委员", "member"),
              "liaison": ("联络员", "liaison officer"), "executive": ("执委", "executive committee member")}
#: Chairs called 主席 (federations, trade unions) rather than 主任; a leadership team's head is its 负责人.
_CHAIR_TITLE = {("women", "federation"): ("主席", "副主席"), ("union", "committee"): ("主席", "副主席"),
                ("union", "branch"): ("组长", "副组长"), ("admin", "team"): ("负责人", "副职")}

#: The plan's words (``plan_reasons``): the party grade, the three readiness conditions (两稳定一合适).
PLAN_GRADE = {"excellent": ("党组织定级优秀", "party graded excellent"),
              "standard": ("党组织定级达标", "party graded standard"),
              "weak": ("党组织定级后进", "party graded weak"), "unrated": ("党组织未定级", "party not graded"),
              "": ("党组织未定级", "party not graded"), "none": ("未建党组织", "no party body")}
PLAN_READY = {"business": (("经营稳定", "经营不稳定"), ("business stable", "business not stable")),
              "workforce": (("女职工队伍稳定", "女职工队伍不稳定"),
                            ("female workforce stable", "female workforce not stable")),
              "candidate": (("有合适人选", "无合适人选"), ("suitable candidate", "no suitable candidate"))}
#: What each plan list is (``plan.list``).
PLAN_LIST = {"queue": ("下一步组建对象", "women's build queue"),
             "party_first": ("先建党组织", "party first (no party body yet)")}
#: The plan's headings and column names where a person reads them (the report's tables).
PLAN_HEADINGS = {"plan": ("下一步组建对象（前15家）", "Next to build (first 15)"),
                 "party_first": ("先建党组织（尚未建立党组织的单位）", "Party first: organizations without a party body"),
                 "candidates": ("合适人选（名）", "suitable candidates"), "reasons": ("依据", "grounds"),
                 "readiness": ("两稳定一合适", "readiness (of 3)"), "total_staff": ("职工总数", "staff")}
WORDS.update(PLAN_HEADINGS)  # the plan's words are the report's and the views' too


def plan_reasons(plan: pd.DataFrame, lang: str = "en") -> pd.Series:
    """Each plan row's reasons, in the order the plan weighs them: the party grade (先党后妇: 未建党组织
    on the party-first list), then "two stable, one suitable" (两稳定一合适), in ``lang``.

    >>> plan = pd.DataFrame({"party_grade": ["excellent", "none"], "business_stable": [True, False],
    ...                      "workforce_stable": [False, True], "candidates": [["林芳", "张丽"], []]})
    >>> plan_reasons(plan, "zh").tolist()
    ['党组织定级优秀；经营稳定；女职工队伍不稳定；有合适人选 2 名', '未建党组织；经营不稳定；女职工队伍稳定；无合适人选']
    >>> plan_reasons(plan).tolist()[0]
    'party graded excellent; business stable; female workforce not stable; suitable candidate(s): 2'
    """
    at = _LANG[lang]
    out = []
    for grade, business, workforce, people in zip(plan["party_grade"], plan["business_stable"],
                                                  plan["workforce_stable"], plan["candidates"]):
        n = len(people) if isinstance(people, (list, tuple, np.ndarray)) else int(people or 0)
        who = PLAN_READY["candidate"][at][0 if n else 1]
        if n:
            who = f"{who} {n} 名" if lang == "zh" else f"{who}(s): {n}"
        parts = (said(PLAN_GRADE, grade, lang), PLAN_READY["business"][at][not business],
                 PLAN_READY["workforce"][at][not workforce], who)
        out.append(("；" if lang == "zh" else "; ").join(parts))
    return pd.Series(out, index=plan.index, dtype=object)


def post_title(system: str, body_type: str, role: str, lang: str = "en") -> str:
    """A post's title: 书记, 委员, and a chair's by body type (妇联主席, 妇委会主任, 工会主席).

    >>> post_title("women", "federation", "chair", "zh"), post_title("women", "congress", "chair", "zh")
    ('主席', '主任')
    """
    if lang == "zh" and role in ("chair", "vice_chair") and (system, body_type) in _CHAIR_TITLE:
        return _CHAIR_TITLE[(system, body_type)][role == "vice_chair"]
    return said(ROLE_TITLE, role, lang)


def candidate_posts(plan: pd.DataFrame, lang: str = "en") -> pd.Series:
    """Per plan row, one text per candidate (``candidate_ids``' order): her active posts, from the
    typed columns ``post_person_ids``, ``post_body_names``, ``post_systems``, ``post_types``,
    ``post_roles``; "无在任职务" / "no active post" for a candidate who holds none.

    >>> plan = pd.DataFrame({"candidate_ids": [["P1", "P2"]], "post_person_ids": [["P1", "P1"]],
    ...     "post_body_names": [["华美党支部", "华美工会"]], "post_systems": [["party", "union"]],
    ...     "post_types": [["branch", "committee"]], "post_roles": [["member", "chair"]]})
    >>> candidate_posts(plan, "zh").tolist()
    [['华美党支部委员、华美工会主席', '无在任职务']]
    >>> candidate_posts(plan).tolist()
    [['member of 华美党支部 / chair of 华美工会', 'no active post']]
    """
    out = []
    for ids, holders, names, systems, types, roles in zip(
            plan["candidate_ids"], plan["post_person_ids"], plan["post_body_names"], plan["post_systems"],
            plan["post_types"], plan["post_roles"]):
        held: dict[str, list[str]] = {person: [] for person in ids}
        for person, name, system, kind, role in zip(holders, names, systems, types, roles):
            title = post_title(system, kind, role, lang)
            held.setdefault(person, []).append(f"{name}{title}" if lang == "zh" else f"{title} of {name}")
        none = "无在任职务" if lang == "zh" else "no active post"
        out.append([("、" if lang == "zh" else " / ").join(held[p]) or none for p in ids])
    return pd.Series(out, index=plan.index, dtype=object)


def candidates_said(plan: pd.DataFrame, lang: str = "en") -> pd.Series:
    """Per plan row, its candidates by name, each with her posts (``candidate_posts``), in ``lang``.

    >>> plan = pd.DataFrame({"candidate_ids": [["P1", "P2"], []], "candidates": [["林芳", "张丽"], []],
    ...     "post_person_ids": [["P1"], []], "post_body_names": [["华美党支部"], []], "post_systems": [["party"], []],
    ...     "post_types": [["branch"], []], "post_roles": [["member"], []]})
    >>> candidates_said(plan, "zh").tolist()
    ['林芳（华美党支部委员）；张丽（无在任职务）', '无']
    """
    out = []
    for names, posts in zip(plan["candidates"], candidate_posts(plan, lang)):
        if lang == "zh":
            out.append("；".join(f"{n}（{p}）" for n, p in zip(names, posts)) or "无")
        else:
            out.append("; ".join(f"{n} ({p})" for n, p in zip(names, posts)) or "none")
    return pd.Series(out, index=plan.index, dtype=object)


def liaison_flag(check: pd.DataFrame, lang: str = "en") -> pd.Series:
    """Each ``liaison_check`` row's flag from its ``problem`` and the thresholds it was held to.

    >>> check = pd.DataFrame({"problem": ["", "links_outside", "visits_under"], "expected_min": [1, 1, 2],
    ...                       "expected_max": [3, 3, None]})
    >>> liaison_flag(check).tolist()
    ['', 'links outside 1-3', 'under 2 visits']
    """
    out = []
    for problem, low, high in zip(check["problem"], check["expected_min"], check["expected_max"]):
        if problem == "links_outside":
            low, high = int(low), int(high)
            out.append(f"挂钩联系数不在 {low}–{high} 之间" if lang == "zh" else f"links outside {low}-{high}")
        elif problem == "visits_under":
            out.append(f"走访不足 {int(low)} 次" if lang == "zh" else f"under {int(low)} visits")
        else:
            out.append("")
    return pd.Series(out, index=check.index, dtype=object)


# -- overlaps' lenses and nameplates' kinds (orgnet.sanctioned) ----------------------------------------
#: What an ``overlaps`` lens shows (``Rules.overlap_lens``): a table's, view's or report's heading.
LENS = {"load": ("兼职负担：规定和提倡的交叉任职以外另有兼职的人员", "post load: posts beyond sanctioned cross-appointments"),
        "cross": ("规定和提倡的交叉任职", "sanctioned cross-appointments"),
        "all": ("一人多职：任两个以上职务的全部人员", "everyone holding several posts")}
#: A nameplate pair's ``kind``.
NAMEPLATE_KIND = {"one_team": ("一套班子几块牌子（按规定交叉任职）", "one team, several nameplates (by design)"),
                  "lost_own_people": ("本机构人员流失，仅剩兼任人员", "lost its own people (only borrowed holders left)"),
                  "shared": ("人员高度重合（无规定或提倡依据）", "mostly the same people (no sanctioned cross-appointment)")}
#: How strongly the reports stand behind a sanctioned cross-appointment.
STRENGTH = {"required": ("规定", "required"), "endorsed": ("提倡", "endorsed")}


def lens_title(rules, lang: str = "en") -> str:
    """The heading of an overlaps table under ``rules``' lens, with its threshold.

    >>> from orgnet.rules import Rules
    >>> lens_title(Rules()), lens_title(Rules(), "zh")
    ('post load: posts beyond sanctioned cross-appointments (at least 1 extra)', '兼职负担：规定和提倡的交叉任职以外另有兼职的人员（兼职 1 个及以上）')
    >>> lens_title(Rules(overlap_lens="cross"), "zh")
    '规定和提倡的交叉任职'
    """
    text = said(LENS, rules.overlap_lens, lang)
    if rules.overlap_lens == "load":
        n = rules.min_extra_posts
        text += f"（兼职 {n} 个及以上）" if lang == "zh" else f" (at least {n} extra)"
    return text


def nameplate_kind(frame: pd.DataFrame, lang: str = "en") -> pd.Series:
    """Each nameplate pair's kind in words, naming the body that lost its people.

    >>> frame = pd.DataFrame({"kind": ["one_team", "lost_own_people"], "lost_body": ["", "B19"], "people_left": [0, 2]})
    >>> nameplate_kind(frame, "zh").tolist()
    ['一套班子几块牌子（按规定交叉任职）', '本机构人员流失，仅剩兼任人员：B19（流失 2 人）']
    """
    out = []
    for kind, body, left in zip(frame["kind"], frame["lost_body"], frame["people_left"]):
        text = said(NAMEPLATE_KIND, kind, lang)
        if kind == "lost_own_people":
            text += f"：{body}（流失 {int(left)} 人）" if lang == "zh" else f": {body} ({int(left)} left)"
        out.append(text)
    return pd.Series(out, index=frame.index, dtype=object)
