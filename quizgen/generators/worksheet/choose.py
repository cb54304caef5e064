"""Choosing a worksheet's questions, and laying them out as a variant (pure, randomness passed in).

`pick_content` chooses the questions once — the content shared by every variant;
`build_variant` shuffles question order within each section and the order of
choices, matching columns and timeline events for one variant.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from quizgen import forms
from quizgen.bank.model import Bank, Item, ItemKind
from quizgen.errors import UsageError
from quizgen.forms import Pair, TimelineEvent
from quizgen.generators.worksheet.exercises import (
    COMPOSITE_EXERCISES,
    EXERCISE_SIZE,
    MIN_EXERCISE,
    SIMPLE_EXERCISES,
    ChoiceQ,
    ClozeQ,
    Exercise,
    MatchingQ,
    Question,
    ShortQ,
    TimelineQ,
    TrueFalseQ,
    question_items,
    visible_texts,
)
from quizgen.generators.worksheet.sheet import Section, Variant, WorksheetOptions
from quizgen.japanese.normalise import normalise


@dataclass
class _Picking:
    """The state of choosing one worksheet's content: the shuffled pool, what is chosen, what is used up."""

    bank: Bank
    pool: list[Item]
    rng: random.Random
    content: dict[Exercise, list[Question]]
    used: set[str] = field(default_factory=set)  # ids of the items some question already uses
    notes: list[str] = field(default_factory=list)

    def take(self, t: Exercise, q: Question) -> None:
        self.content[t].append(q)
        self.used.update(i.id for i in question_items(q))


def pick_content(bank: Bank, items: Sequence[Item], options: WorksheetOptions,
                 rng: random.Random) -> tuple[dict[Exercise, list[Question]], list[str]]:
    """The questions of every variant, by type, and notes on what could not be built as asked."""
    pool = list(items)
    rng.shuffle(pool)
    picking = _Picking(bank, pool, rng, {t: [] for t in Exercise if t in options.types})
    simple = [t for t in options.types if t in SIMPLE_EXERCISES]
    composite = [t for t in options.types if t in COMPOSITE_EXERCISES]
    # Matching and timeline: one exercise each beside other types; alone, --count sets how many.
    quota = {t: 0 for t in composite}
    if simple:
        for t in composite[:options.count]:
            quota[t] = 1
    else:
        for k in range(options.count):
            quota[composite[k % len(composite)]] += 1
    _pick_composite(picking, items, composite, quota, options.count - sum(quota.values()) if simple else None)
    _pick_simple(picking, options, simple, composite)
    return {t: qs for t, qs in picking.content.items() if qs}, picking.notes


def _pick_composite(picking: _Picking, items: Sequence[Item], composite: list[Exercise], quota: dict[Exercise, int],
                    others: int | None) -> None:
    """`quota` matching and timeline exercises; `others` is how many other questions must still find items."""
    articles = tuple(dict.fromkeys(a for i in items for a in i.articles))
    used_pairs: set[str] = set()
    for t in composite:
        for _ in range(quota[t]):
            q: Question | None
            if t is Exercise.TIMELINE:
                fresh = [i for i in picking.pool if i.id not in picking.used]
                # leave enough items for the other questions: the exercise shrinks before they run short
                spare = len(fresh) - others if others is not None else len(fresh)
                events = forms.timeline_set(fresh, picking.rng, min(EXERCISE_SIZE, spare), max_items=spare)
                q = _timeline_q(events, picking.rng) if len(events) >= MIN_EXERCISE else None
            else:
                pairs = forms.matching_set([p for p in forms.role_pairs(picking.bank, articles) if p.key not in used_pairs],
                                           picking.rng, EXERCISE_SIZE)
                q = _matching_q(pairs, picking.rng) if len(pairs) >= MIN_EXERCISE else None
            if q is None:
                picking.notes.append(_CANNOT[t])
                break
            picking.take(t, q)
            if isinstance(q, MatchingQ):
                used_pairs.update(p.key for p in q.lefts)


