"""The ``beihu`` profile: Beihu District (北湖区), Chenzhou, Hunan.

The report's counts are the inputs, made exactly: 14 townships and 4 streets, 18 township/street
federations, 35 organ women's committees, 128 villages with a women's congress, 35 communities with a
federation, 165 enterprise women's committees, the 2 women's groups (工会女工委, 女领导干部联谊会),
58 district and township federation cadres, 53 organ and institution women's bodies, 22
demonstration points. The report's rates, shares and averages are the probabilities and means of
the draws, so the sample's figures land near them, not on them: women among the village / community
two committees (32% / 71%), the two-new organizations' coverage (44.3%; their number is drawn), the
cadres' average age (37) and education (24 / 33 / 1). ``data/README.md`` lists every figure,
report against sample (``orgnet.generate.figures``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .builder import AS_OF, Builder
from .names import COMMUNITY_WORDS, INSTITUTIONS, ORGANS, TOPS
from .outreach import demo_points, liaison_network, reserve, venues
from .two_new import staff_two_new, two_new_org
from .units import community, organ, village
from .writing import write_rows

#: The district federation's term (its congress in November 2011).
_FEDERATION_TERM = date(2011, 11, 20)
#: The report's rates, used as the probabilities of the draws (the sample's figures are outcomes).
_VILLAGE_WOMEN, _COMMUNITY_WOMEN = 0.32, 0.71  # women among village / community two-committee members
_COVERAGE = 0.443  # two-new organizations with a women's organization
_EDUCATION = (("college", 24), ("bachelor", 33), ("postgraduate", 1))  # federation cadres


def write(seed: int, out: Path, orgs: int | None = None) -> dict[str, int]:
    """The Beihu sample for ``seed`` as CSV files in ``out`` (``orgs`` is ignored); rows per table."""
    b = Builder("beihu", seed)
    build(b)
    return write_rows(b.finish(), out)


def build(b: Builder) -> None:
    """Every row of the Beihu sample, in the order of the random draws."""
    rng = b.rng
    tops = TOPS["beihu"]
    root = b.region(tops["root"][0], tops["root"][1], None)
    district_fed = b.body("北湖区妇联", "women", "federation", region=root, founded=date(1951, 3, 8))
    towns = [(b.region(n, "township", root), n) for n in tops["townships"]]
    streets = [(b.region(n, "street", root), n) for n in tops["streets"]]
    villages, communities, wulidui = _villages_and_communities(b, towns, streets)
    organs, institutions = _organs_and_institutions(b, root, towns)
    # two-new: 165 enterprises with a women's committee, the others drawn (coverage is an outcome)
    covered, uncovered = _two_new_orgs(b, towns, streets)
    committees = _women_committees(b, covered, uncovered)
    association = _women_groups(b, root)
    leaders_of = _leadership_teams(b, towns + streets)

    cadres = _federation_cadres(b)
    b.post(cadres[0], district_fed, "chair", _FEDERATION_TERM)
    for p in cadres[1:3]:
        b.post(p, district_fed, "vice_chair", _FEDERATION_TERM)
    for p in cadres[3:6]:
        b.post(p, district_fed, "member", _FEDERATION_TERM)
    feds, chairs = _township_federations(b, towns + streets, cadres[6:], leaders_of)
    linked_chairs = rng.sample(chairs, 4)
    # executives who hold no staff post: chairs of organ and enterprise women's committees (cross posts)
    organ_committees = [x["id"] for x in b.tables["bodies"] if x["type"] == "organ_committee"]
    executives = rng.sample(_chairs_of(b, organ_committees), 5) + rng.sample(_chairs_of(b, committees), 5)
    executives += linked_chairs
    for p in executives:
        b.post(p, district_fed, "executive", _FEDERATION_TERM)
    _promoted_chairs(b, linked_chairs, feds, leaders_of, association=association)
    # former cadres (not counted on AS_OF): an executive who left in March, a vice chair of the last term
    left = b.person("F", born=(1960, 1970), education="bachelor")
    b.post(left, district_fed, "executive", date(2006, 11, 20), date(2012, 3, 1))
    old = b.person("F", born=(1955, 1965), education="college")
    b.post(old, district_fed, "vice_chair", date(2006, 11, 20), _FEDERATION_TERM)
    liaison_network(b, executives + [left], committees, four=1, none=1)

    _demonstration_points(b, villages, communities, wulidui, covered, organs, institutions)
    centre = ("北湖区妇女儿童活动中心", None, root, [district_fed, *[fed for _, fed in feds[:3]]])
    venues(b, {"village": 0.85, "community": 0.9, "enterprise": 0.4, "social_org": 0.3, "organ": 0.35,
               "institution": 0.3}, [centre])
    reserve(b)


def _villages_and_communities(b: Builder, towns: list[tuple[str, str]],
                              streets: list[tuple[str, str]]) -> tuple[list[str], list[str], str]:
    """128 villages (each with a congress), 35 communities (each with a federation); each member of
    their two committees is a woman with the report's share as probability.

    Two names come from the report: the first village is 小溪村 and the first community of the first
    street 五里堆社区 (returned last, also by itself).
    """
    rng = b.rng
    village_home = [r for r, _ in towns] * 9 + [r for r, _ in streets] * 1
    rng.shuffle(village_home)
    village_home = sorted(village_home[:128 - 14 - 4] + [r for r, _ in towns] + [r for r, _ in streets])
    community_home = sorted([r for r, _ in streets] * 6 + rng.sample([r for r, _ in towns], 11))
    villages, communities = [], []
    b.claim("小溪村")
    for i, rid in enumerate(village_home):
        name = "小溪村" if i == 0 else b.unique(lambda: b.place() + "村")
        villages.append(village(b, b.region(name, "village", rid), name, women_share=_VILLAGE_WOMEN,
                                chair_in_two=1.0))
    b.claim("五里堆社区")
    first = community_home.index(streets[0][0])
    for i, rid in enumerate(community_home):
        name = "五里堆社区" if i == first else b.unique(lambda: rng.choice(COMMUNITY_WORDS) + "社区")
        communities.append(community(b, b.region(name, "community", rid), name, women_share=_COMMUNITY_WOMEN))
    return villages, communities, communities[first]


def _organs_and_institutions(b: Builder, root: str, towns: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """40 organs, 35 with an organ women's committee; 22 institutions, 18 with a women's committee;
    schools in about half the townships."""
    rng = b.rng
    organ_women = [True] * 35 + [False] * 5
    rng.shuffle(organ_women)
    organs = [organ(b, root, "北湖区" + n, "organ", women="organ_committee" if w else None)
              for n, w in zip(ORGANS[:40], organ_women)]
    inst_women = [True] * 18 + [False] * 4
    rng.shuffle(inst_women)
    institutions = [organ(b, root, "北湖区" + n, "institution", women="committee" if w else None, team=b.chance(0.5))
                    for n, w in zip(INSTITUTIONS[:22], inst_women)]
    for rid, n in towns:  # township schools: a party branch, no women's body
        if b.chance(0.5):
            organ(b, rid, n + "中心学校", "institution", women=None, team=False, union=0.3)
    return organs, institutions


def _two_new_orgs(b: Builder, towns: list[tuple[str, str]],
                  streets: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """The two-new organizations: the report's 165 enterprises with a women's committee, and the
    uncovered ones (returned second).

    The report gives no count of two-new organizations. Going through them one by one, each has a
    women's organization with the report's coverage as probability, until the 165th: the number of
    uncovered ones is a negative binomial draw (mean 165 × 55.7 / 44.3 ≈ 207), and the coverage an outcome.
    """
    rng = b.rng
    where = [r for r, _ in streets] * 4 + [r for r, _ in towns]
    uncovered_n = 0
    for _ in range(165):
        while not b.chance(_COVERAGE):
            uncovered_n += 1
    covered = [two_new_org(b, rng.choice(where), rng.choice((rng.randint(8, 29), 30 + int(rng.lognormvariate(3.0, 1.0)))))
               for _ in range(165)]
    uncovered = [two_new_org(b, rng.choice(where), rng.choice((0, rng.randint(1, 29), rng.randint(1, 29),
                                                                30 + int(rng.lognormvariate(2.8, 1.0)))),
                             social=b.chance(0.25)) for _ in range(uncovered_n)]
    return covered, uncovered


def _women_committees(b: Builder, covered: list[str], uncovered: list[str]) -> list[str]:
    """Staff the two-new organizations: a women's committee in each covered one (returned), none in
    the others (4 dissolved before AS_OF)."""
    committees = []
    for i, org in enumerate(covered):
        bodies = staff_two_new(b, org, women="committee", party=b.chance(0.8), union=b.chance(0.5),
                               youth=b.chance(0.2), turnover=i % 25 == 11, nameplate=0.3)
        committees.append(bodies["women"])
    for i, org in enumerate(uncovered):
        if i < 4:  # a committee dissolved before AS_OF
            founded = b.day(date(2009, 3, 8), date(2010, 12, 31))
            staff_two_new(b, org, women="committee", women_founded=founded,
                          women_dissolved=b.day(date(2011, 6, 1), date(2012, 5, 31)), party=True)
        else:
            staff_two_new(b, org, party=b.chance(0.35), union=b.chance(0.25), youth=b.chance(0.1), candidate=0.4)
    return committees


def _women_groups(b: Builder, root: str) -> str:
    """The report's two women's groups (团体), district-level bodies of type ``group``, not two-new
    organizations: the trade union's women workers' committee and the women leaders' association
    (returned)."""
    groups = []
    for name in ("北湖区总工会女职工委员会", "北湖区女领导干部联谊会"):
        b.claim(name)
        founded = b.day(date(2003, 3, 8), date(2010, 3, 8))
        group = b.body(name, "women", "group", region=root, founded=founded)
        b.post(b.person("F", born=(1962, 1975), party=True, education="bachelor"), group, "chair", founded)
        for _ in range(b.rng.randint(2, 4)):
            b.post(b.person("F", born=(1962, 1985)), group, "member", b.day(founded, date(2012, 3, 8)))
        groups.append(group)
    return groups[1]


def _chairs_of(b: Builder, bodies: list[str]) -> list[str]:
    """The active chairs (on AS_OF) of ``bodies``, in the order of the posts."""
    wanted = set(bodies)
    return list(dict.fromkeys(p["person_id"] for p in b.tables["posts"]
                              if p["body_id"] in wanted and p["role"] == "chair" and (p["end"] is None or p["end"] > AS_OF)))


def _leadership_teams(b: Builder, tops: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Township/street party committees and leadership teams (at least one woman per team: rule 7).

    Return each region's [party committee, leadership team].
    """
    leaders_of: dict[str, list[str]] = {}
    for rid, n in tops:
        party = b.body(n + "党委" if n.endswith(("镇", "乡")) else n + "党工委", "party", "committee", region=rid)
        team = b.body(n + "党政领导班子", "admin", "team", region=rid)
        people = [b.person(pf=0.1, born=(1958, 1975), party=True, education="bachelor") for _ in range(b.rng.randint(5, 7))]
        b.person_of[people[-1]]["gender"] = "F"
        b.post(people[0], party, "secretary", date(2011, 9, 1))
        b.post(people[1], team, "chair", date(2011, 9, 1))
        b.post(people[1], party, "deputy_secretary", date(2011, 9, 1))
        for p in people[2:]:
            b.post(p, team, "member", date(2011, 9, 1))
            b.post(p, party, "member", date(2011, 9, 1))
        b.post(people[0], team, "member", date(2011, 9, 1))
        leaders_of[rid] = [party, team]
    return leaders_of


