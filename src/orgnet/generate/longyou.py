"""The ``longyou`` profile: Longyou County (龙游县), Zhejiang.

Calibrated so that ``stats("2012-06-30")`` at the county gives the report's figures: 133 two-new
organizations with 30+ female fixed staff, 43 of them with a women's work committee, 66 women's work
liaison officers. Around them: 13 townships, 2 streets and the industrial park, their villages and
communities, the county organs and institutions, and the county federation's executives with their
liaison links and visits.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

from .builder import Builder
from .names import COMMUNITY_WORDS, INSTITUTIONS, ORGANS, TOPS
from .outreach import demo_points, liaison_network, reserve, venues
from .two_new import staff_two_new, two_new_org
from .units import community, organ, village
from .writing import write_rows

#: The county federation's term (its congress in March 2011).
_FEDERATION_TERM = date(2011, 3, 5)
#: Women among village / community two-committee members: the Longyou report gives no share; these
#: plausible probabilities are Beihu's report's (32% / 71%).
_VILLAGE_WOMEN, _COMMUNITY_WOMEN = 0.32, 0.71


class _ParkAdmin(NamedTuple):
    """The industrial park's administration and its party and women's bodies."""

    org: str
    party: str
    women: str


def write(seed: int, out: Path, orgs: int | None = None) -> dict[str, int]:
    """The Longyou sample for ``seed`` as CSV files in ``out`` (``orgs`` is ignored); rows per table."""
    b = Builder("longyou", seed)
    build(b)
    return write_rows(b.finish(), out)


def build(b: Builder) -> None:
    """Every row of the Longyou sample, in the order of the random draws."""
    rng = b.rng
    tops = TOPS["longyou"]
    root = b.region(tops["root"][0], tops["root"][1], None)
    county_fed = b.body("龙游县妇联", "women", "federation", region=root, founded=date(1951, 3, 8))
    towns = [(b.region(n, "township", root), n) for n in tops["townships"]]
    streets = [(b.region(n, "street", root), n) for n in tops["streets"]]
    park = b.region(tops["park"], "park", root)
    villages, communities = _villages_and_communities(b, towns, streets)
    organs, institutions = _organs_and_institutions(b, root, towns)
    park_admin = _park_administration(b, park)
    # two-new organizations: 133 with 30+ female staff (43 with a work committee), 66 liaisons
    big, small, zero = _two_new_orgs(b, park, towns, streets)
    with_committee, committees, dissolved_committees = _work_committees(b, big, park)
    _liaison_officers(b, small)
    for org in zero:
        staff_two_new(b, org, party=b.chance(0.1))
    _park_committee(b, park_admin)
    fed_of, tf_chairs = _township_federations(b, towns + streets)
    _county_federation_leaders(b, county_fed)
    executives = rng.sample(tf_chairs, 5)
    entrepreneurs = _entrepreneurs(b, committees, park)
    _co_opt(b, entrepreneurs, fed_of, park, park_admin.women, big)
    executives += entrepreneurs
    executives += [b.person("F", born=(1965, 1988), party=b.chance(0.7), employer=rng.choice(organs + institutions),
                            education=rng.choice(("college", "bachelor"))) for _ in range(12)]
    for p in executives:
        b.post(p, county_fed, "executive", _FEDERATION_TERM)
    former = b.person("F", born=(1960, 1975), education="bachelor")  # left the executive in 2012
    b.post(former, county_fed, "executive", date(2006, 3, 5), date(2012, 4, 1))
    liaison_network(b, executives, committees + dissolved_committees, four=1, none=2)

    demo = rng.sample(with_committee, 4) + rng.sample(villages, 2) + rng.sample(communities, 1)
    demo_points(b, demo, organs, later=1)
    _activity_rooms(b, park, park_admin, committees)
    reserve(b)


def _villages_and_communities(b: Builder, towns: list[tuple[str, str]],
                              streets: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """7-13 villages per township; 5-8 communities and 2-4 villages per street."""
    rng = b.rng
    villages, communities = [], []
    for rid, _ in towns:
        for _ in range(rng.randint(7, 13)):
            name = b.unique(lambda: b.place() + "村")
            villages.append(village(b, b.region(name, "village", rid), name, women_share=_VILLAGE_WOMEN,
                                    chair_in_two=0.85))
    for rid, _ in streets:
        for _ in range(rng.randint(5, 8)):
            name = b.unique(lambda: rng.choice(COMMUNITY_WORDS) + "社区")
            communities.append(community(b, b.region(name, "community", rid), name, women_share=_COMMUNITY_WOMEN))
        for _ in range(rng.randint(2, 4)):
            name = b.unique(lambda: b.place() + "村")
            villages.append(village(b, b.region(name, "village", rid), name, women_share=_VILLAGE_WOMEN,
                                    chair_in_two=0.85))
    return villages, communities


def _organs_and_institutions(b: Builder, root: str, towns: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """The county's 32 organs and 16 institutions; a school and a health centre in 8 townships."""
    organs = [organ(b, root, "龙游县" + n, "organ", women="organ_committee" if b.chance(0.8) else None)
              for n in ORGANS[:32]]
    institutions = [organ(b, root, "龙游县" + n, "institution", women="committee" if b.chance(0.6) else None,
                          team=b.chance(0.5)) for n in INSTITUTIONS[:16]]
    for rid, n in towns[:8]:
        organ(b, rid, n + "中心学校", "institution", women=None, team=False)
        organ(b, rid, n + "卫生院", "institution", women="committee" if b.chance(0.4) else None, team=False)
    return organs, institutions


