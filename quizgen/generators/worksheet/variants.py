"""Versions of one test (A, B, …) that students sitting side by side cannot copy from (pure, randomness passed in).

Each version after the first puts its sections in another order (rotated), and within them its questions,
so that no question keeps its number where that can be avoided; a multiple-choice answer moves to a letter
it has in no earlier version and that no earlier version has at the same place of the section's answer row,
and of those to the one right least often on the version so far (the answers spread over every letter); a
true/false section's row of ○× differs from every earlier version's where the order allows, and holds no more
than two of one answer in a row nor more than four in turn (○×○×, never ×○×○×○) where the counts allow; a matching
exercise's titles and a timeline's events get letters they had in no earlier version at the same answer
position (and, where possible, never their own line or chronological place): what a student would copy from
the next desk changes everywhere it can. Where a version cannot avoid every repeat (a 3-choice question in 4
versions), the order with the fewest repeats is kept.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby, pairwise
from typing import TypeVar

from quizgen.forms import Pair, TimelineEvent
from quizgen.generators.worksheet.exercises import (
    ChoiceQ,
    Exercise,
    MatchingQ,
    Question,
    TimelineQ,
    TrueFalseQ,
    question_key,
)
from quizgen.generators.worksheet.sheet import Section, Variant

__all__ = ["History", "build_variant", "longest_run", "run_limit"]

T = TypeVar("T")
_TRIES = 300  # random orders tried for the one with the fewest repeats

Content = dict[Exercise, list[Question]]


@dataclass
class History:
    """Where each question and each answer sat in the versions made so far (by question key)."""

    numbers: dict[str, set[int]] = field(default_factory=dict)
    answers: dict[str, set[int]] = field(default_factory=dict)  # choice: the correct option's index
    letters: dict[str, dict[str, set[int]]] = field(default_factory=dict)  # matching/timeline: position -> letters
    rows: dict[Exercise, list[tuple[int, ...]]] = field(default_factory=dict)  # a section's answers, one row per version
    versions: int = 0

    def record(self, variant: Variant) -> None:
        for n, q in variant.questions():
            key = question_key(q)
            self.numbers.setdefault(key, set()).add(n)
            for part, letter in _letters(q).items():
                self.letters.setdefault(key, {}).setdefault(part, set()).add(letter)
            if isinstance(q, ChoiceQ):
                self.answers.setdefault(key, set()).add(q.mc.answer_index)
        for section in variant.sections:
            if (row := answer_row(section.questions)) is not None:
                self.rows.setdefault(section.type, []).append(row)
        self.versions += 1

    def row_letters(self, t: Exercise, position: int) -> set[int]:
        """The answers earlier versions have at `position` (from 0) of their `t` section's row on the answer sheet."""
        return {row[position] for row in self.rows.get(t, ()) if position < len(row)}

    def same_rows(self, t: Exercise, row: tuple[int, ...]) -> int:
        """How many earlier versions have exactly `row` as their `t` section's answers."""
        return sum(1 for r in self.rows.get(t, ()) if r == row)


def answer_row(questions: Sequence[Question]) -> tuple[int, ...] | None:
    """A choice or true/false section's answers in order, as a row of the answer sheet shows them (an option's
    index; 1 for ○, 0 for ×): what a student copies from the next desk at a glance (review 16, s2: both versions'
    choice rows read エウイアウ although every question had moved to another letter). None for other sections."""
    if questions and all(isinstance(q, ChoiceQ) for q in questions):
        return tuple(q.mc.answer_index for q in questions if isinstance(q, ChoiceQ))
    if questions and all(isinstance(q, TrueFalseQ) for q in questions):
        return tuple(int(q.tf.is_true) for q in questions if isinstance(q, TrueFalseQ))
    return None


