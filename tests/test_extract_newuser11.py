"""What newuser11 found turning the Medvedev page (December 2022) into a worksheet (issue 17): a wrong answer 2025年2月
for a date of 2022, after the page was written; 「この10年」 read as the year 2010 (and offered as a blank)."""

from __future__ import annotations

import re

import pytest
import test_extract_holdout19 as holdout19

from quizgen import resources
from quizgen.bank import Source, Text, load_bank
from quizgen.extract.article import extract

pytest.importorskip("sudachipy")
from quizgen.extract.nlp import load_analyzer

BODY = ("メドベージェフ氏は統一ロシアを代表して、10月の第20回党大会の成功に祝意を伝えた。\n"
        "習主席は「この10年、中ロ関係は発展を続けてきた」と述べた。")


def test_no_wrong_date_after_the_page_for_a_date_before_it() -> None:
    bank = load_bank(resources.bank_dir())  # its items are dated up to 2025: the pool the wrong answers come from
    src = Source(id="009", file="a.txt", headline=Text("習主席、メドベージェフ氏と会談", ""), outlet=Text("テスト新聞", "Test"),
                 published="2022-12-21")
    items = extract(f"2022-12-21 5時00分\n{BODY}\n", src, bank, load_analyzer(), keep_all=True).items
    october = next(i for i in items if i.answer.ja == "2022年10月")
    wrong = [d.ja for d in october.distractors]
    assert wrong and all(tuple(map(int, re.findall(r"[0-9]+", w)))[:2] <= (2022, 12) for w in wrong), wrong


def test_this_decade_is_no_year_nor_a_blank() -> None:
    got = holdout19.drafts(BODY, load_bank(holdout19.BANK), "2022-12-21", "習主席、メドベージェフ氏と会談")
    assert "2010年" not in got and "この10年" not in got, list(got)


def test_a_date_of_the_noun_a_sentence_acts_on_dates_that_noun_on_the_timeline() -> None:
    bank = load_bank(holdout19.BANK)
    src = Source(id="009", file="a.txt", headline=Text("習主席、メドベージェフ氏と会談", ""), outlet=Text("テスト新聞", "Test"),
                 published="2022-12-21")
    items = extract(f"2022-12-21 5時00分\n{BODY}\n", src, bank, load_analyzer(), keep_all=True).items
    october = next(i for i in items if i.answer.ja == "2022年10月")
    assert october.event is not None and october.event.ja == "第20回党大会の成功", october.event  # not 祝意を伝えた


def test_a_person_the_bank_knows_gets_wrong_answers_of_the_same_post() -> None:
    """「会談には中国側から王毅（ワン・イー）国務委員兼外相らが同席した」: no title read after the reading, so the wrong
    answers were 習近平 / プーチン / ゼレンスキー (newuser11 typed 楊潔篪 / 秦剛 / 李克強); the bank's posts for 王毅 (外相…)
    choose them now."""
    bank = load_bank(resources.bank_dir())
    src = Source(id="009", file="a.txt", headline=Text("習主席、メドベージェフ氏と会談", ""), outlet=Text("テスト新聞", "Test"),
                 published="2022-12-21")
    body = ("中国の習近平（シー・ジンピン）国家主席は21日、ロシアのメドベージェフ前大統領と会談した。\n"
            "会談には中国側から王毅（ワン・イー）国務委員兼外相らが同席した。")
    items = extract(f"2022-12-21 5時00分\n{body}\n", src, bank, load_analyzer(), keep_all=True).items
    wang = next(i for i in items if i.answer.ja == "王毅")
    wrong = {d.ja for d in wang.distractors}
    assert not wrong & {"習近平", "プーチン", "メドベージェフ"}, wrong
    # and none written otherwise than a Chinese name (newuser16: イワノフ offered for a Chinese general; the bundled
    # bank's only other foreign minister, ラブロフ, is no wrong answer for 「中国側から（　　）国務委員兼外相」)
    assert "ラブロフ" not in wrong, wrong
