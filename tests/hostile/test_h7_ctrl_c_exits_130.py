"""Hostile pass 7 (minor): Ctrl-C ended `build` with "Aborted!" (after a blank line) and exit status 1, which says
the data has a problem, while SIGTERM and SIGHUP end it with one line and 128 + the signal.

Now Ctrl-C (SIGINT) ends every command as the other stops do: one line, `Error: stopped by SIGINT`, and exit 130
(128 + 2), temporary files removed on the way out. The quiz keeps its promise (Ctrl-C ends the session like `q`,
exit 0: `test_h4_g_ctrl_c_ends_the_quiz.py`); `review` says what it saved and exits 130.
"""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

from harness import command
from test_c11_killed_builds import debris, start_build, wait_for_a_temporary_file
from test_h5_h_add_article_stdin_ends import ARTICLE, _bank, _files


def test_ctrl_c_stops_a_build_with_one_line_and_130(tmp_path: Path) -> None:
    proc, out, tmpdir = start_build(tmp_path)
    wait_for_a_temporary_file(proc, out, tmpdir)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (proc.returncode, err)
    assert err.endswith("Error: stopped by SIGINT\n") and "Aborted!" not in err and "Traceback" not in err, err
    assert err.count("stopped by") == 1
    assert debris(out, tmpdir) == []


def test_ctrl_c_at_a_prompt_is_130_too(tmp_path: Path) -> None:
    """`add-article` asking for the article's headline (click's prompt turns Ctrl-C into its own Abort)."""
    bank = _bank(tmp_path)
    before = _files(bank)
    proc = subprocess.Popen(command("add-article", str(ARTICLE), "--bank", str(bank)),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    proc.stdout.read(1)  # the first prompt is on its way: the command is waiting for an answer
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (proc.returncode, err)
    assert err.endswith("Error: stopped by SIGINT\n") and "Aborted!" not in err, err
    assert _files(bank) == before  # nothing written
