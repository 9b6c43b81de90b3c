"""The report: one self-contained HTML page an analyst can email.

It holds the key figures (``stats`` at the root region), the three charts as inline PNG, the gaps by
rule, the top gaps, the top post overlaps, the first rows of the building plan, and the coverage view
inline (an ``<iframe srcdoc>``, folded to ``max_nodes`` like any view, so the file stays small). Every
table cell is escaped; with ``redact`` person names (and ids) become stable pseudonyms.
Headings are in ``lang`` (``zh`` or ``en``); the embedded view keeps its bilingual legend.

Examples
--------
>>> import orgnet, tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "report.html"
>>> page = write_report(orgnet.load("tests/data/tiny").engine, out, "2012-06-30", source="tiny")
>>> "<iframe" in out.read_text(encoding="utf-8") and page == out
True
"""

from __future__ import annotations

import base64
import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from ..dataset import as_timestamp
from ..errors import InputError
from ..output import write_atomic
from ..redact import pseudonyms
from ..results import FIGURES, GAP_RULES, PEOPLE_FIGURES, figure_value
from ..rules import Rules
from . import charts
from .page import _environment, render
from .style import BODY_TYPE, FONT_STACK, GRADE, HEAD_WORDS, STATUS, SYSTEM, WORDS, Note, pair, words
from .views import DEFAULT_MAX_NODES, build_scene

TOP_ROWS = 20
PLAN_ROWS = 15
#: The figures shown as cards, in order.
CARD_FIGURES = ("two_new_coverage", "two_new_orgs", "two_new_30plus", "two_new_30plus_committee", "liaison_officers",
                "townships", "streets", "women_bodies.federation", "women_bodies.committee", "women_bodies.congress",
                "women_bodies.organ_committee", "congress_chairs_in_two_committees", "village_women_share",
                "community_women_share", "federation_cadres", "federation_cadres_avg_age", "demo_points")


@dataclass
class Column:
    key: str
    label: str
    num: bool = False


@dataclass
class Table:
    id: str
    title: str
    columns: list[Column]
    rows: list[list[str]] = field(default_factory=list)
    more: str = ""


def write_report(engine, path: str | Path, as_of: date | str | None = None, rules: Rules | None = None, *,
                 lang: str = "zh", redact: bool = False, max_nodes: int = DEFAULT_MAX_NODES, min_posts: int = 3,
                 source: str = "") -> Path:
    """Build the report from any engine and write it (atomically) to ``path``; returns the path."""
    path = Path(path)
    write_atomic(path, report_html(engine, as_of, rules, lang=lang, redact=redact, max_nodes=max_nodes,
                                   min_posts=min_posts, source=source))
    return path


def report_html(engine, as_of: date | str | None = None, rules: Rules | None = None, *, lang: str = "zh",
                redact: bool = False, max_nodes: int = DEFAULT_MAX_NODES, min_posts: int = 3, source: str = "") -> str:
    """The report page as text."""
    from markupsafe import Markup

    from ..version import __version__

    if lang not in ("zh", "en"):
        raise InputError(f"--lang {lang}: expected zh or en")
    day = as_timestamp(as_of).date()
    rules = rules or Rules()
    stats = engine.stats(day, rules)
    gaps = engine.gaps(day, rules)
    overlaps = engine.overlaps(day, rules.with_overrides(min_posts=2))
    plan = engine.plan(day, rules)
    if redact:
        overlaps = redact_people(overlaps)
    regions = engine.regions()
    places = dict(zip(regions["region_id"], regions["region_name"]))  # the tables name regions, not ids
    root = root_rows(stats)
    view = render(build_scene(engine, "coverage", day, rules, max_nodes=max_nodes, min_posts=min_posts,
                              redact=redact, source=source))
    shown = cards(root, lang)
    notes = [words("redacted", lang)] if redact else []
    if any(card["people_summed"] for card in shown):
        notes.append(words("people_summed", lang))
    notes += [note.in_lang(lang) if isinstance(note, Note) else note for note in view.notes]
    w = {key: words(key, lang) for key in WORDS}
    return _environment().get_template("report.html").render(
        version=__version__, lang=lang, title=words("report_title", lang), as_of=day.isoformat(), source=source,
        w=w, notes=notes, font_stack=Markup(FONT_STACK), root_name=root_names(root, lang),
        cards=shown, charts=chart_images(engine, day, rules, stats, lang, min_posts),
        tables=[gaps_by_rule(gaps, lang), top_gaps(gaps, lang, places), top_overlaps(overlaps, lang, redact),
                plan_rows(plan, lang, places)],
        view_iframe=Markup(view.iframe(height=680)), zip=zip)


