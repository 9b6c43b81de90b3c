"""Stable pseudonyms for people, and the one place that says what ``--redact`` keeps of a person.

A pseudonym is a keyed hash (HMAC-SHA256) of the person's id, so it cannot be turned back into the
id without the key, and two datasets redacted with the same key still line up. The key comes from
the environment variable ``ORGNET_REDACT_KEY``; without it, from ``~/.config/orgnet/redact.key``
(``$XDG_CONFIG_HOME/orgnet/redact.key`` when set), a random key written there on first use, readable
by its owner only, and created atomically: processes started together agree on one key. Keep that
file out of any repository; share it only with whoever must produce matching pseudonyms.

What leaves the machine under ``--redact`` (exports, views, the report, analysis tables, messages):

* a person's ``id`` and ``name`` become the pseudonym (as do ``person_id`` and ``person_name`` in
  result tables, and the people of ``diff``'s post events);
* of the other person columns only ``KEPT_PERSON_COLUMNS`` are kept (the schema's analytic
  attributes); every other column, such as a pinyin or English name or a phone number a workbook
  carries beyond the schema, is dropped;
* messages and titles carry the pseudonym instead of a person id named on the command line, and
  validation problems in person columns show no value and no "did it mean …?" hint.

Examples
--------
>>> pseudonym("P1", key=b"k")
'人员-F7942635'
>>> pseudonym("P1", key=b"k") == pseudonym("P1", key=b"k") != pseudonym("P2", key=b"k")
True
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import tempfile
import time
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from .errors import InputError, Problem
from .schema import SCHEMA

#: Environment variable holding the redaction key (any text).
KEY_ENV = "ORGNET_REDACT_KEY"
#: What every pseudonym starts with ("person").
PREFIX = "人员-"
#: Person columns kept as they are under --redact; ``id`` and ``name`` become the pseudonym, every
#: other column (pinyin or English names, phone numbers, anything beyond the schema) is dropped.
KEPT_PERSON_COLUMNS = ("gender", "birth_year", "education", "party_member", "reserve_cadre", "employer_org_id")
#: Person columns replaced by the pseudonym.
PSEUDONYM_COLUMNS = ("id", "name")
#: Columns of other tables that hold a person's id.
PERSON_REFERENCES = ("person_id",)
#: Result columns holding lists of person ids, and the list of names each one keys (``plan``'s candidates).
PERSON_LISTS = {"candidate_ids": "candidates", "post_person_ids": None}


def key_file() -> Path:
    """Where the generated key lives when ``ORGNET_REDACT_KEY`` is not set."""
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "orgnet" / "redact.key"


def redaction_key() -> bytes:
    """The key: ``$ORGNET_REDACT_KEY``, else the key file, created (mode 600) on first use."""
    text = os.environ.get(KEY_ENV)
    if text:
        return text.encode("utf-8")
    return _file_key(key_file())


@lru_cache(maxsize=4)
def _file_key(path: Path) -> bytes:
    if not path.exists():
        _create_key_file(path)
    return _read_key(path)


def _create_key_file(path: Path) -> None:
    """A new random key at ``path``, put there whole and at once: of processes racing to create it
    the first wins and the others keep its key (a temporary file hard-linked into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".redact.key.", dir=path.parent)  # mode 600
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_hex(32) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(temp, path)
        except FileExistsError:
            pass  # another process was first: its key stands
        except OSError:  # a file system without hard links: exclusive create, readers wait for the text
            _create_exclusive(path, Path(temp).read_text(encoding="ascii"))
    finally:
        os.unlink(temp)


def _create_exclusive(path: Path, text: str) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(text)


def _read_key(path: Path, wait: float = 2.0) -> bytes:
    """The key in ``path``; an empty file is waited for a moment (being written), then an error."""
    deadline = time.monotonic() + wait
    while True:
        text = path.read_text(encoding="ascii").strip()
        if text:
            return text.encode("ascii")
        if time.monotonic() > deadline:
            raise InputError(f"{path}: the redaction key file is empty; delete it (a new key is made) "
                             f"or set ${KEY_ENV}")
        time.sleep(0.02)


