"""Review 19 (five sheets a fresh strict teacher checked, issue 14): the one sheet it would have edited, s2, as a
regression test that failed before its fix. 問11 「2023年3月20日、中国の仲介で中東の2か国が国交正常化に合意した」 was
false only because the day is the 10th: a true/false that turns on one digit is trivia and a guess (and 3月20日 is
the day Xi arrived in Moscow, a trap)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_worksheet_review3 import make

from quizgen import forms, resources
from quizgen.bank import Bank, Lang, Text, load_bank
from quizgen.generators.worksheet import Exercise, TrueFalseQ
from quizgen.generators.worksheet.choose import simple_question


@pytest.fixture(scope="module")
def bundled() -> Bank:
    return load_bank(resources.bank_dir())


def test_a_false_statement_that_moves_only_the_day_is_a_day_only_twin(bundled: Bank) -> None:
    item = next(i for i in bundled.items if i.id == "a003-saudi-iran-date")
    assert forms.day_only_twin(item)
    moved_month = replace(item, false_statement=Text("2023年4月10日、中国の仲介で中東の2か国が国交正常化に合意した。", "x"))
    assert not forms.day_only_twin(moved_month)
    other = replace(item, false_statement=Text("2023年3月10日、ロシアの仲介で中東の2か国が国交正常化に合意した。", "x"))
    assert not forms.day_only_twin(other)
    assert [i.id for i in bundled.items if forms.day_only_twin(i)] == ["a003-saudi-iran-date"]


def test_such_an_item_is_never_a_true_false_question_on_a_sheet(bundled: Bank) -> None:
    item = next(i for i in bundled.items if i.id == "a003-saudi-iran-date")
    for want_true in (True, False, None):
        assert simple_question(Exercise.TRUEFALSE, bundled, item, random.Random(0), Lang.JA, want_true) is None
    assert simple_question(Exercise.SHORT, bundled, item, random.Random(0), Lang.JA) is not None  # still a date question


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**16), lang=st.sampled_from([Lang.JA, Lang.BOTH]))
@example(seed=1, lang=Lang.BOTH)
def test_no_sheet_asks_a_true_false_that_turns_on_the_day(bundled: Bank, seed: int, lang: Lang) -> None:
    ws = make(bundled, count=15, types=(Exercise.CHOICE, Exercise.TRUEFALSE), lang=lang, seed=seed)
    asked = [q.tf.item.id for v in ws.variants for _, q in v.questions() if isinstance(q, TrueFalseQ)]
    assert "a003-saudi-iran-date" not in asked
