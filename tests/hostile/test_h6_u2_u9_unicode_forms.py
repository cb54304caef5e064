"""Hostile pass 6, U9 and U2: bank text is read in one Unicode form, and no invisible control hides in it.

U9: an answer written in NFD (グ as ク + U+3099, as macOS file names and some copy-pastes give) passed `check` and
was exported as is, so Moodle's short answer held only the NFD spelling and a student's IME answer (NFC) was marked
wrong. Bank text is normalised to NFC when it is read (the articles too, for quotes).
U2: bidi controls (U+202E RIGHT-TO-LEFT OVERRIDE, U+2066…) and zero-width characters passed `check` and reached
the terminal and exports raw (a prompt can show in another order than it is stored). `check` refuses them with
file, line and field.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from harness import run

NFC = "ショイグ"
NFD = unicodedata.normalize("NFD", NFC)


def test_an_nfd_answer_is_read_and_exported_as_nfc(bank: Path) -> None:
    items = bank / "items.yaml"
    assert NFD != NFC
    items.write_text(items.read_text(encoding="utf-8").replace(f"answer: {{ja: {NFC},", f"answer: {{ja: {NFD},", 1),
                     encoding="utf-8")
    assert run("check", "--bank", "bank").code == 0
    assert run("export", "--bank", "bank", "-f", "moodle-xml", "-o", "m.xml").code == 0
    xml = Path("m.xml").read_text(encoding="utf-8")
    assert NFC in xml and NFD not in xml


@pytest.mark.parametrize(("char", "name"), [
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"), ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
    ("\u200f", "U+200F RIGHT-TO-LEFT MARK"), ("\u200b", "U+200B ZERO WIDTH SPACE"),
])
def test_check_refuses_bidi_and_invisible_characters_with_their_place(bank: Path, char: str, name: str) -> None:
    items = bank / "items.yaml"
    old = "prompt: {ja: 北京で王毅氏と戦略対話を行ったのは誰か。,"
    text = items.read_text(encoding="utf-8")
    assert old in text
    items.write_text(text.replace(old, old.replace("北京で", f"北京で{char}")), encoding="utf-8")
    err = run("check", "--bank", "bank").fails_cleanly()
    why = ("it does not show, so the text is not what it looks like" if char == "\u200b" else  # hostile12: not bidi
           "it can show the text in another order than it is stored")
    assert err == (f"bank/items.yaml:5:18: items[0].prompt.ja: invisible formatting character {name} at character 4; "
                   f"remove it ({why})\n"
                   "1 problem in the question bank\n")
