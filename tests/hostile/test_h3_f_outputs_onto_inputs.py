"""Third adversarial pass, cause F: `export -o question_bank/sources.yaml` replaced the bank file it had read.

A slip of `-o` (the bank's folder for out/) made every writing command write over what it reads: the bank
no longer loaded. Every command that writes now refuses, in one line and before any work, an output inside
the bank folder or the articles folder, or onto a file the command reads (the article `extract` drafts
from); nothing is written and the file is kept byte for byte. `extract` alone may write its drafts file into
the bank (`check` reads drafts there and `review` knows it), but not over another bank file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from harness import ARTICLES, DEV_ARTICLE, run

INSIDE = "which this command reads; write outside that folder\n"


def _kept(bank: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(bank.rglob("*"))}


@pytest.mark.parametrize(("args", "target"), [
    (["export", "-f", "gift", "-o", "bank/sources.yaml"], "bank/sources.yaml"),
    (["export", "-f", "kahoot-xlsx", "-o", "bank/new/quiz.xlsx"], "bank/new/quiz.xlsx"),
    (["timeline", "--format", "text", "-o", "bank/items.yaml"], "bank/items.yaml"),
    (["anki", "-o", "bank"], "bank"),
    (["anki", "-o", "bank/decks"], "bank/decks"),
    (["worksheet", "--count", "1", "-o", "bank/sheets"], "bank/sheets"),
    (["build", "-o", "bank/out"], "bank/out"),
    (["build", "-o", "bank/../bank/items.yaml"], "bank/../bank/items.yaml"),
])
def test_no_writing_command_writes_into_the_bank(bank: Path, args: list[str], target: str) -> None:
    before = _kept(bank)
    if args[0] == "build" and target.endswith(".yaml"):  # a file as -o FOLDER is refused as such first (hostile13 J)
        err = run(*args, "--bank", "bank").fails_cleanly(code=2)
        assert err == f"Error: {target} is a file; -o takes the folder to write into (made if it is missing)\n"
        assert _kept(bank) == before
        return
    err = run(*args, "--bank", "bank").fails_cleanly()
    what = "is the bank folder bank, which this command reads; give another folder\n" if target == "bank" \
        else f"is inside the bank folder bank, {INSIDE}"
    assert err == f"Error: will not write {target}: it {what}"
    assert _kept(bank) == before


def test_worksheet_refuses_the_articles_folder_it_reads(bank: Path) -> None:
    shutil.copytree(ARTICLES, "arts")
    err = run("worksheet", "--bank", "bank", "--articles", "arts", "--count", "1", "-o", "arts/sheets").fails_cleanly()
    assert err == f"Error: will not write arts/sheets: it is inside the articles folder arts, {INSIDE}"
    assert sorted(p.name for p in Path("arts").iterdir()) == ["t1.txt", "t2.txt"]


def test_extract_refuses_a_bank_file_and_the_article_it_reads(bank: Path) -> None:
    pytest.importorskip("sudachipy")
    shutil.copy(DEV_ARTICLE, "art.txt")
    article = Path("art.txt").read_bytes()
    before = _kept(bank)
    err = run("extract", "art.txt", "--bank", "bank", "-o", "bank/items.yaml").fails_cleanly()
    assert err == "Error: will not write bank/items.yaml: it is the bank file bank/items.yaml, which this command " \
                  "reads; give another file name\n"
    err = run("extract", "art.txt", "--bank", "bank", "-o", "art.txt").fails_cleanly()
    assert err == "Error: will not write art.txt: it is the article art.txt, which this command reads; " \
                  "give another file name\n"
    assert Path("art.txt").read_bytes() == article and _kept(bank) == before


def test_extract_may_write_and_rewrite_a_drafts_file_inside_the_bank(bank: Path) -> None:
    pytest.importorskip("sudachipy")
    shutil.copy(DEV_ARTICLE, "art.txt")
    for _ in range(2):  # new, then replacing its own drafts file
        assert run("extract", "art.txt", "--bank", "bank", "-o", "bank/drafts.yaml").code == 0
    assert "draft: true" in Path("bank/drafts.yaml").read_text(encoding="utf-8")


def test_outputs_beside_the_bank_are_written_as_before(bank: Path) -> None:
    assert run("export", "-f", "gift", "--bank", "bank", "-o", "bank.gift.txt").code == 0
    assert Path("bank.gift.txt").read_text(encoding="utf-8").startswith("// ")
