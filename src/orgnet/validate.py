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
import os
import re
from concurrent.futures import ThreadPoolExecutor

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
    found: dict[str, list[Problem]] = {name: [] for name in schema.tables}
    typing = []
    for table in schema.tables.values():
        if table.name in raw.skipped:  # not asked for: empty here, left out of the Dataset
            tables[table.name] = _empty_table(table)
            broken.add(table.name)
            continue
        if table.name not in raw.tables:
            if table.required and table.name not in broken:
                found[table.name].append(Problem(table.name, None, None, None,
                                                 f"the table {table.name} ({table.name}.csv or a sheet of that name)"))
            tables[table.name] = _empty_table(table)
            continue
        rt = raw.tables[table.name]
        sources[table.name] = rt.source
        if table.required and rt.frame.empty:
            found[table.name].append(Problem(rt.source, None, None, None, "at least one data row below the header"))
            broken.add(table.name)
        typing.append((rt, table))
    # Arrow's kernels release the GIL: the tables are typed side by side, one thread per core.
    with ThreadPoolExecutor(max_workers=min(len(typing), os.cpu_count() or 1) or 1) as pool:
        typed = pool.map(lambda job: _typed_table(job[0], job[1], found[job[1].name]), typing)
        for (_, table), frame in zip(typing, typed):
            tables[table.name] = frame
    problems += [p for name in schema.tables for p in found[name]]
    tables = {name: tables[name] for name in schema.tables}
    keys, references, positions = _lookups(tables, sources, schema, skip=broken)
    problems += keys + references
    problems += _row_rule_problems(tables, sources, schema, positions)
    problems += _region_cycles(tables["regions"], sources.get("regions", "regions"), positions)
    if problems:
        raise ValidationError(_capped(problems))
    _apply_derived_defaults(tables, positions)
    return Dataset(tables={name: frame for name, frame in tables.items() if name not in raw.skipped},
                   source=str(raw.path), positions=positions, skipped=frozenset(raw.skipped))


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
    return pd.Series(dtype="str")


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
    return pd.Series(col.default, index=index, dtype="str")


def _parse_column(cells: pd.Series, col: Column, source: str, rows: pd.Series, problems: list[Problem]) -> pd.Series:
    """One column's cells → typed values; every bad cell becomes a Problem. Vectorized with Arrow."""
    row_numbers = rows.to_numpy()

    def flag(mask, expected) -> None:
        if isinstance(mask, pa.Array):  # Arrow masks: most are all false, and answer that without numpy
            if not _any(mask):
                return
            mask = _mask(mask)
        for i in np.flatnonzero(mask):
            value = cells.iat[i]
            problems.append(Problem(source, int(row_numbers[i]), col.name, value,
                                    expected(value) if callable(expected) else expected))

    raw = _arrow(cells)
    # ASCII columns trim by the cheaper kernel; a column with any other character is trimmed as
    # UTF-8 and checked as non-ASCII below (which, for one that trims down to ASCII, is only slower)
    all_ascii = _all(pc.string_is_ascii(raw))
    text = pc.ascii_trim_whitespace(raw) if all_ascii else pc.utf8_trim_whitespace(raw)
    is_empty = _is_empty(text)
    if _any(pc.greater(pc.binary_length(text), MAX_CELL_CHARS)):  # bytes ≥ characters: cheap first
        too_long = pc.greater(pc.utf8_length(text), MAX_CELL_CHARS)
        flag(too_long, f"at most {MAX_CELL_CHARS:,} characters in a cell")
        text = pc.if_else(too_long, "", text)
        is_empty, blank = _is_empty(text), is_empty  # a cut cell is empty, but was not left blank
    else:
        blank = is_empty
    if not all_ascii:
        flag(_mojibake(text), lambda v: f"readable text (this looks mis-decoded; did it mean {_unmangle(v.strip())!r}?)")
    if col.type in ("id", "ref"):
        flag(_bad_id(text, all_ascii), "an id without spaces, line breaks or control characters")
    if not col.nullable and col.default is None:
        flag(blank, col.expectation())
    if col.type in ("id", "str", "ref"):
        return _strings(pc.if_else(is_empty, None, text), cells.index)
    if not all_ascii and col.type in ("int", "date", "bool"):
        text = pc.utf8_normalize(text, "NFKC")  # full-width digits (３０) read as ASCII
    parse = {"enum": _parse_enum, "bool": _parse_bool, "int": _parse_int, "date": _parse_date}[col.type]
    return parse(text, _mask(is_empty), col, flag, cells.index)


