"""The fast path: every analysis as integer-coded joins over the validated tables.

The networkx engine answers the analyses from here, not by walking its graph: ids are turned into
integer positions once (``position``: pyarrow's ``index_in``, a hash join in C), and each analysis is
then a few numpy masks, ``np.bincount`` per host organization or region, and grouped pandas joins
(the person projection behind ``nameplates`` is a self-merge on (organization, person), never
networkx's generic projection). No graph is needed, so ``orgnet.load`` builds none until
``Network.graph`` or an export asks for it.

The answers are the graph walk's (``orgnet.engines.networkx.GraphWalk``), which stays as the
independent reference: ``tests/engines/test_fast_path.py`` compares the two on the tiny dataset and
both samples, and ``tests/engines/test_contract.py`` runs both, and Neo4j, against hand-worked
answers. The rules the walk spells out one node at a time hold here for whole columns at once:

- a body is *active* on day ``d`` when ``founded <= d`` (or empty) and ``dissolved`` is empty or later;
- a post is *held* when ``start <= d`` (or empty), ``end`` is empty or later, and its body is active.

Examples
--------
>>> from orgnet.api import load_dataset
>>> from orgnet.rules import Rules
>>> engine = TablesEngine(load_dataset("tests/data/tiny"))
>>> engine.gaps("2012-06-30", Rules()).rule.value_counts().sort_index().to_dict()
{'committee_required': 4, 'liaison_required': 1, 'party_without_women': 3, 'vacant_head': 2}
>>> engine.overlaps("2012-06-30", Rules()).person_id.tolist()
['P1', 'P2', 'P3', 'P4', 'P6', 'P7']
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..dataset import Dataset
from ..results import finish
from ..rules import Rules
from ..schema import SCHEMA


def position(ids: pa.Array, values: pa.Array) -> np.ndarray:
    """The position of each value among ``ids``; -1 where the value is empty or unknown.

    >>> position(pa.array(["O1", "O2"]), pa.array(["O2", None, "O1"])).tolist()
    [1, -1, 0]
    """
    found = pc.index_in(values, value_set=ids)
    return found.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def current(first: np.ndarray, last: np.ndarray, day: date) -> np.ndarray:
    """``first <= day < last`` for whole columns of dates, empty (NaT) ends open.

    >>> d = np.array(["2010-01-01", "NaT"], dtype="datetime64[s]")
    >>> current(d, np.array(["NaT", "2012-06-30"], dtype="datetime64[s]"), date(2012, 6, 30)).tolist()
    [True, False]
    """
    at = np.datetime64(day, "s")
    return (np.isnat(first) | (first <= at)) & (np.isnat(last) | (last > at))


def _arrow(series: pd.Series) -> pa.Array:
    array = getattr(series.array, "_pa_array", None)
    if array is None:
        array = pa.array(series.to_numpy(dtype=object, na_value=None), type=pa.large_string())
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def text_of(values: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """Numbers or Python strings as pandas' ``str`` array (so ``+`` joins them in Arrow).

    >>> list("n=" + text_of(np.array([3, 12])))
    ['n=3', 'n=12']
    """
    return pd.array(pa.array(values).cast(pa.large_string()), dtype="str")


def count_per(where: np.ndarray, n: int) -> np.ndarray:
    """How many of ``where`` (positions, -1 ignored) fall on each of ``n`` positions."""
    return np.bincount(where[where >= 0], minlength=n)


def joined(values: pd.Series, by) -> pd.Series:
    """``";".join`` of each group's values in row order (a string sum: C speed, unlike ``agg``)."""
    return (values + ";").groupby(by, sort=True).sum().str[:-1]


