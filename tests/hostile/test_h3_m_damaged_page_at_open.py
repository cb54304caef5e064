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


# Issue 19: the check reads every page, so it runs only when the file changed since the last clean close.


def _sound_history() -> Path:
    db = Path("r.db")
    sched = Scheduler(fuzz=False)
    with Store(db) as store:
        store.add_review("t-host", Rating.GOOD, T0, lambda prev: sched.review(sched.new_card("t-host", T0), 3, T0))
    return db


def test_a_file_as_its_last_clean_close_left_it_is_not_read_again() -> None:
    db = _sound_history()  # its first open checked it (a new file has nothing to check: schema 0)
    with Store(db) as store:  # checks it, finds it sound, and records its stamp on closing
        assert store._check is not None
        store.checked()
    assert Path("r.db-checked").is_file()
    with Store(db) as store:
        assert store._check is None  # unchanged since: not read again


@pytest.mark.parametrize("put_back_times", [False, True])
def test_damage_after_a_clean_close_is_still_refused_before_the_first_question(put_back_times: bool) -> None:
    import os

    db = _sound_history()
    with Store(db) as store:
        store.checked()
    assert Path("r.db-checked").is_file()
    st = db.stat()
    with db.open("r+b") as f:  # a stray write after the clean close
        f.seek(4096)
        f.write(b"\xde\xad" * 2048)
    if put_back_times:  # the modification time set back: the change time still moved
        os.utime(db, ns=(st.st_atime_ns, st.st_mtime_ns))
    res = run("quiz", "--bank", str(BANK), "--db", str(db), "--now", "2025-03-20T09:00", input="しゅうきんぺい\nq\n")
    assert res.fails_cleanly() == MESSAGE
    assert res.out == ""
