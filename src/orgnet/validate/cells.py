"""One column's cells → typed values (ids, text, enums, booleans, integers, dates); every bad cell a Problem.

Each check is vectorized over the column with Arrow. Accepted spellings are listed in ``orgnet.validate``.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..errors import Problem
from ..schema import Column
from .arrow import all_true, any_true, arrow_text, as_mask, as_strings, by_value, empty_cells
from .mojibake import misdecoded, unmangle

TRUE_WORDS = {"true", "1", "yes", "y", "t", "是", "真"}
FALSE_WORDS = {"false", "0", "no", "n", "f", "否", "假"}
_DATE_FORMS = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
#: The longest cell accepted, in characters (a 50 MB cell is a broken export, not a name).
MAX_CELL_CHARS = 10_000
#: Ids may not contain white space, control characters, invisible (format, Unicode category Cf)
#: characters (soft hyphen, zero-width space and joiners, word joiner, bidirectional marks, BOM) or
#: XML's non-characters U+FFFE/U+FFFF.
_BAD_ID_CHARS = r"[\s\x{0}-\x{1f}\x{7f}-\x{9f}\x{a0}\x{3000}\p{Cf}\x{fffe}\x{ffff}]"
#: What an id must be, as the problem says it.
ID_EXPECTATION = ("an id without spaces, line breaks, control characters or invisible characters "
                  "(soft hyphen, zero-width space, word joiner, bidirectional marks)")
#: What XML 1.0 cannot hold (so no GraphML or GEXF export could): C0 controls but tab, line feed and
#: carriage return, and U+FFFE, U+FFFF.
NOT_IN_XML = r"[\x{0}-\x{8}\x{b}\x{c}\x{e}-\x{1f}\x{fffe}\x{ffff}]"
XML_EXPECTED = ("text without control characters (U+0000–U+001F other than tab, line feed, carriage return) "
                "or U+FFFE/U+FFFF, which XML exports cannot hold")


def parse_column(cells: pd.Series, col: Column, source: str, rows: pd.Series, problems: list[Problem]) -> pd.Series:
    """One column's cells → typed values; every bad cell becomes a Problem. Vectorized with Arrow."""
    row_numbers = rows.to_numpy()

    def flag(mask, expected) -> None:
        if isinstance(mask, pa.Array):  # Arrow masks: most are all false, and answer that without numpy
            if not any_true(mask):
                return
            mask = as_mask(mask)
        for i in np.flatnonzero(mask):
            value = cells.iat[i]
            problems.append(Problem(source, int(row_numbers[i]), col.name, value,
                                    expected(value) if callable(expected) else expected))

    raw = arrow_text(cells)
    # ASCII columns trim by the cheaper kernel; a column with any other character is trimmed as
    # UTF-8 and checked as non-ASCII below (which, for one that trims down to ASCII, is only slower)
    all_ascii = all_true(pc.string_is_ascii(raw))
    text = pc.ascii_trim_whitespace(raw) if all_ascii else pc.utf8_trim_whitespace(raw)
    is_empty = empty_cells(text)
    if any_true(pc.greater(pc.binary_length(text), MAX_CELL_CHARS)):  # bytes ≥ characters: cheap first
        too_long = pc.greater(pc.utf8_length(text), MAX_CELL_CHARS)
        flag(too_long, f"at most {MAX_CELL_CHARS:,} characters in a cell")
        text = pc.if_else(too_long, "", text)
        is_empty, blank = empty_cells(text), is_empty  # a cut cell is empty, but was not left blank
    else:
        blank = is_empty
    if not all_ascii:
        flag(misdecoded(text), lambda v: f"readable text (this looks mis-decoded; did it mean {unmangle(v.strip())!r}?)")
    if col.type in ("id", "ref"):
        flag(_bad_id(text, all_ascii), ID_EXPECTATION)
        if not all_ascii:  # one spelling per id: é typed as one character or as e + accent is one id
            text = pc.utf8_normalize(text, "NFC")
    elif col.type == "str":
        flag(pc.match_substring_regex(text, NOT_IN_XML), XML_EXPECTED)
    if not col.nullable and col.default is None:
        flag(blank, col.expectation())
    if col.type in ("id", "str", "ref"):
        return as_strings(pc.if_else(is_empty, None, text), cells.index)
    if not all_ascii and col.type in ("int", "date", "bool"):
        text = pc.utf8_normalize(text, "NFKC")  # full-width digits (３０) read as ASCII
    parse = {"enum": _parse_enum, "bool": _parse_bool, "int": _parse_int, "date": _parse_date}[col.type]
    return parse(text, as_mask(is_empty), col, flag, cells.index)


def _bad_id(text: pa.Array, ascii_only: bool) -> pa.Array:
    """Ids with white space or control characters (ASCII columns: two plain scans instead of a regex)."""
    if ascii_only:
        unprintable = pc.and_not(pc.invert(pc.ascii_is_printable(text)), empty_cells(text))
        return pc.or_(unprintable, pc.match_substring(text, " "))
    return pc.match_substring_regex(text, _BAD_ID_CHARS)


