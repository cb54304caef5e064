"""Hostile pass 12: `y` in a piped (non-terminal) `review` started $EDITOR on the same pipe: vim read the script's
next decisions as its own keys (3 piped accepts → 0 accepted, exit 0; a `:!cmd` line would have run). The editor
now never reads the decisions stream: its standard input is the controlling terminal (/dev/tty) when there is one,
else /dev/null; review reads what the script sends next. These runs start in a new session, with no controlling
terminal, as cron or CI would."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import yaml
from harness import command, drafts_workspace

EDITOR = """import sys, pathlib
here = pathlib.Path(sys.argv[0]).parent
(here / "started").write_text("")
(here / "seen").write_text(sys.stdin.read())  # what an editor reading its keys would take
sys.exit(int(sys.argv[1]))
"""


def _review(tmp_path: Path, status: int) -> tuple[subprocess.CompletedProcess[str], str]:
    drafts = drafts_workspace(tmp_path)
    editor = tmp_path / "ed" / "editor.py"
    editor.parent.mkdir()
    editor.write_text(EDITOR, encoding="utf-8")
    env = {**os.environ, "EDITOR": f"{sys.executable} {editor} {status}", "QUIZGEN_CACHE_DIR": str(tmp_path / "cache")}
    with subprocess.Popen(command("review", str(drafts), "--bank", str(tmp_path / "cls")), stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                          start_new_session=True) as proc:
        assert proc.stdin is not None
        proc.stdin.write("y\n")
        proc.stdin.flush()
        deadline = time.monotonic() + 60
        while not (editor.parent / "started").exists():  # the editor runs: the script's next lines come now
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.05)
        out, err = proc.communicate("a\na\na\nq\n", timeout=120)
    seen = editor.parent / "seen"
    deadline = time.monotonic() + 10
    while not seen.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert seen.read_text() == ""  # the editor read none of the decisions
    done = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    return done, (tmp_path / "cls" / "items" / "001.yaml").read_text(encoding="utf-8")


def test_the_decisions_after_y_reach_review_not_the_editor(tmp_path: Path) -> None:
    done, bank = _review(tmp_path, 0)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "保存せずにエディタが閉じられました。下書きは変わりません。" in done.stdout
    assert len([i for i in yaml.safe_load(bank)["items"] if i["id"].startswith("a001")]) == 3  # the three accepts


def test_an_editor_that_fails_without_a_terminal_says_why(tmp_path: Path) -> None:
    done, bank = _review(tmp_path, 1)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    failed = next(n for n, line in enumerate(lines) if ": Editing failed。" in line)
    assert lines[failed].endswith("。編集は保存されていません。下書きはそのままです ($EDITOR を確かめてください)")
    assert lines[failed + 1] == ("  (標準入力が端末ではなく、エディタに渡せる端末もないため、エディタの入力は /dev/null "
                                 "でした。y は端末で使ってください)")
    assert len([i for i in yaml.safe_load(bank)["items"] if i["id"].startswith("a001")]) == 3
