"""Grassroots units of the calibrated profiles: villages, communities, organs and institutions, each
with its bodies (party, villagers' committee, women's congress or federation, union, youth league)
and the people who hold their posts.
"""

from __future__ import annotations

from datetime import date

from .builder import Builder

TERM_2011 = (date(2011, 2, 20), date(2011, 6, 15))  # village and community elections (换届)
TERM_2008 = (date(2008, 2, 20), date(2008, 6, 15))

PARTY_SUFFIX = {"committee": "党委", "general_branch": "党总支", "branch": "党支部"}


def party_type(total: int) -> str:
    """The party body an organization of ``total`` staff has.

    >>> party_type(40), party_type(150), party_type(500)
    ('branch', 'general_branch', 'committee')
    """
    return "committee" if total >= 500 else "general_branch" if total >= 150 else "branch"


def grade(b: Builder) -> str | None:
    """A party grade; None (empty) reads as unrated."""
    return b.rng.choices(("excellent", "standard", "weak", "unrated", None), (3, 5, 1, 1, 1))[0]


# -- villages ---------------------------------------------------------------------------------------

#: Birth years of village cadres.
_VILLAGE_BORN = (1952, 1985)


def village(b: Builder, region: str, name: str, *, chair_in_two: float, former: bool = True) -> str:
    """A village: party branch, villagers' committee, women's congress (and sometimes a youth branch)."""
    org = b.org(name, "village", region)
    big = b.chance(0.2)
    ptype = "general_branch" if big else "branch"
    party = b.body(name + PARTY_SUFFIX[ptype], "party", ptype, org=org, grade=grade(b))
    vc = b.body(name + "村委会", "admin", "villagers_committee", org=org)
    congress = b.body(name + "妇代会", "women", "congress", org=org,
                      founded=b.day(date(1995, 1, 1), date(2007, 12, 31)) if b.chance(0.6) else None)
    start = b.day(*TERM_2011)
    prev = b.day(*TERM_2008)
    secretary, members = _village_party_branch(b, org, party, start, prev)
    women_member = _villagers_committee(b, org, vc, secretary, members, start)
    _women_congress(b, org, congress, vc, party, women_member, start, chair_in_two=chair_in_two)
    # youth league branch in some villages
    if b.chance(0.25):
        youth = b.body(name + "团支部", "youth", "branch", org=org, founded=b.day(date(2003, 1, 1), date(2010, 12, 31)))
        b.post(b.person(pf=0.35, born=(1982, 1990), employer=org), youth, "secretary", start)
    # the previous term: people who left at the election
    if former:
        for body, role, gender in ((vc, "member", None), (congress, "chair", "F"), (party, "member", None)):
            if b.chance(0.35):
                b.post(b.person(gender, pf=0.2, born=(1948, 1970), employer=None), body, role, prev, start)
    return org


def _village_party_branch(b: Builder, org: str, party: str, start: date, prev: date) -> tuple[str, list[str]]:
    """The branch secretary (often re-elected) and 2-4 members; return them."""
    secretary = b.person(pf=0.12, born=(1955, 1978), party=True, employer=org, education=None)
    if b.chance(0.6):  # re-elected: the previous term too
        b.post(secretary, party, "secretary", prev, start)
    b.post(secretary, party, "secretary", start)
    members = [b.person(pf=0.15, born=_VILLAGE_BORN, party=True, employer=org) for _ in range(b.rng.randint(2, 4))]
    for m in members:
        b.post(m, party, "member", start)
    return secretary, members


def _villagers_committee(b: Builder, org: str, vc: str, secretary: str, members: list[str], start: date) -> str | None:
    """Chair (often the secretary: 一肩挑), members partly the party members (交叉任职); return the women's member."""
    chair = secretary if b.chance(0.35) else b.person(pf=0.12, born=(1955, 1980), employer=org)
    b.post(chair, vc, "chair", start)
    for m in members:
        if b.chance(0.35):
            b.post(m, vc, "member", start)
    for _ in range(b.rng.randint(1, 3)):
        b.post(b.person(pf=0.12, born=_VILLAGE_BORN, employer=org), vc, "member", start)
    # the women's member of the villagers' committee (妇女委员), also vice chair of the congress
    women_member = None
    if b.chance(0.6):
        women_member = b.person("F", born=(1962, 1985), employer=org)
        b.post(women_member, vc, "member", start)
    return women_member


def _women_congress(b: Builder, org: str, congress: str, vc: str, party: str, women_member: str | None,
                    start: date, *, chair_in_two: float) -> None:
    """Congress chair: a woman who also sits in one of the two committees (Beihu: always); vice chair, members."""
    c_chair = b.person("F", born=(1960, 1984), employer=org)
    b.post(c_chair, congress, "chair", start)
    if b.chance(chair_in_two):
        if b.chance(0.55):
            b.post(c_chair, vc, "member", start)
        else:
            b.post(c_chair, party, "member", start)
    if women_member:
        b.post(women_member, congress, "vice_chair", start)
    for _ in range(b.rng.randint(0, 1)):
        b.post(b.person("F", born=(1965, 1988), employer=org), congress, "member", start)


def grow_village(b: Builder, villages: list[str]) -> None:
    """One more villagers' committee member (a free holder), in a random village."""
    org = b.rng.choice(villages)
    vc = next(x for x in b.tables["bodies"] if x["org_id"] == org and x["type"] == "villagers_committee")
    b.post(b.person(pf=0.15, born=(1955, 1985), employer=org), vc["id"], "member", b.day(*TERM_2011))


