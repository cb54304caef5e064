"""Worksheets and answer keys as HTML, from the Jinja2 templates in templates/worksheet/.

Autoescape is on and undefined names are errors (StrictUndefined). The font
CSS is left as a placeholder, filled in by the caller: a file: URL for the PDF,
an embedded subset for stand-alone HTML (see `write.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from quizgen import resources
from quizgen.bank.model import Bank, Item, Lang, Text, cloze_parts
from quizgen.citations import (
    RELAYED_FROM,
    NamedLink,
    date_label,
    named_reports,
    relayed_from,
    reporting,
    source_label,
    source_name,
    source_url,
)
from quizgen.generators.worksheet.exercises import (
    ChoiceQ,
    ClozeQ,
    MatchingQ,
    ShortQ,
    TimelineQ,
    TrueFalseQ,
    question_items,
)
from quizgen.generators.worksheet.key import (
    KeyEntry,
    blank_alternatives,
    blank_width,
    context_note,
    disagreement_note,
    display_width,
    key_entries,
    named_articles,
)
from quizgen.generators.worksheet.sheet import Paper, Variant, Worksheet
from quizgen.generators.worksheet.timeline import Chronology, late_events
from quizgen.japanese.dates import dates_in
from quizgen.japanese.furigana import ruby

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


_CURLY = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def latin(text: str) -> str:
    """English text as printed: curly quotes straight (“new era” → "new era"). The bundled font sets curly quotes
    full width, so an English line showed 'a “new era” , as' with gaps (review 2, s2)."""
    return text.translate(_CURLY)


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
    student meets the reading wherever the name is, not only the first time. Readings sit over the kanji runs
    only (しんこう over 侵攻 in ロシアのウクライナ侵攻, never a reading over kana), split by
    `japanese.furigana.ruby`; a name whose split is not certain gets none, and everyday words (中国, 北京, 危機)
    none either."""

    def __init__(self, bank: Bank, enabled: bool) -> None:
        self.readings = readings(bank) if enabled else {}
        self.segments = {name: segs for name, (reading, kind) in self.readings.items()
                         if (segs := _segments(name, reading, kind)) is not None}
        if enabled:
            self.segments = {**alias_segments(bank, self.segments), **self.segments}
        self.pattern = (re.compile("|".join(re.escape(n) for n in sorted(self.segments, key=len, reverse=True)))
                        if self.segments else None)

    def __call__(self, text: str) -> Markup:
        return Markup("").join(Markup("<ruby>{}<rt>{}</rt></ruby>").format(seg, reading) if reading else escape(seg)
                               for seg, reading in self.parts(text))

    def parts(self, text: str) -> list[tuple[str, str | None]]:
        """`text` as (segment, reading or None) pairs, a reading only over kanji: for formats that build ruby
        themselves (Word), and for the HTML."""
        if self.pattern is None:
            return [(text, None)] if text else []
        out: list[tuple[str, str | None]] = []
        pos = 0
        for m in self.pattern.finditer(text):
            if m.start() > pos:
                out.append((text[pos:m.start()], None))
            out += self.segments[m.group(0)]
            pos = m.end()
        if pos < len(text):
            out.append((text[pos:], None))
        return out


def _segments(name: str, reading: str, kind: str | None) -> list[tuple[str, str | None]] | None:
    """`name` as segments with readings over its kanji runs only; None when no reading can be placed with
    certainty (or the name is an everyday word: `japanese.furigana.ruby`, the rule every output follows)."""
    parts = ruby(name, reading, kind)
    return None if parts is None else list(parts)


def tail_split(text: str) -> tuple[str, str]:
    """`text` as (head, tail): the tail is what a 出典 mark is joined to with no break (review 4: 出典⑤ wrapped
    onto a line of its own): the last word of English; of Japanese the closing marks and the one kana before them
    (a katakana word whole, so it never breaks at the span: モスク/ワ), never a kanji, so a reading laid over a name
    stays whole. Four kana held together broke B5 lines early, 「…何度目の訪ロ / だったか。出典①②」 with a gap at the
    line's end (review 10, s4(b))."""
    if text.isascii():
        at = text.rstrip().rfind(" ")
        return (text[:at + 1], text[at + 1:]) if at >= 0 else ("", text)
    m = _JA_TAIL.search(text)
    at = m.start() if m and m.group(0) else len(text)
    return text[:at], text[at:]


