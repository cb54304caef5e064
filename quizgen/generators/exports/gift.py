"""GIFT (Moodle's plain-text import format): the same questions as the Moodle XML export.

Escaping follows Moodle's own GIFT writer: `\\ ~ = # { } :` get a backslash and
newlines become `\\n`, so every question is one line plus its answer lines. Texts are
marked `[html]` and HTML-escaped first, so `<b>` in the bank is shown, not obeyed.
Short-answer answers and matching right-hand sides are plain text in Moodle and are
only GIFT-escaped; GIFT cannot hold `->` in them, so a short answer whose every accepted
answer contains `->` is left out (an empty answer list would import as an essay). GIFT's
missing-word form holds one blank, so a cloze with several blanks is left out of GIFT (it is
in the Moodle XML export).
"""

from __future__ import annotations

from collections.abc import Iterable

from quizgen import citations, forms
from quizgen.bank.model import Bank, Lang
from quizgen.generators.exports.common import (
    Export,
    ExportFormat,
    ExportWarning,
    ItemPlan,
    Matching,
    Plan,
    QuestionKind,
    cloze_lang,
    count_types,
    english_cloze_line,
    feedback,
    grouped_questions,
    html_show,
    html_text,
    matching_feedback,
    matching_prompt,
    no_mc_reason,
    question_name,
    show,
)
from quizgen.generators.exports.moodle import cloze_alternatives, shortanswer_answers

FORMAT = ExportFormat.GIFT
_GIFT_SPECIAL = str.maketrans({"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}",
                               ":": "\\:", "\n": "\\n", "\r": ""})


def escape(text: str) -> str:
    """GIFT-escape plain text: backslash first, then ~ = # { } :, newlines as \\n."""
    return text.translate(_GIFT_SPECIAL)


def _html(html: str) -> str:
    """HTML for a GIFT text field: on one line, and not mistaken for a [format] or %weight% prefix."""
    html = html.replace("\n", "")
    if html[:1] == "[":
        html = "&#91;" + html[1:]
    elif html[:1] == "%":
        html = "&#37;" + html[1:]
    return escape(html)


def render(bank: Bank, plan: Plan, lang: Lang) -> Export:
    groups, types, warnings = grouped_questions(
        plan, FORMAT, lambda ip, w: _item_questions(bank, ip, lang, w), lambda m: _matching(bank, m, lang))
    blocks = [f"// quizgen question bank export: {len(types)} questions. Moodle: Question bank > Import > GIFT format."]
    for path, questions in groups:
        blocks.append(f"$CATEGORY: {path}")
        blocks.extend(questions)
    return Export(FORMAT, "\n\n".join(blocks) + "\n", count_types(types), tuple(warnings))


def _head(name: str, tags: Iterable[str], text_html: str) -> str:
    tag_s = "".join(f" [tag:{t}]" for t in tags if not set(t) & set("]<>`"))
    return f"// [id:{name}]{tag_s}\n::{escape(name)}::[html]{_html(text_html)}"


def _item_questions(bank: Bank, ip: ItemPlan, lang: Lang, warnings: list[ExportWarning]) -> Iterable[tuple[QuestionKind, str]]:
    item = ip.item
    tags = citations.item_tags(item)
    if item.truefalse:  # asked as true/false only
        yield from _truefalse(bank, ip, lang, tags)
        return
    fb = _html(feedback(bank, item, lang))
    if ip.mc is not None:
        yield QuestionKind.MULTICHOICE, _multichoice(ip.mc, lang, tags, fb)
    else:
        warnings.append(ExportWarning(FORMAT, item.id, QuestionKind.MULTICHOICE, no_mc_reason(ip)))
    yield from _truefalse(bank, ip, lang, tags)
    answers, _ = _plain_answers(shortanswer_answers(a for a in ip.accepted if "->" not in a))
    for a in dict.fromkeys(a.strip() for a in ip.accepted if "->" in a):
        warnings.append(ExportWarning(FORMAT, item.id, QuestionKind.SHORTANSWER,
                                      f"accepted answer {a!r} left out: GIFT would read '->' as a matching question"))
    if answers:
        head = _head(question_name(item, QuestionKind.SHORTANSWER), tags, html_show(item.prompt, lang))
        yield QuestionKind.SHORTANSWER, head + "{\n" + "".join(f"\t{a}\n" for a in answers) + f"\t####{fb}\n}}"
    else:  # an empty answer list would import as an essay question
        warnings.append(ExportWarning(FORMAT, item.id, QuestionKind.SHORTANSWER,
                                      "skipped: every accepted answer contains '->', which GIFT reads as a matching "
                                      "question (it is in the Moodle XML export)"))
    if ip.cloze is not None:
        cloze = _missing_word(ip, lang, tags, fb, warnings)
        if cloze is not None:
            yield QuestionKind.CLOZE, cloze


