"""Hostile pass 11, H06: an article page pasted twice kept nothing, and said so without saying what it removed.

The page once gives 14 drafts. Twice, the footer of the first copy (「関連記事:」) swallowed the second copy, the
guessed source listed those lines — the article's own text — as clutter, and the clutter rule then removed the
first copy too: 「no sentence is left after removing page clutter and headings」, nothing listed. A line that
repeats the article's text now reads once and is never taken as clutter; when nothing is left, the message lists
what was left out and why.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from harness import DEV_ARTICLE, EXTRACT, run


@pytest.fixture
def cls() -> Path:
    pytest.importorskip("sudachipy")
    shutil.copytree(EXTRACT / "bank", "cls")
    return Path("cls")


def _drafts(path: Path) -> list[str]:
    """The drafts file's lines that depend on the article's text (not its file name or comments)."""
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith(("#", "file:", "- 2024年5月16日(木)"))]


def test_a_page_pasted_twice_gives_the_drafts_of_the_page_once(cls: Path) -> None:
    page = DEV_ARTICLE.read_text(encoding="utf-8")
    Path("twice.txt").write_text(page + page, encoding="utf-8")

    once = run("extract", str(DEV_ARTICLE), "--bank", "cls", "-o", "once.yaml")
    twice = run("extract", "twice.txt", "--bank", "cls", "-o", "twice.yaml")

    assert (once.code, twice.code) == (0, 0), twice.err
    assert "\nwrote 14 drafts for article 001 to once.yaml" in once.err
    assert "\nwrote 14 drafts for article 001 to twice.yaml" in twice.err
    assert _drafts(Path("twice.yaml")) == _drafts(Path("once.yaml"))
    assert ("  lines 28-32: the same text as a line above (the page pasted twice?): read once: 3 lines from "
            "'中露首脳が会談、関係深化の共同声明に署名\\u3000プーチン氏、5期…'\n") in twice.err


def test_nothing_left_says_what_was_left_out(cls: Path) -> None:
    Path("clutter.txt").write_text("トップ ＞ 国際 ＞ アジア\n2024年5月16日(木) 21:05配信\n\n関連記事:\n中露首脳が会談した。\n",
                                   encoding="utf-8")

    err = run("extract", "clutter.txt", "--bank", "cls", "-o", "d.yaml").fails_cleanly()

    assert err == ("Error: clutter.txt: no sentence is left after removing page clutter and headings; left out:\n"
                   "  line 1: site navigation label: トップ ＞ 国際 ＞ アジア\n"
                   "  line 2: date and time stamp: 2024年5月16日(木) 21:05配信\n"
                   "  lines 4-5: page footer after the article (related links, tickers, rankings, adverts): 2 lines "
                   "from '関連記事:'\n")
    assert not Path("d.yaml").exists()