_JA_TAIL = re.compile(r"(?:[\u30a1-\u30fa\u30fc]+|[\u3041-\u309f])?[。、」』）)！？?!]{0,3}$")


def alias_segments(bank: Bank, named: dict[str, list[tuple[str, str | None]]]) -> dict[str, list[tuple[str, str | None]]]:
    """An entity's other spellings with the readings its name's kanji runs carry: one rule for a word on a
    sheet, every occurrence (review 4, s1: しんこう over 侵攻 in 「ロシアのウクライナ侵攻」 but not in
    「ウクライナ侵攻後の」). An alias gets readings only when each of its kanji runs has one in the name."""
    out: dict[str, list[tuple[str, str | None]]] = {}
    for e in bank.entities:
        runs = {seg: r for seg, r in named.get(e.ja, ()) if r}
        if not runs:
            continue
        for alias in e.aliases:
            parts = [(p, runs.get(p)) for p in _KANJI_RUN.split(alias) if p]
            if any(r for _, r in parts) and all(r for p, r in parts if _KANJI.search(p)):
                out.setdefault(alias, parts)
    return out


_KANJI_RUN = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]+)")


def readings(bank: Bank) -> dict[str, tuple[str, str]]:
    """The hard names of the bank, their readings and kinds: every entity name written with kanji."""
    return {e.ja: (e.reading, e.type.value) for e in bank.entities if e.reading and _KANJI.search(e.ja)}


@dataclass(frozen=True)
class SheetSource:
    """A source as the sheet lists it: its mark (①, ②…; the sheet's own, never the bank's article number),
    label and link."""

    mark: str
    label: Text
    url: str | None
    name_en: str = ""  # outlet and date in English: what a bilingual sheet adds to the Japanese label
    via: Text | None = None  # 「紹介元: BBC」: the outlet whose report `url` is, when it is not the page's own
    reports: tuple[NamedLink, ...] = ()  # reports the page relays that the sheet's questions name (東京新聞の報道)

    @property
    def relay(self) -> Text | None:
        """「紹介元: BBC」 / "relayed from: BBC", printed before the address where it is another outlet's report."""
        if self.url is None or self.via is None:
            return None
        return Text(f"{RELAYED_FROM.ja}: {self.via.ja}", f"{RELAYED_FROM.en}: {self.via.en}")


def sheet_sources(bank: Bank, articles: Sequence[str], items: Iterable[Item] = (),
                  bare: frozenset[str] = frozenset(), stand_ins: Mapping[str, Text] | None = None
                  ) -> dict[str, SheetSource]:
    """The sources a sheet cites, by article id, marked ①, ②… in order. A source that `items` (the sheet's) cite
    for an event after its page's stated date has that date marked as the page's own (review 2: ① dated
    2023年3月21日, cited for events of 2024 and 2025), as the chronology page marks it. The `bare` ones are named
    by outlet and date only: their headline gives a question of the sheet away (review 3, s3: 「…ラブロフ外…」),
    and what they report (`stand_ins`) in its place."""
    items = list(items)
    late = later_dates(bank, items)
    return {a: SheetSource(_MARKS[n] if n < len(_MARKS) else f"({n + 1})",
                           _late(_bare_name(bank, a, (stand_ins or {}).get(a)) if a in bare else source_label(bank, a),
                                 late.get(a, ())),
                           source_url(bank, a), source_name(bank, a).en + _late_note(late.get(a, ())).en,
                           relayed_from(bank, a), named_reports(bank, a, _asked(items, a)))
            for n, a in enumerate(articles)}


def _asked(items: Iterable[Item], article: str) -> list[str]:
    """What the questions of the items citing `article` may print: prompt, statements and cloze, both languages."""
    return [t for i in items if article in i.articles
            for x in (i.prompt, i.statement, i.false_statement, i.cloze) if x is not None for t in (x.ja, x.en)]


def _bare_name(bank: Bank, article: str, stand_in: Text | None) -> Text:
    name = source_name(bank, article)
    return name if stand_in is None else Text(f"{name.ja}、{stand_in.ja}", f"{name.en}, {stand_in.en}")


def shown_sources(bank: Bank, ws: Worksheet, variant: Variant, part: Part) -> dict[str, SheetSource]:
    """The source list of one document: the student's sheet leaves out the headlines that give answers away, the
    key prints every one, and after the sheet's (numbered on) the sources its notes name that no question cites
    (`key.named_articles`): every source the key names is on its list."""
    if part is not Part.KEY:
        return sheet_sources(bank, ws.articles, sheet_items(variant), ws.bare_sources, dict(ws.stand_ins))
    named = [a for i in sheet_items(variant) for a in named_articles(bank, i) if a not in ws.articles]
    return sheet_sources(bank, [*ws.articles, *dict.fromkeys(named)], sheet_items(variant))


