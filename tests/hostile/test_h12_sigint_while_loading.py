"""Hostile pass 12: Ctrl-C in the first 0.1–0.2 s, while `quizgen.cli` was still importing, printed a
KeyboardInterrupt traceback (about 2 presses in 8). The console script and `python -m quizgen` start through
`quizgen.entry`, which ends such an interrupt as a later one ends: one line, exit 130. Pass 14 still saw
some: `import signal` in that module loads `enum` and `functools`; now its first statement takes SIGINT."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ctrl_c_while_the_commands_load_is_one_line_and_130() -> None:
    """A real SIGINT, delivered while `quizgen.cli` imports (hostile pass 14: a press landing in the `enum` that
    `import signal` loads still printed a traceback): one line, exit 130, and the command never runs."""
    code = ("import os, quizgen.entry\n"
            "os.kill(os.getpid(), 2)\n"
            "import quizgen.cli\n"
            "print('loaded')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert (done.returncode, done.stderr, done.stdout) == (130, "Error: stopped by SIGINT\n", "")


def test_once_loaded_ctrl_c_is_python_s_own_again_for_the_guards() -> None:
    code = ("import signal, quizgen.entry as entry, quizgen.cli as cli\n"
            "cli.main = lambda: print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)\n"
            "entry.main()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert (done.returncode, done.stdout) == (0, "True\n"), done.stderr


def test_the_command_and_python_m_start_through_the_guarded_entry() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["quizgen"] == "quizgen.entry:main"
    assert "from quizgen.entry import main" in (ROOT / "quizgen" / "__main__.py").read_text(encoding="utf-8")
