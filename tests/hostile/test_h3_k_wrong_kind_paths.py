"""Third adversarial pass, cause K: "not found" for paths that exist but are the wrong kind.

`--bank` given a file, and `review` given a folder or a FIFO as its drafts file, said "not found"; the user then
looks for a typo in a path that is there. Now the message says what the path is and what the option takes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from harness import run


def test_bank_given_a_file_says_it_is_a_file(bank: Path) -> None:
    Path("notes.txt").write_text("hello\n", encoding="utf-8")
    err = run("check", "--bank", "notes.txt").fails_cleanly(code=2)
    assert err == "Error: notes.txt is a file; --bank takes the bank folder (the folder holding sources.yaml)\n"


def test_bank_from_the_environment_names_the_variable(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Path("notes.txt").write_text("hello\n", encoding="utf-8")
    monkeypatch.setenv("QUIZGEN_BANK", "notes.txt")
    err = run("check").fails_cleanly(code=2)
    assert err == ("Error: notes.txt is a file; QUIZGEN_BANK takes the bank folder (the folder holding "
                   "sources.yaml)\n")


def test_review_given_a_folder_says_it_is_a_folder(bank: Path) -> None:
    Path("d.yaml").mkdir()
    err = run("review", "d.yaml", "--bank", "bank", input="").fails_cleanly(code=2)
    assert err == ("Error: d.yaml is a folder, not a drafts file; give the file `quizgen extract -o` wrote\n")


def test_review_given_a_fifo_says_it_is_a_fifo_and_does_not_wait_on_it(bank: Path) -> None:
    os.mkfifo("f.yaml")
    err = run("review", "f.yaml", "--bank", "bank", input="").fails_cleanly(code=2)
    assert err == "Error: f.yaml is a FIFO, not a drafts file; give the file `quizgen extract -o` wrote\n"


def test_a_missing_drafts_file_is_still_not_found(bank: Path) -> None:
    err = run("review", "nothing.yaml", "--bank", "bank", input="").fails_cleanly(code=2)
    assert err == "Error: drafts file not found: nothing.yaml\n"
