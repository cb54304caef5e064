"""holdout_v14 (untuned): on a page dated 2025, 「おととし10月」 (the year before last, in kana) was read as the page's
own year: drafts printed 「おととし2025年10月」 and one answered 2025年10月, a wrong fact. The kana words count years as
their kanji do (おととし = 一昨年, さらいねん = 再来年), and さきおととし three years back."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_extract_round24 import _all  # made-up articles dated 2025-01-10

from quizgen.bank import Bank, load_bank
from quizgen.japanese.dates import relative_year

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


@pytest.mark.parametrize(("word", "offset"), [("おととし", -2), ("一昨年", -2), ("さきおととし", -3),
                                              ("さらいねん", 2), ("再来年", 2), ("去年", -1)])
def test_kana_year_words_count_as_their_kanji(word: str, offset: int) -> None:
    assert relative_year(f"{word}10月に") == (word, offset)


def test_a_kana_year_before_last_is_never_made_the_page_s_year(bank: Bank) -> None:
    items = _all("安保理では、おととし10月に中国とロシアが米国の決議案に拒否権を行使しました。", bank)
    texts = [t for i in items for t in (i.prompt.ja, i.answer.ja)]
    assert items and not any("2025年10月" in t or "おととし2025" in t for t in texts), texts
    assert any("2023年10月" in t for t in texts), texts
