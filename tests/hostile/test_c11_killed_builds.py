"""Cause 11: a killed build left debris (hidden `.X.apkg.*.tmp` in the output folder, a 13–51 MB
`quizgen-anki-*` folder in the temp dir), never cleaned.

Each test runs the real CLI in a subprocess with its own TMPDIR, stops it in the middle of writing
(when its first temporary file shows), and inspects the output folder and the temp dir.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from harness import command, process


def debris(out: Path, tmpdir: Path) -> list[str]:
    """Temporary files in the output folder and anything at all in the private temp dir."""
    hidden = [p.name for p in out.iterdir() if p.name.startswith(".")] if out.exists() else []
    return hidden + [f"TMPDIR/{p.name}" for p in tmpdir.iterdir()]


def start_build(tmp_path: Path) -> tuple[subprocess.Popen[str], Path, Path]:
    """`quizgen build` of the bundled bank into ./out, with its own empty TMPDIR."""
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    env = {**os.environ, "TMPDIR": str(tmpdir), "SOURCE_DATE_EPOCH": "1700000000"}
    proc = subprocess.Popen(command("build", "-o", "out"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)
    return proc, tmp_path / "out", tmpdir


def wait_for_a_temporary_file(proc: subprocess.Popen[str], out: Path, tmpdir: Path, ending: str = "") -> None:
    deadline = time.monotonic() + 60
    while not [n for n in debris(out, tmpdir) if n.endswith(ending)]:
        assert proc.poll() is None, "the build ended before it wrote anything"
        assert time.monotonic() < deadline, "no temporary file appeared within 60 s"
        time.sleep(0.002)


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGHUP, 129)])
def test_a_stopped_build_leaves_nothing_behind(tmp_path: Path, sig: signal.Signals, code: int) -> None:
    proc, out, tmpdir = start_build(tmp_path)
    wait_for_a_temporary_file(proc, out, tmpdir)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert "Traceback" not in err, err
    assert proc.returncode == code, (proc.returncode, err)
    assert debris(out, tmpdir) == []
    assert err.endswith(f"Error: stopped by {sig.name}\n"), err


def test_the_next_build_removes_what_a_killed_one_left(tmp_path: Path) -> None:
    proc, out, tmpdir = start_build(tmp_path)
    wait_for_a_temporary_file(proc, out, tmpdir, ".tmp")
    proc.kill()  # SIGKILL: nothing can clean up
    proc.communicate(timeout=60)
    left = debris(out, tmpdir)
    assert left and all(not n.startswith("TMPDIR/") for n in left), left  # all of it in the output folder
    res = process("build", "--only", "export", "-o", "out")
    assert res.code == 0, res.err
    assert debris(out, tmpdir) == []


def test_a_running_writers_temporary_file_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    busy = out / ".quizgen.gift.txt.quizgen-busy1234.tmp"
    stale = out / ".quizgen.gift.txt.quizgen-dead5678.tmp"
    new_part = out / ".x.apkg.quizgen-born0000.part"  # being made this instant, not locked yet
    old_part = out / ".x.apkg.quizgen-died0000.part"  # killed between making and locking, long ago
    mine = out / ".notes.tmp"  # not quizgen's: never touched
    for p in (busy, stale, new_part, old_part, mine):
        p.write_text("partial", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    os.utime(old_part, (an_hour_ago, an_hour_ago))
    with open(busy, "rb") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)  # a writer still at work
        res = process("build", "--only", "export", "-o", "out")
        assert res.code == 0, res.err
        assert busy.exists() and new_part.exists() and mine.exists()
        assert not stale.exists() and not old_part.exists()
