"""Hostile pass 3, cause B: a very long typed answer (a paste) in the quiz.

Before the fix the quiz judged whatever it was given, and the judge took time growing with the square of the
length (3,000 kana about 6 s, 10,000 about a minute). Now an answer of more than 2,000 characters is refused at
the prompt and asked again, as `review` does with its lines; nothing is recorded for it. (That the judge is fast on
what it accepts is measured in bench/bench_judge_long.py, not timed here.)
"""

from __future__ import annotations

import pytest
from harness import DATA, run

from quizgen.quiz.store import Store

BANK = DATA / "quiz" / "bank"


@pytest.mark.parametrize("n", [2_001, 20_000])
def test_an_answer_over_2000_characters_is_refused_and_asked_again(n: int) -> None:
    res = run("quiz", "--bank", str(BANK), "--db", "r.db", "--now", "2025-03-01T09:00", "--seed", "5", "--limit", "1",
              "--category", "actors", input="あ" * n + "\nしゅうきんぺい\nq\n")
    assert res.code == 0, res.err
    assert f"  That is {n:,} characters, more than the 2,000 an answer may have; type a shorter one.\n" in res.out
    assert res.out.count("> しゅうきんぺい\n") == 1  # asked again, and the short answer judged
    with Store("r.db") as store:
        assert [r.answer for r in store.reviews()] == ["しゅうきんぺい"]


def test_an_answer_of_2000_characters_is_judged() -> None:
    res = run("quiz", "--bank", str(BANK), "--db", "r.db", "--now", "2025-03-01T09:00", "--seed", "5", "--limit", "1",
              "--category", "actors", input="あ" * 2_000 + "\nq\n")
    assert res.code == 0, res.err
    assert "That is" not in res.out
    with Store("r.db") as store:
        assert [r.answer for r in store.reviews()] == ["あ" * 2_000]
