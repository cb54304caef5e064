"""Hostile pass 4, cause D: `add-article --headline` of 20,000 characters.

It was refused by the bank's length check, located in `cls/items/001.yaml:7:9` — a file that was never written —
with exit status 1. Now a text given as an option longer than a bank text may be is a usage error naming the
option (exit 2), before anything is read, asked or written, as a control character in it is.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from harness import DEV_ARTICLE, EXTRACT, run


@pytest.mark.parametrize("option", ["--headline", "--outlet", "--headline-en", "--outlet-en"])
def test_a_too_long_option_text_is_a_usage_error_naming_the_option(tmp_path: Path, option: str) -> None:
    shutil.copytree(EXTRACT / "bank", tmp_path / "cls")
    before = sorted(p.name for p in (tmp_path / "cls").rglob("*"))
    given = {"--headline": "見出し", "--outlet": "共同", "--headline-en": "H", "--outlet-en": "K"}
    given[option] = "長" * 20_000
    args = [a for pair in given.items() for a in pair]
    res = run("add-article", str(DEV_ARTICLE), "--bank", str(tmp_path / "cls"), *args, "--date", "2024-05-16",
              "--url", "")
    assert res.fails_cleanly(2).endswith(f"Error: {option} has 20000 characters, more than the 2000 it may have; "
                                         "shorten it\n")
    assert sorted(p.name for p in (tmp_path / "cls").rglob("*")) == before  # nothing written


def test_a_headline_at_the_limit_is_registered(tmp_path: Path) -> None:
    shutil.copytree(EXTRACT / "bank", tmp_path / "cls")
    res = run("add-article", str(DEV_ARTICLE), "--bank", str(tmp_path / "cls"), "--headline", "長" * 2000,
              "--outlet", "共同", "--date", "2024-05-16", "--url", "")
    assert res.code == 0, res.err
