"""The answer key: per question the answer as written on the sheet, its parts with sources, and notes (pure).

Also the small text and size helpers the key and the sheet share for layout.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from quizgen.bank.model import Bank, Item, Lang, Text
from quizgen.citations import dated, outside_note
from quizgen.generators.worksheet.exercises import (
    ChoiceQ,
    ClozeQ,
    Exercise,
    MatchingQ,
    Question,
    ShortQ,
    TimelineQ,
    TrueFalseQ,
)
from quizgen.generators.worksheet.sheet import Variant, Worksheet


@dataclass(frozen=True)
class Quote:
    article: str
    quote: str


@dataclass(frozen=True)
class KeyLine:
    """One answer line of the key: a label ('(1)', 'ア', …) or none, the answer, and its sources."""

    answer: Text
    quotes: tuple[Quote, ...]
    label: str = ""
    detail: Text | None = None  # e.g. the date of a timeline event


@dataclass(frozen=True)
class KeyEntry:
    number: int
    type: Exercise
    answer: Text  # the answer as written on the sheet (a letter, ○/×, a word…)
    lines: tuple[KeyLine, ...]  # per-part answers with sources
    explanation: Text | None = None
    context: Text | None = None  # background from outside the articles
    disagreement: Text | None = None  # the articles differ on this
    dated: Text | None = None  # the item's date and how it was found (記事の日付から…)


def _quotes(item: Item) -> tuple[Quote, ...]:
    return tuple(Quote(e.article, e.quote) for e in item.evidence)


def key_entry(bank: Bank, number: int, q: Question, letters: str) -> KeyEntry:
    """The key's entry for question `number` as it appears in one variant."""
    def extras(item: Item) -> dict[str, Text | None]:
        dis = bank.disagreement_for(item)
        return {"explanation": item.explanation, "context": item.context, "disagreement": dis.topic if dis else None,
                "dated": dated(bank, item)}

    match q:
        case ShortQ(item=i):
            return KeyEntry(number, Exercise.SHORT, i.answer, (KeyLine(i.answer, _quotes(i)),), **extras(i))
        case ChoiceQ(mc=mc):
            letter = letters[mc.answer_index]
            ans = Text(f"{letter} {mc.correct.ja}", f"{letter} {mc.correct.en}")
            return KeyEntry(number, Exercise.CHOICE, ans, (KeyLine(ans, _quotes(mc.item)),), **extras(mc.item))
        case TrueFalseQ(tf=tf):
            mark = Text("○(正しい)", "○ (true)") if tf.is_true else Text("×(誤り)", "× (false)")
            detail = None
            if not tf.is_true:
                right = tf.item.statement or Text(f"{tf.item.prompt.ja} → {tf.item.answer.ja}",
                                                  f"{tf.item.prompt.en} → {tf.item.answer.en}")
                detail = Text(f"正しくは:{right.ja}", f"Correct: {right.en}")
            lines: tuple[KeyLine, ...] = (KeyLine(mark, _quotes(tf.item), detail=detail),)
            return KeyEntry(number, Exercise.TRUEFALSE, mark, lines, **extras(tf.item))
        case ClozeQ(cz=cz):
            ja, en = cz.blanks("ja"), cz.blanks("en")
            ans = Text("、".join(ja), ", ".join(en))
            return KeyEntry(number, Exercise.CLOZE, ans, (KeyLine(ans, _quotes(cz.item)),), **extras(cz.item))
        case MatchingQ(lefts=lefts, rights=rights):
            right_letter = dict(zip(rights, letters, strict=False))  # the pairs of one exercise are distinct
            lines = tuple(KeyLine(Text(f"{right_letter[p]} {p.right.ja}", f"{right_letter[p]} {p.right.en}"),
                                  (Quote(p.article, p.quote),), label=f"({k + 1}) {p.left.ja}", detail=None)
                          for k, p in enumerate(lefts))
            short = " ".join(f"({k + 1}){right_letter[p]}" for k, p in enumerate(lefts))
            return KeyEntry(number, Exercise.MATCHING, Text(short, short), lines)
        case TimelineQ(shown=shown):
            order = q.chronological
            event_letter = dict(zip(shown, letters, strict=False))  # the events of one exercise are distinct
            seq = " → ".join(event_letter[e] for e in order)
            lines = tuple(KeyLine(e.event, _quotes(e.item), label=event_letter[e], detail=dated(bank, e.item))
                          for e in order)
            return KeyEntry(number, Exercise.TIMELINE, Text(seq, seq), lines)
    raise AssertionError(q)  # pragma: no cover


def key_entries(bank: Bank, ws: Worksheet, variant: Variant) -> list[KeyEntry]:
    return [key_entry(bank, n, q, ws.letters()) for n, q in variant.questions()]


# --------------------------------------------------------------------------- sizes and helpers for layout


def context_note(context: Text) -> Text:
    """Background from outside the articles, always marked as such (without saying so twice)."""
    note = outside_note(context)
    return Text(f"※{note.ja}", note.en)


def disagreement_note(topic: Text) -> Text:
    return Text(f"※記事によって記述が異なる点:{topic.ja}", f"The articles differ on this: {topic.en}")


def display_width(text: str) -> float:
    """Width in em: full-width characters 1, others about half."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)


def answer_width(answer: Text, lang: Lang, lo: float = 6, hi: float = 32) -> float:
    """How long (em) to draw the answer line: the answer's width with room to spare, within bounds."""
    widths = {Lang.JA: [answer.ja], Lang.EN: [answer.en], Lang.BOTH: [answer.ja, answer.en]}[lang]
    need = max(display_width(w) for w in widths)
    return round(min(hi, max(lo, need * 1.4 + 3)), 1)
