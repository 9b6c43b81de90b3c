"""Narrowing a result to a region and its first rows, and finding people and regions by name or id.

One place for what every listing answers alike (``Network.within(region=…, top=…)``, the CLI's
``--region`` and ``--top``):

* ``find_region`` and ``find_person`` take an id or a name. A name shared by several is an
  ``AmbiguousName`` listing the candidates (id, name, context); an unknown one an ``InputError``.
* ``narrow`` keeps the rows of a result that lie in a region or anywhere below it in the region tree,
  then the first ``top`` rows (the plan: the first ``top`` of each list). A row is placed by the first
  of its columns that places it (``LOCATORS``): its ``region_id``; else its body's (``body_id``,
  ``body_ids``, ``body_id_list``); else its organization's (``org_id``, ``org_ids``); else the person's
  posts on the day (``person_id``). A row nothing places (a total over everything) is left out.

Examples
--------
>>> import orgnet
>>> net = orgnet.load("tests/data/tiny")
>>> find_region(net.engine, "东镇"), sorted(region_ids(net.engine, "东镇"))
('R1', ['R1', 'R3'])
>>> overlaps = net.overlaps(as_of="2012-06-30", lens="all")
>>> narrow(net.engine, overlaps, region="东镇", as_of="2012-06-30").person_id.tolist()  # posts in 东镇 or 东村
['P6', 'P7', 'P1', 'P2']
>>> narrow(net.engine, overlaps, region="东村", top=1, as_of="2012-06-30").person_id.tolist()
['P1']
>>> find_person(net.engine, "王秀英")
'P1'
"""

from __future__ import annotations

import pandas as pd

from .errors import AmbiguousName, InputError

#: The columns that place a row in the region tree, in the order they are asked; a list column places
#: a row where any of its items lies.
LOCATORS = (("region_id", "region"), ("body_id", "body"), ("body_ids", "body"), ("body_id_list", "body"),
            ("org_id", "org"), ("org_ids", "org"), ("person_id", "person"))
#: Results whose ``--top`` counts within each value of this column (the plan's two lists).
TOP_WITHIN = "list"


def _fact(engine, name: str, **args) -> pd.DataFrame:
    from .analyses import run

    return run(engine, name, **args)


def find_region(engine, given: str, option: str = "--region") -> str:
    """The id of the region ``given`` by id or by name."""
    regions = _fact(engine, "regions")
    names = dict(zip(regions["region_id"], regions["region_name"]))
    parents = dict(zip(regions["region_id"], regions["parent_id"]))

    def context(region_id: str) -> str:
        row = regions.loc[regions["region_id"] == region_id].iloc[0]
        path, seen, up = [], {region_id}, parents.get(region_id)
        while isinstance(up, str) and up and up not in seen:
            seen.add(up)
            path.append(f"{names.get(up, up)} ({up})")
            up = parents.get(up)
        return f"{row['level']}" + (f" in {' < '.join(path)}" if path else "")

    return _find(regions, "region_id", "region_name", given, option, "region", context)


def find_person(engine, given: str, as_of=None, option: str = "--person") -> str:
    """The id of the person ``given`` by id or by name (the candidates of a shared name are told apart
    by gender and their posts on ``as_of``)."""
    people = _fact(engine, "people")

    def context(person_id: str) -> str:
        posts = _fact(engine, "active_posts", as_of=_as_of(as_of))
        held = posts.loc[posts["person_id"] == person_id]
        row = people.loc[people["person_id"] == person_id].iloc[0]
        said = ", ".join(f"{b} {r}" for b, r in zip(held["body_name"], held["role"])) or "no post on the day"
        return f"{row['gender']}; {said}"

    return _find(people, "person_id", "person_name", given, option, "person", context)


def _find(table: pd.DataFrame, id_col: str, name_col: str, given: str, option: str, what: str, context) -> str:
    text = str(given).strip()
    if text in set(table[id_col]):
        return text
    hits = table.loc[table[name_col] == text, id_col].tolist()
    if len(hits) == 1:
        return hits[0]
    if hits:
        candidates = pd.DataFrame({"id": hits, "name": text, "context": [context(i) for i in hits]})
        raise AmbiguousName(option, text, what, candidates)
    near = table.loc[table[name_col].fillna("").str.contains(text, regex=False), name_col].head(5).tolist()
    hint = f"; names containing it: {', '.join(near)}" if near and text else ""
    raise InputError(f"{option} {text}: no {what} with that id or name{hint}")


#: What ``find_names`` searches, in the order its rows come: kind, fact, id and name columns.
SEARCHED = (("person", "people", "person_id", "person_name"), ("organization", "organizations", "org_id", "org_name"),
            ("body", "bodies", "body_id", "body_name"), ("region", "regions", "region_id", "region_name"))
#: ``find_names``' columns.
FOUND_COLUMNS = ("kind", "id", "name", "match", "region_id", "org_id")


