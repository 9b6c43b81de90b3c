"""Stable pseudonyms for people: the same person gets the same pseudonym in every run and file.

A pseudonym is a keyed hash (HMAC-SHA256) of the person's id, so it cannot be turned back into the
id without the key, and two datasets redacted with the same key still line up. The key comes from
the environment variable ``ORGNET_REDACT_KEY``; without it, from ``~/.config/orgnet/redact.key``
(``$XDG_CONFIG_HOME/orgnet/redact.key`` when set), a random key written there on first use, readable
by its owner only. Keep that file out of any repository; share it only with whoever must produce
matching pseudonyms.

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
import secrets
from functools import lru_cache
from pathlib import Path

#: Environment variable holding the redaction key (any text).
KEY_ENV = "ORGNET_REDACT_KEY"
#: What every pseudonym starts with ("person").
PREFIX = "人员-"


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
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_hex(32) + "\n")
    return path.read_text(encoding="ascii").strip().encode("ascii")


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


def redact_frame(frame):
    """A result table with people replaced by pseudonyms: ``person_id`` and ``person_name`` (and, in
    ``diff``, the names and ids of people whose posts started or ended).

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
    if {"change", "subject_id", "name"} <= set(frame.columns):  # diff: post events name a person
        people = frame["change"].str.startswith("post_")
        names = pseudonyms(frame.loc[people, "subject_id"])
        frame.loc[people, "name"] = frame.loc[people, "subject_id"].map(names)
        frame.loc[people, "subject_id"] = frame.loc[people, "name"]
    return frame
