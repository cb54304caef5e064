"""Third adversarial pass, cause D: a value quoted in a message was quoted whole.

A 19 MB text under `items:` made `check` print one 19 MB line. Every value a message quotes is now cut to
its first 60 characters, with how long it is: 'xxxx…' (19,000,000 characters).
"""

from __future__ import annotations

from pathlib import Path

from harness import check_with

LONG = "x" * 100_000
CUT = "'" + "x" * 60 + "…' (100,000 characters)"


def test_a_long_text_where_a_list_belongs_is_cut(bank: Path) -> None:
    err = check_with(bank, "x.yaml", f"items: {LONG}\n")
    assert err == f"bank/x.yaml:1:8: items: must be a list, not str {CUT}\n1 problem in the question bank\n"


def test_a_long_choice_a_long_flag_and_a_long_id_are_cut(bank: Path) -> None:
    items = (bank / "items.yaml").read_text(encoding="utf-8")
    (bank / "items.yaml").write_text(
        items.replace("  - id: t1-dialogue-partner", f"  - id: {LONG}", 1), encoding="utf-8")
    (bank / "flag.yaml").write_text(f"items:\n  - id: t9-flag\n    draft: {LONG}\n    category: {LONG}\n",
                                    encoding="utf-8")
    err = check_with(bank, "x.yaml", f"junk: {LONG}\n")
    for line in err.splitlines():
        assert len(line) < 400, line[:200]
    assert "must be one of " in err and f", not {CUT}" in err
    assert f"draft: must be true or false, not {CUT}" in err
    assert f"item.id: {CUT} is not an id" in err
