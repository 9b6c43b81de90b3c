"""The report-based profiles' row builder: rows of every table, made one at a time with one
``random.Random``, plus the names of the people, places and firms in them.

The order of the calls is the order of the random draws: the same seed gives the same rows.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from ..schema import SCHEMA
from .names import (BRAND_FIRST, BRAND_SECOND, COMPANY_FORMS, FEMALE_CHARS, INDUSTRIES, LOCAL_SURNAMES, MALE_CHARS,
                    PLACE_FIRST, PLACE_SECOND, PROVINCE, SOCIAL_ORGS, SURNAMES, TOPS)

#: The day of the reports' figures, which the report-based profiles are built for (mid-2012).
AS_OF = date(2012, 6, 30)


class Builder:
    """Rows of every table, built one at a time with ``random.Random(seed)``."""

    def __init__(self, profile: str, seed: int):
        self.profile = profile
        self.rng = random.Random(f"{profile}:{seed}")
        self.tables: dict[str, list[dict]] = {name: [] for name in SCHEMA.tables}
        self.org_of: dict[str, dict] = {}
        self.body_of: dict[str, dict] = {}
        self.person_of: dict[str, dict] = {}
        self.region_of: dict[str, dict] = {}
        self._used_names: set[str] = set()
        local = LOCAL_SURNAMES[profile]
        self._surnames = list(local) + [s for s in SURNAMES if s not in local]
        self._surname_weights = [6.0] * len(local) + [1.0 / (1 + i / 12) for i in range(len(self._surnames) - len(local))]
        tops = TOPS[profile]
        self.root_name = tops["root"][0]

    # random helpers
    def day(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # rows
    def region(self, name: str, level: str, parent: str | None) -> str:
        rid = f"R{len(self.tables['regions']) + 1:04d}"
        row = {"id": rid, "name": name, "level": level, "parent_id": parent}
        self.tables["regions"].append(row)
        self.region_of[rid] = row
        return rid

    def org(self, name: str, kind: str, region: str, *, two_new: bool = False, female: int = 0, total: int = 0,
            business_stable: bool = False, workforce_stable: bool = False) -> str:
        oid = f"O{len(self.tables['organizations']) + 1:04d}"
        row = {"id": oid, "name": name, "kind": kind, "region_id": region, "two_new": two_new,
               "female_staff": female, "total_staff": max(total, female),
               "business_stable": business_stable, "workforce_stable": workforce_stable}
        self.tables["organizations"].append(row)
        self.org_of[oid] = row
        return oid

    def body(self, name: str, system: str, type_: str, *, org: str | None = None, region: str | None = None,
             grade: str | None = None, founded: date | None = None, dissolved: date | None = None) -> str:
        bid = f"B{len(self.tables['bodies']) + 1:05d}"
        row = {"id": bid, "name": name, "system": system, "type": type_, "org_id": org,
               "region_id": region if org is None else None, "grade": grade, "founded": founded,
               "dissolved": dissolved}
        self.tables["bodies"].append(row)
        self.body_of[bid] = row
        return bid

    def person(self, gender: str | None = None, *, pf: float = 0.5, born: tuple[int, int] = (1960, 1988),
               education: str | None = None, party: bool = False, employer: str | None = None,
               reserve: bool = False) -> str:
        """A person; ``gender=None`` leaves it free (drawn at the end with probability ``pf`` of F)."""
        pid = f"P{len(self.tables['people']) + 1:05d}"
        row = {"id": pid, "name": None, "gender": gender, "birth_year": self.rng.randint(*born),
               "education": education, "party_member": party, "employer_org_id": employer,
               "reserve_cadre": reserve, "_pf": pf}
        self.tables["people"].append(row)
        self.person_of[pid] = row
        return pid

    def post(self, person: str, body: str, role: str, start: date | None, end: date | None = None) -> None:
        self.tables["posts"].append({"person_id": person, "body_id": body, "role": role, "start": start, "end": end})
        if self.body_of[body]["system"] == "party" and (end is None or end > AS_OF):
            self.person_of[person]["party_member"] = True

    # names
    def claim(self, name: str) -> None:
        """Take a fixed name (one the source report uses) out of the pool ``unique`` draws from."""
        self._used_names.add(name)

    def unique(self, make) -> str:
        for _ in range(200):
            name = make()
            if name not in self._used_names:
                self._used_names.add(name)
                return name
        raise RuntimeError("ran out of names")

    def place(self) -> str:
        second = PLACE_SECOND[self.profile]
        if self.chance(0.15):
            return self.rng.choice(self._surnames[:20]) + "家"
        return self.rng.choice(PLACE_FIRST) + self.rng.choice(second)

    def company(self) -> str:
        def make():
            brand = self.rng.choice(BRAND_FIRST) + self.rng.choice(BRAND_SECOND)
            return (self.rng.choice(PROVINCE[self.profile]) + brand + self.rng.choice(INDUSTRIES[self.profile])
                    + self.rng.choice(COMPANY_FORMS))
        return self.unique(make)

    def social_org(self) -> str:
        def make():
            kind = self.rng.choice(SOCIAL_ORGS)
            if kind.startswith(("民办", "民营", "养老", "社会工作")):
                return self.root_name + self.rng.choice(BRAND_FIRST) + self.rng.choice(BRAND_SECOND) + kind
            return self.root_name + kind
        return self.unique(make)

    def person_name(self, gender: str) -> str:
        chars = FEMALE_CHARS if gender == "F" else MALE_CHARS
        for _ in range(20):
            surname = self.rng.choices(self._surnames, self._surname_weights)[0]
            given = self.rng.choice(chars)
            if self.chance(0.7):
                given += self.rng.choice(chars) if self.chance(0.9) else given
            name = surname + given
            if name not in self._used_names:
                break
        self._used_names.add(name)
        return name

    # finishing
    def finish(self) -> dict[str, list[dict]]:
        """Draw what was left free (genders, then names, education) and return the rows of every table."""
        for row in self.tables["people"]:
            if row["gender"] is None:
                row["gender"] = "F" if self.chance(row["_pf"]) else "M"
            row["name"] = self.person_name(row["gender"])
            if row["education"] is None:
                row["education"] = self.rng.choices(("secondary", "college", "bachelor"), (5, 3, 2))[0]
        return self.tables
