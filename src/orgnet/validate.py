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

import functools
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .dataset import Dataset
from .errors import Problem, ValidationError
from .read import RawDataset, RawTable
from .schema import SCHEMA, Column, Schema, Table

TRUE_WORDS = {"true", "1", "yes", "y", "t", "是", "真"}
FALSE_WORDS = {"false", "0", "no", "n", "f", "否", "假"}
_DATE_FORMS = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
#: At most this many problems of one kind (table, column, expectation) are listed one by one.
PROBLEMS_PER_KIND = 50
#: The longest cell accepted, in characters (a 50 MB cell is a broken export, not a name).
MAX_CELL_CHARS = 10_000
#: Ids may not contain white space, control characters or bidirectional overrides.
_BAD_ID_CHARS = r"[\s\x{0}-\x{1f}\x{7f}\x{a0}\x{3000}\x{200b}-\x{200f}\x{202a}-\x{202e}\x{2066}-\x{2069}\x{feff}]"


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
    """One column's cells → typed values; every bad cell becomes a Problem. Vectorized with Arrow."""
    row_numbers = rows.to_numpy()

    def flag(mask: np.ndarray, expected) -> None:
        for i in np.flatnonzero(mask):
            value = cells.iat[i]
            problems.append(Problem(source, int(row_numbers[i]), col.name, value,
                                    expected(value) if callable(expected) else expected))

    text = pc.utf8_trim_whitespace(_arrow(cells))
    too_long = _mask(pc.greater(pc.utf8_length(text), MAX_CELL_CHARS))
    if too_long.any():
        flag(too_long, f"at most {MAX_CELL_CHARS:,} characters in a cell")
        text = pc.if_else(pa.array(too_long), "", text)
    empty = _mask(pc.equal(text, ""))
    ascii_only = _mask(pc.string_is_ascii(text))
    if not ascii_only.all():
        flag(_mojibake(text), lambda v: f"readable text (this looks mis-decoded; did it mean {_unmangle(v.strip())!r}?)")
    if col.type in ("id", "ref"):
        flag(_mask(pc.match_substring_regex(text, _BAD_ID_CHARS)), "an id without spaces, line breaks or control characters")
    if not col.nullable and col.default is None:
        flag(empty & ~too_long, col.expectation())
    if col.type in ("id", "str", "ref"):
        return _strings(pc.if_else(pa.array(empty), None, text), cells.index)
    if not ascii_only.all() and col.type in ("int", "date", "bool"):
        text = pc.utf8_normalize(text, "NFKC")  # full-width digits (３０) read as ASCII
    parse = {"enum": _parse_enum, "bool": _parse_bool, "int": _parse_int, "date": _parse_date}[col.type]
    return parse(text, empty, col, flag, cells.index)


def _arrow(cells: pd.Series) -> pa.Array:
    array = pa.array(cells, type=pa.string(), from_pandas=True)
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def _mask(array) -> np.ndarray:
    """An Arrow boolean array as numpy, nulls as False."""
    return np.asarray(pc.fill_null(array, False).to_numpy(zero_copy_only=False), dtype=bool)


def _strings(array: pa.Array, index: pd.Index) -> pd.Series:
    """Text values as an object Series of ``str`` with ``None`` for empty."""
    return pd.Series(array.to_numpy(zero_copy_only=False), index=index, dtype=object)


def _by_value(text: pa.Array, decide) -> pa.Array:
    """Apply ``decide`` once per distinct value (enums, booleans): fast on millions of rows."""
    encoded = pc.dictionary_encode(text)
    decided = pa.array([decide(v) for v in encoded.dictionary.to_pylist()])
    return pc.take(decided, encoded.indices)


def _parse_enum(text, empty, col, flag, index) -> pd.Series:
    lookup = {v: v for v in col.values}
    lookup.update({v.lower(): v for v in col.values})
    lookup.update(col.value_aliases)
    lookup.update({k.lower(): v for k, v in col.value_aliases.items()})
    mapped = _by_value(text, lambda s: lookup.get(s, lookup.get(s.lower())))
    flag(~empty & _mask(pc.is_null(mapped)), col.expectation())
    values = mapped.to_numpy(zero_copy_only=False)
    if col.default is not None:
        values[empty] = col.default
    return pd.Series(values, index=index, dtype=object)


def _parse_bool(text, empty, col, flag, index) -> pd.Series:
    truth = _by_value(text, lambda s: True if s.lower() in TRUE_WORDS else False if s.lower() in FALSE_WORDS else None)
    known = ~_mask(pc.is_null(truth))
    flag(~empty & ~known, col.expectation())
    values = _mask(truth)
    values[empty] = bool(col.default)
    return pd.Series(values, index=index, dtype=bool)


