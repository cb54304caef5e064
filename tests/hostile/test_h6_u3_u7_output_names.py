"""Hostile pass 6, U3 and U7: an output name that is not a plain file name is refused with one clear line.

U3: `-o LINK` onto a dangling link made the missing folders of the link's target anywhere on disk, wrote there and
said only "wrote LINK". Since hostile pass 8 (B19) no output is written through a link at all: a dangling one is
refused like any other, and nothing is made at its end.
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

    assert err.splitlines()[-1] == ("Error: out.txt is a symbolic link; quizgen does not write through links — "
                                    "remove it or choose another path")
    assert not (tmp_path / "elsewhere").exists()


def test_a_dangling_link_into_a_folder_that_exists_is_refused_too(bank: Path, tmp_path: Path) -> None:
    Path("out.txt").symlink_to(tmp_path / "x.txt")
    run("export", "--bank", "bank", "-f", "gift", "-o", "out.txt").fails_cleanly()
    assert Path("out.txt").is_symlink() and not (tmp_path / "x.txt").exists()


@pytest.mark.parametrize("command", [("export", "--bank", "bank", "-f", "gift"), ("timeline", "--bank", "bank")])
def test_a_name_ending_with_a_slash_is_refused(bank: Path, command: tuple[str, ...]) -> None:
    err = run(*command, "-o", "newdir/").fails_cleanly(2)
    assert "-o newdir/: ends with /, so it names a folder; give a file name (newdir/NAME)" in err, err
    assert not Path("newdir").exists()
