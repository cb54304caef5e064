"""Fixtures of the hostile-input suite: every test in its own folder, a scratch copy of the good bank."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from harness import GOOD


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs in its own folder, without the user's cache, database or environment settings."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", "")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    for var in ("QUIZGEN_BANK", "QUIZGEN_DB", "QUIZGEN_ARTICLES"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    """A copy of the good test bank at ./bank (cwd is tmp_path, so problems read bank/<file>)."""
    dest = tmp_path / "bank"
    shutil.copytree(GOOD, dest)
    return dest


