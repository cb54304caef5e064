"""Hostile pass 6, U1: an article with a UTF-8 BOM and then a byte that is not UTF-8 is refused naming that byte.

The message counted the offset after the BOM was stripped but took the byte from the whole file: `BOM あ 0x83`
was "byte 0xe3 at offset 3" (the first byte of あ). It names the true byte, its offset in the file, and its line
and column now.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from harness import EXTRACT, run

ARTICLE = b"\xef\xbb\xbf" + "本文の一行目\n".encode() + "あ".encode() + b"\x83\x5c\n"  # 0x83 at offset 3 + 19 + 3 = 25
EXPECTED = "a.txt:2:2: not UTF-8 text (byte 0x83 at offset 25 of the file); save the article as UTF-8"


@pytest.mark.parametrize("command", [
    ("extract", "a.txt", "--bank", "cls", "-o", "d.yaml"),
    ("add-article", "a.txt", "--bank", "cls", "--headline", "h", "--outlet", "o", "--date", "2024-05-16", "--url", ""),
])
def test_the_bad_byte_after_a_bom_is_named_with_its_place_in_the_file(command: tuple[str, ...]) -> None:
    shutil.copytree(EXTRACT / "bank", "cls")
    assert ARTICLE[25] == 0x83
    Path("a.txt").write_bytes(ARTICLE)

    err = run(*command).fails_cleanly()

    assert err.splitlines()[-1] == f"Error: {EXPECTED}"
    assert not Path("d.yaml").exists()


def test_without_a_bom_the_offset_is_the_same_byte() -> None:
    shutil.copytree(EXTRACT / "bank", "cls")
    Path("a.txt").write_bytes(ARTICLE[3:])

    err = run("add-article", "a.txt", "--bank", "cls", "--headline", "h", "--outlet", "o", "--date", "2024-05-16",
              "--url", "").fails_cleanly()

    assert err.splitlines()[-1] == "Error: a.txt:2:2: not UTF-8 text (byte 0x83 at offset 22 of the file); " \
                                   "save the article as UTF-8"
