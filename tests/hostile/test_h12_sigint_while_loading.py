"""Hostile pass 12: Ctrl-C in the first 0.1–0.2 s, while `quizgen.cli` was still importing, printed a
KeyboardInterrupt traceback (about 2 presses in 8). The console script and `python -m quizgen` start through
`quizgen.entry`, which ends such an interrupt as a later one ends: one line, exit 130."""

from __future__ import annotations

import builtins
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_ctrl_c_while_the_commands_load_is_one_line_and_130(monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from quizgen import entry

    real = builtins.__import__

    def interrupted(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "quizgen.cli":
            raise KeyboardInterrupt
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", interrupted)
    with pytest.raises(SystemExit) as exc:
        entry.main()
    assert exc.value.code == 130
    assert capsys.readouterr().err == "Error: stopped by SIGINT\n"


def test_the_command_and_python_m_start_through_the_guarded_entry() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["quizgen"] == "quizgen.entry:main"
    assert "from quizgen.entry import main" in (ROOT / "quizgen" / "__main__.py").read_text(encoding="utf-8")
