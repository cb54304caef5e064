"""Hostile pass 8, L05: `review BANK/items/000.yaml` (a bank file, not a drafts file) called the accepted bank item
"1 discarded, kept with their reasons". It now says what the file is, exit 1, and changes nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from harness import DATA, run


def test_review_of_a_bank_file_says_it_is_one(tmp_path: Path) -> None:
    shutil.copytree(DATA / "extract" / "bank", "class")
    file = Path("class/items/000.yaml")
    before = file.read_bytes()
    err = run("review", str(file), "--bank", "class", input="q\n").fails_cleanly()
    assert err == ("Error: class/items/000.yaml is a bank file, not a drafts file from extract; give review the file "
                   "`quizgen extract ARTICLE -o FILE` wrote\n")
    assert file.read_bytes() == before
