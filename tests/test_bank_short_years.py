"""A four-digit year in an item is in the article when the article writes its two digits as a year
(「24年までの目標」 on a page of 2023 is 2024): newuser2 #4."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizgen.bank import load_bank
from quizgen.citations import dated
from quizgen.errors import BankError
from quizgen.japanese.dates import short_years

DATA = Path(__file__).parent / "data"

ARTICLE = ("中ロ貿易が拡大\n"
           "中国税関総署によると、1〜9月の中ロ貿易額は1764億ドルに達し、両国が24年までの目標に掲げた"
           "2000億ドルの年内達成が視野に入った。中ロ首脳の相互訪問は19年ぶりの規模となった。\n")

SOURCE = """\
  - id: "t3"
    file: t3.txt
    headline: {ja: 中ロ貿易が拡大, en: China-Russia trade grows}
    outlet: {ja: テスト新聞, en: Test Times}
    published: %s
"""

ITEM = """\
  - id: t3-trade-goal
    category: positions
    kind: number
    prompt:
      ja: "中ロ両国が%s年までの目標に掲げた貿易額はいくらか。"
      en: "What trade volume did the two set as their goal for %s?"
    answer: {ja: 2000億ドル, en: 200 billion dollars}
    answer_type: number
    explanation: {ja: 1〜9月に1764億ドルに達した。, en: It reached 176.4 billion dollars in January to September.}
    evidence:
      - {article: "t3", quote: 両国が24年までの目標に掲げた2000億ドルの年内達成が視野に入った}
    distractors:
      - {ja: 1000億ドル, en: 100 billion dollars}
      - {ja: 1500億ドル, en: 150 billion dollars}
      - {ja: 3000億ドル, en: 300 billion dollars}
"""


def _bank(tmp_path: Path, year: str, published: str = "2023-10-18", extra: str = "") -> tuple[Path, Path]:
    bank, articles = tmp_path / "bank", tmp_path / "articles"
    shutil.copytree(DATA / "bank_good", bank)
    shutil.copytree(DATA / "articles", articles)
    (articles / "t3.txt").write_text(ARTICLE, encoding="utf-8")
    with (bank / "sources.yaml").open("a", encoding="utf-8") as f:
        f.write(SOURCE % published)
    with (bank / "items.yaml").open("a", encoding="utf-8") as f:
        f.write(ITEM % (year, year) + extra)
    return bank, articles


def test_a_year_the_article_writes_in_two_digits_is_in_the_article(tmp_path: Path) -> None:
    bank, articles = _bank(tmp_path, "2024")
    assert any(it.id == "t3-trade-goal" for it in load_bank(bank, articles).items)


def test_a_year_the_article_does_not_have_is_still_refused_saying_how_its_digits_read(tmp_path: Path) -> None:
    """2019: the article writes 「19年ぶり」 (a span), never 2019; 2025: not written at all."""
    bank, articles = _bank(tmp_path, "2019")
    with pytest.raises(BankError) as exc:
        load_bank(bank, articles)
    assert [p.message for p in exc.value.problems] == [
        "year 2019 is neither in the cited article(s) nor the item's dated when; the article's 「19年ぶり」 is not "
        "read as 2019 (a two-digit year counts before 月, に, まで, の… on a page of the 2000s); a year from "
        "outside the articles goes in a `context` note"] * 2
    bank, articles = _bank(tmp_path / "b", "2025")
    with pytest.raises(BankError) as exc:
        load_bank(bank, articles)
    assert {p.message for p in exc.value.problems} == {
        "year 2025 is neither in the cited article(s) nor the item's dated when; "
        "a year from outside the articles goes in a `context` note"}


def test_two_digit_years_are_read_only_on_a_page_of_the_2000s(tmp_path: Path) -> None:
    bank, articles = _bank(tmp_path, "2024", published="1999-10-18")
    with pytest.raises(BankError) as exc:
        load_bank(bank, articles)
    assert {p.message for p in exc.value.problems} == {
        "year 2024 is neither in the cited article(s) nor the item's dated when; the article's 「24年まで」 is not "
        "read as 2024 (a two-digit year counts before 月, に, まで, の… on a page of the 2000s); a year from "
        "outside the articles goes in a `context` note"}
    assert short_years("両国が24年までの目標", None) == {}
    assert short_years("平成24年に、約24年の、24年ぶり、24年間、2024年に", 2023) == {}
    assert short_years("２２年２月に侵攻、24年までに、19年の", 2023) == {2022: "22年", 2024: "24年", 2019: "19年"}


STATED = """\
  - id: t3-trade-goal-year
    category: dates
    kind: date
    prompt: {ja: "中ロ両国が貿易額の目標の期限とした年はいつか。", en: "By which year did the two aim to reach their trade goal?"}
    answer: {ja: 2024年, en: "2024"}
    answer_type: date
    explanation: {ja: 1〜9月に1764億ドルに達した。, en: It reached 176.4 billion dollars in January to September.}
    evidence:
      - {article: "t3", quote: 両国が24年までの目標に掲げた2000億ドルの年内達成が視野に入った}
    when: "2024"
    date_basis: {how: stated, article: "t3", quotes: [両国が24年までの目標に掲げた2000億ドル]}
    event: {ja: 中ロ貿易2000億ドルの目標の期限, en: deadline of the 200 billion dollar trade goal}
"""


def test_a_stated_two_digit_year_says_how_it_was_read(tmp_path: Path) -> None:
    bank, articles = _bank(tmp_path, "2024", extra=STATED)
    loaded = load_bank(bank, articles)
    item = next(it for it in loaded.items if it.id == "t3-trade-goal-year")
    label = dated(loaded, item)
    assert label is not None
    assert label.ja == "2024年(記事に明記(「24年」を2024年と読む))"
    assert label.en == "2024 (stated in the article (24年 read as 2024))"
