"""Hostile pass 9, F3: `review`'s decision prompt says when a line is not UTF-8, and the end of input ends the
session as the README says ("Ctrl-C or the end of input loses nothing: run the same command to go on").

A Shift_JIS line at the prompt got only "?" and the key list (the quiz and review's own reason prompt say the line
is not UTF-8); the end of input that followed was reported as 「中断しました (interrupted)」 with exit 1, though
nobody interrupted. Now the line is named as not UTF-8 with the keys to type, and the end of input stops the
session like `q` (exit 0), saying so, with every decision kept and the command that goes on.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml
from harness import command, drafts_workspace


def _review(drafts: Path, bank: Path, keys: bytes) -> tuple[int, str]:
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}  # a strict UTF-8 stdin, as on most desktops
    res = subprocess.run(command("review", str(drafts), "--bank", str(bank)), input=keys, capture_output=True,
                         timeout=300, check=False, env=env)
    return res.returncode, (res.stdout + res.stderr).decode("utf-8", "replace")


def test_a_shift_jis_line_at_the_decision_prompt_is_named_and_the_end_of_input_stops_cleanly(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    first = yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"][0]["id"]

    code, out = _review(drafts, tmp_path / "cls", "共同".encode("shift_jis") + b"\na\n")

    assert "Traceback" not in out, out
    assert ("  ? That line is not UTF-8 text (is the terminal set to Shift_JIS or EUC-JP?); type one of [a]採用 "
            "[e]編集") in out, out
    assert out.count("✓ 採用") == 1  # the line after it was read as a key
    assert code == 0, out
    assert "中断" not in out and "interrupted" not in out
    lines = out.rstrip("\n").splitlines()
    assert lines[-2].startswith("入力が終わりました (end of input)。採用 1 件、破棄 0 件、未決定 "), lines[-2:]
    assert lines[-2].endswith("。すべての判断は保存済みです。"), lines[-2:]
    assert lines[-1] == f"続きは:  quizgen review {drafts} --bank {tmp_path / 'cls'}", lines[-1]
    assert first not in [i["id"] for i in yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"]]
