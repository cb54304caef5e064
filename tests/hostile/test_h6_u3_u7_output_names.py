"""Hostile pass 6, U3 and U7: an output name that is not a plain file name is refused with one clear line.

U3: `-o LINK` onto a dangling link made the missing folders of the link's target anywhere on disk, wrote there and
said only "wrote LINK". A link to a new file in a folder that exists is still written through (as a link to an
existing file is); quizgen makes no folder at the end of a link.
U7: `export -o newdir/` wrote a FILE named newdir: a name ending with / names a folder, and `-o` of `export`,
`timeline` and `extract` takes a file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import run


def test_a_dangling_link_into_missing_folders_is_refused(bank: Path, tmp_path: Path) -> None:
    Path("out.txt").symlink_to(tmp_path / "elsewhere" / "deep" / "x.txt")

    err = run("export", "--bank", "bank", "-f", "gift", "-o", "out.txt").fails_cleanly()

    assert err.splitlines()[-1] == (f"Error: will not write out.txt: it is a link to {tmp_path}/elsewhere/deep/x.txt, "
                                    "whose folder does not exist; quizgen makes no folders at the end of a link")
    assert not (tmp_path / "elsewhere").exists()


def test_a_dangling_link_into_a_folder_that_exists_is_written_through(bank: Path, tmp_path: Path) -> None:
    Path("out.txt").symlink_to(tmp_path / "x.txt")
    assert run("export", "--bank", "bank", "-f", "gift", "-o", "out.txt").code == 0
    assert Path("out.txt").is_symlink() and (tmp_path / "x.txt").read_text(encoding="utf-8").startswith("//")


@pytest.mark.parametrize("command", [("export", "--bank", "bank", "-f", "gift"), ("timeline", "--bank", "bank")])
def test_a_name_ending_with_a_slash_is_refused(bank: Path, command: tuple[str, ...]) -> None:
    err = run(*command, "-o", "newdir/").fails_cleanly(2)
    assert "-o newdir/: ends with /, so it names a folder; give a file name (newdir/NAME)" in err, err
    assert not Path("newdir").exists()
