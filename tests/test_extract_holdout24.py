"""What the holdout_v24 articles' teacher discarded (issue 17): the body a report cites asked instead of the news
(「（韓国軍の合同参謀本部）によりますと」); teachers before had discarded 5 of 6 such drafts (bench/extract_judgements.tsv)."""

from __future__ import annotations

import pytest
import test_extract_holdout19 as holdout19
from test_extract_holdout19 import bank  # noqa: F401  (the fixture)

from quizgen.bank import Bank

pytest.importorskip("sudachipy")


@pytest.mark.parametrize("source", ["韓国軍の合同参謀本部によりますと", "ロシア国防省によると", "防衛省の発表によれば"])
def test_the_body_a_report_cites_is_no_fact_and_the_news_is(bank: Bank, source: str) -> None:  # noqa: F811
    body = (f"{source}、23日午前、中国軍の爆撃機2機とロシア軍の爆撃機2機が相次いで韓国の防空識別圏に入りました。")
    got = holdout19.drafts(body, bank, "2019-07-23", "韓国軍 ロシア軍機に警告射撃")
    cited = source.split("の発表")[0].removesuffix("によりますと").removesuffix("によると")
    assert cited not in got and "韓国の防空識別圏" in got, got


def test_who_announced_it_is_still_asked(bank: Bank) -> None:  # noqa: F811  (the fixture)
    body = ("中国とロシアの海軍の艦艇あわせて11隻が17日、沖縄本島と宮古島の間を北上して東シナ海に入ったと、"
            "防衛省統合幕僚監部が発表しました。")
    assert "防衛省統合幕僚監部" in holdout19.drafts(body, bank, "2023-08-17", "中ロ艦艇が通過")


def test_a_count_of_things_named_before_is_no_fact(bank: Bank) -> None:  # noqa: F811  (the fixture)
    """「中国はこの（　　）の決議でも棄権している」: the teacher discarded it, a count the article's wording makes."""
    body = "国連総会は23日、決議を141か国の賛成多数で採択した。中国はこの2つの決議でも棄権している。"
    got = holdout19.drafts(body, bank, "2023-02-24", "国連総会、撤退求める決議を採択")
    assert "2つ" not in got and "141か国" in got


def test_how_a_country_voted_is_asked(bank: Bank) -> None:  # noqa: F811  (the fixture)
    body = "国連総会は23日、ロシア軍の撤退を求める決議を141か国の賛成多数で採択した。中国は棄権した。"
    got = holdout19.drafts(body, bank, "2023-02-24", "国連総会、撤退求める決議を採択")
    assert "中国は（　　）した。" in got["棄権"], got


def test_a_vote_the_sentence_leaves_to_elimination_is_not_asked(bank: Bank) -> None:  # noqa: F811  (the fixture)
    body = "採決では、ロシアと中国など4か国が賛成しましたが、アメリカなど9か国が反対し、韓国とガイアナが棄権しました。"
    got = holdout19.drafts(body, bank, "2025-09-20", "安保理、制裁延期案を否決")
    assert "棄権" not in got and "賛成" not in got and "反対" not in got, got
