"""Spaced-repetition scheduling: a thin, pure wrapper over `fsrs` (py-fsrs, FSRS-6).

Nothing here reads the clock or the global random generator: the review time
(`now`, UTC) and the generator used for interval fuzz (`rng`) are passed in.

A card's fsrs id is derived from the item's stable `id` (never from its text), so
rewording a question keeps the learner's progress; see :func:`card_id`.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from functools import cached_property
from typing import TYPE_CHECKING, Any

from quizgen.errors import UsageError

if TYPE_CHECKING:  # fsrs is imported on first use, so the quiz can show its first question sooner
    import fsrs
    from fsrs import Card

__all__ = [
    "DEFAULT_RETENTION",
    "Rating",
    "Scheduler",
    "State",
    "card_from_json",
    "card_id",
    "card_to_json",
    "fuzzed_days",
    "state_problem",
]

DEFAULT_RETENTION = 0.9
MIN_RETENTION, MAX_RETENTION = 0.70, 0.99


class State(IntEnum):
    """A card's learning state: fsrs's three, plus NEW for a card never reviewed."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


class Rating(IntEnum):
    """How well the learner knew a card (the same numbers as fsrs and Anki)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


def card_id(item_id: str) -> int:
    """The fsrs card id for an item: the first 8 bytes of SHA-256 of the UTF-8 item id,
    read big-endian, with the top bit cleared.

    Stable across runs, machines and Python versions (unlike `hash()`), and always a
    positive 63-bit integer, so it fits an SQLite INTEGER.
    """
    import hashlib  # imported here: loading OpenSSL costs the quiz's start-up a few milliseconds

    digest = hashlib.sha256(item_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") & 0x7FFF_FFFF_FFFF_FFFF


def card_to_json(card: Card) -> str:
    import json

    return json.dumps(card.to_dict(), sort_keys=True, separators=(",", ":"))


def card_from_json(text: str) -> Card:
    import json

    import fsrs

    data: dict[str, Any] = json.loads(text)
    return fsrs.Card.from_dict(data)  # type: ignore[arg-type]


_TIME = r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{6})?\+00:00)"
_NUMBER = r"((?:[1-9]\d*|0)(?:\.\d+)?(?:e[-+]?\d+)?)"
# What `card_to_json` writes (sorted keys, no spaces), read without parsing JSON: `stats` checks every card with it.
_CANONICAL = re.compile(rf'\{{"card_id":-?\d+,"difficulty":{_NUMBER},"due":"{_TIME}","last_review":"{_TIME}",'
                        rf'"stability":{_NUMBER},"state":([123]),"step":(?:\d+|(null))\}}')


def _canonical_ok(text: str) -> bool:
    """Is `text` a state as `card_to_json` writes it, with true times and positive numbers (the quick way)?"""
    import math

    m = _CANONICAL.fullmatch(text)
    if m is None or (m[6] and m[5] != "2"):
        return False
    try:
        dt.datetime.fromisoformat(m[2]), dt.datetime.fromisoformat(m[3])
    except ValueError:
        return False
    return 0 < float(m[1]) < math.inf and 0 < float(m[4]) < math.inf


def state_problem(text: object) -> str | None:
    """What is wrong with a card state as the review log stores it (`card_to_json` of a reviewed card), or None
    when `card_from_json` reads it into a card fsrs can schedule. Pure and fsrs-free: the quiz checks a card's state
    before it asks the card, so a damaged one is reported before an answer is typed, not when it is saved."""
    import json

    if isinstance(text, str) and _canonical_ok(text):
        return None
    if not isinstance(text, str):
        return f"it is {type(text).__name__}, not text"
    try:
        data = json.loads(text)
    except ValueError:
        return "it is not JSON"
    except RecursionError:  # '[[[[…' deeper than Python's stack: damaged or crafted, never a card state
        return "it is nested too deeply to be a card state"
    if not isinstance(data, dict):
        kind = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(type(data), "a number")
        return f"it is {kind}, not an object"
    return _fields_problem(data)


def _fields_problem(data: dict[str, Any]) -> str | None:
    """`state_problem` of a state read as a JSON object."""
    import math

    for key in ("card_id", "state", "step", "stability", "difficulty", "due", "last_review"):
        if key not in data:
            return f"it has no {key}"
    state, step = data["state"], data["step"]
    if type(data["card_id"]) is not int:
        return f"its card_id {data['card_id']!r} is not a whole number"
    if type(state) is not int or state not in (State.LEARNING, State.REVIEW, State.RELEARNING):
        return f"its state {state!r} is not 1, 2 or 3"
    if not (step is None and state == State.REVIEW) and not (type(step) is int and step >= 0):
        return f"its step {step!r} is not a step of state {state}"
    for key in ("stability", "difficulty"):
        value = data[key]
        if type(value) not in (int, float) or not math.isfinite(value) or value <= 0:
            return f"its {key} {value!r} is not a positive number"
    bad = next((key for key in ("due", "last_review") if not _utc_time(data[key])), None)
    return None if bad is None else f"its {bad} {data[bad]!r} is not a time with its UTC offset"


def _utc_time(value: object) -> bool:
    try:
        return isinstance(value, str) and dt.datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _utc(now: dt.datetime) -> dt.datetime:
    if now.tzinfo is None:
        raise ValueError("review times must be timezone-aware")
    return now.astimezone(dt.UTC)


@dataclass(frozen=True)
class Scheduler:
    """FSRS with a desired retention (0.70–0.99, default 0.9) and optional interval fuzz.

    Fuzz spreads review-state intervals of 3 days or more by a few days so cards
    learnt together do not stay together. fsrs draws its fuzz from the global
    random generator; we keep fsrs's fuzz off and apply the same ranges
    (`fsrs.scheduler.FUZZ_RANGES`) with the `rng` passed to :meth:`review`, so
    sessions are reproducible. With `fuzz=False` results equal plain fsrs exactly.
    """

    desired_retention: float = DEFAULT_RETENTION
    fuzz: bool = True
    parameters: tuple[float, ...] | None = None

    def __post_init__(self) -> None:
        if not MIN_RETENTION <= self.desired_retention <= MAX_RETENTION:
            raise UsageError(f"desired retention must be between {MIN_RETENTION:.2f} and {MAX_RETENTION:.2f}, "
                             f"not {self.desired_retention:g}")

    def new_card(self, item_id: str, now: dt.datetime) -> Card:
        """A never-reviewed card for `item_id`, due at `now`."""
        import fsrs

        return fsrs.Card(card_id=card_id(item_id), due=_utc(now))

    def review(self, card: Card, rating: Rating | int, now: dt.datetime, rng: random.Random | None = None) -> Card:
        """The card after a review with `rating` at `now`. `rng` is needed only when fuzz is on."""
        import fsrs

        now = _utc(now)
        new, _log = self._fsrs.review_card(card, fsrs.Rating(int(rating)), review_datetime=now)
        if self.fuzz and int(new.state) == State.REVIEW:
            if rng is None:
                raise ValueError("fuzz is on: pass an rng")
            days = (new.due - now).days
            new.due = now + dt.timedelta(days=fuzzed_days(days, self._fsrs.maximum_interval, rng))
        return new

    def replay(self, item_id: str, reviews: Sequence[tuple[Rating | int, dt.datetime]]) -> Card:
        """Rebuild a card from its ratings and times (without fuzz: exactly what fsrs gives)."""
        import fsrs

        first = reviews[0][1] if reviews else dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
        card = self.new_card(item_id, first)
        sched = self._fsrs
        for rating, when in reviews:
            card, _ = sched.review_card(card, fsrs.Rating(int(rating)), review_datetime=_utc(when))
        return card

    @cached_property
    def _fsrs(self) -> fsrs.Scheduler:
        """The equivalent fsrs scheduler (always without fsrs's own fuzz), made on first use."""
        import fsrs

        kwargs: dict[str, Any] = {"desired_retention": self.desired_retention, "enable_fuzzing": False}
        if self.parameters is not None:
            kwargs["parameters"] = self.parameters
        return fsrs.Scheduler(**kwargs)


def fuzzed_days(days: int, maximum: int, rng: random.Random) -> int:
    """fsrs's fuzz (same ranges, same rounding), drawn from `rng`. Intervals under 3 days are kept."""
    from fsrs.scheduler import FUZZ_RANGES

    if days < 2.5:
        return days
    delta = 1.0
    for r in FUZZ_RANGES:
        delta += float(r["factor"]) * max(min(float(days), float(r["end"])) - float(r["start"]), 0.0)
    lo = max(2, round(days - delta))
    hi = min(round(days + delta), maximum)
    lo = min(lo, hi)
    return min(round(rng.random() * (hi - lo + 1) + lo), maximum)
