"""Review statistics: what is due when, retention and accuracy. Pure: the log and the time come in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from quizgen.bank.model import Category, Item
from quizgen.quiz.cards import item_id_of
from quizgen.quiz.scheduling import Rating, State
from quizgen.quiz.store import CurrentCard, Review

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


def compute(items: Sequence[Item], cards: Mapping[str, CurrentCard], reviews: Sequence[Review], now: dt.datetime,
            tz: dt.tzinfo, days: int = 7, lapses: Mapping[str, int] | None = None, leech_lapses: int = 8) -> Stats:
    """Statistics over `items` (the selection): reviews and cards of other items are left out. A card id is an
    item id, or an item id and a form (`a#cloze`): every form of a selected item counts."""
    lapses = lapses or {}
    by_id = {i.id: i for i in items}
    mine = [c for k, c in cards.items() if item_id_of(k) in by_id]
    studied = {item_id_of(k) for k in cards} & set(by_id)
    today = now.astimezone(tz).date()
    due_days = [c.due.astimezone(tz).date() for c in mine]
    forecast = [(today, sum(1 for d in due_days if d <= today))]  # today includes overdue cards
    for n in range(1, max(days, 2)):
        day = today + dt.timedelta(days=n)
        forecast.append((day, due_days.count(day)))
    revs = [r for r in reviews if item_id_of(r.item_id) in by_id]
    mature = [r for r in revs if r.prior_state is State.REVIEW]
    retention = Ratio(sum(1 for r in mature if r.rating is not Rating.AGAIN), len(mature))
    acc: dict[Category, list[int]] = {}
    for r in revs:
        if r.correct is None:
            continue
        a = acc.setdefault(by_id[item_id_of(r.item_id)].category, [0, 0])
        a[0] += r.correct
        a[1] += 1
    accuracy = tuple((c, Ratio(*acc[c])) for c in Category if c in acc)
    leeches = sum(1 for k, n in lapses.items() if n >= leech_lapses and item_id_of(k) in by_id)
    return Stats(len(revs), len(mine), len(by_id) - len(studied), sum(1 for c in mine if c.due <= now),
                 tuple(forecast), retention, accuracy, leeches)


def due_items(items: Sequence[Item], cards: Mapping[str, CurrentCard], now: dt.datetime) -> list[tuple[Item, CurrentCard]]:
    """Selected items due at `now`, most overdue first."""
    by_id = {i.id: i for i in items}
    due = [(by_id[item_id_of(k)], c) for k, c in cards.items() if item_id_of(k) in by_id and c.due <= now]
    return sorted(due, key=lambda p: (p[1].due, p[1].item_id))
