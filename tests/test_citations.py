"""citations: source labels, citations, the outside-the-articles note and tags, one wording for every output."""

from __future__ import annotations

from pathlib import Path

from quizgen.bank import Category, Text, load_bank
from quizgen.citations import OUTSIDE_ARTICLES, citation, item_tags, outside_note, source_label, tags

BANK = Path(__file__).parent / "data" / "bank_good"


def test_source_label_gives_the_outlet_and_says_when_there_is_no_date() -> None:
    label = source_label(load_bank(BANK), "t1")
    assert label == Text("記事t1「中国とロシアが北京で戦略対話」(テスト通信、日付記載なし)",
                         "Article t1, “China and Russia hold a strategic dialogue in Beijing” (Test Wire, no date given)")


def test_citation_quotes_every_evidence_verbatim() -> None:
    bank = load_bank(BANK)
    item = bank.item_by_id["t1-dialogue-partner"]
    cite = citation(bank, item)
    assert [line.split(":「")[1] for line in cite.ja.splitlines()] == [f"{e.quote}」" for e in item.evidence]


def test_outside_note_marks_context_once_in_the_one_wording() -> None:
    assert outside_note(Text("補足。", "A note.")) == Text("記事外の情報:補足。", "Outside the articles: A note.")
    assert Text("記事外の情報", "Outside the articles") == OUTSIDE_ARTICLES
    already = Text("記事外の情報として:補足。", "Outside the article: a note.")
    assert outside_note(already) == already


def test_tags_have_one_spelling_without_spaces_or_repeats() -> None:
    assert tags(Category.ACTORS, ["000", "000"], ["wang-yi"], ["peace plan", "form::reverse"]) == (
        "category::actors", "article::000", "actor::wang-yi", "peace_plan", "form::reverse")
    item = load_bank(BANK).item_by_id["t1-dialogue-partner"]
    assert item_tags(item) == ("category::actors", "article::t1", "actor::wang-yi", "actor::shoigu", "dialogue")
