"""Hostile pass 12: SIGINT sent to a build's own pid while WeasyPrint loaded its libraries could leave an empty
`tmpXXXXXXXX` in $TMPDIR (1-3 runs in 25): cffi's `ctypes.util.find_library` runs gcc/ld to write a temporary file,
Python removed it on the way out, and the linker, still running (the signal reached the build alone), made it again.
WeasyPrint is now imported inside the build's own temporary folder (`quizgen-build-<pid>`), removed on the way out:
the late linker finds no folder to write in. The test makes the race certain with a gcc that writes its output one
second after it starts, and stops the build while that gcc runs."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from harness import command

pytest.importorskip("weasyprint")

SLOW_GCC = """#!/bin/sh
# gcc as ctypes.util.find_library runs it (-Wl,-t -o TEMPFILE -lNAME), writing its output late
out=""
while [ $# -gt 0 ]; do [ "$1" = "-o" ] && out="$2"; shift; done
touch "{started}"
sleep 1
: > "$out" 2>/dev/null
exit 1
"""


def test_a_build_stopped_while_the_pdf_libraries_load_leaves_nothing_in_tmpdir(bank: Path, tmp_path: Path) -> None:
    tmpdir, fake = tmp_path / "tmp", tmp_path / "bin"
    tmpdir.mkdir()
    fake.mkdir()
    started = tmp_path / "gcc-started"
    (fake / "gcc").write_text(SLOW_GCC.format(started=started), encoding="utf-8")
    (fake / "gcc").chmod(0o755)
    env = {**os.environ, "TMPDIR": str(tmpdir), "PATH": f"{fake}:{os.environ['PATH']}", "QUIZGEN_CACHE_DIR": "",
           "SOURCE_DATE_EPOCH": "1700000000"}
    proc = subprocess.Popen(command("worksheet", "--bank", "bank", "-n", "2", "--format", "pdf", "--seed", "1", "-o", "out"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 120
    while not started.exists():  # WeasyPrint is loading Pango: find_library's gcc runs
        assert proc.poll() is None, f"the build ended before find_library ran gcc: {proc.communicate()[1]}"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    proc.send_signal(signal.SIGINT)  # to the build's pid alone, as `kill -INT PID` does: gcc goes on
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "Traceback" not in err, err
    time.sleep(1.5)  # the slow gcc has written its output, if it had a folder to write in
    assert sorted(p.name for p in tmpdir.iterdir()) == []
