"""Hostile pass 11, A22: a bank subfolder that is a link to a folder was skipped without a word.

README: "every `*.yaml` … below the folder is read, in every subfolder … nothing below a bank folder is skipped".
A link `items/more` → a folder of items was passed over: `check` said "ok" with its items missing, exit 0. Now a
link to a folder inside the bank adds nothing and loses nothing (its files are read once, at their own place), and
a link to a folder outside the bank is a problem located at the link, as a link to nothing is.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import run


def _split(bank: Path) -> None:
    """Move the bank's items into `more/items.yaml` beside it, the way the hostile tester did."""
    (bank.parent / "more").mkdir()
    (bank / "items.yaml").rename(bank.parent / "more" / "items.yaml")


def test_a_link_to_a_folder_inside_the_bank_reads_its_items_once(bank: Path) -> None:
    (bank / "extra").mkdir()
    (bank / "items.yaml").rename(bank / "extra" / "items.yaml")
    (bank / "more").symlink_to("extra")
    (bank / "again").symlink_to(".")  # a link back up: no loop, nothing read twice

    res = run("check", "--bank", "bank")

    assert (res.code, res.err) == (0, "")
    assert res.out.startswith("ok: 2 items, 3 entities, 1 source")


@pytest.mark.parametrize("command", [("check",), ("stats", "--db", "r.db")])
def test_a_link_to_a_folder_outside_the_bank_is_located(bank: Path, tmp_path: Path, command: tuple[str, ...]) -> None:
    _split(bank)
    (bank / "more").symlink_to(tmp_path / "more")

    res = run(*command, "--bank", "bank")
    res.fails_cleanly()

    assert res.out + res.err == (
        f"bank/more:1:1: (file): a link to the folder {tmp_path / 'more'}, outside the bank folder; only what is "
        "inside the bank is read — move that folder into the bank, or remove the link\n"
        "1 problem in the question bank\n")
