"""The chronology: every dated event of a selection once, oldest first, with its date, how the date was found
and its sources (pure). As plain text for `quizgen timeline`, and as an A4 page (HTML, PDF) in the worksheet
set through the worksheets' Jinja2 templates and font.

The events are `forms.timeline`'s: items with the same `when` and event text are one event, and a date known
only to the year or month comes before the exact dates inside it (2024 before 2024-05 before 2024-05-16).
The worksheet's timeline exercise draws its events from the same chronology.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from quizgen import forms
from quizgen.bank.content import answer_forms, printed_in, shown
from quizgen.bank.model import Bank, DateHow, Item, Lang, Text
from quizgen.citations import date_basis_label, date_label, reporting, source_name
from quizgen.errors import QuizgenError, UsageError
from quizgen.generators.worksheet.exercises import MIN_EXERCISE, MatchingQ, TimelineQ, question_items
from quizgen.generators.worksheet.sheet import Worksheet
from quizgen.text import shorten

__all__ = ["TITLE", "Chronology", "Entry", "chronology", "late_events", "timeline_text", "without_answers"]

TITLE = Text("年表", "Timeline")


@dataclass(frozen=True)
class Entry:
    """One event of the chronology."""

    when: str  # YYYY, YYYY-MM or YYYY-MM-DD
    date: Text  # 2023年3月10日 / 10 March 2023
    event: Text
    bases: tuple[Text, ...]  # how the date was found (記事に明記, 記事の日付(…)から…), each once
    sources: tuple[Text, ...]  # the sources that report it or date it (outlet and date)
    items: tuple[str, ...]  # ids of the items dated to this event
    articles: tuple[str, ...]  # the ids of the sources it names: those that report it, then a page it counts from
    reporters: tuple[str, ...] = ()  # the ids of the sources that report it (`sources`)


@dataclass(frozen=True)
class Chronology:
    title: Text
    entries: tuple[Entry, ...]
    left_out: int = 0  # events that answer a question of the sheet it goes with (`without_answers`)

    @property
    def articles(self) -> tuple[str, ...]:
        """Every source the chronology cites, in order of first appearance."""
        return tuple(dict.fromkeys(a for e in self.entries for a in e.articles))

    def summary(self) -> Text:
        n = len(self.entries)
        text = Text(f"出来事{n}件。日付はすべて記事によるもので、その根拠を併記しています。",
                    f"{n} event{'s' if n != 1 else ''}. Every date comes from the articles; how it was found is "
                    "shown with it.")
        if not self.left_out:
            return text
        k = self.left_out
        return Text(text.ja + f"同じプリントの問題の答えになる出来事{k}件は載せていません。",
                    text.en + f" {k} event{'s' if k != 1 else ''} that answer{'s' if k == 1 else ''} a question of "
                    "the worksheet it goes with are left out.")


def chronology(bank: Bank, items: Sequence[Item], title: Text = TITLE) -> Chronology:
    """The chronology of the dated items among `items`. A QuizgenError when none of them is dated."""
    events = forms.timeline(items)
    if not events:
        raise QuizgenError("no dated events in the selection: only items with `when` go on the timeline")
    return Chronology(title, tuple(_entry(bank, e) for e in events))


def without_answers(chrono: Chronology, bank: Bank, ws: Worksheet) -> Chronology:
    """The chronology handed out with `ws`, without the events that answer one of its questions (in any version):
    an event whose item a question asks, whose date or text prints a question's answer, or which a student would
    take for the event a question asks (the same story, a vaguer date that holds the asked one: 2025 for 2025-02).
    Review 2, s5: the page beside the sheet listed 「2023年2月24日 中国が…立場文書を発表」, the answer to 問2, and the
    order of the timeline exercise."""
    questions = [q for v in ws.variants for _, q in v.questions()]
    asked = {i.id for q in questions for i in question_items(q)}
    answers = [(form, shortest) for q in questions if not isinstance(q, (MatchingQ, TimelineQ))
               for i in question_items(q) for form, _, shortest in answer_forms(i, bank)]
    langs = ("ja", "en") if ws.lang is Lang.BOTH else (ws.lang.value,)

    stories = {i.id: i.story for i in bank.items}
    asked_dates = {(i.story, i.when) for q in questions if not isinstance(q, (MatchingQ, TimelineQ))
                   for i in question_items(q) if i.when is not None}

    def answers_one(e: Entry) -> bool:
        if asked & set(e.items):
            return True
        if any(stories.get(i) == story and when != e.when and when.startswith(e.when)
               for i in e.items for story, when in asked_dates):
            return True  # a vaguer event of the asked one's story: mistaken for it (review 11, s5: 「2025年 …ビデオ形式で
            # 会談」 beside 問2 「2025年2月…どのような形式で会談したか」 → 電話会談)
        text = shown(Text(f"{e.date.ja} {e.event.ja}", f"{e.date.en} {e.event.en}"))
        return any(printed_in(form, text, shortest, langs) is not None for form, shortest in answers)

    kept = tuple(e for e in chrono.entries if not answers_one(e))
    n, k = len(chrono.entries), len(kept)
    if not kept:  # review 3, s5: an empty page (「出来事0件」) was written with only a note
        raise UsageError(f"{{timeline_page}}: the chronology page would be empty: {'the' if n == 1 else 'all'} "
                         f"{n} dated event{'s' if n != 1 else ''} of the selection answer{'s' if n == 1 else ''} a "
                         "question of the worksheet; leave out {timeline_page}, or widen {items} to stories with more "
                         "dated events", names=["timeline_page", "items"])
    if k < MIN_EXERCISE:  # review 7, s5: a 年表 of one event (five answered questions of the sheet)
        why = (f"the other {n - k} of the selection's {n} dated events answer a question of the worksheet"
               if k < n else f"the selection has only {n} dated event{'s' if n != 1 else ''}")
        raise UsageError(f"{{timeline_page}}: the chronology page would hold only {k} event{'s' if k != 1 else ''} "
                         f"({why}); a chronology takes at least {MIN_EXERCISE}, as a timeline exercise does; leave out "
                         "{timeline_page}, ask fewer questions with {count}, or widen {items} to stories with more "
                         "dated events", names=["timeline_page", "count", "items"])
    return replace(chrono, entries=kept, left_out=n - k)


def _entry(bank: Bank, event: forms.TimelineEvent) -> Entry:
    bases = [b for i in event.all_items if (b := _basis(bank, i)) is not None]
    reporters = tuple(a for a in dict.fromkeys(a for i in event.all_items for a in reporting(i))
                      if a in bank.source_by_id)
    counting = tuple(a for i in event.all_items if i.date_basis is not None and (a := i.date_basis.article)
                     not in reporters and a in bank.source_by_id)
    return Entry(event.when, date_label(event.when), event.event, tuple(dict.fromkeys(bases)),
                 tuple(_source(bank, a, event.when) for a in reporters), tuple(i.id for i in event.all_items),
                 tuple(dict.fromkeys((*reporters, *counting))), reporters)


def _basis(bank: Bank, item: Item) -> Text | None:
    """How the item's date was found; a year counted from a page that does not report the event names that page
    (review 7, s5: the 2023 page that gives the year of the invasion's anniversary was listed as a source of the
    2025 phone call, and said to report later events)."""
    label = date_basis_label(bank, item)
    if label is None or item.date_basis is None:
        return label
    a = item.date_basis.article
    if item.date_basis.how is not DateHow.COUNTED or a in reporting(item) or a not in bank.source_by_id:
        return label
    name = source_name(bank, a)
    return Text(f"{label.ja}(年は{name.ja}による)", f"{label.en}, the year from {name.en}")


def _source(bank: Bank, article: str, when: str) -> Text:
    """A source as the chronology names it: outlet and page date (ラジオ通信(2023年3月29日)); a page date before
    the event is no date of the event's report, so the page is named by its headline instead."""
    s = bank.source_by_id[article]
    if s.published is None or s.published[:len(when)] >= when[:len(s.published)]:
        return source_name(bank, article)
    return Text(f"{s.outlet.ja}「{shorten(s.headline.ja, 24)}」", f"{s.outlet.en}, “{shorten(s.headline.en, 48)}”")


