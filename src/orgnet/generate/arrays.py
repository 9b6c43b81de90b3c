"""Vectorized helpers of the ``scale`` profile: text as numpy byte strings, dates as day numbers, and
group-wise ranks, spans and draws over sorted arrays.

Text is kept as numpy byte strings (dtype "S", UTF-8): gathers and concatenations then run in C.
A byte string may carry NUL padding anywhere (numbers are written as fixed-width digit blocks whose
leading zeros are NUL bytes); the CSV writer drops every NUL byte, which UTF-8 text never contains.
"""

from __future__ import annotations

import numpy as np

_DAY0, _DAY1 = "1990-01-01", "2020-12-31"


def enc(words) -> np.ndarray:
    """Words as an array of UTF-8 byte strings.

    >>> words = enc(("村", "社区"))
    >>> words.dtype, [w.decode() for w in words]
    (dtype('S6'), ['村', '社区'])
    """
    return np.array([w.encode("utf-8") for w in words])


def pick(rng: np.random.Generator, words, n: int) -> np.ndarray:
    """``n`` words drawn uniformly (with replacement) from ``words``, as byte strings."""
    table = enc(words)
    return table[rng.integers(0, len(table), n)]


def cat(*parts) -> np.ndarray:
    """Element-wise concatenation of byte-string arrays (or scalars).

    >>> cat(np.array([b"a", b"bb"]), b"-", np.array([b"1", b"2"]))
    array([b'a-1', b'bb-2'], dtype='|S4')
    """
    out = parts[0]
    for part in parts[1:]:
        out = np.strings.add(out, part)
    return out


def day_number(iso: str) -> int:
    """An ISO date as days since 1970-01-01.

    >>> day_number("1970-01-02"), day_number("2012-06-30")
    (1, 15521)
    """
    return int((np.datetime64(iso, "D") - np.datetime64("1970-01-01", "D")).astype(np.int64))


_DATE_TABLE: np.ndarray | None = None


def date_text(days: np.ndarray) -> np.ndarray:
    """Day numbers (since 1970) → ISO dates as byte strings; negative → empty.

    >>> date_text(np.array([15521, -1]))
    array([b'2012-06-30', b''], dtype='|S10')
    """
    global _DATE_TABLE
    lo, hi = day_number(_DAY0), day_number(_DAY1)
    if _DATE_TABLE is None:
        iso = np.datetime_as_string(np.arange(lo, hi + 1).astype("datetime64[D]"), unit="D").astype("S10")
        _DATE_TABLE = np.concatenate([np.array([b""], dtype="S10"), iso])
    days = np.asarray(days, dtype=np.int64)
    ok = days >= 0
    if ok.any() and (days[ok].min() < lo or days[ok].max() > hi):
        raise ValueError("a generated date falls outside the date table")
    return _DATE_TABLE[np.where(ok, days - lo + 1, 0)]


def num(values) -> np.ndarray:
    r"""Non-negative ints → decimal byte strings (leading zeros as NUL padding).

    >>> num([7, 42, 100])
    array([b'\x00\x007', b'\x0042', b'100'], dtype='|S3')
    """
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


def ids(prefix: str, n: int) -> np.ndarray:
    """Row ids ``prefix``1 … ``prefix``n (NUL-padded to one width)."""
    return np.strings.add(prefix.encode(), num(np.arange(1, n + 1)))


def bools(mask: np.ndarray) -> np.ndarray:
    """A boolean mask as ``true``/``false`` byte strings."""
    return np.where(mask, b"true", b"false")


def ranks(groups: np.ndarray) -> np.ndarray:
    """Position of each element within its run of equal values (``groups`` sorted).

    >>> ranks(np.array([0, 0, 0, 2, 5, 5]))
    array([0, 1, 2, 0, 0, 1])
    """
    if len(groups) == 0:
        return np.zeros(0, dtype=np.int64)
    starts = np.r_[0, np.flatnonzero(np.diff(groups)) + 1]
    counts = np.diff(np.r_[starts, len(groups)])
    return np.arange(len(groups)) - np.repeat(starts, counts)


def spans(sorted_keys: np.ndarray, n_keys: int) -> tuple[np.ndarray, np.ndarray]:
    """First index and count of each key 0..n_keys-1 in a sorted key array.

    >>> spans(np.array([0, 0, 2]), 3)
    (array([0, 2, 2]), array([2, 0, 1]))
    """
    first = np.searchsorted(sorted_keys, np.arange(n_keys))
    return first, np.searchsorted(sorted_keys, np.arange(n_keys), side="right") - first


def draw_within(rng: np.random.Generator, pool: np.ndarray, first: np.ndarray, count: np.ndarray,
                groups: np.ndarray) -> np.ndarray:
    """For each group id in ``groups``, a random element of ``pool[first[g]:first[g] + count[g]]``."""
    if len(groups) == 0:
        return np.zeros(0, dtype=np.int64)
    return pool[first[groups] + np.floor(rng.random(len(groups)) * count[groups]).astype(np.int64)]


def first_of(keys: np.ndarray) -> np.ndarray:
    """Indices of the first occurrence of each key, in original order.

    >>> first_of(np.array([5, 3, 5, 1, 3]))
    array([0, 1, 3])
    """
    _, first = np.unique(keys, return_index=True)
    first.sort()
    return first
