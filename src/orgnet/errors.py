"""One hierarchy of errors; the CLI turns each into one message and an exit code.

Examples
--------
>>> err = ValidationError([Problem("posts.csv", 3, "start", "2012-13-01", "a date YYYY-MM-DD")])
>>> err.exit_code
2
>>> print(err.problems[0])
posts.csv row 3, column start: got '2012-13-01', expected a date YYYY-MM-DD
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: where it is, what it was, what was expected."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    expected: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f" row {self.row}"
        if self.column:
            where += f", column {self.column}"
        got = "" if self.value is None else f"got {_short(str(self.value))!r}, "
        return f"{where}: {got}expected {self.expected}"


def _short(value: str, limit: int = 80) -> str:
    return value if len(value) <= limit else value[:limit] + f"… ({len(value)} characters)"


class OrgnetError(Exception):
    """Base of every error orgnet raises on purpose."""

    exit_code = 1


class InputError(OrgnetError):
    """The user's input (data, rules, options) is wrong: exit code 2."""

    exit_code = 2


class ValidationError(InputError):
    """A dataset broke the contract; ``problems`` lists every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        noun = "problem" if len(self.problems) == 1 else "problems"
        super().__init__(f"{len(self.problems)} {noun} in the input")


class EngineError(OrgnetError):
    """An engine (Neo4j) failed: connection, authentication, server error. Exit code 1."""


class AmbiguousName(InputError):
    """A name given for an id (``--person 江龙林``) that several share; ``candidates`` lists them
    (``id, name, context``). Exit code 2.

    >>> import pandas as pd
    >>> print(AmbiguousName("--person", "李强", "person", pd.DataFrame(
    ...     {"id": ["P2", "P9"], "name": ["李强"] * 2, "context": ["M; 东村党支部 secretary", "M; no post on the day"]})))
    --person 李强: 2 people share this name; give one of their ids:
      P2  李强  (M; 东村党支部 secretary)
      P9  李强  (M; no post on the day)
    """

    def __init__(self, option: str, name: str, what: str, candidates):
        self.candidates, self.what = candidates, what
        plural = {"person": "people"}.get(what, what + "s")
        lines = [f"  {i}  {n}  ({c})" for i, n, c in zip(candidates["id"], candidates["name"], candidates["context"])]
        super().__init__(f"{option} {name}: {len(candidates)} {plural} share this name; give one of their ids:\n"
                         + "\n".join(lines))
