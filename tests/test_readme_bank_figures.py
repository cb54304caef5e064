"""Every figure README's prose gives about the bundled bank is the bank's (newuser2 #9: README said 51 items
while `quizgen check` said 50). Command output in README is checked by `test_readme.py`, which runs it; this
test covers the sentences. A number of items, facts, sources, articles, entities, stories, disagreements or
rows written in a paragraph that names the bundled bank must be one of `FIGURES` (checked against the bank)
or one of `NOT_THE_BANK` (another bank's figure): a new figure fails here until it is checked.

After a change to the bank: `make readme` (or `python tests/test_readme_bank_figures.py --update`) rewrites
the figures; review the diff."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from quizgen import resources
from quizgen.bank import Bank, load_bank

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@cache
def bundled() -> Bank:
    return load_bank(resources.bank_dir())


@cache
def typed_rows() -> tuple[int, int]:
    """(rows, items) of `bench/typed_table.py` on the bundled bank, as it prints them."""
    spec = importlib.util.spec_from_file_location("typed_table", ROOT / "bench" / "typed_table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["typed_table"] = module
    spec.loader.exec_module(module)
    rows = module.table(bundled())
    return len(rows), len({r.item for r in rows})


def _n(text: str) -> int:
    return WORDS.index(text) if text in WORDS else int(text.replace(",", ""))


# the sentence (a regex whose groups are the figures) -> what each figure must be
FIGURES: dict[str, Callable[[], tuple[int, ...]]] = {
    r"The bundled bank covers (\w+) Japanese articles": lambda: (len(bundled().sources),),
    r"on the bundled bank ([\d,]+) rows from (\d+) items": typed_rows,
    r"the bundled bank \((\d+) items\) is never sampled": lambda: (len(bundled().items),),
}

# figures in a paragraph about the bundled bank that describe something else
NOT_THE_BANK = (
    "exports 300 random items",  # bench/audit_exports.py's generated items
    "Up to about 100,000 items",  # bench/bigbank.py
    "at 100,000 items",
    "the first bank's 261 items gave 17,892 rows",  # history
    "599 rows",  # the held-out typed table
    "a synthetic bank of 80 independent facts",
    "40-question PDF",
    "every strict read of 30 random items",  # samples read from the bank, not its size
    "the ×100 bank (4,900 items)",  # bench/bench_worksheet_big.py's copied banks
    "on 980 items",
    "a pool of more than 300 items",  # the picker's sample size (choose.SAMPLE)
    "reading 2,450 items once",  # the ×50 bank
    "compares two items' sentences",  # a pair, not the bank's size
)

_FIGURE = re.compile(r"\b(\d[\d,]*|" + "|".join(WORDS[2:]) + r") (?:[A-Za-z-]+ ){0,2}"
                     r"(items?|facts?|sources?|articles?|entities|stories|disagreements|rows)\b")


def _prose_paragraphs(text: str) -> list[str]:
    """README's paragraphs and list entries outside fenced blocks."""
    prose = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    return [p for p in re.split(r"\n\s*\n|\n(?=- )", prose) if p.strip()]


def test_every_figure_of_the_bundled_bank_in_readme_is_checked() -> None:
    text = README.read_text(encoding="utf-8")
    checked = [m.span() for pattern in FIGURES for m in re.finditer(pattern, text)]
    unchecked = []
    for para in _prose_paragraphs(text):
        if "bundled bank" not in para and "bundled one" not in para:
            continue
        start = text.index(para)
        for m in _FIGURE.finditer(para):
            at = start + m.start()
            if any(a <= at < b for a, b in checked) or any(m.group(0) in n and n in para for n in NOT_THE_BANK):
                continue
            unchecked.append(m.group(0))
    assert unchecked == [], "figures of the bundled bank in README no test checks: add them to FIGURES"


@pytest.mark.parametrize("pattern", sorted(FIGURES))
def test_readme_figure_is_the_bundled_banks(pattern: str) -> None:
    text = README.read_text(encoding="utf-8")
    found = re.findall(pattern, text)
    assert found, f"README no longer has {pattern!r}: drop it from FIGURES"
    want = FIGURES[pattern]()
    for groups in found:
        got = tuple(_n(g) for g in ((groups,) if isinstance(groups, str) else groups))
        assert got == want, (f"README says {got} for {pattern!r}; the bundled bank gives {want}: "
                             "`make readme` rewrites it")


def _written(value: int, like: str) -> str:
    """`value` written as README wrote the figure it replaces (five, 2,000, 49)."""
    if like in WORDS:
        return WORDS[value]
    return f"{value:,}" if "," in like or value >= 1000 else str(value)


def update() -> int:
    """Rewrite README's figures of the bundled bank from the bank (`make readme` runs it after the command outputs)."""
    text = README.read_text(encoding="utf-8")
    changed = 0
    for pattern, figures in FIGURES.items():
        want = figures()
        for m in reversed(list(re.finditer(pattern, text))):
            spans = [(m.start(g), m.end(g)) for g in range(1, len(want) + 1)]
            for (a, b), value in reversed(list(zip(spans, want, strict=True))):
                new = _written(value, text[a:b])
                if new != text[a:b]:
                    text, changed = text[:a] + new + text[b:], changed + 1
    README.write_text(text, encoding="utf-8")
    print(f"{changed} figures of the bundled bank refreshed in {README.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        raise SystemExit("usage: python tests/test_readme_bank_figures.py --update")
    raise SystemExit(update())
