"""Cause 1: YAML alias bombs and recursive aliases, in the bank, deck recipes and drafts files.

The located reader is shared by all three, so each gets the same located problem instead of
minutes of work and gigabytes of memory, or a RecursionError traceback.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from harness import DATA, anki_with_recipe, check_with, process, run

from quizgen.bank.located import load_located

MAX_REPEATS = 10_000  # values that aliases may repeat in one file
MAX_DEPTH = 50  # levels of nesting


def laughs(levels: int) -> str:
    """A 'billion laughs' document: each level is nine aliases of the one before (9**levels strings)."""
    lines = ["pools:", "  - id: lol", '    members: &l0 [{ja: "lol", en: "lol"}]']
    for n in range(1, levels + 1):
        lines.append(f"  - id: lol{n}")
        lines.append(f"    members: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_in_the_bank_stops_at_once_with_a_located_problem(bank: Path) -> None:
    (bank / "bomb.yaml").write_text(laughs(9), encoding="utf-8")  # 9**9 = 387 million values if expanded
    assert len(laughs(9)) < 1000
    res = process("check", "--bank", "bank", timeout=60)
    assert res.cpu < 10
    err = res.fails_cleanly()
    assert (f"bank/bomb.yaml:9:14: pools[4].members[1]: aliases repeat this value beyond {MAX_REPEATS:,} values "
            "in all; write the values out (the bank needs no aliases)") in err
    assert err.endswith("1 problem in the question bank\n")


def test_recursive_alias_is_a_located_problem_not_a_traceback(bank: Path) -> None:
    err = check_with(bank, "pool.yaml", "pools:\n  - id: p\n    members: &x [*x]\n")
    assert err == ("bank/pool.yaml:3:14: pools[0].members[0]: this value contains itself (a recursive alias)\n"
                   "1 problem in the question bank\n")


def test_recursive_mapping_alias(bank: Path) -> None:
    err = check_with(bank, "pool.yaml", "pools: &p\n  - id: p\n    members: [*p]\n")
    assert "bank/pool.yaml:1:8: pools[0].members[0]: this value contains itself (a recursive alias)\n" in err


def test_nesting_too_deep_is_a_located_problem(bank: Path) -> None:
    depth = 900  # libyaml allows 1000 levels; the reader stops long before Python's recursion limit
    (bank / "deep.yaml").write_text("pools: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    err = run("check", "--bank", "bank").fails_cleanly()
    assert f"nested more than {MAX_DEPTH} levels deep" in err
    assert err.startswith(f"bank/deep.yaml:1:{MAX_DEPTH + 7}: pools")


def test_a_few_aliases_still_read_as_their_values() -> None:
    data, problems = load_located("a: &a [x, y]\nb: *a\nc: *a\n", "f.yaml")
    assert problems == []
    assert data == {"a": ["x", "y"], "b": ["x", "y"], "c": ["x", "y"]}


def test_recursive_alias_in_a_deck_recipe(bank: Path, tmp_path: Path) -> None:
    err = anki_with_recipe("loop.yaml", "name: &n [*n]\ndescription: {ja: あ, en: a}\nforms: [basic]\n").fails_cleanly()
    assert "decks/loop.yaml:1:7: name[0]: this value contains itself (a recursive alias)\n" in err
    assert not (tmp_path / "out").exists()


def test_alias_bomb_in_a_deck_recipe(bank: Path, tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "bomb.yaml").write_text(laughs(9).replace("pools:", "x:"), encoding="utf-8")
    res = process("anki", "--bank", "bank", "--decks", "decks", "-o", "out", timeout=30)
    assert "aliases repeat this value beyond" in res.fails_cleanly()


def test_recursive_alias_in_a_drafts_file(bank: Path, tmp_path: Path) -> None:
    shutil.copy(DATA / "articles" / "t1.txt", tmp_path / "t1.txt")
    drafts = tmp_path / "drafts.yaml"
    drafts.write_text("items: &i\n  - *i\n", encoding="utf-8")
    err = run("review", str(drafts), "--bank", "bank", input="q\n").fails_cleanly()
    assert "drafts.yaml:1:8: items[0]: this value contains itself (a recursive alias)\n" in err
    assert drafts.read_text(encoding="utf-8") == "items: &i\n  - *i\n"
