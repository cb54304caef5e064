"""Hostile pass 6, T1: SIGTERM that lands inside a finaliser prints only its one line.

In the PDF phase of `build`, a SIGTERM now and then arrived while WeasyPrint's `FontConfiguration.__del__` ran;
the handler's exception was raised there and Python printed "Exception ignored in: <function
FontConfiguration.__del__ …> Traceback … Terminated" before "Error: stopped by SIGTERM". A stop raised where
Python cannot deliver it is already noted and reported by `finish`; its "Exception ignored" report is not printed.
The finaliser is played here by an object whose `__del__` is running when the signal comes, in a real process
with quizgen's guards, as `quizgen` installs them.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import os, signal, sys, time
from quizgen.cli import guards
guards.install()

class Fonts:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.2)  # the handler runs here, inside the finaliser

Fonts()
sys.exit(guards.finish(0))
"""


def test_a_stop_inside_a_finaliser_is_one_line_and_143() -> None:
    res = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60, check=False)
    assert res.stderr == "Error: stopped by SIGTERM\n", res.stderr
    assert res.returncode == 143


SCRIPT_OTHER = """
from quizgen.cli import guards
guards.install()

class Broken:
    def __del__(self):
        raise ValueError("a real bug in a finaliser")

Broken()
"""


def test_other_exceptions_in_finalisers_are_still_reported() -> None:
    res = subprocess.run([sys.executable, "-c", SCRIPT_OTHER], capture_output=True, text=True, timeout=60, check=False)
    assert "ValueError: a real bug in a finaliser" in res.stderr
