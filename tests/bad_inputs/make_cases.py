"""Write the bad-input corpus: one folder per case, each the tiny dataset's changed files plus
``expected.toml`` (the problems orgnet must report, or ``expect = "ok"`` for accepted spellings).

Run ``python tests/bad_inputs/make_cases.py`` after changing tests/data/tiny; the folders are
committed so a reader can open a case and see the bad file. Cases too big to commit (a 50 MB cell, a
million empty rows) or binary (workbooks) are built at test time by ``builders.py``, named by
``build = "…"`` in their expected.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
TINY = HERE.parent / "data" / "tiny"


def P(file, row, column, value, expected):  # noqa: N802 - reads like a table row
    return {"file": file, "row": row, "column": column, "value": value, "expected": expected}


# name: (doc, edits {table: [(old, new)]}, remove [tables], problems | "ok", build)
CASES = {
    "missing-table": ("posts.csv is absent", {}, ["posts"], [P("posts", None, None, None, "the table posts")], None),
    "missing-column": ("organizations.csv has no female_staff column", {"organizations": [("__drop_column__", "female_staff")]}, [],
                       [P("organizations.csv", 1, "female_staff", None, "a column named female_staff")], None),
    "empty-file": ("people.csv is zero bytes", {"people": [("__replace__", "")]}, [],
                   [P("people.csv", None, None, None, "the file is empty")], None),
    "header-only": ("regions.csv has a header and no rows", {"regions": [("__replace__", "id,name,level,parent_id\n")]}, [],
                    [P("regions.csv", None, None, None, "at least one data row")], None),
    "semicolons": ("bodies.csv separated by semicolons", {"bodies": [("__replace_char__", (",", ";"))]}, [],
                   [P("bodies.csv", 1, None, None, "separated by semicolons")], None),
    "tabs": ("visits.csv separated by tabs", {"visits": [("__replace_char__", (",", "\t"))]}, [],
             [P("visits.csv", 1, None, None, "separated by tabs")], None),
    "quoted-newline-in-id": ("an organization id with a line break inside quotes", {"organizations": [("O3,小康超市", '"O\n3",小康超市')]}, [],
                             [P("organizations.csv", 4, "id", None, "an id without spaces, line breaks"),
                              P("bodies.csv", 18, "org_id", "O3", "an id from organizations")], None),
    "quoted-newline-in-name": ("a name with a line break inside quotes is kept as it is", {"organizations": [("O3,小康超市", 'O3,"小康\n超市"')]}, [], "ok", None),
    "ragged-long": ("a row with one field too many", {"people": [("P2,李强,M,1970,secondary,true,O5,false", "P2,李强,M,1970,secondary,true,O5,false,extra")]}, [],
                    [P("people.csv", 3, None, None, "8 fields like the header, got 9")], None),
    "ragged-short": ("a row with two fields too few", {"people": [("P2,李强,M,1970,secondary,true,O5,false", "P2,李强,M,1970,secondary,true")]}, [],
                     [P("people.csv", 3, None, None, "8 fields like the header, got 6")], None),
    "bom-in-middle": ("two files pasted together: a second BOM and header in the middle", {"demo_points": [("D2,", "\ufeffid,name,org_id,since\nD2,")]}, [],
                      [P("demo_points.csv", 3, None, None, "no byte-order mark inside the file")], None),
    "utf8-read-as-gbk": ("UTF-8 names that went through a GBK decode (mojibake) and were saved again",
                         {"organizations": [("华美服装厂", "华美服装厂".encode("utf-8").decode("gb18030", errors="replace"))]}, [],
                         [P("organizations.csv", 2, "name", None, "looks mis-decoded")], None),
    "gbk-lost-characters": ("a GBK file once opened as UTF-8: replacement characters (锟斤拷)",
                            {"people": [("王秀英", "锟斤拷英")]}, [], [P("people.csv", 2, "name", "锟斤拷英", "looks mis-decoded")], None),
    "latin1-mojibake": ("UTF-8 read as Latin-1", {"regions": [("东镇", "东镇".encode("utf-8").decode("latin-1"))]}, [],
                        [P("regions.csv", 3, "name", None, "looks mis-decoded")], None),
    "utf16-file": ("a UTF-16 export", {"pairings": [("__encoding__", "utf-16")]}, [],
                   [P("pairings.csv", None, None, None, "this file is UTF-16")], None),
    "gb18030-file": ("a GB18030 export with Chinese headers is fine", {"regions": [("__encoding__", "gb18030"), ("id,name,level,parent_id", "编号,名称,层级,上级")]}, [], "ok", None),
    "binary-csv": ("a PNG named .csv", {}, [], [P("visits.csv", None, None, None, "binary")], "binary_csv"),
    "unknown-table": ("a file that is no table", {"cadres": [("__new__", "id,name\nX1,某人\n")]}, [],
                      [P("cadres.csv", None, None, "cadres", "a table name")], None),
    "duplicate-column": ("id twice in the header", {"visits": [("person_id,body_id,date", "person_id,body_id,date,person_id"), ("__append_field__", "P6")]}, [],
                         [P("visits.csv", 1, "person_id", None, "one column for person_id")], None),
    "bad-enum": ("an organization kind that does not exist", {"organizations": [("O2,新光电子,enterprise", "O2,新光电子,factory")]}, [],
                 [P("organizations.csv", 3, "kind", "factory", "one of enterprise")], None),
    "bad-chinese-enum": ("gender 未知", {"people": [("P2,李强,M", "P2,李强,未知")]}, [], [P("people.csv", 3, "gender", "未知", "one of F, M")], None),
    "bad-bool": ("two_new = maybe", {"organizations": [("O9,红星物流,enterprise,R1,y,", "O9,红星物流,enterprise,R1,maybe,")]}, [],
                 [P("organizations.csv", 10, "two_new", "maybe", "boolean")], None),
    "bad-date": ("a 13th month", {"posts": [("P3,B4,chair,2010-03-08", "P3,B4,chair,2010-13-08")]}, [],
                 [P("posts.csv", 8, "start", "2010-13-08", "YYYY-MM-DD")], None),
    "impossible-date": ("30 February", {"posts": [("P3,B4,chair,2010-03-08", "P3,B4,chair,2010-02-30")]}, [],
                        [P("posts.csv", 8, "start", "2010-02-30", "YYYY-MM-DD")], None),
    "day-first-date": ("30/06/2012 is ambiguous and refused", {"visits": [("P6,B4,2012-03-01", "P6,B4,01/03/2012")]}, [],
                       [P("visits.csv", 2, "date", "01/03/2012", "YYYY-MM-DD")], None),
    "slash-date": ("2012/6/30 is accepted", {"posts": [("P1,B8,chair,2010-01-01", "P1,B8,chair,2010/1/1")]}, [], "ok", None),
    "chinese-date": ("2012年6月30日 is accepted", {"posts": [("P1,B8,chair,2010-01-01", "P1,B8,chair,2010年1月1日")]}, [], "ok", None),
    "excel-serial-date-in-csv": ("an Excel serial number where a date belongs", {"posts": [("P1,B8,chair,2010-01-01", "P1,B8,chair,40179")]}, [],
                                 [P("posts.csv", 4, "start", "40179", "Excel date serial number")], None),
    "fullwidth-digits": ("３０ is read as 30", {"organizations": [("O10,未来科技,enterprise,R5,true,30,30", "O10,未来科技,enterprise,R5,true,３０,３０")]}, [], "ok", None),
    "trailing-spaces-in-ids": ("ids with spaces around them are trimmed", {"organizations": [("O1,华美服装厂", "O1  ,华美服装厂")], "bodies": [("B1,华美党支部,party,branch,O1,", "B1,华美党支部,party,branch, O1 ,")]}, [], "ok", None),
    "space-inside-id": ("an id with a space inside", {"people": [("P11,黄娟", "P 11,黄娟")]}, [], [P("people.csv", 12, "id", "P 11", "an id without spaces")], None),
    "rtl-override-in-id": ("a right-to-left override hidden in an id", {"people": [("P11,黄娟", "P1\u202e1,黄娟")]}, [], [P("people.csv", 12, "id", "P1\u202e1", "control characters")], None),
    "control-char-in-name": ("a control character (U+0001) in a name: no XML export could hold it",
                             {"organizations": [("O1,华美服装厂", "O1,华美\x01服装厂")]}, [],
                             [P("organizations.csv", 2, "name", "华美\x01服装厂", "which XML exports cannot hold")], None),
    "escape-sequence-in-name": ("a terminal escape sequence (ESC [31m) in a name",
                                {"people": [("P1,王秀英", "P1,\x1b[31m王秀英\x1b[0m")]}, [],
                                [P("people.csv", 2, "name", "\x1b[31m王秀英\x1b[0m", "which XML exports cannot hold")], None),
    "noncharacter-in-name": ("U+FFFF in a name: XML cannot hold it", {"regions": [("R1,东镇", "R1,东镇\uffff")]}, [],
                             [P("regions.csv", 3, "name", "东镇\uffff", "which XML exports cannot hold")], None),
    "empty-id": ("an empty id", {"people": [("P11,黄娟", ",黄娟")]}, [], [P("people.csv", 12, "id", "", "a non-empty value")], None),
    "duplicate-id": ("two people with one id", {"people": [("P11,黄娟", "P10,黄娟")]}, [], [P("people.csv", 12, "id", "P10", "a unique id (row 11")], None),
    "dangling-body": ("a post in a body that does not exist", {"posts": [("P18,B21,secretary", "P18,B99,secretary")]}, [],
                      [P("posts.csv", 27, "body_id", "B99", "an id from bodies")], None),
    "dangling-region": ("an organization in an unknown region", {"organizations": [("O3,小康超市,enterprise,R1", "O3,小康超市,enterprise,R7")]}, [],
                        [P("organizations.csv", 4, "region_id", "R7", "an id from regions")], None),
    "dangling-demo-point": ("a pairing with an unknown demo point", {"pairings": [("O7,D1", "O7,D9")]}, [],
                            [P("pairings.csv", 2, "demo_point_id", "D9", "an id from demo_points")], None),
    "region-cycle": ("the county's parent is its own village", {"regions": [("R0,测试县,county,", "R0,测试县,county,R3")]}, [],
                     [P("regions.csv", 2, "parent_id", "R3", "loops"), P("regions.csv", 3, "parent_id", "R0", "loops"),
                      P("regions.csv", 5, "parent_id", "R1", "loops")], None),
    "negative-count": ("female_staff = -5", {"organizations": [("O4,爱心协会,social_org,R2,是,5,", "O4,爱心协会,social_org,R2,是,-5,")]}, [],
                       [P("organizations.csv", 5, "female_staff", "-5", "≥ 0")], None),
    "non-integer-count": ("female_staff = 5.5", {"organizations": [("O4,爱心协会,social_org,R2,是,5,", "O4,爱心协会,social_org,R2,是,5.5,")]}, [],
                          [P("organizations.csv", 5, "female_staff", "5.5", "whole number")], None),
    "female-over-total": ("more women than staff", {"organizations": [("O10,未来科技,enterprise,R5,true,30,30", "O10,未来科技,enterprise,R5,true,30,29")]}, [],
                          [P("organizations.csv", 11, "female_staff", "30", "at most total_staff (29)")], None),
    "post-end-before-start": ("a post that ends before it starts", {"posts": [("P4,B10,vice_chair,2009-01-01,2011-01-01", "P4,B10,vice_chair,2009-01-01,2008-01-01")]}, [],
                              [P("posts.csv", 11, "end", "2008-01-01", "on or after start")], None),
    "post-after-dissolution": ("a post starting after its body was dissolved", {"posts": [("P12,B15,chair,2010-01-01,", "P12,B15,chair,2012-05-01,")]}, [],
                               [P("posts.csv", 20, "start", "2012-05-01", "before body B15 was dissolved")], None),
    "identical-posts": ("one person with the same post twice", {"posts": [("P18,B21,secretary,2011-01-01,", "P18,B21,secretary,2011-01-01,\nP18,B21,secretary,2011-01-01,")]}, [],
                        [P("posts.csv", 28, "person_id,body_id,role,start", None, "unique")], None),
    "type-not-of-system": ("a union congress", {"bodies": [("B17,小康超市工会,union,committee", "B17,小康超市工会,union,congress")]}, [],
                           [P("bodies.csv", 18, "type", "congress", "a union type")], None),
    "grade-on-youth-body": ("a grade on a youth branch", {"bodies": [("B18,红星物流团支部,youth,branch,O9,,,", "B18,红星物流团支部,youth,branch,O9,,excellent,")]}, [],
                            [P("bodies.csv", 19, "grade", "excellent", "party bodies only")], None),
    "body-region-mismatch": ("a body hosted by an organization in R5 but given region R1",
                             {"bodies": [("B1,华美党支部,party,branch,O1,,", "B1,华美党支部,party,branch,O1,R1,")]}, [],
                             [P("bodies.csv", 2, "region_id", "R1", "the region of its organization O1")], None),
    "body-without-host": ("a body with neither org_id nor region_id", {"bodies": [("B20,园区妇委会,women,committee,,R5,", "B20,园区妇委会,women,committee,,,")]}, [],
                          [P("bodies.csv", 20, "org_id", None, "a host")], None),
    "link-until-before-since": ("a liaison link that ends before it starts", {"liaisons": [("P6,B11,2010-01-01,2011-12-31", "P6,B11,2010-01-01,2009-12-31")]}, [],
                                [P("liaisons.csv", 4, "until", "2009-12-31", "on or after since")], None),
    "huge-cell": ("a 50 MB name", {}, [], [P("people.csv", 3, "name", None, "at most 10,000 characters")], "huge_cell"),
    "million-empty-rows": ("a million empty rows after the data are ignored", {}, [], "ok", "million_empty_rows"),
    "excel-merged-header": ("a workbook whose header cells were merged", {}, [], [P("tiny.xlsx[organizations]", 1, "G", "", "merged header cells")], "excel_merged_header"),
    "excel-formulas": ("a workbook with formulas never calculated", {}, [], [P("tiny.xlsx[organizations]", 3, "total_staff", None, "never calculated")], "excel_formulas"),
    "excel-serial-dates": ("a workbook with dates typed as plain numbers", {}, [], [P("tiny.xlsx[posts]", 2, "start", "39448", "Excel date serial number")], "excel_serial_dates"),
    "excel-real-dates": ("a workbook with real date cells is fine", {}, [], "ok", "excel_real_dates"),
    "blank-header-with-data": ("a column with no header holding a value", {"organizations": [
        ("workforce_stable\n", "workforce_stable,\n"), ("__append_field__", ""),
        ("O2,新光电子,enterprise,R5,true,32,50,true,false,", "O2,新光电子,enterprise,R5,true,32,50,true,false,stray")]}, [],
        [P("organizations.csv", 1, "J", "", "a header in every column with data")], None),
    "wide-empty-columns": ("16,380 empty columns with no header after the data (a stray cell in column XFD) are ignored",
                           {}, [], "ok", "wide_empty_columns"),
    "excel-wide-empty-columns": ("a sheet spanning to column XFD (a formatted empty cell) is read as its columns with headers",
                                 {}, [], "ok", "excel_wide_empty_columns"),
    "excel-unknown-sheet": ("a workbook with a sheet that is no table", {}, [], [P("tiny.xlsx[Sheet1]", None, None, "Sheet1", "a table name")], "excel_unknown_sheet"),
    "soft-hyphen-in-id": ("a soft hyphen (U+00AD, invisible) inside an id", {"people": [("P11,黄娟", "P1\u00ad1,黄娟")]}, [],
                          [P("people.csv", 12, "id", "P1\u00ad1", "invisible characters")], None),
    "word-joiner-in-reference": ("a word joiner (U+2060) inside a reference", {"posts": [("P18,B21,secretary", "P1\u20608,B21,secretary")]}, [],
                                 [P("posts.csv", 27, "person_id", "P1\u20608", "invisible characters"),
                                  P("posts.csv", 27, "person_id", "P1\u20608", "an id from people")], None),
    "zero-width-space-in-id": ("a zero-width space inside an organization id", {"organizations": [("O3,小康超市", "O\u200b3,小康超市")]}, [],
                               [P("organizations.csv", 4, "id", "O\u200b3", "invisible characters"),
                                P("bodies.csv", 18, "org_id", "O3", "an id from organizations")], None),
    "bom-inside-id": ("a byte-order mark (U+FEFF) inside an id", {"people": [("P11,黄娟", "P\ufeff11,黄娟")]}, [],
                      [P("people.csv", 12, None, None, "no byte-order mark inside the file")], None),
    "nfc-nfd-duplicate-id": ("one id typed twice, é as one character (NFC) and as e + accent (NFD): the same id",
                             {"people": [("P11,黄娟,F,1983,bachelor,true,O2,false", "P\u00e9,黄娟,F,1983,bachelor,true,O2,false\n"
                                                                                   "Pe\u0301,黄娟,F,1983,bachelor,true,O2,false")]}, [],
                             [P("people.csv", 13, "id", "P\u00e9", "a unique id (row 12")], None),
    "nfd-reference-to-nfc-id": ("a reference spelled NFD (e + accent) finds the id spelled NFC (é)",
                                {"organizations": [("O3,小康超市", "O\u00e9,小康超市")], "bodies": [(",O3,", ",Oe\u0301,")]}, [], "ok", None),
    "undecodable-byte": ("a byte that is neither UTF-8 nor GB18030", {}, [],
                         [P("visits.csv", 3, None, None, "text in UTF-8 or GB18030")], "undecodable_byte"),
    "nul-deep-in-file": ("a NUL byte past the first 64 KiB (a padded or cut file)", {}, [],
                         [P("visits.csv", 70006, None, None, "without NUL bytes")], "nul_deep_in_file"),
    "huge-header-cell": ("a 200 KiB column name", {}, [], [P("people.csv", 1, None, None, "a header of column names")], "huge_header_cell"),
    "huge-quoted-cell-in-long-row": ("a quoted 200 KiB cell (past the csv module's limit), and a row with a field too many", {}, [],
                                     [P("people.csv", 2, None, None, "8 fields like the header, got 9")], "huge_quoted_cell_in_long_row"),
    "no-header-row": ("people.csv saved without its header row: one problem, no flood of missing columns or dangling ids",
                      {"people": [("id,name,gender,birth_year,education,party_member,employer_org_id,reserve_cadre\n", "")]}, [],
                      [P("people.csv", 1, None, "P1, 王秀英, F, 1975, …", "is the header row missing?")], None),
    "data-under-many-blank-headers": ("3,000 columns with no header holding data: five listed, the rest counted", {}, [],
                                      [*(P("posts.csv", 1, c, "", "a header in every column with data") for c in "FGHIJ"),
                                       P("posts.csv", 1, "K to DKO", None, "(and 2,995 more columns like this)")],
                                      "data_under_many_blank_headers"),
    "parquet-invalid-utf8": ("a Parquet string column holding a byte that is not UTF-8 (Parquet does not check)", {}, [],
                             [P("people.parquet", 2, "name", None, "text in UTF-8")], "parquet_invalid_utf8"),
}


def write_case(name: str, root: Path = HERE) -> None:
    doc, edits, remove, problems, build = CASES[name]
    folder = root / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for table, changes in edits.items():
        source = TINY / f"{table}.csv"
        text = source.read_text(encoding="utf-8") if source.exists() else ""
        encoding = "utf-8"
        for old, new in changes:
            if old == "__replace__" or old == "__new__":
                text = new
            elif old == "__replace_char__":
                text = text.replace(*new)
            elif old == "__encoding__":
                encoding = new
            elif old == "__drop_column__":
                rows = [line.split(",") for line in text.splitlines()]
                k = rows[0].index(new)
                text = "\n".join(",".join(r[:k] + r[k + 1:]) for r in rows) + "\n"
            elif old == "__append_field__":
                lines = text.splitlines()
                text = "\n".join([lines[0], *(line + "," + new for line in lines[1:])]) + "\n"
            else:
                assert old in text, (name, old)
                text = text.replace(old, new, 1)
        (folder / f"{table}.csv").write_bytes(text.encode(encoding))
    lines = [f"doc = {doc!r}"]
    if remove:
        lines.append(f"remove = {remove!r}")
    if build:
        lines.append(f"build = {build!r}")
    if problems == "ok":
        lines.append('expect = "ok"')
    else:
        lines.append('expect = "error"')
        for p in problems:
            lines.append("\n[[problems]]")
            for key, value in p.items():
                if value is not None:
                    lines.append(f"{key} = {_toml(value)}")
    (folder / "expected.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _toml(value) -> str:
    import json

    return str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)  # JSON strings are TOML


if __name__ == "__main__":
    for case in CASES:
        write_case(case)
    print(f"{len(CASES)} cases written to {HERE}")
