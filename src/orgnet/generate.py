"""Synthetic sample datasets in the data contract's format, with realistic Chinese names.

Three profiles:

``longyou``
    Longyou County (龙游县), Zhejiang. Calibrated so that ``stats("2012-06-30")`` at the county gives the
    report's figures: 133 two-new organizations with 30+ female fixed staff, 43 of them with a women's
    work committee, 66 women's work liaison officers.
``beihu``
    Beihu District (北湖区), Chenzhou, Hunan: 14 townships and 4 streets, calibrated to every figure the
    Beihu report gives (18 township/street federations, 35 organ women's committees, 35 community
    federations, 128 village women's congresses, 165 enterprise women's committees, coverage 44.3%,
    100% congress chairs in the village two committees, 32% / 71% women among village / community
    cadres, 58 federation cadres of average age 37 with 24/33/1 college/bachelor/postgraduate, 53 organ
    and institution women's bodies, 22 demonstration points).
``scale``
    Any number of organizations (``orgs=N``, up to millions), vectorized with numpy; realistic shape,
    not calibrated.

Everything is synthetic: names are drawn from common surnames, given-name characters and place-name
syllables. The same seed gives byte-identical files.

Examples
--------
>>> import tempfile, orgnet
>>> out = Path(tempfile.mkdtemp())
>>> counts = generate("longyou", 1, out)
>>> stats = orgnet.load(out).stats("2012-06-30")
>>> root = stats[stats.level == "county"].set_index("figure")
>>> int(root.at["two_new_30plus", "numerator"]), int(root.at["liaison_officers", "numerator"])
(133, 66)
"""

from __future__ import annotations

import csv
import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from .errors import InputError
from .results import figure_value
from .schema import SCHEMA

#: The day the calibrated profiles are calibrated for (the reports are from mid-2012).
AS_OF = date(2012, 6, 30)
PROFILES = ("longyou", "beihu", "scale")

# -- name material ------------------------------------------------------------------------------

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
            "莫孔向汤")
LOCAL_SURNAMES = {"longyou": "徐毛叶余吴祝童劳汪方邵王周", "beihu": "李刘陈曹邓黄谢何罗雷匡唐欧"}
FEMALE_CHARS = "秀英丽芳娟敏静燕艳红霞玲萍梅琴兰凤洁琳婷雪慧颖倩莉华美春桂翠云月晓佳欣悦琼素珍淑惠蓉菊莲丹媛"
MALE_CHARS = "伟强军勇杰涛斌明刚平辉建国华林峰文波宇浩鹏超龙俊志忠海东荣新生成金德兵永学光清良锋云亮"

PLACE_FIRST = "石塘溪山桥东西南北新大小后前中高黄杨柳桃竹松梅荷湖河沙岭田龙凤马金白青清长安和兴里茶枫樟花"
PLACE_SECOND = {
    "longyou": "头口塘溪坑山岭桥田坞畈源湾埠铺庄园林垄家岙店",
    "beihu": "头口塘溪山岭桥田湾坪冲塅铺庄园林垄家洲岗圩",
}
COMMUNITY_WORDS = ("荣昌", "府前", "新华", "东门", "西街", "南塔", "北园", "文化", "健康", "幸福", "和平", "兴隆", "迎宾",
                   "青年", "解放", "人民", "民生", "燕泉", "同心", "锦绣", "花园", "桥头", "城南", "城北", "江滨", "滨湖",
                   "福城", "金桥", "朝阳", "建设", "光明", "友谊", "胜利", "团结", "站前", "五一", "龙泉", "新村", "怡景",
                   "长安", "裕后", "五岭", "万华", "苏仙", "南湖", "秀峰", "鹿峰", "凤凰", "太和", "安居")
BRAND_FIRST = "金华宏永恒瑞鸿嘉兴万锦福众佳天东利康富博立伟鼎润合新长盛顺德信明泰丰安通远志昌祥宝正"
BRAND_SECOND = "达鑫美光兴通发成丰运盛禾旺隆绣源诚和天方民泰春龙虹远信联业利力辉宇峰昌祥宝华星"
INDUSTRIES = {
    "longyou": ("纸业", "特种纸", "竹木制品", "竹业", "机械", "电子", "服装", "食品", "茶业", "家具", "建材", "化工",
                "汽配", "五金", "包装", "纺织", "农业开发", "物流", "塑业", "电器", "印刷", "制药", "石材", "粮油",
                "轴承", "水泥制品", "针织", "工艺品"),
    "beihu": ("有色金属", "化工", "矿业", "冶炼", "建材", "面业", "食品", "酒店", "物流", "服装", "电子", "机械",
              "房地产开发", "商贸", "医药", "石墨", "陶瓷", "茶业", "油脂", "印务", "电力设备", "汽车销售", "超市",
              "家政服务", "科技"),
}
COMPANY_FORMS = ("有限公司", "有限公司", "有限公司", "有限公司", "股份有限公司", "实业有限公司", "厂")
PROVINCE = {"longyou": ("龙游", "浙江", "衢州", ""), "beihu": ("郴州", "湖南", "北湖", "")}
SOCIAL_ORGS = ("个体劳动者协会", "私营企业协会", "老年人体育协会", "书法家协会", "摄影家协会", "女企业家协会",
               "科技工作者协会", "志愿者协会", "家政服务行业协会", "餐饮行业协会", "农民专业技术协会",
               "慈善总会", "青年创业者协会", "民间文艺家协会", "象棋协会", "诗词楹联学会", "收藏家协会",
               "建筑业协会", "物流行业协会", "民营医院", "民办幼儿园", "民办培训学校", "养老服务中心",
               "社会工作服务社", "红娘婚介协会", "温州商会", "福建商会", "江西商会", "广东商会", "义乌商会")
ORGANS = ("委办公室", "人大常委会办公室", "政府办公室", "政协办公室", "纪委", "委组织部", "委宣传部", "委统战部",
          "委政法委", "发展和改革局", "教育局", "科技局", "公安局", "民政局", "司法局", "财政局",
          "人力资源和社会保障局", "国土资源局", "住房和城乡建设局", "交通运输局", "水利局", "农业局", "林业局",
          "商务局", "文化广电新闻出版局", "卫生局", "人口和计划生育局", "审计局", "环境保护局", "统计局",
          "安全生产监督管理局", "工商行政管理局", "城市管理局", "总工会", "残疾人联合会", "科学技术协会",
          "档案局", "信访局", "人民法院", "人民检察院", "旅游局", "经济和信息化局", "质量技术监督局", "粮食局")
INSTITUTIONS = ("人民医院", "中医医院", "妇幼保健院", "疾病预防控制中心", "第一中学", "第二中学", "第三中学",
                "职业中等专业学校", "实验小学", "实验中学", "第一完全小学", "第二完全小学", "机关幼儿园", "图书馆",
                "文化馆", "广播电视台", "农业技术推广中心", "社会保险事业管理局", "住房公积金管理中心",
                "公共资源交易中心", "卫生监督所", "城市建设档案馆", "博物馆", "少年宫")

# Region names that are fixed per profile (invented, apart from names the source report itself uses).
TOPS = {
    "longyou": {
        "root": ("龙游县", "county"),
        "streets": ("龙川街道", "东城街道"),
        "townships": ("湖溪镇", "石塘镇", "塔山镇", "横岭镇", "溪口镇", "灵山镇", "詹家镇", "罗源乡", "社溪乡",
                      "大坪乡", "庙前乡", "沐溪乡", "石桥乡"),
        "park": "龙游工业园区",
    },
    "beihu": {
        "root": ("北湖区", "district"),
        "streets": ("北湖街道", "人民路街道", "燕泉街道", "安和街道"),
        "townships": ("郴江镇", "华塘镇", "鲁溪镇", "石盖镇", "小埠镇", "保和乡", "月峰乡", "市郊乡", "仰天乡",
                      "芙蓉乡", "西凤乡", "寒溪乡", "江口乡", "大塘乡"),
        "park": None,
    },
}


FORMATS = ("csv", "parquet")


def generate(profile: str, seed: int, out: Path, *, orgs: int | None = None, fmt: str = "csv") -> dict[str, int]:
    """Write one file per table of a synthetic dataset into ``out``; return rows written per table.

    ``profile`` is ``longyou`` or ``beihu`` (calibrated to the 2012 reports; ``orgs`` is ignored) or
    ``scale`` (``orgs`` organizations, 10,000 by default). ``fmt``: ``csv`` (UTF-8, the contract's
    headers) or ``parquet`` (typed columns: text, int64, bool, date32). Same ``seed`` → the same
    rows (CSV: byte-identical files).
    """
    out = Path(out)
    if profile not in PROFILES:
        raise InputError(f"unknown profile {profile!r}; expected one of {', '.join(PROFILES)}")
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt}: expected one of {', '.join(FORMATS)}")
    if profile == "scale":
        n = 10_000 if orgs is None else int(orgs)
        if n < 100:
            raise InputError(f"--orgs {n}: the scale profile needs at least 100 organizations")
    if fmt == "parquet":
        with tempfile.TemporaryDirectory(prefix=".orgnet-", dir=out.parent if out.parent.exists() else None) as tmp:
            counts = generate(profile, seed, Path(tmp), orgs=orgs)
            out.mkdir(parents=True, exist_ok=True)
            for name in SCHEMA.tables:
                _csv_to_parquet(Path(tmp) / f"{name}.csv", out / f"{name}.parquet", SCHEMA.tables[name])
        return counts
    if profile == "scale":
        return _write_frames(_scale(seed, n), out)
    builder = _Builder(profile, seed)
    _CALIBRATED[profile](builder)
    return _write_rows(builder.finish(), out)


# -- writing ------------------------------------------------------------------------------------

