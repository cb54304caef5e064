"""Hostile pass 11 (re-run of pass 8): `stats`, `due` and `leeches` printed figures, exit 0, from a review database
whose pages are damaged, while `quiz` refused it as malformed.

They check the file now on the quiz's terms (SQLite's quick check, only when the file changed since the last clean
close or check: `bench/bench_stats.py` keeps its goal) and refuse it with the quiz's message, which is one message
for one damage whichever command meets it first.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from harness import DATA, run

BANK = DATA / "quiz" / "bank"
NOW = ("--now", "2025-03-20T09:00")
MESSAGE = ("Error: r.db is damaged (SQLite's check: Page 2: btreeInitPage() returns error code 11). It was not "
           "changed; restore a backup, or pass --db with another path to start a new history.\n")


def _history() -> Path:
    res = run("quiz", "--bank", str(BANK), "--db", "r.db", *NOW, "--seed", "1", input="x\n\ny\n\nq\n")
    assert res.code == 0, res.err
    return Path("r.db")


def _damage(db: Path) -> None:
    with db.open("r+b") as f:  # as the hostile tester did: page 2 overwritten
        f.seek(4096)
        f.write(b"\xff" * 3000)


@pytest.mark.parametrize("command", ["stats", "due", "leeches", "quiz"])
def test_a_damaged_page_is_named_by_every_command(command: str) -> None:
    db = _history()
    _damage(db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()

    res = run(command, "--bank", str(BANK), "--db", "r.db", *NOW, input="x\nq\n")

    assert res.fails_cleanly() == MESSAGE
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_sound_file_is_checked_once_by_a_reading_command() -> None:
    db = _history()
    Path("r.db-checked").unlink(missing_ok=True)  # as a file no clean close recorded (new, copied, restored)
    assert run("stats", "--bank", str(BANK), "--db", "r.db", *NOW).code == 0
    assert Path("r.db-checked").is_file()  # found sound: the next `stats` does not read every page again
    _damage(db)  # any change after the check is checked again
    assert run("stats", "--bank", str(BANK), "--db", "r.db", *NOW).fails_cleanly() == MESSAGE
