"""Hostile pass 4, cause G: Ctrl-C in the quiz printed the summary, saved, then "Aborted!" and exit status 1.

The README promises that `q` "ends with a summary and the list of cards you missed (so do Ctrl-C and Ctrl-D)":
Ctrl-C is a way to end the session, not a failure. Now a real SIGINT, at the answer prompt or at the one-key
rating prompt, ends the quiz as `q` does: the summary, every answer saved, exit 0, no "Aborted!".
"""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from harness import DATA

from quizgen.quiz.store import Store

BANK = DATA / "quiz" / "bank"


class _Terminal:
    """`quizgen quiz` on a pseudo-terminal: typed at as a person types, and sent a real SIGINT."""

    def __init__(self, db: Path) -> None:
        master, slave = pty.openpty()
        env = {**os.environ, "QUIZGEN_CACHE_DIR": "", "TZ": "UTC", "NO_COLOR": "1", "COLUMNS": "200", "TERM": "dumb"}
        self.proc = subprocess.Popen([sys.executable, "-m", "quizgen", "quiz", "--bank", str(BANK), "--db", str(db),
                                      "--seed", "1", "--now", "2025-03-01T09:00", "--limit", "3"],
                                     stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
        os.close(slave)
        self.fd = master
        self.seen = ""

    def expect(self, text: str, timeout: float = 60) -> None:
        end = time.monotonic() + timeout
        while text not in self.seen and time.monotonic() < end:
            if select.select([self.fd], [], [], 0.2)[0]:
                try:
                    self.seen += os.read(self.fd, 4096).decode("utf-8", "replace")
                except OSError:  # the process ended
                    break
        assert text in self.seen, self.seen[-2000:]

    def rest(self) -> int:
        """Everything it prints until it ends, then its exit status."""
        code = self.proc.wait(60)
        while select.select([self.fd], [], [], 0.2)[0]:
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            self.seen += chunk.decode("utf-8", "replace")
        os.close(self.fd)
        return code


@pytest.mark.parametrize("where", ["answer prompt", "rating key"])
def test_a_real_sigint_ends_the_quiz_like_q(tmp_path: Path, where: str) -> None:
    db = tmp_path / "r.db"
    t = _Terminal(db)
    t.expect("> ")
    os.write(t.fd, b"12\r")  # right: 12項目, saved at once
    t.expect("quit ")
    if where == "answer prompt":
        os.write(t.fd, b"\r")  # Enter keeps 3 Good; the next question waits for an answer
        t.expect("> ")
    time.sleep(0.3)
    t.proc.send_signal(signal.SIGINT)
    code = t.rest()
    assert "Traceback" not in t.seen
    assert "Session over: 1 card, 1 answer, 1 right (100%)." in t.seen
    assert "Aborted!" not in t.seen
    assert code == 0
    with Store(db) as store:
        assert [r.item_id for r in store.reviews()] == ["t-peace-plan-points"]