def _parse_int(text, empty, col, flag, index) -> pd.Series:
    well_formed = _mask(pc.match_substring_regex(text, r"^[+-]?\d{1,18}$"))
    flag(~empty & ~well_formed, col.expectation())
    digits = pc.replace_substring_regex(pc.if_else(pa.array(well_formed), text, None), r"^\+", "")
    numbers = pd.Series(pc.cast(digits, pa.int64()).to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get),
                        index=index, dtype="Int64")
    if col.min is not None:
        flag((numbers < col.min).fillna(False).to_numpy(dtype=bool), col.expectation())
    if col.default is not None:
        numbers = numbers.fillna(col.default)
    return numbers


def _parse_date(text, empty, col, flag, index) -> pd.Series:
    iso = _mask(pc.match_substring_regex(text, r"^\d{4}-\d{2}-\d{2}$"))
    if not (iso | empty).all():  # other accepted spellings, rewritten to ISO once per distinct value
        text = _by_value(text, _iso_date)
    dates = pd.to_datetime(pd.Series(text.to_numpy(zero_copy_only=False), index=index),
                           format="%Y-%m-%d", errors="coerce")
    serial = _mask(pc.match_substring_regex(text, r"^\d{5}(\.\d+)?$"))
    bad = ~empty & dates.isna().to_numpy()
    flag(bad & ~serial, col.expectation())
    flag(bad & serial, f"{col.expectation()} (this looks like an Excel date serial number: "
                       "format the column as a date, or as text YYYY-MM-DD)")
    return dates.astype("datetime64[s]")


def _iso_date(text: str) -> str:
    """``2012/6/30``, ``2012.6.30`` and ``2012年6月30日`` as ``2012-06-30``; anything else unchanged."""
    found = _DATE_FORMS.match(text)
    return f"{found[1]}-{int(found[2]):02d}-{int(found[3]):02d}" if found else text


def _unmangle(text: str) -> str | None:
    """What a mis-decoded string stood for ("" when unrecoverable), or None when it looks fine.

    Catches UTF-8 bytes read as GBK/GB18030 (鍗庣編 for 华美), UTF-8 read as Latin-1 (Ã©),
    and text that already lost characters (U+FFFD, 锟斤拷).

    >>> _unmangle("鍗庣編鏈嶈"), _unmangle("华美服装"), _unmangle("Ã©cole"), _unmangle("王\ufffd")
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


@functools.cache
def _suspicious_chars() -> str:
    """An RE2 class of the characters mojibake is made of: outside ASCII and GB2312, plus U+FFFD.

    Everyday Chinese text is all GB2312, so only the few cells with a rarer character are looked at
    one by one (``_unmangle``).
    """
    points = sorted({ord(bytes([a, b]).decode("gb2312")) for a in range(0xA1, 0xF8) for b in range(0xA1, 0xFF)
                     if _decodes(bytes([a, b]))} - {0xFFFD})
    ranges, first, last = [], points[0], points[0]
    for p in points[1:]:
        if p != last + 1:
            ranges.append((first, last))
            first = p
        last = p
    ranges.append((first, last))
    allowed = "".join(f"\\x{{{a:x}}}-\\x{{{b:x}}}" if a != b else f"\\x{{{a:x}}}" for a, b in ranges)
    return f"[^\\x{{0}}-\\x{{7f}}{allowed}]|\\x{{fffd}}|锟斤拷"


def _decodes(pair: bytes) -> bool:
    try:
        pair.decode("gb2312")
    except UnicodeDecodeError:
        return False
    return True


def _mojibake(text: pa.Array) -> np.ndarray:
    """Cells whose text is UTF-8 that was decoded with the wrong encoding somewhere upstream."""
    suspicious = _mask(pc.match_substring_regex(text, _suspicious_chars()))
    if not suspicious.any():
        return suspicious
    candidates = text.filter(pa.array(suspicious)).unique().to_pylist()
    bad = [v for v in candidates if _unmangle(v) is not None]
    return suspicious & _mask(pc.is_in(text, pa.array(bad, type=pa.string())))


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
    host_region = bodies["org_id"].map(orgs.drop_duplicates("id").set_index("id")["region_id"])
    mismatch = bodies["org_id"].notna() & bodies["region_id"].notna() & host_region.notna() & (bodies["region_id"] != host_region)
    flag("bodies", mismatch, "region_id", bodies["region_id"],
         lambda i: f"empty or {host_region[i]}, the region of its organization {bodies.at[i, 'org_id']}")
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
