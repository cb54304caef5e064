"""Review statistics: what is due when, retention and accuracy. Pure: the store's due times and totals and the time
come in."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quizgen.bank.catalog import ItemFacts
from quizgen.bank.model import Category
from quizgen.quiz.cards import item_id_of
from quizgen.quiz.store import Totals

__all__ = ["Ratio", "Stats", "compute", "due_items"]


@dataclass(frozen=True)
class Ratio:
    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __str__(self) -> str:
        v = self.value
        return "—" if v is None else f"{v:.0%} ({self.hits}/{self.total})"


@dataclass(frozen=True)
class Stats:
    total_reviews: int
    cards_studied: int  # cards with a review (each form of an item is a card)
    cards_new: int  # selected items with no card reviewed
    due_now: int
    forecast: tuple[tuple[dt.date, int], ...]  # local days from today; today includes overdue cards
    true_retention: Ratio  # reviews of cards in the review state that were not failed (rated > Again)
    accuracy: tuple[tuple[Category, Ratio], ...]  # judged answers per category ("I was right" counts as right)
    leeches: int = 0  # cards with `leech_lapses` lapses or more, left out of the quiz

    @property
    def due_today(self) -> int:
        return self.forecast[0][1]

    @property
    def due_tomorrow(self) -> int:
        return self.forecast[1][1]


def compute(categories: Mapping[str, Category], selected: int, dues: Mapping[str, dt.datetime],
            totals: Mapping[str, Totals], now: dt.datetime, tz: dt.tzinfo, days: int = 7, leech_lapses: int = 8) -> Stats:
    """Statistics over the `selected` items: `categories` holds the category of each selected item that has cards
    (more do no harm), and cards and reviews of other items are left out. `dues` holds every card's due time, `totals`
    every card's counts over its reviews (the store keeps both, so no review is read). A card id is an item id, or an
    item id and a form (`a#cloze`): every form of a selected item counts."""
    mine = [due for k, due in dues.items() if item_id_of(k) in categories]
    studied = {item_id_of(k) for k in dues} & categories.keys()
    today = now.astimezone(tz).date()
    due_days = Counter(due.astimezone(tz).date() for due in mine)
    forecast = [(today, sum(n for day, n in due_days.items() if day <= today))]  # today includes overdue cards
    for n in range(1, max(days, 2)):
        day = today + dt.timedelta(days=n)
        forecast.append((day, due_days[day]))
    counted = [(categories[item], t) for k, t in totals.items() if (item := item_id_of(k)) in categories]
    retention = Ratio(sum(t.kept for _, t in counted), sum(t.mature for _, t in counted))
    acc: dict[Category, list[int]] = {}
    for category, t in counted:
        if t.judged:
            a = acc.setdefault(category, [0, 0])
            a[0] += t.correct
            a[1] += t.judged
    accuracy = tuple((c, Ratio(*acc[c])) for c in Category if c in acc)
    leeches = sum(1 for _, t in counted if t.lapses >= leech_lapses)
    return Stats(sum(t.reviews for _, t in counted), len(mine), selected - len(studied),
                 sum(1 for due in mine if due <= now), tuple(forecast), retention, accuracy, leeches)


def due_items(items: Mapping[str, ItemFacts], due: Sequence[tuple[str, dt.datetime]]) -> list[tuple[ItemFacts, str, dt.datetime]]:
    """The `due` cards (card id, due time: see `Store.due_times`) of the selected `items` (by id), most overdue
    first: (the item's facts, card id, due time)."""
    rows = [(items[item], card, when) for card, when in due if (item := item_id_of(card)) in items]
    return sorted(rows, key=lambda r: (r[2], r[1]))
