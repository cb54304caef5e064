"""Choosing a worksheet's questions, and laying them out as a variant (pure, randomness passed in).

`pick_content` chooses the questions once — the content shared by every variant;
`build_variant` shuffles question order within each section and the order of
choices, matching columns and timeline events for one variant.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

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
)
from quizgen.generators.worksheet.sheet import Section, Variant, WorksheetOptions


def pick_content(bank: Bank, items: Sequence[Item], options: WorksheetOptions,
                 rng: random.Random) -> tuple[dict[Exercise, list[Question]], list[str]]:
    """The questions of every variant, by type, and notes on what could not be built as asked."""
    pool = list(items)
    rng.shuffle(pool)
    used: set[str] = set()
    content: dict[Exercise, list[Question]] = {t: [] for t in Exercise if t in options.types}
    notes: list[str] = []
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
    articles = tuple(dict.fromkeys(a for i in items for a in i.articles))
    used_pairs: set[str] = set()
    for t in composite:
        for _ in range(quota[t]):
            q: Question | None
            if t is Exercise.TIMELINE:
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

    matched = {p.key.split("@")[0] for q in content.get(Exercise.MATCHING, ()) if isinstance(q, MatchingQ)
               for p in q.lefts}
    # items a matching exercise on the same sheet would give away are taken last (sorted is stable)
    ordered = sorted(pool, key=lambda i: _gives_away(i, matched))
    made = sum(len(v) for v in content.values())
    want = options.count - made
    if want and not simple:
        raise UsageError(f"only {made} {'/'.join(composite)} exercise{'s' if made != 1 else ''} can be made from "
                         f"this selection ({options.count} asked for): " + " ".join(notes))
    rotation = list(simple)
    turn = 0
    while want > 0 and rotation:
        t = rotation[turn % len(rotation)]
        q = next((q for i in ordered if i.id not in used and (q := _simple_q(t, bank, i, rng)) is not None), None)
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
                         f"({options.count} asked for); use a smaller {{count}} or add {{types}}", names=["count", "types"])
    return {t: qs for t, qs in content.items() if qs}, notes


_CANNOT = {
    Exercise.TIMELINE: f"no timeline exercise: the selection has fewer than {MIN_EXERCISE} events with distinct dates",
    Exercise.MATCHING: f"no matching exercise: the selected articles give fewer than {MIN_EXERCISE} "
                           "distinct person-role pairs",
}


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
