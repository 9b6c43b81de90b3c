"""The ``scale`` profile's places and organizations, vectorized: counties → (park, streets,
townships) → villages and communities, then the organizations in them, in blocks by kind.

Every array is indexed by position (region ``i`` is row ``i``); the draws happen in a fixed order, so
the same seed gives the same arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .arrays import bools, cat, enc, ids, num, pick, ranks
from .names import (BRAND_FIRST, BRAND_SECOND, COMMUNITY_WORDS, COMPANY_FORMS, INDUSTRIES, INSTITUTIONS, ORGANS,
                    PLACE_FIRST, PLACE_SECOND, PROVINCE, SOCIAL_ORGS)

#: Organization kinds by code (the codes index this tuple).
KINDS = ("park_admin", "village", "community", "organ", "institution", "enterprise", "social_org")

#: Second syllables of place names: both report-based profiles' together.
_SECOND_SYLLABLES = PLACE_SECOND["longyou"] + PLACE_SECOND["beihu"]


@dataclass
class Counts:
    """How many organizations of each kind: one park administration per county, then shares of the rest."""

    orgs: int
    county: int
    village: int
    community: int
    organ: int
    institution: int
    two_new: int

    @classmethod
    def of(cls, n: int) -> Counts:
        """The counts for ``n`` organizations, in counties of about 2,000.

        >>> Counts.of(4000)
        Counts(orgs=4000, county=2, village=720, community=280, organ=240, institution=360, two_new=2398)
        """
        n_county = max(1, round(n / 2000))
        m = n - n_county  # organizations other than the park administrations
        n_village, n_comm = round(0.18 * m), round(0.07 * m)
        n_organ, n_inst = round(0.06 * m), round(0.09 * m)
        return cls(n, n_county, n_village, n_comm, n_organ, n_inst, m - n_village - n_comm - n_organ - n_inst)


@dataclass
class Regions:
    """The region tree. Rows: counties, then tops (park, streets, townships), villages, communities."""

    table: dict[str, np.ndarray]
    ids: np.ndarray
    names: np.ndarray
    county: np.ndarray          # region → its county
    top_kind: np.ndarray        # top → 0 park, 1 street, 2 township
    county_names: np.ndarray
    top_names: np.ndarray
    village_names: np.ndarray
    community_names: np.ndarray
    top0: int                   # the first top's row; villages start at vil0, communities at com0
    vil0: int
    com0: int

    @property
    def non_park(self) -> np.ndarray:
        """The tops that are streets or townships."""
        return np.flatnonzero(self.top_kind != 0)


@dataclass
class Organizations:
    """The organizations: rows in blocks by kind (park administrations, villages, … two-new)."""

    table: dict[str, np.ndarray]
    ids: np.ndarray
    names: np.ndarray
    kinds: np.ndarray           # codes into KINDS
    region: np.ndarray
    female: np.ndarray
    total: np.ndarray

    @property
    def is_two_new(self) -> np.ndarray:
        """Whether each organization is a two-new one (an enterprise or a social organization)."""
        return self.kinds >= 5


def draw_regions(rng: np.random.Generator, counts: Counts) -> Regions:
    """Counties of 12-22 tops (a park, about a fifth streets, the rest townships), villages mostly under
    townships and communities mostly under streets."""
    n_county, n_village, n_comm = counts.county, counts.village, counts.community
    tops_per = rng.integers(12, 23, n_county)
    n_top = int(tops_per.sum())
    top_county = np.repeat(np.arange(n_county), tops_per)
    top_pos = ranks(top_county)
    top_kind = np.where(top_pos == 0, 0, np.where(top_pos <= np.maximum(1, tops_per[top_county] // 5), 1, 2))  # park/street/township
    townships, streets = (np.flatnonzero(top_kind == c) for c in (2, 1))
    village_top = np.where(rng.random(n_village) < 0.92, townships[rng.integers(0, len(townships), n_village)],
                           streets[rng.integers(0, len(streets), n_village)])
    comm_top = np.where(rng.random(n_comm) < 0.8, streets[rng.integers(0, len(streets), n_comm)],
                        townships[rng.integers(0, len(townships), n_comm)])
    n_regions = n_county + n_top + n_village + n_comm
    top0, vil0, com0 = n_county, n_county + n_top, n_county + n_top + n_village
    region_county = np.concatenate([np.arange(n_county), top_county, top_county[village_top], top_county[comm_top]])
    district = rng.random(n_county) < 0.1
    county_names = cat(pick(rng, PLACE_FIRST, n_county), pick(rng, _SECOND_SYLLABLES, n_county),
                       np.where(district, "区".encode(), "县".encode()))
    top_names = np.where(
        top_kind == 0, cat(county_names[top_county], "工业园区".encode()),
        cat(pick(rng, PLACE_FIRST, n_top), pick(rng, _SECOND_SYLLABLES, n_top),
            np.where(top_kind == 1, "街道".encode(), np.where(rng.random(n_top) < 0.6, "镇".encode(), "乡".encode()))))
    village_names = cat(pick(rng, PLACE_FIRST, n_village), pick(rng, _SECOND_SYLLABLES, n_village), "村".encode())
    comm_names = cat(pick(rng, COMMUNITY_WORDS, n_comm), "社区".encode())
    region_names = np.concatenate([county_names, top_names, village_names, comm_names])
    top_levels = enc(("park", "street", "township"))[top_kind]
    region_levels = np.concatenate([np.where(district, b"district", b"county"), top_levels,
                                    np.full(n_village, b"village"), np.full(n_comm, b"community")])
    region_parent = np.concatenate([np.full(n_county, -1), top_county, top0 + village_top, top0 + comm_top])
    region_ids = ids("R", n_regions)
    table = {"id": region_ids, "name": region_names, "level": region_levels,
             "parent_id": np.where(region_parent >= 0, region_ids[np.maximum(region_parent, 0)], b"")}
    return Regions(table, region_ids, region_names, region_county, top_kind, county_names, top_names,
                   village_names, comm_names, top0, vil0, com0)


def draw_organizations(rng: np.random.Generator, counts: Counts, regions: Regions) -> Organizations:
    """The organizations: where they are, their staff numbers and names."""
    n = counts.orgs
    kinds, region = _kinds_and_places(rng, counts, regions)
    is_two = kinds >= 5
    female, total = _staff_numbers(rng, kinds, counts.two_new)
    names = _organization_names(rng, counts, regions, kinds, region)
    org_ids = ids("O", n)
    table = {
        "id": org_ids, "name": names, "kind": enc(KINDS)[kinds], "region_id": regions.ids[region],
        "two_new": bools(is_two), "female_staff": num(female), "total_staff": num(total),
        "business_stable": bools(is_two & (rng.random(n) < 0.7)),
        "workforce_stable": bools(is_two & (rng.random(n) < 0.55)),
    }
    return Organizations(table, org_ids, names, kinds, region, female, total)


def _kinds_and_places(rng: np.random.Generator, counts: Counts, regions: Regions) -> tuple[np.ndarray, np.ndarray]:
    """Each organization's kind (3 in 4 two-new ones are enterprises) and region.

    A park administration in its park, a village or community organization in its own region; organs
    and institutions at the county or a township/street; two-new organizations mostly at a top
    (parks weighted 4:1), the rest in villages.
    """
    n_county, n_village, n_comm = counts.county, counts.village, counts.community
    n_organ, n_inst, n_two = counts.organ, counts.institution, counts.two_new
    top0, vil0, com0, top_kind = regions.top0, regions.vil0, regions.com0, regions.top_kind
    n_top = len(top_kind)
    two_kind = np.where(rng.random(n_two) < 0.75, 5, 6)
    kinds = np.concatenate([np.zeros(n_county, int), np.full(n_village, 1), np.full(n_comm, 2), np.full(n_organ, 3),
                            np.full(n_inst, 4), two_kind])
    non_park = regions.non_park
    organ_region = np.where(rng.random(n_organ) < 0.6, rng.integers(0, n_county, n_organ),
                            top0 + non_park[rng.integers(0, len(non_park), n_organ)])
    inst_region = np.where(rng.random(n_inst) < 0.4, rng.integers(0, n_county, n_inst),
                           top0 + non_park[rng.integers(0, len(non_park), n_inst)])
    top_weights = np.where(top_kind == 0, 4.0, 1.0)
    two_region = np.where(rng.random(n_two) < 0.75, top0 + rng.choice(n_top, n_two, p=top_weights / top_weights.sum()),
                          vil0 + rng.integers(0, max(n_village, 1), n_two))
    parks = np.flatnonzero(top_kind == 0)
    region = np.concatenate([top0 + parks, vil0 + np.arange(n_village), com0 + np.arange(n_comm),
                             organ_region, inst_region, two_region])
    return kinds, region


def _staff_numbers(rng: np.random.Generator, kinds: np.ndarray, n_two: int) -> tuple[np.ndarray, np.ndarray]:
    """Female and total staff: long-tailed in two-new organizations (8% with no women), uniform ranges
    by kind elsewhere (villages: none)."""
    n = len(kinds)
    is_two = kinds >= 5
    female = np.zeros(n, dtype=np.int64)
    total = np.zeros(n, dtype=np.int64)
    raw = np.minimum(np.floor(np.exp(rng.normal(1.8, 1.3, n_two))), 5000).astype(np.int64)
    raw[rng.random(n_two) < 0.08] = 0
    female[is_two] = raw
    total[is_two] = raw + np.floor(raw * rng.uniform(0.2, 2.5, n_two)).astype(np.int64) + rng.integers(0, 6, n_two)
    for kind, lo, hi in ((3, 10, 200), (4, 20, 800), (2, 5, 20), (0, 20, 80)):
        mask = kinds == kind
        total[mask] = rng.integers(lo, hi, mask.sum())
        female[mask] = np.floor(total[mask] * rng.uniform(0.3, 0.7, mask.sum())).astype(np.int64)
    return female, total


def _organization_names(rng: np.random.Generator, counts: Counts, regions: Regions, kinds: np.ndarray,
                        region: np.ndarray) -> np.ndarray:
    """Names: the park's administration, the village or community itself, the place + an organ or
    institution, a firm (province + brand + industry + form) or a county's social organization."""
    n_county, n_village, n_comm, n_two = counts.county, counts.village, counts.community, counts.two_new
    first_organ = n_county + n_village + n_comm
    organ_places = region[first_organ:first_organ + counts.organ + counts.institution]
    at_county = organ_places < n_county
    is_organ = np.arange(counts.organ + counts.institution) < counts.organ
    unit = np.where(is_organ,
                    np.where(at_county, pick(rng, ORGANS, len(at_county)),
                             pick(rng, ("人民政府", "财政所", "派出所", "司法所", "国土资源所", "计生办"), len(at_county))),
                    np.where(at_county, pick(rng, INSTITUTIONS, len(at_county)),
                             pick(rng, ("中心学校", "卫生院", "中心幼儿园", "文化站", "农技站", "中学"), len(at_county))))
    two_region = region[len(region) - n_two:]
    two_county_names = regions.county_names[regions.county[two_region]]
    enterprise_names = cat(pick(rng, PROVINCE["longyou"] + PROVINCE["beihu"], n_two), pick(rng, BRAND_FIRST, n_two),
                           pick(rng, BRAND_SECOND, n_two), pick(rng, INDUSTRIES["longyou"] + INDUSTRIES["beihu"], n_two),
                           pick(rng, COMPANY_FORMS, n_two))
    social_names = cat(two_county_names, pick(rng, BRAND_FIRST, n_two), pick(rng, BRAND_SECOND, n_two),
                       pick(rng, SOCIAL_ORGS, n_two))
    parks = np.flatnonzero(regions.top_kind == 0)
    two_kind = kinds[len(kinds) - n_two:]
    return np.concatenate([cat(regions.top_names[parks], "管理委员会".encode()), regions.village_names,
                           regions.community_names, cat(regions.names[organ_places], unit),
                           np.where(two_kind == 5, enterprise_names, social_names)])
