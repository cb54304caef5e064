"""Second adversarial pass, cause 2: a standard output that is closed (`>&-`, as cron jobs and daemons start).

Python then has no `sys.stdout`: the quiz, review and add-article died with a traceback at their first
prompt, and `export -o -` wrote nothing yet said what it exported and exited 0. Now whatever a command
writes there ends it with one line on standard error and exit 1, before any answer or decision is taken.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from harness import DEV_ARTICLE, drafts_workspace, stdout_closed

CLOSED = "Error: cannot write to standard output: it is closed (use >/dev/null to throw away what quizgen prints)\n"


def test_quiz_says_so_and_records_nothing(bank: Path, tmp_path: Path) -> None:
    res = stdout_closed("quiz", "--bank", "bank", "--db", "q.db", "--now", "2025-03-01T09:00", input="x\nq\n")
    assert res.fails_cleanly() == CLOSED
    if (tmp_path / "q.db").exists():
        with sqlite3.connect(tmp_path / "q.db") as db:
            assert db.execute("select count(*) from reviews").fetchone() == (0,)


def test_export_to_standard_output_never_claims_success(bank: Path) -> None:
    for fmt in ("gift", "kahoot-xlsx"):
        res = stdout_closed("export", "--bank", "bank", "-f", fmt, "-o", "-")
        assert res.fails_cleanly().endswith(CLOSED), (fmt, res.err)


def test_review_and_add_article_say_so_and_decide_nothing(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    before = drafts.read_text(encoding="utf-8")
    res = stdout_closed("review", str(drafts), "--bank", "cls", input="a\nq\n")
    assert res.fails_cleanly() == CLOSED
    assert drafts.read_text(encoding="utf-8") == before
    other = tmp_path / "other.txt"
    other.write_text(DEV_ARTICLE.read_text(encoding="utf-8").replace("会談した", "会談しました"), encoding="utf-8")
    items = sorted((tmp_path / "cls" / "items").iterdir())
    res = stdout_closed("add-article", str(other), "--bank", "cls", input="\n\n\n\n")
    assert res.fails_cleanly() == CLOSED
    assert sorted((tmp_path / "cls" / "items").iterdir()) == items
