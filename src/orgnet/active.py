"""What "active on a day" means, written once for Python: ``first <= day < last``, empty ends open.

A body is active while ``founded <= day`` (or founded is empty) and ``dissolved`` is empty or later;
a post is held while ``start <= day`` (or empty) and ``end`` is empty or later; a liaison link or a
room's use between ``since`` and ``until`` alike. Cypher's one definition is the ``active`` fragment
(``cypher/README.md``); the test oracle (``tests/oracle.py``) keeps its own on purpose.

Examples
--------
>>> from datetime import date
>>> active(date(2010, 1, 1), None, date(2012, 6, 30)), active(None, date(2012, 6, 30), date(2012, 6, 30))
(True, False)
>>> d = np.array(["2010-01-01", "NaT"], dtype="datetime64[s]")
>>> active(d, np.array(["NaT", "2012-06-30"], dtype="datetime64[s]"), date(2012, 6, 30)).tolist()
[True, False]
"""

from __future__ import annotations

from datetime import date

import numpy as np


def active(first, last, day: date):
    """``first <= day < last`` with empty ends open, for two dates (``None``: empty) or two whole
    columns of ``datetime64`` (``NaT``: empty). ``last=None`` for a column: only the first day counts
    (a demonstration point is named on a day and stays one)."""
    if isinstance(first, np.ndarray):
        at = np.datetime64(day, "s")
        begun = np.isnat(first) | (first <= at)
        return begun if last is None else begun & (np.isnat(last) | (last > at))
    return (first is None or first <= day) and (last is None or last > day)