def _arrow(cells: pd.Series) -> pa.Array:
    """A text column as one Arrow ``large_string`` array: no copy when pandas already holds it in Arrow."""
    array = getattr(cells.array, "_pa_array", None)
    if array is None or not pa.types.is_large_string(array.type):
        array = pa.array(cells.to_numpy(dtype=object, na_value=None), type=pa.large_string())
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def _is_empty(text: pa.Array) -> pa.Array:
    """Empty cells (by byte length: ten times faster than comparing with "")."""
    return pc.equal(pc.binary_length(text), 0)


def _bad_id(text: pa.Array, ascii_only: bool) -> pa.Array:
    """Ids with white space or control characters (ASCII columns: two plain scans instead of a regex)."""
    if ascii_only:
        unprintable = pc.and_not(pc.invert(pc.ascii_is_printable(text)), _is_empty(text))
        return pc.or_(unprintable, pc.match_substring(text, " "))
    return pc.match_substring_regex(text, _BAD_ID_CHARS)


def _any(array: pa.Array) -> bool:
    """Whether any value of an Arrow boolean array is true (nulls are not)."""
    return bool(pc.any(array).as_py())


def _all(array: pa.Array) -> bool:
    """Whether every value of an Arrow boolean array is true (an empty array: yes)."""
    return pc.all(array).as_py() is not False


def _mask(array) -> np.ndarray:
    """An Arrow boolean array as numpy, nulls as False."""
    return np.asarray(pc.fill_null(array, False).to_numpy(zero_copy_only=False), dtype=bool)


def _strings(array: pa.Array, index: pd.Index) -> pd.Series:
    """Text values as pandas' ``str`` Series (Arrow-backed, no copy), ``NaN`` for empty."""
    return pd.Series(pd.array(array, dtype="str"), index=index)


def _by_value(text: pa.Array, decide) -> pa.Array:
    """Apply ``decide`` once per distinct value (enums, booleans): fast on millions of rows."""
    encoded = pc.dictionary_encode(text)
    decided = pa.array([decide(v) for v in encoded.dictionary.to_pylist()])
    return pc.take(decided, encoded.indices)


def _canonical(text: pa.Array, empty: np.ndarray, spellings: list[str]) -> pa.Array | None:
    """Each cell's place among ``spellings`` when every non-empty cell is spelled so; else None.

    One hash lookup: the common case (a file ``orgnet generate`` or an earlier export wrote) needs
    no per-value mapping."""
    at = pc.index_in(text, value_set=pa.array(spellings, type=text.type))
    known = pc.or_(pc.is_valid(at), pa.array(empty))
    return at if _all(known) else None


def _parse_enum(text, empty, col, flag, index) -> pd.Series:
    at = _canonical(text, empty, list(col.values))
    if at is not None:
        mapped = pc.take(pa.array(list(col.values), type=pa.large_string()), at)
        if col.default is not None:
            mapped = pc.if_else(pa.array(empty), col.default, mapped)
        return _strings(mapped, index)
    lookup = {v: v for v in col.values}
    lookup.update({v.lower(): v for v in col.values})
    lookup.update(col.value_aliases)
    lookup.update({k.lower(): v for k, v in col.value_aliases.items()})
    mapped = _by_value(text, lambda s: lookup.get(s, lookup.get(s.lower())))
    flag(~empty & _mask(pc.is_null(mapped)), col.expectation())
    if col.default is not None:
        mapped = pc.if_else(pa.array(empty), col.default, mapped)
    return _strings(mapped, index)


