"""How a spelling is read, segment by segment, and typed answers that spell it in mixed script (pure).

A `Reading` is computed once, when the bank is cached (`quizgen.bank.readings`), so the quiz never
loads a dictionary: 上海協力機構 is `(上海, しゃんはい) (協力, きょうりょく) (機構, きこう)`. A learner who
cannot write 協力 types 上海きょうりょく機構: each segment spelled either as written or by its reading.
The same word in other glyphs (习近平 for 習近平, 哈爾濱 for 哈爾浜) comes along as `variants`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from quizgen.japanese.kana import is_kana, kana_key
from quizgen.japanese.normalise import normalise

__all__ = ["Reading", "Segment", "spells"]

Segment = tuple[str, str]
"""(surface, hiragana reading); the reading is "" when unknown (a Latin word, a number, or no dictionary)."""


@dataclass(frozen=True)
class Reading:
    """A spelling's segments and its other glyph forms."""

    segments: tuple[Segment, ...]
    variants: tuple[str, ...] = ()

    @property
    def kana(self) -> str | None:
        """The whole reading in hiragana, or None when a segment that needs one has none."""
        parts = []
        for surface, reading in self.segments:
            if reading:
                parts.append(reading)
            elif is_kana(normalise(surface)):
                parts.append(normalise(surface))
            else:
                return None
        return "".join(parts) or None

    @property
    def mixed(self) -> bool:
        """Can part of it be typed in kana and part as written (at least one segment has a reading to swap)?"""
        return len(self.segments) > 1 and any(r and normalise(s) != r for s, r in self.segments)


def spells(typed_key: str, reading: Reading) -> bool:
    """Does `typed_key` (a normalised answer) spell `reading` segment by segment, each segment as written or
    by its reading (in kana as `kana_key` compares it: ー or a vowel kana, but never a long vowel left out)?"""
    segments = tuple((normalise(s), r) for s, r in reading.segments)
    return _spells(typed_key, tuple(seg for seg in segments if seg[0] or seg[1]))  # ・ and spaces are not typed


@lru_cache(maxsize=4096)
def _spells(typed: str, segments: tuple[Segment, ...]) -> bool:
    if not segments:
        return not typed
    surface, reading = segments[0]
    rest = segments[1:]
    if surface and typed.startswith(surface) and _spells(typed[len(surface):], rest):
        return True
    if not reading:
        return False
    want = kana_key(reading)  # kana_key keeps the length (one character for each): only this long a piece can match
    piece = typed[:len(want)]
    return len(piece) == len(want) and is_kana(piece) and kana_key(piece) == want and _spells(typed[len(want):], rest)