def _letters(q: Question) -> dict[str, int]:
    """The answer (a letter, as its index) at each answer position of a matching or timeline exercise: what a
    student next to you would copy. Matching: per numbered person, the letter of their title, and per person
    (「@」 and the pair's key) wherever they sit; timeline: per place in the order (oldest first), the letter of
    that event."""
    if isinstance(q, MatchingQ):  # also per person (review 20: ショイグ was イ in A and in B)
        return {**{str(k): q.rights.index(p) for k, p in enumerate(q.lefts)},
                **{"@" + p.key: q.rights.index(p) for p in q.lefts}}
    if isinstance(q, TimelineQ):
        return {str(j): q.shown.index(e) for j, e in enumerate(q.chronological)}
    return {}


def _best(values: Sequence[T], rng: random.Random, score: Callable[[list[T]], int]) -> list[T]:
    """The order of `values` with the lowest score among random tries (0 ends the search)."""
    best = list(values)
    best_score = score(best)
    for _ in range(_TRIES):
        if best_score == 0:
            break
        cand = list(values)
        rng.shuffle(cand)
        s = score(cand)
        if s < best_score:
            best, best_score = cand, s
    return best


def _section_order(types: list[Exercise], index: int) -> list[Exercise]:
    """Version `index` (0 for A) rotates the sections, so that every question changes place across the sheet."""
    if not types:
        return types
    k = index % len(types)
    return types[k:] + types[:k]


def build_variant(label: str, content: Content, rng: random.Random, history: History | None = None) -> Variant:
    """One version of `content`: sections and questions in an order, and their choices, matching columns and
    timeline events in letters, that repeat as little of the earlier versions (`history`) as possible."""
    history = history if history is not None else History()
    types = _section_order([t for t in Exercise if content.get(t)], history.versions)
    sections = []
    number = 1
    answer_letters: Counter[int] = Counter()  # how often each letter is a right answer on this version so far
    for t in types:
        qs = list(content[t])
        rng.shuffle(qs)

        def repeats(order: list[Question], first: int = number, t: Exercise = t) -> int:
            moved = sum(1 for k, q in enumerate(order) if first + k in history.numbers.get(question_key(q), ()))
            if t is not Exercise.TRUEFALSE:  # only a true/false section has a pattern of ○ and × to keep
                return moved
            row = answer_row(order) if len(order) > 2 else None
            same = history.same_rows(t, row) if row is not None else 0
            return _RUN_PENALTY * pattern_excess(_truths(order)) + _SAME_ROW_PENALTY * same + moved

        order = _best(qs, rng, repeats)
        if run_excess(order):  # no random order kept the runs short: interleave the two kinds
            order = interleaved(order)
        qs = [_rearrange(q, rng, history, answer_letters, history.row_letters(t, k)) for k, q in enumerate(order)]
        sections.append(Section(t, number, tuple(qs)))
        number += len(qs)
    variant = Variant(label, tuple(sections))
    history.record(variant)
    return variant


MAX_RUN = 2  # the longest run of one answer a true/false section holds where the counts allow (○○×○××○)
_RUN_PENALTY = 1000  # a run too long outweighs every question kept at its number
_SAME_ROW_PENALTY = 100  # a true/false row of ○× the same as an earlier version's outweighs questions kept in place


