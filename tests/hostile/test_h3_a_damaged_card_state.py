"""Hostile pass 3, cause A: a damaged card state (the fsrs JSON in the review log) in the review database.

Before the fix `stats` and `due` passed it, and the quiz asked the card, took the answer, then died with a
traceback (JSONDecodeError, TypeError, KeyError, ValueError) and lost the answer. Now the quiz refuses before
it asks any card (hostile pass 4, cause E: before the first question), and `stats` and `due` refuse with the
same line: the database, the review and card, the column, what is wrong, and what to do.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from harness import DATA, run

from quizgen.quiz.scheduling import Rating, Scheduler
from quizgen.quiz.store import Store

if TYPE_CHECKING:
    from fsrs import Card

BANK = DATA / "quiz" / "bank"
T0 = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
LATER = "2025-03-20T09:00"  # both cards are due again

BAD_STATES = {
    "{not json": "it is not JSON",
    "null": "it is null, not an object",
    "{}": "it has no card_id",
    '{"card_id":1,"state":1,"step":1,"due":"garbage","stability":1,"difficulty":1,"last_review":"x"}':
        "its due 'garbage' is not a time with its UTC offset",
    '{"card_id":1,"state":2,"step":null,"due":"2025-03-02T09:00:00+00:00","stability":null,"difficulty":5,'
    '"last_review":"2025-03-01T09:00:00+00:00"}': "its stability None is not a positive number",
}


def _first_review(sched: Scheduler, item: str, prev: Card | None) -> Card:
    return sched.review(sched.new_card(item, T0), Rating.GOOD, T0)


def _history_with_a_bad_state(state: str) -> Path:
    """t-visitor (習近平) reviewed, then t-host (プーチン), then a damaged review of t-host: review 3."""
    db = Path("r.db")
    sched = Scheduler(fuzz=False)
    with Store(db) as store:
        for item in ("t-visitor", "t-host"):
            store.add_review(item, Rating.GOOD, T0, partial(_first_review, sched, item))
    con = sqlite3.connect(db)
    with con:
        con.execute("INSERT INTO reviews (kind, item_id, reviewed_at, rating, state, due, card_state, prior_state, "
                    "correct, mode, answer) VALUES ('review', 't-host', ?, 3, ?, '2025-03-02T09:00:00.000000+00:00', 2, "
                    "1, 1, 'typed', 'x')", ("2025-03-01T09:05:00.000000+00:00", state))
    con.close()
    return db


def _message(problem: str) -> str:
    return (f"Error: r.db is damaged: review 3 of card t-host has a bad card state in its state column ({problem}). "
            "It was not changed; restore a backup, or pass --db with another path to start a new history.\n")


@pytest.mark.parametrize("state", BAD_STATES)
def test_the_quiz_refuses_a_damaged_state_before_asking_any_card(state: str) -> None:
    db = _history_with_a_bad_state(state)
    # (seed 5 asks t-visitor first) t-host is damaged: since hostile pass 4 (cause E) the quiz checks every queued
    # card's state before the first question, so nothing is asked and "It was not changed" is true
    res = run("quiz", "--bank", str(BANK), "--db", str(db), "--now", LATER, "--new", "0", "--seed", "5",
              input="しゅうきんぺい\nぷーちん\nq\n")
    assert res.err == _message(BAD_STATES[state])
    assert res.fails_cleanly() == res.err
    assert "> " not in res.out  # no answer was typed into the void
    with Store(db) as store:
        assert [(r.item_id, r.answer) for r in store.reviews()][-1] == ("t-host", "x")  # nothing saved after it


@pytest.mark.parametrize("command", ["stats", "due"])
@pytest.mark.parametrize("state", BAD_STATES)
def test_stats_and_due_say_the_same(state: str, command: str) -> None:
    db = _history_with_a_bad_state(state)
    res = run(command, "--bank", str(BANK), "--db", str(db), "--now", LATER)
    assert res.fails_cleanly() == _message(BAD_STATES[state])
