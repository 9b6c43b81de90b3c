"""The ``ego`` view: one person's or one organization's neighbourhood to depth 2 — posts, bodies and
the regions or organizations they belong to, employers, liaison links. Above ``max_nodes`` the second
ring is folded into counts per kind."""

from __future__ import annotations

from collections import Counter, defaultdict

from ...errors import InputError
from .. import layout
from ..data import Subgraph, subgraph
from ..scene import TREE_EDGE, Draw, Scene, ViewRequest, finish, place, start_scene
from ..style import COUNT, PERSON, REGION, STANDOUT, STATUS, SYSTEM, VACANT, Note


def ego_scene(engine, request: ViewRequest) -> Scene:
    """The ego view around ``request.person`` or ``request.org`` (exactly one) on ``request.as_of``.

    Raises
    ------
    InputError
        Neither or both of ``--person`` and ``--org``, or one not in the data.
    """
    gaps = engine.answer("gaps", as_of=request.as_of, rules=request.rules)
    sub = subgraph(engine, request.as_of)
    if (request.person is None) == (request.org is None):
        raise InputError("the ego view needs exactly one of --person ID or --org ID")
    if request.person is not None:
        center = sub.find("Person", request.person)
    else:
        center = sub.find("Organization", request.org)
    draw, scene, center = start_scene(sub, gaps, "ego", request, center)
    ego_view(draw, scene, center, request.max_nodes)
    return scene


def ego_adjacency(sub: Subgraph) -> dict[str, list[str]]:
    """Who is next to whom for the ego view: posts, bodies and hosts, employers, liaison links."""
    adj: dict[str, list[str]] = defaultdict(list)

    def both(a, b):
        adj[a].append(b)
        adj[b].append(a)

    for body, holders in sub.holders.items():
        for person, _ in holders:
            both(person, body)
    for host, bodies in sub.bodies_of.items():
        for body in bodies:
            both(body, host)
    for org, people in sub.employees.items():
        for person in people:
            both(person, org)
    for person, bodies in sub.liaisons_of.items():
        for body in bodies:
            both(person, body)
    return adj


def ego_view(draw: Draw, scene: Scene, center: str, max_nodes: int) -> None:
    """Draw ``center`` and the nodes within two steps of it (a region is not gone through)."""
    sub = draw.sub
    a = sub.node(center)
    head = a["name"] if a["name"] == a["id"] else f"{a['name']} ({a['id']})"
    scene.title = f"关系网（两层） Neighbourhood to depth 2 — {head}"
    adj = ego_adjacency(sub)
    level = {center: 0}
    children: dict[str, list[str]] = defaultdict(list)
    for depth in (1, 2):
        for node in [n for n, d in level.items() if d == depth - 1]:
            if depth > 1 and sub.node(node)["label"] == "Region":
                continue  # a region is context: its other bodies are not this neighbourhood
            for other in dict.fromkeys(adj.get(node, ())):
                if other not in level:
                    level[other] = depth
                    children[node].append(other)
    total = len(level)
    folded = total > max_nodes
    if folded:
        scene.aggregated = True
        scene.notes.append(Note(f"已聚合：两层关系网有 {total:,} 个节点，超过上限 {max_nodes:,}；第二层已按类别合并为计数。",
                                f"Aggregated: the neighbourhood has {total:,} nodes, more than --max-nodes {max_nodes:,};"
                                " the second ring is folded into counts per kind."))
    tree: dict[str, list[str]] = defaultdict(list)
    for node, d in level.items():
        if d <= 1 or not folded:
            draw_node(draw, node)
    for parent, kids in children.items():
        if folded and level[parent] == 1:
            for label, n in Counter(sub.node(k)["label"] for k in kids).items():
                node = f"Count:{parent}:{label}"
                draw.count(node, n, COUNT, f"{sub.node(parent)['name']}: {n} × {LABEL_WORDS[label]}")
                tree[parent].append(node)
                draw.link(parent, node, TREE_EDGE)
            continue
        for kid in kids:
            tree[parent].append(kid)
    for node in list(draw.nodes):
        for other in adj.get(node, ()):
            if other in draw.nodes:
                draw.link(node, other, edge_style(draw, node, other))
    pos = layout.components(list(draw.nodes), [(e["from"], e["to"]) for e in draw.edges], draw.radius,
                            {center: 1.0})
    place(draw, pos)
    spec = draw.nodes[center]
    spec["borderWidth"] = 4
    spec["font"] = {**spec.get("font", {}), "size": 16}
    finish(draw, scene)
    kinds = Counter(sub.node(n)["label"] for n in level if n != center)
    scene.facts += [f"{LABEL_WORDS[k]}: {n:,}" for k, n in sorted(kinds.items())]
    scene.legend = [REGION, *STATUS.values(), *[SYSTEM[s] for s in SYSTEM], VACANT, PERSON, STANDOUT]
    if folded:
        scene.legend.append(COUNT)


def edge_style(draw: Draw, a: str, b: str) -> dict:
    """A post (person–body) in the body's system colour; anything else a plain tree edge."""
    labels = {draw.sub.node(a)["label"]: a, draw.sub.node(b)["label"]: b}
    if set(labels) == {"Person", "Body"}:
        return draw.holds_style(labels["Body"])
    return TREE_EDGE


LABEL_WORDS = {"Region": "区域 regions", "Organization": "组织 organizations", "Body": "机构 bodies",
               "Person": "人员 people"}


def draw_node(draw: Draw, node: str) -> str:
    """Draw a node as what it is: a region, an organization, a body or a person."""
    label = draw.sub.node(node)["label"]
    if label == "Region":
        return draw.region(node)
    if label == "Organization":
        return draw.organization(node)
    if label == "Body":
        return draw.body(node)
    return draw.person(node)

