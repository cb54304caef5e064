"""Worksheets and answer keys as HTML, from the Jinja2 templates in templates/worksheet/.

Autoescape is on and undefined names are errors (StrictUndefined). The font
CSS is left as a placeholder, filled in by the caller: a file: URL for the PDF,
an embedded subset for stand-alone HTML (see `write.py`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from quizgen import resources
from quizgen.bank.model import Bank, Lang, Text, cloze_parts
from quizgen.citations import source_label, source_url
from quizgen.generators.worksheet.exercises import ChoiceQ, ClozeQ, MatchingQ, ShortQ, TimelineQ, TrueFalseQ
from quizgen.generators.worksheet.key import (
    KeyEntry,
    blank_width,
    context_note,
    disagreement_note,
    display_width,
    key_entries,
)
from quizgen.generators.worksheet.sheet import Variant, Worksheet
from quizgen.generators.worksheet.timeline import Chronology

FONT_PLACEHOLDER = "/*@quizgen-font-face@*/"
# WeasyPrint has no ruby layout (it would print the reading after the word): place <rt> above by hand. A sheet
# with furigana sets every text line tall enough (worksheet.css, `.furigana`) for the reading to sit in the
# room above its word, so lines stay evenly spaced, the question number stays level with its first line, and
# no reading reaches the line above. Only the PDF gets this; browsers lay out ruby themselves.
PDF_RUBY_CSS = (" ruby { display: inline-block; position: relative; line-height: 1; text-indent: 0; }"
                " rt { display: block; position: absolute; left: -3em; right: -3em; top: -0.95em; font-size: 0.55em;"
                " line-height: 1.05; text-align: center; white-space: nowrap; }")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
_MARKS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_KANJI = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf々]")


class Part(StrEnum):
    SHEET = "sheet"
    KEY = "key"
    ANSWERS = "answers"  # the answer sheet (解答用紙), with --answer-sheet


@lru_cache(maxsize=1)
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resources.templates_dir() / "worksheet")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class Furigana:
    """Adds <ruby> readings to every occurrence of a name written in kanji (the bank's entity `reading`s), so a
    student meets the reading wherever the name is, not only the first time."""

    def __init__(self, bank: Bank, enabled: bool) -> None:
        self.readings = readings(bank) if enabled else {}
        self.pattern = (re.compile("|".join(re.escape(n) for n in sorted(self.readings, key=len, reverse=True)))
                        if self.readings else None)

    def __call__(self, text: str) -> Markup:
        if self.pattern is None:
            return escape(text)
        out: list[str] = []
        pos = 0
        for m in self.pattern.finditer(text):
            out.append(escape(text[pos:m.start()]))
            out.append(Markup("<ruby>{}<rt>{}</rt></ruby>").format(m.group(0), self.readings[m.group(0)]))
            pos = m.end()
        out.append(escape(text[pos:]))
        return Markup("").join(out)

    def parts(self, text: str) -> list[tuple[str, str | None]]:
        """`text` as (segment, reading or None) pairs: for formats that build ruby themselves (Word)."""
        if self.pattern is None:
            return [(text, None)] if text else []
        out: list[tuple[str, str | None]] = []
        pos = 0
        for m in self.pattern.finditer(text):
            if m.start() > pos:
                out.append((text[pos:m.start()], None))
            out.append((m.group(0), self.readings[m.group(0)]))
            pos = m.end()
        if pos < len(text):
            out.append((text[pos:], None))
        return out


def readings(bank: Bank) -> dict[str, str]:
    """The hard names of the bank and their readings: every entity name written with kanji."""
    return {e.ja: e.reading for e in bank.entities if e.reading and _KANJI.search(e.ja)}


@dataclass(frozen=True)
class SheetSource:
    """A source as the sheet lists it: its mark (①, ②…; the sheet's own, never the bank's article number),
    label and link."""

    mark: str
    label: Text
    url: str | None


def sheet_sources(bank: Bank, articles: Sequence[str]) -> dict[str, SheetSource]:
    """The sources a sheet cites, by article id, marked ①, ②… in order."""
    return {a: SheetSource(_MARKS[n] if n < len(_MARKS) else f"({n + 1})", source_label(bank, a), source_url(bank, a))
            for n, a in enumerate(articles)}


def blank_widths(variant: Variant, lang: Lang) -> dict[int, float]:
    """The blank width of every cloze section (by its first question's number): one width per section."""
    out = {}
    for s in variant.sections:
        answers = [b for q in s.questions if isinstance(q, ClozeQ)
                   for lg in (("en",) if lang is Lang.EN else ("ja",)) for b in q.cz.blanks(lg)]
        out[s.first] = blank_width(answers)
    return out


def grid_halves(entries: list[KeyEntry]) -> list[list[KeyEntry]]:
    """The answer grid in one column, or two side by side when it is long (so it stays on one page)."""
    if len(entries) <= GRID_ONE_COLUMN:
        return [entries]
    half = (len(entries) + 1) // 2
    return [entries[:half], entries[half:]]


GRID_ONE_COLUMN = 20


def render_timeline(bank: Bank, chrono: Chronology, lang: Lang) -> str:
    """The chronology page as one HTML document, with FONT_PLACEHOLDER for the font CSS."""
    template = _environment().get_template("timeline.html.j2")
    return str(template.render(chrono=chrono, lang=lang.value, title=chrono.title.en if lang is Lang.EN else chrono.title.ja,
                               font_css=Markup(FONT_PLACEHOLDER), sources=list(sheet_sources(bank, chrono.articles).values())))


def render(bank: Bank, ws: Worksheet, variant: Variant, part: Part) -> str:
    """One HTML document (the sheet, the key or the answer sheet of one variant), with FONT_PLACEHOLDER for
    the font CSS."""
    env = _environment()
    template = env.get_template(f"{part.value}.html.j2")
    lang = ws.lang.value
    sources = sheet_sources(bank, ws.articles)
    entries = key_entries(bank, ws, variant) if part is Part.KEY else []
    return str(template.render(
        ws=ws,
        variant=variant,
        lang=lang,
        bilingual=ws.lang is Lang.BOTH,
        en_only=ws.lang is Lang.EN,
        title=ws.title.en if ws.lang is Lang.EN else ws.title.ja,
        letters=ws.letters(),
        roman=_ROMAN,
        font_css=Markup(FONT_PLACEHOLDER),
        furi=Furigana(bank, ws.options.furigana),
        blank_widths=blank_widths(variant, ws.lang),
        answer_sheet=ws.options.answer_sheet,
        paper=ws.options.paper,
        cloze_parts=cloze_parts,
        sources=list(sources.values()),
        mark=lambda article: sources[article].mark if article in sources else "",
        entries=entries,
        grid_halves=grid_halves(entries),
        created=ws.created.isoformat(),
        is_short=lambda q: isinstance(q, ShortQ),
        is_choice=lambda q: isinstance(q, ChoiceQ),
        is_tf=lambda q: isinstance(q, TrueFalseQ),
        is_cloze=lambda q: isinstance(q, ClozeQ),
        is_matching=lambda q: isinstance(q, MatchingQ),
        is_timeline=lambda q: isinstance(q, TimelineQ),
        long_options=lambda opts: max(display_width(o.en if ws.lang is Lang.EN else o.ja) for o in opts) > 14,
        context_note=context_note,
        disagreement_note=disagreement_note,
    ))
