"""Second adversarial pass, cause 7: a mistyped re-rate in the quiz (`!9`, `!0`).

`!N` re-rates the previous answer with N from 1 to 4; any other N was taken as the answer to the next
question and recorded as Again. Now it is refused with what N may be, and nothing is recorded.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from quizgen.cli import cli
from quizgen.quiz.store import Store

BANK = Path(__file__).resolve().parent.parent / "data" / "quiz" / "bank"


def test_bang_with_a_number_outside_1_to_4_is_asked_again(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    res = CliRunner().invoke(cli, ["quiz", "--bank", str(BANK), "--db", str(db), "--seed", "1", "--limit", "3",
                                   "--now", "2025-03-01T09:00"], input="x\n!9\n! 0\n!12\nq\n", catch_exceptions=False)
    assert res.exit_code == 0, res.output
    for n in ("9", "0", "12"):
        assert (f"  !N re-rates the previous answer with 1 Again, 2 Hard, 3 Good or 4 Easy, not {n}; "
                "nothing was recorded.") in res.output
    with Store(db) as store:
        assert [r.answer for r in store.reviews()] == ["x"]
