"""Eighth adversarial pass, G12: two `review` sessions at once, on two drafts files of one article, into one bank.

Each session holds only its own drafts file, while an accept reads the bank items file (BANK/items/<article>.yaml),
adds the item and writes the file back. Both sessions read the file before either wrote it, so the second write
replaced the first: both said "採用 1 件" and took the draft out of their file, and the bank kept one item (5 of 5
runs). Now an accept (and an undo) holds the bank for its read-modify-write: the second waits for the first and
both items land.
"""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path
from typing import Any

import yaml
from harness import drafts_workspace

from quizgen.extract import review


def _slowly(monkeypatch: Any) -> None:
    """Widen the window between reading the bank items file and writing it back, as a busy machine does."""
    read = review._existing

    def existing(target: Path) -> tuple[str, dict[str, Any]]:
        got = read(target)
        time.sleep(0.5)
        return got

    monkeypatch.setattr(review, "_existing", existing)


def _bank_ids(bank: Path) -> set[str]:
    ids: set[str] = set()
    for f in (bank / "items").glob("*.yaml"):
        ids |= {i["id"] for i in (yaml.safe_load(f.read_text(encoding="utf-8")) or {}).get("items") or []}
    return ids


def test_two_sessions_accepting_at_once_both_reach_the_bank(tmp_path: Path, monkeypatch: Any) -> None:
    drafts_a = drafts_workspace(tmp_path)
    drafts_b = tmp_path / "drafts-b.yaml"
    shutil.copy(drafts_a, drafts_b)
    bank = tmp_path / "cls"
    a = review.open_drafts(drafts_a, bank).drafts
    b = review.open_drafts(drafts_b, bank).drafts
    first, second = a.pending[1], b.pending[5]
    _slowly(monkeypatch)
    errors: list[BaseException] = []

    def accept(drafts: review.Drafts, item: Any) -> None:
        try:
            review.accept(drafts, item)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=accept, args=(a, first)), threading.Thread(target=accept, args=(b, second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert [getattr(e, "problems", e) for e in errors] == []
    assert {first.id, second.id} <= _bank_ids(bank)  # both accepts landed: none silently lost
    assert not (bank / ".bank-lock").exists()  # no lock file left behind
