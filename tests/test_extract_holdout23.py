"""What the holdout_v23 articles' teacher discarded as trivia (issue 17): the app a statement was posted on
(通信アプリ「テレグラム」, asked on both pages) and a distance that only locates a sighting (沖ノ鳥島の北東およそ280キロ)."""

from __future__ import annotations

import pytest
import test_extract_holdout19 as holdout19
from test_extract_holdout19 import bank  # noqa: F401  (the fixture)

from quizgen.bank import Bank

pytest.importorskip("sudachipy")


def drafts(body: str, bank: Bank) -> dict[str, str]:  # noqa: F811  (bank: the fixture's value)
    return holdout19.drafts(body, bank, "2023-08-17", "中ロ艦艇11隻、沖縄・宮古間を通過")


def test_the_app_a_statement_was_posted_on_is_no_fact(bank: Bank) -> None:  # noqa: F811  (the fixture)
    body = "メドベージェフ氏は会談後、通信アプリ「テレグラム」に動画を投稿し、習主席との会談の内容を説明した。"
    assert "テレグラム" not in drafts(body, bank)


def test_a_distance_that_locates_a_sighting_is_no_fact(bank: Bank) -> None:  # noqa: F811  (the fixture)
    body = ("防衛省によりますと、15日午前9時ごろ、沖ノ鳥島の北東およそ280キロの太平洋を中国とロシアの艦艇11隻が"
            "北西に進むのを確認しました。\nプリゴジン氏によると、部隊はモスクワまで約200キロの地点に迫っていた。")
    got = drafts(body, bank)
    assert "およそ280キロ" not in got and "約200キロ" in got  # how far a march got is news
