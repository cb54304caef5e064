"""Hostile pass 7, N5: `worksheet --articles DIR` reads the articles through the one reader every other command uses.

A FIFO where an article should be made `worksheet --articles DIR` (or `$QUIZGEN_ARTICLES=DIR`) block for ever in
open(), and a 90 MB article was read although `check` refuses anything over 20 MiB. Both are refused now, as
`check` refuses them: one line naming the article and why, exit 1, nothing written.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from harness import ARTICLES, process

from quizgen.bank.files import MAX_BYTES


@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_fifo_article_is_refused_not_waited_on(bank: Path, tmp_path: Path, how: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ARTICLES, "art")
    Path("art/t1.txt").unlink()
    os.mkfifo("art/t1.txt")
    args = ["worksheet", "--bank", "bank", "--format", "html", "-o", "ws"]
    if how == "option":
        args += ["--articles", "art"]
    else:
        monkeypatch.setenv("QUIZGEN_ARTICLES", "art")
    err = process(*args, timeout=60).fails_cleanly()
    assert err == ("Error: source t1: article art/t1.txt: not a regular file (a FIFO); only plain text files "
                   "are read\n"), err
    assert not Path("ws").exists()


def test_an_article_over_the_size_limit_is_refused(bank: Path) -> None:
    shutil.copytree(ARTICLES, "art")
    with open("art/t1.txt", "ab") as f:
        f.truncate(MAX_BYTES + 1)
    err = process("worksheet", "--bank", "bank", "--articles", "art", "--format", "html", "-o", "ws").fails_cleanly()
    assert err == (f"Error: source t1: article art/t1.txt: the file is {MAX_BYTES + 1:,} bytes, more than the "
                   f"{MAX_BYTES:,} quizgen reads; split it\n"), err
