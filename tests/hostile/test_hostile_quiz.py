"""Hostile input and faults against `quizgen quiz`, `stats` and `due` (issue 18, causes 6, 7, 9 and 10).

Each test reproduces a case of the adversarial run: it failed (a traceback, a lost answer, an escape
sequence on the terminal, a read-only file left behind) before the fix it guards.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import os
import random
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.bank import Bank, Text, load_bank
from quizgen.cli import cli
from quizgen.cli import quiz as quiz_cli
from quizgen.cli import stats as stats_cli
from quizgen.cli.terminal import Input
from quizgen.quiz.cards import QuizCard
from quizgen.quiz.scheduling import Rating, Scheduler
from quizgen.quiz.session import AnswerMode, Session
from quizgen.quiz.store import Store

BANK = Path(__file__).resolve().parent.parent / "data" / "quiz" / "bank"
T0 = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("QUIZGEN_DB", raising=False)


def _env_for(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "QUIZGEN_CACHE_DIR": str(tmp_path / "cache"), "PYTHONUNBUFFERED": "1", "TZ": "UTC",
            "LC_ALL": "C.UTF-8", "NO_COLOR": "1"}


def _quiz_args(db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "quizgen", "quiz", "--bank", str(BANK), "--db", str(db), "--seed", "1",
            "--now", "2025-03-01T09:00", *extra]


def _reviews(db: Path) -> list[tuple[str, str | None]]:
    with Store(db) as store:
        return [(r.item_id, r.answer) for r in store.reviews()]


# --------------------------------------------------------------------------- 6: undecodable input


def test_a_shift_jis_answer_is_refused_with_a_message_and_the_session_goes_on(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    typed = "ゼレンスキー".encode("shift_jis") + b"\n12\nq\n"
    res = subprocess.run(_quiz_args(db), input=typed, capture_output=True, env=_env_for(tmp_path), timeout=60)
    out, err = res.stdout.decode(), res.stderr.decode()
    assert res.returncode == 0, err
    assert "Traceback" not in err
    assert ("  That line is not UTF-8 text (is the terminal set to Shift_JIS or EUC-JP?). "
            "Nothing was recorded; type the answer again.\n") in out
    assert "> 12\n✓ Right" in out
    assert _reviews(db) == [("t-peace-plan-points", "12")]


# --------------------------------------------------------------------------- 7: escape sequences in bank text

HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x9b31m"


def _hostile_bank() -> Bank:
    bank = load_bank(BANK)
    items = tuple(dataclasses.replace(i, prompt=Text(i.prompt.ja + HOSTILE, i.prompt.en + HOSTILE),
                                      explanation=Text(HOSTILE + i.explanation.ja, i.explanation.en),
                                      answer=Text(i.answer.ja, i.answer.en + HOSTILE))
                  for i in bank.items)
    return dataclasses.replace(bank, items=items)


def _no_raw_controls(text: str) -> None:
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)  # our own colours (SGR) are allowed
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", plain), repr(plain[:400])


class _Lines(Input):
    def __init__(self, lines: list[str]) -> None:
        self.tty = False
        self.closed = False
        self.lines = lines

    def read(self, prompt: str) -> str | None:
        return self.lines.pop(0) if self.lines else None


def test_escape_sequences_in_bank_text_never_reach_the_quiz_terminal(tmp_path: Path) -> None:
    bank = _hostile_bank()
    with Store(tmp_path / "r.db") as store:
        session = Session(bank, [QuizCard(i) for i in bank.items[:2]], store, Scheduler(), random.Random(1), lambda: T0,
                          AnswerMode.TYPED)
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            quiz_cli._run(session, bank.items, _Lines(["x", "y"]))
    out = buf.getvalue()
    assert "Session over" in out
    _no_raw_controls(out)
    assert "pwned" in out  # shown, made harmless


def test_escape_sequences_in_bank_text_never_reach_the_due_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bank = _hostile_bank()
    db = tmp_path / "r.db"
    with Store(db) as store:
        sched = Scheduler(fuzz=False)
        store.add_review("t-host", Rating.AGAIN, T0, lambda prev: sched.review(sched.new_card("t-host", T0), 1, T0))
    monkeypatch.setattr(stats_cli, "load_bank_fast", lambda path: bank)
    res = CliRunner().invoke(cli, ["due", "--db", str(db), "--now", "2025-03-02T09:00"], color=True,
                             catch_exceptions=False)
    assert res.exit_code == 0
    assert "1 card due now." in res.output
    _no_raw_controls(res.output)


# --------------------------------------------------------------------------- 9: ordinary faults


def _db_with_a_bad_row(tmp_path: Path) -> Path:
    db = tmp_path / "r.db"
    Store(db).close()
    con = sqlite3.connect(db)
    with con:
        con.execute("INSERT INTO reviews (kind, item_id, reviewed_at, rating, state, due, card_state, prior_state) "
                    "VALUES ('review', 't-host', 'yesterday', 3, '{}', 'soon', 1, 0)")
    con.close()
    return db


@pytest.mark.parametrize("command", ["quiz", "stats", "due"])
def test_a_bad_timestamp_in_the_database_is_a_clear_error(tmp_path: Path, command: str) -> None:
    db = _db_with_a_bad_row(tmp_path)
    res = CliRunner().invoke(cli, [command, "--bank", str(BANK), "--db", str(db), "--now", "2025-03-01T09:00"],
                             input="12\nq\n", catch_exceptions=False)
    assert res.exit_code == 1
    assert res.output == (f"Error: {db} is damaged: review 1 has a bad time 'soon' in its due column. It was not "
                          "changed; restore a backup, or pass --db with another path to start a new history.\n")


@pytest.mark.parametrize("now", ["9999-12-31T23:58", "0001-01-01T00:00"])
@pytest.mark.parametrize("command", ["quiz", "stats", "due"])
def test_now_out_of_range_is_a_usage_error(tmp_path: Path, command: str, now: str) -> None:
    res = CliRunner().invoke(cli, [command, "--bank", str(BANK), "--db", str(tmp_path / "r.db"), "--now", now],
                             input="12\nq\n", catch_exceptions=False)
    assert (res.exit_code, res.output) == (2, f"Error: --now must be between 1970-01-01 and 9899-12-31, not {now!r}\n")


def test_quiz_with_stdin_closed_ends_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    res = subprocess.run(_quiz_args(db), stdin=None, capture_output=True, text=True, env=_env_for(tmp_path),
                         timeout=60, preexec_fn=lambda: os.close(0))
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    assert "Session over: 0 cards, 0 answers, 0 right." in res.stdout
    assert _reviews(db) == []


@pytest.mark.parametrize("command", ["quiz", "stats", "due"])
def test_stdout_on_a_full_device_is_a_one_line_error(tmp_path: Path, command: str) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    db = tmp_path / "r.db"
    args = [sys.executable, "-m", "quizgen", command, "--bank", str(BANK), "--db", str(db), "--now", "2025-03-01T09:00"]
    with open("/dev/full", "w") as full:
        res = subprocess.run(args, input="12\nq\n", stdout=full, stderr=subprocess.PIPE, text=True,
                             env=_env_for(tmp_path), timeout=60)
    assert res.returncode == 1
    assert res.stderr == "Error: cannot write to standard output: No space left on device\n"


# --------------------------------------------------------------------------- 10: a read-only database


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """Make `path` unwritable for this process: chmod for a user, the immutable attribute for root."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o644)
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("running as root where the immutable attribute is not available")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def _history(tmp_path: Path) -> Path:
    db = tmp_path / "r.db"
    with Store(db) as store:
        sched = Scheduler(fuzz=False)
        store.add_review("t-host", Rating.GOOD, T0, lambda prev: sched.review(sched.new_card("t-host", T0), 3, T0))
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("r.db")) == ["r.db"]
    return db


def test_a_read_only_database_is_refused_before_the_first_question_and_left_clean(tmp_path: Path) -> None:
    db = _history(tmp_path)
    with _read_only(db):
        res = CliRunner().invoke(cli, ["quiz", "--bank", str(BANK), "--db", str(db), "--now", "2025-03-05T09:00"],
                                 input="12\n", catch_exceptions=False)
    assert res.exit_code == 1
    assert res.output == (f"Error: {db} is read-only, so no answer could be saved. Make it writable (chmod u+w) or "
                          "pass --db with another path; it was not changed.\n")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("r.db")) == ["r.db"]


@pytest.mark.parametrize("command", ["stats", "due"])
def test_a_read_only_database_can_still_be_read_and_is_left_clean(tmp_path: Path, command: str) -> None:
    db = _history(tmp_path)
    with _read_only(db):
        res = CliRunner().invoke(cli, [command, "--bank", str(BANK), "--db", str(db), "--now", "2025-03-05T09:00"],
                                 catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert ("Cards: 1 studied" if command == "stats" else "1 card due now.") in res.output
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("r.db")) == ["r.db"]
