"""The edit form drops what the old answer made once the new answer no longer names the person the old one did
(newuser13: ネベンジャ → 人道的影響, same kind, kept the other ambassadors as its choices); a new spelling of the
same person keeps them."""

from __future__ import annotations

import pytest

from quizgen import resources
from quizgen.bank import Text, load_bank
from quizgen.cli.review_form import _stale


@pytest.mark.parametrize(("answer", "dropped"), [("会談", True), ("ラブロフ外相", False), ("ラブロフ", False)])
def test_choices_for_a_person_go_when_the_answer_names_no_longer_them(answer: str, dropped: bool) -> None:
    bank = load_bank(resources.bank_dir())
    item = bank.item_by_id["a002-lavrov-met-xi"]
    assert item.entity == "lavrov" and item.distractors
    stale = _stale(item, Text(answer, "x"), None, set(), bank)
    assert (stale.get("distractors") == ()) is dropped, stale


def test_choices_stay_when_the_answer_names_another_of_the_same_type() -> None:
    bank = load_bank(resources.bank_dir())
    item = bank.item_by_id["a002-lavrov-met-xi"]
    assert _stale(item, Text("プーチン", "Putin"), None, set(), bank) == {}  # another person: the people still fit
