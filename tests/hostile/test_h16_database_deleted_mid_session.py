"""Hostile pass 16, cause 6 (QV01): the review database deleted, or replaced, while the quiz runs.

The answers confirmed after `rm q.db q.db-wal q.db-shm` went into the unlinked file, and the quiz ended with
「Session over: 5 cards, 5 answers」, exit 0: every one of them was gone. Before each save the store now looks whether
the file at the path is still the one it opened (device and inode). Deleted: it is written again from the copy the
session still has open (SQLite's backup), with every answer, and a note says so — nothing is lost. Replaced by another
file (a sync tool, a restored backup): that file is left as it is, the answer is not saved, and the quiz ends with one
line saying so, its summary and exit 1.

The same for `review`'s drafts file: deleted during a review, the next decision said the file 「was changed by another
program」 and was not taken; the file is now written again with the decision (the session holds all of it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from harness import DATA, ONE_DRAFT, quiz_after_one_answer, reviews_saved, run

from quizgen.quiz.store import Store

BANK = DATA / "quiz" / "bank"
ARGS = ("quiz", "--bank", str(BANK), "--db", "q.db", "--now", "2025-03-01T09:00", "--seed", "5", "--limit", "3")


def _reviews(db: Path) -> int:
    return len(reviews_saved(db))


def _quiz_then(change: str) -> tuple[int, str, str, int]:
    """A quiz of three cards: the first answer saved, then `change` done to q.db, then two answers and q; also how
    many reviews q.db held just after the change."""
    db = Path("q.db")
    proc = quiz_after_one_answer(*ARGS, db=db)
    if change == "delete":
        for name in ("q.db", "q.db-wal", "q.db-shm"):
            Path(name).unlink(missing_ok=True)
    else:  # replaced by rename, as a sync tool does
        Store(Path("other") / "q.db").close()
        os.replace(Path("other") / "q.db", db)
    then = _reviews(db) if db.exists() else 0  # the session's -wal, by its name, is read with any file at q.db
    out, err = proc.communicate("y\nz\nq\n", timeout=90)
    return proc.returncode, out, err, then


def test_a_deleted_database_is_written_again_with_every_answer() -> None:
    code, out, err, _ = _quiz_then("delete")
    assert "Traceback" not in err
    assert code == 0, (code, err)
    assert err == ("note: the review database q.db was deleted while quizgen had it open; it is written again from "
                   "the copy still open, with every answer saved before (none is lost)\n")
    assert "Session over: 3 cards, 3 answers" in out
    assert _reviews(Path("q.db")) == 3  # the answer before the deletion and the two after


def test_a_replaced_database_is_left_as_it_is_and_the_quiz_says_so() -> None:
    code, out, err, then = _quiz_then("replace")
    assert "Traceback" not in err
    assert code == 1, (code, err)
    assert err.startswith("Error: your answer to 「")
    assert err.endswith("」 was not saved: the review database q.db was replaced by another file while the quiz ran "
                        "(a sync tool? a restored backup?), and quizgen writes only into the file it opened. The 1 "
                        "answer before it went into the file that was replaced. Run the quiz again to go on with the "
                        "file there now.\n")
    assert err.count("\n") == 1
    assert "Session over: 1 card, 1 answer" in out
    assert _reviews(Path("q.db")) == then  # nothing was written after the other file came


def test_a_drafts_file_deleted_during_review_is_written_again(bank: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from quizgen.extract import review as rv

    drafts = tmp_path / "d.yaml"
    drafts.write_text(ONE_DRAFT, encoding="utf-8")
    checked = rv.check_writable

    def then_deleted(opened: rv.Drafts) -> None:  # the last step before the first draft is shown
        checked(opened)
        drafts.unlink()

    monkeypatch.setattr(rv, "check_writable", then_deleted)
    ran = run("review", "d.yaml", "--bank", "bank", input="d\n重複\nq\n")
    assert "Traceback" not in ran.err
    assert ran.code == 0, ran
    assert ("  ! d.yaml was deleted while this review ran; it is written again with every draft and decision "
            "(none is lost)\n") in ran.out
    assert "重複" in drafts.read_text(encoding="utf-8")
    assert "採用 0 件、破棄 1 件" in ran.out
