"""Hostile pass 11, B16: `export -f gift -o OTHERBANK/items/x.yaml` replaced another bank's file with GIFT text.

The review database, a drafts file holding review decisions and the bank being read were kept; a bank file of
another bank was not, and that bank then failed `check`. No output replaces a YAML file now (a bank file, a deck
recipe, another program's settings) but `extract`'s own kind, a drafts file; an empty file or a file of the
output's kind is replaced as before (there is no --force: give another name).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from harness import DEV_ARTICLE, EXTRACT, GOOD, run


def _other_bank(tmp_path: Path) -> Path:
    other = tmp_path / "classbank"
    shutil.copytree(GOOD, other)
    return other / "items.yaml"


@pytest.mark.parametrize("command", [("export", "-f", "gift"), ("export", "-f", "moodle-xml"), ("timeline", "--format", "text")])
def test_an_output_never_replaces_another_banks_file(bank: Path, tmp_path: Path, command: tuple[str, ...]) -> None:
    target = _other_bank(tmp_path)
    before = target.read_bytes()

    err = run(*command, "--bank", "bank", "-o", str(target)).fails_cleanly()

    assert err == (f"Error: will not write {target}: it is a question-bank file (it begins with `items:`), which this "
                   "command does not write: its records would be lost; give another file name\n")
    assert target.read_bytes() == before
    assert run("check", "--bank", str(target.parent)).code == 0


def test_an_output_never_replaces_other_yaml(bank: Path) -> None:
    Path("compose.yml").write_text("services:\n  web: {image: nginx}\n", encoding="utf-8")

    err = run("export", "--bank", "bank", "-f", "gift", "-o", "compose.yml").fails_cleanly()

    assert err == ("Error: will not write compose.yml: it is a YAML file, which this command does not write: what it "
                   "holds would be lost; give another file name\n")
    assert Path("compose.yml").read_text(encoding="utf-8") == "services:\n  web: {image: nginx}\n"


def test_an_empty_yaml_file_or_an_earlier_export_is_replaced(bank: Path) -> None:
    Path("empty.yaml").touch()
    Path("old.txt").write_text("an earlier export\n", encoding="utf-8")
    for name in ("empty.yaml", "old.txt"):
        assert run("export", "--bank", "bank", "-f", "gift", "-o", name).code == 0
        assert Path(name).read_text(encoding="utf-8").startswith("// quizgen")


def test_extract_replaces_its_drafts_but_not_another_banks_file(tmp_path: Path) -> None:
    pytest.importorskip("sudachipy")
    target = _other_bank(tmp_path)
    before = target.read_bytes()
    shutil.copytree(EXTRACT / "bank", "cls")
    extract = ("extract", str(DEV_ARTICLE), "--bank", "cls", "-o")

    err = run(*extract, str(target)).fails_cleanly()

    assert err == (f"Error: will not write {target}: it is a YAML file that is not a drafts file (not every item in it "
                   "is `draft: true`): what it holds would be lost; give another file name\n")
    assert target.read_bytes() == before
    assert run(*extract, "drafts.yaml").code == 0
    assert run(*extract, "drafts.yaml").code == 0  # its own drafts file: written again
