"""The ``stats`` figures, defined once: each one's unit, its words, the report's phrase it answers,
and what orgnet counts for it (``FIGURES``).

``docs/FIGURES.md`` is generated from this registry (``figures_markdown``; ``orgnet schema
--figures`` prints it, ``orgnet schema --figures > docs/FIGURES.md`` rewrites the file) and a test
compares the two, so the written definitions cannot drift from the ones the code reads. The
engines (``orgnet.analyses.stats``, ``cypher/queries/stats.cypher``) count what ``numerator`` and
``denominator`` say; the shown values are rounded by ``orgnet.results.figure_value``.

Examples
--------
>>> FIGURES["two_new_coverage"].unit, FIGURES["two_new_coverage"].zh
('percent', '“两新”组织妇女组织组建率')
>>> figure_label("federation_cadres", "zh", "county"), figure_label("federation_cadres", "zh", "district")
('县乡两级妇联干部', '区乡两级妇联干部')
"""

from __future__ import annotations

from typing import NamedTuple

LONGYOU = "龙游县妇联：坚持党建带妇建 加快“两新”组织中妇联组织建设"
BEIHU = "北湖区：坚持党建带妇建 全面提升基层妇女组织能力"


class Figure(NamedTuple):
    """One ``stats`` figure.

    Attributes
    ----------
    unit : ``count``, ``percent`` (numerator over denominator, ×100) or ``years`` (an average).
    zh, en : its label, in the report's words.
    source : the report it comes from (``LONGYOU``, ``BEIHU``), or empty for orgnet's own figure.
    phrase : the report's words, quoted (empty where the report says nothing about it).
    numerator, denominator : what orgnet counts (the denominator is empty for a count).
    assumes : where the report is silent, what orgnet assumes.
    """

    unit: str
    zh: str
    en: str
    source: str
    phrase: str
    numerator: str
    denominator: str = ""
    assumes: str = ""


_TWO_NEW = ("organizations with `two_new` = yes: non-public enterprises and new social organizations; "
            "women's groups such as 女领导干部联谊会 or 女农民专业协会 are not two-new organizations "
            "(`two_new` = no)")
_BODY_COUNT = "The report counts bodies; orgnet counts active bodies of that type (dissolved ones are not counted)."
_TWO_COMMITTEES = ("a post in its party body (党委/党总支/党支部) or its 村（居）委会 (`villagers_committee`, "
                   "`residents_committee`)")
_CADRE = ("people holding an active post other than 执委 (`executive`) in a women's federation of a region "
          "(no host organization) whose level is in `cadre_federation_levels` (county, district, township, street)")