def sheet_items(variant: Variant) -> list[Item]:
    return [i for _, q in variant.questions() for i in question_items(q)]


def _late(label: Text, later: Sequence[str]) -> Text:
    note = _late_note(later)
    return Text(label.ja + note.ja, label.en + note.en)


_LATE_SHOWN = 2  # the later dates a source line names; more are 「など」


def _late_note(later: Sequence[str]) -> Text:
    """What a source line adds when the article reports dates after its page date, said plainly with those dates
    (newuser5 #9: 「これより後の出来事も載っている」 was unclear), as the dates of those events, not as words the page
    prints (review 12, s1: 「…2024年5月16日のことにも触れている」 of a page that writes only 「17日にはハルビン」), and
    「触れている」, not 「伝えている」: a planned event is mentioned, not reported (newuser8 #11, a 予定 of 9月3日):
    「 ※この記事の日付はページの表示による。記事はそれより後の日付の出来事(2026年4月18日)にも触れている。」; "" for none."""
    if not later:
        return Text("", "")
    shown = [date_label(w) for w in later[:_LATE_SHOWN]]
    more = len(later) > _LATE_SHOWN
    ja = "、".join(d.ja for d in shown) + ("など" if more else "")
    en = ", ".join(d.en for d in shown) + (" and more" if more else "")
    return Text(f" ※この記事の日付はページの表示による。記事はそれより後の日付の出来事({ja})にも触れている。",
                f" (the page's own date; the article also mentions events dated later: {en})")


def later_dates(bank: Bank, items: Iterable[Item]) -> dict[str, tuple[str, ...]]:
    """The dates after each article's stated page date of the events `items` cite it as reporting, in order
    (`citations.reporting`): a page quoted only for background to a later event does not report it (review 7,
    s4: the 2023 page quoted for the position paper's title beside a 2025 statement)."""
    out: dict[str, set[str]] = {}
    for i in items:
        for when in event_dates(bank, i):
            for a in reporting(i):
                s = bank.source_by_id.get(a)
                if s is not None and s.published and when[:len(s.published)] > s.published[:len(when)]:
                    out.setdefault(a, set()).add(when)
    return {a: tuple(sorted(w)) for a, w in out.items()}


def cited_after(bank: Bank, items: Iterable[Item]) -> set[str]:
    """The articles `items` cite as reporting an event dated after the article's stated page date (`later_dates`)."""
    return set(later_dates(bank, items))


def supporting(bank: Bank, item: Item) -> tuple[str, ...]:
    """The articles a question's 出典 marks name on the student's sheet: those whose quotes can support the question
    itself, not a page dated before the event it asks about, which the key quotes only for background (review 8, s2
    問11: 出典②⑤ beside a 2025 statement, ② a 2023 page quoted for the position paper's title that the key's
    explanation names; the key still quotes it). Every cited article when none is left."""
    dates = event_dates(bank, item)
    if not dates:
        return item.articles

    def before(a: str) -> bool:
        s = bank.source_by_id.get(a)
        published = s.published if s is not None else None
        if not published:
            return False
        return all(when[:len(published)] > published[:len(when)] for when in dates)

    kept = tuple(a for a in item.articles if not before(a))
    return kept or item.articles


def event_dates(bank: Bank, item: Item) -> tuple[str, ...]:
    """When `item`'s event happened, as far as the bank says (YYYY, YYYY-MM or YYYY-MM-DD): its `when`, else its
    story's, else the dates its context and explanation write (review 3: the Harbin summit item has no date, but
    its note says 2024年5月16日, and it cites a page dated 2023年3月21日)."""
    if item.when:
        return (item.when,)
    story = bank.story_by_id.get(item.story) if item.story else None
    if story is not None and story.when:
        return (story.when,)
    notes = " ".join(t.ja for t in (item.context, item.explanation) if t is not None)
    return tuple("-".join(f"{v:02d}" if k else str(v) for k, v in enumerate(d.parts().values()))
                 for d in dates_in(notes))


