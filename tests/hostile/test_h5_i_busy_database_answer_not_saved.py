"""Hostile pass 5, cause I: another process holds the review database's write lock while the quiz saves an answer.

The quiz took the answer, waited 15 s and ended with "the review database … is busy …; try again" (exit 1, no
summary): the answer just typed was not saved and nothing said so. Now it says that this answer was not saved,
naming the card, and that the answers before it were; it prints the session's summary and exits 1.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import yaml
from harness import DATA, quiz_after_one_answer, reviews_saved, run

from quizgen.quiz import store as store_module

BANK = DATA / "quiz" / "bank"
PROMPTS = {i["id"]: i["prompt"]["ja"] for i in yaml.safe_load((BANK / "bank.yaml").read_text(encoding="utf-8"))["items"]}
ARGS = ("quiz", "--bank", str(BANK), "--db", "q.db", "--now", "2025-03-01T09:00", "--seed", "5", "--limit", "2")


def _reviews(db: Path) -> list[str]:
    return reviews_saved(db)


def _lock(db: Path) -> sqlite3.Connection:
    """Another process's write lock, as a second `quizgen review` or a backup tool holds it."""
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("BEGIN EXCLUSIVE")
    con.execute("INSERT INTO reviews SELECT * FROM reviews LIMIT 0")
    return con


def _message(card: str, before: str) -> str:
    busy, first = store_module.BUSY_TIMEOUT_MS, min(store_module.NOTICE_AFTER_MS, store_module.BUSY_TIMEOUT_MS // 2)
    return (f"note: the review database q.db is in use by another program (another quiz?); waiting up to "
            f"{round((busy - first) / 1000)} s for it before saving\n"  # said at once (hostile pass 11, C14)
            f"Error: your answer to 「{card}」 was not saved: the review database q.db is busy (another program has "
            f"held its write lock for {store_module.BUSY_TIMEOUT_MS // 1000} s). {before} Run the quiz again when "
            "the other program is done; this card is asked again then.\n")


def test_the_second_answer_not_saved_is_named_and_the_first_is_kept() -> None:
    db = Path("q.db")
    proc = quiz_after_one_answer(*ARGS, db=db)
    lock = _lock(db)
    try:
        out, err = proc.communicate("x\nq\n", timeout=90)
    finally:
        lock.rollback()
        lock.close()
    saved = _reviews(db)
    assert len(saved) == 1
    second = next(p for i, p in PROMPTS.items() if i != saved[0] and p in out)
    assert "Traceback" not in err
    assert err == _message(second, "The 1 answer before it is saved.")
    assert "Session over: 1 card, 1 answer, 0 right (0%)." in out
    assert proc.returncode == 1


def test_the_first_answer_not_saved(monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(*ARGS, "--new", "0").code == 0  # makes the database
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 1000)
    lock = _lock(Path("q.db"))
    try:
        res = run(*ARGS, input="x\nq\n")
    finally:
        lock.rollback()
        lock.close()
    assert _reviews(Path("q.db")) == []
    card = next(p for p in PROMPTS.values() if p in res.out)
    assert res.err == _message(card, "It was the first answer of this session.")
    assert "Session over: 0 cards, 0 answers, 0 right." in res.out
    assert res.code == 1
