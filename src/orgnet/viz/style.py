"""Colours and shapes the views, charts and report share, with their words from ``orgnet.glossary``.

Every legend entry's words are written once (``glossary.LEGEND``, ``glossary.WORDS``), in Chinese and
English, so the view's legend, the chart labels and the report's tables say the same thing.

Examples
--------
>>> STATUS["committee_required"].zh, SYSTEM["women"].glyph
('应建未建妇委会（妇工委）', '妇')
>>> words("women_bodies.congress", "en")
"village women's congresses"
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .. import gap_rules
# the words (orgnet.glossary), re-exported for the views
from ..glossary import (BODY_TYPE, FOLD_NOTES, GLYPH, GRADE, HEAD_WORDS, KIND, LEGEND, LEVEL, ROLE,  # noqa: F401
                        SYSTEM_WORDS, WORDS, head_title, system_words, words)

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


COVERED = Swatch("#2ca02c", "dot", *LEGEND["covered"])
NOT_REQUIRED = Swatch("#c7c7c7", "dot", *LEGEND["not_required"])

#: Coverage status of an organization, in legend order: covered, each gap rule (``orgnet.gap_rules``,
#: its colour and words), not required.
STATUS: Mapping[str, Swatch] = _Live(lambda: {
    "covered": COVERED, **{r.id: Swatch(r.colour, "dot", r.zh, r.en) for r in gap_rules.GAP_RULES},
    "not_required": NOT_REQUIRED})

#: Body systems: colour and the one-character glyph drawn inside a body's node.
SYSTEM: dict[str, Swatch] = {
    system: Swatch(colour, "circle", *SYSTEM_WORDS[(system, "")], GLYPH[(system, "")])
    for system, colour in (("party", "#d62728"), ("women", "#e377c2"), ("union", "#1f77b4"), ("youth", "#17becf"),
                           ("admin", "#7f7f7f"))}


def system_text(system: str, type_: str = "", lang: str | None = None) -> str:
    """A body's system in words, ``admin`` by type (党政班子 or 村（居）委会); both languages when ``lang`` is None.

    >>> system_text("admin", "villagers_committee"), system_text("admin", "team", "zh")
    ("村（居）委会 villagers' (residents') committee", '党政班子')
    """
    if lang:
        return system_words(system, lang, type_)
    return f"{system_words(system, 'zh', type_)} {system_words(system, 'en', type_)}"


def glyph(system: str, type_: str = "") -> str:
    """The character drawn inside a body's node: its system's, or its type's (村, 居) where it has one."""
    return GLYPH.get((system, type_)) or GLYPH.get((system, ""), "")

REGION = Swatch("#37474f", "box", *LEGEND["region"])
ORGANIZATION = Swatch("#90a4ae", "square", *LEGEND["organization"])
PERSON = Swatch("#78909c", "dot", *LEGEND["person"])
STANDOUT = Swatch("#ffd21f", "star", *LEGEND["standout"])
COUNT = Swatch("#b0bec5", "dot", *LEGEND["count"])
VACANT = Swatch("#e377c2", "circle", *LEGEND["vacant"], border="#8c564b",
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
    r.id: Swatch(GHOST_FILL, "dot", r.ghost_zh + LEGEND["dashed"][0], r.ghost_en + LEGEND["dashed"][1], border=r.ghost,
                 dashed=True)
    for r in gap_rules.GAP_RULES if r.ghost})
GHOST_COUNT = Swatch(GHOST_FILL, "dot", *LEGEND["ghost_count"],
                     border="#ad1457", dashed=True)
GHOST_MARK = Swatch("#ffffff", "dot", *LEGEND["ghost_mark"],
                    border="#37474f", dashed=True)

#: The diff view: what happened to an organization between the two dates (fill colour).
CHANGE: dict[str, Swatch] = {
    "gap_opened": Swatch("#d62728", "dot", *LEGEND["change.gap_opened"]),
    "gap_closed": Swatch("#2ca02c", "dot", *LEGEND["change.gap_closed"]),
    "gap_both": Swatch("#9467bd", "dot", *LEGEND["change.gap_both"]),
    "changed": Swatch("#6baed6", "dot", *LEGEND["change.changed"]),
    "unchanged": Swatch("#e3e7ea", "dot", *LEGEND["change.unchanged"], border="#c5ccd1"),
}
#: The diff view's bodies: founded, dissolved, posts changed, unchanged (the glyph names the system).
BODY_CHANGE: dict[str, Swatch] = {
    "body_founded": Swatch("#1f77b4", "circle", *LEGEND["body_change.body_founded"]),
    "body_dissolved": Swatch("#757575", "circle", *LEGEND["body_change.body_dissolved"],
                             border="#212121", dashed=True),
    "posts_changed": Swatch("#eceff1", "circle", *LEGEND["body_change.posts_changed"],
                            border="#ff8c00"),
    "unchanged": Swatch("#eceff1", "circle", *LEGEND["body_change.unchanged"], border="#cfd8dc"),
}
CHANGED_PERSON = Swatch("#ff8c00", "dot", *LEGEND["changed_person"])
POST_STARTED = Swatch("#ff8c00", "line", *LEGEND["post_started"])
POST_ENDED = Swatch("#8d6e63", "line", *LEGEND["post_ended"], dashed=True)


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


# -- the coverage view's tiles and the overlaps view's rows ------------------------------------------
#: A region tile's fill by coverage (organizations with a women's body ÷ those with one or missing one):
#: (lowest share, swatch), highest first; ``TILE_NONE`` where no organization needs one.
TILE_BINS: tuple[tuple[float, Swatch], ...] = tuple(
    (low, Swatch(colour, "square", *LEGEND[f"tile.{key}"]))
    for low, colour, key in ((0.9, "#1a9850", "90"), (0.75, "#91cf60", "75"), (0.5, "#fee08b", "50"),
                             (0.25, "#fc8d59", "25"), (0.0, "#d73027", "0")))
TILE_NONE = Swatch("#cfd8dc", "square", *LEGEND["tile.none"])
TILE = Swatch("#ffffff", "square", *LEGEND["tile"], border="#37474f")
GROUP = Swatch("#37474f", "text", *LEGEND["group"])
#: One ghost per organization missing a women's body, and the dashed line to it.
GHOST_ONE = Swatch(GHOST_FILL, "dot", *LEGEND["ghost_one"], border="#ad1457", dashed=True)
GHOST_LINK = Swatch("#ad1457", "line", *LEGEND["ghost_link"], dashed=True)
SANCTIONED_POST = Swatch("#eceff1", "circle", *LEGEND["sanctioned"], border="#2e7d32")
EXTRA_POST = Swatch("#eceff1", "circle", *LEGEND["extra"])
OVERLAP_PERSON = Swatch("#fff8e1", "box", *LEGEND["overlap_person"], border="#b8860b")
OVERLAP_ORG = Swatch("#546e7a", "text", *LEGEND["overlap_org"])


def tile_swatch(have: int, need: int) -> Swatch:
    """The fill of a region tile whose ``have`` of ``need`` organizations have a women's body.

    >>> tile_swatch(9, 10).en, tile_swatch(1, 10).en, tile_swatch(0, 0).en
    ('coverage ≥ 90%', 'coverage < 25%', "no organization needs a women's body")
    """
    if not need:
        return TILE_NONE
    share = have / need
    return next(swatch for low, swatch in TILE_BINS if share >= low)
