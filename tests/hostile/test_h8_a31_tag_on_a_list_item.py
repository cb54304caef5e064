"""Hostile pass 8, A31/A36: a YAML tag on a list item (`- !foo {id: x}`) was reported twice.

The tag's own line came first, then an internal-sounding `items[0]: must be a mapping, not Unreadable
(unreadable)`, and the count said 2 problems for one. Now the tag is the one problem.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import check_with


@pytest.mark.parametrize(("text", "first"), [
    ("items:\n  - !foo {id: x}\n", "items[0]: YAML tag '!foo'"),
    ("stories:\n  - !!python/object {}\n", "stories[0]: YAML tag 'tag:yaml.org,2002:python/object'"),
])
def test_a_tag_on_a_list_item_is_one_problem(bank: Path, text: str, first: str) -> None:
    err = check_with(bank, "tag.yaml", text)
    assert err == (f"bank/tag.yaml:2:5: {first} is not allowed; the bank is plain data (safe YAML only)\n"
                   "1 problem in the question bank\n")
