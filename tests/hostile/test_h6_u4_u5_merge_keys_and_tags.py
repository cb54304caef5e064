"""Hostile pass 6, U4 and U5: a YAML merge key, or a tag on a whole section, is refused in one line that says so.

U4: `<<: *x` in a record was "YAML tag 'tag:yaml.org,2002:merge' is not allowed" plus "items[0].None: keys must be
text" (and every field the merge would have brought "missing"). U5: `items: !!python/object/apply:…` first said
"items: nothing is written under it", which is false, before the tag's own message.
"""

from __future__ import annotations

from pathlib import Path

from harness import check_with


def test_a_merge_key_is_one_message_saying_merge_keys_are_not_supported(bank: Path) -> None:
    err = check_with(bank, "zz.yaml", "items:\n  - &x\n    id: foo\n    <<: *x\n")

    assert err.splitlines() == [
        "bank/zz.yaml:4:5: items[0]: merge keys (<<) are not supported in a bank file; write each record's fields "
        "out in full",
        "1 problem in the question bank",
    ]


def test_a_merge_key_of_another_record_is_refused_the_same_way(bank: Path) -> None:
    err = check_with(bank, "zz.yaml", "entities:\n  - &base {id: zz-a, type: person, ja: 甲乙, reading: こうおつ, en: Kō Otsu}\n"
                                      "  - {<<: *base, id: zz-b}\n")

    assert err.splitlines()[0] == ("bank/zz.yaml:3:6: entities[1]: merge keys (<<) are not supported in a bank file; "
                                   "write each record's fields out in full")
    assert "None" not in err and "tag:yaml.org" not in err


def test_a_tag_on_a_section_says_the_tag_is_not_allowed_and_nothing_false(bank: Path) -> None:
    err = check_with(bank, "zz.yaml", 'items: !!python/object/apply:os.system ["true"]\n')

    assert err.splitlines() == [
        "bank/zz.yaml:1:8: items: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed; "
        "the bank is plain data (safe YAML only)",
        "1 problem in the question bank",
    ]
