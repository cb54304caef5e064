"""Second adversarial pass, cause 1 (a hang): one long string aliased thousands of times.

The alias budget counted values, not characters: a 134 KB bank file holding a 100,000-character string
aliased 9,000 times (under the 10,000-value budget) took 21-28 s in `check`, as every check scanned every
copy; a 3 MB one over two minutes. Aliases now also repeat at most a million characters in one file.
"""

from __future__ import annotations

from pathlib import Path

from harness import process

from quizgen.bank.located import load_located

MAX_REPEAT_CHARS = 1_000_000


def test_a_long_string_aliased_many_times_stops_at_once(bank: Path) -> None:
    aliases = ", ".join(["*b"] * 9000)
    (bank / "long.yaml").write_text(f'pools:\n  - id: p\n    members: [&b "{"x" * 100_000}", {aliases}]\n',
                                    encoding="utf-8")
    res = process("check", "--bank", "bank", timeout=60)
    assert res.cpu < 10
    err = res.fails_cleanly()
    assert err == (f"bank/long.yaml:3:15: pools[0].members[11]: aliases repeat this value beyond "
                   f"{MAX_REPEAT_CHARS:,} characters in all; write the values out (the bank needs no aliases)\n"
                   "1 problem in the question bank\n")


def test_short_strings_may_still_be_aliased() -> None:
    data, problems = load_located("a: &a " + "x" * 1000 + "\nb: [" + ", ".join(["*a"] * 999) + "]\n", "f.yaml")
    assert problems == [] and len(data["b"]) == 999


def test_no_false_problem_follows_the_spent_budget(bank: Path) -> None:
    """Cause 10: after the budget tripped, every key after it read as None: `None: keys must be text`."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n, name in enumerate("bcdef"):
        prev = "abcde"[n]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    (bank / "bomb.yaml").write_text("\n".join([*lines, "items: *f"]) + "\n", encoding="utf-8")
    err = process("check", "--bank", "bank", timeout=60).fails_cleanly()
    assert err == ("bank/bomb.yaml:4:4: e[0]: aliases repeat this value beyond 10,000 values in all; "
                   "write the values out (the bank needs no aliases)\n1 problem in the question bank\n")