def redact_people(frame: pd.DataFrame) -> pd.DataFrame:
    """Person names (and ids) replaced by their pseudonyms."""
    frame = frame.copy()
    names = pseudonyms(frame["person_id"].tolist())
    frame["person_name"] = frame["person_id"].map(names)
    frame["person_id"] = frame["person_name"]
    return frame


def root_rows(stats: pd.DataFrame) -> pd.DataFrame:
    """The stats rows of the root region(s): county or district, else the first region."""
    roots = stats[stats["level"].isin(["county", "district"])]
    if roots.empty and len(stats):
        roots = stats[stats["region_id"] == stats["region_id"].iloc[0]]
    return roots


def root_names(root: pd.DataFrame, lang: str, most: int = 5) -> str:
    """The root regions' names; past ``most`` of them, the first three and how many there are.

    >>> root_names(pd.DataFrame({"region_name": ["北湖区", "苏仙区"]}), "zh")
    '北湖区 / 苏仙区'
    >>> root_names(pd.DataFrame({"region_name": [f"县{i}" for i in range(500)]}), "en")
    '县0 / 县1 / 县2 and 497 more'
    """
    names = list(dict.fromkeys(root["region_name"]))
    if len(names) <= most:
        return " / ".join(names)
    more = f" 等 {len(names):,} 个区县" if lang == "zh" else f" and {len(names) - 3:,} more"
    return " / ".join(names[:3]) + more


def shown_value(unit: str, value: float) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if unit == "percent":
        return f"{value:.1f}%"
    if unit == "years":
        return f"{value:.1f}"
    return f"{int(value):,}"


def cards(root: pd.DataFrame, lang: str) -> list[dict]:
    """The headline figures: value, label, and numerator/denominator where there is one.

    Over several root regions the figures are added up; a people figure's card then has
    ``people_summed`` and its label ends in " *" (``words("people_summed")`` says why: a person
    holding posts in two regions counts in each).
    """
    out = []
    several = root["region_id"].nunique() > 1
    for figure in CARD_FIGURES:
        rows = root[root["figure"] == figure]
        if rows.empty or figure not in FIGURES:
            continue
        summed = several and figure in PEOPLE_FIGURES
        label = words(figure, lang) + (" *" if summed else "")
        num = int(rows["numerator"].fillna(0).sum())
        dens = rows["denominator"].dropna()
        den = int(dens.sum()) if len(dens) else None
        unit = FIGURES[figure][0]
        value = float(rows["value"].iloc[0]) if len(rows) == 1 else figure_value(unit, num, den)
        nd = f"{num:,} / {den:,}" if unit != "count" and den is not None else ""
        out.append({"value": shown_value(unit, value), "label": label, "nd": nd, "people_summed": summed})
    return out


def chart_images(engine, day: date, rules: Rules, stats: pd.DataFrame, lang: str, min_posts: int) -> list[dict]:
    figures = [
        (charts.coverage_chart(stats, lang), words("chart_coverage", lang)),
        (charts.post_load_chart(charts.posts_per_person(engine, day, rules), min_posts, lang),
         words("chart_post_load", lang)),
        (charts.women_bodies_chart(stats, lang), words("chart_women_bodies", lang)),
    ]
    out = []
    for fig, alt in figures:
        png = base64.b64encode(charts.figure_bytes(fig, "png")).decode("ascii")
        out.append({"src": f"data:image/png;base64,{png}", "alt": alt})
    return out


def _table(table_id: str, title: str, frame: pd.DataFrame, columns: list[str], lang: str, limit: int,
           numeric=(), formats=None) -> Table:
    formats = formats or {}
    table = Table(table_id, title, [Column(c, words(c, lang), c in numeric) for c in columns])
    for row in frame.head(limit).itertuples(index=False):
        values = row._asdict()
        table.rows.append([formats.get(c, _cell)(values[c]) for c in columns])
    if len(frame) > limit:
        table.more = words("showing", lang).format(n=limit, total=f"{len(frame):,}")
    return table


