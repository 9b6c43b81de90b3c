"""The coverage-gap rules: one record per rule, read by the engines, views, report, CLI help and docs.

A rule is data here, and code in exactly two other places: its predicate in the embedded engine
(``orgnet.analyses.gaps.PREDICATES``) and its branch in ``cypher/queries/gaps.cypher``. Everything a
person sees of a rule (its name in both languages, the explanation, its colour and the ghost drawn for
the body it asks for) comes from its record, so a new rule shows up in every legend, table and page
without another edit. ``tests/test_gap_rules.py`` holds every record complete and every rule wired
into both engines.

Examples
--------
>>> [rule.id for rule in GAP_RULES]
['committee_required', 'liaison_required', 'party_without_women', 'vacant_head']
>>> RULES["committee_required"].requires, RULES["committee_required"].thresholds
('work_committee', ('committee_min_female', 'committee_types'))
>>> RULES["vacant_head"].ghost is None
True
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd


@dataclass(frozen=True)
class GapRule:
    """One coverage rule.

    Attributes
    ----------
    id : the rule's identifier in results (``gaps.rule``), options and files.
    zh, en : its name, as an official would write it.
    requires : the women's body type the rule asks for (``any``: any women's body; ``""``: a head, not a body).
    explanation_zh, explanation_en : one sentence: when an organization breaks it, and where the rule comes from.
    thresholds : the ``orgnet.rules.Rules`` fields it reads.
    colour : the status colour of an organization breaking it (views, charts).
    ghost : the colour of the dashed border of the ghost node drawn for the missing body, or None (no ghost).
    ghost_zh, ghost_en : the ghost's label (what is missing); empty when there is no ghost.
    detail_en, detail_zh : how a row's ``detail`` reads, as a template over the row's typed columns
        (``{female_staff}``, ``{party_body_ids}``, ``{body_id}``, ``{body_name}``, ``{body_type}``, ``{head_role}``)
        and the words for them (``{body_type_words}``, ``{head_words}``, ``{head_title}``: the head's title by
        body type); rendered by ``orgnet.glossary``.
    """

    id: str
    zh: str
    en: str
    requires: str
    explanation_zh: str
    explanation_en: str
    thresholds: tuple[str, ...]
    colour: str
    ghost: str | None = None
    ghost_zh: str = ""
    ghost_en: str = ""
    detail_en: str = ""
    detail_zh: str = ""

    def __post_init__(self) -> None:
        needed = ["id", "zh", "en", "explanation_zh", "explanation_en", "colour", "detail_en", "detail_zh"]
        needed += ["ghost_zh", "ghost_en"] if self.ghost else []
        empty = [name for name in needed if not getattr(self, name)]
        if empty:
            raise ValueError(f"gap rule {self.id!r} lacks {', '.join(empty)}")


#: Every rule, in the order its rows appear in ``gaps`` and in legends.
GAP_RULES: tuple[GapRule, ...] = (
    GapRule(
        id="committee_required", zh="应建未建妇委会（妇工委）", en="gap: women's committee required, not built (≥30 women)",
        requires="work_committee",
        explanation_zh="女职工达到阈值（默认30人）的“两新”组织应建立妇委会（妇工委）（龙游）。",
        explanation_en="A two-new organization with at least committee_min_female female staff (30) builds a "
                       "women's work committee (Longyou, rule 1).",
        thresholds=("committee_min_female", "committee_types"),
        colour="#ff7f0e", ghost="#e6550d", ghost_zh="应建未建妇委会（妇工委）", ghost_en="women's committee required, not built",
        detail_en="{female_staff} female staff", detail_zh="女职工 {female_staff} 人"),
    GapRule(
        id="liaison_required", zh="应设未设妇女工作联络员", en="gap: liaison officer required, not appointed",
        requires="liaison",
        explanation_zh="女职工不足阈值的“两新”组织应设妇女工作联络员（龙游）。",
        explanation_en="A two-new organization with fewer female staff (but at least liaison_min_female) and no "
                       "women's body appoints a women's work liaison officer (Longyou, rule 1).",
        thresholds=("committee_min_female", "liaison_min_female"),
        colour="#f7c948", ghost="#c99a06", ghost_zh="应设未设妇女工作联络员", ghost_en="liaison officer required, not appointed",
        detail_en="{female_staff} female staff", detail_zh="女职工 {female_staff} 人"),
    GapRule(
        id="party_without_women", zh="已建党组织未建妇女组织", en="gap: party body built, no women's body",
        requires="any",
        explanation_zh="哪里有党组织，哪里就有妇女组织（北湖）。",
        explanation_en="An organization with an active party body and no active women's body (Beihu, rule 2).",
        thresholds=(),
        colour="#9467bd", ghost="#7b4fa6", ghost_zh="已建党组织未建妇女组织", ghost_en="party body built, no women's body",
        detail_en="party bodies: {party_body_ids}", detail_zh="党组织：{party_body_ids}"),
    GapRule(
        id="vacant_head", zh="妇女组织负责人空缺", en="gap: women's body without a head",
        requires="",
        explanation_zh="已建妇女组织无在任负责人（主席、主任或联络员）。",
        explanation_en="An active women's body in which nobody holds a head role (chair; liaison for a liaison "
                       "officer) on the day.",
        thresholds=(),
        colour="#8c564b",
        detail_en="{body_name}: no active {head_title}", detail_zh="{body_name}：{head_title}空缺"),
)

#: The rules by id.
RULES: dict[str, GapRule] = {rule.id: rule for rule in GAP_RULES}

#: The rules' ids in row order (what ``gaps.rule`` holds).
RULE_IDS: tuple[str, ...] = tuple(RULES)

#: The rules that draw a ghost node for the missing body.
GHOST_RULES: tuple[str, ...] = tuple(rule.id for rule in GAP_RULES if rule.ghost)


def help_text() -> str:
    """One line per rule, for ``--rule`` help and ``orgnet schema``.

    >>> help_text().splitlines()[0].split(':')[0]
    'committee_required (应建未建妇委会（妇工委）)'
    """
    return "\n".join(f"{r.id} ({r.zh}): {r.explanation_en}" for r in GAP_RULES)


def rules_markdown() -> str:
    """The rules as a Markdown table (``orgnet schema``, docs)."""
    head = "| rule | 中文 | requires | thresholds | what breaks it |\n|---|---|---|---|---|\n"
    return head + "\n".join(f"| `{r.id}` | {r.zh} | {r.requires or 'a head'} | "
                            f"{', '.join(f'`{t}`' for t in r.thresholds) or '—'} | {r.explanation_en} |"
                            for r in GAP_RULES)


def ranked_gaps(gaps: pd.DataFrame) -> pd.DataFrame:
    """The gaps in the order a person reads them (the report's and the summary's top gaps): by rule
    (the registry's order), then most female staff first (the largest organizations without their
    body), then organization id.

    >>> g = pd.DataFrame({"org_id": ["O1", "O2", "O3", "O4"], "female_staff": [31, 88, None, 40],
    ...                   "rule": ["committee_required", "committee_required", "vacant_head", "party_without_women"]})
    >>> ranked_gaps(g).org_id.tolist()
    ['O2', 'O1', 'O4', 'O3']
    """
    order = {rule: i for i, rule in enumerate(RULE_IDS)}
    keyed = gaps.assign(_rule=gaps["rule"].map(order).fillna(len(order)),
                        _staff=pd.to_numeric(gaps["female_staff"], errors="coerce").fillna(-1))
    ranked = keyed.sort_values(["_rule", "_staff", "org_id"], ascending=[True, False, True], kind="stable")
    return ranked.drop(columns=["_rule", "_staff"])
