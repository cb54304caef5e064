"""Furigana: a reading laid over kanji runs, only where it is certain."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.japanese.furigana import align
from quizgen.japanese.kana import fold_kana


@pytest.mark.parametrize(("word", "reading", "segments"), [
    ("時間稼ぎ作戦", "じかんかせぎさくせん", (("時間稼", "じかんかせ"), ("ぎ", None), ("作戦", "さくせん"))),
    ("上海協力機構", "しゃんはいきょうりょくきこう", (("上海協力機構", "しゃんはいきょうりょくきこう"),)),
    ("グローバル安全保障イニシアティブ", "ぐろーばるあんぜんほしょういにしあてぃぶ",
     (("グローバル", None), ("安全保障", "あんぜんほしょう"), ("イニシアティブ", None))),
    ("プーチン政権の崩壊", "ぷーちんせいけんのほうかい",
     (("プーチン", None), ("政権", "せいけん"), ("の", None), ("崩壊", "ほうかい"))),
    ("国々", "くにぐに", (("国々", "くにぐに"),)),
])
def test_a_reading_is_laid_over_each_kanji_run(word: str, reading: str, segments: tuple[tuple[str, str | None]]) -> None:
    assert align(word, reading) == segments


@pytest.mark.parametrize(("word", "reading"), [
    ("プーチン", "ぷーちん"),  # no kanji: nothing to read
    ("12項目", "じゅうにこうもく"),  # digits a reading cannot show
    ("G7首脳", "じーせぶんしゅのう"),
    ("時間稼ぎ作戦", "じかんさくせん"),  # the reading does not fit the word
    ("日の日", "ひののひ"),  # two splits fit (ひ|の|のひ, ひの|の|ひ): no guess
    ("矢面", "ヤオモテ"),  # a reading is hiragana
])
def test_no_furigana_where_it_is_not_certain(word: str, reading: str) -> None:
    assert align(word, reading) is None


_KANJI = st.sampled_from("中国露関係首脳会談大統領主席外相戦略対話")
_KANA = st.sampled_from("のがとはをにでカタナー")
_READING = st.text(alphabet="あいうえおかきくけこさしすせそ", min_size=1, max_size=4)


@given(st.lists(st.tuples(st.booleans(), st.data()), min_size=1, max_size=5))
def test_segments_give_back_the_word_and_the_reading(parts: list[tuple[bool, st.DataObject]]) -> None:
    word, reading = [], []
    for is_kanji, data in parts:
        if is_kanji:
            word.append(data.draw(st.text(alphabet=_KANJI, min_size=1, max_size=3)))
            reading.append(data.draw(_READING))
        else:
            kana = data.draw(st.text(alphabet=_KANA, min_size=1, max_size=2))
            word.append(kana)
            reading.append(fold_kana(kana))
    segments = align("".join(word), "".join(reading))
    if segments is not None:  # when it answers, it is a split of the word that reads as the reading
        assert "".join(t for t, _ in segments) == "".join(word)
        assert "".join(r if r is not None else fold_kana(t) for t, r in segments) == "".join(reading)
        assert all((r is None) != any("\u4e00" <= c <= "\u9fff" for c in t) for t, r in segments)
