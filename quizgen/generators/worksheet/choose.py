"""Choosing a worksheet's questions so that none gives another away (pure, randomness passed in).

`pick_content` chooses the questions of one sheet: matching and timeline exercises first (from the pairs
and events that clash with the fewest other questions), then the other types in turn. Every question is
checked against those already chosen with the leak checker (`leaks.py`); one that would give an answer
away, or be given away, is skipped for the next candidate. A few rounds with fresh orders are tried;
when none fills the sheet, a UsageError says how many questions can be made and names the items that
clash. Laying the questions out as versions is `variants.py`.
"""

from __future__ import annotations

import difflib
import random
import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TypeVar, assert_never

from quizgen import forms
from quizgen.bank.model import Bank, EntityType, Item, ItemKind, Lang, Text
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
    question_articles,
    question_items,
    question_label,
)
from quizgen.generators.worksheet.leaks import Leak, LeakChecker, closeness, near, sheet_note
from quizgen.generators.worksheet.sheet import Dropped, WorksheetOptions
from quizgen.japanese.normalise import normalise

ROUNDS = 8  # orders tried before giving up on a sheet without give-aways
SAMPLE = 300  # a round on a pool of more items than this (and than SAMPLE_PER_QUESTION per question) draws from
SAMPLE_PER_QUESTION = 10  # as many of them, taken at random: the work grows with the sheet, not the bank (hostile10)
PATIENCE = 2  # rounds in a row no closer to the count than the best so far, after which the rounds stop
_RANKED = 3 * EXERCISE_SIZE  # parts of a matching or timeline exercise ranked by how much they clash (a sample)
_SHOWN_LEFT_OFF = 20  # questions left off named in the refusal, one line each (a screenful)
_HEAVY_CLASH = 2  # a matching pair that would keep more questions than this off the sheet is left out, if it can be

Content = dict[Exercise, list[Question]]


