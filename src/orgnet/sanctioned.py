"""Sanctioned cross-appointments (交叉任职): the posts the reports require or endorse one person to hold together.

The reports present 一人多职, 一套班子几块牌子 and 交叉任职 as deliberate practice (资源共享、力量聚合), and
require some of it (村妇代会主任100%进入村“两委”班子). One record per pattern the reports support, each
citing its phrase: two of a person's bodies that are hosted by the same organization (or, for
region-level bodies, the same region) and match the record's two sides form one *seat* — one job held
under several nameplates, not an extra post. ``overlaps`` reads these records (both engines; the
oracle spells them out on its own), and ``nameplates`` calls a pair of bodies one team by design when
a record covers it.

A side is a set of ``system/type`` tokens (``*`` for any type of that system) and the roles a post in
that body must have (empty: any role). Where it applies: ``org_kinds`` (host organizations of these
kinds; ``two_new_only`` for two-new ones only) and ``region_levels`` (region-level bodies of regions at
these levels).

Read beyond the phrase (the reports are silent, the practice is the same): a community's party body and
residents' committee are its 两委 as a village's are (the report counts 村、居干部 together), and a public
institution's party body and leadership team are one 党政领导班子 as an organ's are.

Not modelled: the park women's committee chair who joins the park's 两新办 (an office, not a body in
the schema), and county federation cadres seconded as two-new party-building liaison officers.

Examples
--------
>>> [rule.id for rule in SANCTIONED]
['congress_chair_in_two_committees', 'village_two_committees', 'party_government_team', \
'federation_chair_in_leadership', 'two_new_one_team']
>>> RULES["congress_chair_in_two_committees"].strength
'required'
>>> RULES["congress_chair_in_two_committees"].side_a.matches("women", "congress", {"chair"})
True
>>> RULES["congress_chair_in_two_committees"].side_a.matches("women", "congress", {"vice_chair"})
False
"""

from __future__ import annotations

from dataclasses import dataclass

#: How strongly the reports stand behind a pattern.
STRENGTHS = ("required", "endorsed")


@dataclass(frozen=True)
class Side:
    """One side of a pattern: which bodies (``system/type``, ``system/*``) and which roles (empty: any)."""

    bodies: tuple[str, ...]
    roles: tuple[str, ...] = ()

    def matches(self, system: str, body_type: str, roles: set[str] | frozenset[str]) -> bool:
        """Whether a body of this system and type, where she holds ``roles``, is on this side."""
        body_ok = f"{system}/{body_type}" in self.bodies or f"{system}/*" in self.bodies
        return body_ok and (not self.roles or bool(set(roles) & set(self.roles)))


@dataclass(frozen=True)
class Sanctioned:
    """One sanctioned cross-appointment.

    Attributes
    ----------
    id : its identifier in results (``overlaps.rules``, ``nameplates.rule``) and in ``Rules.sanctioned``.
    zh, en : its name, as an official would write it.
    strength : ``required`` (the reports set it as a target) or ``endorsed`` (the reports praise it or
        count the bodies as one team).
    source : the report (北湖 / 龙游) and quote: the phrase it rests on, as the report writes it (简体).
    side_a, side_b : the two bodies she holds (each ``Side``).
    org_kinds, two_new_only, region_levels : where it applies (see the module's text).
    """

    id: str
    zh: str
    en: str
    strength: str
    source: str
    quote: str
    side_a: Side
    side_b: Side
    org_kinds: tuple[str, ...] = ()
    two_new_only: bool = False
    region_levels: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        empty = [n for n in ("id", "zh", "en", "source", "quote") if not getattr(self, n)]
        if empty or self.strength not in STRENGTHS or not (self.org_kinds or self.region_levels):
            raise ValueError(f"sanctioned rule {self.id!r} incomplete: {', '.join(empty) or 'strength/hosts'}")

    def as_param(self) -> dict:
        """The record as a Cypher parameter map (``$sanctioned_patterns``)."""
        return {"id": self.id, "a_bodies": list(self.side_a.bodies), "a_roles": list(self.side_a.roles),
                "b_bodies": list(self.side_b.bodies), "b_roles": list(self.side_b.roles),
                "org_kinds": list(self.org_kinds), "two_new_only": self.two_new_only,
                "region_levels": list(self.region_levels)}


_PARTY = "party/*"
_TEAM = ("party/*", "women/*", "union/*", "youth/*")

#: Every sanctioned pattern, in the order rule ids are listed in results.
SANCTIONED: tuple[Sanctioned, ...] = (
    Sanctioned(
        id="congress_chair_in_two_committees", zh="村妇代会主任进村“两委”", en="village congress chair in the two committees",
        strength="required", source="北湖",
        quote="推动村妇代会进村支两委。目前，我区已实现村妇代会主任100%进入村“两委”班子",
        side_a=Side(("women/congress",), ("chair",)), side_b=Side((_PARTY, "admin/villagers_committee")),
        org_kinds=("village",)),
    Sanctioned(
        id="village_two_committees", zh="村（居）“两委”班子交叉任职", en="member of both village (community) committees",
        strength="endorsed", source="北湖", quote="村“两委”班子",
        side_a=Side((_PARTY,)), side_b=Side(("admin/villagers_committee", "admin/residents_committee")),
        org_kinds=("village", "community")),
    Sanctioned(
        id="party_government_team", zh="党政领导班子", en="one party and government leadership team",
        strength="endorsed", source="北湖",
        quote="区直党政工作部门一半以上的领导班子配备女干部，乡镇、街道党政领导班子至少配有一名女干部",
        side_a=Side((_PARTY,)), side_b=Side(("admin/team",)), org_kinds=("organ", "institution"),
        region_levels=("township", "street")),
    Sanctioned(
        id="federation_chair_in_leadership", zh="乡镇（街道）妇联主席进领导班子",
        en="township federation chair in the leadership team", strength="endorsed", source="北湖",
        quote="10名乡镇街道妇联主席被提拔进入乡镇街道领导班子",
        side_a=Side(("women/federation",), ("chair",)), side_b=Side((_PARTY, "admin/team")),
        region_levels=("township", "street")),
    Sanctioned(
        id="two_new_one_team", zh="“两新”组织一套班子几块牌子", en="one team, several nameplates in a two-new organization",
        strength="endorsed", source="龙游",
        quote="与工会、团委齐抓共建……人员上“一人多职”，采取“一套班子几块牌子”交叉任职",
        side_a=Side(_TEAM), side_b=Side(_TEAM), org_kinds=("enterprise", "social_org"), two_new_only=True),
)

#: The records by id.
RULES: dict[str, Sanctioned] = {rule.id: rule for rule in SANCTIONED}

#: Every record's id (the default of ``Rules.sanctioned``).
RULE_IDS: tuple[str, ...] = tuple(RULES)


def patterns(ids) -> list[dict]:
    """The records named in ``ids`` (``Rules.sanctioned``), in registry order, as Cypher parameter maps."""
    return [rule.as_param() for rule in SANCTIONED if rule.id in set(ids)]


def rules_markdown() -> str:
    """The records as a Markdown table (README, ``orgnet schema``)."""
    head = "| rule | 中文 | strength | source: phrase |\n|---|---|---|---|\n"
    return head + "\n".join(f"| `{r.id}` | {r.zh} | {r.strength} | {r.source}：“{r.quote}” |" for r in SANCTIONED)
