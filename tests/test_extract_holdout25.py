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


def test_no_false_statement_swaps_in_a_date_of_the_year_the_sentence_prints(bank: Bank) -> None:  # noqa: F811
    """newuser13: 「北朝鮮は、2017年12月、2017年以来となるICBM級の発射に踏み切り」 — a false statement no student reads as
    a claim; another date (of another year) still makes one."""
    body = ("2017年12月に全会一致で採択された安保理決議には、石油の輸出をさらに制限する措置が盛り込まれている。"
            "北朝鮮は、ことし3月、2017年以来となるICBM級の発射に踏み切った。"
            "北朝鮮は2016年1月にも核実験を行っている。")
    src = Source(id="009", file="a.txt", headline=Text("北朝鮮への制裁強化決議案 中ロが拒否権で否決", "TODO: translate"),
                 outlet=Text("テスト放送", "Test"), published="2022-05-27")
    result = extract(f"2022-05-27 5時00分\\n{body}\\n", src, bank, load_analyzer(), keep_all=True)
    false = {i.answer.ja: i.false_statement.ja if i.false_statement else None for i in result.items}
    assert false["2022年3月"] is None, false  # no other date of the article reads as a claim there
    assert false["2016年1月"] == "【北朝鮮への制裁強化決議案】北朝鮮は2017年12月にも核実験を行っている。", false
