"""Second adversarial pass, causes 8 and 14: what `add-article` and `extract` say about the article file.

8: an article holding escape sequences passed both (the drafts carried them), and `review` then refused
   the whole drafts file with 25 problems, none naming the article. Now the article is refused at once,
   at the line and column of the first control character.
14: a folder, FIFO or device given as the article was "article not found". Now it says what it is.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from harness import DEV_ARTICLE, EXTRACT, drafts_workspace, run

FLAGS = ("--headline", "h", "--outlet", "o", "--date", "2024-05-16", "--url", "")


def test_an_article_with_an_escape_sequence_is_refused_where_it_is(tmp_path: Path) -> None:
    drafts_workspace(tmp_path)
    esc = tmp_path / "esc.txt"
    text = DEV_ARTICLE.read_text(encoding="utf-8")
    esc.write_text(text.replace("国賓として", "国賓\x1b[2Jとして", 1), encoding="utf-8")
    before = text[: text.index("国賓として")]
    line, column = before.count("\n") + 1, len(before) - before.rfind("\n") + 2  # after 国賓
    message = (f"Error: {esc}:{line}:{column}: control character U+001B in the article; remove it "
               "(only tab and newline are allowed)\n")
    items = sorted((tmp_path / "cls" / "items").iterdir())
    assert run("add-article", str(esc), "--bank", str(tmp_path / "cls"), *FLAGS).fails_cleanly() == message
    assert sorted((tmp_path / "cls" / "items").iterdir()) == items
    assert not (tmp_path / "cls" / "articles" / "esc.txt").exists()
    assert run("extract", str(esc), "--bank", str(tmp_path / "cls")).fails_cleanly() == message


@pytest.mark.parametrize(("make", "kind"), [("folder", "a folder"), ("fifo", "a FIFO")])
def test_an_article_that_is_no_file_says_what_it_is(tmp_path: Path, make: str, kind: str) -> None:
    path = tmp_path / "art.txt"
    path.mkdir() if make == "folder" else os.mkfifo(path)
    for command in ("add-article", "extract"):
        err = run(command, str(path), "--bank", str(EXTRACT / "bank"), *(FLAGS if command == "add-article" else ()))
        assert err.fails_cleanly() == f"Error: {path}: not a regular file ({kind}); only plain text files are read\n"


def test_a_device_is_no_article(tmp_path: Path) -> None:
    err = run("add-article", "/dev/zero", "--bank", str(EXTRACT / "bank"), *FLAGS).fails_cleanly()
    assert err == "Error: /dev/zero: not a regular file (a device); only plain text files are read\n"


def test_a_missing_article_is_still_not_found(tmp_path: Path) -> None:
    err = run("extract", str(tmp_path / "nowhere.txt"), "--bank", str(EXTRACT / "bank")).fails_cleanly(code=2)
    assert err == f"Error: article not found: {tmp_path / 'nowhere.txt'}\n"