def pseudonym(person_id: str, key: bytes | None = None, digits: int = 8) -> str:
    """A stable pseudonym for a person id, e.g. ``人员-3F9A2C07`` (the first hex digits of HMAC-SHA256)."""
    key = redaction_key() if key is None else key
    digest = hmac.new(key, str(person_id).encode("utf-8"), hashlib.sha256).hexdigest()
    return PREFIX + digest[:digits].upper()


def pseudonyms(person_ids, key: bytes | None = None) -> dict[str, str]:
    """``{person_id: pseudonym}`` for many ids, reading the key once.

    Two ids whose short pseudonyms collide both get 16 hex digits instead, so no two people in one
    call share a pseudonym.

    >>> names = pseudonyms(["P1", "P2", "P1"], key=b"k")
    >>> len(names), names["P1"] == pseudonym("P1", key=b"k")
    (2, True)
    """
    key = redaction_key() if key is None else key
    short = {pid: pseudonym(pid, key) for pid in dict.fromkeys(person_ids)}
    seen: dict[str, int] = {}
    for name in short.values():
        seen[name] = seen.get(name, 0) + 1
    return {pid: name if seen[name] == 1 else pseudonym(pid, key, digits=16) for pid, name in short.items()}


def kept_person_columns(columns) -> list[str]:
    """The person columns that leave the machine under --redact, in their order.

    >>> kept_person_columns(["id", "name", "name_pinyin", "gender", "phone"])
    ['id', 'name', 'gender']
    """
    return [c for c in columns if c in PSEUDONYM_COLUMNS or c in KEPT_PERSON_COLUMNS]


def redact_person(attrs: dict, alias: str) -> dict:
    """One person's attributes (a graph node's) as --redact lets them out: id and name the alias,
    only the kept columns besides (and ``label``, the graph's own).

    >>> redact_person({"label": "Person", "id": "P1", "name": "王秀英", "gender": "F", "pinyin": "Wang"}, "人员-1")
    {'label': 'Person', 'id': '人员-1', 'name': '人员-1', 'gender': 'F'}
    """
    return {k: alias if k in PSEUDONYM_COLUMNS else v for k, v in attrs.items()
            if k in PSEUDONYM_COLUMNS or k in KEPT_PERSON_COLUMNS or k == "label"}


def redact_people_table(people, names: dict[str, str]):
    """The people table as --redact lets it out: ``id`` and ``name`` the pseudonyms in ``names``,
    only the kept columns besides."""
    frame = people[kept_person_columns(people.columns)].copy()
    alias = frame["id"].map(names)
    frame["id"] = alias
    if "name" in frame.columns:
        frame["name"] = alias
    return frame


def redact_frame(frame):
    """A result table with people replaced by pseudonyms: ``person_id`` and ``person_name`` (and, in
    ``diff``, the names and ids of people whose posts started or ended; in ``plan``, the candidates'
    ids and names and whose posts are listed). A ``person_name`` without a ``person_id`` to key it is
    emptied.

    >>> import pandas as pd
    >>> out = redact_frame(pd.DataFrame({"person_id": ["P1"], "person_name": ["王秀英"], "posts": [3]}))
    >>> out.person_name[0].startswith("人员-") and out.person_id[0] == out.person_name[0]
    True
    """
    frame = frame.copy()
    if "person_id" in frame.columns:
        names = pseudonyms(frame["person_id"])
        if "person_name" in frame.columns:
            frame["person_name"] = frame["person_id"].map(names)
        frame["person_id"] = frame["person_id"].map(names)
    elif "person_name" in frame.columns:
        frame["person_name"] = ""
    for ids, names in PERSON_LISTS.items():
        if ids in frame.columns:
            alias = pseudonyms([p for people in frame[ids] for p in people])
            if names in frame.columns:
                frame[names] = [[alias[p] for p in people] for people in frame[ids]]
            frame[ids] = [[alias[p] for p in people] for people in frame[ids]]
    if {"change", "subject_id", "name"} <= set(frame.columns):  # diff: post events name a person
        people = frame["change"].str.startswith("post_")
        names = pseudonyms(frame.loc[people, "subject_id"])
        frame.loc[people, "name"] = frame.loc[people, "subject_id"].map(names)
        frame.loc[people, "subject_id"] = frame.loc[people, "name"]
    return frame


