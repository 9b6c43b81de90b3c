"""Grassroots units of the report-based profiles: villages, communities, organs and institutions, each
with its bodies (party, villagers' or residents' committee, women's congress or federation, union,
youth league) and the people who hold their posts.

Genders are drawn, never fitted: a member of a village's or community's two committees is a woman
with the probability the caller gives (the report's share), so the shares come out near the report's,
not on it.
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


# -- villages and communities ----------------------------------------------------------------------

#: Birth years of village cadres.
_VILLAGE_BORN = (1952, 1985)


def village(b: Builder, region: str, name: str, *, women_share: float, chair_in_two: float,
            former: bool = True) -> str:
    """A village: party branch and villagers' committee (the two committees, 村"两委"), women's congress,
    sometimes a youth branch.

    Each member of the two committees is a woman with probability ``women_share``; the congress chair
    sits in the two committees with probability ``chair_in_two`` (see ``_women_congress``).
    """
    org = b.org(name, "village", region)
    ptype = "general_branch" if b.chance(0.2) else "branch"
    party = b.body(name + PARTY_SUFFIX[ptype], "party", ptype, org=org, grade=grade(b))
    vc = b.body(name + "村委会", "admin", "villagers_committee", org=org)
    congress = b.body(name + "妇代会", "women", "congress", org=org,
                      founded=b.day(date(1995, 1, 1), date(2007, 12, 31)) if b.chance(0.6) else None)
    start = b.day(*TERM_2011)
    prev = b.day(*TERM_2008)
    heads, others = two_committees(b, org, party, vc, start, women_share, sizes=((2, 4), (1, 3)), one_shoulder=0.35,
                                   men_head=True, born=_VILLAGE_BORN)
    if b.chance(0.6):  # the secretary re-elected: the previous term too
        b.post(heads[0], party, "secretary", prev, start)
    _women_congress(b, org, congress, vc, others, start, chair_in_two=chair_in_two)
    if b.chance(0.25):  # youth league branch in some villages
        youth = b.body(name + "团支部", "youth", "branch", org=org, founded=b.day(date(2003, 1, 1), date(2010, 12, 31)))
        b.post(b.person(pf=0.35, born=(1982, 1990), employer=org), youth, "secretary", start)
    if former:  # the previous term: people who left at the election
        for body, role, gender in ((vc, "member", None), (congress, "chair", "F"), (party, "member", None)):
            if b.chance(0.35):
                b.post(b.person(gender, pf=women_share, born=(1948, 1970), employer=None), body, role, prev, start)
    return org


def two_committees(b: Builder, org: str, party: str, committee: str, start: date, women_share: float, *,
                   sizes: tuple[tuple[int, int], tuple[int, int]], one_shoulder: float, men_head: bool,
                   born: tuple[int, int]) -> tuple[list[str], list[str]]:
    """The two committees (两委) of a village or community: the party branch and the villagers' or
    residents' ``committee``; return their heads (secretary, then chair) and the other members.

    ``sizes``: how many party members besides the secretary, and committee-only members besides the
    chair (ranges). Each person is a woman with probability ``women_share``, drawn here; with
    ``men_head`` the secretary and chair are men when the draw gave any. ``one_shoulder``: chance that
    the secretary also chairs the committee (一肩挑). Party members join the committee too with
    probability 0.35 (交叉任职).
    """
    rng = b.rng
    n_party, n_committee = rng.randint(*sizes[0]), rng.randint(*sizes[1])
    shoulder = b.chance(one_shoulder)
    people = [b.person("F" if b.chance(women_share) else "M", born=born, employer=org)
              for _ in range(1 + n_party + n_committee + (0 if shoulder else 1))]
    if men_head:
        people.sort(key=lambda p: (b.person_of[p]["gender"] == "F", rng.random()))
    secretary, chair = people[0], people[0] if shoulder else people[1]
    others = [p for p in people if p not in (secretary, chair)]
    rng.shuffle(others)
    b.post(secretary, party, "secretary", start)
    b.post(chair, committee, "chair", start)
    for i, p in enumerate(others):
        if i < n_party:
            b.post(p, party, "member", start)
        if i >= n_party or b.chance(0.35):
            b.post(p, committee, "member", start)
    return [secretary, chair] if chair != secretary else [secretary], others


def _women_congress(b: Builder, org: str, congress: str, vc: str, members: list[str], start: date, *,
                    chair_in_two: float) -> None:
    """Congress chair, vice chair and members.

    With probability ``chair_in_two`` the chair sits in the two committees (Beihu: always, 妇代会主任进
    两委): a woman among their ``members``, or, when the election gave none, a woman who takes a seat on
    the villagers' committee. Another woman of the two committees is the vice chair (妇女委员).
    """
    women = [p for p in members if b.person_of[p]["gender"] == "F"]
    b.rng.shuffle(women)
    if b.chance(chair_in_two):
        chair = women.pop() if women else b.person("F", born=(1960, 1984), employer=org)
        if chair not in members:
            b.post(chair, vc, "member", start)
    else:
        chair = b.person("F", born=(1960, 1984), employer=org)
    b.post(chair, congress, "chair", start)
    if women:
        b.post(women.pop(), congress, "vice_chair", start)
    elif b.chance(0.5):
        b.post(b.person("F", born=(1962, 1985), employer=org), congress, "vice_chair", start)
    for _ in range(b.rng.randint(0, 1)):
        b.post(b.person("F", born=(1965, 1988), employer=org), congress, "member", start)


def community(b: Builder, region: str, name: str, *, women_share: float) -> str:
    """A community: party branch and residents' committee (its two committees), community women's
    federation, sometimes a youth branch.

    Each member of the two committees is a woman with probability ``women_share``; the federation's
    chair is often one of them (the residents' committee's women's director).
    """
    rng = b.rng
    org = b.org(name, "community", region, female=rng.randint(4, 9), total=rng.randint(9, 16))
    ptype = "general_branch" if b.chance(0.3) else "branch"
    party = b.body(name + PARTY_SUFFIX[ptype], "party", ptype, org=org, grade=grade(b),
                   founded=b.day(date(2000, 1, 1), date(2008, 12, 31)))
    rc = b.body(name + "居委会", "admin", "residents_committee", org=org)
    fed = b.body(name + "妇联", "women", "federation", org=org, founded=b.day(date(2005, 1, 1), date(2010, 12, 31)))
    start = b.day(*TERM_2011)
    _, others = two_committees(b, org, party, rc, start, women_share, sizes=((2, 3), (2, 4)), one_shoulder=0.5,
                               men_head=False, born=(1958, 1988))
    women = [p for p in others if b.person_of[p]["gender"] == "F"]
    if women and b.chance(0.6):
        chair = rng.choice(women)
    else:
        chair = b.person("F", born=(1965, 1985), employer=org, education=rng.choice(("college", "bachelor")))
    b.post(chair, fed, "chair", start)
    b.post(b.person("F", born=(1968, 1988), employer=org), fed, "vice_chair", start)
    for _ in range(rng.randint(1, 2)):
        b.post(b.person("F", born=(1955, 1990), employer=None), fed, "member", start)
    if b.chance(0.25):
        youth = b.body(name + "团支部", "youth", "branch", org=org, founded=b.day(date(2005, 1, 1), date(2011, 1, 1)))
        b.post(b.person(pf=0.5, born=(1983, 1990), employer=org), youth, "secretary", start)
    if b.chance(0.3):  # the chair of the previous term
        b.post(b.person("F", born=(1950, 1965)), fed, "chair", b.day(*TERM_2008), start)
    return org


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

