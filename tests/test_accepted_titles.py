"""The accepted answers an answer key lists for a person: an alias with a title (王毅外相, 王外相) only where an
article the item cites gives the person that title (newuser12: the key of a February 2023 sheet listed 「王毅外相」
for a man that article called 中国外交トップ; he was not foreign minister then)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quizgen import resources
from quizgen.bank import Text, load_bank
from quizgen.bank.model import Evidence
from quizgen.quiz.judge import judge


@pytest.mark.parametrize(("article", "titled"), [("001", False), ("002", True), ("004", False), ("999", False)])
def test_an_alias_with_a_title_is_accepted_where_a_cited_article_gives_it(article: str, titled: bool) -> None:
    bank = load_bank(resources.bank_dir())
    item = replace(bank.items[0], entity="wang-yi", answer=Text("王毅", "Wang Yi"), accept=(),
                   evidence=(Evidence(article, "王毅"),))
    accepted = bank.accepted(item)
    assert ("王毅外相" in accepted, "王外相" in accepted) == (titled, titled), accepted
    assert {"王毅", "ワン・イー", "王毅氏"} <= set(accepted)  # the name and its untitled spellings always
    assert judge("王毅外相", "王毅", bank.typed_forms(item)[1:]).correct  # the quiz judges the name, title or not
