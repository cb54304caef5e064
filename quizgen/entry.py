"""The `quizgen` command as its console script and `python -m quizgen` start it. A Ctrl-C that comes while the
program is still loading, before `quizgen.cli` has set its guards, ends as a later one does — one line,
「Error: stopped by SIGINT」, exit 130 — not with a traceback (hostile pass 12: about 2 presses in 8 in the first
0.2 s printed one)."""

from __future__ import annotations

import signal
import sys


def main() -> None:
    try:
        from quizgen.cli import main as run
    except KeyboardInterrupt:
        _interrupted()
    try:
        run()
    except KeyboardInterrupt:  # before `run` has set its guards
        _interrupted()


def _interrupted() -> None:
    sys.stderr.write(f"Error: stopped by {signal.Signals.SIGINT.name}\n")
    raise SystemExit(128 + signal.SIGINT) from None
