"""The leak checker's fast verdicts (issue 14, perf9): a text searched once for every answer a sheet can ask
(`LeakChecker.expect`, one trie pattern) finds every answer whose strings it holds, and the verdict a selection
asks for (`gives_away`) is the full comparison's (`between` finds a leak) for every pair of questions the bundled
bank can make."""

from __future__ import annotations

import random
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen import forms
from quizgen.bank import Bank, Lang, Selection, load_bank
from quizgen.generators.worksheet import ChoiceQ, ShortQ
from quizgen.generators.worksheet.exercises import ClozeQ, Question, TrueFalseQ
from quizgen.generators.worksheet.leaks import LeakChecker, _Index


@dataclass(frozen=True)
class _Looked:
    """What `_Index` reads of an answer: its key and the strings looked for."""

    key: str
    searched: frozenset[str]
    group: int = 0  # none alike: each its own (`_Asked.group`)


_CHARS = st.sampled_from("アイウロシ中国米外相ab ")


@given(st.lists(st.text(_CHARS, min_size=1, max_size=5), min_size=1, max_size=12),
       st.lists(st.text(_CHARS, max_size=30), min_size=1, max_size=3))
@settings(max_examples=300, deadline=None)
def test_a_text_searched_once_finds_every_string_it_holds(strings: list[str], texts: list[str]) -> None:
    """Overlapping strings, one the prefix of another, several at one position: each answer with a string in a text
    is a candidate, and no other (the pattern is the strings' trie, read at every position)."""
    looked = [_Looked(f"a{n}", frozenset({s}), n) for n, s in enumerate(strings)]
    index = _Index(looked)  # type: ignore[arg-type]  # _Index reads .key and .searched only
    got = {a.key for a in index.candidates(texts)}
    assert got == {a.key for a in looked if any(s in t for s in a.searched for t in texts)}


def _questions(bank: Bank) -> list[Question]:
    rng = random.Random(3)
    out: list[Question] = []
    for item in Selection().apply(bank):
        out.append(ShortQ(item, None))
        if (mc := forms.multiple_choice(bank, item, rng)) is not None:
            out.append(ChoiceQ(mc, None))
        for statement, true in ((item.statement, True), (item.false_statement, False)):
            if statement is not None:
                out.append(TrueFalseQ(forms.TrueFalse(item, statement, true), None))
        if (cz := forms.cloze(item)) is not None:
            out.append(ClozeQ(cz, None))
    return out


def test_the_fast_verdict_is_the_full_comparison_on_the_bundled_bank() -> None:
    """Every pair of the bank's one-item questions (every form, both statements): `gives_away` from the searched
    texts says what `between` finds, in every language of a sheet; some pairs clash and most do not."""
    from quizgen import resources

    bank = load_bank(resources.bank_dir())
    questions = _questions(bank)
    for lang in (Lang.JA, Lang.EN, Lang.BOTH):
        fast, full = LeakChecker(bank, lang), LeakChecker(bank, lang)
        fast.expect(Selection().apply(bank))
        verdicts = [(fast.gives_away(a, b), bool(full.between(a, b)))
                    for k, a in enumerate(questions) for b in questions[k + 1::7]]
        assert [v for v in verdicts if v[0] != v[1]] == []
        assert 0 < sum(v for v, _ in verdicts) < len(verdicts) // 2