def _parse_bool(text, empty, col, flag, index) -> pd.Series:
    at = _canonical(text, empty, ["false", "true"])
    if at is not None:
        values = _mask(pc.equal(at, 1))
        values[empty] = bool(col.default)
        return pd.Series(values, index=index, dtype=bool)
    truth = _by_value(text, lambda s: True if s.lower() in TRUE_WORDS else False if s.lower() in FALSE_WORDS else None)
    known = ~_mask(pc.is_null(truth))
    flag(~empty & ~known, col.expectation())
    values = _mask(truth)
    values[empty] = bool(col.default)
    return pd.Series(values, index=index, dtype=bool)


def _parse_int(text, empty, col, flag, index) -> pd.Series:
    well_formed = _mask(pc.match_substring_regex(text, r"^[+-]?\d{1,18}$"))
    flag(~empty & ~well_formed, col.expectation())
    digits = pc.if_else(pa.array(well_formed), text, None)
    if _mask(pc.match_substring(digits, "+")).any():
        digits = pc.replace_substring_regex(digits, r"^\+", "")
    numbers = pd.Series(pc.cast(digits, pa.int64()).to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get),
                        index=index, dtype="Int64")
    if col.min is not None:
        flag((numbers < col.min).fillna(False).to_numpy(dtype=bool), col.expectation())
    if col.default is not None:
        numbers = numbers.fillna(col.default)
    return numbers


def _parse_date(text, empty, col, flag, index) -> pd.Series:
    try:  # the common case: every cell an ISO date or empty (Arrow's cast rejects 2012-02-30)
        days = pc.cast(pc.if_else(pa.array(empty), None, text), pa.date32())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return _parse_date_forms(text, empty, col, flag, index)
    return pd.Series(pc.cast(days, pa.timestamp("s")).to_numpy(zero_copy_only=False), index=index).astype("datetime64[s]")


def _parse_date_forms(text, empty, col, flag, index) -> pd.Series:
    """Dates in any accepted spelling, each bad one flagged (the careful path)."""
    iso = _mask(pc.match_substring_regex(text, r"^\d{4}-\d{2}-\d{2}$"))
    if not (iso | empty).all():  # other accepted spellings, rewritten to ISO once per distinct value
        text = _by_value(text, _iso_date)
        iso = _mask(pc.match_substring_regex(text, r"^\d{4}-\d{2}-\d{2}$"))
    stamps = pc.strptime(pc.if_else(pa.array(iso), text, None), format="%Y-%m-%d", unit="s", error_is_null=True)
    real = _mask(pc.is_valid(stamps))
    # Arrow rolls 2012-02-30 over into March (day 1-3): a date is real only when its day comes back
    rolled = np.flatnonzero(real & (_days(stamps) <= 3))
    if len(rolled):
        written = pc.cast(pc.utf8_slice_codeunits(text.take(pa.array(rolled)), 8, 10), pa.int64())
        real[rolled] = _mask(pc.equal(pc.day(stamps.take(pa.array(rolled))), written))
    dates = pd.Series(pc.if_else(pa.array(real), stamps, None).to_numpy(zero_copy_only=False), index=index)
    bad = ~empty & ~real
    serial = np.zeros(len(bad), bool)
    if bad.any():
        serial[bad] = _mask(pc.match_substring_regex(text.filter(pa.array(bad)), r"^\d{5}(\.\d+)?$"))
    flag(bad & ~serial, col.expectation())
    flag(bad & serial, f"{col.expectation()} (this looks like an Excel date serial number: "
                       "format the column as a date, or as text YYYY-MM-DD)")
    return dates.astype("datetime64[s]")


def _days(stamps: pa.Array) -> np.ndarray:
    """The day of the month of each timestamp (nulls as 0)."""
    return pc.day(stamps).fill_null(0).to_numpy(zero_copy_only=False)


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


