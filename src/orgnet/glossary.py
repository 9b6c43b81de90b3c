"""Words: what a result's typed columns read as, in Chinese or English, rendered in this one place.

Results are data (``female_staff``, ``party_body_ids``, ``body_type``, ``business_stable`` …); the
texts a person reads (``gaps.detail``, ``plan.reasons``, ``liaison_check.flag``) are made here from
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


_STABLE = {"zh": (("经营稳定", "经营不稳定"), ("职工队伍稳定", "职工队伍不稳定")),
           "en": (("business stable", "business not stable"), ("workforce stable", "workforce not stable"))}


def plan_reasons(plan: pd.DataFrame, lang: str = "en") -> pd.Series:
    """Each plan row's reasons ("two stable, one suitable", then the party grade) in ``lang``.

    >>> plan = pd.DataFrame({"business_stable": [True], "workforce_stable": [False], "candidates": [2],
    ...                      "party_grade": ["excellent"]})
    >>> plan_reasons(plan).tolist(), plan_reasons(plan, "zh").tolist()
    (['business stable; workforce not stable; 2 candidate(s); party excellent'], ['经营稳定；职工队伍不稳定；合适人选 2 名；党组织优秀'])
    """
    business, workforce = _STABLE[lang]
    out = []
    for b, w, n, grade in zip(plan["business_stable"], plan["workforce_stable"], plan["candidates"],
                              plan["party_grade"]):
        if lang == "zh":
            who = f"合适人选 {n} 名" if n else "无合适人选"
            party = said(GRADE, grade, "zh") if grade == "none" else "党组织" + said(GRADE, grade, "zh")
            out.append("；".join((business[not b], workforce[not w], who, party)))
        else:
            who = f"{n} candidate(s)" if n else "no candidate"
            out.append("; ".join((business[not b], workforce[not w], who, f"party {grade}")))
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
