"""Wrong answers drawn from what is read of the bank once (issue 14, perf10): `forms.Distractors` prepared for an
item and drawn many times (a worksheet's rounds) gives the very options, in the very order, and leaves the random
generator where drawing the shuffled pool itself did (the code before perf10, kept here as the reference), so
sheets stay the same."""

from __future__ import annotations

import random
from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen import forms
from quizgen.bank import Bank, Item, Selection, Text, load_bank
from quizgen.bank.placeholders import is_placeholder
from quizgen.japanese.normalise import normalise
from quizgen.resources import bank_dir

_BANK = load_bank(bank_dir())
_ITEMS = Selection().apply(_BANK)


def _reference(bank: Bank, item: Item, rng: random.Random, n: int = 3) -> tuple[Text, ...]:
    """`forms.distractors` before perf10: the pool itself shuffled."""
    seen = {normalise(a) for a in bank.accepted(item)}
    chosen: list[Text] = []

    def take(cands: Iterable[Text]) -> None:
        for c in cands:
            if len(chosen) >= n:
                return
            keys = {normalise(c.ja)} | (set() if is_placeholder(c.en) else {normalise(c.en)})
            if keys & seen:
                continue
            seen.update(keys)
            chosen.append(c)

    take(item.distractors)
    pool = [c for c in bank.distractor_pool(item) if c not in item.distractors]
    rng.shuffle(pool)
    take(pool)
    return tuple(chosen)


@given(st.integers(0, 2**32), st.integers(1, 5))
@settings(max_examples=40, deadline=None)
def test_a_prepared_draw_is_the_shuffled_pool(seed: int, n: int) -> None:
    """Every item of the bundled bank, drawn three times from one `Distractors`: the same wrong answers as the
    reference and the generator in the same state after each draw."""
    ours, ref = random.Random(seed), random.Random(seed)
    for item in _ITEMS:
        prepared = forms.Distractors.of(_BANK, item, n)
        for _ in range(3):
            assert prepared.draw(ours) == _reference(_BANK, item, ref, n)
            assert ours.getstate() == ref.getstate()
        assert forms.distractors(_BANK, item, ours, n) == _reference(_BANK, item, ref, n)


def test_a_prepared_choice_is_the_choice() -> None:
    """`multiple_choice` with its `Distractors` made once is the one that reads the bank each time."""
    a, b = random.Random(7), random.Random(7)
    for item in _ITEMS:
        prepared = forms.Distractors.of(_BANK, item)
        for _ in range(3):
            assert forms.multiple_choice(_BANK, item, a, prepared=prepared) == forms.multiple_choice(_BANK, item, b)
