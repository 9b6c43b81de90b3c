"""Two-new organizations (两新组织: non-public enterprises and social organizations) of the report-based
profiles: the organization with its staff numbers, then its bodies and who holds their posts.
"""

from __future__ import annotations

from datetime import date, timedelta

from .builder import AS_OF, Builder
from .units import PARTY_SUFFIX, grade, party_type

#: The name suffix of each kind of women's body in a two-new organization.
_WOMEN_SUFFIX = {"work_committee": "妇女工作委员会", "committee": "妇委会", "liaison": "妇女工作联络员"}


def two_new_org(b: Builder, region: str, female: int, *, social: bool = False) -> str:
    """A two-new organization (enterprise or social organization) with its staff numbers."""
    rng = b.rng
    if female == 0:
        total = rng.randint(3, 40)
    else:
        total = max(female, round(female / rng.uniform(0.25, 0.85)))
    name = b.social_org() if social else b.company()
    return b.org(name, "social_org" if social else "enterprise", region, two_new=True, female=female, total=total,
                 business_stable=b.chance(0.7), workforce_stable=b.chance(0.55))


def staff_two_new(b: Builder, org: str, *, women: str | None = None, women_founded: date | None = None,
                  women_dissolved: date | None = None, party: bool = False, union: bool = False,
                  youth: bool = False, turnover: bool = False, nameplate: float = 0.3,
                  candidate: float = 0.3) -> dict[str, str]:
    """Bodies and posts of a two-new organization; return its bodies by system.

    ``women``: ``work_committee``, ``committee``, ``liaison`` or None. ``turnover``: the women's head
    leaves before AS_OF together with all her posts and nobody replaces her (a vacant head).
    ``nameplate``: chance that party, women's and union bodies are one team ("one team, several
    nameplates"). ``candidate``: chance of a female party member on the staff with no post.
    """
    bodies = _two_new_bodies(b, org, women, women_founded, women_dissolved, party=party, union=union, youth=youth)
    staff = _Staff(b, org, bodies)
    team = staff.party_team() if party else None
    if women == "liaison":
        staff.liaison_officer(team)
    elif women:
        staff.women_body(team, nameplate)
    if union:
        staff.union(team, women)
    if youth:
        staff.give(staff.hire(pf=0.5, born=(1982, 1992)), bodies["youth"], "secretary")
    leaver, left = staff.women_head_leaves(women) if turnover and women else (None, None)
    staff.post(leaver, left)
    if leaver:
        b.person_of[leaver]["employer_org_id"] = None
    if b.chance(candidate):
        staff.hire("F", party_member=True, born=(1970, 1990))
    return bodies


def _two_new_bodies(b: Builder, org: str, women: str | None, women_founded: date | None,
                    women_dissolved: date | None, *, party: bool, union: bool, youth: bool) -> dict[str, str]:
    """The party, women's, union and youth bodies asked for (the party's founding day is drawn anyway)."""
    o = b.org_of[org]
    name = o["name"]
    bodies: dict[str, str] = {}
    party_founded = b.day(date(2005, 6, 1), date(2011, 10, 1))
    if party:
        ptype = party_type(o["total_staff"])
        bodies["party"] = b.body(name + PARTY_SUFFIX[ptype], "party", ptype, org=org, grade=grade(b),
                                 founded=party_founded)
    women_founded = women_founded or b.day(max(party_founded, date(2008, 3, 8)), date(2012, 3, 8))
    if women:
        bodies["women"] = b.body(name + _WOMEN_SUFFIX[women], "women", women, org=org, founded=women_founded,
                                 dissolved=women_dissolved)
    if union:
        bodies["union"] = b.body(name + "工会", "union", "committee", org=org,
                                 founded=b.day(date(2005, 1, 1), date(2011, 12, 31)))
    if youth:
        bodies["youth"] = b.body(name + "团支部", "youth", "branch", org=org,
                                 founded=b.day(date(2007, 1, 1), date(2011, 12, 31)))
    return bodies


