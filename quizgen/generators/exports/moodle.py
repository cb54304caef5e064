"""Moodle XML: multichoice, truefalse, shortanswer, matching and cloze (embedded answers).

Built as an ElementTree and written the way Moodle's own exporter writes (`qformat_xml::writetext`):
a text holding `& < > "` goes in a CDATA section (a `]]>` inside split across two), any other text
as it is. Moodle's reader (xmlize over libxml2) hands an element's text over in pieces, split at
every entity such as `&amp;` and where ASCII meets Japanese; a piece that is only spaces can be
dropped on the way (`外相 ‹ロシア> & {代表}` arriving as `外相 ‹ロシア>& {代表}`). A CDATA section
is one piece, so nothing is lost. Question and feedback texts are HTML (`format="html"`): the
bank's plain text is HTML-escaped first, so `<b>` in the bank shows as `<b>` in Moodle.
Questions are grouped in categories `$course$/quizgen/<category>/<article>`.
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

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
    clean,
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
    typed_spellings,
)

FORMAT = ExportFormat.MOODLE_XML


def render(bank: Bank, plan: Plan, lang: Lang) -> Export:
    quiz = ET.Element("quiz")
    groups, types, warnings = grouped_questions(
        plan, FORMAT, lambda ip, w: _item_questions(bank, ip, lang, w), lambda m: _matching(bank, m, lang))
    for path, questions in groups:
        quiz.append(_category(path))
        quiz.extend(questions)

    body = clean(to_xml(quiz))  # texts are cleaned already; this is the safety net
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
    return Export(FORMAT, text, count_types(types), tuple(warnings))


def _item_questions(bank: Bank, ip: ItemPlan, lang: Lang,
                    warnings: list[ExportWarning]) -> Iterable[tuple[QuestionKind, ET.Element]]:
    item = ip.item
    tags = citations.item_tags(item)
    if item.truefalse:  # asked as true/false only
        if ip.tf is not None:
            yield QuestionKind.TRUEFALSE, _truefalse(bank, ip.tf, lang, tags)
        return
    if ip.mc is not None:
        yield QuestionKind.MULTICHOICE, _multichoice(bank, ip.mc, lang, tags)
    else:
        warnings.append(ExportWarning(FORMAT, item.id, QuestionKind.MULTICHOICE, no_mc_reason(ip)))
    if ip.tf is not None:
        yield QuestionKind.TRUEFALSE, _truefalse(bank, ip.tf, lang, tags)
    answers = shortanswer_answers(ip.accepted)
    yield QuestionKind.SHORTANSWER, _shortanswer(bank, ip, answers, lang, tags)
    if ip.cloze is not None:
        cp = cloze_plan(ip, lang)
        for a in cp.dropped:
            warnings.append(ExportWarning(FORMAT, item.id, QuestionKind.CLOZE, f"accepted answer {a!r} left out: Moodle reads "
                                          "a backslash before # or } in an embedded answer as an escape"))
        if cp.problem:
            warnings.append(ExportWarning(FORMAT, item.id, QuestionKind.CLOZE, cp.problem))
        else:
            yield QuestionKind.CLOZE, _cloze(bank, ip, lang, cp, tags)


# --------------------------------------------------------------------------- writing


def to_xml(el: ET.Element, depth: int = 0) -> str:
    """`el` as indented XML, every text as Moodle's exporter writes it (`text_xml`)."""
    pad = "  " * depth
    attrs = "".join(f" {k}={quoteattr(v)}" for k, v in el.attrib.items())
    if len(el):
        inner = "".join(to_xml(child, depth + 1) for child in el)
        return f"{pad}<{el.tag}{attrs}>\n{inner}{pad}</{el.tag}>\n" if depth else f"<{el.tag}{attrs}>\n{inner}</{el.tag}>"
    return f"{pad}<{el.tag}{attrs}>{text_xml(el.text or '')}</{el.tag}>\n"


def text_xml(text: str) -> str:
    """A text as `qformat_xml::xml_escape` writes it: in CDATA when it holds & < > or a double quote
    (a `]]>` inside split across two sections), otherwise as it is."""
    if not any(c in text for c in '&<>"'):
        return text
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


