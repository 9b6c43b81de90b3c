"""The report: one self-contained HTML page an analyst can email.

It holds the key figures (``stats`` at the root region), the three charts as inline PNG, the gaps by
rule, the top gaps, the top post overlaps, the first rows of the build queue and of the party-first
list (``plan``), and the coverage view
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
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from ..dataset import as_timestamp
from ..errors import InputError
from ..files import write_output
from ..redact import redact_frame
from .. import gap_rules
from ..figures import figure_label
from ..glossary import candidates_said, gap_detail, lens_title, plan_reasons, system_words
from ..results import FIGURES, PEOPLE_FIGURES, figure_value
from ..rules import Rules
from . import charts
from .page import _environment, render
from .style import FONT_STACK, GRADE, STATUS, WORDS, Note, pair, words
from .views import DEFAULT_MAX_NODES, build_scene

TOP_ROWS = 20
#: The embedded coverage view's height (CSS pixels); its tiles lay out again for it (wider than tall: read from the top).
REPORT_VIEW_HEIGHT = 680
PLAN_ROWS = 15
#: The figures shown as cards, in order.
CARD_FIGURES = ("two_new_coverage", "two_new_work_coverage", "two_new_orgs", "two_new_30plus",
                "two_new_30plus_committee", "liaison_officers", "townships", "streets", "women_bodies.federation", "women_bodies.committee", "women_bodies.congress",
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
    write_output(path, report_html(engine, as_of, rules, lang=lang, redact=redact, max_nodes=max_nodes,
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
    stats = engine.answer("stats", as_of=day, rules=rules)
    gaps = engine.answer("gaps", as_of=day, rules=rules)
    overlaps = engine.answer("overlaps", as_of=day, rules=rules.with_overrides(min_posts=2))
    plan = engine.answer("plan", as_of=day, rules=rules)
    if redact:  # the one redaction of result tables (orgnet.redact)
        overlaps, plan = redact_frame(overlaps), redact_frame(plan)
    bodies = engine.answer("bodies", as_of=day)
    types = dict(zip(bodies["body_id"], bodies["type"]))  # the admin system reads by type (党政班子, 村（居）委会)
    regions = engine.answer("regions")
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
        tables=[gaps_by_rule(gaps, lang), top_gaps(gaps, lang, places), top_overlaps(overlaps, lang, redact, types, rules),
                plan_rows(plan, lang, places), party_first_rows(plan, lang, places)],
        view_iframe=Markup(view.iframe(height=REPORT_VIEW_HEIGHT)), zip=zip)


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
    more = words("more_roots", lang).format(n=f"{len(names):,}", more=f"{len(names) - 3:,}")
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
        levels = rows["level"].unique()  # the cadres' label names the levels: 县乡两级 / 区乡两级
        label = figure_label(figure, lang, levels[0] if len(levels) == 1 else None) + (" *" if summed else "")
        num = int(rows["numerator"].fillna(0).sum())
        dens = rows["denominator"].dropna()
        den = int(dens.sum()) if len(dens) else None
        unit = FIGURES[figure][0]
        value = float(rows["value"].iloc[0]) if len(rows) == 1 else figure_value(unit, num, den)
        nd = _numerator_denominator(unit, num, den, lang)
        out.append({"value": shown_value(unit, value), "label": label, "nd": nd, "people_summed": summed})
    return out


def _numerator_denominator(unit: str, num: int, den: int | None, lang: str) -> str:
    """What a card prints under its value: ``num / den`` for a rate; for a mean (a sum of ages over
    people) only how many it averages, since the sum means nothing to a reader.

    >>> _numerator_denominator("percent", 165, 367, "zh"), _numerator_denominator("years", 2144, 58, "zh")
    ('165 / 367', '共 58 人')
    """
    if unit == "count" or den is None:
        return ""
    if unit == "years":
        return words("mean_of", lang).format(n=f"{den:,}")
    return f"{num:,} / {den:,}"


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
    rules = gap_rules.RULE_IDS
    frame = pd.DataFrame({"rule": [pair({r: (STATUS[r].zh, STATUS[r].en)}, r, lang) for r in rules],
                          "organizations": [int(counts.get(r, 0)) for r in rules]})
    return _table("gaps-by-rule", words("gaps_by_rule", lang), frame, ["rule", "organizations"], lang, 10,
                  numeric=("organizations",))


def top_gaps(gaps: pd.DataFrame, lang: str, places: dict[str, str]) -> Table:
    """The first gaps, their details in the report's language (``orgnet.glossary``); ``places`` names each region id."""
    frame = gap_rules.ranked_gaps(gaps).head(TOP_ROWS + 1).copy()
    frame["detail"] = gap_detail(frame, lang)
    frame["rule"] = [pair({r: (STATUS[r].zh, STATUS[r].en)}, r, lang) if r in STATUS else r for r in frame["rule"]]
    table = _table("top-gaps", words("top_gaps", lang), frame, ["org_id", "org_name", "region_id", "rule", "detail"],
                   lang, TOP_ROWS, formats={"region_id": lambda v: places.get(v, _cell(v))})
    if len(gaps) > TOP_ROWS:
        table.more = words("showing", lang).format(n=TOP_ROWS, total=f"{len(gaps):,}")
    return table


