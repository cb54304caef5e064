"""Hostile pass 3, cause N: `leeches --reset` on a read-only review database.

Before the fix it said "so no answer could be saved … Make it writable (chmod u+w)": no answer is involved, and
on a read-only file system chmod cannot help. Now the refusal says what the command could not do and why the
file is read-only (the mount, the folder or the file's mode), with what to do about that.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
from pathlib import Path

import pytest
from harness import DATA, in_namespace, run

from quizgen.quiz.scheduling import Rating, Scheduler
from quizgen.quiz.store import Store

BANK = DATA / "quiz" / "bank"
T0 = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)


def _leech(db: Path) -> None:
    """t-host failed eight times after its first answer: a leech."""
    sched = Scheduler(fuzz=False)
    with Store(db) as store:
        at, rating = T0, Rating.GOOD
        for n in range(9):
            store.add_review("t-host", rating, at, lambda prev, r=rating, a=at: sched.review(  # type: ignore[misc]
                prev or sched.new_card("t-host", a), r, a))
            at, rating = at + dt.timedelta(days=n + 1), Rating.AGAIN


def test_a_reset_on_a_read_only_mount_names_the_mount_not_answers(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    _leech(ro / "q.db")
    before = (ro / "q.db").read_bytes()
    mount = 'mount --bind "$PWD/ro" "$PWD/ro" && mount -o remount,bind,ro "$PWD/ro"'
    lines = [f"cd {shlex.quote(str(tmp_path))}", mount]
    for args in (["leeches", "--reset-all"], ["leeches", "--reset", "t-host"], ["quiz"]):
        lines.append(f"$QUIZGEN {args[0]} --bank {shlex.quote(str(BANK))} --db ro/q.db --now 2025-03-20T09:00 "
                     f"{' '.join(args[1:])} </dev/null >out.txt 2>err.txt; echo \"rc=$?\"; cat err.txt")
    res = in_namespace("\n".join(lines) + "\n")
    assert res.code == 0, res.err
    leech = ("Error: ro/q.db is read-only (its file system is mounted read-only), so no leech can be reset. Copy it to "
             "a writable folder and pass --db with the copy; it was not changed.\n")
    quiz = leech.replace("no leech can be reset", "no answer could be saved")
    assert res.out == f"rc=1\n{leech}rc=1\n{leech}rc=1\n{quiz}"
    assert (ro / "q.db").read_bytes() == before
    assert sorted(p.name for p in ro.iterdir()) == ["q.db"]


def test_a_reset_on_a_file_without_write_permission() -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes a chmod 444 file anyway; the read-only mount above covers root")
    db = Path("q.db")
    _leech(db)
    db.chmod(0o444)
    err = run("leeches", "--bank", str(BANK), "--db", "q.db", "--now", "2025-03-20T09:00", "--reset-all").fails_cleanly()
    assert err == ("Error: q.db is read-only, so no leech can be reset. Make it writable (chmod u+w) or pass --db "
                   "with another path; it was not changed.\n")
