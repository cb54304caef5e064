"""Hostile pass 7, N4: `-o LINK` of a command that writes a folder, LINK a link to a folder that does not exist.

`build`, `anki` and `worksheet` said "a file of that name is in the way": there is no file. They say now what
`export -o` says of such a link (one wording, `atomic._link_to_nothing`), and make nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import DATA, run

COMMANDS = {
    "build": ("build", "--bank", "bank", "--only", "export"),
    "anki": ("anki", "--bank", str(DATA / "anki" / "bank"), "--decks", str(DATA / "anki" / "decks")),
    "worksheet": ("worksheet", "--bank", "bank", "--format", "html", "--count", "2"),
    "export": ("export", "--bank", "bank", "-f", "gift"),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_a_link_to_a_missing_folder_is_named_as_such(bank: Path, name: str) -> None:
    Path("out").symlink_to("missing/dir")
    err = run(*COMMANDS[name], "-o", "out").fails_cleanly()
    if name == "export":  # a file output: no link is written through (hostile pass 8, B19)
        assert err == ("Error: out is a symbolic link; quizgen does not write through links — remove it or choose "
                       "another path\n")
    else:
        assert err == ("Error: will not write out: it is a link to missing/dir, whose folder does not exist; "
                       "quizgen makes no folders at the end of a link\n")
    assert not Path("missing").exists()


@pytest.mark.parametrize("name", ["build", "anki", "worksheet"])
def test_a_link_to_a_missing_folder_in_a_folder_that_exists_is_not_made_either(bank: Path, name: str) -> None:
    Path("out").symlink_to("nothing")
    err = run(*COMMANDS[name], "-o", "out").fails_cleanly()
    assert err == ("Error: will not write out: it is a link to nothing, which does not exist; "
                   "quizgen makes no folders at the end of a link\n")
    assert not Path("nothing").exists()
