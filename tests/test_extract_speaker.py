"""「…と警告したのはどこか」 asks for the one who warned, never for the actor the warning is about (issue 17,
newuser3 #3): X が after a topic (米政府は、中国が…と警告) is inside what was said."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_drafts import drafts

from quizgen.bank import Bank, load_bank

BANK = Path(__file__).parent / "data" / "extract" / "bank"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(BANK)


def who(got: dict[str, str]) -> dict[str, str]:
    return {a: p for a, p in got.items() if p.endswith(("のはどこか。", "のは誰か。"))}


@pytest.mark.parametrize("sentence", [
    "米政府は、中国がロシアへの兵器の供与を検討していると警告しており、訪問を注視している。",
    "米政府は中国がロシアへの兵器の供与を検討していると警告した。",
    "中国がロシアへの兵器の供与を検討していると米政府は警告した。",
    "米当局者は、日本が地域の緊張を高めていると批判した。",
], ids=["topic-comma", "topic", "topic-after", "officials"])
def test_the_actor_a_warning_is_about_is_never_asked_as_who_warned(bank: Bank, sentence: str) -> None:
    got = drafts(sentence, bank, keep_all=True)
    assert who(got) == {}
    assert got  # what was said is still drafted


def test_a_ministry_the_lexicon_knows_is_asked_as_who_criticised(bank: Bank) -> None:
    """国務省 (three kanji and 省, holdout_v18) is an organisation: the one who criticised, never 日本."""
    assert who(drafts("国務省は、日本が地域の緊張を高めていると批判した。", bank, keep_all=True)) == {
        "国務省": "【2024年10月 見出し】日本が地域の緊張を高めていると批判したのはどこか。"}


def test_the_subject_of_the_verb_is_still_asked(bank: Bank) -> None:
    assert list(who(drafts("中国が日本の対応を批判した。", bank, keep_all=True))) == ["中国"]
    assert list(who(drafts("中国は、日本が地域の緊張を高めていると批判した。", bank, keep_all=True))) == ["中国"]
