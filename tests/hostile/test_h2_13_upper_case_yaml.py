"""Second adversarial pass, cause 13: a bank file or deck recipe named `.YAML` was silently not read.

`.yml` was read, `.YAML` not: two items vanished and `check` said ok. Every case of the two suffixes is
now read alike, by the bank, the quiz's cache and the deck recipes.
"""

from __future__ import annotations

from pathlib import Path

from harness import run


def test_a_bank_file_ending_in_upper_case_yaml_is_read(bank: Path) -> None:
    whole = run("check", "--bank", "bank")
    assert whole.code == 0, whole.err
    (bank / "items.yaml").rename(bank / "items.YAML")
    renamed = run("check", "--bank", "bank")
    assert renamed.code == 0 and renamed.out == whole.out, renamed.out + renamed.err


def test_a_broken_upper_case_yaml_file_is_reported(bank: Path) -> None:
    (bank / "extra.Yml").write_text("items: [\n", encoding="utf-8")
    assert run("check", "--bank", "bank").fails_cleanly().startswith("bank/extra.Yml:")


def test_a_deck_recipe_ending_in_upper_case_yaml_is_read(bank: Path, tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "broken.YAML").write_text("name: [\n", encoding="utf-8")
    err = run("anki", "--bank", "bank", "--decks", "decks", "-o", "out").fails_cleanly()
    assert "decks/broken.YAML:" in err
