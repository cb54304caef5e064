"""Hostile pass 5, note F: a build killed with SIGKILL left its `quizgen-build-<pid>` folder (6-18 MB of WeasyPrint's
font subsets) in the temp dir until the next run that made a PDF; `build --only export` left it there.

Now every `quizgen build` removes such folders of processes that are gone as it starts, whatever it makes; a
running build's folder is kept (test_h3_l covers the PDF runs and a real SIGKILL).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from harness import command


def _env(tmpdir: Path) -> dict[str, str]:
    return {**os.environ, "TMPDIR": str(tmpdir), "SOURCE_DATE_EPOCH": "1700000000", "QUIZGEN_CACHE_DIR": ""}


def test_a_build_without_pdfs_removes_a_killed_builds_folder(bank: Path, tmp_path: Path) -> None:
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    dead = subprocess.Popen(["true"])  # a process that has ended: its pid names debris
    dead.wait()
    debris = tmpdir / f"quizgen-build-{dead.pid}"
    (debris / "weasyprint-x").mkdir(parents=True)
    (debris / "weasyprint-x" / "font.ttf").write_bytes(b"\0" * 1000)
    alive = tmpdir / f"quizgen-build-{os.getpid()}"  # this test process is alive: its folder is kept
    alive.mkdir()
    res = subprocess.run(command("build", "--bank", "bank", "--only", "export", "-o", "out"), capture_output=True,
                         text=True, env=_env(tmpdir), timeout=300, check=False)
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in tmpdir.iterdir()) == [alive.name]