@dataclass(frozen=True)
class Supply:
    """What a selection can supply for the exercises made of several parts."""

    people: int  # distinct persons with a role (matching pairs)
    events: int  # distinct dates among the dated events (timeline parts)

    def exercises(self, t: Exercise) -> int:
        n = self.people if t is Exercise.MATCHING else self.events
        return 0 if n < MIN_EXERCISE else max(1, n // EXERCISE_SIZE)

    def describe(self, t: Exercise) -> str:
        if t is Exercise.MATCHING:
            return (f"{self.people} {'person' if self.people == 1 else 'people'} with a title in the selected articles "
                    f"(a matching exercise takes {MIN_EXERCISE} to {EXERCISE_SIZE}, each person once per sheet)")
        return (f"{self.events} dated event{'' if self.events == 1 else 's'} with distinct dates "
                f"(a timeline exercise takes {MIN_EXERCISE} to {EXERCISE_SIZE}, each event once per sheet)")


def supply(bank: Bank, items: Sequence[Item]) -> Supply:
    articles = tuple(dict.fromkeys(a for i in items for a in i.articles))
    people = {p.key.split("@")[0] for p in forms.role_pairs(bank, articles)} if articles else set()
    dates = {e.when for e in forms.timeline(timeline_items(items)) if not dates_itself(e)}
    # 2024 and 2024-05 cannot both be in one exercise: at most the most precise dates of each chain
    leaves = {d for d in dates if not any(o != d and o.startswith(d) for o in dates)}
    return Supply(len(people), len(leaves))


@dataclass
class _Swaps:
    """Whether an item's false twin swaps the actors (`swaps_actors`), remembered per item for every round of a
    sheet."""

    bank: Bank
    actors: Mapping[str, str] | None = None  # `actor_names`, made when first needed
    known: dict[str, bool] = field(default_factory=dict)  # by item id

    def __call__(self, item: Item) -> bool:
        known = self.known.get(item.id)
        if known is None:
            if self.actors is None:
                self.actors = actor_names(self.bank)
            known = self.known[item.id] = swaps_actors(item, self.actors)
        return known


@dataclass
class _Roles:
    """The bank's people with their titles as a matching exercise prints them (`forms.neutral_pairs`), made once for
    every round of a sheet: by the articles asked for, every article's (`decoys`) and each person's titles
    (`person_titles`)."""

    bank: Bank
    by_articles: dict[tuple[str, ...], tuple[Pair, ...]] = field(default_factory=dict)
    titles: dict[str, set[str]] | None = None

    def pairs(self, articles: tuple[str, ...] | None = None) -> tuple[Pair, ...]:
        """`forms.neutral_pairs` of `forms.role_pairs` of `articles` (None: every article)."""
        key = articles if articles is not None else ("\x00all",)
        known = self.by_articles.get(key)
        if known is None:
            role = forms.role_pairs(self.bank, articles) if articles is not None else forms.role_pairs(self.bank)
            known = self.by_articles[key] = forms.neutral_pairs(self.bank, role)
        return known

    def person_titles(self) -> dict[str, set[str]]:
        if self.titles is None:
            self.titles = person_titles(self.bank, self.pairs())
        return self.titles


@dataclass
class _Made:
    """What `simple_question` makes without the random generator, made once for every round of a sheet (the rounds
    try one item as one type hundreds of times): a short answer or cloze question, by type and item, and the note
    beside an item's question, by item and type. Choice and true/false questions are made each time (their options
    and statement come from the round's random generator)."""

    bank: Bank
    lang: Lang
    choice: frozenset[str] = frozenset()  # the items asked as multiple choice only (`WorksheetOptions.choice`)
    questions: dict[tuple[Exercise, str], tuple[Item, Question | None]] = field(default_factory=dict)
    shorts: dict[str, tuple[Item, ShortQ]] = field(default_factory=dict)  # items asked as short answers, by id
    wrong: dict[str, tuple[Item, forms.Distractors]] = field(default_factory=dict)  # a choice's wrong answers before
    # the draw, by item id
    notes: dict[tuple[str, Exercise], tuple[Item, Text | None]] = field(default_factory=dict)

    def question(self, t: Exercise, item: Item, rng: random.Random, want_true: bool | None) -> Question | None:
        """`simple_question(t, self.bank, item, rng, self.lang, want_true)`; None for an item the teacher asks as
        multiple choice (`--choice`) in another type."""
        if (item.truefalse and t is not Exercise.TRUEFALSE) or (item.id in self.choice and t is not Exercise.CHOICE):
            return None
        if t is Exercise.SHORT or t is Exercise.CLOZE:
            return _memo(self.questions, (t, item.id), item,
                         lambda: _question(t, self.bank, item, rng, self.note(item, t), want_true))
        prepared = None
        if t is Exercise.CHOICE:
            prepared = _memo(self.wrong, item.id, item, lambda: forms.Distractors.of(self.bank, item))
        return _question(t, self.bank, item, rng, self.note(item, t), want_true, prepared)

    def short(self, item: Item) -> ShortQ:
        """`item` asked as a short answer, with its note (what `_clash_count` counts against)."""
        return _memo(self.shorts, item.id, item, lambda: ShortQ(item, self.note(item, Exercise.SHORT)))

    def note(self, item: Item, t: Exercise) -> Text | None:
        return _memo(self.notes, (item.id, t), item, lambda: sheet_note(self.bank, item, self.lang, t))


_K = TypeVar("_K")
_V = TypeVar("_V")


def _memo(cache: dict[_K, tuple[Item, _V]], key: _K, item: Item, make: Callable[[], _V]) -> _V:
    """`cache[key]` if it was made for this very `item` (a bank read again under the same ids holds new items), else
    `make()`, kept there."""
    known = cache.get(key)
    if known is None or known[0] is not item:
        known = cache[key] = (item, make())
    return known[1]


@dataclass
class _Picking:
    """One round of choosing: the ordered pool, what is chosen, what is used up, what clashed."""

    bank: Bank
    pool: list[Item]
    rng: random.Random
    lang: Lang
    checker: LeakChecker
    content: Content
    swaps: _Swaps  # whether an item's false twin swaps the actors
    roles: _Roles  # the bank's people and titles
    made_once: _Made  # the questions and notes made without the random generator
    used: set[str] = field(default_factory=set)  # ids of the items some question already uses
    people: set[str] = field(default_factory=set)  # persons some matching exercise already shows
    blocked: list[tuple[Question, Leak | Question]] = field(default_factory=list)  # each candidate kept off the sheet
    # with its leak, or the chosen question it clashes with (the leak made only if asked for: `clashes`)
    rejected: list[Question] = field(default_factory=list)  # those candidates (one per content), for the refusal
    turned_away: set[str] = field(default_factory=set)  # content keys (`LeakChecker.content`) of those candidates
    notes: list[Dropped] = field(default_factory=list)  # the exercise types asked for that are not on the sheet
    articles: list[str] = field(default_factory=list)  # the sources the sheet lists so far
    voices: Counter[str] = field(default_factory=Counter)  # the chosen questions' items by `opinion_voice` (`_take_one`)
    drawn: list[frozenset[tuple[str, int, int]]] = field(default_factory=list)  # the passages the chosen one-item
    # questions draw on, those with a known sentence (`_take_one`)
    relaxed: int = 0  # how many steps of `_pick_simple` gave way (0: every rule kept; else `crowding` ranks rounds)
    dead: dict[Exercise, set[str]] = field(default_factory=dict)  # by type: ids of the items whose question is made
    # without the random generator (short, cloze; none for an item asked as true/false only) and was turned away, or
    # is none, this round (`_take_one` skips them: the sheet only grows, so they would be turned away again)

    @property
    def chosen(self) -> list[Question]:
        return [q for qs in self.content.values() for q in qs]

    @property
    def clashes(self) -> list[Leak]:
        """The leaks that kept a candidate off the sheet, in turn."""
        return [found if isinstance(found, Leak) else self.checker.between(q, found)[0] for q, found in self.blocked]

    def leak(self, q: Question) -> Leak | None:
        """The first thing `q` would give away or be given away by (the questions chosen, then the source list once
        `q`'s sources join it), or None."""
        found = self._blocker(q)
        return self.checker.between(q, found)[0] if found is not None and not isinstance(found, Leak) else found

    def _blocker(self, q: Question) -> Leak | Question | None:
        """`leak`, or the first chosen question `q` clashes with, whose leak is not made."""
        other = self.checker.first_clash(q, self.chosen)
        if other is not None:
            return other
        new = [a for a in question_articles(q) if a not in self.articles]
        found = self.checker.in_sources(q, [*self.articles, *new])
        if found:
            return found[0]
        for other in self.chosen if new else ():
            found = self.checker.in_sources(other, new)
            if found:
                return found[0]
        return None

    def take(self, t: Exercise, q: Question) -> bool:
        """Put `q` on the sheet unless it clashes with a question already there. A question turned away stays
        away for the round (the sheet only grows), as does any alike but for its item's id: neither is compared
        again."""
        content = self.checker.content(q)
        if content in self.turned_away:
            return False
        found = self._blocker(q)
        if found is not None:
            self.blocked.append((q, found))
            self.rejected.append(q)
            self.turned_away.add(content)
            return False
        self.content[t].append(q)
        self.used.update(i.id for i in question_items(q))
        self.voices.update(v for i in question_items(q) if (v := opinion_voice(i)))
        self.articles.extend(a for a in question_articles(q) if a not in self.articles)
        if t in SIMPLE_EXERCISES:
            self.drawn.extend(p for i in question_items(q) if (p := self.checker.passage(i)))
        if isinstance(q, MatchingQ):
            self.people.update(p.key.split("@")[0] for p in q.lefts)
        return True

    def crowding(self, count: int) -> int:
        """How far the sheet breaks the rules `_pick_simple` gives way on: questions of one voice over `opinion_cap`,
        pairs of one-item questions on one passage, true/false over `truefalse_cap` (all types counted), "who did it"
        twins (`swaps_actors`) past the first."""
        chosen = self.chosen
        voices = Counter(v for q in chosen for v in dict.fromkeys(opinion_voice(i) for i in question_items(q)) if v)
        over = sum(max(0, n - opinion_cap(count)) for n in voices.values())
        single = [p for q in chosen if isinstance(q, (ShortQ, ChoiceQ, TrueFalseQ, ClozeQ))
                  if (p := self.checker.passage(question_items(q)[0]))]  # none `near` one without a known sentence
        shared = sum(closeness(a, b) for k, a in enumerate(single) for b in single[k + 1:])
        simple = sum(1 for t in self.content if t in SIMPLE_EXERCISES)
        tf = max(0, len(self.content.get(Exercise.TRUEFALSE, ())) - truefalse_cap(count, simple)) if simple > 1 else 0
        tricks = sum(self.swaps(q.tf.item) for q in self.content.get(Exercise.TRUEFALSE, ()) if isinstance(q, TrueFalseQ))
        return 3 * over + 2 * shared + tf + 3 * max(0, tricks - 1)

    @property
    def made(self) -> int:
        return sum(len(v) for v in self.content.values())


def pick_content(bank: Bank, items: Sequence[Item], options: WorksheetOptions, rng: random.Random,
                 texts: Mapping[str, str] | None = None, suggest: bool = True) -> tuple[Content, list[Dropped]]:
    """The questions of one sheet, by type, none giving another away, and notes on what could not be built
    as asked. A UsageError when the selection cannot fill `options.count` questions (with `suggest`, naming
    the items to leave out and the {count} that then fits, tried first)."""
    composite = [t for t in options.types if t in COMPOSITE_EXERCISES]
    simple = [t for t in options.types if t in SIMPLE_EXERCISES]
    if not simple:
        _check_composite_supply(supply(bank, items), composite, options.count)
    checker, swaps, roles = LeakChecker(bank, options.lang, texts), _Swaps(bank), _Roles(bank)
    made = _Made(bank, options.lang, frozenset(options.choice))
    checker.expect(items)
    best = _rounds(bank, items, options, rng, checker, swaps, roles, made)
    if best.made == options.count:
        return {t: qs for t, qs in best.content.items() if qs}, best.notes
    # a matching or timeline exercise can keep too many items off the sheet: fill it with the other types
    # instead (saying so) rather than refuse a sheet they can make
    drops = [(t,) for t in _by_cost(best, composite)] + ([tuple(composite)] if len(composite) > 1 else []) \
        if simple else []
    most = best
    for dropped in drops:
        fewer = replace(options, types=tuple(t for t in options.types if t not in dropped))
        picking = _rounds(bank, items, fewer, rng, checker, swaps, roles, made)
        if picking.made == options.count:
            notes = [*picking.notes, *(_left_out(t, best.made, options.count) for t in dropped)]
            return {t: qs for t, qs in picking.content.items() if qs}, notes
        most = picking if picking.made > most.made else most
    # the most any attempt made: a smaller --count is judged the same way
    raise _too_few(most, options, _fitting(bank, items, most, options, texts) if suggest else None)


@dataclass(frozen=True)
class _Fit:
    """Options that make a sheet of what the closest attempt placed: {exclude_ids} or {ids} (the shorter), {count}."""

    flag: str
    ids: tuple[str, ...]
    count: int
    seed: int

    def spelled(self) -> str:
        return f"{{{self.flag}}} {','.join(self.ids)} {{count}} {self.count} {{seed}} {self.seed}"


def _fitting(bank: Bank, items: Sequence[Item], best: _Picking, options: WorksheetOptions,
             texts: Mapping[str, str] | None) -> _Fit | None:
    """The selection less every item the closest attempt left off, and the count it fills, as the same command
    with these options would build it (the same seed: tried here), or None when it does not."""
    placed = {i.id for q in best.chosen for i in question_items(q)}
    kept = [i for i in items if i.id in placed]
    count = min(best.made, len(kept))
    if count < 1 or options.seed is None:
        return None
    try:
        pick_content(bank, kept, replace(options, count=count), random.Random(options.seed), texts, suggest=False)
    except UsageError:
        return None
    left = tuple(i.id for i in items if i.id not in placed)
    ids = tuple(i.id for i in kept)
    return _Fit("exclude_ids", left, count, options.seed) if len(",".join(left)) <= len(",".join(ids)) else \
        _Fit("ids", ids, count, options.seed)


def _rounds(bank: Bank, items: Sequence[Item], options: WorksheetOptions, rng: random.Random,
            checker: LeakChecker, swaps: _Swaps, roles: _Roles, made: _Made) -> _Picking:
    """The first of `ROUNDS` rounds that fills the sheet keeping every rule of `_pick_simple`, else the full one that
    gave way least (review 9, s3: the first full round was taken, however much it gave way), else the one that came
    closest. Rounds stop early once
    `PATIENCE` rounds in a row came no closer than the best so far: a selection that plateaus short of the count
    (a timeline keeping the dated questions off the sheet) is not filled by more orders, and the caller then
    tries the sheet without that exercise."""
    best: _Picking | None = None
    stale = 0
    for _ in range(ROUNDS):
        picking = _round(bank, items, options, random.Random(rng.getrandbits(64)), checker, swaps, roles, made)
        if picking.made == options.count and picking.relaxed == 0:
            return picking
        if best is None or (picking.made, -picking.crowding(options.count)) > (best.made, -best.crowding(options.count)):
            best, stale = picking, 0
        else:
            stale += 1
            if stale == PATIENCE and best.made < options.count:
                break
    assert best is not None
    return best


def _by_cost(picking: _Picking, composite: list[Exercise]) -> list[Exercise]:
    """The matching and timeline exercises of `picking`, the one that kept the most questions off the sheet first
    (the first to leave out when the sheet cannot be filled with both); ties keep the asked order."""
    def cost(t: Exercise) -> int:
        labels = {question_label(q) for q in picking.content.get(t, [])}
        return sum(leak.giver in labels or leak.taker in labels for leak in picking.clashes)
    return sorted(composite, key=lambda t: -cost(t))


def _left_out(t: Exercise, made: int, count: int) -> Dropped:
    return Dropped(t, f"with one, only {made} of the {count} questions could be made without one giving another away")


def _round(bank: Bank, items: Sequence[Item], options: WorksheetOptions, rng: random.Random,
           checker: LeakChecker, swaps: _Swaps, roles: _Roles, made: _Made) -> _Picking:
    pool = list(items)
    rng.shuffle(pool)
    limit = max(SAMPLE, SAMPLE_PER_QUESTION * options.count)
    if len(pool) > limit:  # a big bank: this round draws from `limit` of its items, taken at random
        pool = pool[:limit]
        sampled = {i.id for i in pool}
        items = [i for i in items if i.id in sampled]
    picking = _Picking(bank, pool, rng, options.lang, checker, {t: [] for t in Exercise if t in options.types}, swaps,
                       roles, made)
    simple = [t for t in options.types if t in SIMPLE_EXERCISES]
    composite = [t for t in options.types if t in COMPOSITE_EXERCISES]
    quota = _composite_quota(composite, options.count, bool(simple))
    for t in composite:
        for _ in range(quota[t]):
            others = options.count - picking.made - 1 if simple else None
            if not _pick_composite(picking, items, t, others):
                picking.notes.append(_cannot(t))
                break
    _pick_simple(picking, options.count, simple)
    return picking


def _composite_quota(composite: list[Exercise], count: int, with_simple: bool) -> dict[Exercise, int]:
    """Matching and timeline: one exercise each beside other types; alone, `count` sets how many."""
    quota = {t: 0 for t in composite}
    if with_simple:
        for t in composite[:count]:
            quota[t] = 1
    else:
        for k in range(count):
            quota[composite[k % len(composite)]] += 1
    return quota


def _check_composite_supply(have: Supply, composite: list[Exercise], count: int) -> None:
    """Only matching/timeline asked for: say exactly what the selection can supply when it is too little."""
    can = sum(have.exercises(t) for t in composite)
    if can >= count:
        return
    parts = "; ".join(f"{have.exercises(t)} {t.value} exercise{'' if have.exercises(t) == 1 else 's'} "
                      f"from {have.describe(t)}" for t in composite)
    raise UsageError(f"{{count}} {count} asks for {count} {'/'.join(composite)} exercises, but this selection supplies "
                     f"{can}: {parts}. Use {{count}} {can} or fewer"
                     f"{'' if can else ' (none can be made)'}, widen the selection, or add other {{types}}",
                     names=["count", "types"])


def _cannot(t: Exercise) -> Dropped:
    if t is Exercise.TIMELINE:
        return Dropped(t, f"fewer than {MIN_EXERCISE} events with distinct dates are left that no other question on "
                          "the sheet dates")
    if t is Exercise.MATCHING:
        return Dropped(t, f"fewer than {MIN_EXERCISE} people with a title are left that no other question on the "
                          "sheet names with that title")
    raise AssertionError(t)  # pragma: no cover


def _pick_composite(picking: _Picking, items: Sequence[Item], t: Exercise, others: int | None) -> bool:
    """One matching or timeline exercise, from the parts that clash with the fewest other candidates.
    `others` is how many other questions must still find items."""
    q: Question | None
    if t is Exercise.TIMELINE:
        q = _timeline_candidate(picking, others)
    elif t is Exercise.MATCHING:
        q = _matching_candidate(picking, items)
    else:
        raise AssertionError(f"{t} is not an exercise of several parts")
    return q is not None and picking.take(t, q)


def _rivals(picking: _Picking) -> list[tuple[ShortQ, int]]:
    """The unused items of the pool asked as short answers, one per content key (`LeakChecker.content`) with how many
    items share it: what `_clash_count` counts against."""
    rivals: dict[str, tuple[ShortQ, int]] = {}  # by content key: one of them, and how many
    for i in picking.pool:
        if i.id not in picking.used:
            r = picking.made_once.short(i)
            content = picking.checker.content(r)
            rivals[content] = (rivals[content][0] if content in rivals else r, rivals.get(content, (r, 0))[1] + 1)
    return list(rivals.values())


def _clash_count(picking: _Picking, q: Question, rivals: Sequence[tuple[ShortQ, int]]) -> int:
    """How many items of the pool (`_rivals`) a question would keep off the sheet (asked as short answers)."""
    return picking.checker.clash_count(q, rivals)


def _matching_candidate(picking: _Picking, items: Sequence[Item]) -> MatchingQ | None:
    articles = tuple(dict.fromkeys(a for i in items for a in i.articles))
    pairs = [p for p in picking.roles.pairs(articles)
             if p.key.split("@")[0] not in picking.people and picking.leak(MatchingQ((p,), (p,))) is None]
    picking.rng.shuffle(pairs)
    rivals = _rivals(picking)
    clashes = {p.key: _clash_count(picking, MatchingQ((p,), (p,)), rivals) for p in pairs[:_RANKED]}
    ranked = sorted(pairs[:_RANKED], key=lambda p: clashes[p.key]) + pairs[_RANKED:]
    chosen = one_pairing(forms.matching_set(ranked, None, len(ranked)), picking.roles.person_titles())[:EXERCISE_SIZE]
    while len(chosen) > MIN_EXERCISE and clashes.get(chosen[-1].key, 0) > _HEAVY_CLASH:
        chosen = chosen[:-1]  # a person every other question names (イワノフ) is worth fewer pairs, not the sheet
    if len(chosen) < MIN_EXERCISE:
        return None
    return matching_q(chosen, picking.rng, decoys(picking.bank, chosen, picking.rng, lang=picking.lang,
                                                    everyone=picking.roles.pairs()))


DECOYS = 2  # titles beside a matching exercise's that belong to none of its people: the last pair is not free


SAME_KIND_DECOYS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("首相", "Prime Minister", frozenset({"putin"})),
    ("国防相", "Defence Minister", frozenset({"shoigu"})),
    ("副首相", "Deputy Prime Minister", frozenset()),
    ("国務委員", "State Councillor", frozenset({"wang-yi"})),
)
"""Spare titles of the kind the bank's people hold (heads of state and government, ministers), for a bank with
too few titles of its own. Each names the people of the bank who really held it, beside whom it is never
printed (Putin was prime minister, Shoigu defence minister, Wang Yi state councillor): a spare title fits
nobody on the left, yet nobody can be ruled out as absurd. Review 5 (s2, s5): 中央銀行総裁, 報道官 and 財務相
fitted nobody in the articles, so the pairs fell out by elimination."""


