"""Words: what a result's typed columns read as, in Chinese or English, rendered in this one place.

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
...                      "party_body_ids": [[], []], "body_id": ["", "B7"], "body_type": ["", "congress"],
...                      "head_role": ["", "chair"]})
>>> gap_detail(gaps).tolist()
['45 female staff', 'B7 (congress) has no active chair']
>>> gap_detail(gaps, "zh").tolist()
['女职工 45 人', 'B7（妇代会）无在任主任']
"""

from __future__ import annotations

import string

import numpy as np
import pandas as pd

from . import gap_rules

#: Body type words by (system, type).
BODY_TYPE = {("party", "committee"): ("党委", "party committee"), ("party", "general_branch"): ("党总支", "general branch"),
             ("party", "branch"): ("党支部", "party branch"), ("women", "federation"): ("妇联", "women's federation"),
             ("women", "committee"): ("妇委会", "women's committee"),
             ("women", "work_committee"): ("妇女工作委员会", "women's work committee"),
             ("women", "congress"): ("妇代会", "women's congress"),
             ("women", "organ_committee"): ("机关妇委会", "organ women's committee"),
             ("women", "liaison"): ("妇女工作联络员", "women's work liaison officer"),
             ("union", "committee"): ("工会委员会", "union committee"), ("union", "branch"): ("工会小组", "union branch"),
             ("youth", "committee"): ("团委", "youth league committee"), ("youth", "branch"): ("团支部", "youth league branch"),
             ("admin", "team"): ("领导班子", "leadership team"), ("admin", "villagers_committee"): ("村委会", "villagers' committee"),
             ("admin", "residents_committee"): ("居委会", "residents' committee")}
#: The head a vacant body lacks, by head role ("无主任 no chair"); a federation's chair is 主席.
HEAD_WORDS = {"chair": ("主任", "chair"), "secretary": ("书记", "secretary"), "liaison": ("联络员", "liaison officer")}
#: Party grades (rule 4), and "none" for an organization without a party body.
GRADE = {"excellent": ("优秀", "excellent"), "standard": ("达标", "standard"), "weak": ("后进", "weak"),
         "unrated": ("未定级", "unrated"), "none": ("无党组织", "no party body"), "": ("未定级", "unrated")}

_LANG = {"zh": 0, "en": 1}


def said(table: dict, key, lang: str, default: str | None = None) -> str:
    """One entry of a word table in ``lang`` (the key itself, or ``default``, when it has none)."""
    entry = table.get(key)
    return entry[_LANG[lang]] if entry else (str(key) if default is None else default)


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
