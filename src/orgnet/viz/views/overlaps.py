"""The ``overlaps`` view: the people the ``overlaps`` analysis lists, one row each, most posts first.

Who is listed is exactly ``overlaps``' answer under the same rules: its lens (``load`` by default:
posts beyond the cross-appointments the reports require or endorse; ``cross``; ``all``) and its
``min_posts`` (``--min-posts`` filters as ``orgnet overlaps --min-posts`` does). The first ``top``
(default 50) by posts are drawn (then by extra posts, then by id), as many as ``max_nodes`` allows.

Each row: the person (name, posts and extra posts),
then her bodies grouped by the organization (or region) that hosts them, each body a box in its
system's colour naming the body type and her role; a post in a sanctioned cross-appointment
(``orgnet.sanctioned``) has a thick green border, any other post none. The picture reads from the
top, at a zoom where the names read (``Scene.start_at_top``).

Examples
--------
>>> import orgnet
>>> from datetime import date
>>> from orgnet.viz.views import build_scene
>>> s = build_scene(orgnet.load("tests/data/tiny").engine, "overlaps", date(2012, 6, 30))
>>> sorted(n["id"] for n in s.nodes if n["id"].startswith("Person:"))
['Person:P4', 'Person:P6', 'Person:P7']
"""

from __future__ import annotations

import pandas as pd

from ...glossary import lens_title, post_title
from ...redact import redact_frame
from ..scene import Scene, ViewRequest, short, text_width
from ..style import (EXTRA_POST, OVERLAP_ORG, OVERLAP_PERSON, ROLE, SANCTIONED_POST, SYSTEM, Note, body_type, glyph,
                     pair, system_text, words)

#: Row height, the person box's width, gaps between bodies and between organizations (canvas pixels).
ROW_H, PERSON_W, BODY_GAP, ORG_GAP = 78.0, 200.0, 8.0, 30.0
BODY_FONT, ORG_FONT, PERSON_FONT = 13, 13, 14


def overlaps_scene(engine, request: ViewRequest) -> Scene:
    """The overlaps view of ``request.as_of`` (see the module docstring)."""
    rules = request.rules.with_overrides(min_posts=request.filter_posts)
    frame = engine.answer("overlaps", as_of=request.as_of, rules=rules)
    bodies = engine.answer("bodies", as_of=request.as_of).set_index("body_id")
    regions = engine.answer("regions")
    places = dict(zip(regions["region_id"], regions["region_name"]))
    if request.redact:
        frame = redact_frame(frame)
    frame = frame.sort_values(["posts", "extra_posts", "person_id"], ascending=[False, False, True], kind="stable")
    roots = regions.loc[regions["parent_id"].fillna("").astype(str) == "", "region_name"].tolist()
    scene = Scene("overlaps", f"{words('overlaps_title')} — {'、'.join(roots)} — {lens_title(rules, 'zh')} / "
                  f"{lens_title(rules, 'en')}", request.as_of, request.source)
    draw_rows(scene, frame, bodies, places, request)
    total = len(frame)
    shown = sum(1 for n in scene.nodes if n["id"].startswith("Person:"))
    scene.facts = [words("overlaps_people", "zh").format(shown=f"{shown:,}", total=f"{total:,}") + " "
                   + words("overlaps_people", "en").format(shown=f"{shown:,}", total=f"{total:,}"),
                   words("min_posts_fact").format(n=rules.min_posts)]
    scene.aggregated = shown < min(request.top, total)  # max_nodes, not --top, cut the list
    if shown < total:
        said = {"shown": f"{shown:,}", "top": request.top, "rest": f"{total - shown:,}"}
        scene.notes.append(Note(words("top_note", "zh").format(**said), words("top_note", "en").format(**said)))
    scene.legend = [OVERLAP_PERSON, OVERLAP_ORG, SANCTIONED_POST, EXTRA_POST, *SYSTEM.values()]
    scene.start_at_top = True
    return scene


