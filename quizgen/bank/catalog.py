"""What the quiz, `stats`, `due` and `leeches` ask of a bank, answered without holding every item.

A `Catalog` is a bank seen through selections: `take(selection)` checks the selection against the bank
(the same messages as `Selection.take`) and returns the `Picked` items, which answer in the item ids
and small facts the quiz needs (`ItemFacts`), load whole items only when asked for them, and walk the
items in a fixed pseudo-random order (`item_rank`) so that a session's new cards are found without
shuffling the whole bank. `MemoryCatalog` answers from a `Bank` in memory; the bank cache
(`cache.BankCache`) answers the same questions from its SQLite file, reading only what is asked.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol

from quizgen.bank.model import Category, Item, Selection

if TYPE_CHECKING:
    from quizgen.bank.model import Bank

__all__ = ["RANKS", "Catalog", "ItemFacts", "MemoryCatalog", "Picked", "answer_keys", "item_rank"]

RANKS = 2**31
"""Item ranks are 0 <= rank < RANKS."""


def item_rank(item_id: str) -> int:
    """An item's place in the bank's fixed pseudo-random order: a hash of its id, so it never moves."""
    import hashlib

    return int.from_bytes(hashlib.blake2b(item_id.encode(), digest_size=4).digest(), "big") >> 1


class ItemFacts(NamedTuple):
    """What the quiz needs to know of an item to plan a session, without the item itself."""

    id: str
    rank: int
    category: Category
    has_cloze: bool
    has_statement: bool  # a statement or a false statement: the item can be asked true or false
    prompt: str  # the Japanese prompt, for listings
    truefalse: bool = False  # asked as true/false everywhere (`form: truefalse`): its one card is that


def facts_of(item: Item) -> ItemFacts:
    return ItemFacts(item.id, item_rank(item.id), item.category, item.cloze is not None,
                     item.statement is not None or item.false_statement is not None, item.prompt.ja, item.truefalse)


def answer_keys(items: Iterable[Item]) -> frozenset[str]:
    """The comparison keys of every item's answer, Japanese and English: what the judge calls other answers."""
    from quizgen.japanese.normalise import normalise

    return frozenset(k for i in items for k in (normalise(i.answer.ja), normalise(i.answer.en)) if k)


if TYPE_CHECKING:  # protocols for type checking only: the quiz's start-up does not build them

    class Picked(Protocol):
        """The items a selection takes."""

        @property
        def count(self) -> int: ...

        def __len__(self) -> int: ...

        def count_up_to(self, limit: int) -> int:
            """`count`, or `limit` when there are more (found without counting them all)."""
            ...

        def facts(self) -> list[ItemFacts]:
            """Every picked item's facts, in bank order."""
            ...

        def facts_of(self, item_ids: Iterable[str]) -> dict[str, ItemFacts]:
            """The facts of those of `item_ids` that are picked."""
            ...

        def categories_of(self, item_ids: Iterable[str]) -> dict[str, Category]:
            """The category of each of `item_ids` that is picked, by id (what `stats` counts by)."""
            ...

        def count_of(self, item_ids: Iterable[str]) -> int:
            """How many of `item_ids` are picked."""
            ...

        def ranked(self, after: tuple[int, str], limit: int) -> list[ItemFacts]:
            """At most `limit` picked items after `after` (rank, id) in the order of (rank, id)."""
            ...

        def items(self, item_ids: Sequence[str]) -> list[Item]:
            """The picked items of `item_ids`, in that order."""
            ...

        def bank_for(self, items: Sequence[Item]) -> Bank:
            """A bank with every record but the items, and of the items at least these, every item with the same answer,
            and the readings of their spellings: what judging, hinting and citing these items needs."""
            ...

        def answer_keys(self) -> frozenset[str]:
            """`answer_keys` of every item of the bank, picked or not."""
            ...


    class Catalog(Protocol):
        def take(self, selection: Selection) -> Picked:
            """The items `selection` takes; a story, article or tag the bank does not have, or a selection that takes
            nothing, is an error (as `Selection.take` says it)."""
            ...


class MemoryCatalog:
    """A catalog of a bank held in memory."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank

    def take(self, selection: Selection) -> MemoryPicked:
        return MemoryPicked(self.bank, selection.take(self.bank))


class MemoryPicked:
    def __init__(self, bank: Bank, items: Sequence[Item]) -> None:
        self.bank = bank
        self._facts = {i.id: facts_of(i) for i in items}
        self._items = {i.id: i for i in items}
        self._ranked = sorted(self._facts.values(), key=lambda f: (f.rank, f.id))
        self._keys: frozenset[str] | None = None

    @property
    def count(self) -> int:
        return len(self._facts)

    def __len__(self) -> int:
        return self.count

    def count_up_to(self, limit: int) -> int:
        return min(self.count, limit)

    def facts(self) -> list[ItemFacts]:
        return list(self._facts.values())

    def facts_of(self, item_ids: Iterable[str]) -> dict[str, ItemFacts]:
        return {i: self._facts[i] for i in item_ids if i in self._facts}

    def categories_of(self, item_ids: Iterable[str]) -> dict[str, Category]:
        return {i: self._facts[i].category for i in item_ids if i in self._facts}

    def count_of(self, item_ids: Iterable[str]) -> int:
        return sum(1 for i in set(item_ids) if i in self._facts)

    def ranked(self, after: tuple[int, str], limit: int) -> list[ItemFacts]:
        first = bisect.bisect_right(self._ranked, after, key=lambda f: (f.rank, f.id))
        return self._ranked[first:first + limit]

    def items(self, item_ids: Sequence[str]) -> list[Item]:
        return [self._items[i] for i in item_ids if i in self._items]

    def bank_for(self, items: Sequence[Item]) -> Bank:
        return self.bank

    def answer_keys(self) -> frozenset[str]:
        if self._keys is None:
            self._keys = answer_keys(self.bank.items)
        return self._keys
