"""Dates a draft prints or is filed under (issue 17, newuser3 #2): a range's end keeps its month, a fact takes the
time of its own clause, and the 年表 text never leaves a particle hanging where its date was."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quizgen.bank import Bank, Item, Text, load_bank
from quizgen.extract.article import extract, provisional_source

pytest.importorskip("sudachipy")
from quizgen.extract.nlp import load_analyzer

BANK = Path(__file__).parent / "data" / "extract" / "bank"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(BANK)


def items(body: str, bank: Bank) -> dict[str, Item]:
    """Every draft (--all) of `body` on a page dated 2024-10-22, by answer."""
    text = f"2024年10月22日 23時41分\n{body}\n"
    src = dataclasses.replace(provisional_source(text, "a.txt", bank), headline=Text("見出し", "h"), published="2024-10-22")
    return {i.answer.ja: i for i in extract(text, src, bank, load_analyzer(), keep_all=True).items}


def texts(i: Item) -> list[str]:
    return [t.ja for t in (i.prompt, i.explanation, i.statement, i.cloze, i.false_statement, i.event) if t is not None]


def test_the_end_of_a_range_of_days_is_never_the_page_s_month(bank: Bank) -> None:
    """newuser3: 「習近平国家主席が3月20～2023年4月22日にモスクワを国賓訪問」 on a page of April."""
    got = items("習近平国家主席は9月20～22日にモスクワを国賓訪問した。", bank)
    assert got
    for i in got.values():
        assert i.when != "2024-10-22" and all("2024年10月22日" not in t for t in texts(i)), i.id
        assert all("9月20～22日" in t for t in texts(i) if "（　　）" not in t and "[[" not in t), i.id


def test_a_fact_takes_the_time_of_its_own_clause_or_none(bank: Bank) -> None:
    """newuser3: the 2021 passage through the strait filed under 2019年7月, the date of the clause before."""
    got = items("中ロの爆撃機が2019年7月に日本周辺で初めて共同飛行したほか、21年10月には両国の艦艇計10隻が津軽海峡を"
                "通過した。", bank)
    assert got["津軽海峡"].when == "2021-10"  # its own clause's 21年10月 (a year in two digits, issue 17 round 23)
    assert got["津軽海峡"].date_basis is not None and "21年10月" in got["津軽海峡"].date_basis.quotes[0]
    assert got["2019年7月"].when == "2019-07"


def test_the_time_last_written_before_a_fact_dates_it(bank: Bank) -> None:
    got = items("李氏は9月の全国人民代表大会で国防相に就任し、16日からロシアを公式訪問している。", bank)
    assert got["全国人民代表大会"].when == "2024-09"
    assert got["ロシア"].when == "2024-10-16"


def test_an_attributive_date_leaves_no_particle_in_the_event(bank: Bank) -> None:
    """newuser3: 「李氏はの全国人民代表大会…」, which the README says never happens."""
    event = items("李氏は9月の全国人民代表大会で国防相に就任した。", bank)["2024年9月"].event
    assert event is not None and event.ja == "李氏は全国人民代表大会で国防相に就任した"
