"""Thirteenth adversarial pass, cause 1 (rows J7–J11): a folder option given a file or a device said "not found".

`check --articles notes.txt` and `check --articles /dev/zero` said `articles folder not found: …`, `anki --decks
notes.txt` said `no deck recipes (*.yaml) in notes.txt`, and `review --articles /dev/zero` went on and reported every
source as missing under /dev/zero/. The user then looks for a typo in a path that is there. `--bank` already said
what the path is and what the option takes; now every folder option of every command does, through one check, before
any work, and "not found" is said only of a path where nothing is.
"""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from harness import drafts_workspace, run

from quizgen.cli import cli
from quizgen.cli.common import Folder

ARTICLES = "the articles folder (the folder of the article files)"
DECKS = "the folder of deck recipes (the *.yaml files)"
OUT = "the folder to write into (made if it is missing)"

#: Every folder option of every command: (the command line up to the path, the option as a message names it (its
#: first flag, -o for -o/--out), what the message says it takes).
FOLDER_OPTIONS = [
    (("check", "--bank", "bank", "--articles"), "--articles", ARTICLES),
    (("review", "d.yaml", "--bank", "bank", "--articles"), "--articles", ARTICLES),
    (("worksheet", "--bank", "bank", "--articles"), "--articles", ARTICLES),
    (("anki", "--bank", "bank", "--decks"), "--decks", DECKS),
    (("anki", "--bank", "bank", "-o"), "-o", OUT),
    (("build", "--bank", "bank", "-o"), "-o", OUT),
    (("worksheet", "--bank", "bank", "--out"), "-o", OUT),
    (("check", "--bank"), "--bank", "the bank folder (the folder holding sources.yaml)"),
]


@pytest.mark.parametrize(("args", "flag", "takes"), FOLDER_OPTIONS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else None)
def test_a_file_given_as_a_folder_says_it_is_a_file(bank: Path, args: tuple[str, ...], flag: str, takes: str) -> None:
    Path("d.yaml").write_text("items: []\n", encoding="utf-8")
    Path("notes.txt").write_text("precious\n", encoding="utf-8")
    err = run(*args, "notes.txt", input="").fails_cleanly(code=2)
    assert err == f"Error: notes.txt is a file; {flag} takes {takes}\n"
    assert Path("notes.txt").read_text(encoding="utf-8") == "precious\n"


@pytest.mark.parametrize(("args", "flag", "takes"), FOLDER_OPTIONS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else None)
def test_a_device_given_as_a_folder_says_it_is_a_device(bank: Path, args: tuple[str, ...], flag: str, takes: str) -> None:
    Path("d.yaml").write_text("items: []\n", encoding="utf-8")
    err = run(*args, "/dev/zero", input="").fails_cleanly(code=2)
    assert err == f"Error: /dev/zero is a character device; {flag} takes {takes}\n"


def test_review_articles_on_a_device_stops_before_the_first_draft(tmp_path: Path) -> None:
    """It went on and reported every source as `article file not found: /dev/zero/<file>`."""
    drafts = drafts_workspace(tmp_path)
    before = drafts.read_bytes()
    ran = run("review", str(drafts), "--bank", "cls", "--articles", "/dev/null", input="1\n")
    assert ran.fails_cleanly(code=2) == f"Error: /dev/null is a character device; --articles takes {ARTICLES}\n"
    assert ran.out == ""
    assert drafts.read_bytes() == before


def test_the_option_read_from_the_environment_is_named_by_its_variable(bank: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    Path("notes.txt").write_text("precious\n", encoding="utf-8")
    monkeypatch.setenv("QUIZGEN_BANK", "notes.txt")
    err = run("check").fails_cleanly(code=2)
    assert err == "Error: notes.txt is a file; QUIZGEN_BANK takes the bank folder (the folder holding sources.yaml)\n"


@pytest.mark.parametrize(("args", "said"), [
    (("check", "--bank", "bank", "--articles", "no/such"), "Error: articles folder not found: no/such\n"),
    (("check", "--bank", "no/such"), "Error: bank folder not found: no/such\n"),
])
def test_a_missing_folder_is_still_not_found(bank: Path, args: tuple[str, ...], said: str) -> None:
    assert run(*args).fails_cleanly(code=2) == said


def test_a_missing_output_folder_is_made(bank: Path) -> None:
    assert run("build", "--bank", "bank", "--only", "export", "-o", "new/out").code == 0
    assert any(Path("new/out").iterdir())


def test_every_folder_option_takes_the_one_check() -> None:
    """Every option whose help calls it a folder is a `Folder` (the one check), and those are the ones tested above."""
    folders = set()
    for name, command in cli.commands.items():
        for param in command.params:
            first_words = (getattr(param, "help", None) or "").split(" (")[0].split(":")[0].lower()
            if isinstance(param, click.Option) and ("folder" in first_words or isinstance(param.type, Folder)):
                assert isinstance(param.type, Folder), (name, param.opts)
                folders.add((name, param.opts[-1]))
    assert {f for f in folders if f[1] != "--bank"} == {
        ("check", "--articles"), ("review", "--articles"), ("worksheet", "--articles"), ("anki", "--decks"),
        ("anki", "--out"), ("build", "--out"), ("worksheet", "--out")}
