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
