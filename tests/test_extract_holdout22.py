"""What the holdout_v22 articles' teacher discarded (issue 17): 「トランプ米大統領とプーチン氏が今年（2月）と3月に電話会談」
split into two drafts, each printing the other date as a bare year (「（　　）と2025年に」); 上海協力機構 asked as one of
「国連や国連安全保障理事会、上海協力機構（SCO）、BRICSといった」 枠組み; 「…を目指す（考え）を強調」 asking the word
考え for the stance."""

from __future__ import annotations

import pytest
import test_extract_holdout19 as holdout19
from test_extract_holdout19 import bank  # noqa: F401  (the fixture)

from quizgen.bank import Bank

pytest.importorskip("sudachipy")


def drafts(body: str, bank: Bank) -> dict[str, str]:  # noqa: F811  (bank: the fixture's value)
    return holdout19.drafts(body, bank, "2025-04-02", "中国外相、プーチン氏と会談")


def test_one_of_two_dates_of_one_fact_is_no_blank(bank: Bank) -> None:  # noqa: F811  (the fixture)
    body = ("王氏は、トランプ米大統領とプーチン氏が今年2月と3月に電話会談するなど米ロが関係改善に動いていることを"
            "評価した。")
    got = drafts(body, bank)
    assert "2025年2月" not in got and "2025年3月" not in got, got


def test_one_of_a_list_with_an_alias_in_brackets_is_no_blank(bank: Bank) -> None:  # noqa: F811  (the fixture)
    body = ("プーチン氏は、国連や国連安全保障理事会、上海協力機構（SCO）、BRICSといった国際的な枠組みでの協力も"
            "重視する考えを示した。")
    got = drafts(body, bank)
    assert "上海協力機構" not in got and "BRICS" not in got, got


def test_a_generic_word_is_no_stance(bank: Bank) -> None:  # noqa: F811  (the fixture)
    body = ("ラブロフ外相は、国際関係が非常に重大な段階にあるとしたうえで、中国とともに多極的な世界秩序を目指す考えを"
            "強調しました。")
    assert "考え" not in drafts(body, bank)
