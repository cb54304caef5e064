"""Hostile pass 6, H1 (rest): a folder with a .yaml file at its top that holds no bank section is refused at once.

`check --bank $HOME` (a large folder that happens to hold a `.yaml` at its top) still walked every subfolder and
reported every other program's file. A bank folder holds, at its top, `sources.yaml` or a file that begins with a
bank section (`sources:`, `stories:`, `entities:`, `items:`, `disagreements:`, `pools:`); any other folder is refused before
anything below it is read. Inside a bank folder every subfolder is read, hidden ones included: nothing there is
skipped without a word.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import run

SAID = ("Error: home is not a question bank folder: no .yaml file at its top begins with a bank section (.travis.yml, "
        "compose.yaml). A bank folder holds sources.yaml (the articles) and the other bank files (stories, entities, "
        "items; see docs/bank-format.md)")


def _home(root: Path) -> None:
    home = root / "home"
    (home / "projects" / "deep").mkdir(parents=True)
    (home / "compose.yaml").write_text("# my services\nservices: {web: {image: nginx}}\n", encoding="utf-8")
    (home / ".travis.yml").write_text("language: python\n", encoding="utf-8")
    (home / "projects" / "deep" / "items.yaml").write_text("items: [1, 2]\n", encoding="utf-8")


@pytest.mark.parametrize("command", [("check",), ("topics",), ("export", "-f", "gift", "-o", "x.txt")])
def test_a_home_folder_with_a_yaml_at_its_top_is_refused_before_it_is_walked(tmp_path: Path,
                                                                            command: tuple[str, ...]) -> None:
    _home(tmp_path)

    err = run(*command, "--bank", "home").fails_cleanly(2)

    assert err.splitlines()[-1] == SAID
    assert "items.yaml" not in err  # nothing below it was read
    assert not Path("x.txt").exists()


@pytest.mark.parametrize("top", [
    "sources.yaml",  # by its name, whatever it holds (its problems are the bank's to report)
    "bank.yml",  # a whole bank in one file, a comment and a document start before its first section
])
def test_a_bank_is_known_by_its_sources_file_or_a_first_bank_section(bank: Path, top: str) -> None:
    (bank / "more").mkdir()
    for f in [*bank.glob("*.yaml")]:
        f.rename(bank / "more" / f"top-{f.name}")  # nothing at the top that would make it a bank...
    assert run("check", "--bank", "bank").fails_cleanly(2).startswith("Error: bank is not a question bank folder")
    (bank / top).write_text("# the bank\n---\n\"stories\": []\n" if top == "bank.yml" else ": broken\n",
                            encoding="utf-8")  # ... but this

    err = run("check", "--bank", "bank").err

    assert "is not a question bank folder" not in err


def test_hidden_folders_of_a_bank_are_read(bank: Path) -> None:
    (bank / ".drafts").mkdir()
    (bank / ".drafts" / "zz.yaml").write_text("items: {}\n", encoding="utf-8")

    err = run("check", "--bank", "bank").fails_cleanly()

    assert err.splitlines()[0] == "bank/.drafts/zz.yaml:1:8: items: must be a list, not a mapping"


@pytest.mark.parametrize("slip", ["itmes", "Items", "source"])
def test_a_one_file_bank_with_a_slip_in_its_first_section_is_told_the_slip(tmp_path: Path, slip: str) -> None:
    """A mistyped first section (`itmes:`) is a bank's mistake to name with its place and the section meant, not
    a folder that is no bank (the refusal above said only 「no .yaml file at its top begins with a bank section」)."""
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "bank.yaml").write_text(f"{slip}:\n  - id: x\n", encoding="utf-8")

    err = run("check", "--bank", "mine").fails_cleanly()

    assert err.splitlines()[0].startswith(f"mine/bank.yaml:1:1: {slip}: unknown section (did you mean '")


def test_each_section_name_is_paired_with_its_own_record() -> None:
    """The section names have one owner (`files.BANK_SECTIONS`, read at a command's start without the loader,
    issue 19); the loader pairs them with records by position, so a reordered list would read items as stories."""
    from quizgen.bank.load import SECTIONS
    from quizgen.bank.model import Disagreement, Entity, Item, Pool, Source, Story

    expected = {"sources": Source, "stories": Story, "entities": Entity, "items": Item,
                "disagreements": Disagreement, "pools": Pool}
    assert expected == SECTIONS
