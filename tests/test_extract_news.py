"""Which facts of a news article get a draft (issue 17, the v6 teacher's discards): the blank falls on the news,
not on a count, a converted figure, a quotation's wording, a spokesperson's name or a follow-up's day; the lead's
place is asked though the headline prints it. Sentences made up for the rules they test."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_drafts import drafts

from quizgen.bank import Bank, load_bank

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


_drafts = drafts  # answer -> prompt of the drafts of a made-up sentence


@pytest.mark.parametrize(("sentence", "answer"), [
    ("日本政府は20日、護衛艦2隻を南シナ海に派遣したと発表した。", "2隻"),  # a small count of things
    ("演習にはアジアや中東など12カ国がオブザーバーとして参加した。", "12カ国"),
    ("艦艇が最も近づいたのは沿岸からおよそ100マイル、160キロの地点だった。", "160キロ"),  # the prompt converts it
    ("野党の党首は「無責任な決定だ」と批判した。", "無責任な決定"),  # a quotation's wording
    ("声明は、対話が「唯一の道」だとし、制裁の解除を求めた。", "唯一の道"),
    ("韓国外務省の金英洙報道官は20日、遺憾の意を表明した。", "金英洙"),  # a third country's spokesperson
    ("イランの最高指導者ハメネイ師は20日、提案を拒否した。", "最高"),  # part of a title, no person
    ("防衛省は20日、演習を行ったと発表した。演習は3時間あまりにわたったとしたうえで、「国際法を守った」と強調した。",
     "3時間あまり"),  # nobody says it: the speaker is in the sentence before
    ("両国の軍事的な連携が、北極圏にまで広がった形です。", "北極圏"),  # the writer's reading, not a report
])
def test_no_draft_asks_what_only_decorates_the_news(bank: Bank, sentence: str, answer: str) -> None:
    assert answer not in _drafts(sentence, bank, keep_all=True)


def test_a_count_of_meetings_and_a_large_figure_are_still_asked(bank: Bank) -> None:
    got = _drafts("両国の合同演習は2019年に始まり、今回で5回目となった。", bank, keep_all=True)
    assert "5回目" in got


def test_the_lead_event_s_place_is_asked_though_the_headline_prints_it(bank: Bank) -> None:
    got = _drafts("日本と韓国は20日、漁業問題を巡る次官級の会合を釜山で開いた。会合では資源管理について協議した。", bank,
                  headline="日韓、釜山で漁業協議")
    assert "釜山" in got
    assert "釜山" not in got["釜山"] and "2024年10月" in got["釜山"]  # the day is the date draft's, the month stays


def test_a_follow_up_s_day_is_not_asked_beside_the_story_s_day(bank: Bank) -> None:
    story = ("日本と韓国の外相は15日、東京で会談し、漁業協定の改定で合意した。"
             "韓国外務省は20日、協定の全文を公表した。")
    got = _drafts(story, bank)
    assert "2024年10月15日" in got and "2024年10月20日" not in got
    assert "2024年10月20日" in _drafts(story, bank, keep_all=True)  # with --all, still there
