"""Which cards a session asks: the selected items' cards, due ones first, then new ones (pure; the store's answers
come in as functions).

A `Deck` is the cards of the picked items (`bank.catalog.Picked`) in the chosen forms. It knows the cards by
their ids and loads an item only when its card is asked, so planning a session over a bank of 100,000 items
reads the cards it will ask and no others:

- due cards: those the store says are due, that belong to the deck, in a shuffled order;
- new cards: the deck's cards never reviewed, found by walking the items in their fixed pseudo-random order
  (`catalog.item_rank`) from a random place for each form, until the day's allowance is met;
- cramming: every card of the deck, in that order.

The cards of at most `SHUFFLED` items (the bundled bank has 65) are shuffled whole instead, as they always
were, so a seeded session asks what it asked before; reading all of them costs a few milliseconds.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from quizgen.bank.catalog import RANKS, ItemFacts
from quizgen.bank.model import Item
from quizgen.errors import UsageError
from quizgen.quiz.cards import CardForm, CardKey, QuizCard, item_id_of

if TYPE_CHECKING:
    from quizgen.bank.catalog import Picked
    from quizgen.bank.model import Bank

__all__ = ["Deck", "Queue", "plan"]

T = TypeVar("T")
Reviewed = Callable[[list[str]], set[str]]
"""Which of these card ids have been reviewed (the store's `reviewed`)."""

SHUFFLED = 2000
"""The cards of at most this many items are shuffled whole; more are walked (see the module's docstring)."""


@dataclass(frozen=True)
class Queue:
    """A session's cards, and why others were held back."""

    cards: tuple[QuizCard | CardKey, ...]
    due: int  # cards due now (before the limit)
    held_new: bool  # new cards were held back because the backlog of due cards is over the limit


def main_form(facts: ItemFacts) -> CardForm:
    """The form of the item's main card (`cards.main_form`)."""
    return CardForm.TRUEFALSE if facts.truefalse else CardForm.ANSWER


def has_form(facts: ItemFacts, form: CardForm) -> bool:
    """`cards.has_form`, from an item's facts."""
    if facts.truefalse:
        return form is CardForm.TRUEFALSE
    if form is CardForm.CLOZE:
        return facts.has_cloze
    if form is CardForm.TRUEFALSE:
        return facts.has_statement
    return True


def card_key(facts: ItemFacts, form: CardForm) -> CardKey | None:
    """The item's card in `form` (`ANSWER` stands for its main card, as in `cards.cards_for`), or None if it has none."""
    main = main_form(facts)
    actual = main if form is CardForm.ANSWER else form
    return CardKey(facts.id, actual, main) if has_form(facts, actual) else None


class Deck:
    """The cards of the `picked` items in `forms` (or, given `only`, just those of these card ids)."""

    def __init__(self, picked: Picked, forms: Sequence[CardForm] = (CardForm.ANSWER,),
                 only: Collection[str] | None = None) -> None:
        self.picked = picked
        self.forms = tuple(forms)
        self.only = None if only is None else frozenset(only)
        self._banks: dict[str, Bank] = {}
        self._loaded: dict[str, Item] = {}

    def _keys(self, facts: ItemFacts) -> Iterator[CardKey]:
        """The item's cards in the deck's forms, each once (a true/false item's card stands for `ANSWER` too)."""
        seen = set()
        for form in self.forms:
            key = card_key(facts, form)
            if key is not None and key.id not in seen and (self.only is None or key.id in self.only):
                seen.add(key.id)
                yield key

    def members(self, card_ids: Iterable[str]) -> dict[str, CardKey]:
        """Those of `card_ids` that are cards of this deck, as keys."""
        ids = list(card_ids)
        facts = self.picked.facts_of({item_id_of(c) for c in ids})
        wanted = {k.id: k for f in facts.values() for k in self._keys(f)}
        return {c: wanted[c] for c in ids if c in wanted}

    def keys(self) -> list[CardKey]:
        """Every card of the deck, item by item (in bank order), form by form."""
        return [k for f in self.picked.facts() for k in self._keys(f)]

    # ------------------------------------------------------------------ loading

    def load(self, key: CardKey) -> QuizCard:
        """The card with its item."""
        item = self._loaded.get(key.item_id)
        if item is None:
            (item,) = self.picked.items([key.item_id])
            self._loaded[item.id] = item
        return QuizCard(item, key.form)

    def bank_for(self, item: Item) -> Bank:
        """A bank that judging, hinting, choosing distractors for and citing `item` can use (see `Picked.bank_for`)."""
        if item.id not in self._banks:
            self._banks[item.id] = self.picked.bank_for([item])
        return self._banks[item.id]

    def answer_keys(self) -> frozenset[str]:
        return self.picked.answer_keys()

    # ------------------------------------------------------------------ orders

    def walk(self, rng: random.Random) -> Iterator[tuple[int, CardKey]]:
        """Every card of the deck once, each form's cards in rank order from a random place: (distance from that
        place, card), nearest first across the forms."""
        starts = [rng.randrange(RANKS) for _ in self.forms]
        streams = [self._stream(form, start) for form, start in zip(self.forms, starts, strict=True)]
        return heapq.merge(*streams, key=lambda p: (p[0], p[1].id))

    def _stream(self, form: CardForm, start: int) -> Iterator[tuple[int, CardKey]]:
        """The cards of `form`: a true/false item's one card comes in the stream of the first form that names it."""
        for facts in _round(self.picked, start):
            key = card_key(facts, form)
            if key is None or (self.only is not None and key.id not in self.only):
                continue
            first = next(f for f in self.forms if (k := card_key(facts, f)) is not None and k.id == key.id)
            if first is form:
                yield (facts.rank - start) % RANKS, key


def _round(picked: Picked, start: int) -> Iterator[ItemFacts]:
    """Every picked item once, in rank order from `start`, going round past the last rank: read page by page."""
    size = 32
    after = (start - 1, "\U0010ffff")
    for upto in (RANKS, start):
        while True:
            page = [f for f in picked.ranked(after, size) if f.rank < upto]
            yield from page
            if len(page) < size:
                break
            after = (page[-1].rank, page[-1].id)
            size = min(size * 4, 4096)
        after = (-1, "")


def plan(deck: Deck, due: Sequence[str], reviewed: Reviewed, rng: random.Random, *, new_today: int = 0,
         new_per_day: int = 10, limit: int | None = None, cram: bool = False, exclude: Collection[str] = (),
         backlog: int | None = None) -> Queue:
    """The session's cards: the deck's cards among `due` (the ids of the cards due now) first, shuffled, then
    cards never reviewed up to the day's allowance (`new_per_day` minus the `new_today` already started), at most
    `limit` in all. Cards in `exclude` (leeches, buried cards) are left out. While more than `backlog` cards are
    due, no new cards are added.

    Cram mode takes every card of the deck, seen or not, due or not (leeches and buried ones too).
    """
    if new_per_day < 0 or (limit is not None and limit < 0):
        raise UsageError("{new_per_day} and {limit} must be 0 or more", names=["new_per_day", "limit"])
    if deck.picked.count_up_to(SHUFFLED + 1) <= SHUFFLED:
        return _plan_whole(deck, due, reviewed, rng, new_today=new_today, new_per_day=new_per_day, limit=limit,
                           cram=cram, exclude=exclude, backlog=backlog)
    if cram:
        walk = (key for _, key in deck.walk(rng))
        return Queue(tuple(walk if limit is None else _take(walk, limit)), 0, False)
    held = set(exclude)
    members = deck.members(due)
    due_cards: list[QuizCard | CardKey] = [members[c] for c in sorted(members.keys() - held)]
    rng.shuffle(due_cards)
    allowance = max(0, new_per_day - new_today)
    fresh = _fresh(deck, rng, allowance, reviewed, held) if allowance else []
    held_new = backlog is not None and len(due_cards) > backlog and bool(fresh)
    chosen = due_cards + ([] if held_new else fresh)
    return Queue(tuple(chosen if limit is None else chosen[:limit]), len(due_cards), held_new)


def _plan_whole(deck: Deck, due: Sequence[str], reviewed: Reviewed, rng: random.Random, *, new_today: int,
                new_per_day: int, limit: int | None, cram: bool, exclude: Collection[str], backlog: int | None) -> Queue:
    """`plan` for the cards of at most `SHUFFLED` items: all of them, in bank order, shuffled whole."""
    cards: list[QuizCard | CardKey] = list(deck.keys())
    held = False
    n_due = 0
    if cram:
        chosen = cards
        rng.shuffle(chosen)
    else:
        cards = [c for c in cards if c.id not in exclude]
        due_now = set(due)
        due_cards = [c for c in cards if c.id in due_now]
        rng.shuffle(due_cards)
        seen = reviewed([c.id for c in cards])
        fresh = [c for c in cards if c.id not in seen]
        rng.shuffle(fresh)
        n_due = len(due_cards)
        allowance = max(0, new_per_day - new_today)
        if backlog is not None and n_due > backlog and allowance and fresh:
            held, allowance = True, 0
        chosen = due_cards + fresh[:allowance]
    return Queue(tuple(chosen if limit is None else chosen[:limit]), n_due, held)


def _fresh(deck: Deck, rng: random.Random, n: int, reviewed: Reviewed, held: set[str]) -> list[QuizCard | CardKey]:
    """The first `n` cards of the deck's walk that were never reviewed and are not held back."""
    out: list[QuizCard | CardKey] = []
    walk = deck.walk(rng)
    while len(out) < n:
        batch = [key for _, key in _take(walk, max(2 * (n - len(out)), 16))]
        if not batch:
            break
        seen = reviewed([k.id for k in batch])
        out += [k for k in batch if k.id not in seen and k.id not in held][:n - len(out)]
    return out


def _take(it: Iterator[T], n: int) -> list[T]:
    out: list[T] = []
    for value in it:
        out.append(value)
        if len(out) == n:
            break
    return out
