"""Furigana: a word's hiragana reading laid over its kanji runs (pure, stdlib only).

    >>> align("時間稼ぎ作戦", "じかんかせぎさくせん")
    (('時間稼', 'じかんかせ'), ('ぎ', None), ('作戦', 'さくせん'))

The reading must cover the whole word: the word's kana (katakana read as hiragana) and long-vowel
marks are anchors that must appear in the reading in order, and each run of kanji between them takes
the reading in between. Where the split is not certain (an anchor that also occurs inside a kanji's
reading in a way that allows two splits), where the word has characters a hiragana reading cannot
show (Latin letters, digits) or where it has no kanji at all, there are no furigana: a wrong reading
is worse than none. Readings are never guessed; they come from the bank.

`ruby` is what every output prints (Anki backs, worksheets, keys, Word files): `align` without readings over
everyday words (`everyday`), which a secondary-school student reads anyway: ruby over them is clutter.
"""

from __future__ import annotations

import re

from quizgen.japanese.kana import fold_kana

__all__ = ["EVERYDAY_KINDS", "EVERYDAY_WORDS", "Segment", "align", "everyday", "has_kanji", "ruby"]

Segment = tuple[str, str | None]  # (text, its reading; None for kana that reads as written)

_KANJI = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006\u30f6"  # CJK ideographs, 々, 〆, ヶ
_KANJI_RUN = re.compile(f"[{_KANJI}]+")
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc]+")  # hiragana, katakana, ー
_READING = re.compile(r"[\u3041-\u3096\u30fc]+")


def has_kanji(text: str) -> bool:
    return _KANJI_RUN.search(text) is not None


def _runs(word: str) -> list[tuple[str, bool]] | None:
    """The word as (run, is kanji) pairs; None if it holds anything but kanji, kana and ・."""
    runs: list[tuple[str, bool]] = []
    pos = 0
    while pos < len(word):
        kanji = _KANJI_RUN.match(word, pos)
        kana = kanji or _KANA.match(word, pos)
        if kana is None:
            if word[pos] != "・":
                return None
            pos += 1  # a middle dot is not read
            runs.append(("・", False))
            continue
        runs.append((kana.group(), kanji is not None))
        pos = kana.end()
    return runs


def align(word: str, reading: str) -> tuple[Segment, ...] | None:
    """`word` split into kanji runs (with their part of `reading`) and kana (None), or None when the
    reading cannot be laid over the word with certainty, or the word has no kanji."""
    word, reading = word.strip(), reading.strip().replace(" ", "").replace("・", "")
    runs = _runs(word)
    if not runs or not any(k for _, k in runs) or not _READING.fullmatch(reading or "-"):
        return None
    parts = [("(.+?)" if k else re.escape(fold_kana(t))) for t, k in runs if t != "・"]
    lazy = re.fullmatch("".join(parts), reading)
    greedy = re.fullmatch("".join(p.replace("(.+?)", "(.+)") for p in parts), reading)
    if lazy is None or greedy is None or lazy.groups() != greedy.groups():
        return None
    readings = iter(lazy.groups())
    return tuple((t, next(readings) if k else None) for t, k in runs)


EVERYDAY_WORDS = frozenset({"中国", "日本", "米国", "韓国", "国連", "中東", "欧州",
                            "危機", "政治的", "解決", "関", "立場", "作戦", "技術"})
"""Words every secondary-school student reads: no furigana over them, alone or inside a longer name (22 readings
over 中国 on one key; きき over 危機 and たちば over 立場 in a position paper's title: review 3, s1)."""

EVERYDAY_KINDS = frozenset({"country", "place"})
"""Kinds of name (the bank's entity types) that are everyday words: countries and regions (中国, 欧州, 北京)."""


def everyday(word: str, kind: str | None = None) -> bool:
    """Whether `word` (a name of the bank's `kind`, where known) is an everyday word: no furigana over it."""
    return word.strip() in EVERYDAY_WORDS or kind in EVERYDAY_KINDS


def ruby(word: str, reading: str, kind: str | None = None) -> tuple[Segment, ...] | None:
    """`word` as `align` splits it, with no reading over an everyday word inside it (中国 in a long title); None
    when the word is everyday, cannot be split with certainty, or keeps no reading at all."""
    if everyday(word, kind):
        return None
    parts = align(word, reading)
    if parts is None:
        return None
    out = tuple((seg, None if seg in EVERYDAY_WORDS else r) for seg, r in parts)
    return out if any(r for _, r in out) else None
