"""Hostile pass 8, H07: `-o -` meant standard output for `export` only.

`extract -o -` and `timeline -o -` wrote a file named `-` (extract then said `next: quizgen review - …`), and
`worksheet -o -` made a folder named `-`. Now every command that writes one text file prints it for `-o -` (as it
does with no -o), and those that write a folder of files (`build`, `anki`, `worksheet`) refuse `-o -` in one line;
no file or folder named `-` is ever made.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import ARTICLES, run


def test_timeline_dash_prints_the_chronology(bank: Path) -> None:
    res = run("timeline", "--bank", "bank", "-o", "-")
    assert res.code == 0, res.err
    assert res.out == run("timeline", "--bank", "bank").out and res.out
    assert not Path("-").exists()


def test_extract_dash_prints_the_drafts_and_suggests_no_review_of_dash(bank: Path) -> None:
    pytest.importorskip("sudachipy")
    res = run("extract", str(ARTICLES / "t1.txt"), "--bank", "bank", "-o", "-")
    assert res.code == 0, res.err
    assert res.out.startswith(("#", "items:")) and "items:" in res.out
    assert "quizgen review -" not in res.err and "next:" not in res.err
    assert not Path("-").exists()


@pytest.mark.parametrize("args", [
    ("build", "--bank", "bank", "--only", "export"),
    ("anki", "--bank", "bank"),
    ("worksheet", "--bank", "bank", "--format", "html", "--count", "2"),
])
@pytest.mark.parametrize("dash", ["-", "/dev/stdout"])
def test_a_folder_writer_refuses_dash(bank: Path, args: tuple[str, ...], dash: str) -> None:
    err = run(*args, "-o", dash).fails_cleanly(2)
    assert (f"-o {dash}: this command writes a folder of files, which standard output cannot take; "
            "give a folder name (-o out)") in err, err
    assert not Path("-").exists()