def _lookups(tables, sources, schema: Schema, skip: set[str]):
    """Repeated keys, dangling references, and where every reference points (kept in the Dataset).

    One hash lookup per table with ids answers both questions: its own ids and every column
    that refers to it are looked up together in its id column (``pc.index_in``, first match).
    An id whose first match is an earlier row repeats that row; a reference with no match dangles.
    """
    referrers: dict[str, list[tuple[str, str]]] = {}
    for table in schema.tables.values():
        for column, target in table.refs().items():
            if target not in skip:
                referrers.setdefault(target, []).append((table.name, column))

    def lookup(table: Table):
        frame = tables[table.name]
        ids = _arrow(frame["id"])
        parts = [ids] + [_arrow(tables[t][c]) for t, c in referrers.get(table.name, ())]
        found = pc.index_in(pa.concat_arrays(parts), value_set=ids).fill_null(-1)
        found = found.to_numpy(zero_copy_only=False).astype(np.int64)
        first, start = found[:len(ids)], len(ids)
        repeated = np.flatnonzero((first >= 0) & (first != np.arange(len(ids))))
        rows = frame["_row"].to_numpy()
        keys = [Problem(sources[table.name], int(rows[i]), "id", frame["id"].iat[i],
                        f"a unique id (row {int(rows[first[i]])} has the same)") for i in repeated]
        references, positions = [], {}
        for t, c in referrers.get(table.name, ()):
            at = found[start:start + len(tables[t])]
            start += len(tables[t])
            positions[(t, c)] = at
            dangling = np.flatnonzero((at < 0) & tables[t][c].notna().to_numpy())
            references += [(t, c, i, table.name) for i in dangling]
        return keys, references, positions

    keys, references, positions = [], [], {}
    id_tables = [t for t in schema.tables.values() if t.key == ("id",)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # Arrow's hash joins release the GIL
        for found_keys, found_references, found_positions in pool.map(lookup, id_tables):
            keys += found_keys
            references += found_references
            positions.update(found_positions)
    keys += _composite_key_problems(tables, sources, schema, positions)
    order = {name: n for n, name in enumerate(schema.tables)}
    references.sort(key=lambda r: (order[r[0]], list(schema.tables[r[0]].refs()).index(r[1]), r[2]))
    references = [Problem(sources[t], int(tables[t]["_row"].iat[i]), c, tables[t][c].iat[i], f"an id from {target}")
                  for t, c, i, target in references]
    return keys, references, positions


def _composite_key_problems(tables, sources, schema: Schema, positions: dict) -> list[Problem]:
    """Rows that repeat an earlier row's key of several columns (a post's person/body/role/start).

    Every key column becomes integer codes (references: where they point; dates: days; other
    text: dictionary codes), which pack into one number. The codes that cost nothing (positions,
    days) go first; text is coded only on the few rows whose other key columns already repeat."""
    found = []
    for table in schema.tables.values():
        frame, key = tables[table.name], list(table.key)
        if frame.empty or table.key == ("id",) or not key:
            continue
        at = {k: positions.get((table.name, k)) for k in key}
        free = {k: _key_codes(frame[k], at[k]) for k in key if _codes_are_free(frame[k], at[k])}
        rows = np.flatnonzero(_repeated(free)) if free else np.arange(len(frame))
        coded = {k: free[k][rows] if k in free else
                 _key_codes(frame[k].iloc[rows], None if at[k] is None else at[k][rows]) for k in key}
        dup = np.zeros(len(frame), bool)
        if len(rows):
            dup[rows[_repeated(coded)]] = True
        if not dup.any():
            continue
        keyed = frame[dup]
        first_row = keyed.groupby(key, dropna=False, sort=False)["_row"].transform("min")
        what = f"a unique ({', '.join(key)})"
        for i, first in first_row.items():
            row = int(keyed.at[i, "_row"])
            if row != first:
                value = ", ".join(_text(keyed.at[i, k]) for k in key)
                found.append(Problem(sources[table.name], row, ",".join(key), value, f"{what} (row {int(first)} has the same)"))
    return found


def _codes_are_free(values: pd.Series, at: np.ndarray | None) -> bool:
    """Whether a key column's codes come without hashing text: every reference found, or dates."""
    return (at is not None and bool((at >= 0).all())) or pd.api.types.is_datetime64_any_dtype(values)


def _key_codes(values: pd.Series, at: np.ndarray | None) -> np.ndarray:
    """One key column as integers that are equal exactly when the values are (empty: one code)."""
    if at is not None and (at >= 0).all():
        return at
    if pd.api.types.is_datetime64_any_dtype(values):
        stamps = values.to_numpy("datetime64[D]")
        days = stamps.view(np.int64)
        return np.where(np.isnat(stamps), days[~np.isnat(stamps)].min(initial=0) - 1, days)
    codes = pc.dictionary_encode(_arrow(values)).indices.fill_null(-1)
    return codes.to_numpy(zero_copy_only=False).astype(np.int64)


def _repeated(coded: dict) -> np.ndarray:
    """Rows whose combination of key values occurs more than once.

    When every column is an integer code (reference positions, days) whose ranges multiply to
    less than 2**63, the key packs into one int64 (mixed radix): one hash per row, not four.

    >>> _repeated({"a": np.array([0, 1, 0]), "b": np.array([5, 5, 5])}).tolist()
    [True, False, True]
    """
    columns = list(coded.values())
    if len(columns[0]):
        lows = [int(c.min()) for c in columns]
        spans = [int(c.max()) - low + 1 for c, low in zip(columns, lows)]
        if np.prod([float(s) for s in spans]) < 2.0 ** 62:
            packed = np.zeros(len(columns[0]), dtype=np.int64)
            for c, low, span in zip(columns, lows, spans):
                packed = packed * span + (c - low)
            ordered = np.sort(packed)  # a sort finds repeats faster than a hash table here
            repeats = ordered[1:][ordered[1:] == ordered[:-1]]
            return pd.Series(packed).isin(np.unique(repeats)).to_numpy() if len(repeats) else np.zeros(len(packed), bool)
    return pd.DataFrame(coded).duplicated(keep=False).to_numpy()


def _row_rule_problems(tables, sources, schema: Schema, positions: dict) -> list[Problem]:
    """Rules that compare columns of one row, or a row with the row it points to."""
    found: list[Problem] = []

    def flag(table: str, mask, column: str, values: pd.Series, expected) -> None:
        frame = tables[table]
        mask = np.asarray(pd.Series(mask).fillna(False), dtype=bool)
        for i in np.flatnonzero(mask):
            exp = expected(i) if callable(expected) else expected
            found.append(Problem(sources.get(table, table), int(frame["_row"].iat[i]), column, _text(values.iat[i]), exp))

    def pointed(table: str, column: str, values: pd.Series) -> pd.Series:
        """``values`` (a column of the target table) at the row each reference points to; empty elsewhere."""
        at = positions.get((table, column))
        if at is None:  # the target could not be read: nothing to compare with
            return pd.Series([None] * len(tables[table]), dtype=object)
        taken = values.iloc[np.maximum(at, 0)].reset_index(drop=True) if len(values) else \
            pd.Series([None] * len(at), dtype=values.dtype)
        return taken.where(pd.Series(at >= 0))

    orgs = tables["organizations"]
    flag("organizations", orgs["female_staff"] > orgs["total_staff"], "female_staff", orgs["female_staff"],
         lambda i: f"at most total_staff ({orgs['total_staff'].iat[i]})")

    bodies = tables["bodies"]
    wrong_type = np.zeros(len(bodies), bool)
    for system, types in schema.system_types.items():
        wrong_type |= ((bodies["system"] == system) & bodies["type"].notna() & ~_in(bodies["type"], types)).to_numpy()
    flag("bodies", wrong_type, "type", bodies["type"],
         lambda i: f"a {bodies['system'].iat[i]} type: {', '.join(schema.system_types[bodies['system'].iat[i]])}")
    flag("bodies", bodies["grade"].notna() & (bodies["system"] != "party"), "grade", bodies["grade"],
         "no grade: grades are for party bodies only")
    flag("bodies", bodies["org_id"].isna() & bodies["region_id"].isna(), "org_id", bodies["org_id"],
         "a host: org_id, or region_id for a region-level body")
    host_region = pointed("bodies", "org_id", orgs["region_id"]).set_axis(bodies.index)
    mismatch = bodies["org_id"].notna() & bodies["region_id"].notna() & host_region.notna() & (bodies["region_id"] != host_region)
    flag("bodies", mismatch, "region_id", bodies["region_id"],
         lambda i: f"empty or {host_region.iat[i]}, the region of its organization {bodies['org_id'].iat[i]}")
    flag("bodies", bodies["dissolved"] < bodies["founded"], "dissolved", bodies["dissolved"],
         lambda i: f"a date on or after founded ({_text(bodies['founded'].iat[i])})")

    posts = tables["posts"]
    flag("posts", posts["end"] < posts["start"], "end", posts["end"],
         lambda i: f"a date on or after start ({_text(posts['start'].iat[i])})")
    if len(posts) and len(bodies):
        dissolved = pointed("posts", "body_id", bodies["dissolved"]).set_axis(posts.index)
        flag("posts", posts["start"] >= dissolved, "start", posts["start"],
             lambda i: f"a date before body {posts['body_id'].iat[i]} was dissolved ({_text(dissolved.iat[i])})")

    for name, first, last in (("liaisons", "since", "until"), ("venue_uses", "since", "until")):
        frame = tables[name]
        flag(name, frame[last] < frame[first], last, frame[last],
             lambda i, frame=frame, first=first: f"a date on or after {first} ({_text(frame[first].iat[i])})")
    return found


def _in(values: pd.Series, allowed) -> pd.Series:
    """``values.isin(allowed)`` through Arrow (pandas' own isin is slow on Arrow-backed text)."""
    hit = pc.is_in(_arrow(values), value_set=pa.array(list(allowed), type=pa.large_string()))
    return pd.Series(_mask(hit), index=values.index)


def _text(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)


def _region_cycles(regions: pd.DataFrame, source: str, positions: dict) -> list[Problem]:
    """Every region whose parent chain comes back to itself.

    Peel off, level by level, the regions no other region names as parent: what is left when
    nothing more can be peeled is exactly the regions on a loop (each region has one parent).
    """
    parent = positions.get(("regions", "parent_id"))
    if parent is None or not len(parent):
        return []
    children = np.bincount(parent[parent >= 0], minlength=len(parent))
    left = np.ones(len(parent), bool)
    leaves = np.flatnonzero(children == 0)
    while len(leaves):
        left[leaves] = False
        up = parent[leaves]
        up = up[up >= 0]
        np.subtract.at(children, up, 1)
        leaves = np.unique(up[(children[up] == 0) & left[up]])
    rows = regions["_row"].to_numpy()
    return [Problem(source, int(rows[i]), "parent_id", regions["parent_id"].iat[i],
                    "a parent chain that ends at a root (this one loops)")
            for i in sorted(np.flatnonzero(left), key=lambda i: rows[i])]


def _apply_derived_defaults(tables: dict[str, pd.DataFrame], positions: dict) -> None:
    """Defaults that depend on another column: an empty party grade means unrated, and a body
    hosted by an organization lies in that organization's region."""
    bodies = tables["bodies"]
    party = bodies["system"] == "party"
    bodies.loc[party & bodies["grade"].isna(), "grade"] = "unrated"
    host = positions.get(("bodies", "org_id"))
    if host is not None and len(host):
        org_region = pc.take(_arrow(tables["organizations"]["region_id"]), pa.array(np.maximum(host, 0), mask=host < 0))
        region = pc.coalesce(_arrow(bodies["region_id"]), org_region)
        bodies["region_id"] = _strings(region, bodies.index)
        at = positions.get(("bodies", "region_id"))
        if at is not None:  # (regions read: the positions follow the filled-in ids)
            positions[("bodies", "region_id")] = np.where(
                at >= 0, at, np.where(host >= 0, positions[("organizations", "region_id")][np.maximum(host, 0)], -1))
