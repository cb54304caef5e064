"""A quiz session: which cards to ask, judging answers, ratings, undo. No printing, no clock reads.

The CLI (`quizgen/cli/quiz.py`) does the talking; this module decides. Time comes
from a `clock` callable and order from an `rng`, both passed in; reviews go to a
`Store` (or nowhere, in cram mode).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from quizgen.bank.model import Bank, Item
from quizgen.errors import QuizgenError, UsageError
from quizgen.quiz.scheduling import Rating, Scheduler, State
from quizgen.quiz.store import CurrentCard, Review, Store

if TYPE_CHECKING:
    from fsrs import Card

    from quizgen.forms import MultipleChoice
    from quizgen.quiz.judge import Verdict

__all__ = [
    "DEFAULT_NEW_PER_DAY",
    "LEARN_AHEAD",
    "AnswerMode",
    "Answered",
    "AskAgain",
    "Question",
    "Session",
    "Summary",
    "build_queue",
    "choice_index",
    "derived_rating",
]

DEFAULT_NEW_PER_DAY = 10
MAX_REPEATS = 2
"""How many times one card may come back within a session after it was first asked."""
LEARN_AHEAD = dt.timedelta(minutes=20)
"""A card due again within this time (a learning step) is asked again before the session ends."""


class AskAgain(QuizgenError):
    """What the learner typed cannot be taken here (7 with four choices, a rating of 5, re-rating before any
    answer): the message says why; the caller shows it and asks again. Nothing was recorded."""


class AnswerMode(StrEnum):
    TYPED = "typed"
    CHOICES = "choices"
    SELF = "self"


def build_queue(items: Sequence[Item], cards: Mapping[str, CurrentCard], now: dt.datetime, rng: random.Random, *,
                new_today: int = 0, new_per_day: int = DEFAULT_NEW_PER_DAY, limit: int | None = None,
                cram: bool = False) -> tuple[Item, ...]:
    """The session's cards: those due at `now` first (shuffled), then unseen ones up to the day's allowance
    (`new_per_day` minus the `new_today` already started), at most `limit` in all.

    Cram mode takes every item, seen or not, due or not, in shuffled order.
    """
    if new_per_day < 0 or (limit is not None and limit < 0):
        raise UsageError("{new_per_day} and {limit} must be 0 or more", names=["new_per_day", "limit"])
    if cram:
        chosen = list(items)
        rng.shuffle(chosen)
    else:
        due = [i for i in items if i.id in cards and cards[i.id].due <= now]
        rng.shuffle(due)
        fresh = [i for i in items if i.id not in cards]
        rng.shuffle(fresh)
        chosen = due + fresh[: max(0, new_per_day - new_today)]
    return tuple(chosen if limit is None else chosen[:limit])


def derived_rating(correct: bool) -> Rating:
    """Wrong → Again, right → Good; the learner may override it."""
    return Rating.GOOD if correct else Rating.AGAIN


def choice_index(text: str, n: int) -> int | None:
    """The 0-based option a learner picked by typing 1..n or a..: (full-width too); None if it is not one."""
    import unicodedata

    t = unicodedata.normalize("NFKC", text).strip().lower().rstrip(".)")
    if t.isdigit() and 1 <= int(t) <= n:
        return int(t) - 1
    if len(t) == 1 and "a" <= t < chr(ord("a") + n):
        return ord(t) - ord("a")
    return None


@dataclass(frozen=True)
class Question:
    item: Item
    mode: AnswerMode
    number: int  # 1-based, counting every question asked this session (repeats too)
    is_new: bool  # never reviewed before this session
    is_repeat: bool  # asked again this session (learning step or cram retry)
    choice: MultipleChoice | None = None  # set in choices mode when the bank has enough distractors


@dataclass(frozen=True)
class Answered:
    question: Question
    answer: str  # what was typed or chosen (self mode: "")
    correct: bool
    rating: Rating
    derived: Rating
    verdict: Verdict | None = None  # typed mode: why it was judged so
    review: Review | None = None  # None in cram mode


@dataclass(frozen=True)
class Summary:
    answered: int  # answers that stand (undone ones left out)
    correct: int
    cards: int  # distinct cards answered
    remaining: int  # cards queued but never answered when the session ended (learning repeats not counted)
    next_due: dt.datetime | None  # earliest due time over the whole history, maybe past (None in cram mode)
    due_within_day: int  # cards due within 24 h of the session's end

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answered if self.answered else None


@dataclass
class _Done:
    answered: Answered
    requeued: bool


@dataclass
class Session:
    """One sitting. Call `next()`, then `answer()` (or `grade()` in self mode); `rerate()` and `undo()`
    change the last answer. Every answer is committed to the store before `answer()` returns."""

    bank: Bank
    queue: list[Item]
    store: Store | None  # None: cram mode, nothing is written
    scheduler: Scheduler
    rng: random.Random
    clock: Callable[[], dt.datetime]
    mode: AnswerMode = AnswerMode.TYPED
    known: set[str] = field(default_factory=set)  # item ids with history before the session
    learn_ahead: dt.timedelta = LEARN_AHEAD
    _asked: int = 0
    _current: Question | None = None
    _done: list[_Done] = field(default_factory=list)
    _seen_repeat: set[str] = field(default_factory=set)
    _others: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def cram(self) -> bool:
        return self.store is None

    @property
    def history(self) -> tuple[Answered, ...]:
        return tuple(d.answered for d in self._done)

    @property
    def remaining(self) -> int:
        return len(self.queue)

    # ------------------------------------------------------------------ asking

    def next(self) -> Question | None:
        """The next question, or None when the queue is empty."""
        if self._current is not None:
            return self._current
        if not self.queue:
            return None
        item = self.queue.pop(0)
        self._asked += 1
        choice = None
        mode = self.mode
        if mode is AnswerMode.CHOICES:
            from quizgen.forms import multiple_choice

            choice = multiple_choice(self.bank, item, self.rng)
            if choice is None:  # too few distractors in the bank: ask it typed
                mode = AnswerMode.TYPED
        answered_ids = {d.answered.question.item.id for d in self._done}
        self._current = Question(item, mode, self._asked, item.id not in self.known and item.id not in answered_ids,
                                 item.id in answered_ids, choice)
        return self._current

    def others(self, item: Item) -> tuple[str, ...]:
        """Canonical answers (ja and en) of every other item, minus any this item also accepts."""
        if item.id not in self._others:
            from quizgen.japanese.normalise import normalise

            mine = {normalise(a) for a in self.bank.typed_forms(item)}
            out = [t for i in self.bank.items if i.id != item.id for t in (i.answer.ja, i.answer.en)]
            self._others[item.id] = tuple(dict.fromkeys(t for t in out if normalise(t) not in mine))
        return self._others[item.id]

    def judge(self, question: Question, typed: str) -> tuple[bool, Verdict | None]:
        """Is `typed` right? Choices mode: `typed` is the option number (or letter)."""
        if question.choice is not None:
            idx = choice_index(typed, len(question.choice.options))
            if idx is None:
                raise AskAgain(f"type a number from 1 to {len(question.choice.options)}")
            return idx == question.choice.answer_index, None
        from quizgen.quiz.judge import judge

        item = question.item
        verdict = judge(typed, item.answer.ja, self.bank.typed_forms(item), answer_type=item.answer_type.value,
                        others=self.others(item))
        return verdict.correct, verdict

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
        return self._commit(q, chosen, correct, derived_rating(correct), derived_rating(correct), verdict)

    def grade(self, rating: Rating | int) -> Answered:
        """Self mode: the learner's own rating of the current question (1 Again … 4 Easy)."""
        q = self._need_current()
        r = _rating(rating)
        return self._commit(q, "", r is not Rating.AGAIN, r, r, None)

    def rerate(self, rating: Rating | int) -> Answered:
        """Override the rating of the last answer (it stays committed, with the new rating)."""
        if not self._done:
            raise AskAgain("nothing to re-rate yet")
        last = self._done[-1]
        a = last.answered
        r = _rating(rating)
        if r == a.rating:
            return a
        review = None
        if self.store is not None and a.review is not None:
            review = self.store.rerate(a.review.id, r, self._schedule(a.question.item.id, r, a.review.reviewed_at))
        new = Answered(a.question, a.answer, a.correct, r, a.derived, a.verdict, review)
        self._unqueue_repeat(last)
        self._done[-1] = _Done(new, self._maybe_requeue(new))
        return new

    def undo(self) -> Question | None:
        """Undo the last answer (its review too) and ask that question again. None if nothing to undo."""
        if not self._done:
            return None
        last = self._done.pop()
        a = last.answered
        if self.store is not None and a.review is not None:
            self.store.undo(a.review.id, self.clock())
        self._unqueue_repeat(last)
        if self._current is not None:  # put the pending question back where it was
            self.queue.insert(0, self._current.item)
            self._asked -= 1
        self._current = a.question
        return self._current

    def _need_current(self) -> Question:
        if self._current is None:
            raise AskAgain("no question is waiting for an answer")
        return self._current

    def _schedule(self, item_id: str, rating: Rating, at: dt.datetime) -> Callable[[Card | None], Card]:
        def schedule(prev: Card | None) -> Card:
            card = prev if prev is not None else self.scheduler.new_card(item_id, at)
            return self.scheduler.review(card, rating, at, self.rng)

        return schedule

    def _commit(self, q: Question, answer: str, correct: bool, rating: Rating, derived: Rating,
                verdict: Verdict | None) -> Answered:
        review = None
        if self.store is not None:
            at = self.clock()
            review = self.store.add_review(q.item.id, rating, at, self._schedule(q.item.id, rating, at),
                                           mode=q.mode.value, correct=correct, answer=answer)
        a = Answered(q, answer, correct, rating, derived, verdict, review)
        self._current = None
        self._done.append(_Done(a, self._maybe_requeue(a)))
        return a

    def _maybe_requeue(self, a: Answered) -> bool:
        """Learning steps due within `learn_ahead` (or, cramming, a wrong answer) come back at the end."""
        if a.review is not None:
            back = a.review.state in (State.LEARNING, State.RELEARNING) and a.review.due <= self.clock() + self.learn_ahead
        else:
            back = a.rating is Rating.AGAIN
        if back:
            self.queue.append(a.question.item)
        return back

    def _unqueue_repeat(self, done: _Done) -> None:
        if done.requeued:
            item = done.answered.question.item
            for i in range(len(self.queue) - 1, -1, -1):
                if self.queue[i].id == item.id:
                    del self.queue[i]
                    break

    # ------------------------------------------------------------------ summary

    def summary(self) -> Summary:
        answered = [d.answered for d in self._done]
        next_due, within = None, 0
        if self.store is not None:
            now = self.clock()
            dues = [c.due for c in self.store.current().values()]
            next_due = min(dues) if dues else None
            within = sum(1 for d in dues if d <= now + dt.timedelta(days=1))
        done = {a.question.item.id for a in answered}
        waiting = [i.id for i in self.queue] + ([self._current.item.id] if self._current else [])
        return Summary(len(answered), sum(a.correct for a in answered), len(done),
                       len(set(waiting) - done), next_due, within)


def _rating(value: Rating | int) -> Rating:
    try:
        return Rating(int(value))
    except ValueError:
        raise AskAgain(f"a rating is 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy), not {value}") from None

