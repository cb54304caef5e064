"""The leak checker: what on one sheet gives a question's answer away (pure).

Run on every version of every sheet before it is written, and by the selection while it chooses:

- `answer`: a question's answer, or a spelling the bank accepts for it, is printed in another question's
  text, choices or note on the same sheet (for a matching pair: the person named with that title; for a
  timeline event: its date printed in a question about the same story or the same date);
- `same-sentence`: two questions draw on the same sentence of an article (one evidence quote inside
  another's sentence, or, without the article texts, one quote containing the other);
- `note`: a note printed beside a question reveals its own answer, or sits beside a true/false or
  multiple-choice question (background about the very fact asked confirms or refutes a statement, or
  points at one option, in ways no string search sees: 「米ロはサウジアラビアで高官協議を行った」 beside
  a statement about a Russia–France contact). Such notes never reach the sheet: `sheet_note` keeps them
  for the key, so a sheet made by `choose` never has one.

Answers are found as `quizgen check` finds an answer in its own prompt (`bank.content.printed_in`): by
comparison key (width, kana, case and punctuation folded), Latin script as whole words, very short
forms ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from quizgen.bank.content import Shown, answer_forms, printed_in, shown
from quizgen.bank.model import Bank, Item, Lang, Text
from quizgen.citations import date_label
from quizgen.generators.worksheet.exercises import (
    ChoiceQ,
    ClozeQ,
    Exercise,
    MatchingQ,
    Question,
    ShortQ,
    TimelineQ,
    TrueFalseQ,
    question_items,
    question_key,
    question_label,
    sheet_texts,
)
from quizgen.japanese.normalise import normalise

__all__ = ["NOTES_ON_SHEET", "Leak", "LeakChecker", "LeakKind", "find_leaks", "note_reveals", "same_sentence",
           "sheet_note"]

_MIN_BLANK = 2  # shortest cloze blank looked for elsewhere (ロシア, 中国)
_MIN_LATIN = 4
_PAIR_WINDOW = 8  # a name and a title this close (characters of the comparison key) state the pair
_SENTENCE_END = re.compile(r"[。!?！？\n]")


class LeakKind(StrEnum):
    ANSWER = "answer"
    SAME_SENTENCE = "same-sentence"
    NOTE = "note"


@dataclass(frozen=True)
class Leak:
    """One give-away on a sheet: `giver`'s text shows `form`, which answers `taker`."""

    kind: LeakKind
    giver: str  # question_label of the question whose text gives it away
    taker: str  # question_label of the question it answers
    form: str  # what was found: the answer as printed, or the shared quote
    where: str = ""  # which text of the giver: prompt, choice, note, statement, cloze, matching, event

    def describe(self) -> str:
        if self.kind is LeakKind.SAME_SENTENCE:
            return f"{self.giver} and {self.taker} come from the same sentence of an article (「{self.form}」)"
        if self.kind is LeakKind.NOTE and self.where == "options":
            return f"the note of {self.taker} sits beside options it can decide (「{self.form}」)"
        if self.kind is LeakKind.NOTE:
            return f"the note of {self.taker} shows its answer 「{self.form}」"
        return f"{self.giver}'s {self.where or 'text'} shows 「{self.form}」, the answer to {self.taker}"


def _langs(lang: Lang) -> tuple[str, ...]:
    return {Lang.JA: ("ja",), Lang.EN: ("en",), Lang.BOTH: ("ja", "en")}[lang]


def _shown(form: str, text: Text, shortest: int, langs: tuple[str, ...]) -> bool:
    return printed_in(form, text, shortest, langs) is not None


# --------------------------------------------------------------------------- notes


def note_reveals(bank: Bank, item: Item, note: Text, lang: Lang = Lang.BOTH) -> str | None:
    """The answer form `note` prints (so it would reveal its own question's answer), or None."""
    langs = _langs(lang)
    for form, _, shortest in answer_forms(item, bank):
        if _shown(form, note, shortest, langs):
            return form
    return None


NOTES_ON_SHEET = (Exercise.SHORT, Exercise.CLOZE)
"""The exercises whose notes may be printed on the sheet: the student writes the answer, nothing to pick from."""


def sheet_note(bank: Bank, item: Item, lang: Lang, exercise: Exercise = Exercise.SHORT) -> Text | None:
    """The note printed beside `item`'s question: its outside-the-articles context, for a written answer,
    unless the note shows that answer; otherwise the note is in the key only."""
    if exercise not in NOTES_ON_SHEET or item.context is None or note_reveals(bank, item, item.context, lang):
        return None
    return item.context


# --------------------------------------------------------------------------- what answers a question


def _item_answers(bank: Bank, item: Item) -> list[tuple[str, int]]:
    return [(form, shortest) for form, _, shortest in answer_forms(item, bank)]