FIGURES: dict[str, Figure] = {
    "townships": Figure("count", "乡镇", "townships", BEIHU, "北湖区有14个乡镇4个街道",
                        "regions of level `township`"),
    "streets": Figure("count", "街道", "streets (sub-districts)", BEIHU, "北湖区有14个乡镇4个街道",
                      "regions of level `street`"),
    "two_new_orgs": Figure(
        "count", "“两新”组织", "two-new organizations", "", "", _TWO_NEW,
        assumes="The reports give no number of two-new organizations; this is the denominator orgnet assumes "
                "for the 组建率."),
    "two_new_30plus": Figure(
        "count", "女性固定职工30人以上的“两新”组织", "two-new organizations with 30 or more female fixed staff",
        LONGYOU, "已在133家有女性固定职工30人以上的两新组织组建妇女工作委员会43个",
        "two-new organizations with `female_staff` ≥ `committee_min_female` (30)"),
    "two_new_30plus_committee": Figure(
        "percent", "其中已建妇委会（妇工委）比例", "of those, with a women's committee or work committee",
        LONGYOU, "已在133家有女性固定职工30人以上的两新组织组建妇女工作委员会43个",
        "of those, the ones with an active women's body of a type in `committee_types` (妇委会, 妇工委, 妇联)",
        "two-new organizations with 30 or more female fixed staff",
        "The report gives the two counts (43 of 133), not a rate; orgnet shows 43/133 as a percentage."),
    "two_new_coverage": Figure(
        "percent", "“两新”组织妇女组织组建率", "two-new organizations with a women's organization (organization coverage)",
        BEIHU, "全区“两新”组织中妇女组织组建率已达到44.3%",
        "two-new organizations with an active women's organization (组织覆盖): a women's body of any type but "
        "妇女工作联络员 (`liaison`)",
        "all two-new organizations",
        "The report gives no denominator; orgnet divides by every two-new organization, whatever its staff. "
        "A liaison officer is women's work, not a women's organization: she counts in the work coverage only."),
    "two_new_work_coverage": Figure(
        "percent", "“两新”组织妇女工作覆盖率", "two-new organizations with women's work (work coverage)",
        LONGYOU, "哪里有妇女，哪里就有妇女组织，哪里就有妇女工作",
        "two-new organizations with an active women's organization or an active 妇女工作联络员 (工作覆盖)",
        "all two-new organizations",
        "The reports give no such rate; orgnet's own figure, beside the 组建率, for the reports' distinction "
        "between 组织覆盖 and 工作覆盖 (Longyou: 30 or more female staff build a 妇工委, fewer a 联络员)."),
    "liaison_officers": Figure(
        "count", "妇女工作联络员", "women's work liaison officers", LONGYOU,
        "在女性固定职工不足30人的两新组织设立妇女工作联络员66名",
        "active women's bodies of type `liaison` (one per officer), in any organization",
        assumes="The report counts officers (名); orgnet counts liaison bodies, one officer each."),
    "women_bodies.federation": Figure(
        "count", "各级妇联（区、乡镇街道、社区）", "women's federations (district, township/street, community)", BEIHU,
        "全区有乡镇（街道）妇联18个，……社区妇联35个",
        "active women's federations of every level, region-level and hosted", assumes=_BODY_COUNT),
    "women_bodies.committee": Figure(
        "count", "妇委会", "women's committees", BEIHU, "非公企业妇委会165个",
        "active women's committees (type `committee`) of every host", assumes=_BODY_COUNT),
    "women_bodies.work_committee": Figure(
        "count", "妇女工作委员会（妇工委）", "women's work committees", LONGYOU, "组建妇女工作委员会43个",
        "active women's work committees (type `work_committee`)", assumes=_BODY_COUNT),
    "women_bodies.congress": Figure(
        "count", "村妇代会", "village women's congresses", BEIHU, "农村妇代会128个",
        "active women's congresses (type `congress`)", assumes=_BODY_COUNT),
    "women_bodies.organ_committee": Figure(
        "count", "机关妇委会", "women's committees of Party or government organs", BEIHU, "机关妇委会35个",
        "active bodies of type `organ_committee`", assumes=_BODY_COUNT),
    "women_bodies.liaison": Figure(
        "count", "妇女工作联络员（人）", "women's work liaison officers (people)", LONGYOU,
        "设立妇女工作联络员66名", "active women's bodies of type `liaison`, one officer each",
        assumes=_BODY_COUNT),
    "federations.township_street": Figure(
        "count", "乡镇（街道）妇联", "township and street women's federations", BEIHU, "全区有乡镇（街道）妇联18个",
        "active region-level women's federations of township and street regions"),
    "federations.community": Figure(
        "count", "社区妇联", "community women's federations", BEIHU, "社区妇联35个",
        "active women's federations hosted by a community, or of a community region"),
    "enterprise_women_committees": Figure(
        "count", "非公企业妇委会", "women's committees in non-public enterprises", BEIHU, "非公企业妇委会165个",
        "active women's committees and work committees hosted by enterprises (`kind` = enterprise)"),
    "organ_institution_women_bodies": Figure(
        "count", "机关部门和事业单位妇女组织", "women's organizations of organs and institutions", BEIHU,
        "健全完善了53个机关部门和事业单位妇女组织",
        "active women's bodies of any type hosted by organs and institutions"),
    "village_women_share": Figure(
        "percent", "村干部中女性比例", "women among village cadres", BEIHU, "村、居干部中，女性分别占32%、71%",
        "women among the village cadres",
        "村干部: people holding, in a village (`kind` = village), " + _TWO_COMMITTEES + " — the village "
        "“两委”; each person once",
        "Members of the 妇代会 and of other village bodies are not 村干部 unless they also sit in the two "
        "committees."),
    "community_women_share": Figure(
        "percent", "社区（居）干部中女性比例", "women among community cadres", BEIHU,
        "村、居干部中，女性分别占32%、71%",
        "women among the community cadres",
        "居干部: people holding, in a community (`kind` = community), " + _TWO_COMMITTEES + " — the "
        "community's party body and residents' committee (居委会); each person once",
        "Members of the community 妇联 and of other community bodies are not 居干部 unless they also sit in "
        "the party body or the residents' committee."),
    "congress_chairs_in_two_committees": Figure(
        "percent", "村妇代会主任进入村“两委”班子比例", "village women's congress chairs in the village two committees",
        BEIHU, "已实现村妇代会主任100%进入村“两委”班子",
        "village women's congresses whose chair also holds a post in the same village's party body or "
        "villagers' committee",
        "village women's congresses with an active chair",
        "A congress without a chair on the day is left out of both."),
    "federation_cadres": Figure(
        "count", "区乡两级妇联干部", "district and township federation cadres", BEIHU, "全区区乡两级妇联干部共58人",
        _CADRE + "; each person once",
        assumes="执委 (executive-committee members) who hold no other post in such a federation are not cadres. "
                "The label reads 县乡两级 for a county, 区乡两级 for a district."),
    "federation_cadres_avg_age": Figure(
        "years", "妇联干部平均年龄", "federation cadres' average age", BEIHU, "平均年龄37岁",
        "sum over the federation cadres of (the as-of year − birth year)",
        "federation cadres with a birth year",
        "Age is counted in whole years from the birth year; cadres without a birth year are left out."),
    "federation_cadres.college": Figure(
        "count", "其中大专学历", "of them, college", BEIHU, "大专学历24人",
        "federation cadres whose education is `college`"),
    "federation_cadres.bachelor": Figure(
        "count", "其中本科学历", "of them, bachelor's degree", BEIHU, "本科学历33人",
        "federation cadres whose education is `bachelor`"),
    "federation_cadres.postgraduate": Figure(
        "count", "其中研究生学历", "of them, postgraduate", BEIHU, "研究生学历1人",
        "federation cadres whose education is `postgraduate`"),
    "demo_points": Figure(
        "count", "“党建带妇建”工作示范点", "demonstration points of “party building leads women's building”",
        BEIHU, "有郴江镇、北湖街道、五里堆社区、小溪村、宇腾化工公司等各类示范点20多个",
        "demonstration points named by the as-of day (`since` empty or earlier), in their organization's region"),
}

