"""A quiz session: which cards to ask, judging answers, ratings, undo, bury, leeches. No printing, no clock reads.

The CLI (`quizgen/cli/quiz.py`) does the talking; this module decides. Time comes
from a `clock` callable and order from an `rng`, both passed in; reviews go to a
`Store` (or nowhere, in cram mode).

No loops: a card comes back within a session at most `max_repeats` times (a learning step due
soon, or a wrong answer when cramming). Lapses (Again on a card answered before) are counted
from the log; at `leech_lapses` the card is a leech and is left out until the learner resets it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import typing
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from quizgen.bank.catalog import MemoryPicked
from quizgen.bank.model import Item
from quizgen.errors import QuizgenError
from quizgen.quiz.cards import CardForm, CardKey, QuizCard, main_card, main_form
from quizgen.quiz.deck import Deck, Queue, plan
from quizgen.quiz.scheduling import Rating, Scheduler, State
from quizgen.quiz.store import CurrentCard, Review, Store
from quizgen.text import INVISIBLE_RE, code_point, find_control

if TYPE_CHECKING:
    from fsrs import Card

    from quizgen.bank.model import Bank
    from quizgen.forms import MultipleChoice, TrueFalse
    from quizgen.quiz.judge import AnswerKeys, Verdict

__all__ = [
    "DEFAULT_BACKLOG",
    "DEFAULT_NEW_PER_DAY",
    "LEARN_AHEAD",
    "LEECH_LAPSES",
    "MAX_ANSWER",
    "MAX_REPEATS",
    "AnswerMode",
    "Answered",
    "AskAgain",
    "Question",
    "Queue",
    "Session",
    "Summary",
    "build_queue",
    "choice_index",
    "derived_rating",
    "truth_value",
]

DEFAULT_NEW_PER_DAY = 10
MAX_REPEATS = 2
"""How many times one card may come back within a session after it was first asked."""
LEECH_LAPSES = 8
"""A card with this many lapses is a leech (Anki's default threshold): left out until the learner resets it."""
DEFAULT_BACKLOG = 50
"""Catch-up throttle: while more cards than this are due, no new cards are added."""
LEARN_AHEAD = dt.timedelta(minutes=20)
"""A card due again within this time (a learning step) is asked again before the session ends."""
MAX_ANSWER = 2_000
"""The longest answer the quiz judges, in characters (a longer one is a paste: asked again, as `review` does)."""


class AskAgain(QuizgenError):
    """What the learner typed cannot be taken here (7 with four choices, a rating of 5, re-rating before any
    answer): the message says why; the caller shows it and asks again. Nothing was recorded."""


class AnswerMode(StrEnum):
    TYPED = "typed"
    CHOICES = "choices"
    SELF = "self"


def build_queue(items: Sequence[Item] | Sequence[QuizCard], cards: Mapping[str, CurrentCard], now: dt.datetime,
                rng: random.Random, *, new_today: int = 0, new_per_day: int = DEFAULT_NEW_PER_DAY,
                limit: int | None = None, cram: bool = False, exclude: Collection[str] = (),
                backlog: int | None = None) -> tuple[QuizCard, ...]:
    """The session's cards; see `plan_queue`."""
    return tuple(typing.cast(QuizCard, c) for c in plan_queue(
        items, cards, now, rng, new_today=new_today, new_per_day=new_per_day, limit=limit, cram=cram, exclude=exclude,
        backlog=backlog).cards)


def plan_queue(items: Sequence[Item] | Sequence[QuizCard], cards: Mapping[str, CurrentCard], now: dt.datetime,
               rng: random.Random, *, new_today: int = 0, new_per_day: int = DEFAULT_NEW_PER_DAY,
               limit: int | None = None, cram: bool = False, exclude: Collection[str] = (),
               backlog: int | None = None) -> Queue:
    """`deck.plan` over items (or cards) held in memory, with `cards` the store's current cards; the queue's cards
    come with their items."""
    from quizgen.bank.model import Bank

    quiz_cards = [c if isinstance(c, QuizCard) else main_card(c) for c in items]
    bank = Bank(items=tuple({c.item.id: c.item for c in quiz_cards}.values()))
    named = {CardForm.ANSWER if c.form is main_form(c.item) else c.form for c in quiz_cards}  # ANSWER: the main card
    forms = tuple(f for f in CardForm if f in named)
    deck = Deck(MemoryPicked(bank, bank.items), forms, only={c.id for c in quiz_cards})
    due = [k for k, c in cards.items() if c.due <= now]
    queue = plan(deck, due, lambda ids: {i for i in ids if i in cards}, rng, new_today=new_today,
                 new_per_day=new_per_day, limit=limit, cram=cram, exclude=exclude, backlog=backlog)
    return dataclasses.replace(queue, cards=tuple(deck.load(c) if isinstance(c, CardKey) else c for c in queue.cards))


def derived_rating(correct: bool, typo: bool = False) -> Rating:
    """Wrong → Again, right → Good, right but for one typo → Hard; the learner may override it."""
    return Rating.AGAIN if not correct else Rating.HARD if typo else Rating.GOOD


def choice_index(text: str, n: int) -> int | None:
    """The 0-based option a learner picked by typing 1..n or a..: (full-width too); None if it is not one."""
    import unicodedata

    t = unicodedata.normalize("NFKC", text).strip().lower().rstrip(".)")
    if t.isdigit() and 1 <= int(t) <= n:
        return int(t) - 1
    if len(t) == 1 and "a" <= t < chr(ord("a") + n):
        return ord(t) - ord("a")
    return None


_TRUE = frozenset({"t", "true", "y", "yes", "o", "○", "〇", "◯", "はい", "正", "正しい", "まる", "maru", "ただしい"})
_FALSE = frozenset({"f", "false", "n", "no", "x", "×", "✕", "✗", "いいえ", "誤", "誤り", "あやまり", "ばつ", "batsu",
                    "まちがい", "間違い"})


def truth_value(text: str) -> bool | None:
    """What a learner meant by `text` for a true/false card (t, ○, はい, 正 / f, ×, いいえ, 誤…); None if unclear."""
    import unicodedata

    t = unicodedata.normalize("NFKC", text).strip().lower().rstrip("。.!")
    return True if t in _TRUE else False if t in _FALSE else None


@dataclass(frozen=True)
class Question:
    """A card as it is asked: in which mode, its place in the session, and its options or statement."""

    card: QuizCard
    mode: AnswerMode
    number: int  # 1-based, counting every question asked this session (repeats too)
    is_new: bool  # never reviewed before this session
    is_repeat: bool  # asked again this session (learning step or cram retry)
    choice: MultipleChoice | None = None  # set in choices mode when the bank has enough distractors
    statement: TrueFalse | None = None  # set for a true/false card

    @property
    def item(self) -> Item:
        return self.card.item

    @property
    def form(self) -> CardForm:
        return self.card.form


@dataclass(frozen=True)
class Answered:
    """An answer to a question: what was given, the verdict, the rating and the review it made."""

    question: Question
    answer: str  # what was typed or chosen (self mode: "")
    correct: bool
    rating: Rating
    derived: Rating
    verdict: Verdict | None = None  # typed mode: why it was judged so
    review: Review | None = None  # None in cram mode
    lapses: int = 0  # the card's lapses after this answer
    leech: bool = False  # the card is a leech now: left out until reset
    overruled: bool = False  # the learner said "I was right"


@dataclass(frozen=True)
class Summary:
    """What a session came to: answers, cards, what is left and when cards come back."""

    answered: int  # answers that stand (undone ones left out)
    correct: int
    cards: int  # distinct cards answered
    remaining: int  # cards queued but never answered when the session ended (learning repeats not counted)
    next_due: dt.datetime | None  # earliest due time over the whole history, maybe past (None in cram mode)
    due_within_day: int  # cards due within 24 h of the session's end
    missed: tuple[QuizCard, ...] = ()  # cards answered wrong at least once this session, in the order first missed
    leeches: tuple[QuizCard, ...] = ()  # cards that became leeches this session
    buried: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answered if self.answered else None


@dataclass
class _Done:
    """An answer that stands, and whether its card was queued again."""

    answered: Answered
    requeued: bool


@dataclass
class Session:
    """One sitting. Call `next()`, then `answer()` (or `grade()` in self mode); `rerate()`, `overrule()` and
    `undo()` change the last answer; `bury()` skips the waiting question until a time. Every answer is committed
    to the store before `answer()` returns."""

    deck: Deck | Bank  # where the cards come from (a bank in memory: every item, every form)
    queue: list[QuizCard | CardKey]  # a card known by its id only is loaded when it is asked
    store: Store | None  # None: cram mode, nothing is written
    scheduler: Scheduler
    rng: random.Random
    clock: Callable[[], dt.datetime]
    mode: AnswerMode = AnswerMode.TYPED
    known: set[str] = field(default_factory=set)  # card ids with history before the session
    learn_ahead: dt.timedelta = LEARN_AHEAD
    max_repeats: int = MAX_REPEATS
    leech_lapses: int = LEECH_LAPSES
    lapses: dict[str, int] = field(default_factory=dict)  # card id -> lapses since its last leech reset (the store's
    # count, read after each answer)
    _asked: int = 0
    _current: Question | None = None
    _done: list[_Done] = field(default_factory=list)
    _asks: Counter[str] = field(default_factory=Counter)  # card id -> times asked this session
    _buried: list[QuizCard] = field(default_factory=list)
    _forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _keys: AnswerKeys | None = None

    def __post_init__(self) -> None:
        self.queue = [c if isinstance(c, QuizCard | CardKey) else main_card(c) for c in self.queue]
        if not isinstance(self.deck, Deck):  # a Bank (not imported: a quiz from the bank cache never makes one)
            self.deck = Deck(MemoryPicked(self.deck, self.deck.items), tuple(CardForm))

    @property
    def cards(self) -> Deck:
        assert isinstance(self.deck, Deck)
        return self.deck

    def bank_for(self, item: Item) -> Bank:
        """A bank that judging, hinting and citing `item` can use (the whole bank, when it is in memory)."""
        return self.cards.bank_for(item)

    @property
    def cram(self) -> bool:
        return self.store is None

    @property
    def history(self) -> tuple[Answered, ...]:
        return tuple(d.answered for d in self._done)

    @property
    def remaining(self) -> int:
        return len(self.queue)

    @property
    def left(self) -> int:
        """Distinct cards still to ask, the waiting one included (a countdown: it never grows by answering)."""
        waiting = {c.id for c in self.queue} | ({self._current.card.id} if self._current else set())
        return len(waiting)

    # ------------------------------------------------------------------ asking

    def next(self) -> Question | None:
        """The next question, or None when the queue is empty."""
        if self._current is not None:
            return self._current
        if not self.queue:
            return None
        if self.store is not None and not self._asked:  # a damaged file or a damaged state of any queued card is
            self.store.checked()  # a StoreError now, before the first question: no answer is saved before it
            self.store.check_states(ids=[c.id for c in self.queue])  # the first card's state among them
            # (a card kept out of the queue by a damaged due time is found by `checked()`, as `due`/`stats` find it)
        elif self.store is not None and self.queue[0].id not in self._asks:
            self.store.checked()  # (a card's state damaged during the session: refused before that card is asked)
            self.store.card(self.queue[0].id)
        card = self.queue.pop(0)
        if isinstance(card, CardKey):
            card = self.cards.load(card)
        self._asked += 1
        self._asks[card.id] += 1
        choice = statement = None
        mode = self.mode
        if card.form is CardForm.TRUEFALSE:
            from quizgen.forms import true_false

            statement = true_false(card.item, self.rng)
            mode = AnswerMode.TYPED if mode is AnswerMode.CHOICES else mode
        elif card.form is CardForm.CLOZE:
            mode = AnswerMode.TYPED if mode is AnswerMode.CHOICES else mode
        elif mode is AnswerMode.CHOICES:
            from quizgen.forms import multiple_choice

            choice = multiple_choice(self.bank_for(card.item), card.item, self.rng)
            if choice is None:  # too few distractors in the bank: ask it typed
                mode = AnswerMode.TYPED
        answered_ids = {d.answered.question.card.id for d in self._done}
        self._current = Question(card, mode, self._asked, card.id not in self.known and card.id not in answered_ids,
                                 card.id in answered_ids, choice, statement)
        return self._current

    def forms(self, item: Item) -> tuple[str, ...]:
        """Every spelling accepted for `item` (those of other items with the same answer too)."""
        if item.id not in self._forms:
            from quizgen.quiz.answers import shared_forms

            self._forms[item.id] = shared_forms(self.bank_for(item), item)
        return self._forms[item.id]

    def others(self, item: Item) -> AnswerKeys:
        """Canonical answers (ja and en) of every other item, minus any this item also accepts."""
        from quizgen.japanese.normalise import normalise
        from quizgen.quiz.judge import AnswerKeys

        if self._keys is None:
            self._keys = AnswerKeys(self.cards.answer_keys())
        return self._keys.without(normalise(a) for a in self.forms(item))

    def judge(self, question: Question, typed: str) -> tuple[bool, Verdict | None]:
        """Is `typed` right? Choices mode: `typed` is the option number (or letter); true/false: t/f, ○/×…
        Invisible formatting characters a keyboard or a paste slipped in (外\u200b相) are no part of the answer: they are
        left out, as width and NFD forms are folded (hostile pass 14: judged Wrong with no word why)."""
        typed = INVISIBLE_RE.sub("", typed)
        at = find_control(typed)
        if at is not None:  # hostile21: an arrow key's ESC [ A recorded as a wrong answer, the card set back to Again
            raise AskAgain(f"That holds a control character ({code_point(typed[at])} at character {at + 1}: an arrow or "
                           "function key?); nothing was recorded; type the answer again.")
        if len(typed) > MAX_ANSWER:
            raise AskAgain(f"That is {len(typed):,} characters, more than the {MAX_ANSWER:,} an answer may have; "
                           "type a shorter one.")
        if question.choice is not None:
            idx = choice_index(typed, len(question.choice.options))
            if idx is None:
                raise AskAgain(f"type a number from 1 to {len(question.choice.options)}")
            return idx == question.choice.answer_index, None
        if question.statement is not None:
            said = truth_value(typed)
            if said is None:
                raise AskAgain("answer t (true, ○) or f (false, ×)")
            return said == question.statement.is_true, None
        from quizgen.quiz.answers import judge_card

        verdict = judge_card(self.bank_for(question.item), question.card, typed, self.others(question.item),
                             self.forms(question.item))
        return verdict.correct, verdict

    def expected(self, question: Question) -> str:
        """What the card wants, as shown after the answer (the blank's text for a cloze card)."""
        from quizgen.quiz.answers import expected_text

        return expected_text(question.card, question.statement)

    # ------------------------------------------------------------------ answering

    def answer(self, typed: str) -> Answered:
        """Judge an answer to the current question (typed or choices mode) and commit its review."""
        q = self._need_current()
        if q.mode is AnswerMode.SELF:
            raise AskAgain("self-graded mode: rate with 1-4")
        correct, verdict = self.judge(q, typed)
        chosen = typed
        if q.choice is not None:
            idx = choice_index(typed, len(q.choice.options))
            assert idx is not None
            chosen = q.choice.options[idx].ja
        typo = verdict is not None and verdict.almost
        rating = derived_rating(correct, typo)
        return self._commit(q, chosen, correct, rating, rating, verdict)

    def grade(self, rating: Rating | int) -> Answered:
        """Self mode: the learner's own rating of the current question (1 Again … 4 Easy)."""
        q = self._need_current()
        r = _rating(rating)
        return self._commit(q, "", r is not Rating.AGAIN, r, r, None)

    def rerate(self, rating: Rating | int) -> Answered:
        """Override the rating of the last answer (it stays committed, with the new rating)."""
        last = self._last()
        r = _rating(rating)
        if r == last.answered.rating:
            return last.answered
        return self._replace_last(r, last.answered.correct, overruled=last.answered.overruled)

    def overrule(self) -> Answered:
        """"I was right": the last answer counts as right (in the summary and in `stats`) and is re-rated Good."""
        last = self._last()
        a = last.answered
        if a.correct and a.rating is not Rating.AGAIN:
            raise AskAgain("that answer already counts as right")
        return self._replace_last(Rating.GOOD, True, overruled=True)

    def undo(self) -> Question | None:
        """Undo the last answer (its review too) and ask that question again. None if nothing to undo."""
        if not self._done:
            return None
        last = self._done.pop()
        a = last.answered
        if self.store is not None and a.review is not None:
            self.store.undo(a.review.id, self.clock())
            self.lapses[a.question.card.id] = self.store.lapses_of(a.question.card.id)
        self._unqueue_repeat(last)
        if self._current is not None:  # put the pending question back where it was
            self.queue.insert(0, self._current.card)
            self._asks[self._current.card.id] -= 1
            self._asked -= 1
        self._current = a.question
        return self._current

    def bury(self, until: dt.datetime) -> QuizCard:
        """Skip the waiting question: its card leaves this session and the queue until `until` (e.g. tomorrow)."""
        q = self._need_current()
        card = q.card
        if self.store is not None:
            self.store.bury(card.id, self.clock(), until)
        self.queue = [c for c in self.queue if c.id != card.id]
        self._current = None
        self._buried.append(card)
        return card

    def preview(self, a: Answered) -> dict[Rating, dt.timedelta]:
        """How long until the card is due again for each rating of answer `a` (without fuzz)."""
        if self.store is None or a.review is None:
            return {}
        before = self.store.card_before(a.review.id)
        at = a.review.reviewed_at
        plain = dataclasses.replace(self.scheduler, fuzz=False)
        card = before.card() if before is not None else plain.new_card(a.question.card.id, at)
        return {r: plain.review(card, r, at).due - at for r in Rating}

    def _last(self) -> _Done:
        if not self._done:
            raise AskAgain("nothing to re-rate yet")
        return self._done[-1]

    def _replace_last(self, rating: Rating, correct: bool, *, overruled: bool) -> Answered:
        last = self._done[-1]
        a = last.answered
        review = None
        card_id = a.question.card.id
        if self.store is not None and a.review is not None:
            review = self.store.rerate(a.review.id, rating, self._schedule(card_id, rating, a.review.reviewed_at),
                                       correct=correct)
            self.lapses[card_id] = self.store.lapses_of(card_id)
        lapses = self.lapses.get(card_id, 0)
        new = dataclasses.replace(a, correct=correct, rating=rating, review=review, lapses=lapses,
                                  leech=lapses >= self.leech_lapses and not self.cram, overruled=overruled)
        self._unqueue_repeat(last)
        self._done[-1] = _Done(new, self._maybe_requeue(new))
        return new

    def _need_current(self) -> Question:
        if self._current is None:
            raise AskAgain("no question is waiting for an answer")
        return self._current

    def _schedule(self, card_id: str, rating: Rating, at: dt.datetime) -> Callable[[Card | None], Card]:
        def schedule(prev: Card | None) -> Card:
            card = prev if prev is not None else self.scheduler.new_card(card_id, at)
            return self.scheduler.review(card, rating, at, self.rng)

        return schedule

    def _commit(self, q: Question, answer: str, correct: bool, rating: Rating, derived: Rating,
                verdict: Verdict | None) -> Answered:
        review = None
        card_id = q.card.id
        if self.store is not None:
            at = self.clock()
            review = self.store.add_review(card_id, rating, at, self._schedule(card_id, rating, at),
                                           mode=q.mode.value, correct=correct, answer=answer)
            self.lapses[card_id] = self.store.lapses_of(card_id)  # kept by the store, leech resets included
        lapses = self.lapses.get(card_id, 0)
        a = Answered(q, answer, correct, rating, derived, verdict, review, lapses,
                     leech=lapses >= self.leech_lapses and not self.cram)
        self._current = None
        self._done.append(_Done(a, self._maybe_requeue(a)))
        return a

    def _maybe_requeue(self, a: Answered) -> bool:
        """Learning steps due within `learn_ahead` (or, cramming, a wrong answer) come back at the end, at most
        `max_repeats` times per card; a leech never does."""
        card = a.question.card
        if a.leech or self._asks[card.id] > self.max_repeats:
            return False
        if a.review is not None:
            back = a.review.state in (State.LEARNING, State.RELEARNING) and a.review.due <= self.clock() + self.learn_ahead
        else:
            back = a.rating is Rating.AGAIN
        if back:
            self.queue.append(card)
        return back

    def _unqueue_repeat(self, done: _Done) -> None:
        if done.requeued:
            card = done.answered.question.card
            for i in range(len(self.queue) - 1, -1, -1):
                if self.queue[i].id == card.id:
                    del self.queue[i]
                    break

    # ------------------------------------------------------------------ summary

    def summary(self) -> Summary:
        answered = [d.answered for d in self._done]
        next_due, within = None, 0
        if self.store is not None:
            next_due, within = self.store.next_due(self.clock())
        done = {a.question.card.id for a in answered}
        waiting = [c.id for c in self.queue] + ([self._current.card.id] if self._current else [])
        missed = {a.question.card.id: a.question.card for a in answered if not a.correct}
        leeches = {a.question.card.id: a.question.card for a in answered if a.leech}
        return Summary(len(answered), sum(a.correct for a in answered), len(done), len(set(waiting) - done), next_due,
                       within, tuple(missed.values()), tuple(leeches.values()), len(self._buried))


def _rating(value: Rating | int) -> Rating:
    try:
        return Rating(int(value))
    except ValueError:
        raise AskAgain(f"a rating is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not {value}") from None