def _answers(bank: Bank, q: Question) -> list[tuple[str, int]]:
    """The forms that answer `q` when printed elsewhere (matching and timeline have their own rules)."""
    match q:
        case ShortQ(item=i):
            return _item_answers(bank, i)
        case ChoiceQ(mc=mc):
            return _item_answers(bank, mc.item)
        case TrueFalseQ(tf=tf):
            return _item_answers(bank, tf.item)
        case ClozeQ(cz=cz):
            blanks = [(b, _MIN_BLANK) for b in cz.blanks("ja")] + [(b, _MIN_LATIN) for b in cz.blanks("en")]
            return blanks + (_item_answers(bank, cz.item) if len(cz.blanks("ja")) == 1 else [])
        case MatchingQ() | TimelineQ():
            return []
    raise AssertionError(q)  # pragma: no cover


def _pair_stated(name: str, title: str, text: str) -> bool:
    """Whether `text` names the person `name` with the title `title` (within a few characters)."""
    n, t, s = normalise(name), normalise(title), normalise(text)
    if len(n) < 2 or len(t) < 2:
        return False
    for m in re.finditer(re.escape(n), s):
        window = s[max(0, m.start() - _PAIR_WINDOW - len(t)): m.end() + _PAIR_WINDOW + len(t)]
        if t in window:
            return True
    return False


def _matching_leaks(q: MatchingQ, other: Question, texts: list[tuple[str, Text]], langs: tuple[str, ...]) -> list[Leak]:
    out = []
    for p in q.lefts:
        for where, text in texts:
            for lg in langs:
                if _pair_stated(getattr(p.left, lg), getattr(p.right, lg), getattr(text, lg)):
                    out.append(Leak(LeakKind.ANSWER, question_label(other), question_label(q),
                                    f"{getattr(p.left, lg)} … {getattr(p.right, lg)}", where))
                    break
    return out


def _timeline_leaks(q: TimelineQ, other: Question, texts: list[tuple[str, Text]], langs: tuple[str, ...]) -> list[Leak]:
    """An event's date printed in a question about the same story or dated the same: the order is given away."""
    others = question_items(other)
    out = []
    for e in q.shown:
        stories = {i.story for i in e.all_items if i.story}
        related = any(i.story in stories or i.when == e.when for i in others)
        if not related:
            continue
        label = date_label(e.when)
        for where, text in texts:
            found = next((getattr(label, lg) for lg in langs if _date_in(getattr(label, lg), getattr(text, lg))), None)
            if found is not None:
                out.append(Leak(LeakKind.ANSWER, question_label(other), question_label(q), found, where))
                break
    return out


def _date_in(label: str, text: str) -> bool:
    if label.isdigit():  # a bare year in English: as a whole number
        return re.search(rf"(?<![0-9]){label}(?![0-9])", text) is not None
    return normalise(label) in normalise(text)


# --------------------------------------------------------------------------- sentences


def _sentence(text: str, quote: str) -> tuple[int, int] | None:
    start = text.find(quote)
    if start < 0:
        return None
    end = start + len(quote)
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return (before[-1] if before else 0, after.end() if after else len(text))


def _spans(item: Item, texts: Mapping[str, str]) -> list[tuple[str, int, int] | None]:
    """Per evidence quote of `item`: (article, start, end) of the sentence that holds it, where the text is known."""
    out: list[tuple[str, int, int] | None] = []
    for ev in item.evidence:
        text = texts.get(ev.article)
        span = _sentence(text, ev.quote) if text is not None else None
        out.append((ev.article, *span) if span is not None else None)
    return out


def same_sentence(a: Item, b: Item, texts: Mapping[str, str] | None) -> str | None:
    """A quote of `a` that shares a sentence with one of `b` (given the article texts), or that contains or
    sits inside one of `b`'s quotes; None when they draw on different sentences."""
    return _same_sentence(a, b, _spans(a, texts or {}), _spans(b, texts or {}))


def _same_sentence(a: Item, b: Item, sa: list[tuple[str, int, int] | None],
                   sb: list[tuple[str, int, int] | None]) -> str | None:
    for x, span_x in zip(a.evidence, sa, strict=True):
        for y, span_y in zip(b.evidence, sb, strict=True):
            if x.article != y.article:
                continue
            if x.quote in y.quote or y.quote in x.quote:
                return x.quote if len(x.quote) <= len(y.quote) else y.quote
            if span_x is not None and span_y is not None and span_x[1] < span_y[2] and span_y[1] < span_x[2]:
                return x.quote
    return None


# --------------------------------------------------------------------------- the checker


_SEP = "\u241e"  # between a question's texts when they are searched at once (kept by normalisation, in no text)


@dataclass(frozen=True)
class _Profile:
    """A question as the checker reads it: its texts, prepared one by one and as a whole, and its answers."""

    texts: list[tuple[str, Text, Shown]]
    whole: Shown
    answers: list[tuple[str, int]]


