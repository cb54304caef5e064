"""Hostile pass 3, cause L: a build killed (SIGKILL, the OOM killer) while it makes PDFs left WeasyPrint's
`weasyprint-*` folders (the fonts it subsets, 6-24 MB each) in the temp dir, and the next build left them there.

Now WeasyPrint works in a folder quizgen owns, `quizgen-build-<pid>` in the temp dir: a killed build leaves only
that, and the next build removes it (its process is gone). The test kills a real build process with SIGKILL.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from harness import command

pytest.importorskip("weasyprint")

ARGS = ("worksheet", "--bank", "bank", "-n", "2", "--format", "pdf", "--seed", "1", "-o", "out")


def _env(tmpdir: Path) -> dict[str, str]:
    return {**os.environ, "TMPDIR": str(tmpdir), "SOURCE_DATE_EPOCH": "1700000000", "QUIZGEN_CACHE_DIR": ""}


def _weasyprint_folders(tmpdir: Path) -> list[Path]:
    return [p for p in tmpdir.rglob("weasyprint-*") if p.is_dir()]


def test_the_next_build_removes_what_a_killed_pdf_build_left(bank: Path, tmp_path: Path) -> None:
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    proc = subprocess.Popen(command(*ARGS), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=_env(tmpdir))
    deadline = time.monotonic() + 120
    while not _weasyprint_folders(tmpdir):  # WeasyPrint is subsetting the Japanese font
        assert proc.poll() is None, f"the build ended before WeasyPrint made a folder: {proc.communicate()[1]}"
        assert time.monotonic() < deadline, "WeasyPrint made no folder within 120 s"
        time.sleep(0.005)
    proc.kill()  # SIGKILL: nothing in the process can clean up
    proc.communicate(timeout=60)
    left = sorted(p.name for p in tmpdir.iterdir())
    assert left == [f"quizgen-build-{proc.pid}"], left  # all of it in the folder quizgen owns

    res = subprocess.run(command(*ARGS), capture_output=True, text=True, env=_env(tmpdir), timeout=600, check=False)
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["worksheet-A-key.pdf", "worksheet-A.pdf"]
    assert list(tmpdir.iterdir()) == []  # the killed build's folder is gone, and the new build's own too


def test_a_running_builds_folder_is_kept(bank: Path, tmp_path: Path) -> None:
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    alive = tmpdir / f"quizgen-build-{os.getpid()}"  # this test process is alive: its folder is not debris
    (alive / "weasyprint-abc").mkdir(parents=True)
    not_ours = tmpdir / "quizgen-build-notapid"
    not_ours.mkdir()
    res = subprocess.run(command(*ARGS), capture_output=True, text=True, env=_env(tmpdir), timeout=600, check=False)
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in tmpdir.iterdir()) == [alive.name, not_ours.name]
