"""Third adversarial pass, cause I: bank files that hold nothing readable passed `check` silently.

- A file whose only section has nothing under it (`items:` alone, its list never written or commented out)
  was read as no records: the items the writer meant were lost without a word, where a file of comments
  alone is refused as empty. It is now refused at its key. A file that writes a section as `[]` is still a
  placeholder (cause 12: `entities: []` beside `items:` says "none yet" on purpose).
- A link that loops (to itself, or two links to each other) was skipped by the bank walker; it is now
  refused at its name, as a link to nothing is.
"""

from __future__ import annotations

import os
from pathlib import Path

from harness import check_with, run


def test_a_file_of_one_section_with_nothing_under_it_is_refused(bank: Path) -> None:
    err = check_with(bank, "new.yaml", "items:\n#  - id: t9-forgotten\n")
    assert err == ("bank/new.yaml:1:1: items: nothing is written under it; write the list of items under it, "
                   "or remove the file\n1 problem in the question bank\n")


def test_a_file_of_sections_all_with_nothing_under_them_is_refused_at_the_first(bank: Path) -> None:
    err = check_with(bank, "new.yaml", "# to fill in\nentities:\nitems:\n")
    assert err == ("bank/new.yaml:2:1: entities: nothing is written under it; write the list of entities under it, "
                   "or remove the file\n1 problem in the question bank\n")


def test_an_explicitly_empty_list_is_still_fine(bank: Path) -> None:
    (bank / "none.yaml").write_text("items: []\nstories:\n  []\n", encoding="utf-8")
    assert run("check", "--bank", "bank").code == 0


def test_a_link_to_itself_is_refused(bank: Path) -> None:
    os.symlink("self.yaml", bank / "self.yaml")
    err = run("check", "--bank", "bank").fails_cleanly()
    assert err == ("bank/self.yaml:1:1: (file): a link that leads in a loop (to itself, or through other links "
                   "back to itself); point it at a file or remove it\n1 problem in the question bank\n")


def test_two_links_to_each_other_are_both_refused(bank: Path) -> None:
    os.symlink("b.yaml", bank / "a.yaml")
    os.symlink("a.yaml", bank / "b.yaml")
    err = run("check", "--bank", "bank").fails_cleanly()
    assert err.splitlines()[:2] == [f"bank/{n}.yaml:1:1: (file): a link that leads in a loop (to itself, or "
                                    "through other links back to itself); point it at a file or remove it"
                                    for n in "ab"]


def test_review_of_drafts_inside_a_bank_with_a_looping_link_is_no_traceback(bank: Path) -> None:
    """`review` resolves the bank's file paths (Path.resolve raises on a loop): it leaves such a link out, as before."""
    os.symlink("self.yaml", bank / "self.yaml")
    (bank / "drafts.yaml").write_text("items:\n  - id: t9-draft\n    draft: true\n", encoding="utf-8")
    err = run("review", "bank/drafts.yaml", "--bank", "bank", input="").fails_cleanly()
    assert err.startswith("bank/drafts.yaml:2:5: items[0]."), err
