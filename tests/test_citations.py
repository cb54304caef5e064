"""citations: source labels, citations, the outside-the-articles note and tags, one wording for every output."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quizgen.bank import Category, DateBasis, DateHow, Link, Text, load_bank
from quizgen.citations import (
    OUTSIDE_ARTICLES,
    SourceLink,
    citation,
    date_basis_label,
    date_label,
    dated,
    item_tags,
    note_tags,
    outside_note,
    source_label,
    source_links,
    source_name,
    source_url,
    tags,
)

BANK = Path(__file__).parent / "data" / "bank_good"
ANKI_BANK = Path(__file__).parent / "data" / "anki" / "bank"
FACTS = Path(__file__).parent / "data" / "anki" / "facts"


def test_source_label_gives_outlet_headline_and_date_never_the_article_number() -> None:
    label = source_label(load_bank(BANK), "t1")
    assert label == Text("テスト通信「中国とロシアが北京で戦略対話」(日付記載なし)",
                         "Test Wire, “China and Russia hold a strategic dialogue in Beijing” (no date given)")
    dated_source = source_label(load_bank(ANKI_BANK), "a1")
    assert dated_source == Text("テスト通信「中ロ首脳がモスクワで会談」(2023年3月21日)",
                                "Test Wire, “Chinese and Russian leaders meet in Moscow” (21 March 2023)")
    assert source_name(load_bank(ANKI_BANK), "a1") == Text("テスト通信(2023年3月21日)", "Test Wire (21 March 2023)")


def test_source_url_is_the_page_else_its_first_link() -> None:
    bank = load_bank(BANK)
    assert source_url(bank, "t1") is None
    src = bank.source_by_id["t1"]
    linked = dataclasses.replace(src, links=(Link(Text("BBC", "BBC"), "https://www.bbc.com/japanese/1"),
                                             Link(Text("CGTN", "CGTN"), "https://www.cgtn.com/2")))
    assert source_url(dataclasses.replace(bank, sources=(linked,)), "t1") == "https://www.bbc.com/japanese/1"
    own = dataclasses.replace(linked, url="https://example.com/page")
    assert source_url(dataclasses.replace(bank, sources=(own,)), "t1") == "https://example.com/page"
    domain = dataclasses.replace(linked, links=(Link(Text("CGTN", "CGTN"), "cgtn.com"),))
    assert source_url(dataclasses.replace(bank, sources=(domain,)), "t1") == "https://cgtn.com"


@pytest.mark.parametrize(("when", "label"), [
    ("2023-03-10", Text("2023年3月10日", "10 March 2023")),
    ("2023-03", Text("2023年3月", "March 2023")),
    ("2024", Text("2024年", "2024")),
])
def test_date_label(when: str, label: Text) -> None:
    assert date_label(when) == label


def test_date_basis_label_says_how_the_date_was_found() -> None:
    bank = load_bank(ANKI_BANK)
    item = bank.item_by_id["a1-summit-date"]  # 今年3月20日 on a page published 2023-03-21
    assert date_basis_label(bank, item) == Text("記事の日付(2023年3月21日)から", "from the article's date (21 March 2023)")
    assert dated(bank, item) == Text("2023年3月20日(記事の日付(2023年3月21日)から)",
                                     "20 March 2023 (from the article's date (21 March 2023))")
    stated = dataclasses.replace(item, date_basis=DateBasis(DateHow.STATED, "a1", ("x",)))
    assert date_basis_label(bank, stated) == Text("記事に明記", "stated in the article")
    counted = dataclasses.replace(item, when="2024", date_basis=DateBasis(DateHow.COUNTED, "a1", ("x",), 2018, 6))
    assert date_basis_label(bank, counted) == Text("記事中の年(2018年)の6年後として計算",
                                                   "counted as 6 years after a year in the article (2018)")
    assert dated(bank, bank.item_by_id["a1-summit-place"]) is None


def test_citation_quotes_every_evidence_verbatim() -> None:
    bank = load_bank(BANK)
    item = bank.item_by_id["t1-dialogue-partner"]
    cite = citation(bank, item)
    assert [line.split(":「")[1] for line in cite.ja.splitlines()] == [f"{e.quote}」" for e in item.evidence]


def test_citation_names_a_page_quoted_twice_once_with_both_quotes_in_order() -> None:
    bank = load_bank(BANK)
    item = bank.item_by_id["t1-dialogue-partner"]
    first = item.evidence[0]
    second = dataclasses.replace(first, quote=first.quote[: len(first.quote) // 2])
    twice = dataclasses.replace(item, evidence=(first, second))
    cite = citation(bank, twice)
    label = source_label(bank, first.article)
    assert cite.ja == f"{label.ja}:「{first.quote}」「{second.quote}」"
    assert cite.en == f"{label.en}: 「{first.quote}」 「{second.quote}」"


def test_outside_note_marks_context_once_in_the_one_wording() -> None:
    assert outside_note(Text("補足。", "A note.")) == Text("記事外の情報:補足。", "Outside the articles: A note.")
    assert Text("記事外の情報", "Outside the articles") == OUTSIDE_ARTICLES
    already = Text("記事外の情報として:補足。", "Outside the article: a note.")
    assert outside_note(already) == already


def test_tags_have_one_spelling_without_spaces_or_repeats() -> None:
    assert tags(Category.ACTORS, ["000", "000"], ["wang-yi"], ["peace plan", "form::reverse"]) == (
        "category::actors", "article::000", "actor::wang-yi", "peace_plan", "form::reverse")
    item = load_bank(BANK).item_by_id["t1-dialogue-partner"]
    assert item_tags(item) == ("category::actors", "article::t1", "actor::wang-yi", "actor::shoigu",
                               "priority::detail", "dialogue")
    story = load_bank(ANKI_BANK).item_by_id["a1-summit-place"]
    assert item_tags(story)[-3:] == ("priority::core", "story::moscow-summit", "summit")


def test_a_source_label_can_keep_the_whole_headline() -> None:
    label = source_label(load_bank(FACTS), "s1", max_headline=0)
    assert label.ja == ("テスト通信「習近平国家主席がモスクワを訪問、プーチン大統領と会談 ウクライナ和平案も協議へ」"
                        "(2023年3月21日)")
    assert label.en.endswith("“Xi Jinping visits Moscow and meets President Putin; the Ukraine peace plan is also on "
                             "the agenda” (21 March 2023)")


def test_source_links_are_the_page_then_every_report_it_relays_each_once() -> None:
    bank = load_bank(FACTS)
    assert source_links(bank, "s1") == (SourceLink(Text("このページ", "this page"), "https://example.com/news/xi-moscow"),)
    assert source_links(bank, "s2") == (SourceLink(Text("テスト新聞", "Test Daily"), "https://example.org/daily/1"),
                                        SourceLink(Text("別の新聞", "Another Paper"), "https://another.example"))
    src = bank.source_by_id["s2"]
    twice = dataclasses.replace(src, url="https://example.org/daily/1")
    assert len(source_links(dataclasses.replace(bank, sources=(twice,)), "s2")) == 2  # no address twice


def test_note_tags_are_under_one_prefix_with_actors_only_and_no_flat_tags() -> None:
    bank = load_bank(FACTS)
    assert note_tags(bank, bank.item_by_id["f-visit-stance"]) == (
        "quizgen::category::positions", "quizgen::story::moscow-visit", "quizgen::article::s1",
        "quizgen::actor::xi", "quizgen::actor::putin", "quizgen::priority::detail")  # moscow is a place
    assert note_tags(bank, bank.item_by_id["f-brics"]) == (  # a forum is not an actor; no story for f-loose below
        "quizgen::category::forums", "quizgen::story::partnership", "quizgen::article::s2", "quizgen::actor::china",
        "quizgen::priority::detail")
    assert note_tags(bank, bank.item_by_id["f-loose"])[:2] == ("quizgen::category::positions", "quizgen::article::s2")
    assert "peace-plan" not in note_tags(bank, bank.item_by_id["f-plan-points"])
