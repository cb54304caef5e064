"""Review 18 (five sheets a fresh strict teacher checked, issue 14): the one sheet it would have edited, s5, as a
regression test that failed before its fix. 問3 asked what the US feared China was considering for Russia; its key
said 「武器の提供」 and 「不可: 軍事支援」, while a true/false statement on the same page printed 「…ロシアへの軍事支援に
つながる可能性への懸念…」: students copy 軍事支援 into 問3 and lose the points."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_worksheet_review3 import make

from quizgen import resources
from quizgen.bank import Bank, Selection, load_bank
from quizgen.generators.worksheet import Exercise
from quizgen.generators.worksheet.exercises import ClozeQ, ShortQ, question_items, visible_texts
from quizgen.generators.worksheet.leaks import Leak, LeakKind
from quizgen.japanese.normalise import normalise


@pytest.fixture(scope="module")
def bundled() -> Bank:
    return load_bank(resources.bank_dir())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**16))
@example(seed=505)  # review 18 s5 (before: 問7 printed 軍事支援 above 問3's 「不可: 軍事支援」)
def test_no_question_prints_a_near_answer_another_questions_key_rejects(bundled: Bank, seed: int) -> None:
    selection = Selection(stories=("2023-03-xi-moscow-visit", "2023-02-peace-plan"))
    ws = make(bundled, selection, count=10, seed=seed, types=(Exercise.SHORT, Exercise.TRUEFALSE, Exercise.CLOZE))
    questions = [q for v in ws.variants for _, q in v.questions()]
    for q in questions:
        if not isinstance(q, (ShortQ, ClozeQ)):
            continue
        rejected = {normalise(r) for i in question_items(q) for r in i.reject}
        printed = [t for other in questions if other is not q for t in visible_texts(other)]
        assert not [(r, t) for r in rejected for t in printed if r in normalise(t)]


def test_the_message_names_the_printed_near_answer() -> None:
    leak = Leak(LeakKind.LURE, "a000-ukraine-wants-direct-talks", "a001-china-may-consider-arms", "軍事支援")
    assert leak.describe() == ("a000-ukraine-wants-direct-talks prints 「軍事支援」, a near answer the key of "
                               "a001-china-may-consider-arms rejects")
