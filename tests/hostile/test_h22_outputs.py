"""Hostile pass 22 (`/work/stage/hostile22/` on the machine that ran it), its CLOBBERED cause: `extract ART/004.txt -o
ART/003.txt` (a slip of one digit) replaced the other article with the drafts, exit 0, where the README says extract
replaces only an earlier drafts file; so did `-o notes.txt`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from harness import DEV_ARTICLE, EXTRACT, run

pytest.importorskip("sudachipy")


@pytest.mark.parametrize("name", ["003.txt", "notes.txt", "grades.csv"])
def test_extract_never_replaces_a_file_that_is_no_drafts_file(tmp_path: Path, name: str) -> None:
    shutil.copytree(EXTRACT / "bank", tmp_path / "cls")
    (tmp_path / "art").mkdir()
    shutil.copy(DEV_ARTICLE, tmp_path / "art" / "004.txt")
    other = tmp_path / "art" / name
    other.write_text("中国の習近平国家主席は16日、ロシアのプーチン大統領と会談した。\n", encoding="utf-8")
    ran = run("extract", str(tmp_path / "art" / "004.txt"), "--bank", str(tmp_path / "cls"), "-o", str(other))
    assert "is not a drafts file (not YAML that extract wrote)" in ran.fails_cleanly(), ran
    assert other.read_text(encoding="utf-8").startswith("中国の習近平")


def test_extract_writes_over_an_empty_file(tmp_path: Path) -> None:
    shutil.copytree(EXTRACT / "bank", tmp_path / "cls")
    shutil.copy(DEV_ARTICLE, tmp_path / "004.txt")
    (tmp_path / "d.yaml").write_text("", encoding="utf-8")
    ran = run("extract", str(tmp_path / "004.txt"), "--bank", str(tmp_path / "cls"), "-o", str(tmp_path / "d.yaml"))
    assert ran.code == 0 and "draft: true" in (tmp_path / "d.yaml").read_text(encoding="utf-8"), ran
