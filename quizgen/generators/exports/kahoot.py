"""Kahoot: the quiz spreadsheet Kahoot imports (.xlsx, laid out as Kahoot's own template), and the same rows as CSV.

Kahoot's template ("Create → Import spreadsheet" offers it for download) is one sheet, `Sheet1`:
the title and four lines of instructions in B2:B6, the header in B8:H8 (Question, Answer 1-4, Time
limit, Correct answer(s)), and the questions from row 9, numbered in column A (1 to 100 at least).
Questions hold at most 120 characters and answers 75; the time limit is one of 5, 10, 20, 30, 60,
90, 120 or 240 seconds; the correct answer is its number, 1-4. An item asked as true/false
(`form: truefalse`) is its statement with two answers, 正しい and 誤り (answers 3 and 4 empty, which
the template allows: it asks for at least two). An item whose question or an answer is too long, or
that has fewer than three distractors, is skipped with a warning; nothing is cut.

Every cell of the .xlsx is a text cell (never a formula, even for a text that begins with `=`) and
carries Excel's quote prefix, so it stays text when a teacher edits it. The CSV, for people who
paste rows by hand, has no such types: a cell that begins with `= + - @` gets a leading `'` there,
so a spreadsheet does not run it as a formula.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from quizgen import forms
from quizgen.bank.model import Lang
from quizgen.generators.exports.common import (
    Export,
    ExportFormat,
    ExportWarning,
    Plan,
    QuestionKind,
    count_types,
    no_mc_reason,
    not_a_formula,
    one_line,
    show,
)

MAX_QUESTION = 120
MAX_ANSWER = 75
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)  # the only values Kahoot accepts
HEADER = ("Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
          "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
          "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one")
SHEET = "Sheet1"
TITLE = "Quiz template"
INSTRUCTIONS = (
    "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one). "
    "Have fun creating your awesome quiz!",
    "Remember: questions have a limit of 120 characters and answers can have 75 characters max. Text will turn red "
    "in Excel or Google Docs if you exceed this limit. If several answers are correct, separate them with a comma.",
    "See an example question below (don't forget to overwrite this with your first question!)",
    "And remember,  if you're not using Excel you need to export to .xlsx format before you upload to Kahoot!",
)
HEADER_ROW = 8  # the questions start on the row below, in column B; column A numbers them
NUMBERED_ROWS = 100


@dataclass(frozen=True)
class Row:
    """One Kahoot question: its text, four answers, time limit and the correct answer's number (1-4)."""

    question: str
    answers: tuple[str, str, str, str]
    time_limit: int
    correct: int

    def cells(self) -> list[str | int]:
        return [self.question, *self.answers, self.time_limit, self.correct]


def time_limit(question: str, answers: list[str]) -> int:
    """Seconds to read and answer: 20 up to 60 characters of question and answers, 30 up to 120, else 60."""
    n = len(question) + sum(len(a) for a in answers)
    return 20 if n <= 60 else 30 if n <= 120 else 60


def rows(plan: Plan, lang: Lang, fmt: ExportFormat) -> tuple[list[Row], list[ExportWarning]]:
    """The questions Kahoot can take, and a warning naming each item it cannot and why."""
    out: list[Row] = []
    warnings: list[ExportWarning] = []
    for ip in plan.items:
        item = ip.item
        if item.truefalse and ip.tf is not None:  # two answers, 正しい and 誤り; answers 3 and 4 stay empty
            question = one_line(show(ip.tf.statement, lang))
            answers, correct = [one_line(show(forms.TRUE, lang)), one_line(show(forms.FALSE, lang))], 1 if ip.tf.is_true else 2
        elif ip.mc is not None:
            question = one_line(show(item.prompt, lang))
            answers, correct = [one_line(show(o, lang)) for o in ip.mc.options], ip.mc.answer_index + 1
        else:
            warnings.append(ExportWarning(fmt, item.id, QuestionKind.QUIZ, no_mc_reason(ip, "Kahoot needs 3")))
            continue
        problems = []
        if len(question) > MAX_QUESTION:
            problems.append(f"question is {len(question)} characters (max {MAX_QUESTION})")
        problems += [f"answer {k} is {len(a)} characters (max {MAX_ANSWER}): {a!r}"
                     for k, a in enumerate(answers, 1) if len(a) > MAX_ANSWER]
        if problems:
            warnings.append(ExportWarning(fmt, item.id, QuestionKind.QUIZ, "skipped: " + "; ".join(problems)))
            continue
        a1, a2, a3, a4 = (*answers, "", "")[:4]
        out.append(Row(question, (a1, a2, a3, a4), time_limit(question, answers), correct))
    return out, warnings


def render_csv(plan: Plan, lang: Lang) -> Export:
    """The rows as CSV (UTF-8 with BOM, so Excel shows the Japanese), under the template's header."""
    found, warnings = rows(plan, lang, ExportFormat.KAHOOT_CSV)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in found:
        writer.writerow([not_a_formula(c) if isinstance(c, str) else c for c in row.cells()])
    return Export(ExportFormat.KAHOOT_CSV, buf.getvalue(), count_types(QuestionKind.QUIZ for _ in found),
                  tuple(warnings), "utf-8-sig")


def render_xlsx(plan: Plan, lang: Lang) -> Export:
    """Kahoot's template with the rows filled in, as .xlsx bytes (the same bytes for the same plan)."""
    found, warnings = rows(plan, lang, ExportFormat.KAHOOT_XLSX)
    return Export(ExportFormat.KAHOOT_XLSX, "", count_types(QuestionKind.QUIZ for _ in found), tuple(warnings),
                  data=workbook_bytes(found))


def workbook_bytes(found: list[Row]) -> bytes:
    import openpyxl  # imported here: only this format needs it
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    _text(ws.cell(2, 2), TITLE).font = Font(bold=True, size=14)
    for r, line in enumerate(INSTRUCTIONS, start=3):
        _text(ws.cell(r, 2), line)
    for c, head in enumerate(HEADER, start=2):
        _text(ws.cell(HEADER_ROW, c), head).font = Font(bold=True)
    for n in range(1, max(NUMBERED_ROWS, len(found)) + 1):
        ws.cell(HEADER_ROW + n, 1, n)
    for r, row in enumerate(found, start=HEADER_ROW + 1):
        for c, value in enumerate(row.cells(), start=2):
            if isinstance(value, str):
                if value:  # an empty answer (3 and 4 of a true/false question) stays an empty cell
                    _text(ws.cell(r, c), value)
            else:
                ws.cell(r, c, value)
    ws.column_dimensions["B"].width = 60
    for col in "CDEF":
        ws.column_dimensions[col].width = 28
    wb.properties.creator = "quizgen"
    buf = io.BytesIO()
    wb.save(buf)
    return _reproducible(buf.getvalue())


def _text(cell: Any, value: str) -> Any:
    """Write `value` as a text cell with Excel's quote prefix: never a formula, whatever it begins with."""
    cell.value = value
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


_FIXED_TIME = "2000-01-01T00:00:00Z"


def _reproducible(data: bytes) -> bytes:
    """The same workbook bytes every time: zip entry times and the document's dates fixed."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _fix_dates(body)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0)), body,
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _fix_dates(core: bytes) -> bytes:
    return re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                  rb"\g<1>" + _FIXED_TIME.encode() + rb"\g<2>", core)