def redact_text(text: str, person_ids, key: bytes | None = None) -> str:
    """A message or title with each of ``person_ids`` (ids named on the command line) replaced by
    its pseudonym.

    >>> redact_text("--person P1: no such person (nor P12)", ["P1"], key=b"k")
    '--person 人员-F7942635: no such person (nor P12)'
    """
    ids = [str(i) for i in person_ids if i]
    if not ids:
        return text
    names = pseudonyms(ids, key)
    pattern = "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
    return re.sub(rf"(?<![\w-])(?:{pattern})(?![\w-])", lambda m: names[m.group(0)], text)


def redact_known(frame, people: dict[str, str], key: bytes | None = None):
    """Any table (``orgnet query``'s rows) with every person id and name in ``people`` (id → name,
    all the people there are) replaced by the pseudonym wherever it appears in a cell: whole in an
    id, anywhere in a text (a name inside a list or a node's properties). ``person_id`` and
    ``person_name`` columns are pseudonymized as in ``redact_frame``. Texts computed from a name (a
    surname alone) are not recognized.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"who": ["P1", "P12"], "note": ['{"name": "王秀英"}', "王秀英; 李强"]})
    >>> out = redact_known(rows, {"P1": "王秀英", "P2": "李强"}, key=b"k")
    >>> p1, p2 = pseudonym("P1", key=b"k"), pseudonym("P2", key=b"k")
    >>> out.values.tolist() == [[p1, f'{{"name": "{p1}"}}'], ["P12", f"{p1}; {p2}"]]
    True
    """
    frame = redact_frame(frame) if {"person_id", "person_name"} & set(frame.columns) else frame.copy()
    aliases = pseudonyms(people, key)
    by_text = {name: aliases[pid] for pid, name in people.items() if name} | aliases
    if not by_text:
        return frame
    ids = "|".join(re.escape(i) for i in sorted(aliases, key=len, reverse=True))
    names = "|".join(re.escape(n) for n in sorted({n for n in people.values() if n}, key=len, reverse=True))
    pattern = re.compile("|".join(p for p in (rf"(?<![\w-])(?:{ids})(?![\w-])" if ids else "", names) if p))
    for column in frame.columns:
        if frame[column].dtype == object or str(frame[column].dtype) in ("str", "string"):
            frame[column] = frame[column].map(
                lambda v: pattern.sub(lambda m: by_text[m.group(0)], v) if isinstance(v, str) else v).astype(object)
    return frame


#: A hint in a problem's expectation that repeats the cell, e.g. "did it mean '王秀英'?".
_HINT = re.compile(r"[;,]?\s*did it mean .*?\?(?=\)|$)", re.S)


def redact_problems(problems: list[Problem]) -> list[Problem]:
    """Validation problems as --redact lets them out: a problem in a person column (a person's id,
    name or unkept column, a ``person_id`` anywhere, or a whole row of a table holding people) shows
    no value and no "did it mean …?" hint.

    >>> p = Problem("people.csv", 2, "name", "çŽ‹ç§€è‹±", "readable text (this looks mis-decoded; did it mean '王秀英'?)")
    >>> print(redact_problems([p])[0])
    people.csv row 2, column name: expected readable text (this looks mis-decoded)
    """
    return [replace(p, value=None, expected=_HINT.sub("", p.expected)) if _personal(p) else p for p in problems]


def _personal(problem: Problem) -> bool:
    """Whether a problem's cell may hold who a person is (unknown files and columns: yes)."""
    name = problem.file.rsplit("[", 1)[1].rstrip("]") if problem.file.endswith("]") else Path(problem.file).stem
    table = SCHEMA.table_named(name)
    if table is None:
        return True
    columns = [table.header_names().get(c.strip().lower(), c.strip()) for c in (problem.column or "").split(",")]
    if table.name == "people":
        return not problem.column or any(c not in KEPT_PERSON_COLUMNS for c in columns)
    holds_people = any(c in table.columns for c in PERSON_REFERENCES)
    return holds_people and (not problem.column or any(c in PERSON_REFERENCES or c not in table.columns for c in columns))