def _federation_cadres(b: Builder) -> list[str]:
    """The report's 58 district and township federation cadres (the staff; executives who hold no
    staff post are not among them). The first three lead the district federation.

    Each cadre's age is drawn around the report's average (normal, mean 37, sd 6, kept within 24–50:
    the bounds are symmetric, so the mean stays 37), her education from the report's proportions
    (24 : 33 : 1 college, bachelor, postgraduate); the district leaders all have a degree (the
    report: 本科以上). The average and the counts are outcomes.
    """
    rng = b.rng
    cadres = []
    for i in range(58):
        age = min(max(round(rng.gauss(37, 6)), 24), 50)
        levels = _EDUCATION[1:] if i < 3 else _EDUCATION
        education = rng.choices([e for e, _ in levels], [w for _, w in levels])[0]
        cadres.append(b.person("F", born=(AS_OF.year - age, AS_OF.year - age), party=True, education=education))
    return cadres


def _township_federations(b: Builder, tops: list[tuple[str, str]], pool: list[str],
                          leaders_of: dict[str, list[str]]) -> tuple[list[tuple[str, str]], list[str]]:
    """A federation per township and street, led by cadres from ``pool``; one chair is vacant.

    Return the (region, federation) pairs and the chairs.
    """
    rng = b.rng
    feds = [(rid, b.body(n + "妇联", "women", "federation", region=rid, founded=date(1958, 3, 8))) for rid, n in tops]
    vacant = rng.randrange(len(feds))
    pool = list(pool)
    chairs = []
    for i, (rid, fed) in enumerate(feds):
        if i == vacant:  # the chair was promoted into the township team in May; no successor yet
            former = b.person("F", born=(1972, 1982), party=True, education="bachelor")
            b.post(former, fed, "chair", date(2008, 3, 1), date(2012, 5, 10))
            b.post(former, leaders_of[rid][1], "member", date(2012, 5, 10))
            continue
        chair = pool.pop(0)
        b.post(chair, fed, "chair", b.day(date(2008, 3, 1), date(2011, 12, 1)))
        b.post(chair, leaders_of[rid][0], "member", b.day(date(2011, 9, 1), date(2012, 3, 1)))
        chairs.append(chair)
    order = list(range(len(feds)))
    k = 0
    while pool:  # the other cadres: a vice chair per federation, then members
        i = order[k % len(order)]
        k += 1
        rid, fed = feds[i]
        role = "vice_chair" if k <= len(feds) else "member"
        b.post(pool.pop(0), fed, role, b.day(date(2008, 3, 1), date(2012, 3, 1)))
    return feds, chairs


