"""Mis-decoded text (mojibake): UTF-8 read as GBK or Latin-1 somewhere upstream, and what it stood for."""

from __future__ import annotations

import functools

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .arrow import as_mask


def unmangle(text: str) -> str | None:
    """What a mis-decoded string stood for ("" when unrecoverable), or None when it looks fine.

    Catches UTF-8 bytes read as GBK/GB18030 (鍗庣編 for 华美), UTF-8 read as Latin-1 (Ã©),
    and text that already lost characters (U+FFFD, 锟斤拷).

    >>> unmangle("鍗庣編鏈嶈"), unmangle("华美服装"), unmangle("Ã©cole"), unmangle("王\ufffd")
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
    one by one (``unmangle``).
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


def misdecoded(text: pa.Array) -> np.ndarray:
    """Cells whose text is UTF-8 that was decoded with the wrong encoding somewhere upstream."""
    suspicious = as_mask(pc.match_substring_regex(text, _suspicious_chars()))
    if not suspicious.any():
        return suspicious
    candidates = text.filter(pa.array(suspicious)).unique().to_pylist()
    bad = [v for v in candidates if unmangle(v) is not None]
    return suspicious & as_mask(pc.is_in(text, pa.array(bad, type=pa.string())))