#: The Parquet type of each contract type.
_PARQUET_TYPES = {"int": "int64", "bool": "bool_", "date": "date32"}


def _csv_to_parquet(source: Path, target: Path, table) -> None:
    """A generated CSV file as a typed Parquet file (empty cells: nulls)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    types = {c.name: getattr(pa, _PARQUET_TYPES.get(c.type, "string"))() for c in table.columns.values()}
    frame = pacsv.read_csv(source, convert_options=pacsv.ConvertOptions(
        column_types=types, strings_can_be_null=True, true_values=["true"], false_values=["false"]))
    pq.write_table(frame, target, compression="zstd")

def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _write_rows(tables: dict[str, list[dict]], out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, table in SCHEMA.tables.items():
        columns = list(table.columns)
        rows = tables.get(name, [])
        with open(out / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows([_cell(r.get(c)) for c in columns] for r in rows)
        counts[name] = len(rows)
    return counts


# -- the calibrated profiles: a row builder -------------------------------------------------------

class _Builder:
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
    def active_holders(self, host_kind: str) -> list[str]:
        """People with an active post (on AS_OF) in an active body hosted by an org of this kind, in first-seen order."""
        seen: dict[str, None] = {}
        for p in self.tables["posts"]:
            b = self.body_of[p["body_id"]]
            if b["org_id"] is None or self.org_of[b["org_id"]]["kind"] != host_kind:
                continue
            if _current(b["founded"], b["dissolved"]) and _current(p["start"], p["end"]):
                seen[p["person_id"]] = None
        return list(seen)

    def fit_share(self, host_kind: str, target: float, grow) -> None:
        """Fix the genders of free post holders in ``host_kind`` bodies so the women's share is ``target``.

        ``grow()`` adds one more free post holder when no whole number of women gives the target.
        """
        while True:
            holders = self.active_holders(host_kind)
            n = len(holders)
            forced = sum(self.person_of[p]["gender"] == "F" for p in holders)
            free = [p for p in holders if self.person_of[p]["gender"] is None]
            want = round(target * n / 100)
            choices = [k for k in (want, want - 1, want + 1) if figure_value("percent", k, n) == target]
            choices = [k for k in choices if forced <= k <= forced + len(free)]
            if choices:
                break
            grow()
        women = choices[0] - forced
        # weighted sampling without replacement (Efraimidis–Spirakis): key = u ** (1 / weight)
        keyed = sorted(free, key=lambda p: -(self.rng.random() ** (1 / max(self.person_of[p]["_pf"], 1e-3))))
        for i, p in enumerate(keyed):
            self.person_of[p]["gender"] = "F" if i < women else "M"

    def finish(self) -> dict[str, list[dict]]:
        for row in self.tables["people"]:
            if row["gender"] is None:
                row["gender"] = "F" if self.chance(row["_pf"]) else "M"
            row["name"] = self.person_name(row["gender"])
            if row["education"] is None:
                row["education"] = self.rng.choices(("secondary", "college", "bachelor"), (5, 3, 2))[0]
        return self.tables


def _current(first: date | None, last: date | None, day: date = AS_OF) -> bool:
    return (first is None or first <= day) and (last is None or last > day)


# -- building blocks shared by both calibrated profiles ------------------------------------------

TERM_2011 = (date(2011, 2, 20), date(2011, 6, 15))  # village and community elections (换届)
TERM_2008 = (date(2008, 2, 20), date(2008, 6, 15))


def _party_type(total: int) -> str:
    return "committee" if total >= 500 else "general_branch" if total >= 150 else "branch"


PARTY_SUFFIX = {"committee": "党委", "general_branch": "党总支", "branch": "党支部"}


def _grade(b: _Builder) -> str | None:
    """A party grade; None (empty) reads as unrated."""
    return b.rng.choices(("excellent", "standard", "weak", "unrated", None), (3, 5, 1, 1, 1))[0]


def _village(b: _Builder, region: str, name: str, *, chair_in_two: float, former: bool = True) -> str:
    """A village: party branch, villagers' committee, women's congress (and sometimes a youth branch)."""
    rng = b.rng
    org = b.org(name, "village", region)
    big = b.chance(0.2)
    ptype = "general_branch" if big else "branch"
    party = b.body(name + PARTY_SUFFIX[ptype], "party", ptype, org=org, grade=_grade(b))
    vc = b.body(name + "村委会", "admin", "villagers_committee", org=org)
    congress = b.body(name + "妇代会", "women", "congress", org=org,
                      founded=b.day(date(1995, 1, 1), date(2007, 12, 31)) if b.chance(0.6) else None)
    start = b.day(*TERM_2011)
    prev = b.day(*TERM_2008)
    village_born = (1952, 1985)
    # party branch: secretary and 2-4 members
    secretary = b.person(pf=0.12, born=(1955, 1978), party=True, employer=org, education=None)
    if b.chance(0.6):  # re-elected: the previous term too
        b.post(secretary, party, "secretary", prev, start)
    b.post(secretary, party, "secretary", start)
    members = [b.person(pf=0.15, born=village_born, party=True, employer=org) for _ in range(rng.randint(2, 4))]
    for m in members:
        b.post(m, party, "member", start)
    # villagers' committee: chair (often the secretary: 一肩挑), members partly the party members (交叉任职)
    chair = secretary if b.chance(0.35) else b.person(pf=0.12, born=(1955, 1980), employer=org)
    b.post(chair, vc, "chair", start)
    for m in members:
        if b.chance(0.35):
            b.post(m, vc, "member", start)
    for _ in range(rng.randint(1, 3)):
        b.post(b.person(pf=0.12, born=village_born, employer=org), vc, "member", start)
    # the women's member of the villagers' committee (妇女委员), also vice chair of the congress
    women_member = None
    if b.chance(0.6):
        women_member = b.person("F", born=(1962, 1985), employer=org)
        b.post(women_member, vc, "member", start)
    # congress chair: a woman who also sits in one of the two committees (Beihu: always)
    c_chair = b.person("F", born=(1960, 1984), employer=org)
    b.post(c_chair, congress, "chair", start)
    if b.chance(chair_in_two):
        if b.chance(0.55):
            b.post(c_chair, vc, "member", start)
        else:
            b.post(c_chair, party, "member", start)
    if women_member:
        b.post(women_member, congress, "vice_chair", start)
    for _ in range(rng.randint(0, 1)):
        b.post(b.person("F", born=(1965, 1988), employer=org), congress, "member", start)
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


def _community(b: _Builder, region: str, name: str) -> str:
    """A community: party branch, community women's federation, sometimes a youth branch."""
    rng = b.rng
    org = b.org(name, "community", region, female=rng.randint(4, 9), total=rng.randint(9, 16))
    ptype = "general_branch" if b.chance(0.3) else "branch"
    party = b.body(name + PARTY_SUFFIX[ptype], "party", ptype, org=org, grade=_grade(b),
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


def _grow_village(b: _Builder, villages: list[str]) -> None:
    """One more villagers' committee member (a free holder), in a random village."""
    org = b.rng.choice(villages)
    vc = next(x for x in b.tables["bodies"] if x["org_id"] == org and x["type"] == "villagers_committee")
    b.post(b.person(pf=0.15, born=(1955, 1985), employer=org), vc["id"], "member", b.day(*TERM_2011))


def _grow_community(b: _Builder, communities: list[str]) -> None:
    org = b.rng.choice(communities)
    party = next(x for x in b.tables["bodies"] if x["org_id"] == org and x["system"] == "party")
    b.post(b.person(pf=0.5, born=(1960, 1988), employer=org), party["id"], "member", b.day(*TERM_2011))


def _two_new_org(b: _Builder, region: str, female: int, *, social: bool = False) -> str:
    """A two-new organization (enterprise or social organization) with its staff numbers."""
    rng = b.rng
    if female == 0:
        total = rng.randint(3, 40)
    else:
        total = max(female, round(female / rng.uniform(0.25, 0.85)))
    name = b.social_org() if social else b.company()
    return b.org(name, "social_org" if social else "enterprise", region, two_new=True, female=female, total=total,
                 business_stable=b.chance(0.7), workforce_stable=b.chance(0.55))


def _staff_two_new(b: _Builder, org: str, *, women: str | None = None, women_founded: date | None = None,
                   women_dissolved: date | None = None, party: bool = False, union: bool = False,
                   youth: bool = False, turnover: bool = False, nameplate: float = 0.3,
                   candidate: float = 0.3) -> dict[str, str]:
    """Bodies and posts of a two-new organization.

    ``women``: ``work_committee``, ``committee``, ``liaison`` or None. ``turnover``: the women's head
    leaves before AS_OF together with all her posts and nobody replaces her (a vacant head).
    ``nameplate``: chance that party, women's and union bodies are one team ("one team, several
    nameplates"). ``candidate``: chance of a female party member on the staff with no post.
    """
    rng = b.rng
    o = b.org_of[org]
    name = o["name"]
    bodies: dict[str, str] = {}
    party_founded = b.day(date(2005, 6, 1), date(2011, 10, 1))
    if party:
        ptype = _party_type(o["total_staff"])
        bodies["party"] = b.body(name + PARTY_SUFFIX[ptype], "party", ptype, org=org, grade=_grade(b),
                                 founded=party_founded)
    women_founded = women_founded or b.day(max(party_founded, date(2008, 3, 8)), date(2012, 3, 8))
    if women:
        suffix = {"work_committee": "妇女工作委员会", "committee": "妇委会", "liaison": "妇女工作联络员"}[women]
        bodies["women"] = b.body(name + suffix, "women", women, org=org, founded=women_founded,
                                 dissolved=women_dissolved)
    if union:
        bodies["union"] = b.body(name + "工会", "union", "committee", org=org,
                                 founded=b.day(date(2005, 1, 1), date(2011, 12, 31)))
    if youth:
        bodies["youth"] = b.body(name + "团支部", "youth", "branch", org=org,
                                 founded=b.day(date(2007, 1, 1), date(2011, 12, 31)))

    def since(body: str) -> date:
        f = b.body_of[body]["founded"] or date(2008, 1, 1)
        return f if b.chance(0.7) else b.day(f, max(f, min(AS_OF - timedelta(days=40), f + timedelta(days=700))))

    def hire(gender=None, pf=0.5, party_member=False, born=(1965, 1988)):
        return b.person(gender, pf=pf, born=born, party=party_member, employer=org)

    held: dict[str, list[tuple[str, str, date]]] = {}  # person → [(body, role, start)]

    def give(person, body, role, start=None):
        start = start or since(body)
        held.setdefault(person, []).append((body, role, start))

    team = None
    if "party" in bodies:
        boss = hire(pf=0.25, party_member=True, born=(1958, 1980))
        give(boss, bodies["party"], "secretary")
        extra = [hire(pf=0.5, party_member=True) for _ in range(rng.randint(1, 3))]
        for m in extra:
            give(m, bodies["party"], "member")
        team = [boss, *extra]
    w = bodies.get("women")
    if w and women == "liaison":
        liaison = hire("F", born=(1970, 1990))
        give(liaison, w, "liaison")
        if team and b.chance(0.4):
            give(liaison, bodies["party"], "member")
            b.person_of[liaison]["party_member"] = True
    elif w:
        shared = team is not None and b.chance(nameplate)
        if shared:  # one team, several nameplates: the party members who are women run the women's body too
            women_team = [p for p in team[1:]]
            for p in women_team:
                b.person_of[p]["gender"] = "F"
            chair = women_team[0]
            others = women_team[1:]
        else:
            chair = hire("F", born=(1968, 1988))
            if team and b.chance(0.5):  # the chair is a party member (一人多职)
                give(chair, bodies["party"], "member")
            others = [hire("F") for _ in range(rng.randint(1, 3))]
        give(chair, w, "chair")
        for p in others:
            give(p, w, "member")
    if "union" in bodies:
        if team and b.chance(0.5):
            head = team[0] if b.chance(0.5) else team[-1]
            give(head, bodies["union"], "chair")
            for p in team:
                if p != head:
                    give(p, bodies["union"], "member")
        else:
            give(hire(pf=0.4), bodies["union"], "chair")
            give(hire(pf=0.6), bodies["union"], "member")
        if w and women != "liaison" and b.chance(0.5):
            chair_w = next(p for p, posts in held.items() if any(x == (w, "chair") for x in
                                                                 ((bb, rr) for bb, rr, _ in posts)))
            if not any(bb == bodies["union"] for bb, _, _ in held[chair_w]):
                give(chair_w, bodies["union"], "vice_chair")
    if "youth" in bodies:
        give(hire(pf=0.5, born=(1982, 1992)), bodies["youth"], "secretary")
    # turnover: the women's head leaves with all her posts
    leaver, left = None, None
    if turnover and w:
        head = "liaison" if women == "liaison" else "chair"
        leaver = next(p for p, posts in held.items() if any(bb == w and rr == head for bb, rr, _ in posts))
        latest = max(s for _, _, s in held[leaver])
        left = b.day(min(latest + timedelta(days=30), AS_OF - timedelta(days=1)), AS_OF - timedelta(days=1))
    for person, posts in held.items():
        for body, role, start in posts:
            end = left if person == leaver else None
            dissolved = b.body_of[body]["dissolved"]
            if dissolved is not None:
                start = min(start, dissolved - timedelta(days=1))
                end = dissolved
            b.post(person, body, role, start, end)
    if leaver:
        b.person_of[leaver]["employer_org_id"] = None
    if b.chance(candidate):
        hire("F", party_member=True, born=(1970, 1990))
    return bodies


def _organ(b: _Builder, region: str, name: str, kind: str, *, women: str | None, union: float = 0.6,
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
                   ptype, org=org, grade=_grade(b), founded=b.day(date(1990, 1, 1), date(2005, 12, 31)))
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


def _liaison_network(b: _Builder, executives: list[str], targets: list[str], *, four: int = 1, none: int = 1) -> None:
    """Each executive links 1-3 two-new women's bodies (``four`` of them link 4, ``none`` link none), with visits."""
    rng = b.rng
    targets = list(targets)
    rng.shuffle(targets)
    plan = [0] * none + [4] * four
    plan += [rng.choice((1, 2, 2, 3)) for _ in range(len(executives) - len(plan))]
    rng.shuffle(plan)
    k = 0
    for person, n in zip(executives, plan):
        for _ in range(n):
            body = targets[k % len(targets)]
            k += 1
            founded = b.body_of[body]["founded"] or date(2008, 1, 1)
            since = b.day(max(founded, date(2010, 3, 1)), max(max(founded, date(2010, 3, 1)), date(2012, 3, 1)))
            dissolved = b.body_of[body]["dissolved"]
            until = dissolved if dissolved is not None else (
                b.day(date(2012, 7, 1), date(2012, 12, 1)) if b.chance(0.05) else None)
            if until is not None and until < since:
                since = until - timedelta(days=30)
            b.tables["liaisons"].append({"person_id": person, "body_id": body, "since": since, "until": until})
            last = min(date(2012, 12, 31), until - timedelta(days=1)) if until else date(2012, 12, 31)
            days: list[date] = []
            for year_first, year_last, counts in ((date(2011, 1, 1), date(2011, 12, 31), (2, 2, 3, 2, 1)),
                                                  (date(2012, 1, 1), date(2012, 12, 31), (1, 2, 5, 4, 2))):
                first, end = max(year_first, since), min(year_last, last)
                if first <= end:
                    visits = rng.choices((0, 1, 2, 3, 4), counts)[0]
                    days += sorted({b.day(first, end) for _ in range(visits)})
            for d in days:
                b.tables["visits"].append({"person_id": person, "body_id": body, "date": d})


def _demo_points(b: _Builder, orgs: list[str], organs: list[str], *, later: int = 0) -> None:
    """Demonstration points at ``orgs`` (named by AS_OF) plus ``later`` named after it, each paired with 1-2 organs."""
    rng = b.rng
    for i, org in enumerate(orgs):
        since = b.day(date(2009, 3, 1), date(2012, 5, 31)) if i < len(orgs) - later else b.day(date(2012, 7, 1), date(2012, 12, 1))
        did = f"D{len(b.tables['demo_points']) + 1:03d}"
        b.tables["demo_points"].append({"id": did, "name": b.org_of[org]["name"] + "“党建带妇建”示范点", "org_id": org,
                                        "since": since})
        for organ in rng.sample(organs, rng.choice((1, 1, 2))):
            b.tables["pairings"].append({"org_id": organ, "demo_point_id": did, "since": since})


VENUE_NAMES = {"village": ("党群服务中心", "村级组织活动场所"), "community": ("党群服务中心", "居民活动室"),
               "enterprise": ("职工之家", "党群活动室", "妇女之家"), "social_org": ("活动室",),
               "organ": ("机关活动室", "职工之家"), "institution": ("职工之家", "党员活动室"),
               "park_admin": ("党群服务中心",)}


def _venues(b: _Builder, share: dict[str, float], shared_rooms: list[tuple[str, str | None, str | None, list[str]]] = ()) -> None:
    """Activity rooms (阵地): one room, many uses (一室多用) in a share of organizations with 2+ bodies.

    ``shared_rooms``: extra (name, org, region, bodies) rooms, e.g. a park centre used by its firms.
    """
    if "venues" not in SCHEMA.tables or "venue_uses" not in SCHEMA.tables:
        return
    by_org: dict[str, list[dict]] = {}
    for body in b.tables["bodies"]:
        if body["org_id"] is not None:
            by_org.setdefault(body["org_id"], []).append(body)
    rooms = []
    for org, bodies in by_org.items():
        kind = b.org_of[org]["kind"]
        if len(bodies) >= 2 and b.chance(share.get(kind, 0.0)):
            rooms.append((b.org_of[org]["name"] + b.rng.choice(VENUE_NAMES[kind]), org, None, [x["id"] for x in bodies]))
    for name, org, region, bodies in [*rooms, *shared_rooms]:
        vid = f"V{len(b.tables['venues']) + 1:04d}"
        b.tables["venues"].append({"id": vid, "name": name, "org_id": org, "region_id": region})
        opened = b.day(date(2006, 1, 1), date(2011, 12, 31))
        for body in bodies:
            row = b.body_of[body]
            since = max(row["founded"] or opened, opened)
            until = row["dissolved"]
            if until is not None and since > until:
                since = row["founded"] or until
            if until is None and b.chance(0.03):  # moved out
                until = since + timedelta(days=b.rng.randint(200, 1500))
            b.tables["venue_uses"].append({"venue_id": vid, "body_id": body, "since": since, "until": until})


def _reserve(b: _Builder, share: float = 0.04) -> None:
    """Some younger, educated people are reserve cadres (rule 7 asks that at least 20% of them are women)."""
    for row in b.tables["people"]:
        if row["birth_year"] >= 1970 and row["education"] in ("college", "bachelor", "postgraduate") and b.chance(share * 3):
            row["reserve_cadre"] = True


# -- Longyou ------------------------------------------------------------------------------------

def _longyou(b: _Builder) -> None:
    rng = b.rng
    tops = TOPS["longyou"]
    root = b.region(tops["root"][0], tops["root"][1], None)
    county_fed = b.body("龙游县妇联", "women", "federation", region=root, founded=date(1951, 3, 8))
    towns = [(b.region(n, "township", root), n) for n in tops["townships"]]
    streets = [(b.region(n, "street", root), n) for n in tops["streets"]]
    park = b.region(tops["park"], "park", root)

    # villages and communities
    villages, communities = [], []
    for rid, _ in towns:
        for _ in range(rng.randint(7, 13)):
            name = b.unique(lambda: b.place() + "村")
            villages.append(_village(b, b.region(name, "village", rid), name, chair_in_two=0.85))
    for rid, _ in streets:
        for _ in range(rng.randint(5, 8)):
            name = b.unique(lambda: rng.choice(COMMUNITY_WORDS) + "社区")
            communities.append(_community(b, b.region(name, "community", rid), name))
        for _ in range(rng.randint(2, 4)):
            name = b.unique(lambda: b.place() + "村")
            villages.append(_village(b, b.region(name, "village", rid), name, chair_in_two=0.85))

    # organs and institutions of the county
    organs = [_organ(b, root, "龙游县" + n, "organ", women="organ_committee" if b.chance(0.8) else None)
              for n in ORGANS[:32]]
    institutions = [_organ(b, root, "龙游县" + n, "institution", women="committee" if b.chance(0.6) else None,
                           team=b.chance(0.5)) for n in INSTITUTIONS[:16]]
    for rid, n in towns[:8]:
        _organ(b, rid, n + "中心学校", "institution", women=None, team=False)
        _organ(b, rid, n + "卫生院", "institution", women="committee" if b.chance(0.4) else None, team=False)

    # the park administration and its women's committee (two enterprise women co-opted)
    park_admin = b.org("龙游工业园区管理委员会", "park_admin", park, female=18, total=45)
    park_party = b.body("龙游工业园区党工委", "party", "committee", org=park_admin, grade="excellent",
                        founded=date(2006, 5, 1))
    park_women = b.body("龙游工业园区妇委会", "women", "committee", org=park_admin, founded=date(2010, 3, 8))

    # two-new organizations: 133 with 30+ female staff (43 with a work committee), 66 liaisons
    where = [park] * 6 + [r for r, _ in streets] * 3 + [r for r, _ in towns]
    big_n, small_n, zero_n = 133, 262, 14
    big = [_two_new_org(b, rng.choice(where), 30 + int(rng.lognormvariate(3.2, 1.0)), social=b.chance(0.08))
           for _ in range(big_n)]
    small = [_two_new_org(b, rng.choice(where), rng.choice((rng.randint(1, 29), rng.randint(1, 12))),
                          social=b.chance(0.25)) for _ in range(small_n)]
    zero = [_two_new_org(b, rng.choice(where), 0, social=b.chance(0.3)) for _ in range(zero_n)]
    # committees first where the party is strongest (先党后妇, 以大促小): bigger orgs, park first
    order = sorted(big, key=lambda o: (b.org_of[o]["region_id"] != park, -b.org_of[o]["female_staff"] * rng.uniform(0.3, 1.0)))
    with_committee, without = order[:43], order[43:]
    rng.shuffle(without)
    committees = []
    for i, org in enumerate(with_committee):
        bodies = _staff_two_new(b, org, women="work_committee", party=b.chance(0.93), union=b.chance(0.6),
                                youth=b.chance(0.25), turnover=i % 15 == 7, nameplate=0.35)
        committees.append(bodies["women"])
    dissolved_committees = []
    for i, org in enumerate(without):
        if i < 3:  # a committee that fell apart when its members left (dissolved before AS_OF)
            founded = b.day(date(2009, 3, 8), date(2010, 12, 31))
            bodies = _staff_two_new(b, org, women="work_committee", women_founded=founded,
                                    women_dissolved=b.day(date(2011, 6, 1), date(2012, 5, 31)), party=True,
                                    union=b.chance(0.5))
            dissolved_committees.append(bodies["women"])
        elif i < 5:  # being built: founded after AS_OF
            _staff_two_new(b, org, women="work_committee", women_founded=b.day(date(2012, 7, 15), date(2012, 11, 30)),
                           party=True)
        else:
            _staff_two_new(b, org, party=b.chance(0.45), union=b.chance(0.3), youth=b.chance(0.1),
                           candidate=0.45)
    rng.shuffle(small)
    for i, org in enumerate(small):
        if i < 66:
            _staff_two_new(b, org, women="liaison", party=b.chance(0.35), union=b.chance(0.2),
                           turnover=i % 20 == 3)
        elif i < 70:  # a liaison officer post abolished when the firm shrank
            founded = b.day(date(2009, 3, 8), date(2010, 12, 31))
            _staff_two_new(b, org, women="liaison", women_founded=founded,
                           women_dissolved=b.day(date(2011, 3, 1), date(2012, 6, 1)), party=b.chance(0.3))
        else:
            _staff_two_new(b, org, party=b.chance(0.22), union=b.chance(0.15), youth=b.chance(0.05))
    for org in zero:
        _staff_two_new(b, org, party=b.chance(0.1))

    # the park committee: admin women plus two enterprise women (rule 4's "增补两名非公企业女职工代表")
    park_staff = [b.person("F", born=(1970, 1985), party=True, employer=park_admin, education="bachelor") for _ in range(2)]
    b.post(park_staff[0], park_women, "chair", date(2010, 3, 8))
    b.post(park_staff[1], park_women, "member", date(2010, 3, 8))
    b.post(park_staff[0], park_party, "member", date(2008, 1, 1))
    b.post(b.person(pf=0.2, born=(1960, 1972), employer=park_admin, education="bachelor"), park_party, "secretary",
           date(2009, 6, 1))

    # township and street federations; the county federation with its executives
    tf_chairs, fed_of = [], {}
    for rid, n in towns + streets:
        fed = fed_of[rid] = b.body(n + "妇联", "women", "federation", region=rid, founded=date(1956, 3, 8))
        chair = b.person("F", born=(1968, 1985), party=True, education=rng.choice(("college", "bachelor")))
        party = b.body(n + "党委", "party", "committee", region=rid)
        b.post(chair, fed, "chair", b.day(date(2008, 1, 1), date(2011, 12, 31)))
        b.post(chair, party, "member", b.day(date(2008, 1, 1), date(2011, 12, 31)))
        b.post(b.person("F", born=(1975, 1988), education=rng.choice(("college", "bachelor"))), fed, "vice_chair",
               b.day(date(2008, 1, 1), date(2011, 12, 31)))
        tf_chairs.append(chair)
    start = date(2011, 3, 5)
    b.post(b.person("F", born=(1962, 1970), party=True, education="bachelor"), county_fed, "chair", start)
    for _ in range(3):
        b.post(b.person("F", born=(1965, 1980), party=True, education="bachelor"), county_fed, "vice_chair", start)
    executives = rng.sample(tf_chairs, 5)
    chairs_of_committees = [p["person_id"] for p in b.tables["posts"]
                            if p["body_id"] in committees and p["role"] == "chair" and p["end"] is None]
    in_park = [p for p in chairs_of_committees if b.org_of[b.person_of[p]["employer_org_id"]]["region_id"] == park]
    posts_of: dict[str, int] = {}
    for x in b.tables["posts"]:
        posts_of[x["person_id"]] = posts_of.get(x["person_id"], 0) + 1
    busiest = sorted((p for p in chairs_of_committees if p not in in_park[:2]), key=lambda p: (-posts_of[p], rng.random()))
    entrepreneurs = in_park[:2] + busiest[:2] + rng.sample(busiest[2:], 2)
    co_opted = 0
    for p in entrepreneurs:  # enterprise women leaders also sit on their township federation or the park committee
        region = b.org_of[b.person_of[p]["employer_org_id"]]["region_id"]
        if region in fed_of:
            b.post(p, fed_of[region], "member", b.day(date(2011, 3, 8), date(2012, 3, 8)))
        elif region == park and co_opted < 2:
            b.post(p, park_women, "member", date(2011, 3, 8))
            co_opted += 1
    park_firms = [o for o in big if b.org_of[o]["region_id"] == park]
    for org in rng.sample(park_firms, 2 - co_opted):
        b.post(b.person("F", born=(1975, 1988), employer=org), park_women, "member", date(2011, 3, 8))
    executives += entrepreneurs
    executives += [b.person("F", born=(1965, 1988), party=b.chance(0.7), employer=rng.choice(organs + institutions),
                            education=rng.choice(("college", "bachelor"))) for _ in range(12)]
    for p in executives:
        b.post(p, county_fed, "executive", start)
    former = b.person("F", born=(1960, 1975), education="bachelor")  # left the executive in 2012
    b.post(former, county_fed, "executive", date(2006, 3, 5), date(2012, 4, 1))
    _liaison_network(b, executives, committees + dissolved_committees, four=1, none=2)

    demo = rng.sample(with_committee, 4) + rng.sample(villages, 2) + rng.sample(communities, 1)
    _demo_points(b, demo, organs, later=1)
    # the park's centre is shared by the park bodies and some of its firms' work committees (一个阵地轮流使用)
    park_committees = [x for x in committees if b.org_of[b.body_of[x]["org_id"]]["region_id"] == park]
    centre = ("龙游工业园区两新组织党群服务中心", None, park, [park_party, park_women, *park_committees[:6]])
    _venues(b, {"village": 0.8, "community": 0.9, "enterprise": 0.45, "social_org": 0.3, "organ": 0.3,
                "institution": 0.3}, [centre])
    _reserve(b)


# -- Beihu --------------------------------------------------------------------------------------

def _beihu(b: _Builder) -> None:
    rng = b.rng
    tops = TOPS["beihu"]
    root = b.region(tops["root"][0], tops["root"][1], None)
    district_fed = b.body("北湖区妇联", "women", "federation", region=root, founded=date(1951, 3, 8))
    towns = [(b.region(n, "township", root), n) for n in tops["townships"]]
    streets = [(b.region(n, "street", root), n) for n in tops["streets"]]

    # 128 villages (each with a congress), 35 communities (each with a federation)
    village_home = [r for r, _ in towns] * 9 + [r for r, _ in streets] * 1
    rng.shuffle(village_home)
    village_home = sorted(village_home[:128 - 14 - 4] + [r for r, _ in towns] + [r for r, _ in streets])
    community_home = sorted([r for r, _ in streets] * 6 + rng.sample([r for r, _ in towns], 11))
    villages, communities = [], []
    b._used_names.add("小溪村")
    for i, rid in enumerate(village_home):
        name = "小溪村" if i == 0 else b.unique(lambda: b.place() + "村")
        villages.append(_village(b, b.region(name, "village", rid), name, chair_in_two=1.0))
    b._used_names.add("五里堆社区")
    first = community_home.index(streets[0][0])
    for i, rid in enumerate(community_home):
        name = "五里堆社区" if i == first else b.unique(lambda: rng.choice(COMMUNITY_WORDS) + "社区")
        communities.append(_community(b, b.region(name, "community", rid), name))
    b.fit_share("village", 32.0, lambda: _grow_village(b, villages))
    b.fit_share("community", 71.0, lambda: _grow_community(b, communities))

    # 40 organs, 35 with an organ women's committee; 22 institutions, 18 with a women's committee
    organ_women = [True] * 35 + [False] * 5
    rng.shuffle(organ_women)
    organs = [_organ(b, root, "北湖区" + n, "organ", women="organ_committee" if w else None)
              for n, w in zip(ORGANS[:40], organ_women)]
    inst_women = [True] * 18 + [False] * 4
    rng.shuffle(inst_women)
    institutions = [_organ(b, root, "北湖区" + n, "institution", women="committee" if w else None, team=b.chance(0.5))
                    for n, w in zip(INSTITUTIONS[:22], inst_women)]
    for rid, n in towns:  # township schools: a party branch, no women's body
        if b.chance(0.5):
            _organ(b, rid, n + "中心学校", "institution", women=None, team=False, union=0.3)

    # two-new: 377, of which 165 enterprises with a women's committee and 2 social orgs with a women's group
    where = [r for r, _ in streets] * 4 + [r for r, _ in towns]
    covered = []
    for _ in range(165):
        org = _two_new_org(b, rng.choice(where), rng.choice((rng.randint(8, 29), 30 + int(rng.lognormvariate(3.0, 1.0)))))
        covered.append(org)
    groups = []
    for name in ("北湖区女领导干部联谊会", "北湖区女农民专业协会"):
        b._used_names.add(name)
        groups.append(b.org(name, "social_org", root, two_new=True, female=rng.randint(20, 60), total=rng.randint(60, 90)))
    uncovered = [_two_new_org(b, rng.choice(where), rng.choice((0, rng.randint(1, 29), rng.randint(1, 29),
                                                                 30 + int(rng.lognormvariate(2.8, 1.0)))),
                              social=b.chance(0.25)) for _ in range(377 - 165 - 2)]
    committees = []
    for i, org in enumerate(covered):
        bodies = _staff_two_new(b, org, women="committee", party=b.chance(0.8), union=b.chance(0.5),
                                youth=b.chance(0.2), turnover=i % 25 == 11, nameplate=0.3)
        committees.append(bodies["women"])
    for org in groups:
        w = b.body(b.org_of[org]["name"] + "妇委会", "women", "committee", org=org, founded=b.day(date(2009, 3, 8), date(2011, 3, 8)))
        b.post(b.person("F", born=(1960, 1978), party=True, employer=org, education="bachelor"), w, "chair",
               b.body_of[w]["founded"])
        b.post(b.person("F", born=(1962, 1985), employer=org), w, "member", b.body_of[w]["founded"])
    for i, org in enumerate(uncovered):
        if i < 4:  # a committee dissolved before AS_OF
            founded = b.day(date(2009, 3, 8), date(2010, 12, 31))
            _staff_two_new(b, org, women="committee", women_founded=founded,
                           women_dissolved=b.day(date(2011, 6, 1), date(2012, 5, 31)), party=True)
        else:
            _staff_two_new(b, org, party=b.chance(0.35), union=b.chance(0.25), youth=b.chance(0.1), candidate=0.4)

    # township/street leadership teams and party committees (at least one woman per team: rule 7)
    leaders_of: dict[str, list[str]] = {}
    for rid, n in towns + streets:
        party = b.body(n + "党委" if n.endswith(("镇", "乡")) else n + "党工委", "party", "committee", region=rid)
        team = b.body(n + "党政领导班子", "admin", "team", region=rid)
        people = [b.person(pf=0.1, born=(1958, 1975), party=True, education="bachelor") for _ in range(rng.randint(5, 7))]
        b.person_of[people[-1]]["gender"] = "F"
        b.post(people[0], party, "secretary", date(2011, 9, 1))
        b.post(people[1], team, "chair", date(2011, 9, 1))
        b.post(people[1], party, "deputy_secretary", date(2011, 9, 1))
        for p in people[2:]:
            b.post(p, team, "member", date(2011, 9, 1))
            b.post(p, party, "member", date(2011, 9, 1))
        b.post(people[0], team, "member", date(2011, 9, 1))
        leaders_of[rid] = [party, team]

    # the 58 district and township federation cadres: average age 37, 24 college / 33 bachelor / 1 postgraduate
    ages = [rng.randint(27, 50) for _ in range(58)]
    while sum(ages) != 37 * 58:
        i = rng.randrange(58)
        step = 1 if sum(ages) < 37 * 58 else -1
        if 25 <= ages[i] + step <= 52:
            ages[i] += step
    rest = ["college"] * 24 + ["bachelor"] * 31
    rng.shuffle(rest)
    education = ["bachelor", "postgraduate", "bachelor"] + rest
    cadres = [b.person("F", party=True, education=e) for e in education]
    for p, age in zip(cadres, ages):
        b.person_of[p]["birth_year"] = AS_OF.year - age
    term = date(2011, 11, 20)
    b.post(cadres[0], district_fed, "chair", term)
    b.post(cadres[1], district_fed, "vice_chair", term)
    b.post(cadres[2], district_fed, "vice_chair", term)
    district_execs = cadres[3:13]
    feds = [(rid, b.body(n + "妇联", "women", "federation", region=rid, founded=date(1958, 3, 8))) for rid, n in towns + streets]
    vacant = rng.randrange(len(feds))
    pool = cadres[13:]
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
    while pool:
        i = order[k % len(order)]
        k += 1
        rid, fed = feds[i]
        role = "vice_chair" if k <= len(feds) else "member"
        b.post(pool.pop(0), fed, role, b.day(date(2008, 3, 1), date(2012, 3, 1)))
    linked_chairs = rng.sample(chairs, 4)
    executives = district_execs + linked_chairs
    for p in executives:
        b.post(p, district_fed, "executive", term)
    # chairs promoted into their township team (the report: 10 such promotions), two also in the
    # women leaders' association: one person, five posts
    for p in linked_chairs:
        rid = next(r for r, fed in feds if any(x["person_id"] == p and x["body_id"] == fed for x in b.tables["posts"]))
        b.post(p, leaders_of[rid][1], "member", date(2012, 2, 20))
    association = next(x["id"] for x in b.tables["bodies"] if x["org_id"] == groups[0])
    for p in linked_chairs[:2]:
        b.post(p, association, "member", date(2012, 3, 8))
    # some executives also chair an organ women's committee (cross posts)
    organ_committees = [x["id"] for x in b.tables["bodies"] if x["type"] == "organ_committee"]
    for p, w in zip(district_execs[:3], rng.sample(organ_committees, 3)):
        b.post(p, w, "vice_chair", b.day(date(2010, 3, 8), date(2012, 3, 8)))
    # former cadres (not counted on AS_OF): an executive who left in March, a vice chair of the last term
    left = b.person("F", born=(1960, 1970), education="bachelor")
    b.post(left, district_fed, "executive", date(2006, 11, 20), date(2012, 3, 1))
    old = b.person("F", born=(1955, 1965), education="college")
    b.post(old, district_fed, "vice_chair", date(2006, 11, 20), term)
    _liaison_network(b, executives + [left], committees, four=1, none=1)

    # 22 demonstration points by AS_OF (one more named in the autumn), each paired with 1-2 organs
    others = [c for i, c in enumerate(communities) if i != first]
    demo = [villages[0], communities[first]] + rng.sample(villages[1:], 6) + rng.sample(others, 4)
    firms = rng.sample(covered, 9)
    demo += firms[:8] + rng.sample(organs, 1) + rng.sample(institutions, 1) + firms[8:]
    _demo_points(b, demo[:22] + [demo[22]], organs, later=1)
    centre = ("北湖区妇女儿童活动中心", None, root, [district_fed, *[fed for _, fed in feds[:3]]])
    _venues(b, {"village": 0.85, "community": 0.9, "enterprise": 0.4, "social_org": 0.3, "organ": 0.35,
                "institution": 0.3}, [centre])
    _reserve(b)


_CALIBRATED = {"longyou": _longyou, "beihu": _beihu}


# -- the scale profile: vectorized ---------------------------------------------------------------
#
# Text is kept as numpy byte strings (dtype "S", UTF-8): gathers and concatenations then run in C.
# A byte string may carry NUL padding anywhere (numbers are written as fixed-width digit blocks whose
# leading zeros are NUL bytes); the writer drops every NUL byte, which UTF-8 text never contains.

_KINDS = ("park_admin", "village", "community", "organ", "institution", "enterprise", "social_org")
_ROLES = ("secretary", "deputy_secretary", "chair", "vice_chair", "member", "liaison", "executive")
_DAY0, _DAY1 = "1990-01-01", "2020-12-31"


def _enc(words) -> np.ndarray:
    return np.array([w.encode("utf-8") for w in words])


def _pick(rng: np.random.Generator, words, n: int) -> np.ndarray:
    table = _enc(words)
    return table[rng.integers(0, len(table), n)]


def _cat(*parts) -> np.ndarray:
    out = parts[0]
    for part in parts[1:]:
        out = np.strings.add(out, part)
    return out


def _days(iso: str) -> int:
    return int((np.datetime64(iso, "D") - np.datetime64("1970-01-01", "D")).astype(np.int64))


_DATE_TABLE: np.ndarray | None = None


def _date_text(days: np.ndarray) -> np.ndarray:
    """Day numbers (since 1970) → ISO dates as byte strings; negative → empty."""
    global _DATE_TABLE
    lo, hi = _days(_DAY0), _days(_DAY1)
    if _DATE_TABLE is None:
        iso = np.datetime_as_string(np.arange(lo, hi + 1).astype("datetime64[D]"), unit="D").astype("S10")
        _DATE_TABLE = np.concatenate([np.array([b""], dtype="S10"), iso])
    days = np.asarray(days, dtype=np.int64)
    ok = days >= 0
    if ok.any() and (days[ok].min() < lo or days[ok].max() > hi):
        raise ValueError("a generated date falls outside the date table")
    return _DATE_TABLE[np.where(ok, days - lo + 1, 0)]


def _num(values) -> np.ndarray:
    """Non-negative ints → decimal byte strings (leading zeros as NUL padding)."""
    value = np.asarray(values, dtype=np.int64)
    width = len(str(int(value.max()))) if len(value) else 1
    digits = np.empty((len(value), width), dtype=np.uint8)
    rest = value.astype(np.uint32 if width <= 9 else np.uint64)  # unsigned 32-bit division is much faster
    for k in range(width - 1, -1, -1):
        quotient = rest // 10
        digits[:, k] = rest - quotient * 10 + 48
        rest = quotient
        if k < width - 1:
            digits[value < 10 ** (width - 1 - k), k] = 0  # a leading zero
    return digits.view(f"S{width}").ravel()


def _ids(prefix: str, n: int) -> np.ndarray:
    return np.strings.add(prefix.encode(), _num(np.arange(1, n + 1)))


def _bools(mask: np.ndarray) -> np.ndarray:
    return np.where(mask, b"true", b"false")


def _ranks(groups: np.ndarray) -> np.ndarray:
    """Position of each element within its run of equal values (``groups`` sorted)."""
    if len(groups) == 0:
        return np.zeros(0, dtype=np.int64)
    starts = np.r_[0, np.flatnonzero(np.diff(groups)) + 1]
    counts = np.diff(np.r_[starts, len(groups)])
    return np.arange(len(groups)) - np.repeat(starts, counts)


def _spans(sorted_keys: np.ndarray, n_keys: int) -> tuple[np.ndarray, np.ndarray]:
    """First index and count of each key 0..n_keys-1 in a sorted key array."""
    first = np.searchsorted(sorted_keys, np.arange(n_keys))
    return first, np.searchsorted(sorted_keys, np.arange(n_keys), side="right") - first


def _draw_within(rng: np.random.Generator, pool: np.ndarray, first: np.ndarray, count: np.ndarray,
                 groups: np.ndarray) -> np.ndarray:
    """For each group id in ``groups``, a random element of ``pool[first[g]:first[g] + count[g]]``."""
    if len(groups) == 0:
        return np.zeros(0, dtype=np.int64)
    return pool[first[groups] + np.floor(rng.random(len(groups)) * count[groups]).astype(np.int64)]


def _first_of(keys: np.ndarray) -> np.ndarray:
    """Indices of the first occurrence of each key, in original order."""
    _, first = np.unique(keys, return_index=True)
    first.sort()
    return first


def _write_frames(frames: dict[str, dict[str, np.ndarray]], out: Path) -> dict[str, int]:
    """Byte-string columns → CSV: rows assembled as byte matrices, NUL padding dropped."""
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    chunk = 200_000
    for name, table in SCHEMA.tables.items():
        columns = list(table.columns)
        cols = frames.get(name, {})
        n = len(next(iter(cols.values()))) if cols else 0
        comma = np.full((min(n, chunk), 1), ord(","), dtype=np.uint8)
        newline = np.full((min(n, chunk), 1), ord("\n"), dtype=np.uint8)
        with open(out / f"{name}.csv", "wb") as fh:
            fh.write((",".join(columns) + "\n").encode("utf-8"))
            for lo in range(0, n, chunk):
                hi = min(n, lo + chunk)
                k = hi - lo
                parts = []
                for i, column in enumerate(columns):
                    if i:
                        parts.append(comma[:k])
                    arr = cols.get(column)
                    if arr is not None:
                        arr = np.ascontiguousarray(arr[lo:hi])
                        parts.append(arr.view(np.uint8).reshape(k, arr.dtype.itemsize))
                parts.append(newline[:k])
                rows = np.concatenate(parts, axis=1)
                fh.write(rows[rows != 0].tobytes())
        counts[name] = n
    return counts


def _scale(seed: int, n: int) -> dict[str, dict[str, np.ndarray]]:
    """A dataset of ``n`` organizations in counties of about 2,000 organizations each.

    Shape: each county has an industrial park and 11-21 townships/streets, villages and communities
    below them; ~60% two-new organizations with a long-tailed female staff; party bodies in ~40% of
    organizations, women's bodies in ~30%; people hold 1-5 posts across systems; posts from 2005 to
    2012, some ended; a few dissolved bodies; county federation executives with liaison links and
    visits in 2012; demonstration points paired with organs.
    """
    rng = np.random.default_rng(seed)
    second_syllables = PLACE_SECOND["longyou"] + PLACE_SECOND["beihu"]

    # -- regions: counties → (park, streets, townships) → villages, communities
    n_county = max(1, round(n / 2000))
    tops_per = rng.integers(12, 23, n_county)
    n_top = int(tops_per.sum())
    top_county = np.repeat(np.arange(n_county), tops_per)
    top_pos = _ranks(top_county)
    top_kind = np.where(top_pos == 0, 0, np.where(top_pos <= np.maximum(1, tops_per[top_county] // 5), 1, 2))  # park/street/township
    m = n - n_county  # organizations other than the park administrations
    n_village, n_comm = round(0.18 * m), round(0.07 * m)
    n_organ, n_inst = round(0.06 * m), round(0.09 * m)
    n_two = m - n_village - n_comm - n_organ - n_inst
    townships, streets, parks = (np.flatnonzero(top_kind == c) for c in (2, 1, 0))
    village_top = np.where(rng.random(n_village) < 0.92, townships[rng.integers(0, len(townships), n_village)],
                           streets[rng.integers(0, len(streets), n_village)])
    comm_top = np.where(rng.random(n_comm) < 0.8, streets[rng.integers(0, len(streets), n_comm)],
                        townships[rng.integers(0, len(townships), n_comm)])
    n_regions = n_county + n_top + n_village + n_comm
    top0, vil0, com0 = n_county, n_county + n_top, n_county + n_top + n_village
    region_county = np.concatenate([np.arange(n_county), top_county, top_county[village_top], top_county[comm_top]])
    district = rng.random(n_county) < 0.1
    county_names = _cat(_pick(rng, PLACE_FIRST, n_county), _pick(rng, second_syllables, n_county),
                        np.where(district, "区".encode(), "县".encode()))
    top_names = np.where(
        top_kind == 0, _cat(county_names[top_county], "工业园区".encode()),
        _cat(_pick(rng, PLACE_FIRST, n_top), _pick(rng, second_syllables, n_top),
             np.where(top_kind == 1, "街道".encode(), np.where(rng.random(n_top) < 0.6, "镇".encode(), "乡".encode()))))
    village_names = _cat(_pick(rng, PLACE_FIRST, n_village), _pick(rng, second_syllables, n_village), "村".encode())
    comm_names = _cat(_pick(rng, COMMUNITY_WORDS, n_comm), "社区".encode())
    region_names = np.concatenate([county_names, top_names, village_names, comm_names])
    top_levels = _enc(("park", "street", "township"))[top_kind]
    region_levels = np.concatenate([np.where(district, b"district", b"county"), top_levels,
                                    np.full(n_village, b"village"), np.full(n_comm, b"community")])
    region_parent = np.concatenate([np.full(n_county, -1), top_county, top0 + village_top, top0 + comm_top])
    region_ids = _ids("R", n_regions)
    regions = {"id": region_ids, "name": region_names, "level": region_levels,
               "parent_id": np.where(region_parent >= 0, region_ids[np.maximum(region_parent, 0)], b"")}

    # -- organizations, in blocks by kind
    two_kind = np.where(rng.random(n_two) < 0.75, 5, 6)
    kinds = np.concatenate([np.zeros(n_county, int), np.full(n_village, 1), np.full(n_comm, 2), np.full(n_organ, 3),
                            np.full(n_inst, 4), two_kind])
    non_park = np.flatnonzero(top_kind != 0)
    organ_region = np.where(rng.random(n_organ) < 0.6, rng.integers(0, n_county, n_organ),
                            top0 + non_park[rng.integers(0, len(non_park), n_organ)])
    inst_region = np.where(rng.random(n_inst) < 0.4, rng.integers(0, n_county, n_inst),
                           top0 + non_park[rng.integers(0, len(non_park), n_inst)])
    top_weights = np.where(top_kind == 0, 4.0, 1.0)
    two_region = np.where(rng.random(n_two) < 0.75, top0 + rng.choice(n_top, n_two, p=top_weights / top_weights.sum()),
                          vil0 + rng.integers(0, max(n_village, 1), n_two))
    org_region = np.concatenate([top0 + parks, vil0 + np.arange(n_village), com0 + np.arange(n_comm),
                                 organ_region, inst_region, two_region])
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
    organ_places = org_region[n_county + n_village + n_comm:n_county + n_village + n_comm + n_organ + n_inst]
    at_county = organ_places < n_county
    is_organ = np.arange(n_organ + n_inst) < n_organ
    unit = np.where(is_organ,
                    np.where(at_county, _pick(rng, ORGANS, len(at_county)),
                             _pick(rng, ("人民政府", "财政所", "派出所", "司法所", "国土资源所", "计生办"), len(at_county))),
                    np.where(at_county, _pick(rng, INSTITUTIONS, len(at_county)),
                             _pick(rng, ("中心学校", "卫生院", "中心幼儿园", "文化站", "农技站", "中学"), len(at_county))))
    two_county_names = county_names[region_county[two_region]]
    enterprise_names = _cat(_pick(rng, PROVINCE["longyou"] + PROVINCE["beihu"], n_two), _pick(rng, BRAND_FIRST, n_two),
                            _pick(rng, BRAND_SECOND, n_two), _pick(rng, INDUSTRIES["longyou"] + INDUSTRIES["beihu"], n_two),
                            _pick(rng, COMPANY_FORMS, n_two))
    social_names = _cat(two_county_names, _pick(rng, BRAND_FIRST, n_two), _pick(rng, BRAND_SECOND, n_two),
                        _pick(rng, SOCIAL_ORGS, n_two))
    names = np.concatenate([_cat(top_names[parks], "管理委员会".encode()), village_names, comm_names,
                            _cat(region_names[organ_places], unit),
                            np.where(two_kind == 5, enterprise_names, social_names)])
    org_ids = _ids("O", n)
    organizations = {
        "id": org_ids, "name": names, "kind": _enc(_KINDS)[kinds], "region_id": region_ids[org_region],
        "two_new": _bools(is_two), "female_staff": _num(female), "total_staff": _num(total),
        "business_stable": _bools(is_two & (rng.random(n) < 0.7)),
        "workforce_stable": _bools(is_two & (rng.random(n) < 0.55)),
    }

    # -- bodies hosted by organizations: (hosts, chance, system, type, name suffix, members lo..hi)
    big = female >= 30
    small = (female >= 1) & (female < 30)
    specs = [
        (kinds == 1, 1.0, "party", "branch", "党支部", 2, 5),
        (kinds == 1, 1.0, "admin", "villagers_committee", "村委会", 2, 5),
        (kinds == 1, 0.8, "women", "congress", "妇代会", 0, 3),
        (kinds == 1, 0.25, "youth", "branch", "团支部", 0, 2),
        (kinds == 2, 1.0, "party", "branch", "党支部", 2, 4),
        (kinds == 2, 0.85, "women", "federation", "妇联", 1, 4),
        (kinds == 2, 0.25, "youth", "branch", "团支部", 0, 2),
        (kinds == 3, 0.8, "admin", "team", "领导班子", 2, 5),
        (kinds == 3, 1.0, "party", "committee", "机关党委", 2, 5),
        (kinds == 3, 0.6, "women", "organ_committee", "机关妇委会", 1, 4),
        (kinds == 3, 0.5, "union", "committee", "工会", 1, 3),
        (kinds == 4, 0.75, "party", "branch", "党支部", 2, 4),
        (kinds == 4, 0.35, "women", "committee", "妇委会", 1, 4),
        (kinds == 4, 0.6, "union", "committee", "工会", 1, 3),
        (kinds == 0, 1.0, "party", "committee", "党工委", 2, 5),
        (kinds == 0, 1.0, "women", "committee", "妇委会", 2, 5),
        (is_two & big, 0.30, "party", "branch", "党支部", 1, 4),
        (is_two & ~big, 0.045, "party", "branch", "党支部", 1, 3),
        (is_two & big, 0.35, "women", "work_committee", "妇女工作委员会", 1, 4),
        (is_two & small, 0.08, "women", "liaison", "妇女工作联络员", 0, 1),
        (is_two & (total >= 25), 0.3, "union", "committee", "工会", 1, 3),
        (is_two & (total >= 50), 0.15, "youth", "branch", "团支部", 0, 2),
        # region-level: filled in below
        (None, 0, "women", "federation", "妇联", 12, 30),   # county federation
        (None, 0, "women", "federation", "妇联", 1, 3),     # township / street federation
        (None, 0, "party", "committee", "党委", 3, 6),      # township party committee
        (None, 0, "party", "committee", "党工委", 3, 6),    # street party working committee
        (None, 0, "party", "general_branch", "党总支", 2, 5),
        (None, 0, "party", "committee", "党委", 2, 5),
        (None, 0, "party", "branch", "党支部", 2, 5),
    ]
    COUNTY_FED, TOP_FED, TOP_PARTY, STREET_PARTY, GENERAL_BRANCH, PARTY_COMMITTEE, PARTY_BRANCH = range(22, 29)
    spec_system = _enc([s[2] for s in specs])
    spec_type = _enc([s[3] for s in specs])
    spec_suffix = _enc([s[4] for s in specs])
    spec_lo = np.array([s[5] for s in specs])
    spec_hi = np.array([s[6] for s in specs])
    is_women_spec = np.array([s[2] == "women" for s in specs])
    is_party_spec = np.array([s[2] == "party" for s in specs])
    host_list, spec_list = [], []
    for i, (mask, p, *_rest) in enumerate(specs[:22]):
        hosts = np.flatnonzero(mask & (rng.random(n) < p))
        host_list.append(hosts)
        spec_list.append(np.full(len(hosts), i))
    body_org = np.concatenate(host_list)
    body_spec = np.concatenate(spec_list)
    order = np.argsort(body_org, kind="stable")  # the bodies of one organization together
    body_org, body_spec = body_org[order], body_spec[order]
    n_ob = len(body_org)
    size = total[body_org]
    kind_of = kinds[body_org]
    party = is_party_spec[body_spec]
    body_spec = np.where(party & (kind_of >= 5) & (size >= 500), PARTY_COMMITTEE,
                         np.where(party & (kind_of >= 5) & (size >= 150), GENERAL_BRANCH, body_spec))
    body_spec = np.where(party & (kind_of == 3) & (size < 60), PARTY_BRANCH, body_spec)
    body_spec = np.where(party & (kind_of == 1) & (rng.random(n_ob) < 0.2), GENERAL_BRANCH, body_spec)
    # region-level bodies: a federation per county/township/street, a party committee per township/street
    fed_regions = np.concatenate([np.arange(n_county), top0 + non_park])
    r_region = np.concatenate([fed_regions, top0 + non_park])
    r_spec = np.concatenate([np.full(n_county, COUNTY_FED), np.full(len(non_park), TOP_FED),
                             np.where(top_kind[non_park] == 1, STREET_PARTY, TOP_PARTY)])
    n_rb = len(r_region)
    n_bodies = n_ob + n_rb
    spec = np.concatenate([body_spec, r_spec])
    body_names = np.concatenate([_cat(names[body_org], spec_suffix[body_spec]),
                                 _cat(region_names[r_region], spec_suffix[r_spec])])
    start_lo, as_of, last = _days("2005-01-01"), _days("2012-06-30"), _days("2012-12-31")
    women_body = is_women_spec[spec]
    founded = rng.integers(_days("2000-01-01"), _days("2012-09-30"), n_bodies)
    founded[women_body] = np.maximum(founded[women_body], _days("2005-03-08"))
    empty_founded = np.concatenate([np.isin(kind_of, [1, 2, 3]) & (rng.random(n_ob) < 0.5), np.ones(n_rb, bool)])
    founded[empty_founded] = -1
    gone = np.concatenate([rng.random(n_ob) < 0.02, np.zeros(n_rb, bool)]) & ~empty_founded
    dissolved = np.where(gone, np.minimum(founded + rng.integers(200, 2500, n_bodies), _days("2013-06-30")), -1)
    party_body = is_party_spec[spec]
    grade = np.where(party_body, _pick(rng, ("excellent", "standard", "standard", "weak", "unrated", ""), n_bodies), b"")
    body_ids = _ids("B", n_bodies)
    bodies = {
        "id": body_ids, "name": body_names, "system": spec_system[spec], "type": spec_type[spec],
        "org_id": np.concatenate([org_ids[body_org], np.full(n_rb, b"")]),
        "region_id": np.concatenate([np.full(n_ob, b""), region_ids[r_region]]),
        "grade": grade, "founded": _date_text(founded), "dissolved": _date_text(dissolved),
    }

    # -- posts: a head and some members per body
    lo, hi = spec_lo[spec], spec_hi[spec]
    slots_per = 1 + lo + np.floor(rng.random(n_bodies) * (hi - lo + 1)).astype(np.int64)
    slot_body = np.repeat(np.arange(n_bodies), slots_per)
    slot_pos = _ranks(slot_body)
    n_slots = len(slot_body)
    s_spec = spec[slot_body]
    s_system = spec_system[s_spec]
    head = np.where(np.isin(s_system, [b"party", b"youth"]), 0, np.where(spec_type[s_spec] == b"liaison", 5, 2))
    vice = np.where(s_system == b"party", 1, 3)
    role = np.where(slot_pos == 0, head, np.where((slot_pos == 1) & (rng.random(n_slots) < 0.5), vice, 4))
    county_fed = s_spec == COUNTY_FED
    role = np.where(county_fed & (slot_pos >= 3), 6, np.where(county_fed & (slot_pos > 0), 3, role))
    # organization slots draw on a pool of the organization's people: one person, several posts
    in_org = slot_body < n_ob
    idx = np.flatnonzero(in_org)
    s_org = body_org[slot_body[idx]]
    org_slots = np.bincount(s_org, minlength=n)
    ratio = rng.choice(np.array([1.0, 1.3, 1.7, 2.3, 3.2, 4.5]), n, p=[0.34, 0.24, 0.18, 0.12, 0.08, 0.04])
    pool = np.ceil(org_slots / ratio).astype(np.int64)
    pool_start = np.cumsum(pool) - pool
    order = np.argsort(s_org * (1 << 24) + rng.integers(0, 1 << 24, len(idx)), kind="stable")  # shuffled within each org
    rank = _ranks(s_org[order])
    person = np.empty(n_slots, dtype=np.int64)
    person[idx[order]] = pool_start[s_org[order]] + rank % pool[s_org[order]]
    n_org_people = int(pool.sum())
    reg = np.flatnonzero(~in_org)  # region-level bodies: their own people…
    person[reg] = n_org_people + np.arange(len(reg))
    n_people = n_org_people + len(reg)
    # …and the township federation chair also sits in the township party committee
    top_fed_body = n_ob + n_county + np.arange(len(non_park))
    top_party_body = n_ob + len(fed_regions) + np.arange(len(non_park))
    chair_slot = np.flatnonzero((s_spec == TOP_FED) & (slot_pos == 0))
    slot_body = np.concatenate([slot_body, top_party_body[np.searchsorted(top_fed_body, slot_body[chair_slot])]])
    person = np.concatenate([person, person[chair_slot]])
    role = np.concatenate([role, np.full(len(chair_slot), 4)])
    slot_pos = np.concatenate([slot_pos, np.full(len(chair_slot), 99)])
    # one post per person and body, the head's kept
    pair = person * n_bodies + slot_body
    order = np.lexsort((slot_pos, pair))
    keep = np.sort(order[np.r_[True, np.diff(pair[order]) != 0]])
    slot_body, person, role = slot_body[keep], person[keep], role[keep]
    n_posts = len(keep)
    # dates: start after the body was founded, before it was dissolved; some posts ended
    f, d = founded[slot_body], dissolved[slot_body]
    base = np.maximum(f, start_lo)
    start = base + np.floor(rng.random(n_posts) * np.maximum(last - base, 1)).astype(np.int64)
    start = np.where(rng.random(n_posts) < 0.75, np.maximum(np.minimum(start, as_of - 1), base), start)
    start = np.where(d >= 0, np.minimum(start, d - 1), start)
    end = np.where(rng.random(n_posts) < 0.08, start + rng.integers(30, 1500, n_posts), -1)
    end = np.where(d >= 0, np.where(end >= 0, np.minimum(end, d), d), end)
    end = np.where((end >= 0) & (end < start), start, end)

    # -- people
    women_post = np.zeros(n_people, dtype=bool)
    women_post[person[is_women_spec[spec[slot_body]]]] = True
    party_post = np.zeros(n_people, dtype=bool)
    party_post[person[is_party_spec[spec[slot_body]]]] = True
    employer = np.concatenate([np.repeat(np.arange(n), pool), np.full(len(reg), -1)])
    emp_kind = np.where(employer >= 0, kinds[np.maximum(employer, 0)], -1)
    p_female = np.select([emp_kind == 2, emp_kind == 1], [0.6, 0.2], 0.35)
    is_female = women_post | (rng.random(n_people) < p_female)
    surnames = _enc(SURNAMES)
    weights = 1.0 / (1 + np.arange(len(surnames)) / 12)
    given_f = _cat(_pick(rng, FEMALE_CHARS, n_people),
                   np.where(rng.random(n_people) < 0.7, _pick(rng, FEMALE_CHARS, n_people), b""))
    given_m = _cat(_pick(rng, MALE_CHARS, n_people),
                   np.where(rng.random(n_people) < 0.7, _pick(rng, MALE_CHARS, n_people), b""))
    person_names = _cat(surnames[rng.choice(len(surnames), n_people, p=weights / weights.sum())],
                        np.where(is_female, given_f, given_m))
    born = np.clip(np.round(rng.normal(1972, 9, n_people)), 1945, 1992).astype(np.int64)
    edu = rng.choice(4, n_people, p=[0.35, 0.33, 0.28, 0.04])
    edu = np.where(emp_kind == 1, rng.choice(2, n_people, p=[0.8, 0.2]), edu)
    people_ids = _ids("P", n_people)
    people = {
        "id": people_ids, "name": person_names, "gender": np.where(is_female, b"F", b"M"), "birth_year": _num(born),
        "education": _enc(("secondary", "college", "bachelor", "postgraduate"))[edu],
        "party_member": _bools(party_post | (rng.random(n_people) < 0.12)),
        "employer_org_id": np.where(employer >= 0, org_ids[np.maximum(employer, 0)], b""),
        "reserve_cadre": _bools((born >= 1970) & (rng.random(n_people) < 0.04)),
    }
    posts = {"person_id": people_ids[person], "body_id": body_ids[slot_body], "role": _enc(_ROLES)[role],
             "start": _date_text(start), "end": _date_text(end)}

    # -- liaison links: county federation executives → two-new women's bodies of their county; visits in 2012
    is_exec = role == 6
    executives = person[is_exec]
    exec_county = r_region[slot_body[is_exec] - n_ob]
    target = np.flatnonzero(is_two[body_org] & is_women_spec[body_spec])
    target_county = region_county[org_region[body_org[target]]]
    t_order = np.argsort(target_county, kind="stable")
    target, target_county = target[t_order], target_county[t_order]
    t_first, t_count = _spans(target_county, n_county)
    links_per = rng.choice(5, len(executives), p=[0.05, 0.3, 0.35, 0.25, 0.05])
    links_per[t_count[exec_county] == 0] = 0
    l_person = np.repeat(executives, links_per)
    l_body = _draw_within(rng, target, t_first, t_count, np.repeat(exec_county, links_per))
    first = _first_of(l_person * n_bodies + l_body)
    l_person, l_body = l_person[first], l_body[first]
    since = np.maximum(founded[l_body], _days("2010-03-01")) + rng.integers(0, 500, len(l_body))
    until = dissolved[l_body]
    since = np.where((until >= 0) & (since > until), until, since)
    liaisons = {"person_id": people_ids[l_person], "body_id": body_ids[l_body], "since": _date_text(since),
                "until": _date_text(until)}
    n_visits = np.minimum(rng.poisson(2.2, len(l_body)), 6)
    v_person, v_body = np.repeat(l_person, n_visits), np.repeat(l_body, n_visits)
    v_day = rng.integers(0, 366, len(v_body))
    first = _first_of((v_person * n_bodies + v_body) * 400 + v_day)
    visits = {"person_id": people_ids[v_person[first]], "body_id": body_ids[v_body[first]],
              "date": _date_text(_days("2012-01-01") + v_day[first])}

    # -- demonstration points (about 0.3% of organizations), each paired with 1-2 organs of its county
    eligible = np.flatnonzero(((kinds == 1) | (kinds == 2)) | is_two)
    demo_org = np.sort(rng.choice(eligible, min(max(1, round(0.003 * n)), len(eligible)), replace=False))
    demo_since = rng.integers(_days("2009-03-01"), _days("2012-12-31"), len(demo_org))
    demo_ids = _ids("D", len(demo_org))
    demo_points = {"id": demo_ids, "name": _cat(names[demo_org], "“党建带妇建”示范点".encode()),
                   "org_id": org_ids[demo_org], "since": _date_text(demo_since)}
    organs = np.flatnonzero(kinds == 3)
    organ_county = region_county[org_region[organs]]
    o_order = np.argsort(organ_county, kind="stable")
    organs, organ_county = organs[o_order], organ_county[o_order]
    o_first, o_count = _spans(organ_county, n_county)
    d_county = region_county[org_region[demo_org]]
    per = np.where(o_count[d_county] > 0, rng.choice(np.array([1, 2]), len(demo_org), p=[0.7, 0.3]), 0)
    p_demo = np.repeat(np.arange(len(demo_org)), per)
    p_org = _draw_within(rng, organs, o_first, o_count, d_county[p_demo])
    first = _first_of(p_demo * n + p_org)
    pairings = {"org_id": org_ids[p_org[first]], "demo_point_id": demo_ids[p_demo[first]],
                "since": _date_text(demo_since[p_demo[first]])}

    # -- activity rooms: one room, many uses, in a share of the organizations with 2+ bodies
    b_first, b_count = _spans(body_org, n)
    room_share = np.array([1.0, 0.8, 0.9, 0.3, 0.3, 0.45, 0.3])[kinds]
    venue_org = np.flatnonzero((b_count >= 2) & (rng.random(n) < room_share))
    room_names = _enc([VENUE_NAMES[k][0] for k in _KINDS])
    venue_ids = _ids("V", len(venue_org))
    venues = {"id": venue_ids, "name": _cat(names[venue_org], room_names[kinds[venue_org]]),
              "org_id": org_ids[venue_org], "region_id": np.full(len(venue_org), b"")}
    u_venue = np.repeat(np.arange(len(venue_org)), b_count[venue_org])
    u_body = b_first[venue_org][u_venue] + _ranks(u_venue)
    opened = rng.integers(_days("2006-01-01"), _days("2011-12-31"), len(venue_org))[u_venue]
    u_since = np.maximum(founded[u_body], opened)
    u_until = dissolved[u_body]
    u_since = np.where((u_until >= 0) & (u_since > u_until), np.maximum(founded[u_body], 0), u_since)
    venue_uses = {"venue_id": venue_ids[u_venue], "body_id": body_ids[u_body], "since": _date_text(u_since),
                  "until": _date_text(u_until)}
    return {"regions": regions, "organizations": organizations, "bodies": bodies, "people": people, "posts": posts,
            "liaisons": liaisons, "visits": visits, "demo_points": demo_points, "pairings": pairings,
            "venues": venues, "venue_uses": venue_uses}
