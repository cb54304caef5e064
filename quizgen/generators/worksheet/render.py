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
from quizgen.generators.worksheet.key import answer_width, context_note, disagreement_note, display_width, key_entries
from quizgen.generators.worksheet.sheet import Variant, Worksheet
from quizgen.generators.worksheet.timeline import Chronology

FONT_PLACEHOLDER = "/*@quizgen-font-face@*/"
# WeasyPrint has no ruby layout (it would print the reading after the word): place <rt> above by hand.
# Only the PDF gets this; browsers lay out ruby themselves.
PDF_RUBY_CSS = (" ruby { display: inline-block; position: relative; }"
                " rt { display: block; position: absolute; left: -3em; right: -3em; top: -0.95em; font-size: 0.5em;"
                " line-height: 1; text-align: center; white-space: nowrap; }")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
_MARKS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_KANJI = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf々]")


class Part(StrEnum):
    SHEET = "sheet"
    KEY = "key"


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
    """Adds <ruby> readings to entity names that contain kanji (the bank's `reading`s)."""

    def __init__(self, bank: Bank, enabled: bool) -> None:
        names = {e.ja: e.reading for e in bank.entities if enabled and e.reading and _KANJI.search(e.ja)}
        self.readings = names
        self.seen: set[str] = set()  # ruby on a name's first appearance only, as textbooks do
        self.pattern = (re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
                        if names else None)

    def __call__(self, text: str) -> Markup:
        if self.pattern is None:
            return escape(text)
        out: list[str] = []
        pos = 0
        for m in self.pattern.finditer(text):
            out.append(escape(text[pos:m.start()]))
            name = m.group(0)
            if name in self.seen:
                out.append(escape(name))
            else:
                self.seen.add(name)
                out.append(Markup("<ruby>{}<rt>{}</rt></ruby>").format(name, self.readings[name]))
            pos = m.end()
        out.append(escape(text[pos:]))
        return Markup("").join(out)


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


def _blank_width(answer: str) -> float:
    return round(min(18.0, max(4.0, display_width(answer) * 1.3 + 2)), 1)


def render_timeline(bank: Bank, chrono: Chronology, lang: Lang) -> str:
    """The chronology page as one HTML document, with FONT_PLACEHOLDER for the font CSS."""
    template = _environment().get_template("timeline.html.j2")
    return str(template.render(chrono=chrono, lang=lang.value, title=chrono.title.en if lang is Lang.EN else chrono.title.ja,
                               font_css=Markup(FONT_PLACEHOLDER), sources=list(sheet_sources(bank, chrono.articles).values())))


def render(bank: Bank, ws: Worksheet, variant: Variant, part: Part) -> str:
    """One HTML document (the sheet or the key of one variant), with FONT_PLACEHOLDER for the font CSS."""
    env = _environment()
    template = env.get_template(f"{part.value}.html.j2")
    lang = ws.lang.value
    sources = sheet_sources(bank, ws.articles)
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
        answer_width=lambda t: answer_width(t, ws.lang),
        blank_width=_blank_width,
        cloze_parts=cloze_parts,
        sources=list(sources.values()),
        mark=lambda article: sources[article].mark if article in sources else "",
        entries=key_entries(bank, ws, variant) if part is Part.KEY else [],
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
