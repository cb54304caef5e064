"""What the ninth new user found in the drafts of an untuned article (issue 17, Xi and Putin in Astana, July 2024):
wrong answers a student dismisses at a glance — 習近平 and プーチン offered as India's prime minister
(「インドの（　　）首相」)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.bank import Bank, Source, Text, load_bank
from quizgen.extract.article import Extraction, extract

pytest.importorskip("sudachipy")
from quizgen.extract.nlp import load_analyzer

BUNDLED = Path(__file__).resolve().parent.parent / "question_bank"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(BUNDLED)


def run(body: str, bank: Bank) -> Extraction:
    src = Source(id="900", file="a.txt", headline=Text("中ロ首脳がアスタナで会談", "TODO: translate"),
                 outlet=Text("テスト新聞", "Test Shimbun"), published="2024-07-04")
    return extract(f"2024年7月4日 5時00分\n{body}\n", src, bank, load_analyzer(), keep_all=True)


BODY = ("中国の習近平国家主席とロシアのプーチン大統領は3日、カザフスタンの首都アスタナで会談した。"
        "一方、インドのモディ首相は今回の会議を欠席し、ジャイシャンカル外相が代わりに出席する。")


def test_a_prime_minister_s_wrong_answers_hold_no_other_post(bank: Bank) -> None:
    items = {i.answer.ja: i for i in run(BODY, bank).items}
    modi, jaishankar = items["モディ"], items["ジャイシャンカル"]
    assert not {"習近平", "プーチン"} & {d.ja for d in modi.distractors}
    assert not {"習近平", "プーチン"} & {d.ja for d in jaishankar.distractors}
    assert "ラブロフ" in {d.ja for d in jaishankar.distractors}  # a foreign minister for a foreign minister



DRAFT_TRUEFALSE = """sources:
  - id: "900"
    file: a.txt
    headline: {ja: 見出し, en: Headline}
    outlet: {ja: テスト, en: Test}
items:
  - id: a900-x
    draft: true
    category: actors
    kind: person
    form: truefalse
    prompt: {ja: 2024年7月、インドの首相の代わりに上海協力機構の会議に出席したのは誰か。, en: "TODO: translate"}
    answer: {ja: ジャイシャンカル, en: "TODO: translate"}
    statement: {ja: 2024年7月、ジャイシャンカル外相が出席した。, en: "TODO: translate"}
    false_statement: {ja: 2024年7月、ラブロフ外相が出席した。, en: "TODO: translate"}
    explanation: {ja: ジャイシャンカル外相が出席した。, en: "TODO: translate"}
    evidence: [{article: "900", quote: ジャイシャンカル外相が出席した}]
"""


def test_two_english_placeholders_are_not_the_same_statement() -> None:
    """newuser9: the edit was refused with 「false_statement.en: the same as statement.en」 — both were the
    `TODO: translate` the review form itself wrote, and English is optional."""
    from quizgen.bank import loads_bank

    item = loads_bank(DRAFT_TRUEFALSE).item_by_id["a900-x"]
    assert item.truefalse and item.false_statement is not None