def _promoted_chairs(b: Builder, linked_chairs: list[str], feds: list[tuple[str, str]],
                     leaders_of: dict[str, list[str]], *, association: str) -> None:
    """Chairs promoted into their township team (the report: 10 such promotions), two also in the
    women leaders' ``association``: one person, five posts."""
    for p in linked_chairs:
        rid = next(r for r, fed in feds if any(x["person_id"] == p and x["body_id"] == fed for x in b.tables["posts"]))
        b.post(p, leaders_of[rid][1], "member", date(2012, 2, 20))
    for p in linked_chairs[:2]:
        b.post(p, association, "member", date(2012, 3, 8))


def _demonstration_points(b: Builder, villages: list[str], communities: list[str], wulidui: str,
                          covered: list[str], organs: list[str], institutions: list[str]) -> None:
    """22 demonstration points by AS_OF (one more named in the autumn), each paired with 1-2 organs.

    Among them the report's 小溪村 (``villages[0]``) and 五里堆社区 (``wulidui``).
    """
    rng = b.rng
    others = [c for c in communities if c != wulidui]
    demo = [villages[0], wulidui] + rng.sample(villages[1:], 6) + rng.sample(others, 4)
    firms = rng.sample(covered, 9)
    demo += firms[:8] + rng.sample(organs, 1) + rng.sample(institutions, 1) + firms[8:]
    demo_points(b, demo[:22] + [demo[22]], organs, later=1)
