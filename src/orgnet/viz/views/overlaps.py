"""The ``overlaps`` view: the people the ``overlaps`` analysis lists under the rules' lens (``load`` by
default: posts beyond the cross-appointments the reports require or endorse; ``cross``; ``all``),
sized by posts, linked to the bodies they hold (coloured by system); people at or above ``min_posts``
are gold stars. The title says which lens is shown. Above ``max_nodes`` only the first people of the
analysis's order (most extra posts, then most posts) are drawn (the rest are in the overlaps table)."""

from __future__ import annotations

from ...glossary import lens_title
from ...redact import pseudonyms
from .. import layout
from ..data import subgraph
from ..scene import Draw, Scene, ViewRequest, finish, place, start_scene
from ..style import PERSON, ROLE, STANDOUT, SYSTEM, VACANT, Note, pair


def overlaps_scene(engine, request: ViewRequest) -> Scene:
    """The overlaps view of ``request.as_of``."""
    gaps = engine.answer("gaps", as_of=request.as_of, rules=request.rules)
    listed = engine.answer("overlaps", as_of=request.as_of, rules=request.rules)["person_id"].tolist()
    sub = subgraph(engine, request.as_of)
    if request.redact:  # the people are drawn under the pseudonyms start_scene gives them
        names = pseudonyms(sub.node_ids("Person"))
        listed = [names.get(i, i) for i in listed]
    draw, scene, _ = start_scene(sub, gaps, "overlaps", request)
    overlaps_view(draw, scene, request.max_nodes, listed, request.rules)
    return scene


def overlaps_view(draw: Draw, scene: Scene, max_nodes: int, listed: list[str], rules) -> None:
    """Draw the ``listed`` people in their order (as many as fit ``max_nodes``) and the bodies they hold."""
    sub = draw.sub
    names = "、".join(sub.node(t)["name"] for t in sub.roots())
    scene.title = f"一人多职 Post overlaps — {names} — {lens_title(rules, 'zh')} / {lens_title(rules, 'en')}"
    people = [p for p in (f"Person:{i}" for i in listed) if p in sub.posts_of]
    chosen, used = [], set()
    for person in people:
        new = {person} | {b for b, _ in sub.posts_of[person]}
        if len(used | new) > max_nodes:
            break
        chosen.append(person)
        used |= new
    if len(chosen) < len(people):
        scene.aggregated = True
        rest = len(people) - len(chosen)
        scene.notes.append(Note(
            f"已聚合：本图列 {len(people):,} 人，全部显示将超过上限 {max_nodes:,} 个节点；"
            f"图中为兼职最多的 {len(chosen):,} 人，其余 {rest:,} 人见一人多职表。",
            f"Aggregated: {len(people):,} people are listed, more than --max-nodes {max_nodes:,}"
            f" allows; shown are the first {len(chosen):,}, the other {rest:,} are in the overlaps table."))
    for person in chosen:
        draw.person(person)
        for body, _ in sub.posts_of[person]:
            draw.body(body)
    for person in chosen:
        for body, role in sub.posts_of[person]:
            draw.link(person, body, {**draw.holds_style(body), "width": 2}, pair(ROLE, role))
    rank = {p: len(sub.posts_of[p]) for p in chosen}
    pos = layout.components(list(draw.nodes), [(e["from"], e["to"]) for e in draw.edges], draw.radius, rank)
    place(draw, pos)
    finish(draw, scene)
    standouts = sum(1 for p in chosen if rank[p] >= draw.min_posts)
    scene.facts = [f"{lens_title(rules, 'zh')} {lens_title(rules, 'en')}: {len(people):,}",
                   f"≥ {draw.min_posts} 个职务 posts: {standouts:,}"] + scene.facts
    scene.legend = [STANDOUT, PERSON, *[SYSTEM[s] for s in SYSTEM], VACANT]
