"""Hostile pass 5, cause D1: a damaged card state on a due card ends the quiz cleanly, and nothing follows at exit.

The quiz printed its one line ("… is damaged … It was not changed"), then, as the interpreter exited,
`Exception ignored in: <generator object Store._of_cards …> Traceback … Cannot operate on a closed database`:
the state check left the generator reading the queue's card rows suspended when it raised, and Python closed
it only after the store had closed the database. The in-process tests never see what Python prints at exit,
so this one runs the quiz as a real process.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import process
from test_h3_a_damaged_card_state import BAD_STATES, BANK, LATER, _history_with_a_bad_state, _message


@pytest.mark.parametrize("state", list(BAD_STATES)[:2])
def test_a_damaged_state_prints_one_line_and_nothing_at_exit(state: str, tmp_path: Path) -> None:
    db = _history_with_a_bad_state(state)
    typed = tmp_path / "typed.txt"
    typed.write_text("しゅうきんぺい\nぷーちん\nq\n", encoding="utf-8")
    with typed.open(encoding="utf-8") as stdin:
        res = process("quiz", "--bank", str(BANK), "--db", str(db), "--now", LATER, "--new", "0", "--seed", "5",
                      stdin=stdin)
    assert "Exception ignored" not in res.err and "Traceback" not in res.err, res.err
    assert res.err == _message(BAD_STATES[state])
    assert res.code == 1