# --------------------------------------------------------------------------- elements


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = "html") -> ET.Element:
    el = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(el, "text").text = text
    return el


def _category(path: str) -> ET.Element:
    q = ET.Element("question", {"type": "category"})
    _text(q, "category", path, None)
    _text(q, "info", "")
    return q


def _question(qtype: str, name: str, questiontext: str, general: str, penalty: str = "0.3333333",
              grade: str | None = "1") -> ET.Element:
    """A question's common head; `grade` None leaves the grade to Moodle (a cloze sums its blanks)."""
    q = ET.Element("question", {"type": qtype})
    _text(q, "name", name, None)
    _text(q, "questiontext", questiontext)
    _text(q, "generalfeedback", general)
    if grade is not None:
        ET.SubElement(q, "defaultgrade").text = grade
    ET.SubElement(q, "penalty").text = penalty
    ET.SubElement(q, "hidden").text = "0"
    ET.SubElement(q, "idnumber").text = name
    return q


def _tags(q: ET.Element, tags: Iterable[str]) -> None:
    el = ET.SubElement(q, "tags")
    for t in tags:
        tag = ET.SubElement(el, "tag")
        ET.SubElement(tag, "text").text = t


def _answer(q: ET.Element, fraction: int, text: str, fmt: str = "html", fb: str = "") -> None:
    a = ET.SubElement(q, "answer", {"fraction": str(fraction), "format": fmt})
    ET.SubElement(a, "text").text = text
    _text(a, "feedback", fb)


def _multichoice(bank: Bank, mc: forms.MultipleChoice, lang: Lang, tags: Iterable[str]) -> ET.Element:
    item = mc.item
    q = _question("multichoice", question_name(item, QuestionKind.MULTICHOICE), html_show(item.prompt, lang),
                  feedback(bank, item, lang))
    ET.SubElement(q, "single").text = "true"
    ET.SubElement(q, "shuffleanswers").text = "true"
    ET.SubElement(q, "answernumbering").text = "abc"
    for i, option in enumerate(mc.options):
        _answer(q, 100 if i == mc.answer_index else 0, html_text(show(option, lang)))
    _tags(q, tags)
    return q


def _truefalse(bank: Bank, tf: forms.TrueFalse, lang: Lang, tags: Iterable[str]) -> ET.Element:
    item = tf.item
    q = _question("truefalse", question_name(item, QuestionKind.TRUEFALSE), html_show(tf.statement, lang),
                  feedback(bank, item, lang, tf), penalty="1")
    _answer(q, 100 if tf.is_true else 0, "true", "moodle_auto_format")
    _answer(q, 0 if tf.is_true else 100, "false", "moodle_auto_format")
    _tags(q, tags)
    return q


def shortanswer_answers(accepted: Iterable[str]) -> tuple[str, ...]:
    """Accepted spellings as Moodle shortanswer patterns: every typed form of each (`typed_spellings`:
    trimmed, in every width, case-insensitive repeats dropped), with `*` (Moodle's wildcard) escaped
    as `\\*` so it only matches a literal star."""
    return tuple(a.replace("*", "\\*") for a in typed_spellings(accepted))


def _shortanswer(bank: Bank, ip: ItemPlan, answers: tuple[str, ...], lang: Lang, tags: Iterable[str]) -> ET.Element:
    item = ip.item
    q = _question("shortanswer", question_name(item, QuestionKind.SHORTANSWER), html_show(item.prompt, lang),
                  feedback(bank, item, lang))
    ET.SubElement(q, "usecase").text = "0"
    for a in answers:
        _answer(q, 100, a, "moodle_auto_format")
    _tags(q, tags)
    return q


def _matching(bank: Bank, m: Matching, lang: Lang) -> ET.Element:
    q = _question("matching", m.name, html_show(matching_prompt(bank, m.article), lang),
                  matching_feedback(bank, m, lang))
    ET.SubElement(q, "shuffleanswers").text = "true"
    for p in m.pairs:
        sub = _text(q, "subquestion", html_text(show(p.left, lang)))
        ans = ET.SubElement(sub, "answer")
        ET.SubElement(ans, "text").text = show(p.right, lang)  # matching answers are plain text
    _tags(q, ("quizgen", "matching", f"article::{m.article}"))
    return q


