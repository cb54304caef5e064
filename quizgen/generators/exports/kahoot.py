"""Kahoot: the columns of Kahoot's quiz spreadsheet template, as CSV.

Question (at most 120 characters), Answer 1-4 (at most 75 each), Time limit (sec) and
Correct answer(s) (the correct answer's number, 1-4). Kahoot's importer takes its own
.xlsx template: open this CSV (UTF-8 with BOM, so Excel shows the Japanese) and paste
the rows into the template. An item whose question or an answer is too long, or that
has fewer than three distractors, is skipped with a warning; nothing is truncated.
"""

from __future__ import annotations

import csv
import io

from quizgen.bank.model import Lang
from quizgen.generators.exports.common import (
    Export,
    ExportFormat,
    ExportWarning,
    Plan,
    QuestionKind,
    count_types,
    no_mc_reason,
    one_line,
    show,
)

FORMAT = ExportFormat.KAHOOT_CSV
MAX_QUESTION = 120
MAX_ANSWER = 75
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)  # the only values Kahoot accepts
HEADER = ("Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
          "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
          "Time limit (sec) - 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one")


def time_limit(question: str, answers: list[str]) -> int:
    """Seconds to read and answer: 20 up to 60 characters of question and answers, 30 up to 120, else 60."""
    n = len(question) + sum(len(a) for a in answers)
    return 20 if n <= 60 else 30 if n <= 120 else 60


def render(plan: Plan, lang: Lang) -> Export:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER)
    warnings: list[ExportWarning] = []
    n = 0
    for ip in plan.items:
        item = ip.item
        question = one_line(show(item.prompt, lang))
        if ip.mc is None:
            warnings.append(ExportWarning(FORMAT, item.id, QuestionKind.QUIZ, no_mc_reason(ip, "Kahoot needs 3")))
            continue
        answers = [one_line(show(o, lang)) for o in ip.mc.options]
        problems = []
        if len(question) > MAX_QUESTION:
            problems.append(f"question is {len(question)} characters (max {MAX_QUESTION})")
        problems += [f"answer {k} is {len(a)} characters (max {MAX_ANSWER}): {a!r}"
                     for k, a in enumerate(answers, 1) if len(a) > MAX_ANSWER]
        if problems:
            warnings.append(ExportWarning(FORMAT, item.id, QuestionKind.QUIZ, "skipped: " + "; ".join(problems)))
            continue
        writer.writerow([question, *answers, time_limit(question, answers), ip.mc.answer_index + 1])
        n += 1
    return Export(FORMAT, buf.getvalue(), count_types(QuestionKind.QUIZ for _ in range(n)), tuple(warnings), "utf-8-sig")
