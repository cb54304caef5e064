"""Quizlet and Kahoot CSV exports, read back with the csv module."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest

from quizgen.bank import Bank, Category, Evidence, Item, ItemKind, Selection, Source, Text, load_bank
from quizgen.generators.exports import ExportFormat, Lang, export
from quizgen.generators.exports.kahoot import HEADER, TIME_LIMITS

FIXTURE = Path(__file__).parent / "data" / "exports" / "bank"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(FIXTURE)


def quizlet_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))


def kahoot_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_quizlet_one_card_per_item_tab_separated(bank: Bank) -> None:
    exp = export(bank, ExportFormat.QUIZLET_CSV, rng=random.Random(0))
    rows = quizlet_rows(exp.text)
    items = Selection().apply(bank)
    assert [r for r in rows] == [[i.prompt.ja, i.answer.ja] for i in items]
    assert exp.summary() == f"{len(items)} cards" and exp.warnings == ()
    assert not exp.text.startswith("\ufeff")
    en = quizlet_rows(export(bank, ExportFormat.QUIZLET_CSV, rng=random.Random(0), lang=Lang.BOTH).text)
    assert en[2] == ["上海協力機構が設立されたのは何年か。 / In what year was the SCO founded?", "2001年 / 2001"]


def test_quizlet_cleans_tabs_and_line_breaks() -> None:
    src = Source("000", "000.txt", Text("見出し", "Headline"), Text("媒体", "Outlet"))
    item = Item("x", Category.DATES, ItemKind.DATE, Text("一行目\n二行目\tタブ\r\n三行目", "p"), Text("答え\t1", "a"),
                Text("説明", "e"), (Evidence("000", "q"),))
    text = export(Bank(sources=(src,), items=(item,)), ExportFormat.QUIZLET_CSV, rng=random.Random(0)).text
    assert text == "一行目 二行目 タブ 三行目\t答え 1\n"


def test_kahoot_layout_limits_and_correct_answer(bank: Bank) -> None:
    exp = export(bank, ExportFormat.KAHOOT_CSV, rng=random.Random(0))
    data = exp.text.encode(exp.encoding)
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel then reads the Japanese as UTF-8
    header, *rows = kahoot_rows(data)
    assert tuple(header) == HEADER
    by_prompt = {i.prompt.ja: i for i in Selection().apply(bank)}
    tf = bank.item_by_id["china-neutrality"]
    statements = {tf.statement.ja: "1", tf.false_statement.ja: "2"}  # type: ignore[union-attr]
    for question, a1, a2, a3, a4, limit, correct in rows:
        answers = [a1, a2, a3, a4]
        assert len(question) <= 120 and int(limit) in TIME_LIMITS
        if question in statements:  # asked as true/false: two answers, the other two cells empty
            assert (answers, correct) == (["正しい", "誤り", "", ""], statements[question])
            continue
        assert all(0 < len(a) <= 75 for a in answers)
        assert answers[int(correct) - 1] == by_prompt[question].answer.ja
        assert len(set(answers)) == 4
    exported = {by_prompt[r[0]].id if r[0] in by_prompt else "tf" for r in rows}
    assert exported == {"markup-author", "gift-specials", "sco-founding", "lavrov-title", "tf"}
    assert exp.summary() == "5 Kahoot questions"


def test_kahoot_skips_what_does_not_fit_and_says_why(bank: Bank) -> None:
    exp = export(bank, ExportFormat.KAHOOT_CSV, rng=random.Random(0))
    assert [str(w) for w in exp.warnings] == [
        "kahoot-csv: few-distractors (quiz): skipped: only 1 distinct distractor; Kahoot needs 3",
        "kahoot-csv: long-texts (quiz): skipped: question is 155 characters (max 120); answer 2 is 79 characters "
        "(max 75): '多極化した世界を支持し、一方的な制裁と内政干渉に反対し、地域の安全保障を加盟国自身で守り、"
        "経済協力を深め、国際秩序の公正化を目指すという、長く詳しい立場の説明'",
    ]
    text = exp.text
    assert "多極化" not in text and "長い" not in text, "never truncated into the file"


def test_kahoot_every_item_is_exported_or_named_in_a_warning(bank: Bank) -> None:
    for lang in Lang:
        exp = export(bank, ExportFormat.KAHOOT_CSV, rng=random.Random(1), lang=lang)
        _, *rows = kahoot_rows(exp.text.encode(exp.encoding))
        assert len(rows) + len(exp.warnings) == len(Selection().apply(bank))
