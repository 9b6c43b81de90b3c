"""Chinese in matplotlib: one regular-weight CJK face, for orgnet's charts and the analyst's own plots.

``cjk_font()`` finds the family of a regular-weight (400) CJK face matplotlib can draw with: Noto Sans
CJK SC Regular from Debian's ``fonts-noto-cjk`` when it is there, else another known family, never a
bold file (which made matplotlib warn "Failed to find font weight normal … now using 700" and draw
every character bold). The face holds Latin letters and digits too, so Chinese and English charts
read in one family; matplotlib's DejaVu Sans stays behind it for any glyph it lacks.

``use_cjk_font()`` gives the analyst's own pandas and matplotlib plots that face. Without any CJK
font, one line says so (``orgnet: no CJK font found …`` on the ``orgnet.plotting`` logger, which
Python prints to stderr when nothing else is set up), once per process, and orgnet's charts use
English words and ids rather than boxes ("tofu").

Examples
--------
>>> from matplotlib import rc_context, rcParams
>>> with rc_context():
...     family = use_cjk_font()
...     rcParams["font.sans-serif"][0] == family and family in CJK_FAMILIES
True
"""

from __future__ import annotations

import glob
import logging
import re
from functools import lru_cache

#: CJK families to look for, best first (simplified Chinese faces before the Japanese one).
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei",
                "PingFang SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Sans CJK JP", "SimHei",
                "Droid Sans Fallback", "AR PL UMing CN")
#: Where Debian and others put CJK font files (searched when matplotlib's font cache predates them).
CJK_GLOBS = ("/usr/share/fonts/opentype/noto/NotoSansCJK*.ttc", "/usr/share/fonts/**/NotoSansCJK*",
             "/usr/share/fonts/**/*wqy*", "/usr/share/fonts/**/DroidSansFallback*", "/System/Library/Fonts/PingFang*",
             "C:/Windows/Fonts/msyh*")
#: Files whose name says they are not the regular weight.
NOT_REGULAR = re.compile(r"bold|black|heavy|light|thin|medium|semi|demi|extra", re.IGNORECASE)
#: Behind the CJK face: matplotlib's own font, for a glyph the CJK face lacks.
FALLBACK = "DejaVu Sans"
#: Characters a CJK face must draw to be used.
SAMPLE = "妇联党支部覆盖率乡镇街道一人多职"
REGULAR = 400
MISSING = ("orgnet: no CJK font found, so charts use English words and ids "
           "(install one, e.g. apt-get install fonts-noto-cjk)")

log = logging.getLogger(__name__)
_told: list[bool] = []


def has_glyphs(path: str, text: str, face_index: int = 0) -> bool:
    """True when the font file (face ``face_index`` of a collection) has a glyph for every character of
    ``text`` (no tofu)."""
    from matplotlib.ft2font import FT2Font

    try:
        font = FT2Font(path, face_index=face_index) if face_index else FT2Font(path)
    except (OSError, RuntimeError, ValueError, TypeError):
        return False
    return all(font.get_char_index(ord(ch)) != 0 for ch in text if not ch.isspace())


def _weight(entry) -> int:
    from matplotlib.font_manager import weight_dict

    return entry.weight if isinstance(entry.weight, int) else weight_dict.get(str(entry.weight).lower(), REGULAR)


def _registered() -> str | None:
    """The first of ``CJK_FAMILIES`` matplotlib knows in the regular weight and upright, with the glyphs."""
    from matplotlib import font_manager

    faces = {}
    for entry in font_manager.fontManager.ttflist:
        if _weight(entry) == REGULAR and entry.style == "normal":
            faces.setdefault(entry.name, entry)
    for name in CJK_FAMILIES:
        entry = faces.get(name)
        if entry is not None and has_glyphs(entry.fname, SAMPLE, getattr(entry, "index", 0)):
            return name
    return None


def _register_files() -> None:
    """Add the regular-weight CJK font files found on disk to matplotlib's font manager."""
    from matplotlib import font_manager

    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    for pattern in CJK_GLOBS:
        for path in sorted(glob.glob(pattern, recursive=True)):
            if path in known or NOT_REGULAR.search(path.rsplit("/", 1)[-1]):
                continue
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The family name of a regular-weight CJK face matplotlib can draw with, or None.

    >>> cjk_font() in CJK_FAMILIES + (None,)
    True
    """
    family = _registered()
    if family is None:
        _register_files()
        family = _registered()
    return family


def font_families() -> list[str]:
    """The font list every chart text gets: the CJK face, then DejaVu Sans (only DejaVu Sans without one).

    >>> font_families()[-1]
    'DejaVu Sans'
    """
    family = cjk_font()
    return [family, FALLBACK] if family else [FALLBACK]


def tell_missing() -> None:
    """Say once per process, in one line, that no CJK font was found."""
    if not _told:
        _told.append(True)
        log.warning(MISSING)


def use_cjk_font() -> str | None:
    """Draw Chinese in your own matplotlib and pandas plots: put the CJK face first in matplotlib's
    sans-serif list and make sans-serif the default family (``rcParams``, for the rest of the session).

    Returns
    -------
    str or None
        The family now in use (``"Noto Sans CJK SC"`` with Debian's ``fonts-noto-cjk``), or None when no
        CJK font is installed (one line says so and nothing changes).

    Examples
    --------
    >>> from matplotlib import rc_context, rcParams
    >>> with rc_context():  # here only for the example; call it once at the top of a notebook
    ...     family = use_cjk_font()
    ...     rcParams["font.family"], rcParams["font.sans-serif"][:1] == [family]
    (['sans-serif'], True)
    """
    from matplotlib import font_manager, rcParams

    family = cjk_font()
    if family is None:
        tell_missing()
        return None
    rcParams["font.family"] = ["sans-serif"]
    rcParams["font.sans-serif"] = [family] + [name for name in rcParams["font.sans-serif"] if name != family]
    path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    rcParams["axes.unicode_minus"] = has_glyphs(path, "\u2212", getattr(path, "face_index", 0))
    return family
