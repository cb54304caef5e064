"""Cause 1's neighbours, found in the adversarial pass: scalars the YAML reader cannot construct.

A date-like value that is no date (2025-13-45) or an integer of more digits than Python converts
(over 4300) raised ValueError out of the located reader: a traceback in check, quiz and review.
Each is now a problem at its place, like a wrong type.
"""

from __future__ import annotations

from pathlib import Path

from harness import run


def test_a_date_that_is_no_date_is_a_located_problem(bank: Path) -> None:
    sources = bank / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("published: null", "published: 2025-13-45"),
                       encoding="utf-8")
    err = run("check", "--bank", "bank").fails_cleanly()
    assert ("bank/sources.yaml:6:16: sources[0].published: '2025-13-45' is not a date "
            "(month must be in 1..12); write YYYY-MM-DD, or quote it to keep it as text\n") in err


def test_an_integer_too_long_to_read_is_a_located_problem(bank: Path) -> None:
    (bank / "pool.yaml").write_text("pools:\n  - id: p\n    members: [{ja: " + "9" * 5000 + ", en: x}]\n",
                                    encoding="utf-8")
    err = run("check", "--bank", "bank").fails_cleanly()
    assert err == ("bank/pool.yaml:3:20: pools[0].members[0].ja: a number of 5000 digits is too long to read; "
                   "quote it to keep it as text\n1 problem in the question bank\n")


def test_an_explicit_tag_on_a_value_that_is_none_is_a_located_problem(bank: Path) -> None:
    """`!!bool maybe` and `!!timestamp soon` raised KeyError and AttributeError out of the located reader (found by
    tests/test_bank_fast.py's property test)."""
    (bank / "pool.yaml").write_text("pools:\n  - id: p\n    members: [{ja: !!bool maybe, en: !!timestamp soon}]\n",
                                    encoding="utf-8")
    err = run("check", "--bank", "bank").fails_cleanly()
    assert err == ("bank/pool.yaml:3:20: pools[0].members[0].ja: 'maybe' is not a boolean (true or false); "
                   "remove the tag or quote the value\n"
                   "bank/pool.yaml:3:38: pools[0].members[0].en: 'soon' is not a date (YYYY-MM-DD); "
                   "remove the tag or quote the value\n2 problems in the question bank\n")