def _truefalse(bank: Bank, ip: ItemPlan, lang: Lang, tags: Iterable[str]) -> Iterable[tuple[QuestionKind, str]]:
    if ip.tf is not None:
        head = _head(question_name(ip.item, QuestionKind.TRUEFALSE), tags, html_show(ip.tf.statement, lang))
        tf_fb = _html(feedback(bank, ip.item, lang, ip.tf))
        yield QuestionKind.TRUEFALSE, f"{head}{{{'TRUE' if ip.tf.is_true else 'FALSE'}####{tf_fb}}}"


def _plain_answers(answers: Iterable[str]) -> tuple[list[str], list[str]]:
    """Short answers as GIFT `=answer` lines (answers are already wildcard-escaped)."""
    ok, dropped = [], []
    for a in answers:
        if "->" in a:
            dropped.append(a)
            continue
        # "%50%" would be read as a weight and "[html]" as a text format: state both explicitly.
        prefix = "=%100%[plain]" if a[:1] == "[" else "=%100%" if a[:1] == "%" else "="
        ok.append(prefix + escape(a))
    return ok, dropped


def _multichoice(mc: forms.MultipleChoice, lang: Lang, tags: Iterable[str], fb: str) -> str:
    head = _head(question_name(mc.item, QuestionKind.MULTICHOICE), tags, html_show(mc.item.prompt, lang))
    lines = [f"\t{'=' if i == mc.answer_index else '~'}{_html(html_text(show(o, lang)))}\n" for i, o in enumerate(mc.options)]
    return head + "{\n" + "".join(lines) + f"\t####{fb}\n}}"


def _missing_word(ip: ItemPlan, lang: Lang, tags: Iterable[str], fb: str,
                  warnings: list[ExportWarning]) -> str | None:
    assert ip.cloze is not None
    item_id = ip.item.id
    main = cloze_lang(lang)
    parts = ip.cloze.parts(main)
    blanks = [seg for seg, blank in parts if blank]
    if len(blanks) != 1:
        warnings.append(ExportWarning(FORMAT, item_id, QuestionKind.CLOZE,
                                      f"skipped: it has {len(blanks)} blanks; GIFT's missing-word format holds one "
                                      "(it is in the Moodle XML export)"))
        return None
    i = next(k for k, (_, blank) in enumerate(parts) if blank)
    before = "".join(seg for seg, _ in parts[:i])
    after = "".join(seg for seg, _ in parts[i + 1:])
    alternatives = cloze_alternatives(blanks[0], getattr(ip.item.answer, main), ip.accepted)
    answers, _ = _plain_answers(shortanswer_answers(a for a in alternatives if "->" not in a))
    if not answers:
        warnings.append(ExportWarning(FORMAT, item_id, QuestionKind.CLOZE,
                                      f"skipped: its blank {blanks[0]!r} cannot be written in GIFT"))
        return None
    after_html = html_text(after)
    if lang is Lang.BOTH:
        after_html += "<br>" + html_text(english_cloze_line(ip.cloze))
    if not after_html.strip():
        after_html = "&nbsp;"  # GIFT shows a blank only when text follows the answers
    head = _head(question_name(ip.item, QuestionKind.CLOZE), tags, html_text(before))
    return head + "{" + " ".join(answers) + f" ####{fb}}}" + _html(after_html)


def _matching(bank: Bank, m: Matching, lang: Lang) -> str:
    head = _head(m.name, ("quizgen", "matching", f"article::{m.article}"),
                 html_show(matching_prompt(bank, m.article), lang))
    lines = [f"\t={_html(html_text(show(p.left, lang)))} -> {escape(show(p.right, lang))}\n" for p in m.pairs]
    return head + "{\n" + "".join(lines) + f"\t####{_html(matching_feedback(bank, m, lang))}\n}}"