def _pick_simple(picking: _Picking, options: WorksheetOptions, simple: list[Exercise], composite: list[Exercise]) -> None:
    """The rest of `options.count` from the simple exercises, taking turns; a UsageError if too few can be made."""
    matched = {p.key.split("@")[0] for q in picking.content.get(Exercise.MATCHING, ()) if isinstance(q, MatchingQ)
               for p in q.lefts}
    # items a matching exercise on the same sheet would give away are taken last (sorted is stable)
    ordered = sorted(picking.pool, key=lambda i: _gives_away(i, matched))
    made = sum(len(v) for v in picking.content.values())
    want = options.count - made
    if want and not simple:
        raise UsageError(f"only {made} {'/'.join(composite)} exercise{'s' if made != 1 else ''} can be made from "
                         f"this selection ({options.count} asked for): " + " ".join(picking.notes))
    rotation = list(simple)
    turn = 0
    while want > 0 and rotation:
        t = rotation[turn % len(rotation)]
        q = _next_question(picking, t, ordered)
        if q is None:
            rotation.remove(t)
            continue
        picking.take(t, q)
        want -= 1
        turn += 1
    if want > 0:
        made = options.count - want
        names = ", ".join(t.value for t in options.types)
        raise UsageError(f"only {made} questions of the types {names} can be made from this selection "
                         f"({options.count} asked for); use a smaller {{count}} or add {{types}}", names=["count", "types"])


_CANNOT = {
    Exercise.TIMELINE: f"no timeline exercise: the selection has fewer than {MIN_EXERCISE} events with distinct dates",
    Exercise.MATCHING: f"no matching exercise: the selected articles give fewer than {MIN_EXERCISE} "
                       "distinct person-role pairs",
}


def _next_question(picking: _Picking, t: Exercise, ordered: Sequence[Item]) -> Question | None:
    """The next question of exercise `t`: the first item whose question and the questions already on the sheet
    do not answer each other; failing that, the first one that can be made at all."""
    fallback: Question | None = None
    for item in ordered:
        if item.id in picking.used:
            continue
        q = _simple_q(t, picking.bank, item, picking.rng)
        if q is None:
            continue
        if not any(_answers(q, p) or _answers(p, q) for qs in picking.content.values() for p in qs):
            return q
        fallback = fallback or q
    return fallback


def _answers(asked: Question, shown: Question) -> bool:
    """Does `shown` print the answer `asked` asks for? (Its prompt, statement or the text around its blanks;
    a true/false statement asks no answer, and a choice's options are not counted.)"""
    if isinstance(asked, TrueFalseQ | MatchingQ | TimelineQ) or isinstance(shown, MatchingQ | TimelineQ):
        return False
    (item,) = question_items(asked)
    key = normalise(item.answer.ja)
    texts = [shown.mc.item.prompt.ja] if isinstance(shown, ChoiceQ) else visible_texts(shown)
    return len(key) >= 2 and any(key in normalise(t) for t in texts)


def _gives_away(item: Item, persons: set[str]) -> bool:
    """Would a matching pair of `persons` (entity ids) on the same sheet answer this item (a title, or who holds it)?"""
    if item.kind is ItemKind.ROLE and (persons & set(item.actors) or item.entity in persons):
        return True
    return item.kind is ItemKind.PERSON and item.entity in persons


def _simple_q(t: Exercise, bank: Bank, item: Item, rng: random.Random) -> Question | None:
    if t is Exercise.SHORT:
        return ShortQ(item)
    if t is Exercise.CHOICE:
        mc = forms.multiple_choice(bank, item, rng)
        return ChoiceQ(mc) if mc else None
    if t is Exercise.TRUEFALSE:
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


def build_variant(label: str, content: dict[Exercise, list[Question]], rng: random.Random) -> Variant:
    """One variant of `content`: sections in a fixed order, questions and their parts shuffled by `rng`."""
    sections = []
    number = 1
    for t in Exercise:  # sections always in this order
        qs = list(content.get(t, ()))
        if not qs:
            continue
        rng.shuffle(qs)
        qs = [_reshuffle(q, rng) for q in qs]
        sections.append(Section(t, number, tuple(qs)))
        number += len(qs)
    return Variant(label, tuple(sections))