def _park_administration(b: Builder, park: str) -> _ParkAdmin:
    """The park administration and its women's committee (two enterprise women co-opted later)."""
    admin = b.org("龙游工业园区管理委员会", "park_admin", park, female=18, total=45)
    party = b.body("龙游工业园区党工委", "party", "committee", org=admin, grade="excellent",
                   founded=date(2006, 5, 1))
    women = b.body("龙游工业园区妇委会", "women", "committee", org=admin, founded=date(2010, 3, 8))
    return _ParkAdmin(admin, party, women)


def _two_new_orgs(b: Builder, park: str, towns: list[tuple[str, str]],
                  streets: list[tuple[str, str]]) -> tuple[list[str], list[str], list[str]]:
    """133 two-new organizations with 30+ female staff, 262 with fewer, 14 with none; the park has most."""
    rng = b.rng
    where = [park] * 6 + [r for r, _ in streets] * 3 + [r for r, _ in towns]
    big_n, small_n, zero_n = 133, 262, 14
    big = [two_new_org(b, rng.choice(where), 30 + int(rng.lognormvariate(3.2, 1.0)), social=b.chance(0.08))
           for _ in range(big_n)]
    small = [two_new_org(b, rng.choice(where), rng.choice((rng.randint(1, 29), rng.randint(1, 12))),
                         social=b.chance(0.25)) for _ in range(small_n)]
    zero = [two_new_org(b, rng.choice(where), 0, social=b.chance(0.3)) for _ in range(zero_n)]
    return big, small, zero


def _work_committees(b: Builder, big: list[str], park: str) -> tuple[list[str], list[str], list[str]]:
    """43 of the big organizations get a women's work committee; a few lost theirs or are building one.

    Return the organizations with a committee, their committees, and the committees dissolved.
    """
    rng = b.rng
    # committees first where the party is strongest (先党后妇, 以大促小): bigger orgs, park first
    order = sorted(big, key=lambda o: (b.org_of[o]["region_id"] != park, -b.org_of[o]["female_staff"] * rng.uniform(0.3, 1.0)))
    with_committee, without = order[:43], order[43:]
    rng.shuffle(without)
    committees = []
    for i, org in enumerate(with_committee):
        bodies = staff_two_new(b, org, women="work_committee", party=b.chance(0.93), union=b.chance(0.6),
                               youth=b.chance(0.25), turnover=i % 15 == 7, nameplate=0.35)
        committees.append(bodies["women"])
    dissolved_committees = []
    for i, org in enumerate(without):
        if i < 3:  # a committee that fell apart when its members left (dissolved before AS_OF)
            founded = b.day(date(2009, 3, 8), date(2010, 12, 31))
            bodies = staff_two_new(b, org, women="work_committee", women_founded=founded,
                                   women_dissolved=b.day(date(2011, 6, 1), date(2012, 5, 31)), party=True,
                                   union=b.chance(0.5))
            dissolved_committees.append(bodies["women"])
        elif i < 5:  # being built: founded after AS_OF
            staff_two_new(b, org, women="work_committee", women_founded=b.day(date(2012, 7, 15), date(2012, 11, 30)),
                          party=True)
        else:
            staff_two_new(b, org, party=b.chance(0.45), union=b.chance(0.3), youth=b.chance(0.1),
                          candidate=0.45)
    return with_committee, committees, dissolved_committees


def _liaison_officers(b: Builder, small: list[str]) -> None:
    """66 of the small organizations have a liaison officer; 4 more had one until the post was abolished."""
    rng = b.rng
    rng.shuffle(small)
    for i, org in enumerate(small):
        if i < 66:
            staff_two_new(b, org, women="liaison", party=b.chance(0.35), union=b.chance(0.2),
                          turnover=i % 20 == 3)
        elif i < 70:  # a liaison officer post abolished when the firm shrank
            founded = b.day(date(2009, 3, 8), date(2010, 12, 31))
            staff_two_new(b, org, women="liaison", women_founded=founded,
                          women_dissolved=b.day(date(2011, 3, 1), date(2012, 6, 1)), party=b.chance(0.3))
        else:
            staff_two_new(b, org, party=b.chance(0.22), union=b.chance(0.15), youth=b.chance(0.05))


