"""The tiny dataset plus a few rows that tell each ``stats`` definition of issue 18 from the old one
(``figures_dataset``); the answers, worked out by hand, are in tests/test_figures.py.

- 南社区 (R11, community under 西街道 R2), O31: party branch B41 (secretary P41 F), residents'
  committee B42 (chair P42 M), federation B43 (chair P43 F, her only post).
- 南村 (R12, village under 东镇 R1), O32: party branch B44 (secretary P44 M), villagers' committee
  B45 (chair P45 M), women's congress B46 (chair P46 F, her only post: not in the two committees).
- O33 测试县女领导干部联谊会: a women's group (social_org, 40 women, ``two_new`` = false), no bodies.
- P47 F: 执委 of the street federation B13, no other post.
- P8 (B13's chair) born 1989 instead of 1988, so that the cadres' average age is 27.25 (a tie).

They add no gap, overlap, nameplate or plan row: every new body has its head from its founding and
each new person holds one post.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import TINY

ROWS = {
    "regions": ["R11,南社区,community,R2", "R12,南村,village,R1"],
    "organizations": ["O31,南社区居民委员会,community,R11,false,0,0,false,false",
                      "O32,南村村民委员会,village,R12,false,0,0,false,false",
                      "O33,测试县女领导干部联谊会,social_org,R0,false,40,40,false,false"],
    "bodies": ["B41,南社区党支部,party,branch,O31,,standard,2005-01-01,",
               "B42,南社区居委会,admin,residents_committee,O31,,,2005-01-01,",
               "B43,南社区妇联,women,federation,O31,,,2008-01-01,",
               "B44,南村党支部,party,branch,O32,,standard,2004-01-01,",
               "B45,南村村委会,admin,villagers_committee,O32,,,2004-01-01,",
               "B46,南村妇代会,women,congress,O32,,,2006-01-01,"],
    "people": ["P41,蒋丽华,F,1979,bachelor,true,O31,false", "P42,韩勇,M,1971,secondary,true,O31,false",
               "P43,曹秀兰,F,1983,college,false,O31,false", "P44,彭建国,M,1966,secondary,true,O32,false",
               "P45,董志强,M,1973,secondary,false,O32,false", "P46,袁桂芳,F,1980,secondary,false,O32,false",
               "P47,潘晓燕,F,1986,bachelor,true,,false"],
    "posts": ["P41,B41,secretary,2005-01-01,", "P42,B42,chair,2005-01-01,", "P43,B43,chair,2008-01-01,",
              "P44,B44,secretary,2004-01-01,", "P45,B45,chair,2004-01-01,", "P46,B46,chair,2006-01-01,",
              "P47,B13,executive,2011-01-01,"],
}
CHANGED = {"people": ("P8,周梅,F,1988,", "P8,周梅,F,1989,")}


def figures_dataset(folder: Path) -> Path:
    """Write tiny with ``ROWS`` added and ``CHANGED`` applied into ``folder``; return it."""
    shutil.copytree(TINY, folder, ignore=shutil.ignore_patterns("README.md"))
    for table, (old, new) in CHANGED.items():
        path = folder / f"{table}.csv"
        text = path.read_text(encoding="utf-8")
        assert old in text, (table, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
    for table, rows in ROWS.items():
        with open(folder / f"{table}.csv", "a", encoding="utf-8") as f:
            f.write("".join(row + "\n" for row in rows))
    return folder
