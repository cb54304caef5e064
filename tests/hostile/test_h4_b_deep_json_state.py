"""Hostile pass 4, cause B: a card state in the review database that is deeply nested JSON ('[[[[…').

Before the fix `json.loads` hit Python's recursion limit and `stats`, `due` and the quiz died with a
RecursionError traceback. Now the state check refuses it with the one-line "bad card state" message that
every other damaged state gets (hostile pass 3, cause A).
"""

from __future__ import annotations

import pytest
from harness import DATA, run
from test_h3_a_damaged_card_state import LATER, _history_with_a_bad_state, _message

from quizgen.quiz.scheduling import state_problem

BANK = DATA / "quiz" / "bank"
DEEP = "[" * 100_000
WHY = "it is nested too deeply to be a card state"


def test_the_state_check_names_a_deeply_nested_state() -> None:
    assert state_problem(DEEP) == WHY
    assert state_problem('{"a":' * 100_000) == WHY


@pytest.mark.parametrize("command", ["stats", "due"])
def test_stats_and_due_refuse_it_in_one_line(command: str) -> None:
    db = _history_with_a_bad_state(DEEP)
    res = run(command, "--bank", str(BANK), "--db", str(db), "--now", LATER)
    assert res.fails_cleanly() == _message(WHY)


def test_the_quiz_refuses_it_in_one_line() -> None:
    db = _history_with_a_bad_state(DEEP)
    res = run("quiz", "--bank", str(BANK), "--db", str(db), "--now", LATER, "--new", "0", "--seed", "5",
              input="しゅうきんぺい\nぷーちん\nq\n")
    assert res.fails_cleanly() == _message(WHY)
