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


def test_a_report_of_what_was_said_takes_its_speaker_from_the_sentence_before(bank: Bank) -> None:  # noqa: F811
    """「中ロ両国関係は…「前例のない水準」に達し…と強調。」: 関係 cannot say anything, so the speaker is the topic of the
    sentence before (the v22 teacher added 「ラブロフ外相は」 by hand); a が inside a clause that qualifies a noun
    (「ロシア側が提唱する「…」構想」) is no subject of the sentence either (v21)."""
    body = ("ラブロフ氏は会談の冒頭、今回の訪問の目的を説明した。"
            "中ロ両国関係は両首脳の指導のもとで「前例のない水準」に達し、あらゆる分野で発展を続けていると強調。\n"
            "両外相は、ASEANの枠組みでの協力について詳しく協議した。"
            "ロシア側が提唱する「ユーラシアの新たな安全保障の枠組み」構想の実現に向けた見通しについても話し合った。")
    got = drafts(body, bank)
    assert "】ラブロフ氏は、中ロ両国関係は" in got["前例のない水準"], got["前例のない水準"]
    assert "】両外相は、ロシア側が提唱する" in got["ユーラシアの新たな安全保障の枠組み"], got


def test_a_named_speaker_or_a_country_keeps_its_own_sentence(bank: Bank) -> None:  # noqa: F811  (the fixture)
    body = "ラブロフ氏は会談の冒頭、今回の訪問の目的を説明した。中国は「前例のない水準」に達したと強調した。"
    assert "ラブロフ" not in drafts(body, bank)["前例のない水準"]
