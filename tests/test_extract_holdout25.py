"""What the holdout_v25 articles' teacher discarded (issue 17): an answer of two words whose every word the context
cue prints — 【2022年 北朝鮮への制裁強化決議案】 over 「（制裁強化の決議案）」, 【ロシアから中国へ初のガスパイプライン】 over
「（中国へのパイプライン）」 — is given away on every other draft of the article."""

from __future__ import annotations

import pytest
from test_extract_holdout19 import bank  # noqa: F401  (the fixture)

from quizgen.bank import Bank, Source, Text
from quizgen.extract.article import _parts_printed, extract
from quizgen.extract.nlp import load_analyzer

pytest.importorskip("sudachipy")


@pytest.mark.parametrize(("cue", "answer", "given"), [
    ("北朝鮮への制裁強化決議案", "制裁強化の決議案", True),
    ("ロシアから中国へ初のガスパイプライン", "中国へのパイプライン", True),
    ("中ロ首脳会談", "ロシアと中国", False),  # 中ロ is no word of either
    ("北朝鮮への制裁強化決議案", "拒否権の行使", False),
    ("みどりの日の式典", "みどり", False),  # one word: the cue's own test
])
def test_an_answer_whose_every_word_the_cue_prints_is_given_away(cue: str, answer: str, given: bool) -> None:
    assert _parts_printed(cue, answer) is given


def test_the_veto_is_asked_not_the_resolution_the_cue_names(bank: Bank) -> None:  # noqa: F811  (the fixture)
    body = ("国連の安全保障理事会は26日、北朝鮮への制裁を強化する決議案を採決しましたが、中国とロシアが拒否権を行使し、"
            "否決されました。北朝鮮に対する制裁強化の決議案が拒否権の行使によって否決されるのは初めてです。")
    src = Source(id="009", file="a.txt", headline=Text("北朝鮮への制裁強化決議案 中ロが拒否権で否決", "TODO: translate"),
                 outlet=Text("テスト放送", "Test"), published="2022-05-27")
    result = extract(f"2022-05-27 5時00分\n{body}\n", src, bank, load_analyzer())
    got = {i.answer.ja: i.prompt.ja for i in result.items}  # the default drafts
    assert "制裁強化の決議案" not in got and "拒否権の行使" in got, got
    assert "【2022年 北朝鮮への制裁強化決議案】" in got["拒否権の行使"]
