"""Hostile pass 8, B19/B21: an output path that is a link was written through.

`export -o LINK` replaced the host's /etc/passwd (the link's target), and `build -o out` with a link left in
`out/` replaced a private file outside `out/`. Now quizgen never writes an output through a link: a link where
an output would go (the `-o` file, or any file inside an output folder) is refused with one line naming it, exit
1, before anything is written. A folder given with -o that is itself a link to a folder is still written into.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from harness import DATA, run

from quizgen.atomic import write_text
from quizgen.errors import OutputError


def refused(path: str) -> str:
    return (f"Error: {path} is a symbolic link; quizgen does not write through links — "
            "remove it or choose another path\n")


def private_file(tmp_path: Path) -> Path:
    notes = tmp_path / "notes.txt"
    notes.write_text("my private notes", encoding="utf-8")
    notes.chmod(0o600)
    return notes


def test_export_onto_a_link_is_refused_and_its_target_untouched(bank: Path, tmp_path: Path) -> None:
    notes = private_file(tmp_path)
    Path("out.gift.txt").symlink_to(notes)
    assert run("export", "--bank", "bank", "-f", "gift", "-o", "out.gift.txt").fails_cleanly() == refused("out.gift.txt")
    assert notes.read_text(encoding="utf-8") == "my private notes"
    assert Path("out.gift.txt").is_symlink()


COMMANDS = {
    "build": (("build", "--bank", "bank", "--only", "export"), "quizgen.gift.txt"),
    "anki": (("anki", "--bank", str(DATA / "anki" / "bank"), "--decks", str(DATA / "anki" / "decks")), "all.apkg"),
    "worksheet": (("worksheet", "--bank", "bank", "--format", "html", "--count", "2"), "worksheet-A.html"),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_a_link_inside_an_output_folder_is_refused_before_anything_is_written(
        bank: Path, tmp_path: Path, name: str) -> None:
    args, link = COMMANDS[name]
    notes = private_file(tmp_path)
    Path("out").mkdir()
    (Path("out") / link).symlink_to(notes)
    assert run(*args, "-o", "out").fails_cleanly() == refused(f"out/{link}")
    assert notes.read_text(encoding="utf-8") == "my private notes"
    assert sorted(p.name for p in Path("out").iterdir()) == [link], "something was written"


def test_an_output_folder_that_is_a_link_to_a_folder_is_written_into(bank: Path) -> None:
    Path("real").mkdir()
    Path("out").symlink_to("real")
    run("build", "--bank", "bank", "--only", "export", "-o", "out").fails_cleanly(0)
    assert (Path("real") / "quizgen.gift.txt").is_file()


def test_the_library_refuses_a_link_and_keeps_both(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("old", encoding="utf-8")
    os.symlink("real.txt", tmp_path / "link.txt")
    with pytest.raises(OutputError, match=r"link\.txt is a symbolic link; quizgen does not write through links"):
        write_text(tmp_path / "link.txt", "new")
    assert os.readlink(tmp_path / "link.txt") == "real.txt"
    assert (tmp_path / "real.txt").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]
