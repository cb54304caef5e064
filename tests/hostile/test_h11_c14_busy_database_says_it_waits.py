"""Hostile pass 11, C14: with another program holding the review database's write lock, the quiz took the answer and
waited 15 s in silence before its message.

It says at once (within a second) that the database is in use and how long it waits; the wait loses nothing: a lock
let go within it, the answer is saved and the quiz goes on.
"""

from __future__ import annotations

import sqlite3
import subprocess
import time
from pathlib import Path

from harness import DATA, command, run

BANK = DATA / "quiz" / "bank"
ARGS = ("quiz", "--bank", str(BANK), "--db", "q.db", "--now", "2025-03-01T09:00", "--seed", "5", "--limit", "1")
NOTE = ("note: the review database q.db is in use by another program (another quiz?); waiting up to 15 s for it "
        "before saving\n")


def test_the_wait_is_said_at_once_and_loses_nothing() -> None:
    assert run(*ARGS, "--new", "0").code == 0  # makes the database
    lock = sqlite3.connect("q.db", isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")
    with Path("err.txt").open("w") as err:
        proc = subprocess.Popen(command(*ARGS), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err, text=True)
        assert proc.stdin is not None
        proc.stdin.write("x\n")
        proc.stdin.flush()
        try:
            deadline = time.monotonic() + 30  # the quiz's start, then the answer: the note within a second of it
            while Path("err.txt").read_text(encoding="utf-8") != NOTE:
                assert time.monotonic() < deadline and proc.poll() is None, Path("err.txt").read_text(encoding="utf-8")
                time.sleep(0.05)
            said_at = time.monotonic()
        finally:
            lock.rollback()
            lock.close()
        proc.communicate("q\n", timeout=60)
    assert time.monotonic() - said_at < 14  # the answer saved when the lock went, not at the end of the wait
    assert proc.returncode == 0
    assert Path("err.txt").read_text(encoding="utf-8") == NOTE
    con = sqlite3.connect("q.db")
    assert con.execute("SELECT COUNT(*) FROM reviews").fetchone() == (1,)
    con.close()
