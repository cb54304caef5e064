"""newuser6 (issue 17, "Where I was stuck" 5): drafts that broke README's promises about `extract` — a blank on
one quoted name of a list of quoted names, an `event` beginning with the particle its date left behind, and false
statements no one could claim (a range that ends before it starts, a sighting after its announcement). Sentences
made up for the rules they test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_extract_round24 import _all  # made-up articles dated 2025-01-10

from quizgen.bank import Bank, load_bank
from quizgen.extract.article import extract, provisional_source, read_article

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


@pytest.mark.parametrize("body, names", [
    ("海上保安庁によると、派遣されたのは巡視船「あさかぜ」「はまなみ」、「しらうめ」と「おおとり」の4隻だった。",
     ("あさかぜ", "はまなみ", "しらうめ", "おおとり")),
    ("当局によると、船団は警備艦「北斗」「オーロラ」と、海警局の「梅林」『松林』の計4隻。",
     ("北斗", "オーロラ", "梅林", "松林")),
    ("両国は合同演習「北部・連合2024」や「海上連合2024」を実施した。", ("北部・連合2024", "海上連合2024")),
])
def test_no_draft_blanks_one_quoted_name_of_a_list(bank: Bank, body: str, names: tuple[str, ...]) -> None:
    """README: no draft blanks one item of a list — a list of 「」/『』 names joined by 、, と or や too."""
    asked = [i.answer.ja for i in _all(body, bank)]
    assert not [a for a in asked if a.strip("「」『』") in names], asked


def test_a_quoted_name_alone_is_still_asked(bank: Bank) -> None:
    """One quoted name that is no item of a list stays a draft (the rule is about lists, not quotes)."""
    asked = [i.answer.ja for i in _all("両国は合同演習「北部・連合2024」を実施した。", bank)]
    assert "北部・連合2024" in asked, asked


_PARTICLE_FIRST = re.compile(r"^(?:[、\s]|[はがをにのもとでへ](?![ぁ-ゖ]))")


def test_an_event_keeps_no_particle_its_date_left(bank: Bank) -> None:
    """README: an `event` is written without the date or its particle — 「1日は…」 gave 「は中華人民共和国の…」."""
    items = _all("3日は同国の建国記念日にあたり、首都で式典が開かれた。", bank)
    events = {i.answer.ja: i.event.ja for i in items if i.event is not None}
    assert events.get("2025年1月3日") == "同国の建国記念日にあたり、首都で式典が開かれた", events


def test_no_event_of_any_test_article_begins_with_a_particle(bank: Bank) -> None:
    """Every draft (`--all`) of every article under tests/data/extract: no 年表 text begins with は, が, を, に, の,
    も, と, で, へ or 、."""
    pytest.importorskip("sudachipy")
    from quizgen.extract.nlp import load_analyzer
    analyse = load_analyzer()
    seen = 0
    for path in sorted(DATA.glob("*/*.txt")):
        text = read_article(path)
        for item in extract(text, provisional_source(text, path.name, bank), bank, analyse, keep_all=True).items:
            if item.event is not None:
                seen += 1
                assert not _PARTICLE_FIRST.match(item.event.ja), (path.name, item.event.ja)
    assert seen > 100
