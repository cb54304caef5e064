"""Kahoot's .xlsx, opened with openpyxl and compared with Kahoot's own quiz template."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from quizgen.bank import Bank, Selection, load_bank
from quizgen.cli import cli
from quizgen.generators.exports import ExportFormat, Lang, export
from quizgen.generators.exports.kahoot import HEADER, TIME_LIMITS

FIXTURE = Path(__file__).parent / "data" / "exports" / "bank"

# Kahoot's template (KahootQuizTemplate.xlsx, from Create > Import spreadsheet), cell by cell.
TEMPLATE_TEXT = {
    "B2": "Quiz template",
    "B3": "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one). "
          "Have fun creating your awesome quiz!",
    "B4": "Remember: questions have a limit of 120 characters and answers can have 75 characters max. Text will turn "
          "red in Excel or Google Docs if you exceed this limit. If several answers are correct, separate them with a "
          "comma.",
    "B5": "See an example question below (don't forget to overwrite this with your first question!)",
    "B6": "And remember,  if you're not using Excel you need to export to .xlsx format before you upload to Kahoot!",
    "B8": "Question - max 120 characters", "C8": "Answer 1 - max 75 characters", "D8": "Answer 2 - max 75 characters",
    "E8": "Answer 3 - max 75 characters", "F8": "Answer 4 - max 75 characters",
    "G8": "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "H8": "Correct answer(s) - choose at least one",
}


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(FIXTURE)


def sheet(data: bytes):  # type: ignore[no-untyped-def]
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Sheet1"]
    return wb["Sheet1"]


def test_laid_out_as_kahoots_template(bank: Bank) -> None:
    exp = export(bank, ExportFormat.KAHOOT_XLSX, rng=random.Random(0))
    ws = sheet(exp.content)
    for ref, text in TEMPLATE_TEXT.items():
        assert ws[ref].value == text, ref
    assert tuple(ws[f"{c}8"].value for c in "BCDEFGH") == HEADER
    assert [ws.cell(r, 1).value for r in range(9, 109)] == list(range(1, 101))  # numbered like the template
    assert ws["A1"].value is None and all(ws.cell(7, c).value is None for c in range(1, 9))


def test_rows_hold_the_questions_with_a_valid_time_and_the_right_answer(bank: Bank) -> None:
    exp = export(bank, ExportFormat.KAHOOT_XLSX, rng=random.Random(0))
    ws = sheet(exp.content)
    rows = [r for r in ws.iter_rows(min_row=9, min_col=2, max_col=8, values_only=True) if r[0] is not None]
    by_prompt = {i.prompt.ja: i for i in Selection().apply(bank)}
    tf = bank.item_by_id["china-neutrality"]
    assert len(rows) == exp.total == 5
    for question, a1, a2, a3, a4, limit, correct in rows:
        answers = [a1, a2, a3, a4]
        assert isinstance(question, str) and len(question) <= 120 and limit in TIME_LIMITS
        if question in (tf.statement.ja, tf.false_statement.ja):  # type: ignore[union-attr]
            # asked as true/false: 正しい and 誤り, answers 3 and 4 empty cells (the template asks for two or more)
            assert answers == ["正しい", "誤り", None, None]
            assert correct == (1 if question == tf.statement.ja else 2)  # type: ignore[union-attr]
            continue
        assert all(0 < len(str(a)) <= 75 for a in answers) and correct in (1, 2, 3, 4)
        assert answers[correct - 1] == by_prompt[question].answer.ja
    csv_exp = export(bank, ExportFormat.KAHOOT_CSV, rng=random.Random(0))
    assert exp.total == csv_exp.total
    assert [str(w).removeprefix("kahoot-xlsx") for w in exp.warnings] == [
        str(w).removeprefix("kahoot-csv") for w in csv_exp.warnings]


def test_true_or_false_in_each_language(bank: Bank) -> None:
    item = bank.item_by_id["china-neutrality"]
    for lang, answers in ((Lang.JA, ("正しい", "誤り")), (Lang.EN, ("True", "False"))):
        ws = sheet(export(bank, ExportFormat.KAHOOT_XLSX, rng=random.Random(0), items=[item], lang=lang).content)
        assert tuple(ws.cell(9, c).value for c in range(3, 7)) == (*answers, None, None)


def test_same_seed_same_bytes_and_every_language(bank: Bank) -> None:
    a = export(bank, ExportFormat.KAHOOT_XLSX, rng=random.Random(3)).content
    assert a == export(bank, ExportFormat.KAHOOT_XLSX, rng=random.Random(3)).content
    assert zipfile.ZipFile(io.BytesIO(a)).testzip() is None
    for lang in Lang:
        exp = export(bank, ExportFormat.KAHOOT_XLSX, rng=random.Random(1), lang=lang)
        ws = sheet(exp.content)
        found = sum(1 for r in range(9, 120) if ws.cell(r, 2).value is not None)
        assert found + len(exp.warnings) == len(Selection().apply(bank))


def test_cli_writes_the_xlsx(tmp_path: Path) -> None:
    target = tmp_path / "k.xlsx"
    res = CliRunner().invoke(cli, ["export", "--bank", str(FIXTURE), "-f", "kahoot-xlsx", "-o", str(target)])
    assert res.exit_code == 0, res.output
    assert res.stdout == f"wrote {target}: 5 Kahoot questions from 7 items (2 warnings)\n"
    assert sheet(target.read_bytes())["B9"].value
    res = CliRunner().invoke(cli, ["export", "--bank", str(FIXTURE), "-f", "kahoot-xlsx", "-o", "-"])
    assert res.exit_code == 0 and res.stdout_bytes.startswith(b"PK")