def _cell(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def gaps_by_rule(gaps: pd.DataFrame, lang: str) -> Table:
    counts = gaps.groupby("rule").size()
    frame = pd.DataFrame({"rule": [pair({r: (STATUS[r].zh, STATUS[r].en)}, r, lang) for r in GAP_RULES],
                          "organizations": [int(counts.get(r, 0)) for r in GAP_RULES]})
    return _table("gaps-by-rule", words("gaps_by_rule", lang), frame, ["rule", "organizations"], lang, 10,
                  numeric=("organizations",))


def top_gaps(gaps: pd.DataFrame, lang: str, places: dict[str, str]) -> Table:
    """The first gaps; ``places`` names each region id."""
    frame = gaps.copy()
    frame["rule"] = [pair({r: (STATUS[r].zh, STATUS[r].en)}, r, lang) if r in STATUS else r for r in frame["rule"]]
    return _table("top-gaps", words("top_gaps", lang), frame, ["org_id", "org_name", "region_id", "rule", "detail"],
                  lang, TOP_ROWS, formats={"detail": lambda v: gap_detail(_cell(v), lang),
                                           "region_id": lambda v: places.get(v, _cell(v))})


def top_overlaps(overlaps: pd.DataFrame, lang: str, redact: bool) -> Table:
    columns = (["person_name"] if redact else ["person_id", "person_name"]) + ["posts", "bodies", "systems"]
    return _table("top-overlaps", words("top_overlaps", lang), overlaps, columns, lang, TOP_ROWS, numeric=("posts",),
                  formats={"systems": lambda v: systems_said(_cell(v), lang)})


def plan_rows(plan: pd.DataFrame, lang: str, places: dict[str, str]) -> Table:
    """The plan's first rows; ``places`` names each region id."""
    yes, no = words("yes", lang), words("no", lang)
    return _table("plan", words("plan", lang), plan,
                  ["rank", "org_id", "org_name", "region_id", "female_staff", "ready", "party_grade", "candidates",
                   "reasons"], lang, PLAN_ROWS, numeric=("rank", "female_staff", "candidates"),
                  formats={"ready": lambda v: yes if v else no,
                           "party_grade": lambda v: pair(GRADE, _cell(v), lang),
                           "region_id": lambda v: places.get(v, _cell(v)),
                           "reasons": lambda v: plan_reasons(_cell(v), lang)})


# The analyses' own texts (the same from every engine, for programs) in the report's words. A text
# of another shape is shown as it is.
_FEMALE_STAFF = re.compile(r"female_staff=(\d+)")
_PARTY_BODIES = re.compile(r"party bodies: (.+)")
_NO_HEAD = re.compile(r"(\S+) \((\w+)\) has no active (\S+)")


def gap_detail(detail: str, lang: str) -> str:
    """A coverage gap's detail in the report's language.

    >>> gap_detail("female_staff=45", "zh"), gap_detail("female_staff=45", "en")
    ('女职工 45 人', '45 female staff')
    >>> gap_detail("B7 (congress) has no active chair", "zh")
    'B7（妇代会）无在任主任'
    >>> gap_detail("party bodies: B1;B2", "zh")
    '党组织：B1;B2'
    """
    if m := _FEMALE_STAFF.fullmatch(detail):
        return f"女职工 {m[1]} 人" if lang == "zh" else f"{m[1]} female staff"
    if (m := _PARTY_BODIES.fullmatch(detail)) and lang == "zh":
        return f"党组织：{m[1]}"
    if (m := _NO_HEAD.fullmatch(detail)) and lang == "zh":
        heads = "/".join(pair(HEAD_WORDS, role, "zh") for role in m[3].split("/"))
        return f"{m[1]}（{pair(BODY_TYPE, ('women', m[2]), 'zh', m[2])}）无在任{heads}"
    return detail


_REASONS_ZH = {"business stable": "经营稳定", "business not stable": "经营不稳定", "workforce stable": "职工队伍稳定",
               "workforce not stable": "职工队伍不稳定", "no candidate": "无合适人选"}


def plan_reasons(reasons: str, lang: str) -> str:
    """The building plan's reasons ("two stable, one suitable", and the party grade) in Chinese.

    >>> plan_reasons("business stable; workforce not stable; 2 candidate(s); party excellent", "zh")
    '经营稳定；职工队伍不稳定；合适人选 2 名；党组织优秀'
    >>> plan_reasons("business not stable; workforce stable; no candidate; party none", "zh")
    '经营不稳定；职工队伍稳定；无合适人选；无党组织'
    """
    if lang != "zh":
        return reasons
    out = []
    for reason in reasons.split("; "):
        if m := re.fullmatch(r"(\d+) candidate\(s\)", reason):
            out.append(f"合适人选 {m[1]} 名")
        elif reason.startswith("party "):
            grade = reason.removeprefix("party ")
            out.append(pair(GRADE, grade, "zh") if grade == "none" else "党组织" + pair(GRADE, grade, "zh"))
        else:
            out.append(_REASONS_ZH.get(reason, reason))
    return "；".join(out)


def systems_said(systems: str, lang: str) -> str:
    """``admin;party;women`` → 行政、党组织、妇女组织 (or administration, party, women's).

    >>> systems_said("party;women", "zh"), systems_said("party;women", "en")
    ('党组织、妇女组织', "party, women's")
    """
    names = [getattr(SYSTEM[s], lang) if s in SYSTEM else s for s in systems.split(";") if s]
    return ("、" if lang == "zh" else ", ").join(names)
