"""Issue 16's property: random items with every special character of each format, exported to Moodle XML
and GIFT, read back as Moodle's importers read them; every accepted spelling (and every width an IME
types it in) still matches, and nothing becomes an essay (`lms_roundtrip.audit`)."""

from __future__ import annotations

import dataclasses
import random

from hypothesis import given, settings
from hypothesis import strategies as st
from lms_roundtrip import audit, special_bank


@settings(max_examples=40, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(min_value=1, max_value=8))
def test_every_accepted_spelling_survives_moodles_readers(rng: random.Random, n: int) -> None:
    result = audit(special_bank(rng, n))
    assert result.failures == []
    assert result.matched == result.spellings > 0 and result.typed_matched == result.typed
    assert result.gift_matched == result.gift_spellings and result.essays == 0


def test_a_title_with_a_backslash_before_a_star_is_a_matching_answer_as_it_is() -> None:
    """Found by the test above: the audit read matching answers as short-answer patterns, where `\\*` is a star."""
    bank = special_bank(random.Random(0), 4)
    title = "~ \\*~~ ~"
    people = tuple(dataclasses.replace(e, roles=(dataclasses.replace(e.roles[0], ja=title if k == 0 else e.roles[0].ja),))
                   for k, e in enumerate(bank.entities))
    result = audit(dataclasses.replace(bank, entities=people))
    assert result.failures == [] and result.spellings > 0


def test_three_hundred_random_items() -> None:
    """The issue's measure: 300 random special-character items (bench/audit_exports.py prints the numbers)."""
    result = audit(special_bank(random.Random(16), 300))
    assert result.failures == [] and result.essays == 0
    assert result.spellings > 1000 and result.variants_added > 0


def test_the_bundled_bank() -> None:
    from quizgen import resources
    from quizgen.bank import load_bank

    result = audit(load_bank(resources.bank_dir()))
    assert result.failures == [] and result.essays == 0 and result.spellings > 0