class LeakChecker:
    """Finds leaks between the questions of one sheet; remembers what it has prepared (texts, answers,
    sentences and pairs already compared), so a selection can ask it thousands of times."""

    def __init__(self, bank: Bank, lang: Lang, texts: Mapping[str, str] | None = None) -> None:
        self.bank, self.lang, self.texts = bank, lang, texts or {}
        self.langs = _langs(lang)
        self._profiles: dict[str, _Profile] = {}
        self._pairs: dict[tuple[str, str], list[Leak]] = {}
        self._spans: dict[str, list[tuple[str, int, int] | None]] = {}
        self._ids: dict[int, tuple[Question, str]] = {}  # by object: the question (kept alive) and its key

    def _id(self, q: Question) -> str:
        known = self._ids.get(id(q))
        if known is None or known[0] is not q:
            known = (q, question_key(q) + ("|note" if question_note(q) is not None else ""))
            self._ids[id(q)] = known
        return known[1]

    def _profile(self, q: Question) -> _Profile:
        key = self._id(q)
        if key not in self._profiles:
            texts = sheet_texts(q)
            whole = Text(_SEP.join(t.ja for _, t in texts), _SEP.join(t.en for _, t in texts))
            self._profiles[key] = _Profile([(where, t, shown(t)) for where, t in texts], shown(whole),
                                           _answers(self.bank, q))
        return self._profiles[key]

    def between(self, a: Question, b: Question) -> list[Leak]:
        """Every leak between two questions of one sheet, in both directions."""
        key = (self._id(a), self._id(b))
        if key not in self._pairs:
            self._pairs[key] = self._compare(a, b)
        return self._pairs[key]

    def _compare(self, a: Question, b: Question) -> list[Leak]:
        out: list[Leak] = []
        for giver, taker in ((a, b), (b, a)):
            texts = self._profile(giver).texts
            if isinstance(taker, MatchingQ):
                out += _matching_leaks(taker, giver, [(w, t) for w, t, _ in texts], self.langs)
            elif isinstance(taker, TimelineQ):
                out += _timeline_leaks(taker, giver, [(w, t) for w, t, _ in texts], self.langs)
            else:
                out += self._answer_leaks(taker, giver)
        return out + self._sentence_leaks(a, b)

    def _answer_leaks(self, taker: Question, giver: Question) -> list[Leak]:
        shown_to = self._profile(giver)
        for form, shortest in self._profile(taker).answers:
            if printed_in(form, shown_to.whole, shortest, self.langs) is None:  # all its texts at once, first
                continue
            for where, _, prepared in shown_to.texts:
                if printed_in(form, prepared, shortest, self.langs) is not None:
                    return [Leak(LeakKind.ANSWER, question_label(giver), question_label(taker), form, where)]
        return []

    def _item_spans(self, item: Item) -> list[tuple[str, int, int] | None]:
        if item.id not in self._spans:
            self._spans[item.id] = _spans(item, self.texts)
        return self._spans[item.id]

    def _sentence_leaks(self, a: Question, b: Question) -> list[Leak]:
        for x in question_items(a):
            for y in question_items(b):
                quote = _same_sentence(x, y, self._item_spans(x), self._item_spans(y))
                if quote is not None:
                    return [Leak(LeakKind.SAME_SENTENCE, question_label(a), question_label(b), quote)]
        return []

    def own_note(self, q: Question) -> list[Leak]:
        """The note printed beside `q`, if it shows `q`'s own answer or `q` gives options to choose from."""
        note = question_note(q)
        items = question_items(q)
        if note is None or not items:
            return []
        if isinstance(q, (ChoiceQ, TrueFalseQ)):
            text = getattr(note, _langs(self.lang)[0])
            return [Leak(LeakKind.NOTE, question_label(q), question_label(q), text[:24] + "…" * (len(text) > 24), "options")]
        found = note_reveals(self.bank, items[0], note, self.lang)
        return [] if found is None else [Leak(LeakKind.NOTE, question_label(q), question_label(q), found, "note")]

    def sheet(self, questions: Iterable[Question]) -> list[Leak]:
        """Every leak on one sheet (one version): between every two questions, and every note that shows its
        own question's answer."""
        qs = list(questions)
        out: list[Leak] = []
        for n, a in enumerate(qs):
            out += self.own_note(a)
            for b in qs[n + 1:]:
                out += self.between(a, b)
        return out


def question_note(q: Question) -> Text | None:
    return getattr(q, "note", None)


def find_leaks(bank: Bank, questions: Iterable[Question], lang: Lang,
               texts: Mapping[str, str] | None = None) -> list[Leak]:
    """Every leak on one sheet (one version); see `LeakChecker.sheet`."""
    return LeakChecker(bank, lang, texts).sheet(questions)