def find_names(engine, text: str, as_of=None) -> pd.DataFrame:
    """People, organizations, bodies (active on ``as_of``) and regions whose name is ``text`` or
    contains it, or whose id is ``text``: exact matches first, then by kind (people, organizations,
    bodies, regions) and id.

    Returns
    -------
    pandas.DataFrame
        ``kind`` (person, organization, body, region), ``id``, ``name``, ``match`` (``exact``: the name
        or the id is the text; ``contains``), ``region_id`` (where an organization, body or region
        is; empty for a person), ``org_id`` (a body's host; empty otherwise).

    >>> import orgnet
    >>> net = orgnet.load("tests/data/tiny")
    >>> find_names(net.engine, "东村", as_of="2012-06-30")[["kind", "id", "match"]].values.tolist()
    [['region', 'R3', 'exact'], ['organization', 'O5', 'contains'], ['body', 'B6', 'contains'], \
['body', 'B7', 'contains'], ['body', 'B8', 'contains']]
    """
    text, rows = str(text).strip(), []
    if not text:
        raise InputError("find: give a name (or part of one) or an id")
    for kind, fact, id_col, name_col in SEARCHED:
        table = _fact(engine, fact, **_day_args(fact, as_of))
        names = table[name_col].fillna("").astype(str)
        exact = (names == text) | (table[id_col] == text)
        hit = exact | names.str.contains(text, regex=False)
        found = table.loc[hit]
        rows.append(pd.DataFrame({
            "kind": kind, "id": found[id_col].to_numpy(dtype=object), "name": names[hit].to_numpy(dtype=object),
            "match": ["exact" if e else "contains" for e in exact[hit]],
            "region_id": found["region_id"].fillna("").to_numpy(dtype=object) if "region_id" in found else "",
            "org_id": found["org_id"].fillna("").to_numpy(dtype=object) if kind == "body" else ""}))
    out = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=FOUND_COLUMNS)
    order = out["match"].ne("exact").astype(int)
    return out.assign(_o=order).sort_values("_o", kind="stable").drop(columns="_o").reset_index(drop=True)[
        list(FOUND_COLUMNS)]


def _day_args(fact: str, as_of) -> dict:
    """What a fact ``find_names`` reads needs: organizations and bodies a day (and the default rules)."""
    if fact == "organizations":
        from .rules import Rules

        return {"as_of": _as_of(as_of), "rules": Rules()}
    return {"as_of": _as_of(as_of)} if fact == "bodies" else {}


def region_ids(engine, region: str) -> set[str]:
    """The region named (id or name) and every region below it."""
    top = find_region(engine, region)
    regions = _fact(engine, "regions")
    children: dict[str, list[str]] = {}
    for rid, parent in zip(regions["region_id"], regions["parent_id"]):
        if isinstance(parent, str) and parent:
            children.setdefault(parent, []).append(rid)
    found, todo = {top}, [top]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def narrow(engine, frame: pd.DataFrame, region: str | None = None, top: int | None = None, as_of=None,
           name: str = "this result") -> pd.DataFrame:
    """The rows of ``frame`` in ``region`` (id or name) and below, then its first ``top`` rows."""
    out = frame
    if region is not None:
        out = out.loc[_inside(engine, out, region_ids(engine, region), as_of, name)]
    if top is not None:
        out = out.groupby(TOP_WITHIN, sort=False).head(top) if TOP_WITHIN in out.columns else out.head(top)
    if out is frame:
        return frame
    out = out.reset_index(drop=True)
    out.attrs = dict(frame.attrs)
    return out


def _inside(engine, frame: pd.DataFrame, inside: set[str], as_of, name: str) -> pd.Series:
    """For each row: whether the first locator that places it places it in ``inside``."""
    result = pd.Series(False, index=frame.index)
    todo = pd.Series(True, index=frame.index)
    places = _Places(engine, as_of)
    if not any(column in frame.columns for column, _ in LOCATORS):
        raise InputError(f"--region: {name} has no region, body, organization or person to place its rows")
    for column, kind in LOCATORS:
        if column not in frame.columns or not todo.any():
            continue
        where = [places.of(kind, v) for v in frame.loc[todo, column]]
        placed = pd.Series([bool(w) for w in where], index=frame.index[todo])
        hit = pd.Series([bool(w & inside) for w in where], index=frame.index[todo])
        result.loc[hit.index] = hit
        todo.loc[placed.index[placed]] = False
    return result


class _Places:
    """Where bodies, organizations and people are on a day (the engine's facts, read when first asked)."""

    def __init__(self, engine, as_of):
        self.engine, self.as_of = engine, _as_of(as_of)
        self.maps: dict[str, dict[str, set[str]]] = {}

    def of(self, kind: str, value) -> set[str]:
        values = value if isinstance(value, list | tuple) else [value]
        table = self._map(kind)
        return {r for v in values if isinstance(v, str) and v for r in table.get(v, ())}

    def _map(self, kind: str) -> dict[str, set[str]]:
        if kind not in self.maps:
            self.maps[kind] = self._read(kind)
        return self.maps[kind]

    def _read(self, kind: str) -> dict[str, set[str]]:
        if kind == "region":
            return {r: {r} for r in _fact(self.engine, "regions")["region_id"]}
        if kind == "org":
            from .rules import Rules

            frame, key = _fact(self.engine, "organizations", as_of=self.as_of, rules=Rules()), "org_id"
        else:
            frame = _fact(self.engine, "bodies" if kind == "body" else "active_posts", as_of=self.as_of)
            key = "body_id" if kind == "body" else "person_id"
        out: dict[str, set[str]] = {}
        for k, r in zip(frame[key], frame["region_id"]):
            if isinstance(r, str) and r:
                out.setdefault(k, set()).add(r)
        return out


def _as_of(as_of):
    from .dataset import as_timestamp

    return as_timestamp(as_of).date()
