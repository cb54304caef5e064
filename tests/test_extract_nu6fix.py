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



def _false_of(body: str, answer: str, bank: Bank) -> str | None:
    """The false statement of the draft that asks `answer` (there must be one such draft)."""
    items = [i for i in _all(body, bank) if i.answer.ja == answer]
    assert items, [i.answer.ja for i in _all(body, bank)]
    return items[0].false_statement.ja if items[0].false_statement is not None else None


def _days(text: str) -> list[int]:
    """The days of 2025年1月 a statement writes, in order."""
    return [int(d) for d in re.findall(r"2025年1月([0-9]{1,2})日", text)]


def test_a_false_statement_never_ends_a_range_before_it_starts(bank: Bank) -> None:
    """「期間は2024年10月11日から2024年10月10日まで」 was offered as a false statement: false on its face."""
    body = "海洋局は8日、両国の船団が初めて合同で巡回したと発表した。巡回の期間は1月1日から1月6日まで。船団は7日に母港へ戻った。"
    start = _false_of(body, "2025年1月1日", bank)  # was 「2025年1月8日から2025年1月6日まで」
    assert start is None or _days(start)[0] <= _days(start)[1], start
    end = _false_of(body, "2025年1月6日", bank)  # the end moved later stays a possible claim
    assert end is not None and _days(end) == [1, 8], end


def test_a_false_statement_never_dates_an_event_after_its_announcement(bank: Bank) -> None:
    """「米沿岸警備隊は2024年10月1日、2024年10月11日に…確認したと公表した」: a sighting after its own report."""
    body = ("海洋局は8日、両国の船団が合同巡回を終えたと発表した。"
            "沿岸警備隊は5日、2日に艦船2隻が海峡を通過したのを哨戒機が確認したと公表した。")
    seen = _false_of(body, "2025年1月2日", bank)  # was 「2025年1月5日、2025年1月8日に…確認したと公表した」
    assert seen is None or _days(seen)[1] <= _days(seen)[0], seen
    told = _false_of(body, "2025年1月5日", bank)  # the report moved later stays a possible claim
    assert told is not None and _days(told) == [8, 2], told


def test_a_false_statement_keeps_past_and_plans_on_their_side_of_the_page_date(bank: Bank) -> None:
    """On a page of 2025-01-10, what happened on the 2nd is never moved to the 20th, nor the plan for the 20th to the
    2nd."""
    body = "沿岸警備隊は2日、海峡を通過した艦船2隻を哨戒機で確認した。両国は20日に次の合同演習を行う予定だ。"
    assert _false_of(body, "2025年1月2日", bank) is None  # was 「沿岸警備隊は2025年1月20日、…確認した」
    assert _false_of(body, "2025年1月20日", bank) is None  # was 「両国は2025年1月2日に次の合同演習を行う予定だ」


def test_a_date_tied_to_the_next_by_yoku_is_never_swapped(bank: Bank) -> None:
    """「1日は建国75周年、翌2日は国交樹立75周年」: any other day for the 1st breaks 翌."""
    body = "海洋局は8日、船団が帰港したと発表した。1日は同国の建国記念日、翌2日は両国の国交樹立記念日にあたる。"
    items = [i for i in _all(body, bank) if i.answer.ja == "2025年1月1日"]
    assert all(i.false_statement is None for i in items), [i.false_statement for i in items]
