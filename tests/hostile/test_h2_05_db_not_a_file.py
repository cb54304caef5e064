"""Second adversarial pass, cause 5: `--db` on a device or FIFO.

`--db /dev/zero` (or /dev/null, QUIZGEN_DB=/dev/full) was refused with "disk I/O error", but only after
SQLite had created /dev/zero-journal beside it (as root). The database path is now held to the rule of
every output: a regular file or a new path outside the system folders, checked before SQLite opens it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from harness import run

from quizgen.quiz.store import Store


@pytest.mark.parametrize("command", ["due", "stats", "quiz"])
def test_a_fifo_is_refused_before_sqlite_opens_it(bank: Path, tmp_path: Path, command: str) -> None:
    os.mkfifo(tmp_path / "q.db")
    err = run(command, "--bank", "bank", "--db", "q.db", input="q\n").fails_cleanly()
    assert err == "Error: will not write q.db: it is a FIFO, not a regular file; quizgen writes only regular files\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank", "q.db"]


def test_a_device_is_refused_and_nothing_is_made_beside_it(tmp_path: Path) -> None:
    if not os.access("/dev", os.W_OK):
        pytest.skip("only a user who can write /dev (root) would leave debris there")
    before = set(os.listdir("/dev"))
    for device in ("/dev/zero", "/dev/null"):
        with pytest.raises(Exception, match=f"will not write {device}: it is a character device"):
            Store(device, read_only=True)
    assert set(os.listdir("/dev")) - before == set()
