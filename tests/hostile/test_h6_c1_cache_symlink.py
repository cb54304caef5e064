"""Hostile pass 6, C1: a link planted where the bank cache lives is never written through.

`quiz`/`stats` wrote the new cache through the link, so the file it led to (any file the user can write) was
replaced by SQLite data, with exit 0. The link itself is replaced now; what it leads to is untouched.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import run


def test_a_link_at_the_cache_path_is_replaced_not_written_through(bank: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(cache))
    assert run("stats", "--bank", "bank", "--db", "q.db").code == 0  # makes the cache
    (made,) = cache.glob("bank-*.sqlite3")
    precious = tmp_path / "precious.txt"
    precious.write_text("my precious notes\n", encoding="utf-8")
    made.unlink()
    made.symlink_to(precious)

    assert run("stats", "--bank", "bank", "--db", "q.db").code == 0

    assert precious.read_text(encoding="utf-8") == "my precious notes\n"
    assert not made.is_symlink() and made.read_bytes().startswith(b"SQLite format 3")
