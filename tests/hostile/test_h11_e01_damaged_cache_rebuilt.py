"""Hostile pass 11, E01: a damaged bank cache is rebuilt from the bank in the same run, never a dead end.

A cache whose pages SQLite cannot read made `quiz`, `stats` and `due` say "cannot be read (database disk image is
malformed); run the command again, which rebuilds it" — and every later run said the same: nothing rebuilt it.
The cache is quizgen's own derived file: a damaged one is now replaced by one written anew from the bank, said in
one line on standard error, and the command goes on; where it cannot be replaced, the message names the file and
what to do.
"""

from __future__ import annotations

import shlex
import sqlite3
from pathlib import Path

import pytest
from harness import in_namespace, run

NOW = "2026-11-26T09:00"


def _damage_pages(cache: Path) -> None:
    """Overwrite every page of the cache but its schema, `meta` and `files` (read at open, they stay whole)."""
    con = sqlite3.connect(cache)
    page_size, pages = con.execute("PRAGMA page_size").fetchone()[0], con.execute("PRAGMA page_count").fetchone()[0]
    kept = {root for (root,) in con.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name IN ('meta', 'files')")}
    assert con.execute("SELECT COUNT(*) FROM files").fetchone()[0] < 20  # one page each, no overflow
    con.close()
    with cache.open("r+b") as f:
        for page in set(range(2, pages + 1)) - kept:
            f.seek((page - 1) * page_size)
            f.write(b"\xff" * page_size)


@pytest.mark.parametrize("command", [("stats",), ("due",), ("quiz", "--limit", "1", "--seed", "1")])
def test_a_damaged_cache_is_rebuilt_in_the_same_run(bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     command: tuple[str, ...]) -> None:
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "cache"))
    args = (*command, "--bank", "bank", "--db", "r.db", "--now", NOW)
    first = run(*args, input="q\n")
    assert first.code == 0, first.err
    (cache,) = (tmp_path / "cache").glob("bank-*.sqlite3")
    _damage_pages(cache)

    again = run(*args, input="q\n")

    assert again.code == 0, again.err
    assert again.err == (f"note: the bank cache {cache} was damaged (database disk image is malformed); "
                         "rebuilt it from the bank\n")
    assert sqlite3.connect(cache).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    third = run(*args, input="q\n")
    assert (third.code, third.err, third.out) == (0, "", again.out)  # rebuilt for good: no word the next time


def test_a_damaged_cache_that_cannot_be_replaced_names_its_path(bank: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(cache))
    assert run("stats", "--bank", "bank", "--db", "r.db", "--now", NOW).code == 0
    (made,) = cache.glob("bank-*.sqlite3")
    _damage_pages(made)
    folder = shlex.quote(str(cache))
    res = in_namespace(f"cd {shlex.quote(str(tmp_path))} && mount --bind -o ro {folder} {folder} && "
                       f"$QUIZGEN stats --bank bank --db r.db --now {NOW}; echo \"rc=$?\"")

    assert res.err == (f"Error: the bank cache {made} is damaged (database disk image is malformed) and cannot be "
                       "replaced (Read-only file system); delete it, or set QUIZGEN_CACHE_DIR= (empty) to read the "
                       "bank without a cache\n")
    assert res.out == "rc=1\n"