#: The figures that count people, each person once per region. Added up over several regions (the
#: summary past a few top regions, the report's cards), a person holding posts in two of them counts
#: in each: the sum is an upper bound, and the printouts say so.
PEOPLE_FIGURES = ("village_women_share", "community_women_share", "federation_cadres", "federation_cadres_avg_age",
                  "federation_cadres.college", "federation_cadres.bachelor", "federation_cadres.postgraduate")

#: The federation cadres' label by the level of the region they are counted for.
_CADRE_LABELS = {"county": ("县乡两级妇联干部", "county and township federation cadres"),
                 "district": ("区乡两级妇联干部", "district and township federation cadres"),
                 "township": ("乡镇妇联干部", "township federation cadres"),
                 "street": ("街道妇联干部", "street federation cadres")}


def figure_label(name: str, lang: str = "zh", level: str | None = None) -> str:
    """A figure's label in ``lang`` (``zh``/``en``); the federation cadres' by the region's level.

    >>> figure_label("two_new_30plus_committee", "zh"), figure_label("federation_cadres", "en", "county")
    ('其中已建妇委会（妇工委）比例', 'county and township federation cadres')
    """
    if name == "federation_cadres" and level in _CADRE_LABELS:
        zh, en = _CADRE_LABELS[level]
    else:
        figure = FIGURES[name]
        zh, en = figure.zh, figure.en
    return zh if lang == "zh" else en


def figures_markdown() -> str:
    """Every ``stats`` figure as Markdown: the report's phrase, orgnet's definition, what it assumes."""
    lines = ["# The `stats` figures", "",
             "Generated from `orgnet.figures.FIGURES` by `orgnet schema --figures > docs/FIGURES.md`; a test "
             "fails when this file differs from the registry the engines count by. Every figure is counted "
             "for each region whose level is in `stats_levels`, from the region and every region below it; "
             "bodies and posts count when active on the as-of day (see the README's \"Time\").", "",
             "Percentages and averages are shown to one decimal, rounded half up (四舍五入: 9/16 → 56.3 %); "
             "the numerator and denominator beside them are exact counts.", "",
             "Sources: " + LONGYOU + " (Longyou); " + BEIHU + " (Beihu).", ""]
    for name, f in FIGURES.items():
        lines += [f"## `{name}` — {f.zh}", "", f"*{f.en}* · unit: {f.unit}", ""]
        if f.phrase:
            lines.append(f"- Report ({'Longyou' if f.source == LONGYOU else 'Beihu'}): “{f.phrase}”")
        else:
            lines.append("- Report: silent (orgnet's own figure).")
        if f.denominator:
            lines += [f"- Numerator: {f.numerator}.", f"- Denominator: {f.denominator}."]
        else:
            lines.append(f"- Counts: {f.numerator}.")
        if f.assumes:
            lines.append(f"- Where the report is silent: {f.assumes}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
