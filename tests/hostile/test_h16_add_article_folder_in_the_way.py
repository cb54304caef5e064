"""Hostile pass 16, cause 9 (AA25, AA28, AA29): add-article into a bank whose `articles` is a file, a FIFO or a
link to nothing said only 「Error: File exists: b/articles」 (mkdir's words), after the teacher had typed the headline,
outlet and date. It now says, before anything is asked, what is there, that a folder is expected and what to do;
the same for `items`, where the article's source entry goes.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from harness import DEV_ARTICLE, EXTRACT, run

ARGS = ("--headline", "中露首脳が会談", "--outlet", "共同通信", "--date", "2024-05-16", "--url", "")


def _in_the_way(path: Path, kind: str) -> None:
    shutil.rmtree(path, ignore_errors=True)
    if kind == "file":
        path.write_text("x\n", encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/nonexistent")


@pytest.mark.parametrize(("kind", "what"), [
    ("file", "a file"), ("fifo", "a FIFO"), ("link", "a link to /nonexistent, which does not exist"),
])
@pytest.mark.parametrize(("folder", "keeps"), [
    ("articles", "the bank keeps the article texts in that folder, and add-article copies the article into it"),
    ("items", "the bank keeps its question files in that folder, and add-article writes the article's source entry "
              "into it"),
])
def test_what_is_in_the_way_is_named(tmp_path: Path, kind: str, what: str, folder: str, keeps: str) -> None:
    shutil.copytree(EXTRACT / "bank", tmp_path / "b")
    _in_the_way(tmp_path / "b" / folder, kind)
    ran = run("add-article", str(DEV_ARTICLE), "--bank", "b", *ARGS)
    assert ran.fails_cleanly(1) == (f"Error: b/{folder} is {what}, not a folder: {keeps}; move or rename it, "
                                    "then run add-article again\n")


def test_nothing_is_asked_first(tmp_path: Path) -> None:
    shutil.copytree(EXTRACT / "bank", tmp_path / "b")
    _in_the_way(tmp_path / "b" / "articles", "file")
    ran = run("add-article", str(DEV_ARTICLE), "--bank", "b", input="見出し\n共同通信\n2024-05-16\n\n")
    assert ran.fails_cleanly(1).startswith("Error: b/articles is a file, not a folder")
    assert "見出し" not in ran.out  # no prompt was shown
