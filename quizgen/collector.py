"""Python's cycle collector paused while a big structure without cycles is built or walked."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]


@contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off inside the block: the bank's records, the Anki planner's indexes and a deck's
    notes hold no cycles, and on a big bank the collector would walk every object made so far again and again
    (it took as long as parsing the bank, and half of planning a 100,000-item deck). Memory is freed as ever, by
    reference counting; the collector is back on (if it was) when the block ends."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