def blank_widths(variant: Variant, lang: Lang) -> dict[int, float]:
    """The blank width of every cloze section (by its first question's number): one width per section."""
    out = {}
    for s in variant.sections:
        answers = [b for q in s.questions if isinstance(q, ClozeQ)
                   for lg in (("en",) if lang is Lang.EN else ("ja",)) for b in q.cz.blanks(lg)]
        out[s.first] = blank_width(answers)
    return out


def box_widths(bank: Bank, q: ClozeQ, lang: Lang, section: Sequence[object] = ()) -> list[float]:
    """The width (em) of each blank's box on the answer sheet: room for the longest accepted answer of any blank
    of the section's cloze questions (`section`; `q`'s own without it) in handwriting (世界反ファシズム戦争 gets
    a box for ten characters and more), and no more than a row. One width for the whole section: boxes of
    different widths told students which answer was long (review 2, s3)."""
    lg = "en" if lang is Lang.EN else "ja"
    questions = [x for x in section if isinstance(x, ClozeQ)] or [q]
    need = max(display_width(f) for c in questions for k, blank in enumerate(c.cz.blanks(lg))
               for f in (blank, *blank_alternatives(bank, c.cz, k, lang)))
    width = round(min(_MAX_BOX_EM, max(_MIN_BOX_EM, need * 1.4 + 2)), 1)
    return [width] * len(q.cz.blanks(lg))


_MIN_BOX_EM, _MAX_BOX_EM = 7.0, 34.0


def title_pt(title: str, paper: Paper, part: Part) -> float:
    """The title's size (pt): 17, or smaller so that a long title stays on one line beside the version badge
    (and the 解答/問題用紙 word), down to 11. Latin letters of the font run wider than half an em."""
    room_mm = paper.size_mm[0] - 32 - 27 - (24 if part is not Part.SHEET else 0)
    need = sum(1.0 if display_width(c) == 1.0 else 0.64 for c in title) * 1.04 + 1.0  # letter-spacing, slack
    return round(max(11.0, min(17.0, room_mm * 2.835 / need)), 1)


def grid_halves(entries: list[KeyEntry]) -> list[list[KeyEntry]]:
    """The answer grid in one column, or two side by side when it is long (so it stays on one page)."""
    if len(entries) <= GRID_ONE_COLUMN:
        return [entries]
    half = (len(entries) + 1) // 2
    return [entries[:half], entries[half:]]


GRID_ONE_COLUMN = 20


def render_timeline(bank: Bank, chrono: Chronology, lang: Lang, paper: Paper = Paper.A4, furigana: bool = False) -> str:
    """The chronology page as one HTML document on `paper`, with FONT_PLACEHOLDER for the font CSS. A source
    cited for an event after its page's stated date has that date marked as the page's own, not the events'."""
    template = _environment().get_template("timeline.html.j2")
    late = late_events(chrono, bank)
    sources = [replace(s, label=_late(s.label, late[a])) if a in late else s
               for a, s in sheet_sources(bank, chrono.articles).items()]
    return str(template.render(chrono=chrono, lang=lang.value, latin=latin, furi=Furigana(bank, furigana), plain=escape,
                               furigana=furigana,
                               title=chrono.title.en if lang is Lang.EN else chrono.title.ja,
                               font_css=Markup(FONT_PLACEHOLDER), sources=sources, paper=paper))


def render(bank: Bank, ws: Worksheet, variant: Variant, part: Part) -> str:
    """One HTML document (the sheet, the key or the answer sheet of one variant), with FONT_PLACEHOLDER for
    the font CSS."""
    env = _environment()
    template = env.get_template(f"{part.value}.html.j2")
    lang = ws.lang.value
    sources = shown_sources(bank, ws, variant, part)
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
        plain=escape,
        latin=latin,
        blank_widths=blank_widths(variant, ws.lang),
        answer_sheet=ws.options.answer_sheet,
        paper=ws.options.paper,
        cloze_parts=cloze_parts,
        sources=list(sources.values()),
        mark=lambda article: sources[article].mark if article in sources else "",
        marks=lambda articles: "".join(sources[a].mark for a in sorted({a for a in articles if a in sources},
                                                                        key=list(sources).index)),
        url=str,
        box_widths=lambda q, section: box_widths(bank, q, ws.lang, section.questions),
        title_pt=title_pt(ws.title.en if ws.lang is Lang.EN else ws.title.ja, ws.options.paper,
                          Part.KEY if ws.options.answer_sheet else part),  # then the sheet has a 問題用紙 word too
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
        tail=tail_split,
        cited=lambda item: supporting(bank, item) if isinstance(item, Item) else item.articles,
    ))
