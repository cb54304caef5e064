"""Several drafts from one news sentence (issue 17, recall of the default output): each blank on another fact of
the sentence and no prompt printing another draft's answer — the other facts are masked (a ministry by its
country, 中国国防省 -> 中国側; a count aside dropped, （10回目）となる; a growth rate with its base, 前年比（5%）増の;
a name in 「」 after the word for what it is; a venue before で…と会談). A name the bank does not know is asked by
what its last word says it is (…港 a place, …局 an organisation). Sentences made up for the rules they test."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quizgen.bank import Bank, Item, Text, load_bank
from quizgen.bank.model import ItemKind
from quizgen.extract.article import extract, provisional_source
from quizgen.extract.rules.phrases import named_kind

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


def _items(text: str, bank: Bank, keep_all: bool = False) -> list[Item]:
    pytest.importorskip("sudachipy")
    from quizgen.extract.nlp import load_analyzer

    text = f"2024年10月22日 23時41分\n{text}\n"
    src = dataclasses.replace(provisional_source(text, "a.txt", bank), headline=Text("見出し", "headline"),
                              published="2024-10-22")
    return list(extract(text, src, bank, load_analyzer(), keep_all=keep_all).items)


def _none_gives_another_away(items: list[Item]) -> None:
    for a in items:
        for b in items:
            if a is not b:
                assert b.answer.ja not in a.prompt.ja, (a.prompt.ja, b.answer.ja)


def test_a_ministry_s_announcement_gives_its_day_and_its_count_each_a_draft(bank: Bank) -> None:
    items = _items("韓国国防省は2024年10月20日、日本海で米軍と3回目となる合同訓練を実施したと発表した。", bank)
    got = {i.answer.ja: i.prompt.ja for i in items}
    assert {"2024年10月20日", "3回目"} <= set(got)
    assert "韓国側は（　　）" in got["2024年10月20日"]  # the ministry masked by its country
    assert "3回目" not in got["2024年10月20日"] and "合同訓練" in got["2024年10月20日"]  # the count aside dropped
    _none_gives_another_away(items)


def test_a_venue_before_de_and_the_day_of_the_talks_are_two_drafts(bank: Bank) -> None:
    items = _items("ベトナムのチン首相は2024年10月20日、ハノイの国家大会堂でラオスの首相と会談した。", bank)
    got = {i.answer.ja: i.prompt.ja for i in items}
    assert {"2024年10月20日", "国家大会堂"} <= set(got)
    assert "首相は（　　）、ラオスの首相と会談した。" in got["2024年10月20日"]  # the venue left out
    assert "2024年10月、" in got["国家大会堂"]  # the day is the date draft's, the month stays
    _none_gives_another_away(items)


def test_a_quoted_name_after_the_word_for_what_it_is_is_masked_by_that_word(bank: Bank) -> None:
    items = _items("インド海軍は2024年10月20日、ベンガル湾で合同演習「マラバール2024」を始めた。", bank)
    got = {i.answer.ja: i.prompt.ja for i in items}
    assert "マラバール2024" in got
    assert all("マラバール" not in p for a, p in got.items() if a != "マラバール2024")


def test_a_document_s_name_is_printed_as_its_kind_in_the_sentence_s_other_drafts(bank: Bank) -> None:
    items = _items("インドとロシアの首脳は2024年7月9日、2000年に結んだ「戦略的パートナーシップ宣言」の強化で合意した。", bank)
    got = {i.answer.ja: i.prompt.ja for i in items}
    assert "戦略的パートナーシップ宣言" in got
    assert "2000年に結んだ宣言の強化" in got["2024年7月9日"]
    _none_gives_another_away(items)


def test_two_figures_of_one_sentence_each_leave_the_other_out(bank: Bank) -> None:
    items = _items("日本政府はそれぞれ500億円の基金を設けるなど5項目の支援策を2024年10月20日に表明した。", bank)
    got = {i.answer.ja: i.prompt.ja for i in items}
    assert {"500億円", "5項目", "2024年10月20日"} <= set(got)
    assert "それぞれ基金を設けるなど（　　）の支援策" in got["5項目"]
    _none_gives_another_away(items)
    # a figure after = is no aside: 1バレル=（60ドル）の上限 keeps its figure in the other prompts
    other = _items("主要7か国は2022年12月から1バレル=60ドルの上限価格を設けた。", bank)
    assert not any("=上限" in i.prompt.ja for i in other)


def test_a_city_after_its_region_is_left_out_of_the_date_s_prompt(bank: Bank) -> None:
    items = _items("ブラジル南部ポルトアレグレで2024年10月20日、メルコスールの首脳会議が開かれた。", bank)
    got = {i.answer.ja: i.prompt.ja for i in items}
    assert got["2024年10月20日"].startswith("ブラジル南部で（　　）、")
    _none_gives_another_away(items)


@pytest.mark.parametrize(("phrase", "kind"), [
    ("中国海警局", ItemKind.ORGANISATION), ("北極海航路協力分科会", ItemKind.ORGANISATION),
    ("フェリクストウ港", ItemKind.PLACE), ("人民大会堂", ItemKind.PLACE), ("宗谷海峡", ItemKind.PLACE),
    ("大変局", None),  # 百年に一度の大変局: no bureau
    ("外国の金融機関", None), ("関係省庁", None), ("政府専用機", None),
])
def test_a_name_the_bank_does_not_know_is_told_by_its_last_word(phrase: str, kind: ItemKind | None) -> None:
    assert named_kind(phrase) is kind


def test_an_unknown_bureau_is_asked_as_an_organisation(bank: Bank) -> None:
    got = {i.answer.ja: i.prompt.ja for i in _items(
        "2024年10月には台湾海巡署の船がフィリピンの沿岸警備隊との合同訓練で初めて南シナ海に入った。", bank,
        keep_all=True)}
    assert "台湾海巡署" in got and got["台湾海巡署"].endswith("（　　）に入る組織はどこか。")


def test_where_an_exercise_was_held_and_its_name_are_two_drafts(bank: Bank) -> None:
    for sentence in ("中国とロシアの海軍は2024年10月20日、ロシア極東ウラジオストク沖の日本海で合同演習を実施した。",
                     "中国とロシアの海軍は2024年10月20日、日本海などで合同演習を実施した。"):
        items = _items(sentence, bank)
        got = {i.answer.ja: i.prompt.ja for i in items}
        assert "日本海" in got
        assert "海軍は（　　）、合同演習を実施した。" in got["2024年10月20日"]  # the place and what qualifies it left out
        _none_gives_another_away(items)


def test_a_city_after_its_province_is_left_out_of_the_other_prompts(bank: Bank) -> None:
    items = _items("プーチン大統領は2024年5月17日、黒竜江省ハルビンに移動し、博覧会の開幕行事に出席した。", bank)
    got = {i.answer.ja: i.prompt.ja for i in items}
    assert "黒竜江省に移動し" in got["2024年5月17日"]
    _none_gives_another_away(items)
