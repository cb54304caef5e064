"""The kinds of worksheet exercise and their questions (pure).

An `Exercise` is one section of the sheet (short answer, multiple choice, …);
a question is one of the frozen dataclasses below, built from the shared forms
in `quizgen.forms`. Choosing questions lives in `choose.py`, the answer key in
`key.py`, the layout in `templates/worksheet/`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from quizgen.bank.model import Item, Text
from quizgen.errors import UsageError
from quizgen.forms import Cloze, MultipleChoice, Pair, TimelineEvent, TrueFalse


class Exercise(StrEnum):
    """A kind of exercise: one section of the sheet (the `--types` of `quizgen worksheet`)."""

    SHORT = "short"
    CHOICE = "choice"
    TRUEFALSE = "truefalse"
    CLOZE = "cloze"
    MATCHING = "matching"
    TIMELINE = "timeline"

    @property
    def label(self) -> Text:
        return _TYPE_LABELS[self]

    @property
    def instructions(self) -> Text:
        return _INSTRUCTIONS[self]

    def instructions_for(self, answer_sheet: bool) -> Text:
        """The instructions as printed: with a separate answer sheet, students write letters and marks there."""
        return _ON_ANSWER_SHEET.get(self, _INSTRUCTIONS[self]) if answer_sheet else _INSTRUCTIONS[self]


_TYPE_LABELS = {
    Exercise.SHORT: Text("記述問題", "Short answer"),
    Exercise.CHOICE: Text("選択問題", "Multiple choice"),
    Exercise.TRUEFALSE: Text("正誤問題", "True or false"),
    Exercise.CLOZE: Text("穴埋め問題", "Fill in the blanks"),
    Exercise.MATCHING: Text("組み合わせ問題", "Matching"),
    Exercise.TIMELINE: Text("並べ替え問題(年表)", "Timeline"),
}

_INSTRUCTIONS = {
    Exercise.SHORT: Text("記事の内容にもとづいて、次の問いに答えなさい。",
                         "Answer each question according to the articles."),
    Exercise.CHOICE: Text("正しいものを一つ選び、記号を○で囲みなさい。",
                          "Choose the one correct answer and circle its letter."),
    Exercise.TRUEFALSE: Text("記事の内容に合っていれば○、合っていなければ×を□に書きなさい。",
                             "Write ○ in the box if the statement agrees with the articles, × if it does not."),
    Exercise.CLOZE: Text("空欄にあてはまる語句を書きなさい。",
                         "Write the missing words in the blanks."),
    Exercise.MATCHING: Text("左の人物の肩書・役割として、記事に書かれているものを右から選び、記号を□に書きなさい。"
                            "右には使わないものもあります。",
                            "Match each person with their title or role in the article; write its letter in the box. "
                            "Some letters are not used."),
    Exercise.TIMELINE: Text("次の出来事を古い順に並べ、記号で答えなさい。",
                            "Put the events in order, oldest first, by writing their letters."),
}

_ON_ANSWER_SHEET = {
    Exercise.CHOICE: Text("正しいものを一つ選び、記号で答えなさい。", "Choose the one correct answer and write its letter."),
    Exercise.TRUEFALSE: Text("記事の内容に合っていれば○、合っていなければ×で答えなさい。",
                             "Answer ○ if the statement agrees with the articles, × if it does not."),
    Exercise.CLOZE: Text("空欄にあてはまる語句を答えなさい。", "Write the missing words."),
    Exercise.MATCHING: Text("左の人物の肩書・役割として、記事に書かれているものを右から選び、記号で答えなさい。"
                            "右には使わないものもあります。",
                            "Match each person with their title or role in the article; write its letter. "
                            "Some letters are not used."),
}

SIMPLE_EXERCISES = (Exercise.SHORT, Exercise.CHOICE, Exercise.TRUEFALSE, Exercise.CLOZE)
COMPOSITE_EXERCISES = (Exercise.MATCHING, Exercise.TIMELINE)
EXERCISE_SIZE = 5  # pairs per matching exercise, events per timeline exercise
MIN_EXERCISE = 3   # fewer than this is not worth an exercise


def parse_types(values: Iterable[str]) -> tuple[Exercise, ...]:
    """'short,choice' and repeated values into question types (in the given order, no repeats)."""
    out: list[Exercise] = []
    for value in values:
        for name in value.split(","):
            name = name.strip().lower()
            if not name:
                continue
            try:
                qt = Exercise(name)
            except ValueError:
                choices = ", ".join(t.value for t in Exercise)
                raise UsageError(f"unknown question type {name!r} in {{types}}; choose from {choices}", names=["types"]) from None
            if qt not in out:
                out.append(qt)
    return tuple(out)


# --------------------------------------------------------------------------- questions


@dataclass(frozen=True)
class ShortQ:
    item: Item
    note: Text | None = None  # printed beside it: the item's context, where it cannot decide the answer (`leaks.sheet_note`)


@dataclass(frozen=True)
class ChoiceQ:
    mc: MultipleChoice
    note: Text | None = None  # printed beside it: the item's context, where it cannot decide the answer (`leaks.sheet_note`)


@dataclass(frozen=True)
class TrueFalseQ:
    tf: TrueFalse
    note: Text | None = None  # printed beside it: the item's context, where it cannot decide the answer (`leaks.sheet_note`)


@dataclass(frozen=True)
class ClozeQ:
    cz: Cloze
    note: Text | None = None  # printed beside it: the item's context, where it cannot decide the answer (`leaks.sheet_note`)


@dataclass(frozen=True)
class MatchingQ:
    lefts: tuple[Pair, ...]   # the order of the numbered left column
    rights: tuple[Pair, ...]  # the order of the lettered right column: the lefts' titles and decoys (`choose.decoys`)


@dataclass(frozen=True)
class TimelineQ:
    shown: tuple[TimelineEvent, ...]  # the order printed on the sheet (lettered)

    @property
    def chronological(self) -> tuple[TimelineEvent, ...]:
        return tuple(sorted(self.shown, key=lambda e: e.when))


Question = ShortQ | ChoiceQ | TrueFalseQ | ClozeQ | MatchingQ | TimelineQ


def scored_parts(q: Question) -> int:
    """How many parts of `q` score on their own: each pair of a matching exercise (three pairs worth 1 point in
    all made no sense on an exam: review 3, s3), one for any other question (a timeline scores only when the
    whole order is right)."""
    return len(q.lefts) if isinstance(q, MatchingQ) else 1


def question_key(q: Question) -> str:
    """What a question is about, independent of order: the same in every variant."""
    match q:
        case ShortQ(item=i):
            return f"short:{i.id}"
        case ChoiceQ(mc=mc):
            return f"choice:{mc.item.id}:" + "|".join(sorted(o.ja for o in mc.options))
        case TrueFalseQ(tf=tf):
            return f"truefalse:{tf.item.id}:{tf.is_true}"
        case ClozeQ(cz=cz):
            return f"cloze:{cz.item.id}"
        case MatchingQ(lefts=lefts, rights=rights):
            return "matching:" + "|".join(sorted(p.key for p in lefts)) + "/" + "|".join(sorted(p.key for p in rights))
        case TimelineQ(shown=shown):
            return "timeline:" + "|".join(sorted(e.item.id for e in shown))
    raise AssertionError(q)  # pragma: no cover


def question_items(q: Question) -> tuple[Item, ...]:
    match q:
        case ShortQ(item=i):
            return (i,)
        case ChoiceQ(mc=mc):
            return (mc.item,)
        case TrueFalseQ(tf=tf):
            return (tf.item,)
        case ClozeQ(cz=cz):
            return (cz.item,)
        case TimelineQ(shown=shown):
            return tuple(i for e in shown for i in e.all_items)
        case MatchingQ():
            return ()
    raise AssertionError(q)  # pragma: no cover


def sheet_texts(q: Question) -> list[tuple[str, Text]]:
    """(which, text) of everything a student reads for `q`: prompt, choices, note, statement, the cloze text
    around its blanks, matching columns, timeline events."""
    out: list[tuple[str, Text]] = []
    match q:
        case ShortQ(item=i):
            out.append(("prompt", i.prompt))
        case ChoiceQ(mc=mc):
            out += [("prompt", mc.item.prompt), *(("choice", o) for o in mc.options)]
        case TrueFalseQ(tf=tf):
            out.append(("statement", tf.statement))
        case ClozeQ(cz=cz):
            out.append(("cloze", Text("".join(s for s, blank in cz.parts("ja") if not blank),
                                      " ".join(s for s, blank in cz.parts("en") if not blank))))
        case MatchingQ(lefts=lefts, rights=rights):
            out += [("matching", p.left) for p in lefts] + [("matching", p.right) for p in rights]
        case TimelineQ(shown=shown):
            out += [("event", e.event) for e in shown]
    note = getattr(q, "note", None)
    if note is not None:
        out.append(("note", note))
    return out


def visible_texts(q: Question, lang: str = "ja") -> list[str]:
    """The texts a student sees for `q` in one language (prompt, options, statement, cloze text around the
    blanks, note, …)."""
    if isinstance(q, ClozeQ):
        return [s for s, blank in q.cz.parts(lang) if not blank] + ([getattr(q.note, lang)] if q.note else [])
    return [getattr(t, lang) for _, t in sheet_texts(q)]


def question_label(q: Question) -> str:
    """How messages name a question: its item's id, or the parts of a matching or timeline exercise."""
    match q:
        case MatchingQ(lefts=lefts):
            return "matching (" + ", ".join(p.key.split("@")[0] for p in lefts) + ")"
        case TimelineQ(shown=shown):
            return "timeline (" + ", ".join(e.item.id for e in sorted(shown, key=lambda e: e.when)) + ")"
    return question_items(q)[0].id


def question_articles(q: Question) -> tuple[str, ...]:
    if isinstance(q, MatchingQ):
        return tuple(dict.fromkeys(p.article for p in q.lefts))
    return tuple(dict.fromkeys(a for i in question_items(q) for a in i.articles))
