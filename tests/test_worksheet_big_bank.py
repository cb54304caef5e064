"""A big valid bank (issue 19, hostile10: the bundled bank ×100 took over 120 s for a default sheet): the leak
checker's work grows with the sheet and the pool, not with the pool times the copies of an answer. Counted in calls
to the checker's two costly readings, never in seconds."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

import pytest

from quizgen import resources
from quizgen.bank import Selection, load_bank
from quizgen.bank.model import Item, Text
from quizgen.cli.worksheet import article_texts
from quizgen.generators.worksheet import WorksheetOptions, leaks
from quizgen.generators.worksheet.choose import pick_content


def _copies(items: Sequence[Item], n: int) -> list[Item]:
    """Each item `n` times under new ids, 「第c問 」 before each copy's prompt (no two copies are one question)."""
    return [replace(i, id=f"{i.id}-c{c}", prompt=Text(f"第{c}問 {i.prompt.ja}", i.prompt.en))
            for c in range(n) for i in items]


def test_the_leak_checker_reads_each_text_once_per_answer_not_per_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    bank = load_bank(resources.bank_dir())
    base = Selection().apply(bank)
    texts = article_texts(bank, resources.bank_dir(), None)
    calls = {"told": 0, "sentences": 0}
    told, same_sentence = leaks.LeakChecker._told, leaks._same_sentence

    def counted_told(self: leaks.LeakChecker, *args: object) -> bool:
        calls["told"] += 1
        return told(self, *args)  # type: ignore[arg-type]

    def counted_same(*args: object) -> str | None:
        calls["sentences"] += 1
        return same_sentence(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(leaks.LeakChecker, "_told", counted_told)
    monkeypatch.setattr(leaks, "_same_sentence", counted_same)
    seen = {}
    for n in (2, 8):
        calls.update(told=0, sentences=0)
        pick_content(bank, _copies(base, n), WorksheetOptions(seed=1), random.Random(1), texts)
        seen[n] = dict(calls)
    # two items' sentences are compared once per pair of evidence, however many items quote alike (before: once per
    # pair of item ids, 1,470 at ×2 and 18,028 at ×8)
    assert seen[8]["sentences"] <= len(base) ** 2
    # a text is read once per set of answers alike, so four times the pool reads fewer than three times the texts
    # (before: 2,674 at ×2 and 20,144 at ×8, each copy's answer read in each copy's text)
    assert seen[8]["told"] <= 3 * seen[2]["told"]


def test_a_short_or_cloze_candidate_turned_away_is_not_tried_again_in_a_round(monkeypatch: pytest.MonkeyPatch) -> None:
    """The picker walks the pool once per question it places; an item whose short or cloze question (made without the
    random generator) was turned away stays away for the round, so it is not made and checked again at every later
    slot and every rule that gives way (issue 18: the ×100 bank walked 4,900 candidates per slot)."""
    from quizgen.generators.worksheet import choose
    from quizgen.generators.worksheet.exercises import Exercise

    bank = load_bank(resources.bank_dir())
    base = Selection().apply(bank)
    texts = article_texts(bank, resources.bank_dir(), None)
    tries: dict[tuple[int, str, Exercise], int] = {}
    rounds = [0]
    question, round_ = choose._Made.question, choose._round

    def counted_question(self: choose._Made, t: Exercise, item: Item, *args: object) -> object:
        key = (rounds[0], item.id, t)
        tries[key] = tries.get(key, 0) + 1
        return question(self, t, item, *args)  # type: ignore[arg-type]

    def counted_round(*args: object, **kwargs: object) -> object:
        rounds[0] += 1
        return round_(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(choose._Made, "question", counted_question)
    monkeypatch.setattr(choose, "_round", counted_round)
    options = WorksheetOptions(seed=1, count=12, types=(Exercise.SHORT, Exercise.CLOZE))
    pick_content(bank, _copies(base, 3), options, random.Random(1), texts)
    assert rounds[0] >= 1 and tries
    # before: the same item made and checked as the same type up to 6 times in one round
    assert max(tries.values()) == 1


def test_a_round_on_a_big_pool_draws_from_a_sample_bounded_by_the_sheet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hostile10/11: on the bundled bank ×100 every round walked all 4,900 candidates at every slot. A round on a pool
    larger than `SAMPLE` (and than `SAMPLE_PER_QUESTION` per question) draws from that many items taken at random;
    the bundled bank's 49 items are never sampled (its sheets are unchanged); the sample differs between rounds."""
    from quizgen.generators.worksheet import choose

    bank = load_bank(resources.bank_dir())
    base = Selection().apply(bank)
    texts = article_texts(bank, resources.bank_dir(), None)
    pools: list[frozenset[str]] = []
    picking = choose._Picking

    def seen(bank_: object, pool: list[Item], *args: object, **kwargs: object) -> object:
        pools.append(frozenset(i.id for i in pool))
        return picking(bank_, pool, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(choose, "_Picking", seen)
    options = WorksheetOptions(seed=1, count=10)
    for n in (1, 20):
        pools.clear()
        pick_content(bank, _copies(base, n), options, random.Random(1), texts)
        limit = max(choose.SAMPLE, choose.SAMPLE_PER_QUESTION * options.count)
        if n == 1:
            assert pools and all(len(p) == len(base) for p in pools)
        else:
            assert len(base) * n > limit and pools
            assert all(len(p) == limit for p in pools)
            assert len(set(pools)) == len(pools)  # each round its own sample
