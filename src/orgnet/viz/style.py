"""Colours, shapes and the bilingual words the views, charts and report share.

Every legend entry is written once here, in Chinese and English, so the view's legend, the
chart labels and the report's tables say the same thing.

Examples
--------
>>> STATUS["committee_required"].zh, SYSTEM["women"].glyph
('缺妇女工作委员会', '妇')
>>> words("women_bodies.congress", "en")
"village women's congresses"
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .. import gap_rules
from ..glossary import BODY_TYPE, GRADE, HEAD_WORDS  # noqa: F401  (the words, re-exported for the views)

#: Fonts that hold Chinese glyphs, then a generic fallback (browser pages and canvas labels).
FONT_STACK = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", '
              '"PingFang SC", "WenQuanYi Micro Hei", "Noto Sans CJK JP", sans-serif')


@dataclass(frozen=True)
class Swatch:
    """One legend entry: colour, vis-network shape (or ``line`` for an edge), Chinese and English words,
    and, when the border says something, its colour and whether it is dashed."""

    color: str
    shape: str
    zh: str
    en: str
    glyph: str = ""
    border: str = ""
    dashed: bool = False

    def text(self, lang: str | None = None) -> str:
        """``zh``, ``en``, or both ("中文 English") when ``lang`` is None."""
        return {"zh": self.zh, "en": self.en}.get(lang, f"{self.zh} {self.en}")


class _Live(Mapping):
    """A mapping made afresh from the gap-rule registry each time it is read, so a rule added to
    ``orgnet.gap_rules`` shows in every legend without another edit."""

    def __init__(self, make):
        self._make = make

    def __getitem__(self, key):
        return self._make()[key]

    def __iter__(self):
        return iter(self._make())

    def __len__(self) -> int:
        return len(self._make())


COVERED = Swatch("#2ca02c", "dot", "已覆盖", "covered")
NOT_REQUIRED = Swatch("#c7c7c7", "dot", "无需建立", "not required")

#: Coverage status of an organization, in legend order: covered, each gap rule (``orgnet.gap_rules``,
#: its colour and words), not required.
STATUS: Mapping[str, Swatch] = _Live(lambda: {
    "covered": COVERED, **{r.id: Swatch(r.colour, "dot", r.zh, r.en) for r in gap_rules.GAP_RULES},
    "not_required": NOT_REQUIRED})

#: Body systems: colour and the one-character glyph drawn inside a body's node.
SYSTEM: dict[str, Swatch] = {
    "party": Swatch("#d62728", "circle", "党组织", "party", "党"),
    "women": Swatch("#e377c2", "circle", "妇女组织", "women's", "妇"),
    "union": Swatch("#1f77b4", "circle", "工会", "union", "工"),
    "youth": Swatch("#17becf", "circle", "共青团", "youth league", "团"),
    "admin": Swatch("#7f7f7f", "circle", "行政", "administration", "政"),
}

REGION = Swatch("#37474f", "box", "区域", "region")
ORGANIZATION = Swatch("#90a4ae", "square", "组织（单位）", "organization")
PERSON = Swatch("#78909c", "dot", "人员（按职务数定大小）", "person (size = active posts)")
STANDOUT = Swatch("#ffd21f", "star", "一人多职（≥ 职务数阈值）", "person at or above --min-posts")
COUNT = Swatch("#b0bec5", "dot", "合并计数（数字为个数）", "folded: a count of nodes")
VACANT = Swatch("#e377c2", "circle", "负责人空缺（粗虚线边框）", "vacant head (thick dashed border)", border="#8c564b",
                dashed=True)

#: vis-network's dashed border (``shapeProperties.borderDashes``): a missing or headless body.
DASHES = [5, 5]

#: Ghosts: a dashed node for each women's body a rule requires and the organization lacks.
#: Rule → the words of the node's label (what is missing), from the rule's record.
GHOST_WORDS: Mapping[str, tuple[str, str]] = _Live(lambda: {r.id: (r.ghost_zh, r.ghost_en)
                                                            for r in gap_rules.GAP_RULES if r.ghost})
GHOST_FILL = "#fbe6f3"  # the women's pink, faded
#: The ghost's dashed border: its rule's ghost colour (its status colour, darkened so it reads on the fill).
GHOST: Mapping[str, Swatch] = _Live(lambda: {
    r.id: Swatch(GHOST_FILL, "dot", f"{r.ghost_zh}（虚线）", f"{r.ghost_en} (dashed)", border=r.ghost, dashed=True)
    for r in gap_rules.GAP_RULES if r.ghost})
GHOST_COUNT = Swatch(GHOST_FILL, "dot", "缺失的妇女组织数（虚线，按区域）", "missing women's bodies per region (dashed)",
                     border="#ad1457", dashed=True)
GHOST_MARK = Swatch("#ffffff", "dot", "缺妇女组织的单位（虚线边框）", "organization missing a women's body (dashed border)",
                    border="#37474f", dashed=True)

#: The diff view: what happened to an organization between the two dates (fill colour).
CHANGE: dict[str, Swatch] = {
    "gap_opened": Swatch("#d62728", "dot", "新增缺口", "gap opened"),
    "gap_closed": Swatch("#2ca02c", "dot", "缺口消除", "gap closed"),
    "gap_both": Swatch("#9467bd", "dot", "缺口有增有减", "gaps opened and closed"),
    "changed": Swatch("#6baed6", "dot", "机构或职务有变动", "bodies or posts changed"),
    "unchanged": Swatch("#e3e7ea", "dot", "无变化", "unchanged", border="#c5ccd1"),
}
#: The diff view's bodies: founded, dissolved, posts changed, unchanged (the glyph names the system).
BODY_CHANGE: dict[str, Swatch] = {
    "body_founded": Swatch("#1f77b4", "circle", "新建机构", "body founded"),
    "body_dissolved": Swatch("#757575", "circle", "撤销机构（虚线边框）", "body dissolved (dashed border)",
                             border="#212121", dashed=True),
    "posts_changed": Swatch("#eceff1", "circle", "机构内职务变动（橙色边框）", "posts changed in the body (orange border)",
                            border="#ff8c00"),
    "unchanged": Swatch("#eceff1", "circle", "机构无变化", "body unchanged", border="#cfd8dc"),
}
CHANGED_PERSON = Swatch("#ff8c00", "dot", "职务有变动的人员", "person whose posts changed")
POST_STARTED = Swatch("#ff8c00", "line", "新任职务", "post started")
POST_ENDED = Swatch("#8d6e63", "line", "离任职务（虚线）", "post ended (dashed)", dashed=True)

LEVEL = {"county": ("县", "county"), "district": ("区", "district"), "township": ("乡镇", "township"),
         "street": ("街道", "street"), "village": ("村", "village"), "community": ("社区", "community"),
         "park": ("工业园区", "industrial park")}
KIND = {"enterprise": ("非公企业", "enterprise"), "social_org": ("社会组织", "social organization"),
        "organ": ("机关", "government organ"), "institution": ("事业单位", "public institution"),
        "village": ("村", "village"), "community": ("社区", "community"),
        "park_admin": ("园区管委会", "park administration")}
ROLE = {"secretary": ("书记", "secretary"), "deputy_secretary": ("副书记", "deputy secretary"),
        "chair": ("主任/主席", "chair"), "vice_chair": ("副主任/副主席", "vice chair"), "member": ("委员", "member"),
        "liaison": ("联络员", "liaison officer"), "executive": ("执委", "executive")}

#: The report's and charts' words (figures from ``orgnet.results.FIGURES`` and headings).
WORDS: dict[str, tuple[str, str]] = {
    "townships": ("乡镇数", "townships"),
    "streets": ("街道数", "streets"),
    "two_new_orgs": ("两新组织数", "two-new organizations"),
    "two_new_30plus": ("女职工30人以上两新组织", "two-new organizations with 30+ women"),
    "two_new_30plus_committee": ("其中已建妇女组织比例", "of those, with a women's committee"),
    "two_new_coverage": ("两新组织妇女组织覆盖率", "two-new women's organization coverage"),
    "liaison_officers": ("妇女工作联络员", "liaison officers"),
    "women_bodies.federation": ("妇联", "women's federations"),
    "women_bodies.committee": ("妇委会", "women's committees"),
    "women_bodies.work_committee": ("妇女工作委员会", "women's work committees"),
    "women_bodies.congress": ("妇代会", "village women's congresses"),
    "women_bodies.organ_committee": ("机关妇委会", "organ women's committees"),
    "women_bodies.liaison": ("妇女工作联络员（机构）", "liaison officer posts"),
    "federations.township_street": ("乡镇（街道）妇联", "township/street federations"),
    "federations.community": ("社区妇联", "community federations"),
    "enterprise_women_committees": ("非公企业妇委会", "enterprise women's committees"),
    "organ_institution_women_bodies": ("机关事业单位妇女组织", "organ/institution women's bodies"),
    "village_women_share": ("村干部中女性比例", "women among village post holders"),
    "community_women_share": ("社区干部中女性比例", "women among community post holders"),
    "congress_chairs_in_two_committees": ("妇代会主任进村“两委”比例", "congress chairs in the village two committees"),
    "federation_cadres": ("区乡两级妇联干部", "federation cadres"),
    "federation_cadres_avg_age": ("妇联干部平均年龄", "federation cadres' average age"),
    "federation_cadres.college": ("其中大专", "of them, college"),
    "federation_cadres.bachelor": ("其中本科", "of them, bachelor"),
    "federation_cadres.postgraduate": ("其中研究生", "of them, postgraduate"),
    "demo_points": ("示范点", "demonstration points"),
    # headings and column names
    "report_title": ("党建带妇建：组织覆盖与一人多职报告", "Party building leads women's building: coverage and post overlaps"),
    "as_of": ("截至", "as of"),
    "source": ("数据", "data"),
    "figures": ("主要数据", "Key figures"),
    "charts": ("图表", "Charts"),
    "gaps_by_rule": ("按规则统计的覆盖缺口", "Coverage gaps by rule"),
    "top_gaps": ("主要覆盖缺口", "Top coverage gaps"),
    "top_overlaps": ("一人多职（职务最多者）", "Top post overlaps"),
    "plan": ("建设计划（前若干项）", "Building plan (first rows)"),
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
    "sanctioned_posts": ("规定或提倡的交叉任职", "sanctioned posts"),
    "extra_posts": ("另兼职务数", "extra posts"),
    "bodies": ("所任机构", "bodies"),
    "body_names": ("所任机构", "bodies"),
    "body_systems": ("系统", "systems"),
    "systems": ("系统", "systems"),
    "rank": ("序号", "rank"),
    "female_staff": ("女职工", "female staff"),
    "ready": ("条件成熟", "ready"),
    "party_grade": ("党组织定级", "party grade"),
    "candidates": ("人选", "candidates"),
    "reasons": ("理由", "reasons"),
    "showing": ("显示前 {n} 行，共 {total} 行", "first {n} of {total} rows"),
    "none": ("无", "none"),
    "redacted": ("人员姓名已替换为化名", "person names are replaced by pseudonyms"),
    "people_summed": ("带 * 的人员指标为各区县之和：在两个区县任职的人计两次",
                      "figures marked * add the regions up: a person holding posts in two of them counts twice"),
    "chart_coverage": ("两新组织妇女组织覆盖率（按乡镇/街道）", "Two-new women's organization coverage by township/street"),
    "chart_post_load": ("人均任职数分布", "Active posts per person"),
    "chart_women_bodies": ("妇女组织按类型", "Women's bodies by type"),
    "posts_axis": ("在任职务数", "active posts"),
    "people_axis": ("人数", "people"),
    "bodies_axis": ("个数", "bodies"),
    "coverage_axis": ("覆盖率 %", "coverage %"),
    "threshold": ("阈值", "threshold"),
    "no_data": ("无数据", "no data"),
    "lowest_shown": ("仅列覆盖率最低的 {shown} 个，共 {total} 个", "the {shown} lowest of {total} shown"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
}


def words(key: str, lang: str | None = None) -> str:
    """The words for ``key`` in ``lang`` (``zh``/``en``), or both when ``lang`` is None."""
    zh, en = WORDS.get(key, (key, key))
    return {"zh": zh, "en": en}.get(lang, f"{zh} {en}")


class Note(str):
    """A note in both languages. As text it is both, as a view's page shows it; ``in_lang`` gives
    one, for a page in one language (the report).

    >>> note = Note("已聚合。", "Aggregated.")
    >>> str(note), note.in_lang("en"), note.in_lang("zh")
    ('已聚合。 Aggregated.', 'Aggregated.', '已聚合。')
    """

    zh: str
    en: str

    def __new__(cls, zh: str, en: str) -> Note:
        note = super().__new__(cls, f"{zh} {en}")
        note.zh, note.en = zh, en
        return note

    def in_lang(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def __reduce__(self):  # copy and pickle as a Note, not as the joined text
        return Note, (self.zh, self.en)


def pair(table: dict, key, lang: str | None = None, default: str = "") -> str:
    """A ``(zh, en)`` entry of one of the word tables, in one language or both."""
    zh, en = table.get(key, (default or str(key), default or str(key)))
    return {"zh": zh, "en": en}.get(lang, zh if zh == en else f"{zh} {en}")


def body_type(system: str, kind: str, lang: str | None = None) -> str:
    """The word for a body type within its system ("妇委会 women's committee")."""
    entry = BODY_TYPE.get((system, kind), (kind, kind))
    return pair({0: entry}, 0, lang)