def decoys(bank: Bank, pairs: Sequence[Pair], rng: random.Random, n: int = DECOYS,
           lang: Lang = Lang.BOTH, everyone: Sequence[Pair] | None = None) -> tuple[Pair, ...]:
    """`n` titles of other people in the bank (any article), none a title any person of `pairs` has anywhere, none
    a title of anyone who also holds one of the exercise's titles somewhere (another name for the same post) and
    none the same as another option (in a language the sheet prints), so that a student who knows all but one
    pair still has to choose (review 2, s2: three people and three titles, ゼレンスキー → 大統領 left over). Where
    the bank has too few, titles of the same kind (`SAME_KIND_DECOYS`). Fewer where there are fewer."""
    people = {p.key.split("@")[0] for p in pairs}
    shown = [lg for lg in ("ja", "en") if lang in (Lang.BOTH, Lang(lg))]
    if everyone is None:  # every article's pairs (a selection passes those it made once: `_Roles`)
        everyone = forms.neutral_pairs(bank, forms.role_pairs(bank))
    taken = {normalise(getattr(p.right, lg)) for p in [*pairs, *everyone] if p.key.split("@")[0] in people
             for lg in shown}
    held: dict[str, set[str]] = {}  # every person's titles in any article
    for p in everyone:
        held.setdefault(p.key.split("@")[0], set()).update(normalise(getattr(p.right, lg)) for lg in shown)
    answers = {normalise(getattr(p.right, lg)) for p in pairs for lg in shown}
    taken |= {t for titles in held.values() if titles & answers for t in titles}  # review 16, s5b: 王毅 is 外相
    # in one article and 外交トップ / トップ外交官 in others, so beside ラブロフ → 外相 those two are arguable
    pool = [p for p in everyone if p.key.split("@")[0] not in people]
    rng.shuffle(pool)
    same_kind = [Pair(f"decoy-{en.lower().replace(' ', '-')}@", Text("", ""), Text(ja, en), "", "")
                 for ja, en, held in SAME_KIND_DECOYS if not held & people]
    rng.shuffle(same_kind)
    pool += same_kind  # the bank's own titles first; a small bank (4 titles) needs these
    out: list[Pair] = []
    for p in pool:
        keys = {normalise(getattr(p.right, lg)) for lg in shown}
        if len(out) >= n or keys & taken or len(normalise(p.right.ja)) < 2:
            continue
        taken |= keys
        out.append(p)
    return tuple(out)