class _Staff:
    """The posts of one two-new organization, gathered person by person, then written in one go."""

    def __init__(self, b: Builder, org: str, bodies: dict[str, str]):
        self.b, self.org, self.bodies = b, org, bodies
        self.held: dict[str, list[tuple[str, str, date]]] = {}  # person → [(body, role, start)]

    def since(self, body: str) -> date:
        """When a post in ``body`` began: mostly the day it was founded, else some time after."""
        b = self.b
        f = b.body_of[body]["founded"] or date(2008, 1, 1)
        return f if b.chance(0.7) else b.day(f, max(f, min(AS_OF - timedelta(days=40), f + timedelta(days=700))))

    def hire(self, gender: str | None = None, pf: float = 0.5, party_member: bool = False,
             born: tuple[int, int] = (1965, 1988)) -> str:
        """A new person on the staff."""
        return self.b.person(gender, pf=pf, born=born, party=party_member, employer=self.org)

    def give(self, person: str, body: str, role: str, start: date | None = None) -> None:
        """A post for ``person`` (written by ``post``)."""
        start = start or self.since(body)
        self.held.setdefault(person, []).append((body, role, start))

    def party_team(self) -> list[str]:
        """The party secretary (the boss) and 1-3 members; return them, the secretary first."""
        party = self.bodies["party"]
        boss = self.hire(pf=0.25, party_member=True, born=(1958, 1980))
        self.give(boss, party, "secretary")
        extra = [self.hire(pf=0.5, party_member=True) for _ in range(self.b.rng.randint(1, 3))]
        for m in extra:
            self.give(m, party, "member")
        return [boss, *extra]

    def liaison_officer(self, team: list[str] | None) -> None:
        """A women's work liaison officer, sometimes also a party member."""
        liaison = self.hire("F", born=(1970, 1990))
        self.give(liaison, self.bodies["women"], "liaison")
        if team and self.b.chance(0.4):
            self.give(liaison, self.bodies["party"], "member")
            self.b.person_of[liaison]["party_member"] = True

    def women_body(self, team: list[str] | None, nameplate: float) -> None:
        """Chair and members of a women's committee, perhaps the party team under another nameplate."""
        b = self.b
        shared = team is not None and b.chance(nameplate)
        if shared:  # one team, several nameplates: the party members who are women run the women's body too
            women_team = team[1:]
            for p in women_team:
                b.person_of[p]["gender"] = "F"
            chair = women_team[0]
            others = women_team[1:]
        else:
            chair = self.hire("F", born=(1968, 1988))
            if team and b.chance(0.5):  # the chair is a party member (一人多职)
                self.give(chair, self.bodies["party"], "member")
            others = [self.hire("F") for _ in range(b.rng.randint(1, 3))]
        self.give(chair, self.bodies["women"], "chair")
        for p in others:
            self.give(p, self.bodies["women"], "member")

    def union(self, team: list[str] | None, women: str | None) -> None:
        """The union: the party team again or two hires; the women's chair sometimes its vice chair."""
        b, union = self.b, self.bodies["union"]
        if team and b.chance(0.5):
            head = team[0] if b.chance(0.5) else team[-1]
            self.give(head, union, "chair")
            for p in team:
                if p != head:
                    self.give(p, union, "member")
        else:
            self.give(self.hire(pf=0.4), union, "chair")
            self.give(self.hire(pf=0.6), union, "member")
        if women and women != "liaison" and b.chance(0.5):
            chair_w = self._holder(self.bodies["women"], "chair")
            if not any(bb == union for bb, _, _ in self.held[chair_w]):
                self.give(chair_w, union, "vice_chair")

    def women_head_leaves(self, women: str) -> tuple[str, date]:
        """Turnover: the women's head leaves before AS_OF; return her and the day she left."""
        leaver = self._holder(self.bodies["women"], "liaison" if women == "liaison" else "chair")
        latest = max(s for _, _, s in self.held[leaver])
        left = self.b.day(min(latest + timedelta(days=30), AS_OF - timedelta(days=1)), AS_OF - timedelta(days=1))
        return leaver, left

    def post(self, leaver: str | None, left: date | None) -> None:
        """Write the posts; the leaver's end on the day she left, all posts in a dissolved body end with it."""
        b = self.b
        for person, posts in self.held.items():
            for body, role, start in posts:
                end = left if person == leaver else None
                dissolved = b.body_of[body]["dissolved"]
                if dissolved is not None:
                    start = min(start, dissolved - timedelta(days=1))
                    end = dissolved
                b.post(person, body, role, start, end)

    def _holder(self, body: str, role: str) -> str:
        """The first person given ``role`` in ``body``."""
        return next(p for p, posts in self.held.items() if any(bb == body and rr == role for bb, rr, _ in posts))
