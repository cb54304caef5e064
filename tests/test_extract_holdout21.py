"""What the holdout_v21 articles' teacher edited by hand (issue 17): a prompt opening with a link word and no comma
(「さらにロシア大統領府は」, 「これに対しアメリカ国務省の」) leans on the sentence before; a prompt that runs on after
the speaker's first statement (「…を支持すると表明したうえで、…に反対すると述べたということです」) asks one fact and
prints others (the teacher cut it after 「表明した」)."""

from __future__ import annotations

import pytest
import test_extract_holdout19 as holdout19
from test_extract_holdout19 import bank  # noqa: F401  (the fixture)

from quizgen.bank import Bank

pytest.importorskip("sudachipy")


def drafts(body: str, bank: Bank) -> dict[str, str]:  # noqa: F811  (bank: the fixture's value)
    return holdout19.drafts(body, bank, "2022-06-16", "中ロ首脳が電話会談")


def test_a_link_word_without_a_comma_is_left_out(bank: Bank) -> None:  # noqa: F811  (the fixture)
    body = ("さらにロシア大統領府は、習主席がロシアの行動の正当性に言及したと発表しました。\n"
            "これに対しアメリカ国務省の報道担当者は、中国の姿勢を批判しました。")
    got = drafts(body, bank)
    assert got["ロシア大統領府"].split("】")[-1].startswith("習主席が"), got["ロシア大統領府"]  # who announced it
    assert got["アメリカ国務省"].split("】")[-1].startswith("（　　）の報道担当者は"), got["アメリカ国務省"]
    comma = drafts("さらに、ロシア大統領府は、習主席がロシアの行動の正当性に言及したと発表しました。", bank)
    assert comma["ロシア大統領府"].split("】")[-1].startswith("習主席が"), comma["ロシア大統領府"]


def test_the_card_ends_after_the_first_of_two_statements(bank: Bank) -> None:  # noqa: F811  (the fixture)
    body = ("中国側の発表によりますと、プーチン大統領は、習主席がことし4月に提唱した「グローバル安全保障イニシアチブ」を"
            "支持すると表明したうえで、新疆ウイグル自治区や香港、台湾などの問題を口実に、いかなる勢力が中国の内政に"
            "干渉することにも反対すると述べたということです。")
    prompt = drafts(body, bank)["2022年4月"]
    assert "イニシアチブ」を支持すると表明した。（　　）に入る" in prompt and "新疆" not in prompt


def test_kotoshi_is_no_verb_of_saying(bank: Bank) -> None:  # noqa: F811  (the fixture)
    """「…から80年となることし、…を守る必要があると訴えました」: ことし is this year, not 「…とし、」."""
    body = ("習主席は、第2次世界大戦の終結から80年となることし、国連安全保障理事会の常任理事国としての両国の権利を"
            "守る必要があると訴えました。")
    prompt = drafts(body, bank)["80年"]
    assert "80年" not in prompt and "（　　）となる2022年、" in prompt and "訴えました" in prompt
