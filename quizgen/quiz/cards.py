"""The quiz's cards: one item may be asked in several forms, each scheduled as a card of its own (pure).

The plain question → answer card keeps the item's id as its card id, so a history from before forms
existed goes on as it was; a cloze or true/false card adds its form to the id (`a000-xi-title#cloze`).
Ids, never text, are identity: rewording an item keeps every card's progress.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from quizgen.bank.model import Item

__all__ = ["CardForm", "QuizCard", "cards_for", "item_id_of", "parse_forms"]


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
    item: Item
    form: CardForm = CardForm.ANSWER

    @property
    def id(self) -> str:
        """The card id the review log records: the item id, plus `#form` for a form other than the answer."""
        return self.item.id if self.form is CardForm.ANSWER else f"{self.item.id}{_SEP}{self.form.value}"


def item_id_of(card_id: str) -> str:
    """The item a card id belongs to (`a#cloze` -> `a`)."""
    return card_id.split(_SEP, 1)[0]


def has_form(item: Item, form: CardForm) -> bool:
    if form is CardForm.CLOZE:
        return item.cloze is not None
    if form is CardForm.TRUEFALSE:
        return item.statement is not None or item.false_statement is not None
    return True


def cards_for(items: Iterable[Item], forms: Sequence[CardForm] = (CardForm.ANSWER,)) -> tuple[QuizCard, ...]:
    """Every card of `items` in the given forms, item by item; a form an item has no text for is skipped."""
    return tuple(QuizCard(i, f) for i in items for f in forms if has_form(i, f))


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
