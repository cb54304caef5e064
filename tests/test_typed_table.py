"""The typed-answer table generated from the bank (bench/typed_table.py): 0 false accepts, at most 2% false rejects.

The rows come from the bank by fixed rules (every spelling in every script, romaji, mixed script, English
variants; other items' answers, near-miss numbers and dates, wrong titles, hedges, two answers), never from the
judge, so the table works on any bank in the format, the bundled one or a rewritten one.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from quizgen import resources
from quizgen.bank import load_bank

ROOT = Path(__file__).resolve().parent.parent


def _typed_table() -> ModuleType:
    spec = importlib.util.spec_from_file_location("typed_table", ROOT / "bench" / "typed_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["typed_table"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.parametrize("bank_dir", [resources.bank_dir(), ROOT / "tests" / "data" / "quiz" / "bank"],
                         ids=["bundled", "quiz-tests"])
def test_generated_table_has_no_false_accepts_and_few_false_rejects(bank_dir: Path) -> None:
    tt = _typed_table()
    rows = tt.table(load_bank(bank_dir))
    s = tt.summary(rows)
    kinds = {r.kind for r in rows}
    assert {"hiragana", "katakana", "romaji-hepburn", "romaji-kunrei", "other-answer", "hedge"} <= kinds
    assert s["negatives"] > 0 and s["positives"] > 5 * len({r.item for r in rows})
    false_accepts = [(r.item, r.typed, r.kind) for r in rows if r.got and not r.accept]
    assert false_accepts == []
    assert s["false_reject_rate"] <= 0.02, [(r.item, r.typed, r.kind) for r in rows if r.accept and not r.got][:40]


@pytest.mark.slow
@pytest.mark.parametrize("bank_dir", [resources.bank_dir(), ROOT / "tests" / "data" / "quiz" / "bank"],
                         ids=["bundled", "quiz-tests"])
def test_an_inserted_no_never_turns_another_items_answer_into_this_one(bank_dir: Path) -> None:
    """Every spelling of every item, as written and with の put between two of its words, typed for every other
    item: the particle rule (大統領の続投 for 大統領続投) never makes it right for an item that does not list it."""
    import random

    from quizgen.bank.cache import with_readings
    from quizgen.japanese.normalise import normalise
    from quizgen.japanese.particles import without_particles
    from quizgen.quiz.answers import judge_card
    from quizgen.quiz.cards import QuizCard
    from quizgen.quiz.judge import VerdictReason
    from quizgen.quiz.scheduling import Scheduler
    from quizgen.quiz.session import Session

    tt = _typed_table()
    bank = with_readings(load_bank(bank_dir))
    session = Session(bank, [], None, Scheduler(), random.Random(0), lambda: None)  # type: ignore[arg-type,return-value]
    items = bank.live_items()
    spellings = {f for item in items for f in session.forms(item)}
    typed = {f: [t for t in (f, *tt.with_no(bank, f)) if without_particles(t)] for f in spellings}
    assert any(typed.values())
    made_right = []
    for item in items:
        mine = {normalise(f) for f in session.forms(item)}
        for spelling in sorted(spellings):
            if normalise(spelling) in mine:
                continue
            for t in typed[spelling]:
                verdict = judge_card(bank, QuizCard(item), t, session.others(item), session.forms(item))
                if verdict.correct and verdict.reason is VerdictReason.PARTICLE:
                    made_right.append((item.id, t, verdict.matched))
    assert made_right == []
