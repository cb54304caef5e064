"""Hostile pass 3, cause M (= hostile pass 2, R10): a review database with a damaged page.

Before the fix it opened; the quiz showed the first question, took the answer, and refused the database only
at the first write: the answer was lost. Now a command that will write checks the file when it opens it
(SQLite's `quick_check`) and refuses before it asks anything; the file is left as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from harness import DATA, run

from quizgen.quiz.scheduling import Rating, Scheduler
from quizgen.quiz.store import Store

BANK = DATA / "quiz" / "bank"
T0 = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
MESSAGE = ("Error: r.db is damaged (SQLite's check: Page 2: btreeInitPage() returns error code 11). It was not "
           "changed; restore a backup, or pass --db with another path to start a new history.\n")


def _damaged_history() -> Path:
    """Two reviews, then page 2 of the file overwritten (as a bad disk sector or a stray write would)."""
    db = Path("r.db")
    sched = Scheduler(fuzz=False)
    with Store(db) as store:
        for item in ("t-visitor", "t-host"):
            store.add_review(item, Rating.GOOD, T0, lambda prev, i=item: sched.review(sched.new_card(i, T0), 3, T0))  # type: ignore[misc]
    with db.open("r+b") as f:
        f.seek(4096)
        f.write(b"\xde\xad" * 2048)
    return db


def test_the_quiz_refuses_a_damaged_page_before_the_first_question() -> None:
    db = _damaged_history()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    res = run("quiz", "--bank", str(BANK), "--db", str(db), "--now", "2025-03-20T09:00", input="しゅうきんぺい\nq\n")
    assert res.fails_cleanly() == MESSAGE
    assert res.out == ""  # no question was shown, so no answer was typed and lost
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("args", [["--reset-all"], ["--reset", "t-host"]])
def test_a_leech_reset_refuses_it_before_it_writes(args: list[str]) -> None:
    db = _damaged_history()
    res = run("leeches", "--bank", str(BANK), "--db", str(db), "--now", "2025-03-20T09:00", *args)
    assert res.fails_cleanly() == MESSAGE
