"""Node positions computed in Python, so the browser draws with physics off and nothing moves.

``balloon`` lays a tree out as nested discs: every node's children sit on rings around it, small ones
on the inner rings, and each subtree keeps to its own disc, so clusters (a township, an organization
with its bodies) never overlap. ``components`` lays out a graph that is not a tree (people and the
bodies they hold): each connected piece separately, then the pieces packed around each other.
Everything is deterministic: the same input gives the same picture.

Examples
--------
>>> pos = balloon({"r": ["a", "b"]}, "r", {"r": 10, "a": 5, "b": 5})
>>> pos["r"], math.dist(pos["a"], pos["b"]) >= 5 + 5, math.dist(pos["r"], pos["a"]) >= 10 + 5
((0.0, 0.0), True, True)
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence

Pos = tuple[float, float]

#: Gap between neighbouring discs, in canvas pixels.
PAD = 6.0
#: Where a ring starts (radians, y down): a quarter turn, so a node's one or two children sit above it
#: or beside it, never straight below it where its label is drawn.
START = math.pi / 2


def ring_pack(center: float, radii: Sequence[float], pad: float = PAD) -> tuple[list[Pos], float]:
    """Place discs of ``radii`` on concentric rings around a disc of radius ``center``.

    Returns the offsets (in the given order) and the radius of the disc that holds them all.
    A ring takes discs while their diameters fit on its circumference; the next ring starts
    outside the widest disc of the previous one.

    >>> offsets, outer = ring_pack(10, [5, 5, 5])
    >>> len(offsets), outer > 10 + 2 * 5
    (3, True)
    """
    offsets: list[Pos] = [(0.0, 0.0)] * len(radii)
    inner, i, turn, outer = center + pad, 0, 0, center
    while i < len(radii):
        widest, used, j = radii[i], 0.0, i
        while j < len(radii):
            trial = max(widest, radii[j])
            need = used + 2 * radii[j] + pad
            if j > i and need > 2 * math.pi * (inner + trial):
                break
            widest, used, j = trial, need, j + 1
        ring = inner + widest
        spare = max(0.0, 2 * math.pi * ring - used) / (j - i)
        angle = START + 0.5 * turn  # stagger successive rings
        for k in range(i, j):
            arc = 2 * radii[k] + pad + spare
            theta = angle + arc / 2 / ring
            offsets[k] = (ring * math.cos(theta), ring * math.sin(theta))
            angle += arc / ring
        outer = ring + widest
        inner, i, turn = outer + pad, j, turn + 1
    return offsets, outer


def size_class(radius: float) -> int:
    """Discs within a factor of about 1.4 share a class; inner rings take the smaller classes.

    >>> size_class(10), size_class(12), size_class(40)
    (6, 7, 10)
    """
    return int(2 * math.log2(max(radius, 1.0)))


def balloon(children: Mapping[Hashable, Sequence[Hashable]], root: Hashable,
            radius: Mapping[Hashable, float], pad: float = PAD, origin: Pos = (0.0, 0.0)) -> dict[Hashable, Pos]:
    """Positions for a tree: each node's children on rings around it, smallest subtrees innermost.

    Parameters
    ----------
    children : node → its children (nodes absent or with no children are leaves)
    root : the tree's root
    radius : node → the room its own drawing needs (dot radius plus label)
    pad : gap between discs
    origin : where the root goes
    """
    order = preorder(children, root)
    disc, kids_of, offsets = _pack(children, order, radius, pad)
    pos: dict[Hashable, Pos] = {root: origin}
    for node in order:
        x, y = pos[node]
        for kid, (dx, dy) in zip(kids_of[node], offsets.get(node, ())):
            pos[kid] = (x + dx, y + dy)
    return pos


def discs(children: Mapping[Hashable, Sequence[Hashable]], root: Hashable,
          radius: Mapping[Hashable, float], pad: float = PAD) -> dict[Hashable, float]:
    """The radius of the disc each subtree takes in ``balloon``'s layout."""
    return _pack(children, preorder(children, root), radius, pad)[0]


def preorder(children: Mapping[Hashable, Sequence[Hashable]], root: Hashable) -> list:
    """Depth-first pre-order, iterative (trees may be deep); each node once."""
    order, todo, seen = [], [root], {root}
    while todo:
        node = todo.pop()
        order.append(node)
        for kid in children.get(node, ()):
            if kid not in seen:
                seen.add(kid)
                todo.append(kid)
    return order