# -- communities ------------------------------------------------------------------------------------

def community(b: Builder, region: str, name: str) -> str:
    """A community: party branch, community women's federation, sometimes a youth branch."""
    rng = b.rng
    org = b.org(name, "community", region, female=rng.randint(4, 9), total=rng.randint(9, 16))
    ptype = "general_branch" if b.chance(0.3) else "branch"
    party = b.body(name + PARTY_SUFFIX[ptype], "party", ptype, org=org, grade=grade(b),
                   founded=b.day(date(2000, 1, 1), date(2008, 12, 31)))
    fed = b.body(name + "妇联", "women", "federation", org=org, founded=b.day(date(2005, 1, 1), date(2010, 12, 31)))
    start = b.day(*TERM_2011)
    secretary = b.person(pf=0.55, born=(1960, 1980), party=True, employer=org, education=None)
    b.post(secretary, party, "secretary", start)
    party_members = [b.person(pf=0.45, born=(1958, 1988), employer=org) for _ in range(rng.randint(2, 3))]
    for m in party_members:
        b.post(m, party, "member", start)
    # federation: chair (sometimes also in the party branch), vice chair, 1-2 members
    chair = b.person("F", born=(1965, 1985), employer=org, education=rng.choice(("college", "bachelor")))
    b.post(chair, fed, "chair", start)
    if b.chance(0.45):
        b.post(chair, party, "member", start)
    b.post(b.person("F", born=(1968, 1988), employer=org), fed, "vice_chair", start)
    for _ in range(rng.randint(1, 2)):
        b.post(b.person("F", born=(1955, 1990), employer=None), fed, "member", start)
    if b.chance(0.25):
        youth = b.body(name + "团支部", "youth", "branch", org=org, founded=b.day(date(2005, 1, 1), date(2011, 1, 1)))
        b.post(b.person(pf=0.5, born=(1983, 1990), employer=org), youth, "secretary", start)
    if b.chance(0.3):  # the chair of the previous term
        b.post(b.person("F", born=(1950, 1965)), fed, "chair", b.day(*TERM_2008), start)
    return org


def grow_community(b: Builder, communities: list[str]) -> None:
    """One more party branch member (a free holder), in a random community."""
    org = b.rng.choice(communities)
    party = next(x for x in b.tables["bodies"] if x["org_id"] == org and x["system"] == "party")
    b.post(b.person(pf=0.5, born=(1960, 1988), employer=org), party["id"], "member", b.day(*TERM_2011))


# -- organs and institutions ------------------------------------------------------------------------

def organ(b: Builder, region: str, name: str, kind: str, *, women: str | None, union: float = 0.6,
          team: bool = True) -> str:
    """An organ or institution: leadership team, party body, maybe a women's body and a union."""
    rng = b.rng
    total = rng.randint(15, 120) if kind == "organ" else rng.randint(30, 600)
    female = round(total * rng.uniform(0.3, 0.7))
    org = b.org(name, kind, region, female=female, total=total)
    leaders = [b.person(pf=0.2, born=(1956, 1975), party=True, employer=org, education=rng.choice(("bachelor", "college")))]
    leaders += [b.person(pf=0.3, born=(1960, 1980), party=True, employer=org,
                         education=rng.choice(("bachelor", "bachelor", "college", "postgraduate")))
                for _ in range(rng.randint(2, 4))]
    start = b.day(date(2008, 1, 1), date(2011, 12, 31))
    if team:
        t = b.body(name + "领导班子", "admin", "team", org=org)
        b.post(leaders[0], t, "chair", start)
        for p in leaders[1:]:
            b.post(p, t, "member", start)
    ptype = "committee" if total >= 60 else "branch"
    party = b.body(name + ("机关党委" if ptype == "committee" and kind == "organ" else PARTY_SUFFIX[ptype]), "party",
                   ptype, org=org, grade=grade(b), founded=b.day(date(1990, 1, 1), date(2005, 12, 31)))
    secretary = leaders[0] if b.chance(0.5) else leaders[1]
    b.post(secretary, party, "secretary", start)
    for p in leaders:
        if p != secretary and b.chance(0.6):
            b.post(p, party, "member", start)
    if women:
        suffix = "机关妇委会" if women == "organ_committee" else "妇委会"
        w = b.body(name + suffix, "women", women, org=org, founded=b.day(date(2000, 1, 1), date(2011, 3, 8)))
        female_leaders = [p for p in leaders[1:] if b.person_of[p]["gender"] is None and b.chance(0.3)]
        if female_leaders:
            b.person_of[female_leaders[0]]["gender"] = "F"
            chair = female_leaders[0]
        else:
            chair = b.person("F", born=(1965, 1985), employer=org, education=rng.choice(("college", "bachelor")))
        if b.chance(0.85):
            b.post(chair, w, "chair", b.day(date(2009, 3, 8), date(2012, 3, 8)))
        else:  # the chair moved on in the spring: vacant
            b.post(chair, w, "chair", date(2009, 3, 8), b.day(date(2012, 1, 1), date(2012, 6, 1)))
        for _ in range(rng.randint(1, 3)):
            b.post(b.person("F", born=(1965, 1988), employer=org), w, "member", b.day(date(2009, 3, 8), date(2012, 3, 8)))
    if b.chance(union):
        u = b.body(name + "工会", "union", "committee", org=org, founded=b.day(date(1990, 1, 1), date(2008, 1, 1)))
        b.post(rng.choice(leaders[1:]), u, "chair", start)
        b.post(b.person(pf=0.5, employer=org), u, "member", start)
    return org