def _park_committee(b: Builder, park: _ParkAdmin) -> None:
    """The park committee's admin women and the park party's secretary.

    (Two enterprise women join it later: rule 4's "增补两名非公企业女职工代表".)
    """
    park_staff = [b.person("F", born=(1970, 1985), party=True, employer=park.org, education="bachelor") for _ in range(2)]
    b.post(park_staff[0], park.women, "chair", date(2010, 3, 8))
    b.post(park_staff[1], park.women, "member", date(2010, 3, 8))
    b.post(park_staff[0], park.party, "member", date(2008, 1, 1))
    b.post(b.person(pf=0.2, born=(1960, 1972), employer=park.org, education="bachelor"), park.party, "secretary",
           date(2009, 6, 1))


def _township_federations(b: Builder, tops: list[tuple[str, str]]) -> tuple[dict[str, str], list[str]]:
    """A federation and a party committee per township and street; the chair sits in both.

    Return the federation of each region and the chairs.
    """
    rng = b.rng
    tf_chairs, fed_of = [], {}
    for rid, n in tops:
        fed = fed_of[rid] = b.body(n + "妇联", "women", "federation", region=rid, founded=date(1956, 3, 8))
        chair = b.person("F", born=(1968, 1985), party=True, education=rng.choice(("college", "bachelor")))
        party = b.body(n + "党委", "party", "committee", region=rid)
        b.post(chair, fed, "chair", b.day(date(2008, 1, 1), date(2011, 12, 31)))
        b.post(chair, party, "member", b.day(date(2008, 1, 1), date(2011, 12, 31)))
        b.post(b.person("F", born=(1975, 1988), education=rng.choice(("college", "bachelor"))), fed, "vice_chair",
               b.day(date(2008, 1, 1), date(2011, 12, 31)))
        tf_chairs.append(chair)
    return fed_of, tf_chairs


def _county_federation_leaders(b: Builder, county_fed: str) -> None:
    """The county federation's chair and three vice chairs."""
    b.post(b.person("F", born=(1962, 1970), party=True, education="bachelor"), county_fed, "chair", _FEDERATION_TERM)
    for _ in range(3):
        b.post(b.person("F", born=(1965, 1980), party=True, education="bachelor"), county_fed, "vice_chair",
               _FEDERATION_TERM)


def _entrepreneurs(b: Builder, committees: list[str], park: str) -> list[str]:
    """Six enterprise women leaders for the executive: two from the park, the busiest, two more at random."""
    rng = b.rng
    chairs_of_committees = [p["person_id"] for p in b.tables["posts"]
                            if p["body_id"] in committees and p["role"] == "chair" and p["end"] is None]
    in_park = [p for p in chairs_of_committees if b.org_of[b.person_of[p]["employer_org_id"]]["region_id"] == park]
    posts_of: dict[str, int] = {}
    for x in b.tables["posts"]:
        posts_of[x["person_id"]] = posts_of.get(x["person_id"], 0) + 1
    busiest = sorted((p for p in chairs_of_committees if p not in in_park[:2]), key=lambda p: (-posts_of[p], rng.random()))
    return in_park[:2] + busiest[:2] + rng.sample(busiest[2:], 2)


def _co_opt(b: Builder, entrepreneurs: list[str], fed_of: dict[str, str], park: str, park_women: str,
            big: list[str]) -> None:
    """Enterprise women leaders also sit on their township federation or the park committee (two co-opted)."""
    co_opted = 0
    for p in entrepreneurs:
        region = b.org_of[b.person_of[p]["employer_org_id"]]["region_id"]
        if region in fed_of:
            b.post(p, fed_of[region], "member", b.day(date(2011, 3, 8), date(2012, 3, 8)))
        elif region == park and co_opted < 2:
            b.post(p, park_women, "member", date(2011, 3, 8))
            co_opted += 1
    park_firms = [o for o in big if b.org_of[o]["region_id"] == park]
    for org in b.rng.sample(park_firms, 2 - co_opted):
        b.post(b.person("F", born=(1975, 1988), employer=org), park_women, "member", date(2011, 3, 8))


def _activity_rooms(b: Builder, park: str, park_admin: _ParkAdmin, committees: list[str]) -> None:
    """Activity rooms; the park's centre is shared by the park bodies and some of its firms' work
    committees (一个阵地轮流使用)."""
    park_committees = [x for x in committees if b.org_of[b.body_of[x]["org_id"]]["region_id"] == park]
    centre = ("龙游工业园区两新组织党群服务中心", None, park, [park_admin.party, park_admin.women, *park_committees[:6]])
    venues(b, {"village": 0.8, "community": 0.9, "enterprise": 0.45, "social_org": 0.3, "organ": 0.3,
               "institution": 0.3}, [centre])
