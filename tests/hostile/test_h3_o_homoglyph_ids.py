"""Third adversarial pass, cause O: an id with a look-alike letter was refused but printed as it is.

`а004-…` with a Cyrillic а (U+0430) reads exactly like the valid `a004-…`, so the message seemed to refuse
a good id. Every character outside ASCII in a refused id is now shown escaped, and the first one is named.
"""

from __future__ import annotations

from pathlib import Path

from harness import run


def _with_id(bank: Path, new: str) -> str:
    items = bank / "items.yaml"
    items.write_text(items.read_text(encoding="utf-8").replace("id: t1-un-80", f'id: "{new}"', 1), encoding="utf-8")
    return run("check", "--bank", "bank").fails_cleanly()


def test_a_cyrillic_letter_in_an_id_is_escaped_and_named(bank: Path) -> None:
    err = _with_id(bank, "t1-un-8\u0430")
    assert err == ("bank/items.yaml:14:9: item.id: 't1-un-8\\u0430' (U+0430 CYRILLIC SMALL LETTER A at character 8) "
                   "is not an id: use lower-case letters, digits and hyphens (e.g. a000-peace-plan), at most 64 "
                   "characters\n1 problem in the question bank\n")


def test_a_full_width_digit_is_named_too(bank: Path) -> None:
    err = _with_id(bank, "\uff54\uff11-un-80")
    assert "'\\uff54\\uff11-un-80' (U+FF54 FULLWIDTH LATIN SMALL LETTER T at character 1) is not an id" in err


def test_an_ascii_mistake_is_shown_as_before(bank: Path) -> None:
    err = _with_id(bank, "T1-un-80")
    assert "item.id: 'T1-un-80' is not an id: use lower-case letters" in err