def person_titles(bank: Bank, everyone: Sequence[Pair] | None = None) -> dict[str, set[str]]:
    """Every title (as a matching exercise prints it, in both languages) each person has in any article (`everyone`:
    `forms.neutral_pairs` of every article's pairs, where the caller has them)."""
    out: dict[str, set[str]] = {}
    for p in everyone if everyone is not None else forms.neutral_pairs(bank, forms.role_pairs(bank)):
        out.setdefault(p.key.split("@")[0], set()).update({normalise(p.right.ja), normalise(p.right.en)})
    return out


def one_pairing(pairs: Sequence[Pair], titles: Mapping[str, set[str]]) -> tuple[Pair, ...]:
    """The pairs, in order, leaving out any whose title another person of the exercise also has in some article
    (or whose person also has another's title): 王毅 is 外交トップ in one article and 外相 in another, so he and
    ラブロフ (外相) in one exercise would give two right pairings."""
    chosen: list[Pair] = []
    for p in pairs:
        person, right = p.key.split("@")[0], {normalise(p.right.ja), normalise(p.right.en)}
        if any(right & titles.get(c.key.split("@")[0], set()) or
               {normalise(c.right.ja), normalise(c.right.en)} & titles.get(person, set()) for c in chosen):
            continue
        chosen.append(p)
    return tuple(chosen)


def _timeline_candidate(picking: _Picking, others: int | None) -> TimelineQ | None:
    fresh = [i for i in picking.pool if i.id not in picking.used]
    # leave enough items for the other questions: the exercise shrinks before they run short
    spare = len(fresh) - others if others is not None else len(fresh)
    events = [e for e in forms.timeline(timeline_items(fresh))
              if not dates_itself(e) and picking.leak(TimelineQ((e,))) is None]
    picking.rng.shuffle(events)
    rivals = _rivals(picking)
    ranked = sorted(events[:_RANKED], key=lambda e: _clash_count(picking, TimelineQ((e,)), rivals)) + events[_RANKED:]
    chosen = forms.timeline_set(ranked, None, min(EXERCISE_SIZE, spare), max_items=spare)
    if len(chosen) < MIN_EXERCISE:
        return None
    return timeline_q(chosen, picking.rng)


_SELF_DATED = re.compile(r"[0-9０-９一二三四五六七八九十]+(?:周年|年|か月|ヶ月|カ月)|周年|anniversary|\b(?:19|20)[0-9]{2}\b",
                         re.IGNORECASE)


