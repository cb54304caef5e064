"""Hostile pass 6, U8: a reader that stops early (`| head`) ends quizgen quietly with the conventional status.

`check | head -1` and `topics --items | head -1` exited 1 with nothing said, and 1 means "a problem with your
data": a good bank failed a `set -o pipefail` script's check. Now the command ends as one killed by SIGPIPE does
(`yes | head`, `git log | head`): nothing on standard error, status 141 (128 + SIGPIPE), never 1.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from harness import command


@pytest.mark.parametrize("args", [("check", "--bank", "bank"), ("topics", "--bank", "bank", "--items")])
def test_a_closed_pipe_ends_quietly_with_141(bank: Path, args: tuple[str, ...]) -> None:
    proc = subprocess.Popen(command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before anything is written, as `| head -0` or a quick `head`
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141, err
    assert err == ""
