"""Printable worksheets: which questions, in which forms, and the variants A, B, … (pure).

`build_worksheet` picks the questions once (the content), then every variant
shuffles question order within each section and the order of choices, matching
columns and timeline events — all from the `random.Random` passed in, so one
seed always gives the same worksheet. Rendering lives in `worksheet_html`
(Jinja2) and `pdf` (WeasyPrint); writing files in `worksheet_write`.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from quizgen import forms
from quizgen.errors import UsageError
from quizgen.forms import Cloze, MultipleChoice, Pair, TimelineEvent, TrueFalse
from quizgen.model import Bank, Item, ItemKind, Lang, Selection, Text


class QuestionType(StrEnum):
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


_TYPE_LABELS = {
    QuestionType.SHORT: Text("記述問題", "Short answer"),
    QuestionType.CHOICE: Text("選択問題", "Multiple choice"),
    QuestionType.TRUEFALSE: Text("正誤問題", "True or false"),
    QuestionType.CLOZE: Text("穴埋め問題", "Fill in the blanks"),
    QuestionType.MATCHING: Text("組み合わせ問題", "Matching"),
    QuestionType.TIMELINE: Text("並べ替え問題(年表)", "Timeline"),
}

_INSTRUCTIONS = {
    QuestionType.SHORT: Text("記事の内容にもとづいて、次の問いに答えなさい。",
                             "Answer each question according to the articles."),
    QuestionType.CHOICE: Text("正しいものを一つ選び、記号を○で囲みなさい。",
                              "Choose the one correct answer and circle its letter."),
    QuestionType.TRUEFALSE: Text("記事の内容に合っていれば○、合っていなければ×を□に書きなさい。",
                                 "Write ○ in the box if the statement agrees with the articles, × if it does not."),
    QuestionType.CLOZE: Text("空欄にあてはまる語句を書きなさい。",
                             "Write the missing words in the blanks."),
    QuestionType.MATCHING: Text("左の人物の肩書・役割として、記事に書かれているものを右から選び、記号を□に書きなさい。",
                                "Match each person with their title or role in the article; write its letter in the box."),
    QuestionType.TIMELINE: Text("次の出来事を古い順に並べ、記号で答えなさい。",
                                "Put the events in order, oldest first, by writing their letters."),
}

SIMPLE_TYPES = (QuestionType.SHORT, QuestionType.CHOICE, QuestionType.TRUEFALSE, QuestionType.CLOZE)
COMPOSITE_TYPES = (QuestionType.MATCHING, QuestionType.TIMELINE)
EXERCISE_SIZE = 5  # pairs per matching exercise, events per timeline exercise
MIN_EXERCISE = 3   # fewer than this is not worth an exercise


DEFAULT_TITLE = Text("記事内容 確認ワークシート", "Article review worksheet")
MAX_VARIANTS = 26
_LETTERS_JA = "アイウエオカキクケコサシスセソタチツテト"
_LETTERS_EN = "ABCDEFGHIJKLMNOPQRST"


def parse_types(values: Iterable[str]) -> tuple[QuestionType, ...]:
    """'short,choice' and repeated values into question types (in the given order, no repeats)."""
    out: list[QuestionType] = []
    for value in values:
        for name in value.split(","):
            name = name.strip().lower()
            if not name:
                continue
            try:
                qt = QuestionType(name)
            except ValueError:
                choices = ", ".join(t.value for t in QuestionType)
                raise UsageError(f"unknown question type {name!r} in --types; choose from {choices}") from None
            if qt not in out:
                out.append(qt)
    return tuple(out)


@dataclass(frozen=True)
class WorksheetOptions:
    count: int = 20
    types: tuple[QuestionType, ...] = tuple(QuestionType)
    lang: Lang = Lang.JA
    variants: int = 1
    title: str | None = None
    furigana: bool = False
    seed: int | None = None  # printed on the key so the teacher can rebuild the same sheets

    def check(self) -> None:
        if self.count < 1:
            raise UsageError(f"--count must be at least 1, not {self.count}")
        if not 1 <= self.variants <= MAX_VARIANTS:
            raise UsageError(f"--variants must be between 1 and {MAX_VARIANTS}, not {self.variants}")
        if not self.types:
            raise UsageError("--types names no question type")
        if self.title is not None and not self.title.strip():
            raise UsageError("--title must not be empty")


# --------------------------------------------------------------------------- questions


@dataclass(frozen=True)
class ShortQ:
    item: Item


@dataclass(frozen=True)
class ChoiceQ:
    mc: MultipleChoice


@dataclass(frozen=True)
class TrueFalseQ:
    tf: TrueFalse


@dataclass(frozen=True)
class ClozeQ:
    cz: Cloze


@dataclass(frozen=True)
class MatchingQ:
    lefts: tuple[Pair, ...]   # the order of the numbered left column
    rights: tuple[Pair, ...]  # the order of the lettered right column


@dataclass(frozen=True)
class TimelineQ:
    shown: tuple[TimelineEvent, ...]  # the order printed on the sheet (lettered)

    @property
    def chronological(self) -> tuple[TimelineEvent, ...]:
        return tuple(sorted(self.shown, key=lambda e: e.when))


Question = ShortQ | ChoiceQ | TrueFalseQ | ClozeQ | MatchingQ | TimelineQ


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
        case MatchingQ(lefts=lefts):
            return "matching:" + "|".join(sorted(p.key for p in lefts))
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
            return tuple(e.item for e in shown)
        case MatchingQ():
            return ()
    raise AssertionError(q)  # pragma: no cover


def visible_texts(q: Question, lang: str = "ja") -> list[str]:
    """The texts a student sees for `q` (prompt, options, statement, cloze text around the blanks, …)."""
    if isinstance(q, ShortQ):
        return [getattr(q.item.prompt, lang)]
    if isinstance(q, ChoiceQ):
        return [getattr(q.mc.item.prompt, lang), *(getattr(o, lang) for o in q.mc.options)]
    if isinstance(q, TrueFalseQ):
        return [getattr(q.tf.statement, lang)]
    if isinstance(q, ClozeQ):
        return [s for s, blank in q.cz.parts(lang) if not blank]
    if isinstance(q, MatchingQ):
        return [getattr(p.left, lang) for p in q.lefts] + [getattr(p.right, lang) for p in q.rights]
    return [getattr(e.event, lang) for e in q.shown]


def question_articles(q: Question) -> tuple[str, ...]:
    if isinstance(q, MatchingQ):
        return tuple(dict.fromkeys(p.article for p in q.lefts))
    return tuple(dict.fromkeys(a for i in question_items(q) for a in i.articles))


# --------------------------------------------------------------------------- worksheet


@dataclass(frozen=True)
class Section:
    type: QuestionType
    first: int  # number of its first question
    questions: tuple[Question, ...]

    def numbered(self) -> list[tuple[int, Question]]:
        return [(self.first + k, q) for k, q in enumerate(self.questions)]


@dataclass(frozen=True)
class Variant:
    label: str  # "A", "B", …
    sections: tuple[Section, ...]

    def questions(self) -> list[tuple[int, Question]]:
        return [nq for s in self.sections for nq in s.numbered()]


@dataclass(frozen=True)
class Worksheet:
    title: Text
    options: WorksheetOptions
    variants: tuple[Variant, ...]
    articles: tuple[str, ...]  # every article a question draws on, sorted
    created: dt.date
    notes: tuple[str, ...] = field(default=())  # what could not be built as asked (for the CLI to show)

    @property
    def lang(self) -> Lang:
        return self.options.lang

    @property
    def count(self) -> int:
        return sum(len(s.questions) for s in self.variants[0].sections)

    def letters(self) -> str:
        return _LETTERS_EN if self.lang is Lang.EN else _LETTERS_JA


def variant_labels(n: int) -> tuple[str, ...]:
    return tuple(chr(ord("A") + k) for k in range(n))


def build_worksheet(bank: Bank, items: Sequence[Item], options: WorksheetOptions, rng: random.Random,
                    created: dt.date) -> Worksheet:
    """Pick `options.count` questions from `items` and lay them out as `options.variants` variants."""
    options.check()
    if not items:
        raise UsageError("the selection has no questions; widen --category/--article/--tag")
    if options.count > len(items):
        raise UsageError(f"--count {options.count} is more than the {len(items)} questions in the selection; "
                         f"use --count {len(items)} or fewer, or widen the selection")
    content, notes = _pick(bank, items, options, rng)
    variants = tuple(_variant(label, content, random.Random(rng.getrandbits(64)))
                     for label in variant_labels(options.variants))
    articles = sorted({a for qs in content.values() for q in qs for a in question_articles(q)})
    title = Text(options.title, options.title) if options.title else DEFAULT_TITLE
    return Worksheet(title, options, variants, tuple(articles), created, tuple(notes))


def _pick(bank: Bank, items: Sequence[Item], options: WorksheetOptions,
          rng: random.Random) -> tuple[dict[QuestionType, list[Question]], list[str]]:
    pool = list(items)
    rng.shuffle(pool)
    used: set[str] = set()
    content: dict[QuestionType, list[Question]] = {t: [] for t in QuestionType if t in options.types}
    notes: list[str] = []
    simple = [t for t in options.types if t in SIMPLE_TYPES]
    composite = [t for t in options.types if t in COMPOSITE_TYPES]

    # Matching and timeline: one exercise each beside other types; alone, --count sets how many.
    quota = {t: 0 for t in composite}
    if simple:
        for t in composite[:options.count]:
            quota[t] = 1
    else:
        for k in range(options.count):
            quota[composite[k % len(composite)]] += 1
    articles = tuple(dict.fromkeys(a for i in items for a in i.articles))
    used_pairs: set[str] = set()
    for t in composite:
        for _ in range(quota[t]):
            q: Question | None
            if t is QuestionType.TIMELINE:
                fresh = [i for i in pool if i.id not in used]
                # leave enough items for the other questions: the exercise shrinks before they run short
                spare = len(fresh) - (options.count - sum(quota.values())) if simple else len(fresh)
                events = forms.timeline_set(fresh, rng, min(EXERCISE_SIZE, spare))
                q = _timeline_q(events, rng) if len(events) >= MIN_EXERCISE else None
            else:
                pairs = forms.matching_set([p for p in forms.role_pairs(bank, articles) if p.key not in used_pairs],
                                           rng, EXERCISE_SIZE)
                q = _matching_q(pairs, rng) if len(pairs) >= MIN_EXERCISE else None
            if q is None:
                notes.append(_CANNOT[t])
                break
            content[t].append(q)
            used.update(i.id for i in question_items(q))
            if isinstance(q, MatchingQ):
                used_pairs.update(p.key for p in q.lefts)

    matched = [p for q in content.get(QuestionType.MATCHING, ()) if isinstance(q, MatchingQ) for p in q.lefts]
    made = sum(len(v) for v in content.values())
    want = options.count - made
    if want and not simple:
        raise UsageError(f"only {made} {'/'.join(composite)} exercise{'s' if made != 1 else ''} can be made from "
                         f"this selection ({options.count} asked for): " + " ".join(notes))
    rotation = list(simple)
    turn = 0
    while want > 0 and rotation:
        t = rotation[turn % len(rotation)]
        fresh = [i for i in pool if i.id not in used]
        candidates = [i for i in fresh if not _gives_away(i, matched)] + [i for i in fresh if _gives_away(i, matched)]
        q = next((q for i in candidates if (q := _simple_q(t, bank, i, rng)) is not None), None)
        if q is None:
            rotation.remove(t)
            continue
        content[t].append(q)
        used.update(i.id for i in question_items(q))
        want -= 1
        turn += 1
    if want > 0:
        made = options.count - want
        names = ", ".join(t.value for t in options.types)
        raise UsageError(f"only {made} questions of the types {names} can be made from this selection "
                         f"({options.count} asked for); use a smaller --count or add --types")
    return {t: qs for t, qs in content.items() if qs}, notes


_CANNOT = {
    QuestionType.TIMELINE: f"no timeline exercise: the selection has fewer than {MIN_EXERCISE} events with distinct dates",
    QuestionType.MATCHING: f"no matching exercise: the selected articles give fewer than {MIN_EXERCISE} "
                           "distinct person-role pairs",
}


def _gives_away(item: Item, pairs: Sequence[Pair]) -> bool:
    """Would a matching pair on the same sheet answer this item (a person's title, or who holds it)?"""
    persons = {p.key.split("@")[0] for p in pairs}
    if item.kind is ItemKind.ROLE and (persons & set(item.actors) or item.entity in persons):
        return True
    return item.kind is ItemKind.PERSON and item.entity in persons


def _simple_q(t: QuestionType, bank: Bank, item: Item, rng: random.Random) -> Question | None:
    if t is QuestionType.SHORT:
        return ShortQ(item)
    if t is QuestionType.CHOICE:
        mc = forms.multiple_choice(bank, item, rng)
        return ChoiceQ(mc) if mc else None
    if t is QuestionType.TRUEFALSE:
        tf = forms.true_false(item, rng)
        return TrueFalseQ(tf) if tf else None
    cz = forms.cloze(item)
    return ClozeQ(cz) if cz else None


def _timeline_q(events: Sequence[TimelineEvent], rng: random.Random) -> TimelineQ:
    shown = list(events)
    while len(shown) > 1 and tuple(shown) == tuple(events):  # never print the answer as the question
        rng.shuffle(shown)
    return TimelineQ(tuple(shown))


def _matching_q(pairs: Sequence[Pair], rng: random.Random) -> MatchingQ:
    rights = list(pairs)
    while len(rights) > 1 and rights == list(pairs):  # never line every answer up with its person
        rng.shuffle(rights)
    return MatchingQ(tuple(pairs), tuple(rights))


def _reshuffle(q: Question, rng: random.Random) -> Question:
    """The same question with its choices (or columns, or events) in a new order."""
    match q:
        case ChoiceQ(mc=mc):
            options = list(mc.options)
            rng.shuffle(options)
            return ChoiceQ(replace(mc, options=tuple(options), answer_index=options.index(mc.correct)))
        case MatchingQ(lefts=lefts):
            left = list(lefts)
            rng.shuffle(left)
            return _matching_q(left, rng)
        case TimelineQ():
            return _timeline_q(q.chronological, rng)
    return q


def _variant(label: str, content: dict[QuestionType, list[Question]], rng: random.Random) -> Variant:
    sections = []
    number = 1
    for t in QuestionType:  # sections always in this order
        qs = list(content.get(t, ()))
        if not qs:
            continue
        rng.shuffle(qs)
        qs = [_reshuffle(q, rng) for q in qs]
        sections.append(Section(t, number, tuple(qs)))
        number += len(qs)
    return Variant(label, tuple(sections))


# --------------------------------------------------------------------------- answers (for the key)


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
    type: QuestionType
    answer: Text  # the answer as written on the sheet (a letter, ○/×, a word…)
    lines: tuple[KeyLine, ...]  # per-part answers with sources
    explanation: Text | None = None
    context: Text | None = None  # background from outside the articles
    disagreement: Text | None = None  # the articles differ on this


def _quotes(item: Item) -> tuple[Quote, ...]:
    return tuple(Quote(e.article, e.quote) for e in item.evidence)


def key_entry(bank: Bank, number: int, q: Question, letters: str) -> KeyEntry:
    """The key's entry for question `number` as it appears in one variant."""
    def extras(item: Item) -> dict[str, Text | None]:
        dis = bank.disagreement_by_id.get(item.disagreement) if item.disagreement else None
        return {"explanation": item.explanation, "context": item.context, "disagreement": dis.topic if dis else None}

    match q:
        case ShortQ(item=i):
            return KeyEntry(number, QuestionType.SHORT, i.answer, (KeyLine(i.answer, _quotes(i)),), **extras(i))
        case ChoiceQ(mc=mc):
            letter = letters[mc.answer_index]
            ans = Text(f"{letter} {mc.correct.ja}", f"{letter} {mc.correct.en}")
            return KeyEntry(number, QuestionType.CHOICE, ans, (KeyLine(ans, _quotes(mc.item)),), **extras(mc.item))
        case TrueFalseQ(tf=tf):
            mark = Text("○(正しい)", "○ (true)") if tf.is_true else Text("×(誤り)", "× (false)")
            detail = None
            if not tf.is_true:
                right = tf.item.statement or Text(f"{tf.item.prompt.ja} → {tf.item.answer.ja}",
                                                  f"{tf.item.prompt.en} → {tf.item.answer.en}")
                detail = Text(f"正しくは:{right.ja}", f"Correct: {right.en}")
            lines: tuple[KeyLine, ...] = (KeyLine(mark, _quotes(tf.item), detail=detail),)
            return KeyEntry(number, QuestionType.TRUEFALSE, mark, lines, **extras(tf.item))
        case ClozeQ(cz=cz):
            ja, en = cz.blanks("ja"), cz.blanks("en")
            ans = Text("、".join(ja), ", ".join(en))
            return KeyEntry(number, QuestionType.CLOZE, ans, (KeyLine(ans, _quotes(cz.item)),), **extras(cz.item))
        case MatchingQ(lefts=lefts, rights=rights):
            lines = tuple(KeyLine(Text(f"{letters[rights.index(p)]} {p.right.ja}", f"{letters[rights.index(p)]} {p.right.en}"),
                                  (Quote(p.article, p.quote),), label=f"({k + 1}) {p.left.ja}", detail=None)
                          for k, p in enumerate(lefts))
            short = " ".join(f"({k + 1}){letters[rights.index(p)]}" for k, p in enumerate(lefts))
            return KeyEntry(number, QuestionType.MATCHING, Text(short, short), lines)
        case TimelineQ(shown=shown):
            order = q.chronological
            seq = " → ".join(letters[shown.index(e)] for e in order)
            lines = tuple(KeyLine(e.event, _quotes(e.item), label=letters[shown.index(e)], detail=Text(e.when, e.when))
                          for e in order)
            return KeyEntry(number, QuestionType.TIMELINE, Text(seq, seq), lines)
    raise AssertionError(q)  # pragma: no cover


def key_entries(bank: Bank, ws: Worksheet, variant: Variant) -> list[KeyEntry]:
    return [key_entry(bank, n, q, ws.letters()) for n, q in variant.questions()]


# --------------------------------------------------------------------------- sizes and helpers for layout


def context_note(context: Text) -> Text:
    """Background from outside the articles, always marked as such (without saying so twice)."""
    ja = context.ja if context.ja.startswith("記事外") else f"記事外の補足:{context.ja}"
    en = context.en if context.en.lower().startswith("outside the article") else f"Outside the articles: {context.en}"
    return Text(f"※{ja}", en)


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


# --------------------------------------------------------------------------- quizgen build


def default_options() -> WorksheetOptions:
    return WorksheetOptions(count=20, types=tuple(QuestionType), lang=Lang.JA, variants=2, seed=1)


def build_default(bank: Bank, out_dir: Path, now: dt.datetime) -> list[Path]:
    """`quizgen build`: a 20-question Japanese worksheet in versions A and B (HTML + PDF + keys)."""
    from quizgen.generators.worksheet_write import write_worksheet

    items = Selection().apply(bank)
    if not items:
        return []
    opts = default_options()
    opts = replace(opts, count=max(1, min(opts.count, len(items) - EXERCISE_SIZE)))
    ws = build_worksheet(bank, items, opts, random.Random(opts.seed), now.date())
    return write_worksheet(bank, ws, out_dir / "worksheets")
