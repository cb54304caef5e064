"""What the untuned holdout_v18 articles showed (issue 17): the page of the China–Russia bomber flight during the
Quad summit (May 2022) read 「岸防衛大臣」 as a person 「岸防衛」 with the title 大臣 (a reading asked for 岸防衛, and
a prompt printing 「大臣は」 where the name was hidden), and never proposed 防衛省 (a ministry named in three kanji);
the Astana page (July 2024) never asked 「国交樹立75年」 and left 「習氏は」 unexplained, its first mention carrying a
reading between name and title (「習近平(シージンピン)国家主席」)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.bank import Bank, Source, Text, load_bank
from quizgen.extract.article import Extraction, extract

pytest.importorskip("sudachipy")
from quizgen.extract.lexicon import Lexicon
from quizgen.extract.nlp import load_analyzer

BANK = Path(__file__).parent / "data" / "extract" / "bank"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(BANK)


def run(body: str, bank: Bank, published: str) -> Extraction:
    src = Source(id="009", file="a.txt", headline=Text("中ロ爆撃機が日本周辺を共同飛行", "TODO: translate"),
                 outlet=Text("テスト放送", "Test TV"), published=published)
    return extract(f"{published} 5時00分\n{body}\n", src, bank, load_analyzer(), keep_all=True)


@pytest.mark.parametrize(("sentence", "name", "title"), [
    ("飛行で、岸防衛大臣は「示威行動だ」と批判しました。", "岸", "防衛大臣"),
    ("林官房長官は会見で述べた。", "林", "官房長官"),
    ("岸田総理大臣とバイデン大統領が出席しました。", "岸田", "総理大臣"),
])
def test_a_japanese_minister_s_surname_and_title(bank: Bank, sentence: str, name: str, title: str) -> None:
    analyse = load_analyzer()
    lexicon = Lexicon(bank)
    tokens = analyse(sentence)
    people = lexicon.new_people(sentence, tokens, lexicon.known(sentence, tokens))
    assert (people[0].surface, people[0].title) == (name, title)
    assert not [m for m in lexicon.new_people("同大臣は述べた。", analyse("同大臣は述べた。"), [])]


def test_a_ministry_in_three_kanji_is_an_organisation(bank: Bank) -> None:
    body = "防衛省は24日、中国軍とロシア軍の爆撃機が日本周辺の上空を共同で飛行したと発表しました。"
    items = run(body, bank, "2022-05-24").items
    assert "防衛省" in [i.answer.ja for i in items]
    assert "同省" not in [i.answer.ja for i in run("同省は24日、飛行したと発表しました。", bank, "2022-05-24").items]


def test_years_since_diplomatic_ties_and_a_glossed_name(bank: Bank) -> None:
    body = ("中国の習近平(シージンピン)国家主席とロシアのプーチン大統領は3日、アスタナで会談した。"
            "新華社通信によると、習氏は今年が中ロの国交樹立75年の節目に当たることに触れた。")
    items = run(body, bank, "2024-07-04").items
    years = next(i for i in items if i.answer.ja == "75年")
    assert "中国の習近平国家主席は2024年が中ロの国交樹立（　　）の節目" in years.prompt.ja
