"""Quizlet: term/definition pairs in the text Quizlet's "Import" box accepts.

One card per item: the term is the prompt, the definition the answer (an item asked as true/false too:
its prompt and answer are its yes/no question and the answer to it). Quizlet's
import reads a tab between term and definition and a new line between cards, and has
no quoting, so a tab or line break inside a text is replaced by a space (the card
stays on one line), and a text that begins with `= + - @` gets a leading `'` so that a
spreadsheet opening the file does not run it as a formula. Nothing else is changed.
"""

from __future__ import annotations

from quizgen.bank.model import Lang
from quizgen.generators.exports.common import Export, ExportFormat, Plan, QuestionKind, count_types, not_a_formula, one_line, show

FORMAT = ExportFormat.QUIZLET_CSV


def render(plan: Plan, lang: Lang) -> Export:
    rows = []
    for ip in plan.items:
        term = not_a_formula(one_line(show(ip.item.prompt, lang)))
        definition = not_a_formula(one_line(show(ip.item.answer, lang)))
        rows.append(f"{term}\t{definition}\n")
    return Export(FORMAT, "".join(rows), count_types(QuestionKind.CARD for _ in rows), ())
