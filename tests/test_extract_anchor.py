"""Drafts a teacher keeps as they are (issue 17, the v8 teacher's light edits): every prompt says which event it
is about, its cue never dates a fact of another time, and no date rewriting leaves a garbled or relative word.
Sentences made up for the rules they test."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_drafts import drafts

from quizgen.bank import Bank, load_bank
from quizgen.extract.article import headline_event

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


def _drafts(text: str, bank: Bank, headline: str = "見出し", keep_all: bool = True) -> dict[str, str]:
    return drafts(text, bank, headline, keep_all)  # every draft, not only the default output


@pytest.mark.parametrize(("headline", "event"), [
    ("日韓 釜山で漁業協議 資源管理で一致", "日韓 釜山で漁業協議"),  # a broadcaster's space for the comma
    ("ロシア、中国人のビザ免除を開始　最長30日", "ロシア、中国人のビザ免除を開始"),  # 「ロシア」 alone is no event
    ("日韓漁業協議、来年は東京で開催", "日韓漁業協議"),  # a second clause of its own (は): the first alone
    ("中国、条約に「コメントせず」", ""),  # a quotation: a headline, not an event
])
def test_the_event_a_headline_names(headline: str, event: str) -> None:
    assert headline_event(headline) == event


LEAD = "日本と韓国は20日、漁業問題を巡る次官級の会合を開いた。"


def test_a_prompt_of_another_time_names_the_event_without_the_page_s_month(bank: Bank) -> None:
    got = _drafts(LEAD + "両国の協議は2019年5月に始まり、今回で3回目となった。", bank, headline="日韓 漁業で次官級協議")
    assert got["2019年5月"].startswith("【日韓 漁業で次官級協議】日韓両国の協議は（　　）に始まり")
    assert not got["2024年10月20日"].startswith("記事「")  # the lead names the event itself


def test_a_figure_counted_over_a_period_is_not_dated_by_the_page_s_month(bank: Bank) -> None:
    got = _drafts(LEAD + "24年1〜6月の両国間の往来は約140万人だった。韓国人の訪日が約89万人と、日本人の訪韓を上回った。",
                  bank, headline="日韓 漁業で次官級協議")
    assert got["約89万人"].startswith("【日韓 漁業で次官級協議】韓国人の訪日が（　　）と")
    assert "2024年1〜6月の日韓両国間の往来は（　　）" in got["約140万人"]  # 24年 in full, the range's end left alone
    assert not any("1〜2024年" in p for p in got.values())


@pytest.mark.parametrize("sentence", [
    "紅海では去年11月以降、攻撃が続き、両国はことし1月から警戒を強めている。",
    "韓国は去年7月に協定に加わり、ことし1月には新たな枠組みにも参加した。",
])
def test_no_prompt_keeps_a_relative_year_or_a_word_left_hanging(bank: Bank, sentence: str) -> None:
    got = _drafts(LEAD + sentence, bank, keep_all=False)
    assert len(got) >= 2
    for prompt in got.values():
        assert "ことし" not in prompt and "去年" not in prompt and "では以降" not in prompt, prompt


def test_a_growth_written_as_a_verb_is_never_cut_in_half(bank: Bank) -> None:
    got = _drafts(LEAD + "大使は11月、観光客が3万人を超え、前年同期比8割増えたと明らかにしていた。", bank)
    assert not any("超え、え" in p or "超え、増えた" in p for p in got.values()), got


def test_the_end_of_a_range_is_not_asked(bank: Bank) -> None:
    assert "50人" not in _drafts(LEAD + "両国は5〜50人の団体旅行に限ってビザなし渡航を認めてきた。", bank)


@pytest.mark.parametrize(("sentence", "person"), [
    ("ロシアの田中一郎副首相の事務局によると、両国間の往来は約140万人だった。", "田中一郎"),  # who supplied a figure
    ("首相は9月4日、東京で中国の李鴻忠・全人代常務委員会副委員長と会談した際、協力を「歓迎する」と表明した。",
     "李鴻忠"),  # met in passing
])
def test_a_side_person_is_not_among_the_default_drafts(bank: Bank, sentence: str, person: str) -> None:
    assert person not in _drafts(LEAD + sentence, bank, keep_all=False)
