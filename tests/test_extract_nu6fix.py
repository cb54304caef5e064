"""newuser6 (issue 17, "Where I was stuck" 5): drafts that broke README's promises about `extract` — a blank on
one quoted name of a list of quoted names, an `event` beginning with the particle its date left behind, and false
statements no one could claim (a range that ends before it starts, a sighting after its announcement). Sentences
made up for the rules they test."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_extract_round24 import _all  # made-up articles dated 2025-01-10

from quizgen.bank import Bank, load_bank

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