def late_events(chrono: Chronology, bank: Bank) -> dict[str, tuple[str, ...]]:
    """The sources the chronology cites for an event after their page's stated date (their date is not the
    date of everything they report), each with those later dates in order."""
    out: dict[str, set[str]] = {}
    for e in chrono.entries:
        for a in e.reporters:
            published = bank.source_by_id[a].published
            if published is not None and e.when[:len(published)] > published[:len(e.when)]:
                out.setdefault(a, set()).add(e.when)
    return {a: tuple(sorted(w)) for a, w in out.items()}


def timeline_text(chrono: Chronology, lang: Lang) -> str:
    """The chronology as plain text: a heading, then per event its date and event, and beneath them how the
    date was found and the sources (Japanese, English, or both, the English beneath)."""
    langs = ["ja", "en"] if lang is Lang.BOTH else [lang.value]
    lines = [" / ".join(getattr(chrono.title, lg) for lg in langs)]
    lines += [getattr(chrono.summary(), lg) for lg in langs]
    for e in chrono.entries:
        lines.append("")
        for lg in langs:
            lines.append(f"{getattr(e.date, lg)}  {getattr(e.event, lg)}")
        for lg in langs:
            how = " / ".join(getattr(b, lg) for b in e.bases)
            where = "; ".join(getattr(s, lg) for s in e.sources)
            label = ("日付の根拠", "出典") if lg == "ja" else ("date", "source")
            lines.append(f"    {label[0]}: {how} · {label[1]}: {where}" if how else f"    {label[1]}: {where}")
    return "\n".join(lines) + "\n"
