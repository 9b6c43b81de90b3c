"""``liaison_check``: rule 5 — each county federation executive links 1–3 two-new women's bodies and
visits each at least twice a year.

One ``executive`` row per federation executive (an ``executive`` post in a federation of
``rules.executive_levels`` during the year) or person with a link, and one ``link`` row per link
active during the year, with that year's visits.

Columns: ``kind, person_id, person_name, body_id, links, visits, flag`` (the documented contract),
then ``problem`` (``""``, ``links_outside`` or ``visits_under``) and the bounds it was held to,
``expected_min`` and ``expected_max``. ``flag`` is rendered from them (``orgnet.glossary.liaison_flag``).

Examples
--------
>>> from orgnet.api import load_dataset
>>> from orgnet.engines.coded import Tables
>>> from orgnet.rules import Rules
>>> check = embedded(Tables(load_dataset("tests/data/tiny")), 2012, Rules())
>>> check[check.problem != ""][["kind", "person_id", "flag"]].values.tolist()[:1]
[['executive', 'P7', 'links outside 1-3']]
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from ..engines.coded import Tables
from ..glossary import liaison_flag
from ..results import Contract
from ..rules import Rules
from .record import Analysis


def embedded(t: Tables, year: int, rules: Rules) -> pd.DataFrame:
    """Executives and their links in ``year``, each flagged when it breaks rule 5."""
    first, last = np.datetime64(date(year, 1, 1), "s"), np.datetime64(date(year, 12, 31), "s")

    def meets_year(start: np.ndarray, end: np.ndarray) -> np.ndarray:
        return (np.isnat(start) | (start <= last)) & (np.isnat(end) | (end > first))

    linked = meets_year(t.column("liaisons", "since"), t.column("liaisons", "until"))
    links = t.dataset["liaisons"].loc[linked, ["person_id", "body_id"]].drop_duplicates()
    when = t.column("visits", "date")
    visits = t.dataset["visits"].loc[(when >= first) & (when <= last)]
    visits = visits.groupby(["person_id", "body_id"]).size().rename("visits").reset_index()
    links = links.merge(visits, on=["person_id", "body_id"], how="left").fillna({"visits": 0})
    executive = t.is_in("posts", "role", "executive") & _federation(t, rules)[t.post_body] & meets_year(
        t.column("posts", "start"), t.column("posts", "end"))
    persons = pd.unique(np.concatenate([t.column("posts", "person_id")[executive],
                                        links["person_id"].to_numpy(dtype=object)]))
    people = t.dataset["people"].set_index("id")["name"]
    rows = [_executive_rows(links, persons, people, rules), _link_rows(links, people, rules)]
    return ANALYSIS.finish(pd.concat([f for f in rows if len(f)], ignore_index=True) if len(persons) else [])


def _federation(t: Tables, rules: Rules) -> np.ndarray:
    """Per body: a region-level women's federation of one of ``rules.executive_levels``."""
    regions = t.dataset["regions"].set_index("id")["level"]
    bodies = t.dataset["bodies"]
    return ((bodies["system"] == "women") & (bodies["type"] == "federation") & bodies["org_id"].isna()
            & bodies["region_id"].map(regions).isin(rules.executive_levels)).to_numpy()


def _executive_rows(links: pd.DataFrame, persons: np.ndarray, people: pd.Series, rules: Rules) -> pd.DataFrame:
    per_person = links.groupby("person_id").agg(links=("body_id", "size"), visits=("visits", "sum"))
    per_person = per_person.reindex(persons).fillna(0)
    n = per_person["links"].astype(int).to_numpy()
    return pd.DataFrame({
        "kind": "executive", "person_id": persons, "person_name": people.reindex(persons).to_numpy(),
        "body_id": "", "links": n, "visits": per_person["visits"].astype(int).to_numpy(),
        "problem": np.where((n >= rules.links_min) & (n <= rules.links_max), "", "links_outside"),
        "expected_min": rules.links_min, "expected_max": rules.links_max})


def _link_rows(links: pd.DataFrame, people: pd.Series, rules: Rules) -> pd.DataFrame:
    count = links["visits"].astype(int).to_numpy()
    return pd.DataFrame({
        "kind": "link", "person_id": links["person_id"].to_numpy(dtype=object),
        "person_name": people.reindex(links["person_id"]).to_numpy(), "body_id": links["body_id"].to_numpy(dtype=object),
        "links": None, "visits": count, "problem": np.where(count >= rules.visits_per_year, "", "visits_under"),
        "expected_min": rules.visits_per_year, "expected_max": None})


def _with_flag(frame: pd.DataFrame) -> pd.DataFrame:
    frame["flag"] = liaison_flag(frame)
    return frame


CONTRACT = Contract(
    columns=("kind", "person_id", "person_name", "body_id", "links", "visits", "flag", "problem", "expected_min",
             "expected_max"),
    order=(("kind", True), ("person_id", True), ("body_id", True)),
    ints=("links", "visits", "expected_min", "expected_max"), derive=_with_flag,
    brief=("kind", "person_id", "person_name", "body_id", "links", "visits", "flag"))

ANALYSIS = Analysis(
    name="liaison_check", contract=CONTRACT,
    summary="Liaison links per federation executive, and visits per link in a year (rule 5).",
    embedded=embedded, cypher="queries/liaison_check.cypher", args=("year", "rules"),
    tables=("regions", "bodies", "posts", "people", "liaisons", "visits"))
