"""The comparison key of an answer: two spellings that differ only in width, case, accents, kana script,
spacing or punctuation have the same key (pure).

The bank's checks (a distractor that is an accepted answer, one prompt with two answers), the question
forms (distractors that read the same) and the quiz's judge all compare through `normalise`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from quizgen.japanese.kana import fold_kana, fold_latin

__all__ = ["normalise"]

_DROP_RE = re.compile(r"[\s・·•\-‐‑‒–—―−=_'’‘\"“”「」『』《》〈〉。.!]")
_KANA_HYPHEN_RE = re.compile(r"(?<=[\u3041-\u3096\u30fc])[-‐‑‒–—―−~〜](?=[\u3041-\u3096]|$)")


def _normalise_once(text: str) -> str:
    text = fold_kana(fold_latin(unicodedata.normalize("NFKC", text).casefold()))
    text = _DROP_RE.sub("", _KANA_HYPHEN_RE.sub("ー", text))
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """The comparison key of an answer: NFKC, case-folded, Latin accents and
    katakana folded, whitespace, dots, middle dots, hyphens and quotes removed
    (a hyphen between kana becomes ー). Idempotent."""
    for _ in range(5):
        again = _normalise_once(text)
        if again == text:
            break
        text = again
    return text
