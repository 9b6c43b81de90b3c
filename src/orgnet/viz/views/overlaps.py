"""The ``overlaps`` view: people with two or more active posts, sized by posts, linked to the bodies
they hold (coloured by system); people at or above ``min_posts`` are gold stars. Above ``max_nodes``
only the people with most posts are drawn (the rest are in the overlaps table)."""

from __future__ import annotations

from .. import layout
from ..data import subgraph
from ..scene import Draw, Scene, ViewRequest, finish, place, start_scene
from ..style import PERSON, ROLE, STANDOUT, SYSTEM, VACANT, Note, pair


def overlaps_scene(engine, request: ViewRequest) -> Scene:
    """The overlaps view of ``request.as_of``."""
    gaps = engine.answer("gaps", as_of=request.as_of, rules=request.rules)
    draw, scene, _ = start_scene(subgraph(engine, request.as_of), gaps, "overlaps", request)
    overlaps_view(draw, scene, request.max_nodes)
    return scene


def overlaps_view(draw: Draw, scene: Scene, max_nodes: int) -> None:
    """Draw the people with most posts (as many as fit ``max_nodes``) and the bodies they hold."""
    sub = draw.sub
    names = "、".join(sub.node(t)["name"] for t in sub.roots())
    scene.title = f"一人多职 Post overlaps — {names}"
    people = [p for p, posts in sub.posts_of.items() if len(posts) >= 2]
    people.sort(key=lambda p: (-len(sub.posts_of[p]), sub.node(p)["id"]))
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
            f"已聚合：{len(people):,} 人任两个以上职务，全部显示将超过上限 {max_nodes:,} 个节点；"
            f"图中为职务最多的 {len(chosen):,} 人，其余 {rest:,} 人见一人多职表。",
            f"Aggregated: {len(people):,} people hold two or more posts, more than --max-nodes {max_nodes:,}"
            f" allows; shown are the {len(chosen):,} with most posts, the other {rest:,} are in the overlaps table."))
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
    scene.facts = [f"两个以上职务 two or more posts: {len(people):,}",
                   f"≥ {draw.min_posts} 个职务 posts: {standouts:,}"] + scene.facts
    scene.legend = [STANDOUT, PERSON, *[SYSTEM[s] for s in SYSTEM], VACANT]
