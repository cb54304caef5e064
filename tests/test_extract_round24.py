"""Issue 17, round 24: dates never made wrong (a month's end kept with its month, a quotation never rewritten, a
two-digit year written in full), the headline's figure asked first, a count of the countries the prompt lists and a
statement's date kept out. Sentences made up for the rules they test."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quizgen.bank import Bank, Item, Text, load_bank
from quizgen.extract.article import Extraction, extract, provisional_source

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


def _run(body: str, bank: Bank, keep_all: bool = False, headline: str = "見出し") -> Extraction:
    pytest.importorskip("sudachipy")
    from quizgen.extract.nlp import load_analyzer

    text = f"2025年1月10日 5:00\n{body}\n"
    src = dataclasses.replace(provisional_source(text, "a.txt", bank), headline=Text(headline, "headline"),
                              published="2025-01-10")
    return extract(text, src, bank, load_analyzer(), keep_all=keep_all)


def _all(body: str, bank: Bank, headline: str = "見出し") -> list[Item]:
    return list(_run(body, bank, keep_all=True, headline=headline).items)


def test_a_month_s_end_is_never_made_the_year_s_end(bank: Bank) -> None:
    """A draft that asks 2024年2月 cuts 「24年2月末」 back in its siblings' prompts; the 末 goes with the month."""
    items = _run("北海道庁は9日、2024年に中国へ輸出したホタテが1万2000トンだったと発表した。"
                 "中国税関総署は23年9月に輸入制限を解除し、24年2月末に日本企業3社を輸出元として登録した。", bank,
                 headline="北海道産ホタテ、中国向け1.2万トン　輸出再開1年目の24年").items
    assert any(i.answer.ja == "2024年2月" for i in items)
    siblings = [i.prompt.ja for i in items if "日本企業3社" in i.prompt.ja and i.answer.ja != "2024年2月"]
    assert siblings and not any("2024年末" in p for p in siblings)


def test_a_quotation_is_never_rewritten(bank: Bank) -> None:
    items = _all("組合の山田代表は昨年11月の会合で「今年は輸出が伸びた」と語った。", bank)
    assert items and all("「今年は輸出が伸びた」" in i.prompt.ja for i in items if "輸出が伸びた" in i.prompt.ja)
    assert not any(i.answer.ja == "2025年" for i in items)


def test_two_digit_years_are_written_in_full_even_after_the_page(bank: Bank) -> None:
    items = _all("首相は24年5月、農産品輸出を30年までに21年比で1.5倍に増やす目標を定めた。", bank)
    got = next(i for i in items if i.answer.ja == "1.5倍")
    assert "2030年までに2021年比で" in got.prompt.ja


def test_the_headline_s_figure_is_drafted_first(bank: Bank) -> None:
    ex = _run("農業監督局は9日、2024年に中国へ輸出した豚肉製品が3万9000トンだったと発表した。"
              "内訳は精肉が2万1200トン、副産物が1万7900トン。", bank, headline="ロシア産豚肉、中国向け3.9万トン")
    default = [i.answer.ja for i in ex.items[:ex.chosen]]
    assert "3万9000トン" in default


def test_a_count_of_the_countries_the_prompt_lists_is_not_asked(bank: Bank) -> None:
    items = _all("採決では、ロシアと中国、それにパキスタンとアルジェリアの4か国が賛成した。", bank)
    assert not any(i.answer.ja == "4か国" for i in items)


def test_the_day_a_statement_was_made_is_out_of_the_default(bank: Bank) -> None:
    ex = _run("農業監督局は9日、2024年の豚肉の輸出量が3万9000トンだったと発表した。", bank)
    default = [i.answer.ja for i in ex.items[:ex.chosen]]
    assert "3万9000トン" in default and "2025年1月9日" not in default
