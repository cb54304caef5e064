"""The quiz's cards: one item may be asked in several forms, each scheduled as a card of its own (pure).

Each item has a main card, whose card id is the item's id, so a history from before forms existed goes on
as it was: the question → answer card, or, for an item asked as true/false (`form: truefalse`), the
true/false card. Another form adds its name to the id (`a000-xi-title#cloze`). An item asked as true/false
has its true/false card only: `--forms` adds nothing to it. Ids, never text, are identity: rewording an item
keeps every card's progress.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from quizgen.bank.model import Item

__all__ = ["CardForm", "CardKey", "QuizCard", "cards_for", "item_id_of", "main_card", "main_form", "parse_forms"]


class CardForm(StrEnum):
    ANSWER = "answer"  # the item's question; type (or pick) the answer
    CLOZE = "cloze"  # the item's cloze sentence; type what fills the blank
    TRUEFALSE = "truefalse"  # the item's statement or its false statement; say which it is

    @property
    def label(self) -> str:
        return {"answer": "Q→A", "cloze": "cloze", "truefalse": "true/false"}[self.value]


_SEP = "#"


@dataclass(frozen=True)
class QuizCard:
    """One item asked in one form: scheduled as a card of its own."""

    item: Item
    form: CardForm = CardForm.ANSWER

    @property
    def id(self) -> str:
        """The card id the review log records: the item id for its main card, else plus `#form`."""
        return self.item.id if self.form is main_form(self.item) else f"{self.item.id}{_SEP}{self.form.value}"


def main_form(item: Item) -> CardForm:
    """The form of an item's main card: true/false for an item asked so, else question → answer."""
    return CardForm.TRUEFALSE if item.truefalse else CardForm.ANSWER


def main_card(item: Item) -> QuizCard:
    """The item's main card (its id is the item's id)."""
    return QuizCard(item, main_form(item))


@dataclass(frozen=True, slots=True)
class CardKey:
    """A card known by its id only: its item is loaded when the card is asked (`deck.Deck.load`). `main` is the
    form of the item's main card (`main_form`), whose id is the item's id."""

    item_id: str
    form: CardForm = CardForm.ANSWER
    main: CardForm = CardForm.ANSWER

    @property
    def id(self) -> str:
        return self.item_id if self.form is self.main else f"{self.item_id}{_SEP}{self.form.value}"


def item_id_of(card_id: str) -> str:
    """The item a card id belongs to (`a#cloze` -> `a`)."""
    return card_id.split(_SEP, 1)[0]


def has_form(item: Item, form: CardForm) -> bool:
    if item.truefalse:
        return form is CardForm.TRUEFALSE
    if form is CardForm.CLOZE:
        return item.cloze is not None
    if form is CardForm.TRUEFALSE:
        return item.statement is not None or item.false_statement is not None
    return True


def cards_for(items: Iterable[Item], forms: Sequence[CardForm] = (CardForm.ANSWER,)) -> tuple[QuizCard, ...]:
    """Every card of `items` in the given forms, item by item; a form an item has no text for is skipped. `ANSWER`
    stands for each item's main card (`main_form`): an item asked as true/false gives its true/false card once."""
    cards = (QuizCard(i, main_form(i) if f is CardForm.ANSWER else f) for i in items for f in forms)
    return tuple(dict.fromkeys(c for c in cards if has_form(c.item, c.form)))


def parse_forms(text: str) -> tuple[CardForm, ...]:
    """`cloze,truefalse` (or `all`) -> the answer card plus those forms. Raises ValueError naming a bad one."""
    names = [n.strip().lower().replace("-", "").replace("/", "") for n in text.split(",") if n.strip()]
    if "all" in names:
        return tuple(CardForm)
    aliases = {"tf": "truefalse", "qa": "answer"}
    forms = [CardForm.ANSWER]
    for name in names:
        try:
            form = CardForm(aliases.get(name, name))
        except ValueError:
            raise ValueError(name) from None
        if form not in forms:
            forms.append(form)
    return tuple(forms)
