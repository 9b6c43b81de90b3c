"""Key-person risk: whose departure leaves bodies headless, and who bridges party and women's work."""

from __future__ import annotations

import pandas as pd

from ..errors import InputError
from ..results import Contract
from ..rules import Rules
from ..schema import SCHEMA
from .record import Analysis


def _heads(posts: pd.DataFrame) -> pd.DataFrame:
    """The posts that head their body (chair, secretary, liaison — by system and type)."""
    is_head = [role in SCHEMA.head_roles(system, type_) for role, system, type_ in
               zip(posts["role"], posts["system"], posts["type"])]
    return posts[pd.Series(is_head, index=posts.index, dtype=bool)]


def _sole_heads(posts: pd.DataFrame) -> pd.DataFrame:
    """Head posts whose body has no other active head: the body goes headless if she leaves."""
    heads = _heads(posts).drop_duplicates(["person_id", "body_id"])
    count = heads.groupby("body_id")["person_id"].transform("nunique")
    lost = heads[count == 1].copy()
    lost["new_gap"] = lost["system"].map(lambda s: "vacant_head" if s == "women" else "")
    return lost


def impact(engine, person_id: str, as_of) -> pd.DataFrame:
    """The bodies that would lose their head if this person left, and the gaps that would open.

    Examples
    --------
    >>> import orgnet
    >>> impact(orgnet.load("tests/data/tiny").engine, "P1", "2012-06-30")[["body_id", "new_gap"]].values.tolist()
    [['B8', 'vacant_head']]
    """
    if person_id not in set(engine.answer("people")["person_id"]):
        raise InputError(f"--person {person_id}: no such person")
    lost = _sole_heads(engine.answer("active_posts", as_of=as_of))
    return IMPACT.finish(lost[lost.person_id == person_id])


def key_people(engine, as_of) -> pd.DataFrame:
    """Everyone whose departure leaves a body headless, ranked by the gaps it would open.

    Ranked by new gaps (women's bodies left without a head), then bodies left headless, then active
    posts, then id: the turnover risk the source describes ("when one person leaves, several bodies
    lose their head at once").
    """
    posts = engine.answer("active_posts", as_of=as_of)
    lost = _sole_heads(posts)
    load = posts.groupby("person_id").agg(posts=("body_id", "size"), systems=("system", lambda s: ";".join(sorted(set(s)))))
    rows = []
    for person, group in lost.groupby("person_id"):
        group = group.sort_values("body_id")
        rows.append({"person_id": person, "person_name": group["person_name"].iloc[0],
                     "bodies_lost": len(group), "new_gaps": int((group["new_gap"] != "").sum()),
                     "posts": int(load.at[person, "posts"]), "systems": load.at[person, "systems"],
                     "bodies": ";".join(group["body_id"]), "body_ids": group["body_id"].tolist(),
                     "body_names": group["body_name"].tolist()})
    rows.sort(key=lambda r: (-r["new_gaps"], -r["bodies_lost"], -r["posts"], r["person_id"]))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return KEY_PEOPLE.finish(rows)


def bridges(engine, as_of, rules: Rules) -> pd.DataFrame:
    """People holding posts in both the party and the women's system, by betweenness.

    Betweenness centrality (normalized over the whole graph) is computed on the person–body graph of
    active posts, then listed for the people with posts in both systems: the ones through whom the
    two systems meet. Only the connected pieces that hold such a person are walked; a piece larger
    than ``rules.bridges_exact_max_nodes`` is estimated from that many seeded sample sources.
    """
    posts = engine.answer("active_posts", as_of=as_of)
    import networkx as nx  # imported here: only bridges needs it, and it takes 0.4 s to import

    graph = nx.Graph()
    graph.add_edges_from(zip("P:" + posts["person_id"], "B:" + posts["body_id"]))
    per_system = posts.groupby(["person_id", "system"]).size().unstack(fill_value=0)
    both = [p for p, c in per_system.iterrows() if c.get("party", 0) and c.get("women", 0)]
    score = _betweenness(graph, {"P:" + p for p in both}, rules.bridges_exact_max_nodes)
    names = posts.drop_duplicates("person_id").set_index("person_id")["person_name"]
    rows = [{"person_id": p, "person_name": names[p], "party_posts": int(per_system.at[p, "party"]),
             "women_posts": int(per_system.at[p, "women"]), "betweenness": round(score.get("P:" + p, 0.0), 6)}
            for p in both]
    return BRIDGES.finish(rows)


def _betweenness(graph, wanted: set[str], exact_max: int) -> dict[str, float]:
    """Normalized betweenness of the wanted nodes, walking only their connected pieces."""
    import networkx as nx

    n = graph.number_of_nodes()
    if n <= 2 or not wanted:
        return {}
    scale = 2 / ((n - 1) * (n - 2))  # networkx's normalization for an undirected graph of n nodes
    found: dict[str, float] = {}
    for piece in nx.connected_components(graph):
        if not wanted & piece:
            continue
        sub = graph.subgraph(piece)
        k = None if len(piece) <= exact_max else exact_max
        raw = nx.betweenness_centrality(sub, k=k, normalized=False, seed=0)
        found.update({node: raw[node] * scale for node in wanted & piece})
    return found


IMPACT = Contract(columns=("person_id", "person_name", "body_id", "body_name", "system", "type", "org_id",
                           "region_id", "new_gap"), order=(("person_id", True), ("body_id", True)))
KEY_PEOPLE = Contract(columns=("rank", "person_id", "person_name", "bodies_lost", "new_gaps", "posts", "systems",
                               "bodies", "body_ids", "body_names"),
                      order=(("rank", True),), ints=("rank", "bodies_lost", "new_gaps", "posts"),
                      lists=("body_ids", "body_names"))
BRIDGES = Contract(columns=("person_id", "person_name", "party_posts", "women_posts", "betweenness"),
                   order=(("betweenness", False), ("person_id", True)), ints=("party_posts", "women_posts"),
                   floats=("betweenness",))

ANALYSES = (
    Analysis(name="impact", kind="derived", contract=IMPACT, derived=impact, args=("person_id", "as_of"),
             summary="If this person left: the bodies left without a head, and the gaps that would open."),
    Analysis(name="key_people", kind="derived", contract=KEY_PEOPLE, derived=key_people, args=("as_of",),
             summary="Everyone whose departure leaves a body headless, ranked by the gaps it would open."),
    Analysis(name="bridges", kind="derived", contract=BRIDGES, derived=bridges, args=("as_of", "rules"),
             summary="People with posts in both party and women's bodies, by betweenness."),
)
