"""Review 22 (five sheets a fresh strict teacher checked, issue 14): the one sheet it would have edited, s4, for two
bank items, as regression tests that failed before their fixes.

- 問4 「…この和平案が具体的に触れていないのは何についてか」 had a second right answer in the same article: a bullet
  of the same page says the proposal 「実現の具体策を示していない」. The key now accepts it, with that quote cited.
- 問7 offered 国防相 as a wrong post of Shoigu's, a post he held until May 2024 (the key's own note says so): an
  informed student could dispute it. The prompt now asks for his post 「対話の時点で」 and 国防相 is no option.
"""

from __future__ import annotations

import pytest

from quizgen import resources
from quizgen.bank import Bank, load_bank
from quizgen.japanese.normalise import normalise
from quizgen.quiz.judge import judge


@pytest.fixture(scope="module")
def bundled() -> Bank:
    return load_bank(resources.bank_dir())


def test_the_peace_plan_item_accepts_the_second_answer_its_article_gives(bundled: Bank) -> None:
    item = next(i for i in bundled.items if i.id == "a000-peace-plan-no-withdrawal")
    assert "実現の具体策" in item.accept
    assert any("実現の具体策を示していない" in e.quote for e in item.evidence)
    assert judge("実現の具体策", item.answer.ja, item.accept).correct


def test_no_option_of_shoigus_post_is_a_post_he_held(bundled: Bank) -> None:
    item = next(i for i in bundled.items if i.id == "a004-shoigu-title")
    assert normalise("国防相") not in {normalise(d.ja) for d in item.distractors}
    assert "対話の時点で" in item.prompt.ja