def run_limit(truths: Sequence[bool]) -> int:
    """The longest run of one answer (○ or ×) a true/false section of `truths` may hold: MAX_RUN, or the fewest
    the counts allow when one kind far outnumbers the other (8 true and 2 false need a run of three)."""
    more, fewer = max(truths.count(True), truths.count(False)), min(truths.count(True), truths.count(False))
    return max(MAX_RUN, -(-more // (fewer + 1)))


def longest_run(truths: Sequence[bool]) -> int:
    return max((len(list(g)) for _, g in groupby(truths)), default=0)


def _truths(order: Sequence[Question]) -> list[bool]:
    return [q.tf.is_true for q in order if isinstance(q, TrueFalseQ)]


def run_excess(order: Sequence[Question]) -> int:
    """How far the longest run of one answer among the true/false questions of `order` exceeds `run_limit`:
    review 6, s2 version B printed ○○○○××× (the shuffle looked only at question numbers)."""
    truths = _truths(order)
    return max(0, longest_run(truths) - run_limit(truths))


MAX_ALTERNATION = 4  # the longest stretch of ○ and × in turn a true/false section holds where the counts allow (○×○×)


def longest_alternation(truths: Sequence[bool]) -> int:
    """The most true/false answers in a row that alternate (×○×○×○: 6)."""
    best = run = min(1, len(truths))
    for before, now in pairwise(truths):
        run = run + 1 if now != before else 1
        best = max(best, run)
    return best


def pattern_excess(truths: Sequence[bool]) -> int:
    """How far a true/false section's answers exceed `run_limit` (review 6, s2 version B: ○○○○×××) and
    `MAX_ALTERNATION` (review 21, s2: ×○×○×○ from the first item, six points for spotting the pattern), together: a
    section short of one kind may have to run or alternate."""
    return (max(0, longest_run(truths) - run_limit(truths))
            + max(0, longest_alternation(truths) - MAX_ALTERNATION))


def interleaved(order: Sequence[Question]) -> list[Question]:
    """`order` with its true/false questions re-sequenced so no run exceeds `run_limit` (each kind keeps its
    order): the kind with more left goes next unless that run is full."""
    trues = [q for q in order if isinstance(q, TrueFalseQ) and q.tf.is_true]
    falses = [q for q in order if isinstance(q, TrueFalseQ) and not q.tf.is_true]
    limit = run_limit(_truths(order))
    out: list[Question] = [q for q in order if not isinstance(q, TrueFalseQ)]
    run: list[bool] = []
    while trues or falses:
        pick_true = len(trues) >= len(falses) if trues and falses else bool(trues)
        if run[-limit:] == [pick_true] * limit and (falses if pick_true else trues):
            pick_true = not pick_true
        out.append((trues if pick_true else falses).pop(0))
        run.append(pick_true)
    return out


def _rearrange(q: Question, rng: random.Random, history: History, answer_letters: Counter[int],
               row: Collection[int] = frozenset()) -> Question:
    """The same question with its choices, columns or events in letters it had in no earlier version. A
    multiple-choice answer goes to a letter no earlier version has at the same place of the section's answer row
    (`row`), and of those to the one that is the right answer least often on this version so far
    (`answer_letters`, counted here): review 3, s2 had エ right 5 times in 8, and ウ never."""
    key = question_key(q)
    seen = history.letters.get(key, {})
    match q:
        case ChoiceQ(mc=mc):
            options = list(mc.options)
            correct = mc.correct
            taken = history.answers.get(key, set())
            every = range(len(options))
            free = ([k for k in every if k not in taken and k not in row] or [k for k in every if k not in row]
                    or [k for k in every if k not in taken] or list(every))
            fewest = min(answer_letters[k] for k in free)
            target = rng.choice([k for k in free if answer_letters[k] == fewest])
            answer_letters[target] += 1
            rest = [o for o in options if o != correct]
            rng.shuffle(rest)
            rest.insert(target, correct)
            return replace(q, mc=replace(mc, options=tuple(rest), answer_index=target))
        case MatchingQ(lefts=lefts, rights=all_rights):
            left = list(lefts)
            rng.shuffle(left)

            def match_repeats(rights: list[Pair]) -> int:
                answers = [rights.index(p) for p in left]
                same_line = sum(1 for k, a in enumerate(answers) if a == k)
                old = sum(1 for k, a in enumerate(answers) if a in seen.get(str(k), ()))
                kept = sum(1 for p, a in zip(left, answers, strict=True) if a in seen.get("@" + p.key, ()))
                return 10 * (old + kept) + same_line + (1000 if rights[:len(left)] == left and len(left) > 1 else 0)

            rights = _best(list(all_rights), rng, match_repeats)  # the decoys move with the titles
            return MatchingQ(tuple(left), tuple(rights))
        case TimelineQ():
            order = list(q.chronological)

            def event_repeats(shown: list[TimelineEvent]) -> int:
                answers = [shown.index(e) for e in order]
                in_place = sum(1 for j, a in enumerate(answers) if a == j)
                old = sum(1 for j, a in enumerate(answers) if a in seen.get(str(j), ()))
                return 10 * old + in_place + (1000 if shown == order and len(order) > 1 else 0)

            return TimelineQ(tuple(_best(order, rng, event_repeats)))
    return q

