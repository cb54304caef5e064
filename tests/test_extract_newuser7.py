"""Issue 17, the seventh new user (a teacher's first article, holdout_v14's Wang Yi in Moscow): each fix tested on
made-up text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quizgen.bank import Bank, EntityType, load_bank
from quizgen.bank.sections import Entity

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture(scope="module")
def bank() -> Bank:
    """The test bank with a made-up country and its security council, whose short name is 安全保障会議."""
    base = load_bank(DATA / "bank")
    made_up = (Entity("valdoria", EntityType.COUNTRY, "ヴァルドリア", "ゔぁるどりあ", "Valdoria", ("ヴァルドリア共和国",)),
               Entity("valdoria-council", EntityType.ORGANISATION, "ヴァルドリア安全保障会議",
                      "ゔぁるどりああんぜんほしょうかいぎ", "Security Council of Valdoria", ("安全保障会議",)))
    return dataclasses.replace(base, entities=(*base.entities, *made_up))


@pytest.mark.parametrize(("sentence", "linked"), [
    ("外相は18日、北欧の港町ノルドハーヴェンの安全保障会議で演説した。", False),  # another forum of that name
    ("外相は18日、独南部ミュンヘンの安全保障会議で演説した。", False),
    ("外相は18日、ミュンヘン安全保障会議で演説した。", False),  # a place written onto it: another body
    ("外相は18日、ヴァルドリアの安全保障会議で演説した。", True),  # its own country
    ("外相は18日、ベルクマン安全保障会議書記と会談した。", True),  # a person's name before it
])
def test_a_forum_is_never_linked_to_another_body_of_a_similar_name(bank: Bank, sentence: str,
                                                                    linked: bool) -> None:
    """newuser7 #8: 「独南部ミュンヘンの安全保障会議」 (the Munich Security Conference) was linked by the alias
    安全保障会議 to Russia's Security Council, and a draft answered ロシア連邦安全保障会議, a wrong fact."""
    pytest.importorskip("sudachipy")
    from quizgen.extract.lexicon import Lexicon
    from quizgen.extract.nlp import load_analyzer

    tokens = load_analyzer()(sentence)
    found = [m.entity for m in Lexicon(bank).known(sentence, tokens)]
    assert ("valdoria-council" in found) is linked


def test_a_draft_on_another_forum_of_that_name_answers_what_the_article_says(bank: Bank) -> None:
    pytest.importorskip("sudachipy")
    from test_extract_round24 import _all

    items = _all("ヴァルドリアのアルテン外相は18日、北欧の港町ノルドハーヴェンの安全保障会議で演説し、和平案を示した。", bank)
    answers = {a for i in items for a in (i.answer.ja, *i.accept)}
    assert "ヴァルドリア安全保障会議" not in answers
    assert "安全保障会議" in answers or "ノルドハーヴェンの安全保障会議" in answers, answers