def dates_itself(event: TimelineEvent) -> bool:
    """Whether an event's text gives its place in time away (侵攻3周年に…, 2024年の…): no timeline part."""
    return any(_SELF_DATED.search(t) for t in (event.event.ja, event.event.en))


def _pick_simple(picking: _Picking, count: int, simple: list[Exercise]) -> None:
    """The rest of `count` from the simple exercises, taking turns, skipping candidates that clash. Each rule gives
    way only when no type can keep it (review 9, s3: the one-commentator cap and the passage rule gave way per type,
    so a type with nothing else left took a fifth Ivanov question or a neighbouring bullet while others had more):
    first true/false at most `truefalse_cap` of a sheet of several types, one commentator at most `opinion_cap`,
    no question on a passage a chosen one draws on; then true/false without its cap; then a passage shared with one
    question (true/false capped first); then any passage; then a second "who did it" true/false twin
    (`swaps_actors`); then one more of a commentator, then any (a selection of too few voices). The twin rule
    is held so (review 10, s5: it only sorted such twins after those on a fresh passage, so a sheet took three);
    `crowding` names what gave way. The cap on one voice holds over the passage rule: a sheet of one
    commentator's views misleads, two questions on neighbouring sentences only waste a slot."""
    cap = opinion_cap(count)
    tf_most = truefalse_cap(count, len(simple)) if Exercise.TRUEFALSE in simple and len(simple) > 1 else None
    steps: list[tuple[int | None, int | None, int | None, bool]] = [
        (cap, 0, tf_most, True), (cap, 0, None, True), (cap, 1, tf_most, True), (cap, 1, None, True),
        (cap, None, None, True), (cap, None, None, False), (cap + 1, 0, None, False), (cap + 1, None, None, False),
        (None, None, None, False)]
    for step, (voices, most, tfs, one_trick) in enumerate(steps):
        if picking.made < count:
            picking.relaxed = step
        rotation = list(simple)
        turn = 0
        while picking.made < count and rotation:
            t = rotation[turn % len(rotation)]
            full = t is Exercise.TRUEFALSE and tfs is not None and len(picking.content.get(t, ())) >= tfs
            if not full and _take_one(picking, t, voices, most, one_trick):
                turn += 1
            else:
                rotation.remove(t)


