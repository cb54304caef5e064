"""Review 20 (five sheets a fresh strict teacher checked, issue 14): the one sheet it would have edited, and a promise
of the README it found broken, as regression tests that failed before their fixes.

- s2 問7, a true/false marked ○: 「…中国側の報道は、第二次世界大戦全体を「世界反ファシスト戦争」と呼び…」. The article
  never equates the two (only the key's outside note does), so a careful student could mark it × (review 16 said the
  same of the cloze).
- s3, an A/B exam: ショイグ's title was イ in both versions; the README says a matching answer's letter moves.
"""

from __future__ import annotations

import pytest
from test_worksheet_review3 import make

from quizgen import resources
from quizgen.bank import Bank, load_bank
from quizgen.generators.worksheet import Exercise
from quizgen.generators.worksheet.exercises import MatchingQ


@pytest.fixture(scope="module")
def bundled() -> Bank:
    return load_bank(resources.bank_dir())


def test_the_which_war_item_says_only_what_the_article_says(bundled: Bank) -> None:
    item = next(i for i in bundled.items if i.id == "a004-which-war")
    texts = [t for t in (item.prompt, item.statement, item.false_statement, item.cloze) if t is not None]
    assert len(texts) == 4
    assert not [t.ja for t in texts if "第二次世界大戦" in t.ja]
    assert not [t.en for t in texts if "Second World War" in t.en]
    assert item.context is not None and "第二次世界大戦" in item.context.ja  # the equation stays, as outside context


def test_no_person_of_a_matching_keeps_the_letter_of_their_title_in_the_next_version(bundled: Bank) -> None:
    """Before: 26 of 120 people kept their title's letter (40 two-version sheets of every type)."""
    people = 0
    for seed in range(40):
        ws = make(bundled, count=16, types=tuple(Exercise), variants=2, seed=seed)
        found = [[q for _, q in v.questions() if isinstance(q, MatchingQ)] for v in ws.variants]
        if not found[0] or not found[1]:
            continue
        a, b = found[0][0], found[1][0]
        letter_b = {p.key: b.rights.index(p) for p in b.lefts}
        people += len(a.lefts)
        assert [p.key for p in a.lefts if letter_b.get(p.key) == a.rights.index(p)] == [], seed
    assert people >= 60