def top_overlaps(overlaps: pd.DataFrame, lang: str, redact: bool, types: dict[str, str] | None = None,
                 rules: Rules | None = None) -> Table:
    """The first overlaps rows; ``types`` gives each body id its type (the admin system's words); the title
    says which lens they are seen through (``orgnet.glossary.lens_title``)."""
    columns = (["person_name"] if redact else ["person_id", "person_name"]) + ["posts", "sanctioned_posts",
                                                                                 "extra_posts", "body_names", "body_systems"]
    frame = overlaps.head(TOP_ROWS + 1)
    frame = frame.assign(body_systems=[systems_said(systems, lang, [(types or {}).get(b, "") for b in ids])
                                       for systems, ids in zip(frame["body_systems"], frame["body_ids"])])
    title = words("top_overlaps", lang) + ("——" if lang == "zh" else " — ") + lens_title(rules or Rules(), lang)
    return _table("top-overlaps", title, frame, columns, lang, TOP_ROWS, numeric=("posts", "sanctioned_posts", "extra_posts"),
                  formats={"body_names": "、".join if lang == "zh" else ", ".join})


def plan_rows(plan: pd.DataFrame, lang: str, places: dict[str, str]) -> Table:
    """The build queue's first rows (下一步组建对象): grade, readiness, candidates by name with their
    posts, and the grounds, in the report's language (``orgnet.glossary``); ``places`` names each region id."""
    queue = plan[plan["list"] == "queue"]
    queue = queue.assign(reasons=plan_reasons(queue, lang), candidates=candidates_said(queue, lang))
    return _table("plan", words("plan", lang), queue,
                  ["rank", "org_name", "region_id", "female_staff", "party_grade", "candidates", "reasons"], lang,
                  PLAN_ROWS, numeric=("rank", "female_staff"),
                  formats={"party_grade": lambda v: pair(GRADE, _cell(v), lang),
                           "region_id": lambda v: places.get(v, _cell(v))})


def party_first_rows(plan: pd.DataFrame, lang: str, places: dict[str, str]) -> Table:
    """The party-first list's first rows (先建党组织): organizations that need a women's committee
    but have no party body yet, by size."""
    first = plan[plan["list"] == "party_first"]
    first = first.assign(candidates=candidates_said(first, lang))
    return _table("party-first", words("party_first", lang), first,
                  ["rank", "org_name", "region_id", "female_staff", "total_staff", "candidates"], lang, PLAN_ROWS,
                  numeric=("rank", "female_staff", "total_staff"),
                  formats={"region_id": lambda v: places.get(v, _cell(v))})


def systems_said(systems: list[str], lang: str, types: list[str] | None = None) -> str:
    """The distinct systems of a person's bodies, in order of first appearance, in words; with the bodies'
    ``types``, the admin system as 党政班子 or 村（居）委会 (``orgnet.glossary.system_words``).

    >>> systems_said(["party", "women", "party"], "zh"), systems_said(["party", "women"], "en")
    ('党组织、妇女组织', "party, women's")
    >>> systems_said(["party", "admin", "admin"], "zh", ["branch", "villagers_committee", "team"])
    '党组织、村（居）委会、党政班子'
    """
    kinds = types if types is not None and len(types) == len(systems) else [""] * len(systems)
    names = dict.fromkeys(system_words(s, lang, t) for s, t in zip(systems, kinds))
    return ("、" if lang == "zh" else ", ").join(names)