def _canonical(text: pa.Array, empty: np.ndarray, spellings: list[str]) -> pa.Array | None:
    """Each cell's place among ``spellings`` when every non-empty cell is spelled so; else None.

    One hash lookup: the common case (a file ``orgnet generate`` or an earlier export wrote) needs
    no per-value mapping."""
    at = pc.index_in(text, value_set=pa.array(spellings, type=text.type))
    known = pc.or_(pc.is_valid(at), pa.array(empty))
    return at if all_true(known) else None


def _parse_enum(text, empty, col, flag, index) -> pd.Series:
    at = _canonical(text, empty, list(col.values))
    if at is not None:
        mapped = pc.take(pa.array(list(col.values), type=pa.large_string()), at)
        if col.default is not None:
            mapped = pc.if_else(pa.array(empty), col.default, mapped)
        return as_strings(mapped, index)
    lookup = {v: v for v in col.values}
    lookup.update({v.lower(): v for v in col.values})
    lookup.update(col.value_aliases)
    lookup.update({k.lower(): v for k, v in col.value_aliases.items()})
    mapped = by_value(text, lambda s: lookup.get(s, lookup.get(s.lower())))
    flag(~empty & as_mask(pc.is_null(mapped)), col.expectation())
    if col.default is not None:
        mapped = pc.if_else(pa.array(empty), col.default, mapped)
    return as_strings(mapped, index)


def _parse_bool(text, empty, col, flag, index) -> pd.Series:
    at = _canonical(text, empty, ["false", "true"])
    if at is not None:
        values = as_mask(pc.equal(at, 1))
        values[empty] = bool(col.default)
        return pd.Series(values, index=index, dtype=bool)
    truth = by_value(text, lambda s: True if s.lower() in TRUE_WORDS else False if s.lower() in FALSE_WORDS else None)
    known = ~as_mask(pc.is_null(truth))
    flag(~empty & ~known, col.expectation())
    values = as_mask(truth)
    values[empty] = bool(col.default)
    return pd.Series(values, index=index, dtype=bool)


def _parse_int(text, empty, col, flag, index) -> pd.Series:
    well_formed = as_mask(pc.match_substring_regex(text, r"^[+-]?\d{1,18}$"))
    flag(~empty & ~well_formed, col.expectation())
    digits = pc.if_else(pa.array(well_formed), text, None)
    if as_mask(pc.match_substring(digits, "+")).any():
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
    iso = as_mask(pc.match_substring_regex(text, r"^\d{4}-\d{2}-\d{2}$"))
    if not (iso | empty).all():  # other accepted spellings, rewritten to ISO once per distinct value
        text = by_value(text, iso_date)
        iso = as_mask(pc.match_substring_regex(text, r"^\d{4}-\d{2}-\d{2}$"))
    stamps = pc.strptime(pc.if_else(pa.array(iso), text, None), format="%Y-%m-%d", unit="s", error_is_null=True)
    real = as_mask(pc.is_valid(stamps))
    # Arrow rolls 2012-02-30 over into March (day 1-3): a date is real only when its day comes back
    rolled = np.flatnonzero(real & (_days(stamps) <= 3))
    if len(rolled):
        written = pc.cast(pc.utf8_slice_codeunits(text.take(pa.array(rolled)), 8, 10), pa.int64())
        real[rolled] = as_mask(pc.equal(pc.day(stamps.take(pa.array(rolled))), written))
    dates = pd.Series(pc.if_else(pa.array(real), stamps, None).to_numpy(zero_copy_only=False), index=index)
    bad = ~empty & ~real
    serial = np.zeros(len(bad), bool)
    if bad.any():
        serial[bad] = as_mask(pc.match_substring_regex(text.filter(pa.array(bad)), r"^\d{5}(\.\d+)?$"))
    flag(bad & ~serial, col.expectation())
    flag(bad & serial, f"{col.expectation()} (this looks like an Excel date serial number: "
                       "format the column as a date, or as text YYYY-MM-DD)")
    return dates.astype("datetime64[s]")


def _days(stamps: pa.Array) -> np.ndarray:
    """The day of the month of each timestamp (nulls as 0)."""
    return pc.day(stamps).fill_null(0).to_numpy(zero_copy_only=False)


def iso_date(text: str) -> str:
    """``2012/6/30``, ``2012.6.30`` and ``2012年6月30日`` as ``2012-06-30``; anything else unchanged
    (the spellings a date cell accepts; ``--as-of`` and ``--from``/``--to`` accept the same).

    >>> iso_date("2012/6/30"), iso_date("2012年6月30日"), iso_date("30/06/2012")
    ('2012-06-30', '2012-06-30', '30/06/2012')
    """
    found = _DATE_FORMS.match(text)
    return f"{found[1]}-{int(found[2]):02d}-{int(found[3]):02d}" if found else text
