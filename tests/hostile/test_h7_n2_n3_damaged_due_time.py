"""Hostile pass 7, N2 and N3: a card whose due column holds no time (`9999-99-99`).

`stats` refused the file as damaged, but `due` printed its report ("0 cards due now.") and then the error, and the
quiz said nothing at all: the card was in no queue (a "time" after every year is never due), so the quiz asked the
others and saved their answers into a file `stats` tells the user to restore from a backup, which would drop them.
Now `due` and the quiz refuse it as `stats` does, before printing a report or asking a question
(`Store.check_dues`, one pass over the cards).
"""

from __future__ import annotations

import sqlite3
from functools import partial
from pathlib import Path

import pytest
from harness import run
from test_h3_a_damaged_card_state import BANK, LATER, T0, _first_review
from test_h4_e_damaged_state_before_the_first_question import _count

from quizgen.quiz.scheduling import Rating, Scheduler
from quizgen.quiz.store import Store

BAD_DUES = ["9999-99-99", "0000-01-01T09:00:00.000000+00:00", "2025-02-31T09:00:00.000000+00:00",
            "2025-13-01T09:00:00.000000+00:00", "", "tomorrow"]

def _history() -> Path:
    db = Path("r.db")
    sched = Scheduler(fuzz=False)
    with Store(db) as store:
        for item in ("t-visitor", "t-host"):
            store.add_review(item, Rating.GOOD, T0, partial(_first_review, sched, item))
    return db


def _history_with_a_bad_due(due: str) -> Path:
    """t-visitor and t-host reviewed (`_history`), then review 3 of t-host: a sound state, the due time `due`."""
    db = _history()
    con = sqlite3.connect(db)
    with con:
        (state,) = con.execute("SELECT state FROM reviews WHERE id = 2").fetchone()
        con.execute("INSERT INTO reviews (kind, item_id, reviewed_at, rating, state, due, card_state, prior_state, "
                    "correct, mode, answer) VALUES ('review', 't-host', '2025-03-01T09:05:00.000000+00:00', 3, ?, ?, "
                    "2, 1, 1, 'typed', 'x')", (state, due))
    con.close()
    return db


def _message(due: str) -> str:
    return (f"Error: r.db is damaged: review 3 has a bad time {due!r} in its due column. It was not changed; "
            "restore a backup, or pass --db with another path to start a new history.\n")

@pytest.mark.parametrize("due", BAD_DUES)
@pytest.mark.parametrize("command", ["stats", "due"])
def test_stats_and_due_refuse_before_printing_anything(due: str, command: str) -> None:
    db = _history_with_a_bad_due(due)
    res = run(command, "--bank", str(BANK), "--db", str(db), "--now", LATER)
    assert res.fails_cleanly() == _message(due)
    assert res.out == ""

@pytest.mark.parametrize("due", BAD_DUES)
def test_the_quiz_refuses_before_the_first_question(due: str) -> None:
    db = _history_with_a_bad_due(due)
    before = _count(db)
    res = run("quiz", "--bank", str(BANK), "--db", str(db), "--now", LATER, "--seed", "5",
              input="しゅうきんぺい\nぷーちん\nq\n")
    assert res.fails_cleanly() == _message(due)
    assert "> " not in res.out  # no question was asked
    assert _count(db) == before  # nothing written to a file the user is told to restore

def test_a_due_time_in_another_spelling_of_a_real_time_is_no_damage() -> None:
    db = _history_with_a_bad_due("2025-03-02T09:00:00+00:00")  # no microseconds: not what quizgen writes, but a time
    assert run("stats", "--bank", str(BANK), "--db", str(db), "--now", LATER).code == 0
    assert run("due", "--bank", str(BANK), "--db", str(db), "--now", LATER).code == 0
    res = run("quiz", "--bank", str(BANK), "--db", str(db), "--now", LATER, "--seed", "5", input="q\n")
    assert res.code == 0, res.err
