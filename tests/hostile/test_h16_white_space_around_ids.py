"""Hostile pass 16, cause 10 (RE05b, RE05c, W27, W28): an id or name given on the command line with a space or a line
break around it (copied with its line, or from a variable) was refused with a suggestion of itself —
「no accepted item  a001-date-80f0bf in the bank (class) (did you mean 'a001-date-80f0bf'?)」, over two lines with a
line break; the same for `--story ' X'` and `--tag 'X '`. The white space around an id or name given with an option
is now left out, as `--ids 'a, b'` already did.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import ONE_DRAFT, run


@pytest.mark.parametrize("given", [" x-draft", "x-draft\n", "x-draft ", "\tx-draft\r\n"])
def test_undo_accept_takes_the_id_without_its_white_space(bank: Path, tmp_path: Path, given: str) -> None:
    (tmp_path / "d.yaml").write_text(ONE_DRAFT, encoding="utf-8")
    assert run("review", "d.yaml", "--bank", "bank", input="a\nq\n").code == 0  # accepted: the file goes
    assert not (tmp_path / "d.yaml").exists()
    ran = run("review", "d.yaml", "--bank", "bank", "--undo-accept", given)
    assert ran.code == 0, ran
    assert ran.out.startswith("x-draft (答 ショイグ) を問題集から外し、下書きとして d.yaml に戻しました")
    assert "id: x-draft" in (tmp_path / "d.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [
    ("--tag", " dialogue"), ("--tag", "dialogue\n"), ("--article", "t1 "), ("--article", " t1"),
])
def test_a_selection_name_is_taken_without_its_white_space(bank: Path, args: tuple[str, str]) -> None:
    ran = run("export", "-f", "gift", "--bank", "bank", *args, "-o", "-")
    assert ran.code == 0, ran
    assert ran.out


def test_a_story_is_taken_without_its_white_space() -> None:
    ran = run("export", "-f", "gift", "--story", " 2023-02-peace-plan\n", "-o", "-")
    assert ran.code == 0, ran
    assert ran.out


def test_a_name_that_is_not_there_is_said_without_its_white_space(bank: Path) -> None:
    ran = run("export", "-f", "gift", "--bank", "bank", "--tag", " nosuch\n", "-o", "-")
    assert ran.fails_cleanly(2) == "Error: --tag nosuch: no such tag; `quizgen topics` lists every one\n"
    ran = run("leeches", "--bank", "bank", "--db", "q.db", "--reset", " nope\n")
    assert ran.fails_cleanly(2) == "Error: not a leech: nope (quizgen leeches lists them)\n"
