"""No draft blanks a model number (README), written in katakana or kanji too: 戦闘機「スホイ35」 (issue 17,
newuser3 #4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_drafts import drafts

from quizgen.bank import Bank, load_bank

BANK = Path(__file__).parent / "data" / "extract" / "bank"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(BANK)


BOUGHT = "李氏は18年、ロシアからの戦闘機「ミグ29」と地対空ミサイル「トール2」の購入に関わったとして米国の制裁対象となった。"


@pytest.mark.parametrize("sentence, model", [
    (BOUGHT, "ミグ29"),
    (BOUGHT, "トール2"),
    ("インド軍は昨年、ロシア製の防空システム「ペチョラ」を配備した。", "ペチョラ"),
], ids=["katakana-fighter", "katakana-missile", "name-after-kind"])
def test_no_draft_blanks_a_model_number(bank: Bank, sentence: str, model: str) -> None:
    got = drafts(sentence, bank, keep_all=True)
    assert got and model not in got


def test_what_the_model_is_bought_from_is_still_asked(bank: Bank) -> None:
    got = drafts("李氏は18年、ロシアからの戦闘機「ミグ29」の購入に関わったとして米国の制裁対象となった。", bank, keep_all=True)
    assert "米国" in got
