"""Hostile pass 7, N1: an integer too long to write out is a located problem in every YAML form of integer.

The reader refused a decimal literal of more than Python's 4300 digits, but a hex (`0xfff…`), binary (`0b…`),
YAML 1.1 octal (`0777…`) or sexagesimal one was built, then crashed when written out in a message (check, quiz,
timeline) or in a deck (recipe `deck_id`): `ValueError: Exceeds the limit (4300 digits)`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import DATA, anki_with_recipe, run

LONG = {
    "hex": ("0x" + "f" * 5000, 5000),
    "binary": ("0b" + "1" * 20000, 20000),
    "octal": ("0" + "7" * 6000, 6001),
    "signed hex": ("-0x" + "f" * 5000, 5000),
    "sexagesimal": ("1" + ":59" * 3000, 6001),
}


@pytest.mark.parametrize("name", LONG)
def test_a_long_integer_in_a_bank_file_is_a_located_problem(bank: Path, name: str) -> None:
    literal, digits = LONG[name]
    (bank / "pool.yaml").write_text("pools:\n  - id: p\n    members: [{ja: " + literal + ", en: x}]\n",
                                    encoding="utf-8")
    err = run("check", "--bank", "bank").fails_cleanly()
    assert err == (f"bank/pool.yaml:3:20: pools[0].members[0].ja: a number of {digits} digits is too long to read; "
                   "quote it to keep it as text\n1 problem in the question bank\n")


@pytest.mark.parametrize("command", [("check",), ("timeline",), ("quiz", "--db", "q.db")])
def test_a_long_hex_year_is_refused_by_every_command_that_reads_the_bank(bank: Path, command: tuple[str, ...]) -> None:
    items = bank / "items.yaml"
    text = items.read_text(encoding="utf-8")
    assert "how: stated, article: \"t1\"" in text
    items.write_text(text.replace('how: stated, article: "t1"', 'how: counted, from_year: 0x' + "f" * 5000
                                  + ', article: "t1"', 1), encoding="utf-8")
    err = run(*command, "--bank", "bank", input="q\n").fails_cleanly()
    assert "bank/items.yaml:" in err
    assert "date_basis.from_year: a number of 5000 digits is too long to read; quote it to keep it as text" in err


def test_a_long_binary_deck_id_is_a_located_problem(bank: Path) -> None:
    recipe = (DATA / "anki" / "decks" / "plan.yaml").read_text(encoding="utf-8")
    ran = anki_with_recipe("plan.yaml", recipe.replace("deck_id: 1234567890", "deck_id: 0b" + "1" * 20000))
    err = ran.fails_cleanly()
    assert err.startswith("decks/plan.yaml:6:10: deck_id: a number of 20000 digits is too long to read; "
                          "quote it to keep it as text"), err