def _pack(children, order, radius, pad):
    disc: dict[Hashable, float] = {}
    kids_of: dict[Hashable, list] = {}
    offsets: dict[Hashable, list[Pos]] = {}
    for node in reversed(order):
        kids = [k for k in children.get(node, ()) if k in disc]
        kids.sort(key=lambda k: size_class(disc[k]))  # small first (inner rings); stable within a class
        kids_of[node] = kids
        if kids:
            offsets[node], disc[node] = ring_pack(radius.get(node, 1.0), [disc[k] for k in kids], pad)
        else:
            disc[node] = radius.get(node, 1.0)
    return disc, kids_of, offsets


def forest(children: Mapping[Hashable, Sequence[Hashable]], roots: Sequence[Hashable],
           radius: Mapping[Hashable, float], pad: float = PAD) -> dict[Hashable, Pos]:
    """Several trees side by side: a virtual root holds them on rings (one tree: just ``balloon``)."""
    if len(roots) == 1:
        return balloon(children, roots[0], radius, pad)
    hub = object()
    pos = balloon({**children, hub: list(roots)}, hub, {**radius, hub: 0.0}, pad)
    pos.pop(hub)
    return pos


def spanning_tree(adjacency: Mapping[Hashable, Sequence[Hashable]], root: Hashable) -> dict[Hashable, list]:
    """A breadth-first spanning tree of a connected graph, as ``children`` for ``balloon``."""
    children: dict[Hashable, list] = {}
    seen, frontier = {root}, [root]
    while frontier:
        nxt = []
        for node in frontier:
            for other in adjacency.get(node, ()):
                if other not in seen:
                    seen.add(other)
                    children.setdefault(node, []).append(other)
                    nxt.append(other)
        frontier = nxt
    return children


def spring(nodes: Sequence[Hashable], edges: Sequence[tuple[Hashable, Hashable]],
           radius: Mapping[Hashable, float], seed: int = 2012) -> dict[Hashable, Pos]:
    """A force-directed layout of one small connected piece (networkx, seeded), scaled to node sizes."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    raw = nx.spring_layout(graph, seed=seed, iterations=40)
    spacing = 2.5 * max(radius.get(n, 1.0) for n in nodes) + PAD
    scale = spacing * math.sqrt(len(nodes))
    return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in raw.items()}


def components(nodes: Sequence[Hashable], edges: Sequence[tuple[Hashable, Hashable]],
               radius: Mapping[Hashable, float], rank: Mapping[Hashable, float] | None = None,
               spring_limit: int = 300) -> dict[Hashable, Pos]:
    """Lay out each connected piece on its own, then pack the pieces in rings around the one that
    holds the highest-``rank`` node (pieces with higher-ranked nodes nearer the middle).

    A piece with a cycle (up to ``spring_limit`` nodes) gets a force-directed layout; a tree, or a
    bigger piece, a balloon layout of a spanning tree rooted at its highest-``rank`` node.
    """
    rank = rank or {}
    adjacency: dict[Hashable, list] = {n: [] for n in nodes}
    for a, b in edges:
        if a in adjacency and b in adjacency and a != b:
            adjacency[a].append(b)
            adjacency[b].append(a)
    pieces, seen = [], set()
    for start in sorted(nodes, key=lambda n: (-rank.get(n, 0), str(n))):
        if start in seen:
            continue
        piece, todo = [], [start]
        seen.add(start)
        while todo:
            node = todo.pop()
            piece.append(node)
            for other in adjacency[node]:
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        pieces.append(piece)
    local, discs = [], []
    for piece in pieces:
        links = sum(len(adjacency[n]) for n in piece) // 2
        if len(piece) == 1:
            pos = {piece[0]: (0.0, 0.0)}
        elif links >= len(piece) and len(piece) <= spring_limit:  # has a cycle: let forces find its shape
            members = set(piece)
            pos = spring(piece, [(a, b) for a, b in edges if a in members and b in members], radius)
        else:  # a tree (or too big for forces): rings around its highest-ranked node
            pos = balloon(spanning_tree(adjacency, piece[0]), piece[0], radius)
        cx = sum(x for x, _ in pos.values()) / len(pos)
        cy = sum(y for _, y in pos.values()) / len(pos)
        pos = {n: (x - cx, y - cy) for n, (x, y) in pos.items()}
        local.append(pos)
        discs.append(max(math.hypot(x, y) + radius.get(n, 1.0) for n, (x, y) in pos.items()))
    top = [max(rank.get(n, 0) for n in piece) for piece in pieces]
    order = sorted(range(len(pieces)), key=lambda i: (-top[i], -discs[i]))  # highest rank in the middle
    if not order:
        return {}
    first = order[0]
    offsets, _ = ring_pack(discs[first], [discs[i] for i in order[1:]], pad=3 * PAD)
    out = dict(local[first])
    for i, (dx, dy) in zip(order[1:], offsets):
        out.update({n: (x + dx, y + dy) for n, (x, y) in local[i].items()})
    return out
