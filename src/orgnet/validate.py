"""Raw text tables + the schema → a typed ``Dataset``, or a ``ValidationError`` listing every problem.

Each check is vectorized over a column, so a million rows validate in seconds. Row numbers are the
ones a person sees in a spreadsheet: the header is row 1, the first data row is row 2.

Accepted spellings, beyond the plain ones:

- headers: the English column name or any alias in the schema (``名称``, ``上級``…), any case;
- booleans: true/false, 1/0, yes/no, y/n, 是/否, t/f;
- dates: ``2012-06-30``, also ``2012/6/30``, ``2012.6.30`` and ``2012年6月30日``;
- numbers and dates: full-width digits (``３０``) are read as ASCII digits;
- every cell: leading and trailing spaces are removed.

Examples
--------
>>> import pandas as pd
>>> from orgnet.read import RawDataset, RawTable
>>> raw = RawDataset(".")
>>> raw.tables["regions"] = RawTable("regions", "regions.csv", pd.DataFrame(
...     {"id": ["R1", "R2"], "name": ["北湖区", "石盖塘街道"], "level": ["district", "街道"], "parent_id": ["", "R9"]}))
>>> try:
...     validate(raw)
... except ValidationError as err:
...     print(*err.problems[-2:], sep="\\n")
posts: expected the table posts (posts.csv or a sheet of that name)
regions.csv row 3, column parent_id: got 'R9', expected an id from regions
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from .dataset import Dataset
from .errors import Problem, ValidationError
from .read import RawDataset, RawTable
from .schema import SCHEMA, Column, Schema, Table

TRUE_WORDS = {"true", "1", "yes", "y", "t", "是", "真"}
FALSE_WORDS = {"false", "0", "no", "n", "f", "否", "假"}
_DATE_FORMS = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_INT_FORM = re.compile(r"^[+-]?\d+$")
#: At most this many problems of one kind (table, column, expectation) are listed one by one.
PROBLEMS_PER_KIND = 50
#: The longest cell accepted, in characters (a 50 MB cell is a broken export, not a name).
MAX_CELL_CHARS = 10_000
#: Ids may not contain white space, control characters or bidirectional overrides.
_BAD_ID_CHARS = re.compile(r"[\s\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_EXCEL_SERIAL = re.compile(r"^\d{5}(\.\d+)?$")


def validate(raw: RawDataset, schema: Schema = SCHEMA) -> Dataset:
    """Check a raw dataset against the contract and return it typed; raise with every problem."""
    problems = list(raw.problems)
    tables: dict[str, pd.DataFrame] = {}
    sources: dict[str, str] = {}
    broken = set(raw.unreadable)  # tables whose content is unknown: no reference checks into them
    for table in schema.tables.values():
        if table.name not in raw.tables:
            if table.required and table.name not in broken:
                problems.append(Problem(table.name, None, None, None,
                                        f"the table {table.name} ({table.name}.csv or a sheet of that name)"))
            tables[table.name] = _empty_table(table)
            continue
        rt = raw.tables[table.name]
        sources[table.name] = rt.source
        if table.required and rt.frame.empty:
            problems.append(Problem(rt.source, None, None, None, "at least one data row below the header"))
            broken.add(table.name)
        tables[table.name] = _typed_table(rt, table, problems)
    problems += _key_problems(tables, sources, schema)
    problems += _reference_problems(tables, sources, schema, skip=broken)
    problems += _row_rule_problems(tables, sources, schema)
    problems += _region_cycles(tables["regions"], sources.get("regions", "regions"))
    if problems:
        raise ValidationError(_capped(problems))
    _apply_derived_defaults(tables)
    return Dataset(tables=tables, source=str(raw.path))


def _capped(problems: list[Problem]) -> list[Problem]:
    """Keep every kind of problem but at most PROBLEMS_PER_KIND of each, plus a count of the rest."""
    seen: dict[tuple, int] = {}
    kept = []
    for p in problems:
        kind = (p.file, p.column, p.expected)
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] <= PROBLEMS_PER_KIND:
            kept.append(p)
    for (file, column, expected), n in seen.items():
        if n > PROBLEMS_PER_KIND:
            kept.append(Problem(file, None, column, None, f"{expected} (and {n - PROBLEMS_PER_KIND} more rows like this)"))
    return kept


def _empty_table(table: Table) -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in table.columns})
    for col in table.columns.values():
        frame[col.name] = _empty_series(col)
    frame["_row"] = pd.Series(dtype="int64")
    return frame


def _empty_series(col: Column) -> pd.Series:
    if col.type == "int":
        return pd.Series(dtype="Int64")
    if col.type == "bool":
        return pd.Series(dtype=bool)
    if col.type == "date":
        return pd.Series(dtype="datetime64[s]")
    return pd.Series(dtype=object)


def _typed_table(rt: RawTable, table: Table, problems: list[Problem]) -> pd.DataFrame:
    """Map headers, check presence, parse every column into its type."""
    names = table.header_names()
    canonical: dict[str, str] = {}
    for header in rt.frame.columns:
        name = names.get(header.strip().lower(), header)
        if name in canonical.values():
            problems.append(Problem(rt.source, 1, header, header, f"one column for {name} (it appears twice)"))
            continue
        canonical[header] = name
    frame = rt.frame[list(canonical)].rename(columns=canonical)
    rows = pd.Series(frame.index.to_numpy() + 2, index=frame.index)
    out = pd.DataFrame(index=frame.index)
    for col in table.columns.values():
        if col.name not in frame.columns:
            if col.required:
                aliases = f" (or {', '.join(col.aliases)})" if col.aliases else ""
                problems.append(Problem(rt.source, 1, col.name, None, f"a column named {col.name}{aliases}"))
            out[col.name] = _default_series(col, frame.index)
            continue
        out[col.name] = _parse_column(frame[col.name], col, rt.source, rows, problems)
    for extra in frame.columns:
        if extra not in table.columns:
            out[extra] = frame[extra].str.strip()
    out["_row"] = rows
    return out


def _default_series(col: Column, index: pd.Index) -> pd.Series:
    if col.type == "bool":
        return pd.Series(bool(col.default), index=index, dtype=bool)
    if col.type == "int":
        return pd.Series(pd.NA if col.default is None else col.default, index=index, dtype="Int64")
    if col.type == "date":
        return pd.Series(pd.NaT, index=index, dtype="datetime64[s]")
    return pd.Series(col.default, index=index, dtype=object)


def _parse_column(cells: pd.Series, col: Column, source: str, rows: pd.Series, problems: list[Problem]) -> pd.Series:
    text = cells.astype(str).str.strip()
    empty = text == ""

    def flag(mask: pd.Series, expected) -> None:
        for i in mask[mask].index:
            problems.append(Problem(source, int(rows[i]), col.name, cells[i], expected(cells[i]) if callable(expected) else expected))

    too_long = text.str.len() > MAX_CELL_CHARS
    flag(too_long, f"at most {MAX_CELL_CHARS:,} characters in a cell")
    text = text.where(~too_long, "")
    flag(_mojibake(text), lambda v: f"readable text (this looks mis-decoded; did it mean {_unmangle(v)!r}?)")
    if col.type in ("id", "ref"):
        flag(text.str.contains(_BAD_ID_CHARS), "an id without spaces, line breaks or control characters")
    if not col.nullable and col.default is None:
        flag(empty & ~too_long, col.expectation())
    if col.type in ("id", "str", "ref"):
        return text.where(~empty, None).astype(object)
    if col.type == "enum":
        return _parse_enum(text, empty, col, flag)
    if col.type == "bool":
        return _parse_bool(text, empty, col, flag)
    if col.type == "int":
        return _parse_int(text, empty, col, flag)
    return _parse_date(text, empty, col, flag)


def _parse_enum(text, empty, col, flag) -> pd.Series:
    lookup = {v: v for v in col.values}
    lookup.update({v.lower(): v for v in col.values})
    lookup.update(col.value_aliases)
    lookup.update({k.lower(): v for k, v in col.value_aliases.items()})
    mapped = text.map(lambda s: lookup.get(s, lookup.get(s.lower())))
    flag(~empty & mapped.isna(), col.expectation())
    if col.default is not None:
        mapped = mapped.where(~empty, col.default)
    return mapped.astype(object).where(mapped.notna(), None)


def _parse_bool(text, empty, col, flag) -> pd.Series:
    lower = text.map(lambda s: unicodedata.normalize("NFKC", s).lower())
    true, false = lower.isin(TRUE_WORDS), lower.isin(FALSE_WORDS)
    flag(~empty & ~true & ~false, col.expectation())
    return (true | (empty & bool(col.default))).astype(bool)


def _unmangle(text: str) -> str | None:
    """What a mis-decoded string stood for ("" when unrecoverable), or None when it looks fine.

    Catches UTF-8 bytes read as GBK/GB18030 (鍗庣編 for 华美), UTF-8 read as Latin-1 (Ã©),
    and text that already lost characters (U+FFFD, 锟斤拷).

    >>> _unmangle("鍗庣編鏈嶈"), _unmangle("华美服装"), _unmangle("Ã©cole"), _unmangle("王�")
    ('华美服', None, 'école', '')
    """
    if "\ufffd" in text or "锟斤拷" in text:
        return ""
    if not _is_gb2312(text):  # everyday Chinese is GB2312; UTF-8-as-GBK mojibake rarely is
        right = text.encode("gb18030", errors="replace").decode("utf-8", errors="replace")
        wide = [c for c in right if not c.isascii() and c != "\ufffd"]
        if len(wide) >= 2 and right.count("\ufffd") <= 2 and all(_is_han(c) for c in wide):
            return right.replace("\ufffd", "")
    for wrong in ("cp1252", "latin-1"):
        try:
            right = text.encode(wrong).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if right != text:
            return right
    return None


def _is_gb2312(text: str) -> bool:
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef"


def _mojibake(text: pd.Series) -> pd.Series:
    """Cells whose text is UTF-8 that was decoded with the wrong encoding somewhere upstream."""
    wide = text[~text.map(str.isascii)]
    if wide.empty:
        return pd.Series(False, index=text.index)
    verdict = {v: _unmangle(v) is not None for v in wide.unique()}
    return text.map(lambda v: verdict.get(v, False)).astype(bool)


def _ascii_digits(text: pd.Series) -> pd.Series:
    """Full-width digits and punctuation (``３０``) folded to ASCII; ASCII columns pass untouched."""
    if text.map(str.isascii).all():
        return text
    return text.map(lambda s: unicodedata.normalize("NFKC", s))


def _parse_int(text, empty, col, flag) -> pd.Series:
    norm = _ascii_digits(text)
    well_formed = norm.str.match(_INT_FORM)
    flag(~empty & ~well_formed, col.expectation())
    numbers = pd.to_numeric(norm.where(well_formed & ~empty), errors="coerce").astype("Int64")
    if col.min is not None:
        flag((numbers < col.min).fillna(False).astype(bool), col.expectation())
    if col.default is not None:
        numbers = numbers.fillna(col.default)
    return numbers


def _parse_date(text, empty, col, flag) -> pd.Series:
    norm = _ascii_digits(text)
    parts = norm.str.extract(_DATE_FORMS)
    iso = parts[0] + "-" + parts[1].str.zfill(2) + "-" + parts[2].str.zfill(2)
    dates = pd.to_datetime(iso, format="%Y-%m-%d", errors="coerce")
    serial = norm.str.match(_EXCEL_SERIAL)
    flag(~empty & dates.isna() & ~serial, col.expectation())
    flag(~empty & serial, f"{col.expectation()} (this looks like an Excel date serial number: "
                          "format the column as a date, or as text YYYY-MM-DD)")
    return dates.astype("datetime64[s]")


def _key_problems(tables: dict[str, pd.DataFrame], sources: dict[str, str], schema: Schema) -> list[Problem]:
    """Rows that repeat an earlier row's key (an id, or a post's person/body/role/start)."""
    found = []
    for table in schema.tables.values():
        frame = tables[table.name]
        key = list(table.key)
        if frame.empty or not key:
            continue
        keyed = frame.dropna(subset=["id"]) if key == ["id"] else frame
        dup = keyed.duplicated(key, keep=False)
        if not dup.any():
            continue
        first_row = keyed[dup].groupby(key, dropna=False, sort=False)["_row"].transform("min")
        what = "a unique id" if key == ["id"] else f"a unique ({', '.join(key)})"
        for i, first in first_row.items():
            row = int(keyed.at[i, "_row"])
            if row != first:
                value = ", ".join(_text(keyed.at[i, k]) for k in key)
                found.append(Problem(sources[table.name], row, ",".join(key), value, f"{what} (row {int(first)} has the same)"))
    return found


def _reference_problems(tables, sources, schema: Schema, skip: set[str]) -> list[Problem]:
    found = []
    for table in schema.tables.values():
        frame = tables[table.name]
        for column, target in table.refs().items():
            if target in skip:
                continue
            known = tables[target]["id"]
            refs = frame[column]
            dangling = refs.notna() & ~refs.isin(known)
            for i in dangling[dangling].index:
                found.append(Problem(sources[table.name], int(frame.at[i, "_row"]), column, refs[i], f"an id from {target}"))
    return found


def _row_rule_problems(tables, sources, schema: Schema) -> list[Problem]:
    """Rules that compare columns of one row, or a row with the row it points to."""
    found: list[Problem] = []

    def flag(table: str, mask: pd.Series, column: str, values: pd.Series, expected) -> None:
        frame = tables[table]
        for i in mask[mask.fillna(False).astype(bool)].index:
            exp = expected(i) if callable(expected) else expected
            found.append(Problem(sources.get(table, table), int(frame.at[i, "_row"]), column, _text(values[i]), exp))

    orgs = tables["organizations"]
    flag("organizations", orgs["female_staff"] > orgs["total_staff"], "female_staff", orgs["female_staff"],
         lambda i: f"at most total_staff ({orgs.at[i, 'total_staff']})")

    bodies = tables["bodies"]
    allowed = bodies["system"].map(lambda s: schema.system_types.get(s, ()))
    wrong_type = pd.Series([t is not None and s is not None and t not in a for t, s, a in
                            zip(bodies["type"], bodies["system"], allowed)], index=bodies.index, dtype=bool)
    flag("bodies", wrong_type, "type", bodies["type"],
         lambda i: f"a {bodies.at[i, 'system']} type: {', '.join(schema.system_types[bodies.at[i, 'system']])}")
    flag("bodies", bodies["grade"].notna() & (bodies["system"] != "party"), "grade", bodies["grade"],
         "no grade: grades are for party bodies only")
    flag("bodies", bodies["org_id"].isna() & bodies["region_id"].isna(), "org_id", bodies["org_id"],
         "a host: org_id, or region_id for a region-level body")
    flag("bodies", bodies["dissolved"] < bodies["founded"], "dissolved", bodies["dissolved"],
         lambda i: f"a date on or after founded ({_text(bodies.at[i, 'founded'])})")

    posts = tables["posts"]
    flag("posts", posts["end"] < posts["start"], "end", posts["end"],
         lambda i: f"a date on or after start ({_text(posts.at[i, 'start'])})")
    if len(posts) and len(bodies):
        dissolved_on = bodies.drop_duplicates("id").set_index("id")["dissolved"]
        dissolved = pd.to_datetime(posts["body_id"].map(dissolved_on)).astype("datetime64[s]")
        flag("posts", posts["start"] >= dissolved, "start", posts["start"],
             lambda i: f"a date before body {posts.at[i, 'body_id']} was dissolved ({_text(dissolved[i])})")

    for name, first, last in (("liaisons", "since", "until"), ("venue_uses", "since", "until")):
        frame = tables[name]
        flag(name, frame[last] < frame[first], last, frame[last],
             lambda i, frame=frame, first=first: f"a date on or after {first} ({_text(frame.at[i, first])})")
    return found


def _text(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)


def _region_cycles(regions: pd.DataFrame, source: str) -> list[Problem]:
    """Every region whose parent chain comes back to itself."""
    parent = dict(zip(regions["id"], regions["parent_id"]))
    rows = dict(zip(regions["id"], regions["_row"]))
    state: dict[str, int] = {}  # 1 = on the current path, 2 = known to reach a root
    in_cycle: set[str] = set()
    for start in parent:
        path = []
        node = start
        while node is not None and node in parent and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = parent[node]
        if node is not None and state.get(node) == 1:
            in_cycle.update(path[path.index(node):])
        for n in path:
            state[n] = 2
    return [Problem(source, int(rows[r]), "parent_id", parent[r], "a parent chain that ends at a root (this one loops)")
            for r in sorted(in_cycle, key=lambda r: rows[r])]


def _apply_derived_defaults(tables: dict[str, pd.DataFrame]) -> None:
    """Defaults that depend on another column: an empty party grade means unrated."""
    bodies = tables["bodies"]
    party = bodies["system"] == "party"
    bodies.loc[party & bodies["grade"].isna(), "grade"] = "unrated"
    # A body hosted by an organization lies in that organization's region.
    org_region = bodies["org_id"].map(tables["organizations"].set_index("id")["region_id"])
    bodies["region_id"] = bodies["region_id"].where(bodies["region_id"].notna(), org_region)
    bodies["region_id"] = bodies["region_id"].astype(object).where(bodies["region_id"].notna(), None)
