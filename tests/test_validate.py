"""Bad input: every kind of contract violation is reported with file, row, column, value, expectation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from orgnet.api import load_dataset
from orgnet.errors import ValidationError
from tests.conftest import TINY


@pytest.fixture
def copy(tmp_path) -> Path:
    """A writable copy of the tiny dataset."""
    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    return folder


def edit(folder: Path, table: str, old: str, new: str) -> None:
    path = folder / f"{table}.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {table}.csv"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(folder: Path) -> list:
    with pytest.raises(ValidationError) as info:
        load_dataset(folder)
    return info.value.problems


def one(folder: Path):
    found = problems(folder)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


# (table, old text, new text, file, row, column, value, words in the expectation)
CASES = {
    "bad enum": ("organizations", "O2,新光电子,enterprise", "O2,新光电子,factory",
                 "organizations.csv", 3, "kind", "factory", "one of enterprise"),
    "bad number": ("organizations", "O3,小康超市,enterprise,R1,yes,12,", "O3,小康超市,enterprise,R1,yes,twelve,",
                   "organizations.csv", 4, "female_staff", "twelve", "whole number"),
    "negative number": ("organizations", "O4,爱心协会,social_org,R2,是,5,", "O4,爱心协会,social_org,R2,是,-5,",
                        "organizations.csv", 5, "female_staff", "-5", "≥ 0"),
    "non-integer": ("organizations", "O4,爱心协会,social_org,R2,是,5,", "O4,爱心协会,social_org,R2,是,5.5,",
                    "organizations.csv", 5, "female_staff", "5.5", "whole number"),
    "bad bool": ("organizations", "O9,红星物流,enterprise,R1,y,", "O9,红星物流,enterprise,R1,maybe,",
                 "organizations.csv", 10, "two_new", "maybe", "boolean"),
    "bad date": ("posts", "P3,B4,chair,2010-03-08", "P3,B4,chair,2010-13-08",
                 "posts.csv", 8, "start", "2010-13-08", "YYYY-MM-DD"),
    "end before start": ("posts", "P4,B10,vice_chair,2009-01-01,2011-01-01", "P4,B10,vice_chair,2009-01-01,2008-01-01",
                         "posts.csv", 11, "end", "2008-01-01", "on or after start (2009-01-01)"),
    "duplicate id": ("people", "P11,黄娟", "P10,黄娟", "people.csv", 12, "id", "P10", "unique id (row 11"),
    "dangling reference": ("posts", "P18,B21,secretary", "P18,B99,secretary",
                           "posts.csv", 27, "body_id", "B99", "an id from bodies"),
    "dangling parent": ("regions", "R5,测试工业园区,park,R0", "R5,测试工业园区,park,R9",
                        "regions.csv", 7, "parent_id", "R9", "an id from regions"),
    "female over total": ("organizations", "O10,未来科技,enterprise,R5,true,30,30", "O10,未来科技,enterprise,R5,true,30,29",
                          "organizations.csv", 11, "female_staff", "30", "at most total_staff (29)"),
    "type not of system": ("bodies", "B17,小康超市工会,union,committee", "B17,小康超市工会,union,congress",
                           "bodies.csv", 18, "type", "congress", "a union type: committee, branch"),
    "grade on non-party": ("bodies", "B18,红星物流团支部,youth,branch,O9,,,", "B18,红星物流团支部,youth,branch,O9,,excellent,",
                           "bodies.csv", 19, "grade", "excellent", "grades are for party bodies only"),
    "body without host": ("bodies", "B20,园区妇委会,women,committee,,R5,", "B20,园区妇委会,women,committee,,,",
                          "bodies.csv", 20, "org_id", "", "a host"),
    "dissolved before founded": ("bodies", "B20,园区妇委会,women,committee,,R5,,2011-05-01,",
                                 "B20,园区妇委会,women,committee,,R5,,2011-05-01,2011-01-01",
                                 "bodies.csv", 20, "dissolved", "2011-01-01", "on or after founded (2011-05-01)"),
    "post after dissolution": ("posts", "P12,B15,chair,2010-01-01,", "P12,B15,chair,2012-05-01,",
                               "posts.csv", 20, "start", "2012-05-01", "before body B15 was dissolved (2012-03-01)"),
    "identical posts": ("posts", "P18,B21,secretary,2011-01-01,", "P18,B21,secretary,2011-01-01,\nP18,B21,secretary,2011-01-01,",
                        "posts.csv", 28, "person_id,body_id,role,start", "P18, B21, secretary, 2011-01-01", "unique"),
    "empty required cell": ("people", "P2,李强,M", "P2,,M", "people.csv", 3, "name", "", "non-empty"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_problem_is_named_precisely(copy, case):
    table, old, new, file, row, column, value, words = CASES[case]
    edit(copy, table, old, new)
    p = one(copy)
    assert (p.file, p.row, p.column, p.value) == (file, row, column, value), str(p)
    assert words in p.expected, str(p)
    assert file in str(p) and f"row {row}" in str(p)


def test_every_problem_at_once(copy):
    for case in ("bad enum", "bad date", "dangling reference", "female over total"):
        table, old, new, *_ = CASES[case]
        edit(copy, table, old, new)
    found = problems(copy)
    assert {(p.file, p.column) for p in found} == {
        ("organizations.csv", "kind"), ("posts.csv", "start"), ("posts.csv", "body_id"), ("organizations.csv", "female_staff")}


def test_missing_table(copy):
    (copy / "posts.csv").unlink()
    p = one(copy)
    assert p.file == "posts" and "the table posts" in p.expected


def test_optional_table_may_be_absent(copy):
    for table in ("liaisons", "visits", "demo_points", "pairings"):
        (copy / f"{table}.csv").unlink()
    assert len(load_dataset(copy)["liaisons"]) == 0


def test_missing_column(copy):
    path = copy / "organizations.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(",".join(line.split(",")[:5] + line.split(",")[6:]) for line in lines) + "\n", encoding="utf-8")
    p = one(copy)
    assert (p.file, p.row, p.column) == ("organizations.csv", 1, "female_staff")
    assert "女职工数" in p.expected  # the aliases are offered


def test_unknown_table(copy):
    (copy / "cadres.csv").write_text("id\nX\n", encoding="utf-8")
    p = one(copy)
    assert p.file == "cadres.csv" and "regions" in p.expected


def test_region_cycle(copy):
    edit(copy, "regions", "R0,测试县,county,", "R0,测试县,county,R3")
    found = problems(copy)
    assert [(p.row, p.column) for p in found] == [(2, "parent_id"), (3, "parent_id"), (5, "parent_id")]
    assert all("loops" in p.expected for p in found)


def test_extra_columns_are_kept(copy):
    path = copy / "organizations.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",统一社会信用代码", lines[1] + ",91330825", *(line + "," for line in lines[2:])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    orgs = load_dataset(copy)["organizations"]
    assert orgs.set_index("id").loc["O1", "统一社会信用代码"] == "91330825"


def test_accepted_spellings(copy):
    edit(copy, "posts", "P1,B8,chair,2010-01-01", "P1,B8,chair,2010/1/1")
    edit(copy, "posts", "P2,B6,secretary,2005-01-01", "P2,B6,secretary,2005年1月1日")
    edit(copy, "organizations", "O2,新光电子,enterprise,R5,true,32,50", "O2,新光电子,非公企业,R5,是,３２,５０")
    edit(copy, "organizations", "O1,华美服装厂", " O1 ,华美服装厂")
    data = load_dataset(copy)
    orgs = data["organizations"].set_index("id")
    assert orgs.loc["O2", "female_staff"] == 32 and orgs.loc["O2", "kind"] == "enterprise"
    assert "O1" in orgs.index
    posts = data["posts"]
    assert str(posts.loc[posts.body_id == "B8", "start"].iloc[0].date()) == "2010-01-01"


def test_gb18030_and_chinese_headers(copy):
    frame = (copy / "regions.csv").read_text(encoding="utf-8").replace("id,name,level,parent_id", "编号,名称,层级,上级")
    frame = frame.replace("county", "县").replace("township", "乡镇")
    (copy / "regions.csv").write_bytes(frame.encode("gb18030"))
    (copy / "people.csv").write_bytes(b"\xef\xbb\xbf" + (copy / "people.csv").read_bytes())  # UTF-8 with BOM
    data = load_dataset(copy)
    regions = data["regions"].set_index("id")
    assert regions.loc["R0", "name"] == "测试县" and regions.loc["R1", "level"] == "township"
    assert data["people"].set_index("id").loc["P1", "name"] == "王秀英"


def test_binary_and_undecodable_files(copy):
    (copy / "visits.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (copy / "pairings.csv").write_bytes("org_id,demo_point_id,since\nO7,D1,2011-03-01\n".encode("utf-16"))
    found = problems(copy)
    assert {p.file for p in found} == {"visits.csv", "pairings.csv"}


def test_excel_workbook(tmp_path):
    import pandas as pd

    book = tmp_path / "tiny.xlsx"
    with pd.ExcelWriter(book) as writer:
        for csv in sorted(TINY.glob("*.csv")):
            frame = pd.read_csv(csv, dtype=str, keep_default_na=False)
            if csv.stem == "organizations":
                frame["female_staff"] = frame["female_staff"].astype(int)  # numbers as numbers
            if csv.stem == "posts":
                frame["start"] = pd.to_datetime(frame["start"])  # dates as Excel dates
            sheet = "组织" if csv.stem == "organizations" else csv.stem  # a Chinese sheet name
            frame.to_excel(writer, sheet_name=sheet, index=False)
    import orgnet

    net = orgnet.load(book)
    assert sorted(net.overlaps("2012-06-30", lens="all").person_id) == ["P1", "P2", "P3", "P4", "P6", "P7"]


def test_excel_errors_name_the_sheet(tmp_path):
    import pandas as pd

    book = tmp_path / "bad.xlsx"
    with pd.ExcelWriter(book) as writer:
        for csv in sorted(TINY.glob("*.csv")):
            frame = pd.read_csv(csv, dtype=str, keep_default_na=False)
            if csv.stem == "people":
                frame.loc[2, "gender"] = "X"
            frame.to_excel(writer, sheet_name=csv.stem, index=False)
    found = problems(book)
    assert [(p.file, p.row, p.column, p.value) for p in found] == [("bad.xlsx[people]", 4, "gender", "X")]
    import orgnet  # a workbook read for gaps alone: the people sheet is not checked

    gaps = orgnet.load(book, tables=orgnet.TABLES_USED["gaps"])
    pd.testing.assert_frame_equal(gaps.gaps("2012-06-30"), orgnet.load(TINY).gaps("2012-06-30"))
    assert "people" in gaps.dataset.skipped


def test_repeated_composite_keys_are_found_and_nothing_else(copy):
    """Posts repeat only when all four key columns do; empty dates and unknown people count too."""
    posts = copy / "posts.csv"
    n = len(posts.read_text(encoding="utf-8").splitlines())  # the next row's number
    extra = ["P1,B1,member,2011-01-01,",    # n+1
             "P1,B1,member,2011-01-01,",    # n+2: repeats n+1
             "P1,B1,chair,2011-01-01,",     # another role
             "P2,B1,member,2011-01-01,",    # another person
             "P1,B1,member,2011-01-02,",    # another day
             "P1,B2,member,,",              # n+6
             "P1,B2,member,,"]              # n+7: repeats n+6 (empty start)
    posts.write_text(posts.read_text(encoding="utf-8") + "\n".join(extra) + "\n", encoding="utf-8")
    found = [(p.row, p.expected) for p in problems(copy)]
    assert found == [(n + 2, f"a unique (person_id, body_id, role, start) (row {n + 1} has the same)"),
                     (n + 7, f"a unique (person_id, body_id, role, start) (row {n + 6} has the same)")]


def test_repeated_composite_key_with_an_unknown_person(copy):
    posts = copy / "posts.csv"
    n = len(posts.read_text(encoding="utf-8").splitlines())
    posts.write_text(posts.read_text(encoding="utf-8") + "PX,B1,member,2011-01-01,\nPX,B1,member,2011-01-01,\n",
                     encoding="utf-8")
    found = sorted((p.row, p.column, p.expected) for p in problems(copy))
    assert found == [(n + 1, "person_id", "an id from people"), (n + 2, "person_id", "an id from people"),
                     (n + 2, "person_id,body_id,role,start",
                      f"a unique (person_id, body_id, role, start) (row {n + 1} has the same)")]


def test_parquet_files_of_any_cell_types(copy):
    """Typed Parquet columns (pandas' float ints with gaps, timestamps, categories, booleans) read like CSV."""
    import pandas as pd

    import orgnet

    orgs = pd.read_csv(copy / "organizations.csv", dtype=str, keep_default_na=False)
    orgs["female_staff"] = pd.to_numeric(orgs["female_staff"]).astype(float)  # whole numbers as floats
    orgs["kind"] = orgs["kind"].astype("category")
    orgs["two_new"] = orgs["two_new"] != "false"  # (tiny spells true five ways)
    orgs.to_parquet(copy / "organizations.parquet")
    (copy / "organizations.csv").unlink()
    bodies = pd.read_csv(copy / "bodies.csv", dtype=str, keep_default_na=False)
    bodies["founded"] = pd.to_datetime(bodies["founded"])  # midnight timestamps
    bodies.replace("", None).to_parquet(copy / "bodies.parquet")
    (copy / "bodies.csv").unlink()
    net = orgnet.load(copy)
    pd.testing.assert_frame_equal(net.gaps("2012-06-30"), orgnet.load(TINY).gaps("2012-06-30"))
    pd.testing.assert_frame_equal(net.tables["bodies"], orgnet.load(TINY).tables["bodies"])


def test_parquet_problems_are_named(copy):
    import pandas as pd

    pd.DataFrame({"id": ["X1"], "tags": [["a", "b"]]}).to_parquet(copy / "venues.parquet")
    (copy / "venues.csv").unlink()
    (copy / "visits.parquet").write_bytes(b"PAR1 not really")
    (copy / "visits.csv").unlink()
    orgs = pd.read_csv(copy / "organizations.csv", dtype=str, keep_default_na=False)
    orgs.loc[1, "female_staff"] = "3.5"
    orgs["female_staff"] = orgs["female_staff"].astype(float)
    orgs.to_parquet(copy / "organizations.parquet")
    (copy / "organizations.csv").unlink()
    pd.read_csv(copy / "pairings.csv", dtype=str).to_parquet(copy / "pairings.parquet")  # a second file
    found = {(p.file, p.row, p.column, p.value): p.expected for p in problems(copy)}
    assert found.pop(("venues.parquet", 1, "tags", "list<element: string>")) == "a column of text, numbers, booleans or dates"
    assert found.pop(("organizations.parquet", 3, "female_staff", "3.5")).startswith("a whole number")
    assert found.pop(("pairings.parquet", None, None, "pairings")).startswith("one file per table (pairings.csv")
    ((file, *_), expected), = found.items()
    assert file == "visits.parquet" and expected.startswith("a readable Parquet file")