def best_grade(host: np.ndarray, grade: np.ndarray, n: int, order: tuple[str, ...]) -> np.ndarray:
    """Per organization, the best party grade of the given bodies (``order``'s rank, then name); "none".

    >>> best_grade(np.array([0, 0, 1]), np.array(["good", "advanced", "weak"], dtype=object), 3,
    ...            ("advanced", "good", "weak")).tolist()
    ['advanced', 'weak', 'none']
    """
    out = np.full(n, "none", dtype=object)
    if len(host):
        rank = pd.Series(grade).map({g: i for i, g in enumerate(order)}).fillna(len(order)).to_numpy()
        ranked = pd.DataFrame({"host": host, "rank": rank, "grade": grade}).sort_values(["host", "rank", "grade"])
        first = ranked.drop_duplicates("host")
        out[first["host"].to_numpy()] = first["grade"].to_numpy()
    return out


@dataclass
class Day:
    """Which bodies are active and which posts are held on one day."""

    day: date
    active: np.ndarray  # per body
    held: np.ndarray  # per post: current, in an active body


class TablesEngine:
    """The analyses over the validated tables of one ``Dataset`` (see the module docstring)."""

    name = "tables"

    def __init__(self, dataset: Dataset):
        self.dataset = dataset
        self._days: dict[date, Day] = {}
        self._cache: dict[tuple, object] = {}  # columns, Arrow arrays, positions, remembered answers

    # -- coding: ids → positions, text → arrays, computed once ----------------------------------
    def column(self, table: str, name: str) -> np.ndarray:
        """One column as a numpy array (text: objects with ``None``; dates: ``datetime64[s]``), made once."""
        def make():
            series = self.dataset[table][name]
            if pd.api.types.is_datetime64_any_dtype(series):
                return series.to_numpy("datetime64[s]")
            if series.dtype == bool:
                return series.to_numpy()
            return series.to_numpy(dtype=object, na_value=None)

        return self._cached(("column", table, name), make)

    def arrow(self, table: str, name: str) -> pa.Array:
        """A text column as one Arrow array (no copy: validated text is held in Arrow)."""
        return self._cached(("arrow", table, name), lambda: _arrow(self.dataset[table][name]))

    def is_in(self, table: str, name: str, *values: str) -> np.ndarray:
        """Rows whose text in ``name`` is one of ``values``."""
        hit = pc.is_in(self.arrow(table, name), value_set=pa.array(values, type=self.arrow(table, name).type))
        return np.asarray(hit.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)

    def refs(self, table: str, name: str, target: str) -> np.ndarray:
        """Positions in ``target`` of the ids ``table.name`` refers to (-1: empty), as validation found them."""
        known = self.dataset.positions.get((table, name))
        if known is not None:
            return known
        return self._cached(("refs", table, name), lambda: position(self.ids(target), self.arrow(table, name)))

    def ids(self, table: str) -> pa.Array:
        return self._cached(("ids", table), lambda: self.arrow(table, "id"))

    def _cached(self, key, compute):
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    @cached_property
    def body_host(self) -> np.ndarray:
        """Per body, its host organization's position; -1 for a region-level body."""
        return self.refs("bodies", "org_id", "organizations")

    @cached_property
    def body_region(self) -> np.ndarray:
        return self.refs("bodies", "region_id", "regions")

    @cached_property
    def org_region(self) -> np.ndarray:
        return self.refs("organizations", "region_id", "regions")

    @cached_property
    def post_body(self) -> np.ndarray:
        return self.refs("posts", "body_id", "bodies")

    @cached_property
    def post_person(self) -> np.ndarray:
        return self.refs("posts", "person_id", "people")

    @cached_property
    def post_person_key(self) -> np.ndarray:
        """Per post, a number standing for its person: equal exactly when the person ids are.

        Positions in ``people`` when that table was read; else codes of the ids themselves, so an
        analysis that only asks "the same person?" (``nameplates``) needs no people table."""
        if "people" not in self.dataset.skipped:
            return self.post_person
        codes = pc.dictionary_encode(self.arrow("posts", "person_id")).indices
        return codes.to_numpy(zero_copy_only=False).astype(np.int64)

    @cached_property
    def id_rank(self) -> np.ndarray:
        """Per body, the rank of its id in sorted order (``a < b`` between ranks is ``a < b`` between ids)."""
        order = pc.sort_indices(self.arrow("bodies", "id")).to_numpy()  # ids are unique: no ties
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        return rank

    def on(self, as_of) -> Day:
        """The active bodies and held posts of one day (cached per day)."""
        day = pd.Timestamp(as_of).date()
        if day not in self._days:
            active = current(self.column("bodies", "founded"), self.column("bodies", "dissolved"), day)
            posts = current(self.column("posts", "start"), self.column("posts", "end"), day)
            self._days[day] = Day(day, active, posts & active[self.post_body])
        return self._days[day]

    def _women_hosted(self, d: Day, rules: Rules) -> tuple[np.ndarray, np.ndarray]:
        """Per organization: how many active women's bodies it hosts, and of them committee types."""
        n = len(self.dataset["organizations"])
        women = d.active & self.is_in("bodies", "system", "women") & (self.body_host >= 0)
        committee = women & self.is_in("bodies", "type", *rules.committee_types)
        return count_per(self.body_host[women], n), count_per(self.body_host[committee], n)

    def _party_grade(self, d: Day, rules: Rules) -> np.ndarray:
        party = d.active & self.is_in("bodies", "system", "party") & (self.body_host >= 0)
        return best_grade(self.body_host[party], self.column("bodies", "grade")[party],
                          len(self.dataset["organizations"]), rules.grade_order)

    def _committee_required(self, d: Day, rules: Rules) -> tuple[np.ndarray, np.ndarray]:
        """Per organization: rule 1 (committee required) and rule 2 (liaison required) broken."""
        women, committees = self._women_hosted(d, rules)
        two_new = self.column("organizations", "two_new")
        female = self.dataset["organizations"]["female_staff"].to_numpy(dtype=np.int64)
        big = two_new & (female >= rules.committee_min_female)
        return big & (committees == 0), ~big & two_new & (female >= rules.liaison_min_female) & (women == 0)

    # -- gaps -----------------------------------------------------------------------------------
    def gaps(self, as_of, rules: Rules) -> pd.DataFrame:
        """Coverage gaps on the day (remembered per day and rules: views and reports ask again)."""
        key = ("gaps", pd.Timestamp(as_of).date(), rules)
        return self._cached(key, lambda: self._gaps(as_of, rules)).copy()

    def _gaps(self, as_of, rules: Rules) -> pd.DataFrame:
        d = self.on(as_of)
        female = self.dataset["organizations"]["female_staff"].to_numpy(dtype=np.int64)
        committee, liaison = self._committee_required(d, rules)
        parts = [self._org_rows(at, rule, "female_staff=" + text_of(female[at]))
                 for rule, at in (("committee_required", np.flatnonzero(committee)),
                                  ("liaison_required", np.flatnonzero(liaison)))]
        women, _ = self._women_hosted(d, rules)
        host = self.body_host
        party = d.active & self.is_in("bodies", "system", "party") & (host >= 0)
        lonely = np.zeros(len(female), bool)
        lonely[host[party]] = True
        lonely &= women == 0
        keep = party & lonely[np.maximum(host, 0)]
        if keep.any():
            pb = pd.DataFrame({"org": host[keep], "id": self.text("bodies", "id")[keep]}).sort_values(["org", "id"])
            ids = joined(pb["id"], pb["org"])
            parts.append(self._org_rows(ids.index.to_numpy(), "party_without_women", ("party bodies: " + ids).array))
        parts.append(self._vacant_heads(d))
        return finish("gaps", pd.concat([p for p in parts if len(p)] or [parts[0]], ignore_index=True))

    def text(self, table: str, name: str) -> pd.api.extensions.ExtensionArray:
        """A text column as pandas' Arrow-held ``str`` array: taking rows from it makes no Python strings."""
        return self.dataset[table][name].array

    def _org_rows(self, at: np.ndarray, rule: str, detail) -> pd.DataFrame:
        """Gap rows of the organizations at positions ``at``."""
        return pd.DataFrame({"org_id": self.text("organizations", "id").take(at),
                             "org_name": self.text("organizations", "name").take(at),
                             "region_id": self.text("organizations", "region_id").take(at),
                             "rule": rule, "detail": detail})

    def _vacant_heads(self, d: Day) -> pd.DataFrame:
        """Active women's bodies with no held post in a head role of their system and type."""
        kind = self.column("bodies", "type")
        women = d.active & self.is_in("bodies", "system", "women")
        headed = np.zeros(len(kind), bool)
        heads_of = np.empty(len(kind), dtype=object)
        for typ in pd.unique(kind[women]):
            heads = SCHEMA.head_roles("women", typ)
            these = women & self.is_in("bodies", "type", typ)
            heads_of[these] = "/".join(heads)
            at = d.held & these[self.post_body] & self.is_in("posts", "role", *heads)
            headed[self.post_body[at]] = True
        vacant = np.flatnonzero(women & ~headed)
        host = self.body_host[vacant]
        names = self.text("organizations", "name").take(np.where(host >= 0, host, -1), allow_fill=True)
        detail = (self.text("bodies", "id").take(vacant) + " (" + self.text("bodies", "type").take(vacant)
                  + ") has no active " + text_of(heads_of[vacant]))
        return pd.DataFrame({"org_id": self.text("bodies", "org_id").take(vacant), "org_name": names,
                             "region_id": self.text("bodies", "region_id").take(vacant), "rule": "vacant_head",
                             "detail": detail})

    # -- overlaps and nameplates ----------------------------------------------------------------
    def overlaps(self, as_of, rules: Rules) -> pd.DataFrame:
        d = self.on(as_of)
        person, body = self.post_person[d.held], self.post_body[d.held]
        count = np.bincount(person, minlength=len(self.dataset["people"]))
        keep = count[person] >= rules.min_posts
        pairs = pd.DataFrame({"person": person[keep], "body": body[keep]}).drop_duplicates()
        at = pairs["body"].to_numpy()
        pairs["body_id"] = self.text("bodies", "id").take(at)
        pairs["system"] = self.text("bodies", "system").take(at)
        listed = pairs.sort_values(["person", "body_id"])
        listed = joined(listed["body_id"], listed["person"])
        kinds = pairs[["person", "system"]].drop_duplicates().sort_values(["person", "system"])
        kinds = joined(kinds["system"], kinds["person"])
        who = listed.index.to_numpy()
        return finish("overlaps", pd.DataFrame({
            "person_id": self.text("people", "id").take(who), "person_name": self.text("people", "name").take(who),
            "posts": count[who], "bodies": listed.array, "systems": kinds.array}))

    def post_load(self, as_of) -> pd.Series:
        """Active posts per person holding any (``posts`` of ``overlaps`` with ``min_posts=1``), by person id."""
        d = self.on(as_of)
        count = np.bincount(self.post_person[d.held], minlength=len(self.dataset["people"]))
        who = np.flatnonzero(count)
        return pd.Series(count[who], index=pd.Index(self.column("people", "id")[who], name="person_id"), name="posts")

    def nameplates(self, as_of, rules: Rules) -> pd.DataFrame:
        d = self.on(as_of)
        host, who = self.body_host, self.post_person_key
        n_people = int(who.max()) + 1 if len(who) else 0
        held = d.held & (host[self.post_body] >= 0)
        body, person = self.post_body[held], who[held]
        # (organization, person) as one integer key; one row per body they sit in
        members = pd.DataFrame({"key": host[body] * n_people + person, "body": body}).drop_duplicates()
        size = np.bincount(members["body"].to_numpy(), minlength=len(host))
        members = members[members["key"].duplicated(keep=False)]  # one body in an org pairs nothing
        pairs = members.merge(members, on="key", suffixes=("_a", "_b"))
        rank = self.id_rank
        pairs = pairs[rank[pairs["body_a"].to_numpy()] < rank[pairs["body_b"].to_numpy()]]
        shared = pairs.groupby(["body_a", "body_b"], sort=False).size()
        a = shared.index.get_level_values(0).to_numpy()
        b = shared.index.get_level_values(1).to_numpy()
        s = shared.to_numpy()
        jaccard = ratio_rounded(s, size[a] + size[b] - s, 4)
        keep = jaccard >= rules.nameplate_jaccard
        a, b, org = a[keep], b[keep], host[a[keep]]
        body_ids, systems = self.text("bodies", "id"), self.text("bodies", "system")
        return finish("nameplates", pd.DataFrame({
            "org_id": self.text("organizations", "id").take(org), "org_name": self.text("organizations", "name").take(org),
            "body_a": body_ids.take(a), "body_b": body_ids.take(b), "system_a": systems.take(a),
            "system_b": systems.take(b), "shared": s[keep], "jaccard": jaccard[keep]}))

    # -- plan -----------------------------------------------------------------------------------
    def plan(self, as_of, rules: Rules) -> pd.DataFrame:
        from .networkx import plan_row, plan_sort_key

        d = self.on(as_of)
        missing, _ = self._committee_required(d, rules)
        n = len(missing)
        employer = self.refs("people", "employer_org_id", "organizations")
        candidate = self.is_in("people", "gender", "F") & self.column("people", "party_member")
        candidates = count_per(employer[candidate], n)
        grade = self._party_grade(d, rules)
        orgs = self.dataset["organizations"]
        rows = [plan_row(org, int(candidates[i]), grade[i])
                for i, org in zip(np.flatnonzero(missing), orgs[missing].to_dict("records"))]
        grade_rank = {g: i for i, g in enumerate(rules.grade_order)}
        rows.sort(key=lambda r: plan_sort_key(r, grade_rank))
        for rank, row in enumerate(rows, start=1):
            row["rank"] = rank
        return finish("plan", rows)

    # -- liaison_check --------------------------------------------------------------------------
    def liaison_check(self, year: int, rules: Rules) -> pd.DataFrame:
        first, last = np.datetime64(date(year, 1, 1), "s"), np.datetime64(date(year, 12, 31), "s")

        def meets_year(start: np.ndarray, end: np.ndarray) -> np.ndarray:
            return (np.isnat(start) | (start <= last)) & (np.isnat(end) | (end > first))

        liaisons = self.dataset["liaisons"]
        linked = meets_year(self.column("liaisons", "since"), self.column("liaisons", "until"))
        links = liaisons.loc[linked, ["person_id", "body_id"]].drop_duplicates()
        when = self.column("visits", "date")
        visits = self.dataset["visits"].loc[(when >= first) & (when <= last)]
        visits = visits.groupby(["person_id", "body_id"]).size().rename("visits").reset_index()
        links = links.merge(visits, on=["person_id", "body_id"], how="left").fillna({"visits": 0})

        regions = self.dataset["regions"].set_index("id")["level"]
        bodies = self.dataset["bodies"]
        federation = ((bodies["system"] == "women") & (bodies["type"] == "federation") & bodies["org_id"].isna()
                      & bodies["region_id"].map(regions).isin(rules.executive_levels)).to_numpy()
        executive = (self.is_in("posts", "role", "executive") & federation[self.post_body]
                     & meets_year(self.column("posts", "start"), self.column("posts", "end")))
        people = self.dataset["people"].set_index("id")["name"]
        persons = pd.unique(np.concatenate([self.column("posts", "person_id")[executive],
                                            links["person_id"].to_numpy(dtype=object)]))
        per_person = links.groupby("person_id").agg(links=("body_id", "size"), visits=("visits", "sum"))
        per_person = per_person.reindex(persons).fillna(0)
        n = per_person["links"].astype(int)
        outside = f"links outside {rules.links_min}-{rules.links_max}"
        executives = pd.DataFrame({
            "kind": "executive", "person_id": persons, "person_name": people.reindex(persons).to_numpy(),
            "body_id": "", "links": n.to_numpy(), "visits": per_person["visits"].astype(int).to_numpy(),
            "flag": np.where((n >= rules.links_min) & (n <= rules.links_max), "", outside)})
        count = links["visits"].astype(int)
        link_rows = pd.DataFrame({
            "kind": "link", "person_id": links["person_id"].to_numpy(dtype=object),
            "person_name": people.reindex(links["person_id"]).to_numpy(), "body_id": links["body_id"].to_numpy(dtype=object),
            "links": None, "visits": count.to_numpy(),
            "flag": np.where(count >= rules.visits_per_year, "", f"under {rules.visits_per_year} visits")})
        return finish("liaison_check", pd.concat([f for f in (executives, link_rows) if len(f)], ignore_index=True)
                      if len(executives) else [])

    # -- stats ----------------------------------------------------------------------------------
    def stats(self, as_of, rules: Rules) -> pd.DataFrame:
        from .figures import figures

        return figures(self, self.on(as_of), rules)

    # -- facts ----------------------------------------------------------------------------------
    def active_posts(self, as_of) -> pd.DataFrame:
        """Every post held on the day, with its person, body, host and region (fact ``active_posts``)."""
        d = self.on(as_of)
        person, body = self.post_person[d.held], self.post_body[d.held]
        host = self.body_host[body]
        return finish("active_posts", pd.DataFrame({
            "person_id": self.column("people", "id")[person], "person_name": self.column("people", "name")[person],
            "gender": self.column("people", "gender")[person], "body_id": self.column("bodies", "id")[body],
            "body_name": self.column("bodies", "name")[body], "system": self.column("bodies", "system")[body],
            "type": self.column("bodies", "type")[body], "org_id": self.column("bodies", "org_id")[body],
            "org_kind": self._org_kind(host), "region_id": self.column("bodies", "region_id")[body],
            "role": self.column("posts", "role")[d.held]}))

    def _org_kind(self, host: np.ndarray) -> np.ndarray:
        return np.where(host >= 0, self.column("organizations", "kind")[np.maximum(host, 0)], None)

    def organizations(self, as_of, rules: Rules) -> pd.DataFrame:
        """Every organization with its coverage and best party grade on the day (fact ``organizations``)."""
        d = self.on(as_of)
        women, _ = self._women_hosted(d, rules)
        orgs = self.dataset["organizations"]
        return finish("organizations", pd.DataFrame({
            "org_id": orgs["id"], "org_name": orgs["name"], "kind": orgs["kind"], "region_id": orgs["region_id"],
            "two_new": orgs["two_new"], "female_staff": orgs["female_staff"], "covered": women > 0,
            "party_grade": self._party_grade(d, rules)}))

    def bodies(self, as_of) -> pd.DataFrame:
        """Every body active on the day, with its host's kind (fact ``bodies``)."""
        active = self.on(as_of).active
        return finish("bodies", pd.DataFrame({
            "body_id": self.column("bodies", "id")[active], "body_name": self.column("bodies", "name")[active],
            "system": self.column("bodies", "system")[active], "type": self.column("bodies", "type")[active],
            "org_id": self.column("bodies", "org_id")[active], "org_kind": self._org_kind(self.body_host[active]),
            "region_id": self.column("bodies", "region_id")[active]}))

    def regions(self) -> pd.DataFrame:
        """The region tree (fact ``regions``)."""
        r = self.dataset["regions"]
        return finish("regions", pd.DataFrame({"region_id": r["id"], "region_name": r["name"], "level": r["level"],
                                               "parent_id": r["parent_id"]}))

    def people(self) -> pd.DataFrame:
        """Every person (fact ``people``)."""
        p = self.dataset["people"]
        return finish("people", pd.DataFrame({"person_id": p["id"], "person_name": p["name"], "gender": p["gender"],
                                              "reserve_cadre": p["reserve_cadre"]}))

    def events(self, start, end) -> pd.DataFrame:
        """Posts started or ended and bodies founded or dissolved in ``(start, end]`` (fact ``events``)."""
        first, last = (np.datetime64(pd.Timestamp(x).date(), "s") for x in (start, end))
        bodies, posts = self.dataset["bodies"], self.dataset["posts"]
        parts = []
        for change, col in (("body_founded", "founded"), ("body_dissolved", "dissolved")):
            when = self.column("bodies", col)
            hit = (when > first) & (when <= last)
            parts.append(pd.DataFrame({"change": change, "subject_id": bodies["id"][hit], "name": bodies["name"][hit],
                                       "region_id": bodies["region_id"][hit],
                                       "detail": bodies["system"][hit] + " " + bodies["type"][hit], "date": when[hit]}))
        body, person = self.post_body, self.post_person
        for change, col in (("post_started", "start"), ("post_ended", "end")):
            when = self.column("posts", col)
            hit = (when > first) & (when <= last)
            parts.append(pd.DataFrame({
                "change": change, "subject_id": self.column("people", "id")[person[hit]],
                "name": self.column("people", "name")[person[hit]],
                "region_id": self.column("bodies", "region_id")[body[hit]],
                "detail": posts["role"][hit].to_numpy(dtype=object) + " of " + self.column("bodies", "id")[body[hit]],
                "date": when[hit]}))
        frame = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(map(len, parts)) else None
        if frame is None:
            return finish("events", [])
        frame["date"] = pd.to_datetime(frame["date"]).dt.strftime("%Y-%m-%d")
        return finish("events", frame)

    def demo_links(self, as_of) -> pd.DataFrame:
        """Demonstration points active on the day, their site and pairing units (fact ``demo_links``)."""
        at = np.datetime64(pd.Timestamp(as_of).date(), "s")
        points, pairings = self.dataset["demo_points"], self.dataset["pairings"]
        named = points[np.isnat(self.column("demo_points", "since")) | (self.column("demo_points", "since") <= at)]
        paired = pairings[np.isnat(self.column("pairings", "since")) | (self.column("pairings", "since") <= at)]
        frame = named[["id", "name", "org_id"]].merge(
            paired[["demo_point_id", "org_id"]].rename(columns={"org_id": "pairing_org_id"}),
            left_on="id", right_on="demo_point_id", how="left")
        return finish("demo_links", pd.DataFrame({"demo_point_id": frame["id"], "demo_name": frame["name"],
                                                  "site_org_id": frame["org_id"],
                                                  "pairing_org_id": frame["pairing_org_id"]}))

    def subgraph(self, as_of, people: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
        """One day's nodes and edges for the views (``orgnet.viz.data``), straight from the tables.

        The same rows as reading the networkx graph: every region, organization and person, the
        bodies active on the day; PART_OF, LOCATED_IN and WORKS_AT edges, BELONGS_TO from active
        bodies, HOLDS and LIAISES_WITH that are current and lead to an active body. Edges of one
        type come in the order of their source node. ``people=False``: no people, no edges from them.
        """
        d, t = self.on(as_of), self.dataset
        regions, orgs, bodies = t["regions"], t["organizations"], t["bodies"][d.active]
        frames = [
            pd.DataFrame({"node": "Region:" + regions["id"], "label": "Region", "id": regions["id"],
                          "name": regions["name"], "level": regions["level"], "parent_id": regions["parent_id"]}),
            pd.DataFrame({"node": "Organization:" + orgs["id"], "label": "Organization", "id": orgs["id"],
                          "name": orgs["name"], "kind": orgs["kind"], "region_id": orgs["region_id"],
                          "two_new": orgs["two_new"], "female_staff": orgs["female_staff"],
                          "total_staff": orgs["total_staff"]}),
            pd.DataFrame({"node": "Body:" + bodies["id"], "label": "Body", "id": bodies["id"], "name": bodies["name"],
                          "system": bodies["system"], "type": bodies["type"], "org_id": bodies["org_id"],
                          "region_id": bodies["region_id"], "grade": bodies["grade"]})]
        if people:
            p = t["people"]
            frames.append(pd.DataFrame({"node": "Person:" + p["id"], "label": "Person", "id": p["id"],
                                        "name": p["name"], "gender": p["gender"], "party_member": p["party_member"]}))
        nodes = pd.concat(frames, ignore_index=True)

        ids = {"Region": self.column("regions", "id"), "Organization": self.column("organizations", "id"),
               "Body": self.column("bodies", "id"), "Person": self.column("people", "id")}
        first = {"Region": 0, "Organization": len(regions), "Body": len(regions) + len(orgs),
                 "Person": len(regions) + len(orgs) + len(t["bodies"])}  # node order, as the graph adds them

        def edges(kind, source, target, keep, role=None):
            """(source label, positions), (target label or per-row labels, positions), rows kept."""
            (s_label, s_at), (t_label, t_at) = source, target
            s_at, t_at = s_at[keep], t_at[keep]
            if isinstance(t_label, np.ndarray):  # BELONGS_TO: an organization, or a region for region-level bodies
                t_label = t_label[keep]
                to_org = t_label == "Organization"
                target_ids = np.empty(len(t_at), dtype=object)
                target_ids[to_org] = ids["Organization"][t_at[to_org]]
                target_ids[~to_org] = ids["Region"][t_at[~to_org]]
                targets = t_label.astype(object) + ":" + target_ids.astype(object)
            else:
                targets = t_label + ":" + ids[t_label][t_at].astype(object)
            frame = pd.DataFrame({"source": s_label + ":" + ids[s_label][s_at].astype(object), "target": targets,
                                  "type": kind, "role": "" if role is None else role[keep],
                                  "order": first[s_label] + s_at})
            return frame.sort_values("order", kind="stable")

        everyone = np.arange(len(t["people"]))
        parent, host = self.refs("regions", "parent_id", "regions"), self.body_host
        hosted = np.where(host >= 0, "Organization", "Region")
        parts = [
            edges("PART_OF", ("Region", np.arange(len(regions))), ("Region", parent), parent >= 0),
            edges("LOCATED_IN", ("Organization", np.arange(len(orgs))), ("Region", self.org_region),
                  self.org_region >= 0),
            edges("BELONGS_TO", ("Body", np.arange(len(host))), (hosted, np.where(host >= 0, host, self.body_region)),
                  d.active)]
        if people:
            employer = self.refs("people", "employer_org_id", "organizations")
            liaison_body = self.refs("liaisons", "body_id", "bodies")
            linked = d.active[liaison_body] & current(self.column("liaisons", "since"),
                                                      self.column("liaisons", "until"), d.day)
            parts += [
                edges("HOLDS", ("Person", self.post_person), ("Body", self.post_body), d.held,
                      self.column("posts", "role")),
                edges("WORKS_AT", ("Person", everyone), ("Organization", employer), employer >= 0),
                edges("LIAISES_WITH", ("Person", self.refs("liaisons", "person_id", "people")), ("Body", liaison_body),
                      linked)]
        return nodes, pd.concat(parts, ignore_index=True).drop(columns="order")

    def venue_uses(self, as_of) -> pd.DataFrame:
        """Rooms and the active bodies using them on the day (fact ``venue_uses``)."""
        d = self.on(as_of)
        uses = self.dataset["venue_uses"]
        body = self.refs("venue_uses", "body_id", "bodies")
        venue = self.refs("venue_uses", "venue_id", "venues")
        keep = d.active[body] & current(self.column("venue_uses", "since"), self.column("venue_uses", "until"), d.day)
        return finish("venue_uses", pd.DataFrame({
            "venue_id": uses["venue_id"][keep], "venue_name": self.column("venues", "name")[venue[keep]],
            "body_id": uses["body_id"][keep], "system": self.column("bodies", "system")[body[keep]]}))


def ratio_rounded(numerator: np.ndarray, denominator: np.ndarray, digits: int) -> np.ndarray:
    """``round(n / d, digits)`` exactly as Python rounds (numpy's ``round`` can differ on ties),
    computed once per distinct (n, d) pair, of which there are few.

    >>> ratio_rounded(np.array([1, 2, 1]), np.array([3, 3, 3]), 4).tolist()
    [0.3333, 0.6667, 0.3333]
    """
    if not len(numerator):
        return np.zeros(0, dtype=float)
    width = int(denominator.max()) + 1
    distinct, inverse = np.unique(numerator.astype(np.int64) * width + denominator, return_inverse=True)
    values = np.array([round((k // width) / (k % width), digits) for k in distinct.tolist()], dtype=float)
    return values[inverse.reshape(-1)]

