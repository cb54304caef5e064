"""Fourteenth adversarial pass, row AA7: `add-article --headline` holding an invisible character.

`--headline $'中露\\u202e首脳'` was refused by the bank's check, located in `cls/items/001.yaml:7:9` — a file that
was never written — with exit 1, while `--outlet` with a control character named the option. Now every text option
of add-article holding an invisible formatting character is a usage error naming the option (exit 2), before
anything is read, asked or written; a headline or outlet typed at the prompt holding one is asked again.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from harness import DEV_ARTICLE, EXTRACT, run

OPTIONS = {"--headline": "中露首脳", "--outlet": "共同", "--headline-en": "Summit", "--outlet-en": "Kyodo",
           "--url": "https://example.com/a"}


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize(("option", "char", "said"), [
    ("--headline", "\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE at character 3; remove it (it can show the text in "
                             "another order than it is stored)"),
    ("--outlet", "\u200b", "U+200B ZERO WIDTH SPACE at character 3; remove it (it does not show, so the text is not "
                           "what it looks like)"),
    ("--headline-en", "\u200b", "U+200B ZERO WIDTH SPACE at character 3; remove it (it does not show, so the text "
                                "is not what it looks like)"),
    ("--outlet-en", "\u2063", "U+2063 INVISIBLE SEPARATOR at character 3; remove it (it does not show, so the text "
                              "is not what it looks like)"),
    ("--url", "\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE at character 3; remove it (it can show the text in another "
                        "order than it is stored)"),
])
def test_an_invisible_character_in_an_option_is_a_usage_error_naming_the_option(
        tmp_path: Path, option: str, char: str, said: str) -> None:
    shutil.copytree(EXTRACT / "bank", tmp_path / "cls")
    before = _listing(tmp_path / "cls")
    given = dict(OPTIONS)
    given[option] = given[option][:2] + char + given[option][2:]
    args = [a for pair in given.items() for a in pair]
    res = run("add-article", str(DEV_ARTICLE), "--bank", str(tmp_path / "cls"), *args, "--date", "2024-05-16")
    assert res.fails_cleanly(2).endswith(f"Error: {option} holds an invisible formatting character {said}\n")
    assert _listing(tmp_path / "cls") == before  # nothing written


def test_a_typed_headline_holding_one_is_asked_again(tmp_path: Path) -> None:
    shutil.copytree(EXTRACT / "bank", tmp_path / "cls")
    res = run("add-article", str(DEV_ARTICLE), "--bank", str(tmp_path / "cls"), "--outlet", "共同",
              "--date", "2024-05-16", "--url", "", input="中露\u202e首脳\n中露首脳\n")
    assert res.code == 0, (res.out, res.err)
    assert ("  That holds an invisible formatting character U+202E RIGHT-TO-LEFT OVERRIDE at character 3; remove it "
            "(it can show the text in another order than it is stored); type it again.\n") in res.err
    assert "registered article 001: 共同「中露首脳」" in res.out
