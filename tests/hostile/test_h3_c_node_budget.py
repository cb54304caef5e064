"""Third adversarial pass, cause C: plain YAML values were unbounded below the 20 MiB file cap.

An 18 MB flat list of small numbers (9 million values) took 70–97 s and several GB in `check`: the alias
budget counts repeated values, not values. Now a file may hold at most 100,000 values (the largest file of
the 100,000-item benchmark bank has 20,890); past that, one located line and nothing more is read.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from harness import check_with, run
from hypothesis import given
from hypothesis import strategies as st

from quizgen.bank.located import load_located


def flat_list(values: int) -> str:
    return "junk: [" + "1," * (values - 1) + "1]\nitems: []\n"


def test_a_file_of_too_many_values_is_one_located_line(bank: Path) -> None:
    # the mapping, its key `junk` and the list are three values; the 100,001st is the 99,998th number,
    # at column 8 + 2 * 99,997
    err = check_with(bank, "x.yaml", flat_list(300_000))
    assert err == ("bank/x.yaml:1:200002: (document): more than 100,000 values in one file; split it into "
                   "smaller files (a file of 200 items has about 21,000)\n1 problem in the question bank\n")


def test_a_file_just_within_the_budget_is_read_on() -> None:
    # 99,997 numbers + the mapping, its two keys, the list and the empty list = 100,002: two too many
    assert load_located(flat_list(99_997), "f.yaml")[1][0].message.startswith("more than 100,000 values")
    data, problems = load_located(flat_list(99_995), "f.yaml")  # exactly 100,000 values
    assert problems == [] and len(data["junk"]) == 99_995


def test_deck_recipes_and_drafts_have_the_same_budget(bank: Path) -> None:
    decks = Path("decks")
    decks.mkdir()
    (decks / "big.yaml").write_text("name: [" + "1," * 100_000 + "1]\n", encoding="utf-8")
    err = run("anki", "--bank", "bank", "--decks", "decks", "-o", "out").fails_cleanly()
    assert err.startswith("decks/big.yaml:1:") and "more than 100,000 values in one file" in err, err
    assert err.endswith("(a file of 200 items has about 21,000)\n1 problem in the deck recipes\n"), err


_DATA = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=5), inner, max_size=6),
                     max_leaves=40)


@given(_DATA, st.booleans())
def test_the_character_bound_is_never_below_the_values(data: object, flow: bool) -> None:
    """The cheap bound `too_many_values` trusts (1 + '-' + 2 x ':?,[{') holds for any data, in block or flow style."""
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True)
    values, stack = 0, [yaml.compose(text)]
    while stack:
        node = stack.pop()
        values += 1
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    bound = 1 + text.count("-") + 2 * sum(text.count(c) for c in ":?,[{")
    assert values <= bound, text
