"""What changed between two dates: gaps opened and closed, bodies and posts, coverage per region.

Columns: ``change, subject_id, name, region_id, detail, before, after`` (the documented contract;
``detail`` is the row in words), then the typed columns: ``rule``, ``body_id`` and ``gap_detail`` (a
gap's rule, its headless body, its own detail), ``role`` and ``date`` (an event's), ``shift`` (a
region's change in two-new coverage, in percentage points).
"""

from __future__ import annotations

import pandas as pd

from ..results import Contract
from ..rules import Rules
from .record import Analysis

#: The order of diff's rows.
DIFF_CHANGES = ("gap_opened", "gap_closed", "body_founded", "body_dissolved", "post_started", "post_ended", "coverage")


def _gap_key(row) -> tuple:
    # A vacant head belongs to its body; other gaps to the organization and rule.
    return (row.org_id, row.region_id, row.rule, row.body_id)


def diff(engine, start, end, rules: Rules) -> pd.DataFrame:
    """Rows for every change between ``start`` and ``end`` (``change`` says which).

    Examples
    --------
    >>> import orgnet
    >>> from orgnet.rules import Rules
    >>> net = orgnet.load("tests/data/tiny")
    >>> d = diff(net.engine, "2012-01-01", "2012-12-31", Rules())
    >>> d[d.change != "coverage"][["change", "subject_id"]].values.tolist()
    [['gap_opened', 'O1'], ['gap_opened', 'O1'], ['gap_closed', 'O7'], ['body_dissolved', 'B15'], ['post_started', 'P13']]
    """
    rows = []
    before = engine.answer("gaps", as_of=start, rules=rules)
    after = engine.answer("gaps", as_of=end, rules=rules)
    keys_before = {_gap_key(r): r for r in before.itertuples()}
    keys_after = {_gap_key(r): r for r in after.itertuples()}
    for change, mine, other in (("gap_opened", keys_after, keys_before), ("gap_closed", keys_before, keys_after)):
        for key, r in mine.items():
            if key not in other:
                rows.append({"change": change, "subject_id": r.org_id, "name": r.org_name, "region_id": r.region_id,
                             "detail": f"{r.rule}: {r.detail}", "before": "", "after": "", "rule": r.rule,
                             "body_id": r.body_id, "gap_detail": r.detail})
    for e in engine.answer("events", start=start, end=end).itertuples():
        rows.append({"change": e.change, "subject_id": e.subject_id, "name": e.name, "region_id": e.region_id,
                     "detail": f"{e.detail} on {e.date}", "before": "", "after": "", "body_id": e.body_id,
                     "role": e.role, "date": e.date})
    rows += _coverage_rows(engine.answer("stats", as_of=start, rules=rules),
                           engine.answer("stats", as_of=end, rules=rules))
    return DIFF.finish(rows)


def _coverage_rows(first: pd.DataFrame, last: pd.DataFrame) -> list[dict]:
    pick = lambda s: s[s.figure == "two_new_coverage"].set_index("region_id")  # noqa: E731
    first, last = pick(first), pick(last)
    rows = []
    for region, now in last.iterrows():
        was = first.loc[region]
        shift = float("nan") if pd.isna(was.value) or pd.isna(now.value) else round(now.value - was.value, 1)
        rows.append({"change": "coverage", "subject_id": region, "name": now.region_name, "region_id": region,
                     "detail": "" if pd.isna(shift) else f"Δ {shift:+.1f} points", "before": _rate(was),
                     "after": _rate(now), "shift": shift})
    return rows


def _rate(row) -> str:
    return f"{row.value}% ({row.numerator}/{row.denominator})" if row.denominator else "n/a (0/0)"


DIFF = Contract(columns=("change", "subject_id", "name", "region_id", "detail", "before", "after", "rule", "body_id",
                         "gap_detail", "role", "date", "shift"), floats=("shift",),
                order=(("change", True), ("subject_id", True), ("detail", True)), declared={"change": DIFF_CHANGES})

ANALYSES = (Analysis(name="diff", kind="derived", contract=DIFF, derived=diff, args=("start", "end", "rules"),
                     summary="What changed between two days: gaps, bodies, posts, coverage per region."),)
