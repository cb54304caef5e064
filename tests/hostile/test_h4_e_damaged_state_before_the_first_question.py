"""Hostile pass 4, cause E: the quiz found a damaged card state mid-session, after it had saved answers.

With one due card's state damaged, `stats` and `due` refused at once, but the quiz asked and saved the other due
cards and stopped only at the damaged one, saying "… is damaged … It was not changed; restore a backup" (false:
this session's answers had just been written, and restoring a backup would drop them), with no summary. Now the
quiz checks the state of every card in its queue before the first question: the same one line, and it is true.
"""

from __future__ import annotations

import sqlite3

from harness import DATA, run
from test_h3_a_damaged_card_state import LATER, _history_with_a_bad_state, _message

BANK = DATA / "quiz" / "bank"


def _count(db: object) -> int:
    con = sqlite3.connect(str(db))
    try:
        return int(con.execute("SELECT COUNT(*) FROM reviews").fetchone()[0])
    finally:
        con.close()


def test_the_quiz_refuses_a_damaged_queued_card_before_the_first_question() -> None:
    db = _history_with_a_bad_state("{not json")
    before = _count(db)
    # seed 5 asks t-visitor (sound) first, t-host (damaged) second
    res = run("quiz", "--bank", str(BANK), "--db", str(db), "--now", LATER, "--new", "0", "--seed", "5",
              input="しゅうきんぺい\nぷーちん\nq\n")
    assert res.fails_cleanly() == _message("it is not JSON")  # "It was not changed": true now
    assert "> " not in res.out  # no question was asked
    assert _count(db) == before
