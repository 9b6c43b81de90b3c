"""Pseudonyms: keyed, stable, never the name; the key lives outside the repository."""

from __future__ import annotations

import stat

from orgnet import redact


def test_stable_and_keyed(monkeypatch):
    monkeypatch.setenv(redact.KEY_ENV, "one")
    a = redact.pseudonym("P1")
    assert a == redact.pseudonym("P1") and a.startswith("人员-") and len(a) == len("人员-") + 8
    monkeypatch.setenv(redact.KEY_ENV, "two")
    assert redact.pseudonym("P1") != a


def test_key_file_created_once_private(monkeypatch, tmp_path):
    monkeypatch.delenv(redact.KEY_ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    redact._file_key.cache_clear()
    try:
        first = redact.pseudonym("P1")
        key = tmp_path / "orgnet" / "redact.key"
        assert key.exists() and stat.S_IMODE(key.stat().st_mode) == 0o600
        redact._file_key.cache_clear()
        assert redact.pseudonym("P1") == first  # read back, not regenerated
    finally:
        redact._file_key.cache_clear()


def test_collisions_get_longer_names():
    names = redact.pseudonyms([f"P{i}" for i in range(20000)], key=b"k")
    assert len(set(names.values())) == 20000