def draw_rows(scene: Scene, frame: pd.DataFrame, bodies: pd.DataFrame, places: dict, request: ViewRequest) -> None:
    """One row per person, her bodies grouped by host, until ``top`` people or ``max_nodes`` nodes."""
    y = 0.0
    for row in frame.head(request.top).itertuples(index=False):
        nodes = person_row(row, bodies, places, y)
        if len(scene.nodes) + len(nodes) > request.max_nodes:
            break
        scene.nodes += nodes
        y += ROW_H


def person_row(row, bodies: pd.DataFrame, places: dict, y: float) -> list[dict]:
    """The person's box, then her bodies by host organization (or region), left to right."""
    person = f"Person:{row.person_id}"
    label = f"*{short(str(row.person_name).replace('*', ''), 14)}*\n" + words("person_posts", "zh").format(
        posts=row.posts, extra=row.extra_posts)
    fill = OVERLAP_PERSON.color
    tip = [f"{row.person_name} ({row.person_id})", words("person_posts", "en").format(posts=row.posts, extra=row.extra_posts)]
    tip += [f"  {name}" for name in row.body_names]
    nodes = [{"id": person, "label": label, "shape": "box", "x": PERSON_W / 2, "y": y, "title": "\n".join(tip),
              "color": {"background": fill, "border": OVERLAP_PERSON.border}, "borderWidth": 2,
              "widthConstraint": {"minimum": PERSON_W - 20, "maximum": PERSON_W - 20},
              "font": {"size": PERSON_FONT, "multi": "md", "bold": {"size": PERSON_FONT + 2}}, "margin": 6}]
    hosts: dict[str, list[int]] = {}
    for i, org in enumerate(row.org_ids):
        hosts.setdefault(org or f"region:{bodies.loc[row.body_ids[i], 'region_id']}", []).append(i)
    x = PERSON_W + ORG_GAP
    for host, at in hosts.items():
        name = places.get(host[7:], host[7:]) if host.startswith("region:") else row.org_names[at[0]]
        heading = short(name, 14)
        boxes = [body_box(row, i, bodies, person) for i in at]
        widths = [text_width(b["label"], BODY_FONT) + 22 for b in boxes]
        span = max(sum(widths) + BODY_GAP * (len(boxes) - 1), text_width(heading, ORG_FONT))
        nodes.append({"id": f"Host:{row.person_id}:{host}", "label": heading, "shape": "text",
                      "x": round(x + text_width(heading, ORG_FONT) / 2, 1), "y": y - 22, "title": name,
                      "font": {"size": ORG_FONT, "color": OVERLAP_ORG.color, "strokeWidth": 0}})
        bx = x
        for box, width in zip(boxes, widths):
            box["x"], box["y"] = round(bx + width / 2, 1), y + 8
            nodes.append(box)
            bx += width + BODY_GAP
        x += span + ORG_GAP
    return nodes


def body_box(row, i: int, bodies: pd.DataFrame, person: str) -> dict:
    """One of her posts: the body type and her role(s), in the body's system colour; sanctioned: green border."""
    body, system = row.body_ids[i], row.body_systems[i]
    kind = bodies.loc[body, "type"] if body in bodies.index else ""
    roles = [r for r in str(row.roles[i]).split("/") if r]
    said = "/".join(post_title(system, kind, r, "zh") for r in roles)
    label = f"{body_type(system, kind, 'zh')} {said}".strip()
    colour = SYSTEM.get(system, SYSTEM["admin"]).color
    sanctioned = bool(row.body_rules[i])
    tip = [f"{row.body_names[i]} ({body})", system_text(system, kind), f"{pair(ROLE, row.roles[i].split('/')[0])}"]
    if sanctioned:
        tip.append(f"{SANCTIONED_POST.text()}: {row.body_rules[i]}")
    border = SANCTIONED_POST.border if sanctioned else colour
    return {"id": f"Post:{person}:{body}", "label": label, "shape": "box", "title": "\n".join(tip),
            "color": {"background": colour, "border": border}, "borderWidth": 4 if sanctioned else 1,
            "font": {"size": BODY_FONT, "color": "#ffffff", "strokeWidth": 0}, "margin": 6, "orgnetGlyph": glyph(system, kind)}
