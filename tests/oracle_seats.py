"""The oracle's reading of sanctioned cross-appointments (``overlaps``' lenses, ``nameplates``' kinds),
spelled out one pair of bodies at a time from the records in ``orgnet.sanctioned`` (data only: the
matching below is written here, not taken from orgnet).

Two of a person's bodies are tied by a record when they belong to the same host node (organization or
region), the host is of a kind the record names, one body is on side a (``system/type`` or
``system/*`` listed, and one of her roles there listed unless none are) and the other on side b. Her
seats are the connected groups of a graph of her bodies and these ties.
"""

from __future__ import annotations

import networkx as nx

from orgnet.sanctioned import SANCTIONED

#: The records' ids in the registry's order (the order of ``overlaps.rules``).
REGISTRY_ORDER = [record.id for record in SANCTIONED]


def host_node(walk, body):
    """The organization or region a body belongs to (None if neither)."""
    return next((v for v, _ in walk.out_edges(body, "BELONGS_TO")), None)


def on_side(walk, body, roles: set[str], bodies: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    b = walk.attrs(body)
    listed = f"{b['system']}/{b['type']}" in bodies or f"{b['system']}/*" in bodies
    return listed and (not wanted or any(r in wanted for r in roles))


def applies(walk, host, record) -> bool:
    """Whether the record applies to bodies of this host."""
    if host is None:
        return False
    h = walk.attrs(host)
    if host[0] == "Organization":
        return h["kind"] in record.org_kinds and (bool(h["two_new"]) or not record.two_new_only)
    return h["level"] in record.region_levels


def tying(walk, first, second, roles: dict, ids) -> list[str]:
    """The records in force (``ids``) tying two of her bodies, in registry order."""
    host = host_node(walk, first)
    if host is None or host != host_node(walk, second):
        return []
    found = []
    for record in SANCTIONED:
        if record.id not in ids or not applies(walk, host, record):
            continue
        a1 = on_side(walk, first, roles[first], record.side_a.bodies, record.side_a.roles)
        b1 = on_side(walk, first, roles[first], record.side_b.bodies, record.side_b.roles)
        a2 = on_side(walk, second, roles[second], record.side_a.bodies, record.side_a.roles)
        b2 = on_side(walk, second, roles[second], record.side_b.bodies, record.side_b.roles)
        if (a1 and b2) or (b1 and a2):
            found.append(record.id)
    return found


def seats_of(walk, bodies: list, roles: dict, ids) -> tuple[dict, int]:
    """Per body, the records tying it to another of hers; and how many seats she holds."""
    graph = nx.Graph()
    graph.add_nodes_from(bodies)
    tied: dict = {b: set() for b in bodies}
    for i, first in enumerate(bodies):
        for second in bodies[i + 1:]:
            found = tying(walk, first, second, roles, ids)
            if found:
                graph.add_edge(first, second)
                tied[first].update(found)
                tied[second].update(found)
    return {b: [r for r in REGISTRY_ORDER if r in tied[b]] for b in bodies}, nx.number_connected_components(graph)


def kept(rules, sanctioned_posts: int, extra_posts: int) -> bool:
    """Whether the lens shows a person."""
    if rules.overlap_lens == "load":
        return extra_posts >= rules.min_extra_posts
    if rules.overlap_lens == "cross":
        return sanctioned_posts > 0
    return True


def people_left(walk, body, day, holders: set) -> int:
    """People whose post in the body ended by the day and who hold none there now."""
    return len({p for p, e in walk.in_edges(body, "HOLDS")
                if e["end"] is not None and e["end"] <= day and p not in holders})


def nameplate_kind(walk, first, second, day, held: dict, ids) -> dict:
    """``kind``, ``rules``, ``lost_body``, ``people_left`` of a listed pair; ``held`` is body → {person: roles}."""
    common = set(held[first]) & set(held[second])
    rules = [r for r in REGISTRY_ORDER if r in ids]
    for person in common:
        found = tying(walk, first, second, {first: held[first][person], second: held[second][person]}, ids)
        rules = [r for r in rules if r in found]
    lost = {}
    for body in (first, second):
        left = people_left(walk, body, day, set(held[body]))
        if set(held[body]) <= common and left > 0:
            lost[body] = left
    if lost:
        body = max(lost, key=lambda b: (lost[b], b == first))  # more people gone; on a tie the first
        return {"kind": "lost_own_people", "rules": rules, "lost_body": body[1], "people_left": lost[body]}
    return {"kind": "one_team" if rules else "shared", "rules": rules, "lost_body": "", "people_left": 0}
