"""After newuser12 (issue 17): a paywall line was asked as a question, a date's wrong choice was its day on the other
clock (「23日（日本時間24日）」 with 2023年2月24日 offered as wrong), the summary said 10 drafts came from 23 sentences,
and the form offered to move a blank onto its own words and kept the new answer among its accepted ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_extract_holdout19 import bank  # noqa: F401  (the fixture)

from quizgen.bank import Bank, Source
from quizgen.bank.model import Category, Item, ItemKind, Text
from quizgen.extract.article import extract
from quizgen.extract.clutter import ClutterReason, clean
from quizgen.extract.nlp import load_analyzer
from quizgen.extract.rewording import moved_blank

pytest.importorskip("sudachipy")

EXTRACT = Path(__file__).parent / "data" / "extract"
DEV_ARTICLE = EXTRACT / "dev" / "putin-beijing-2024-05.txt"

BODY = ("国連総会は23日（日本時間24日）、ロシア軍の撤退を求める決議を141か国の賛成多数で採択した。\n"
        "この記事は会員限定です。続きは有料会員登録でお読みいただけます。\n")


@pytest.mark.parametrize("line", ["この記事は会員限定です。続きは有料会員登録でお読みいただけます。",
                                  "続きは会員登録(無料)でご覧いただけます"])
def test_a_paywall_line_is_page_clutter(line: str) -> None:
    cleaned = clean(f"国連総会は23日、決議を採択した。\n{line}\n中国は棄権した。\n")
    assert [d.reason for d in cleaned.dropped if d.reason is not ClutterReason.BLANK] == [ClutterReason.READ_MORE]
    assert [ln.text for ln in cleaned.lines] == ["国連総会は23日、決議を採択した。", "中国は棄権した。"]


def test_a_wrong_date_is_never_the_answer_s_day_on_another_clock(bank: Bank) -> None:  # noqa: F811  (the fixture)
    src = Source(id="009", file="a.txt", headline=Text("国連総会、撤退求める決議を採択", "TODO: translate"),
                 outlet=Text("テスト新聞", "Test"), published="2023-02-24")
    result = extract(f"2023-02-24 5時00分\n{BODY}", src, bank, load_analyzer(), keep_all=True)
    (vote,) = [i for i in result.items if i.answer.ja == "2023年2月23日"]
    assert vote.distractors and "2023年2月24日" not in [d.ja for d in vote.distractors]
    assert vote.false_statement is None or "2023年2月24日" not in vote.false_statement.ja


def test_the_blank_is_not_offered_a_move_onto_its_own_words() -> None:
    item = Item(id="x", category=Category.POSITIONS, kind=ItemKind.STANCE,
                prompt=Text("クレバ外相は「（　　）」の支持が広がったと述べた。（　　）に入る語句は何か。", ""),
                answer=Text("グローバルサウス", ""), explanation=Text("", ""), evidence=(),
                cloze=Text("クレバ外相は「[[グローバル・サウス]]」の支持が広がったと述べた。", ""))
    assert moved_blank(item, "グローバル・サウス") is None
    assert moved_blank(item, "クレバ外相") is not None