# --------------------------------------------------------------------------- cloze (embedded answers)

# Inside {1:SHORTANSWER:=a~=b} an answer ends at an unescaped ~ # or }, and is then
# HTML-entity-decoded; so the specials are written as numeric entities (and & as &#38;,
# because Moodle will not end an answer right after "&amp;"). * is shortanswer's wildcard.
_CLOZE_ANSWER = str.maketrans({"&": "&#38;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;",
                               "~": "&#126;", "#": "&#35;", "\\": "&#92;", "*": "\\*"})
_CLOZE_TEXT = str.maketrans({"{": "&#123;", "}": "&#125;"})


def cloze_alternatives(blank: str, answer: str, accepted: Iterable[str]) -> tuple[str, ...]:
    """The blank's own text, plus every accepted answer of the item when the blank is the whole
    answer (in the cloze's language); a blank holding part of the answer (the 3 of 3周年) takes
    only its own text, since the other spellings would not fit the sentence around it."""
    blank = clean(blank)
    whole = _key(blank) == _key(answer)
    alts = [blank, *(clean(a) for a in accepted)] if whole else [blank]
    out: dict[str, str] = {}
    for a in alts:
        if a.strip():
            out.setdefault(_key(a), a.strip())
    return tuple(out.values())


@dataclass(frozen=True)
class ClozePlan:
    blanks: tuple[tuple[str, ...], ...]  # the alternatives of each blank, in text order
    dropped: tuple[str, ...]  # alternatives an embedded answer cannot hold
    problem: str | None  # why the whole cloze cannot be written, if it cannot


def cloze_plan(ip: ItemPlan, lang: Lang) -> ClozePlan:
    assert ip.cloze is not None
    blanks, dropped = [], []
    problem = None
    main = cloze_lang(lang)
    for b in ip.cloze.blanks(main):
        if not clean(b).strip():
            problem = "skipped: a blank [[...]] is empty"
            continue
        alts = cloze_alternatives(b, getattr(ip.item.answer, main), ip.accepted)
        dropped += [a for a in alts if not _embeddable(a)]
        ok = tuple(a for a in typed_spellings(a for a in alts if _embeddable(a)) if _embeddable(a))
        if not ok:
            problem = f"skipped: blank {b!r} cannot be written as an embedded answer"
        blanks.append(ok)
    return ClozePlan(tuple(blanks), tuple(dropped), problem)


def _embeddable(answer: str) -> bool:
    """Whether an embedded answer can hold `answer`: Moodle reads a backslash before # or } as an escape."""
    return "\\#" not in answer and "\\}" not in answer


def cloze_text(ip: ItemPlan, lang: Lang, cp: ClozePlan) -> str:
    """The question text with every blank as {1:SHORTANSWER:=...}."""
    assert ip.cloze is not None
    main = cloze_lang(lang)
    parts = []
    blanks = iter(cp.blanks)
    for seg, blank in ip.cloze.parts(main):
        if blank:
            alts = "~".join("=" + a.translate(_CLOZE_ANSWER) for a in next(blanks))
            parts.append(f"{{1:SHORTANSWER:{alts}}}")
        else:
            parts.append(html_text(seg).translate(_CLOZE_TEXT))
    text = "".join(parts)
    if lang is Lang.BOTH:
        text += "<br>\n" + html_text(english_cloze_line(ip.cloze)).translate(_CLOZE_TEXT)
    return text


def _cloze(bank: Bank, ip: ItemPlan, lang: Lang, cp: ClozePlan, tags: Iterable[str]) -> ET.Element:
    q = _question("cloze", question_name(ip.item, QuestionKind.CLOZE), cloze_text(ip, lang, cp),
                  feedback(bank, ip.item, lang), grade=None)
    _tags(q, tags)
    return q


def _key(s: str) -> str:
    return unicodedata.normalize("NFKC", s).casefold().strip()