def truefalse_cap(count: int, types: int = 3) -> int:
    """How many questions of a sheet of `count` made for `types` one-item types may be true/false while items with other
    forms of the types asked for remain: about two fifths, or an even share where that is more (two types: half)
    (review 9, s3: 9 of 15 on an exam, where guessing is worth a lot)."""
    return max(1, count * 2 // 5, -(-count // max(1, types)))


def opinion_cap(count: int) -> int:
    """How many questions of a sheet of `count` may ask for the opinions of one source while others are left:
    a fifth, at least one (review 4: 7 of 20 questions were one commentator's views; review 8, s3: 5 of 15 on an
    exam under the old third, where a teacher wants 2-3)."""
    return max(1, count // 5)


def actor_names(bank: Bank) -> dict[str, str]:
    """The Japanese names of the bank's people and countries (and 中国側/ロシア側-style sides), longest first, each
    with its entity's id (プーチン大統領 and プーチン氏 are one actor)."""
    names = {n: e.id for e in bank.entities if e.type in (EntityType.PERSON, EntityType.COUNTRY)
             for n in (e.ja, *e.aliases) if len(n) >= 2 and not n.isascii()}
    return {n: names[n] for n in sorted(names, key=len, reverse=True)}


_TITLES = re.compile(r"(?:氏|側|大統領|国家主席|主席|外相|首相|総理|国防相)*")
_ROLE = re.compile(r"との|から|より|へ|は|が|に|を|と|の|で")
_SAME_ROLE = {"が": "は"}  # the subject, whether topic or not


def actor_roles(text: str, actors: Mapping[str, str]) -> dict[str, set[str]]:
    """The actors `text` names (by entity id), each with the particles that follow its name and title: its roles in
    the sentence (は/が the subject, に, との, …; "" where none follows)."""
    out: dict[str, set[str]] = {}
    if not actors:
        return out
    # the first name, in `actors`' order, at the first place one starts: an alternation tries them so
    names = re.compile("|".join(map(re.escape, actors)))
    k = 0
    while (found := names.search(text, k)) is not None:
        k, name = found.start(), found.group()
        end = _TITLES.match(text, k + len(name))
        k = end.end() if end else k + len(name)
        role = _ROLE.match(text, k)
        particle = role.group() if role else ""
        out.setdefault(actors[name], set()).add(_SAME_ROLE.get(particle, particle))
    return out


def swaps_actors(item: Item, actors: Mapping[str, str]) -> bool:
    """Whether `item`'s false statement plays the "who did it" trick: the words it changes from the true statement
    name a person or country on both sides (中国 → ロシア, プーチン大統領 → 習近平国家主席, 中国はロシアに →
    ロシアが中国に), or the actors both statements name exchange a role, however the words move (review 10, s5:
    「プーチン大統領は王毅氏との会見で…要請した」 → 「王毅氏がプーチン大統領との会見で…申し出た」). The bank does not
    say what a false twin changes; this is the cheap reading of it (review 8, s1: 問4 and 問6 both swapped China and
    Russia as the speaker, and students spot the pattern)."""
    if item.statement is None or item.false_statement is None:
        return False
    true, false = item.statement.ja, item.false_statement.ja
    ops = difflib.SequenceMatcher(None, true, false, autojunk=False).get_opcodes()
    changed_true = "\x00".join(true[i1:i2] for op, i1, i2, _, _ in ops if op != "equal")
    changed_false = "\x00".join(false[j1:j2] for op, _, _, j1, j2 in ops if op != "equal")
    if any(a in changed_true for a in actors) and any(a in changed_false for a in actors):
        return True
    before, after = actor_roles(true, actors), actor_roles(false, actors)
    if set(before) - set(after) and set(after) - set(before):  # one actor put in another's place
        return True
    both = [a for a in before if a in after]
    return any(r in before[a] and r not in after[a] and r in after[b] and r not in before[b]
               for a in both for b in both if a != b for r in before[a] if r)


def opinion_voice(item: Item) -> str | None:
    """Whose opinion an item asks for: the source it is first quoted from, for a stance (an analysis, a view);
    None for a fact."""
    return item.evidence[0].article if item.kind is ItemKind.STANCE and item.evidence else None  # item.articles[0]


_FIXED = frozenset({Exercise.SHORT, Exercise.CLOZE})  # one-item types whose question takes nothing from the random
# generator: an item turned away as one stays away for the round (`_Picking.dead`)


def _other_side(questions: Sequence[tuple[int, Question]], true: bool) -> str:
    """Why a one-sided true/false section stayed so: no item has the other statement, or which of them do (newuser10:
    「the items have no false statement」 was said of three items, one of which had one)."""
    other = "false" if true else "true"
    having = [f"問{n}" for n, q in questions if isinstance(q, TrueFalseQ)
              and (q.tf.item.false_statement if true else q.tf.item.statement) is not None]
    if not having:
        return f"the items have no {other} statement to print instead"
    return (f"{', '.join(having)} {'has' if len(having) == 1 else 'have'} a {other} statement too, but the sheet printed "
            f"the {'true' if true else 'false'} one; another --seed, or a {other} statement written for the other items, "
            "changes that")


def _take_one(picking: _Picking, t: Exercise, cap: int | None = None, most: int | None = None,
              one_trick: bool = False) -> bool:
    """One question of type `t` from the first item of the pool that makes one without a clash; with `cap`, none
    from a source whose opinions `cap` questions already ask for (the caller tries again without it, so a
    selection of one commentator still fills its sheet); with `most`, none on a passage that more than `most` chosen
    questions draw on (the caller tries every type so before it gives way: review 8, s3 took three choice and
    true/false questions from three sentences in a row because that type had nothing else left)."""
    voices = picking.voices
    tf = [q.tf.is_true for q in picking.content.get(Exercise.TRUEFALSE, ()) if isinstance(q, TrueFalseQ)]
    want_true = tf.count(True) <= tf.count(False)  # true and false statements in turn, where items have both
    passage = picking.checker.passage
    drawn = picking.drawn  # an empty passage is near none
    drawn_on = frozenset().union(*drawn)
    swapped = any(picking.swaps(q.tf.item) for q in picking.content.get(Exercise.TRUEFALSE, ())
                  if isinstance(q, TrueFalseQ))

    counted: dict[frozenset[tuple[str, int, int]], int] = {}  # by passage: items quoting alike are counted once

    def on_passage(item: Item) -> int:  # how many chosen questions draw on its passage (`leaks.near`): fewest first
        marks = passage(item)
        known = counted.get(marks)
        if known is None:
            known = counted[marks] = 0 if not drawn_on or not near(drawn_on, marks) else sum(closeness(d, marks) for d in drawn)
        return known

    used = picking.used
    fixed = t in _FIXED
    dead = picking.dead.setdefault(t, set())
    pool = [i for i in picking.pool if i.id not in used and i.id not in dead]  # the order of the rest is the same
    if t is Exercise.TRUEFALSE:  # a second "who did it" twin last, then items that can give the wanted statement first
        pool = _truefalse_order(pool, on_passage if drawn_on else None, picking.swaps if swapped else None, want_true)
    else:
        spare = _false_to_spare(picking, pool)
        if drawn_on or spare:
            pool = sorted(pool, key=lambda i: (on_passage(i) if drawn_on else 0, spare and i.false_statement is not None))
    def barred(item: Item) -> bool:  # by the rules this step keeps (`cap`, `most`, `one_trick`)
        return (most is not None and on_passage(item) > most) or \
            (one_trick and swapped and t is Exercise.TRUEFALSE and picking.swaps(item)) or \
            (cap is not None and (voice := opinion_voice(item)) is not None and voices[voice] >= cap)

    for item in pool:
        if barred(item):
            continue
        q = picking.made_once.question(t, item, picking.rng, want_true)
        if q is not None and picking.take(t, q):
            return True
        if fixed or (q is None and item.truefalse and t is not Exercise.TRUEFALSE):  # made the same every time (no
            dead.add(item.id)  # draw): turned away for the rest of the round
    return False


def _false_to_spare(picking: _Picking, pool: Sequence[Item]) -> bool:
    """Whether another type should leave the items with a false statement to the true/false section: it is asked for,
    and the pool holds no more of them than the section would take (newuser14: a one-article sheet put both items
    with a false statement in the choice section, and every true/false answer was ○ on 40 seeds)."""
    tf = picking.content.get(Exercise.TRUEFALSE)
    if tf is None:
        return False
    false = sum(1 for i in pool if i.false_statement is not None)
    crosses = sum(1 for q in tf if isinstance(q, TrueFalseQ) and not q.tf.is_true)
    return 0 < false <= max(2, len(picking.pool) // 3) and crosses < 2


def _too_few(best: _Picking, options: WorksheetOptions, fit: _Fit | None) -> UsageError:
    """The refusal, made to act on (newuser2 #6: it named 4 clashes "and 23 more", found by trial with --exclude):
    every question the closest attempt left off for a give-away, one line each with all it clashes with on that
    sheet (the first `_SHOWN_LEFT_OFF`), and the options that make the sheet of the rest (`_fitting`)."""
    names = ", ".join(t.value for t in options.types)
    notes = "".join(f" ({n.note})" for n in dict.fromkeys(best.notes))
    tf_only = sum(1 for i in best.pool if i.truefalse)
    if tf_only and Exercise.TRUEFALSE not in options.types:
        notes += (f" ({tf_only} item{'s' if tf_only != 1 else ''} of the selection {'are' if tf_only != 1 else 'is'} "
                  "asked as true/false only: add truefalse to {types})")
    simple = [t for t in options.types if t in SIMPLE_EXERCISES]
    formed = sum(1 for i in best.pool if any(askable(t, best.bank, i, best.lang) for t in simple))
    if simple and len(simple) == len(options.types) and formed <= best.made:  # hostile29: no item had a cloze form,
        # and the refusal blamed give-aways
        have = "no item" if not formed else f"only {formed} item{'s' if formed != 1 else ''}"
        head = (f"only {best.made} questions of the types {names} can be made from this selection: {have} of it can be "
                f"asked as {' or '.join(t.value for t in simple)} ({options.count} asked for){notes}; use a smaller "
                "{count}, widen the selection or add {types}.")
    else:
        head = (f"only {best.made} questions of the types {names} can be made from this selection without one "
                f"giving another away ({options.count} asked for){notes}; use a smaller {{count}}, widen the "
                f"selection or add {{types}}.")
    left = _left_off(best)
    if not left:
        return UsageError(head, names=["count", "types"])
    lines = [f"  {label}: " + "; ".join(found) for label, found in list(left.items())[:_SHOWN_LEFT_OFF]]
    if len(left) > _SHOWN_LEFT_OFF:
        lines.append(f"  … and {len(left) - _SHOWN_LEFT_OFF} more")
    take = "" if fit is None else f"\nTo make a sheet of the {fit.count} questions that fit, add: {fit.spelled()}"
    matchings = sum(isinstance(q, MatchingQ) for q in best.chosen)
    if fit is not None and fit.count < best.made and matchings:  # review 12, s4: 「only 10 … can be made」, then
        # 「the 9 questions that fit」: a matching exercise draws on names, not on items of the selection
        some = (f"one of the {best.made} was a matching exercise" if matchings == 1
                else f"{matchings} of the {best.made} were matching exercises")
        take += (f" (not {best.made}: {some}, drawn on names, and a selection of {fit.count} item"
                 f"{'s' if fit.count != 1 else ''} holds at most {fit.count} question{'s' if fit.count != 1 else ''})")
    return UsageError(f"{head}\nLeft off because they would give another question away or be given away (fix or "
                      f"discard them in `quizgen review`, or leave them out):\n" + "\n".join(lines) + take,
                      names=["count", "types", "exclude_ids", "ids", "seed"])


def _left_off(best: _Picking) -> dict[str, list[str]]:
    """Each question the attempt turned away and never put on the sheet in another form, by label: every
    give-away between it and the sheet's questions and source list, as `Leak.describe` says it."""
    chosen = best.chosen
    on_sheet = {best.checker.content(q) for q in chosen}
    placed = {i.id for q in chosen for i in question_items(q)}
    out: dict[str, list[Leak]] = {}
    for q in best.rejected:
        if best.checker.content(q) in on_sheet or all(i.id in placed for i in question_items(q)):
            continue
        leaks = [leak for other in chosen for leak in best.checker.between(q, other)]
        leaks += best.checker.in_sources(q, best.articles)
        out.setdefault(question_label(q), []).extend(leaks)
    return {label: said for label, leaks in out.items() if (said := _once_per_pair(leaks))}


def _once_per_pair(leaks: Sequence[Leak]) -> list[str]:
    """Each conflict once per pair of items (review 10, s4(f): 「a002-lavrov-met-xi's cloze shows 「外相」…;
    a002-lavrov-met-xi's prompt shows 「外相」…」, its cloze and short forms both turned away): the texts of one
    question that show one answer named together, 「a002-lavrov-met-xi's cloze and prompt show 「外相」, the answer to …」."""
    wheres: dict[Leak, list[str]] = {}
    for leak in leaks:
        seen = wheres.setdefault(replace(leak, where=""), [])
        if leak.where not in seen:
            seen.append(leak.where)
    said = [replace(leak, where=" and ".join(w for w in where if w)).describe() for leak, where in wheres.items()]
    return list(dict.fromkeys(said))


def _truefalse_order(pool: list[Item], on_passage: Callable[[Item], int] | None, swaps: Callable[[Item], bool] | None,
                     want_true: bool) -> list[Item]:
    """`pool` for a true/false question: fewest chosen questions on its passage first (`on_passage`; None: none
    drawn on), then not a second "who did it" twin (`swaps`; None: no twin chosen), then items that can give the
    wanted statement. A part of the key the same for every item is left out: the order is the same."""
    def missing(i: Item) -> bool:
        return (i.statement if want_true else i.false_statement) is None

    if on_passage is not None:
        return sorted(pool, key=lambda i: (on_passage(i), swaps is not None and swaps(i), missing(i)))
    if swaps is not None:
        return sorted(pool, key=lambda i: (swaps(i), missing(i)))
    return sorted(pool, key=missing)


def timeline_items(items: Sequence[Item]) -> list[Item]:
    """The items a timeline exercise may date: not those asked as true/false (they are asked so only)."""
    return [i for i in items if not i.truefalse]


def refuse_choices(bank: Bank, items: Sequence[Item], ids: Sequence[str]) -> None:
    """Refuse a `--choice` id that is no item of the selection, or whose item has too few wrong answers for a
    multiple-choice question (it would then be on no sheet)."""
    chosen = {i.id: i for i in items}
    for item_id in ids:
        item = chosen.get(item_id)
        if item is None:
            where = "an item of the bank, but not of this sheet's selection" if item_id in bank.item_by_id else "no item"
            raise UsageError(f"{{choice}} {item_id}: {where} (`quizgen topics --items` lists them)", names=["choice"])
        if item.truefalse:
            raise UsageError(f"{{choice}} {item_id}: the item is asked as true/false only (form: truefalse)",
                             names=["choice"])
        if forms.multiple_choice(bank, item, random.Random(0)) is None:
            raise UsageError(f"{{choice}} {item_id}: the item has too few wrong answers for a multiple-choice question "
                             "(3 are needed); give it distractors in the bank, or leave it out of {choice}",
                             names=["choice"])


def askable(t: Exercise, bank: Bank, item: Item, lang: Lang) -> bool:
    """Whether `item` has the form of the one-item exercise `t` (`simple_question`), whatever else is on the sheet."""
    return simple_question(t, bank, item, random.Random(0), lang) is not None


def simple_question(t: Exercise, bank: Bank, item: Item, rng: random.Random, lang: Lang,
                    want_true: bool | None = None) -> Question | None:
    """`item` as a question of the one-item exercise `t` (None when the item has no such form; an item asked as
    true/false has that form only), with the note it may show on the sheet. `want_true` picks a true/false
    item's true or false statement where it has both (None: at random)."""
    if item.truefalse and t is not Exercise.TRUEFALSE:
        return None
    return _question(t, bank, item, rng, sheet_note(bank, item, lang, t), want_true)


def _question(t: Exercise, bank: Bank, item: Item, rng: random.Random, note: Text | None,
              want_true: bool | None, prepared: forms.Distractors | None = None) -> Question | None:
    """`simple_question` with the item's `sheet_note` given (and for a choice, its `forms.Distractors`)."""
    if t is Exercise.SHORT:
        return ShortQ(item, note)
    if t is Exercise.CHOICE:
        mc = forms.multiple_choice(bank, item, rng, prepared=prepared)
        return ChoiceQ(mc, note) if mc else None
    if t is Exercise.TRUEFALSE:
        if forms.day_only_twin(item):  # a one-digit trap, not a question of substance (review 19)
            return None
        tf = forms.true_false(item, rng)
        if tf is not None and want_true is not None and tf.is_true != want_true:
            statement = item.statement if want_true else item.false_statement
            tf = forms.TrueFalse(item, statement, want_true) if statement is not None else tf
        return TrueFalseQ(tf, note) if tf else None
    if t is Exercise.CLOZE:
        cz = forms.cloze(item)
        return ClozeQ(cz, note) if cz else None
    if t is Exercise.MATCHING or t is Exercise.TIMELINE:
        raise AssertionError(f"{t} is made of several items, not one")
    assert_never(t)


def timeline_q(events: Sequence[TimelineEvent], rng: random.Random) -> TimelineQ:
    shown = list(events)
    while len(shown) > 1 and tuple(shown) == tuple(events):  # never print the answer as the question
        rng.shuffle(shown)
    return TimelineQ(tuple(shown))


def matching_q(pairs: Sequence[Pair], rng: random.Random, extra: Sequence[Pair] = ()) -> MatchingQ:
    """The exercise: `pairs` on the left, their titles and the `extra` ones (decoys) shuffled on the right."""
    rights = [*pairs, *extra]
    while len(rights) > 1 and rights[:len(pairs)] == list(pairs):  # never line every answer up with its person
        rng.shuffle(rights)
    return MatchingQ(tuple(pairs), tuple(rights))


def pick_parallel(bank: Bank, items: Sequence[Item], base: Content, taken: set[str], options: WorksheetOptions,
                  rng: random.Random, texts: Mapping[str, str] | None = None) -> Content:
    """Another version's questions for `--vary-items`: for each one-item question of `base`, a question of the
    same type on an item not in `taken`, as alike as the selection allows (same story and priority, else same
    category and priority, else same priority), none giving another away. Matching and timeline exercises
    are shared (their parts move between versions). A UsageError when the selection runs short."""
    pool = [i for i in items if i.id not in taken]
    rng.shuffle(pool)
    picking = _Picking(bank, pool, rng, options.lang, LeakChecker(bank, options.lang, texts), {t: [] for t in base},
                       _Swaps(bank), _Roles(bank), _Made(bank, options.lang, frozenset(options.choice)))
    for t, qs in base.items():
        if t in COMPOSITE_EXERCISES:
            for q in qs:
                picking.content[t].append(q)
                picking.used.update(i.id for i in question_items(q))
                picking.voices.update(v for i in question_items(q) if (v := opinion_voice(i)))
                picking.articles.extend(a for a in question_articles(q) if a not in picking.articles)
    wanted = sum(len(qs) for t, qs in base.items() if t in SIMPLE_EXERCISES)
    for t, qs in base.items():
        if t in SIMPLE_EXERCISES:
            for q in qs:
                _take_alike(picking, t, question_items(q)[0])
    got = sum(len(qs) for t, qs in picking.content.items() if t in SIMPLE_EXERCISES)
    if got < wanted:
        raise UsageError(f"{{vary_items}}: another version can draw only {got} of its {wanted} one-item questions from "
                         f"items no earlier version uses ({len(items)} items in the selection, {len(taken)} already "
                         "used); widen the selection, use a smaller {count}, or leave out {vary_items}",
                         names=["vary_items", "count"])
    return picking.content


def _take_alike(picking: _Picking, t: Exercise, model: Item) -> None:
    """A question of type `t` on the unused item most like `model` that clashes with nothing chosen."""
    for item in sorted(picking.pool, key=partial(_likeness, model=model)):
        if item.id in picking.used:
            continue
        cand = picking.made_once.question(t, item, picking.rng, None)
        if cand is not None and picking.take(t, cand):
            return


def _likeness(item: Item, model: Item) -> int:
    """0 for an item most like `model` (same story and priority) up to 3 (only the type in common)."""
    if item.priority is model.priority and item.story is not None and item.story == model.story:
        return 0
    if item.priority is model.priority and item.category is model.category:
        return 1
    return 2 if item.priority is model.priority else 3


PAIRS_NAMED = 6  # pairs on one passage a warning names by number; the rest are counted (newuser12: 22 pairs named on
# a one-article sheet of 15 were noise)
ONE_SIDED = 3  # true/false questions on a sheet, all with one answer, that a warning names (the pattern shows)


def absent_types(bank: Bank, items: Sequence[Item], questions: Sequence[tuple[int, Question]],
                 named: Collection[Exercise], lang: Lang) -> str | None:
    """One line naming each one-item type the user `named` with {types} of which the sheet (its first version's
    `questions`) has no question, and how many items of the selection have that form (newuser13: 穴埋め asked for,
    none on the sheet, nothing said); None when every such type has a question."""
    kinds = {ShortQ: Exercise.SHORT, ChoiceQ: Exercise.CHOICE, TrueFalseQ: Exercise.TRUEFALSE, ClozeQ: Exercise.CLOZE}
    present = {kinds[type(q)] for _, q in questions if type(q) in kinds}
    absent = [t for t in named if t in SIMPLE_EXERCISES and t not in present]
    if not absent:
        return None
    said = []
    for t in absent:
        able = sum(1 for i in items if askable(t, bank, i, lang))
        said.append(f"{t.value}: no item of the selection has that form" if not able else
                    f"{t.value}: {able} item{'s' if able != 1 else ''} of the selection could be, each asked as another "
                    "type or giving another question away")
    names = " and ".join(t.value for t in absent)
    return (f"{{types}} asked for {names}, but the sheet has no such question ({'; '.join(said)}); ask for fewer types, "
            "a smaller {count} or a wider selection")


def on_one_passage(pairs: Sequence[str]) -> str:
    """The warning's words on `pairs` of questions on one passage ("問1/問2"): the first PAIRS_NAMED by number, the
    rest counted."""
    shown = ", ".join(pairs[:PAIRS_NAMED]) + (f" and {len(pairs) - PAIRS_NAMED} more" if len(pairs) > PAIRS_NAMED else "")
    return (f"{len(pairs)} pair{'s' if len(pairs) != 1 else ''} of questions come from one sentence of an article or "
            f"two next to each other ({shown})")  # newuser16: "one passage" said nothing


def crowding(bank: Bank, items: Sequence[Item], questions: Sequence[tuple[int, Question]], count: int,
             texts: Mapping[str, str] | None, types: Collection[Exercise] = (),
             lopsided: bool = False) -> tuple[str | None, str | None]:
    """(warning, note) on a sheet (its first version's numbered questions, from the selection `items`, made for the
    exercise `types`) that breaks a rule the picking gives way on: the questions over the one-voice cap (where the
    selection has others: else the cap does not apply), the pairs on one passage, the true/false over its share and
    the "who did it" twins past the first, by number (review 9, s3: 5 of 15 questions one commentator's views, two
    pairs of neighbouring sentences, and no word of it). Said on every path, a selection too small to keep the rule
    included (review 10, s3: a one-story sheet of 10 items, three questions on three sentences in a row and 5 of 8
    true/false, in silence). The true/false share is left to the `lopsided` warning when that one is printed. The
    note names the articles whose text was not found, of which the sheet has two or more one-item questions: the
    passage rule could not be applied to them."""
    checker = LeakChecker(bank, Lang.JA, texts)
    by_voice: dict[str, list[str]] = {}
    for n, q in questions:
        for v in dict.fromkeys(v for i in question_items(q) if (v := opinion_voice(i))):
            by_voice.setdefault(v, []).append(f"問{n}")
    cap = opinion_cap(count)
    parts = [f"{len(labels)} questions ({', '.join(labels)}) ask for the views of article {v} (at most {cap} of "
             f"{count} where the selection has others)" for v, labels in by_voice.items()
             if len(labels) > cap and sum(opinion_voice(i) != v for i in items) >= count - cap]
    single = [(f"問{n}", question_items(q)[0]) for n, q in questions if isinstance(q, (ShortQ, ChoiceQ, TrueFalseQ, ClozeQ))]
    pairs = [f"{a}/{b}" for k, (a, x) in enumerate(single) for b, y in single[k + 1:]
             if near(checker.passage(x), checker.passage(y))]
    if pairs:
        parts.append(on_one_passage(pairs))
    simple = [t for t in types if t in SIMPLE_EXERCISES]
    tf = [f"問{n}" for n, q in questions if isinstance(q, TrueFalseQ)]
    most = truefalse_cap(count, len(simple))
    if Exercise.TRUEFALSE in simple and len(simple) > 1 and not lopsided and len(tf) > most:
        parts.append(f"{len(tf)} of the {count} questions ({', '.join(tf)}) are true/false (at most {most} where "
                     "other types can be made)")
    marks = [q.tf.is_true for _, q in questions if isinstance(q, TrueFalseQ)]
    if len(marks) >= ONE_SIDED and len(set(marks)) == 1:  # newuser7: four true/false questions, every answer ○
        side = "true (○)" if marks[0] else "false (×)"
        parts.append(f"all {len(marks)} true/false statements ({', '.join(tf)}) are {side}: students can answer by the "
                     f"pattern ({_other_side(questions, marks[0])})")
    actors = actor_names(bank)
    tricks = [f"問{n}" for n, q in questions  # a statement printed true swaps nothing (review 11, s4)
              if isinstance(q, TrueFalseQ) and not q.tf.is_true and swaps_actors(q.tf.item, actors)]
    if len(tricks) > 1:
        parts.append(f"{len(tricks)} true/false questions ({', '.join(tricks)}) have false statements that swap the "
                     "actors (at most 1)")
    warning = None
    if parts:
        warning = ("; ".join(parts) + ": the selection has too few other questions of these types that give nothing "
                   "away; a smaller {count}, more {types} or a wider selection keeps the rules")
    per_article = Counter(i.articles[0] for _, i in single if i.articles)
    unread = sorted(a for a, n in per_article.items() if n > 1 and (texts is None or a not in texts))
    note = None
    if unread:
        note = (f"the text of article{'s' if len(unread) != 1 else ''} {', '.join(unread)} was not found, so "
                "questions from one passage of it are not kept apart: pass --articles DIR")
    return warning, note
