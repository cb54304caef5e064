"""What the untuned holdout_v19 articles showed (issue 17): on the page about China's reaction to the Wagner mutiny
(June 2023) 「ルデンコ氏は同日、馬朝旭外務次官とも協議した」 became 「ルデンコ氏は2023年6月24日、（　　）した」 —
a wrong day (the 24th was a date quoted in the sentence before; the talks were on the 25th) and the answer
「馬朝旭外務次官とも協議」 asked as a forum —, and 「同じ25日には」 printed 「同じ2023年6月25日には」; on the page
about the Xi–Putin video call (December 2022) 「オンライン形式で会談しました」 asked 「（　　）に入る場所はどこか」."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.bank import Bank, Source, Text, load_bank
from quizgen.extract.article import extract

pytest.importorskip("sudachipy")
from quizgen.extract.nlp import load_analyzer

BANK = Path(__file__).parent / "data" / "extract" / "bank"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(BANK)


def drafts(body: str, bank: Bank, published: str, headline: str = "中国、ワグネルの反乱は「ロシアの内政」") -> dict[str, str]:
    """answer -> prompt of every draft of `body` (a page dated `published` under `headline`); holdout_v20's too."""
    src = Source(id="009", file="a.txt", headline=Text(headline, "TODO: translate"),
                 outlet=Text("テスト新聞", "Test"), published=published)
    result = extract(f"{published} 5時00分\n{body}\n", src, bank, load_analyzer(), keep_all=True)
    return {i.answer.ja: i.prompt.ja for i in result.items}


def test_same_day_after_a_quoted_date_and_a_talk_that_is_no_forum(bank: Bank) -> None:
    body = ("中国外務省は25日、談話を発表した。"
            "同じ25日には、北京を訪問中のロシアのルデンコ外務次官が秦剛国務委員兼外相と会談した。"
            "ロシア外務省によると、中国側は会談で「6月24日の出来事に関連し、ロシア指導部の努力への支持を表明」したという。"
            "ルデンコ氏は同日、馬朝旭外務次官とも協議した。")
    got = drafts(body, bank, "2023-06-26")
    prompts = "\n".join(got.values())
    assert "ルデンコ氏は2023年6月24日" not in prompts
    assert not [a for a in got if "とも協議" in a]
    assert "同じ2023年" not in prompts and "2023年6月25日には、北京を訪問中の" in got["秦剛"]


def test_how_leaders_met_is_asked_as_the_form_of_the_meeting(bank: Bank) -> None:
    got = drafts("ロシアのプーチン大統領と中国の習近平国家主席は30日、オンライン形式で会談しました。", bank, "2022-12-30")
    assert got["オンライン形式"].endswith("（　　）で会談しました。（　　）に入る会談の形式は何か。")


def test_a_city_named_after_its_region_is_asked_as_a_place(bank: Bank) -> None:
    """「南部ロストフナドヌーの軍施設」: the city of the mutiny, which its teacher listed, was never a blank."""
    got = drafts("プリゴジン氏は24日、南部ロストフナドヌーの軍施設を掌握したと表明し、部隊をモスクワに向けて北上させた。",
                 bank, "2023-06-26")
    assert "南部（　　）の軍施設を掌握した" in got["ロストフナドヌー"]


def test_an_actor_after_a_linking_word_still_says_what_follows(bank: Bank) -> None:
    """「さらに、ロシアは…としたうえで、…2位…と強調しました」 was read as a sentence carrying on the one before with
    no speaker of its own, and gave no draft: Russia's rank as a gas supplier, which its teacher listed."""
    body = ("プーチン大統領は30日、習主席とオンライン形式で会談しました。さらに、ロシアは中国への原油輸出で主要な国の1つになった"
            "としたうえで、パイプラインによる天然ガスの供給量では2位になったと強調しました。")
    assert "2位" in drafts(body, bank, "2022-12-30")
