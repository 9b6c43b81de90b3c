"""What a number or rule value from the user may be: integers an engine can hold (signed 64-bit), and
each rule threshold's type, range and known values (the checks behind ``Rules.from_toml``,
``Rules.with_overrides`` and ``orgnet query --param``). Every problem is reported, not just the first.

Examples
--------
>>> fits_int64(2**63 - 1), fits_int64(2**63), fits_int64([1, {"a": -2**64}])
(True, False, False)
>>> defaults = {"nameplate_jaccard": 0.5, "links_min": 1, "links_max": 3, "stats_levels": ("county",)}
>>> rule_problems({"nameplate_jaccard": 1.5, "links_min": 4, "links_max": 3, "stats_levels": ["planet"]}, defaults)
['rule nameplate_jaccard = 1.5: expected a number from 0 to 1', "rule stats_levels = ['planet']: \
expected a list of county, district, township, street, village, community, park (not 'planet')", \
'rule links_min = 4: expected at most links_max (3)']
"""

from __future__ import annotations

import math
from functools import cache

from .sanctioned import RULE_IDS as SANCTIONED_IDS
from .schema import SCHEMA

#: The integers Neo4j (and Arrow's int64) can hold; beyond them an engine overflows.
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

#: Rules that are shares or similarities: numbers from 0 to 1.
SHARES = ("nameplate_jaccard", "department_teams_min_share", "reserve_women_min_share")
#: Whole-number rules whose least value is not 0.
LEAST = {"bridges_exact_max_nodes": 1, "min_posts": 1}  # min_posts as --min-posts: a person with no post is no overlap
#: Pairs of rules that must be in order (the first at most the second).
ORDERED = (("links_min", "links_max"),)
#: Lists whose order matters: a value may appear only once.
ORDERS = ("grade_order", "plan_first_grades")
#: Rules that are one word of a few.
CHOICES = {"overlap_lens": ("load", "cross", "all")}


def fits_int64(value) -> bool:
    """Whether every integer in ``value`` (searched through lists and dicts, however deep: no
    recursion) is a signed 64-bit one."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, bool):
            continue
        if isinstance(item, int) and not INT64_MIN <= item <= INT64_MAX:
            return False
        if isinstance(item, list | tuple):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return True


@cache
def known_values() -> dict[str, tuple[str, ...]]:
    """Rule → the values its list may hold, from the schema."""
    levels = SCHEMA.tables["regions"].columns["level"].values
    grades = SCHEMA.tables["bodies"].columns["grade"].values
    return {"committee_types": tuple(SCHEMA.system_types["women"]), "executive_levels": tuple(levels),
            "stats_levels": tuple(levels), "cadre_federation_levels": tuple(levels),
            "grade_order": (*grades, "none"), "plan_first_grades": tuple(grades),
            "sanctioned": SANCTIONED_IDS}


def rule_value(name: str, value, default):
    """One rule's value checked against its default's type and the rule's range.

    Returns ``(value, None)`` with the value as the rule holds it (a tuple for a list, a float for
    a share), or ``(None, problem)``.

    >>> rule_value("demo_hops", -1, 2)
    (None, 'rule demo_hops = -1: expected a whole number from 0 to 9223372036854775807')
    >>> rule_value("grade_order", ["weak", "excellent"], ())
    (('weak', 'excellent'), None)
    """
    if isinstance(default, str):
        choices = CHOICES.get(name, ())
        if value not in choices:
            return None, f"rule {name} = {_shown(value)}: expected one of {', '.join(choices)}"
        return value, None
    expected = _expected(name, value, default)
    if expected:
        return None, f"rule {name} = {_shown(value)}: expected {expected}"
    return (tuple(value) if isinstance(default, tuple) else float(value) if isinstance(default, float) else value), None


def _expected(name: str, value, default) -> str | None:
    """What was expected of a rule's value, or None when it is fine."""
    if isinstance(default, tuple):
        allowed = known_values().get(name)
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            return "a list of strings" + (f": {', '.join(allowed)}" if allowed else "")
        unknown = [v for v in value if allowed is not None and v not in allowed]
        if unknown:
            return f"a list of {', '.join(allowed)} (not {unknown[0]!r})"
        if name in ORDERS and len(set(value)) != len(value):
            return "each value once (an order, best first)"
        return None
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return "a number from 0 to 1" if name in SHARES else "a number"
        if not fits_int64(value) or (name in SHARES and not 0 <= value <= 1):
            return "a number from 0 to 1" if name in SHARES else "a number"
        return None
    least = LEAST.get(name, 0)
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= INT64_MAX:
        return f"a whole number from {least} to {INT64_MAX}"
    return None


def _shown(value) -> str:
    """A value as the message shows it (a very long number cut short)."""
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else f"{str(value)[:20]}… ({len(str(value))} digits)"
    return text if len(text) <= 80 else text[:80] + "…"


def rule_problems(values: dict, defaults: dict) -> list[str]:
    """Every problem with rule values (``name → value``), the order of min/max pairs included.

    ``defaults`` (every rule's name → its default, as ``Rules()`` holds them) give each rule's type."""
    problems, good = [], dict(defaults)
    for name, value in values.items():
        checked, problem = rule_value(name, value, defaults[name])
        if problem:
            problems.append(problem)
        else:
            good[name] = checked
    for low, high in ORDERED:
        if (low in values or high in values) and not _problem_for(problems, low, high) and good[low] > good[high]:
            problems.append(f"rule {low} = {good[low]}: expected at most {high} ({good[high]})")
    return problems


def _problem_for(problems: list[str], *names: str) -> bool:
    return any(p.startswith(f"rule {n} =") for p in problems for n in names)
