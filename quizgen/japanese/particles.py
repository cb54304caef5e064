"""A particle a learner puts between two nouns of a compound (pure, stdlib only).

大統領続投 is often written 大統領の続投, and 技術的支援 技術的な支援: the same words, joined by の (or by
the な that 的 takes before a noun). :func:`without_particles` gives a typed text with such particles left
out, every way, so that the judge can compare it with the answer. A particle counts only between two
noun-like characters (kanji, katakana, Latin letters, digits): の inside a kana word (このみ) is part of it.

    >>> without_particles("大統領の続投")
    ('大統領続投',)
    >>> without_particles("技術的な支援")
    ('技術的支援',)
    >>> without_particles("安全な保障")
    ()
"""

from __future__ import annotations

import re
import unicodedata
from itertools import combinations

__all__ = ["MAX_PARTICLES", "without_particles"]

MAX_PARTICLES = 3
"""At most this many particles are left out of one answer (a longer text is a sentence, not a term)."""

_NOUNISH = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ\u30a1-\u30fa\u30fcA-Za-z0-9]"
_PARTICLE_RE = re.compile(rf"(?<={_NOUNISH})の(?={_NOUNISH})|(?<=的)な(?={_NOUNISH})")


def without_particles(text: str) -> tuple[str, ...]:
    """``text`` (spaces removed) with one or more of its particles between two nouns left out: each subset,
    fewest first; () when it has none or more than :data:`MAX_PARTICLES`."""
    compact = "".join(unicodedata.normalize("NFKC", text).split())
    spots = [m.start() for m in _PARTICLE_RE.finditer(compact)]
    if not spots or len(spots) > MAX_PARTICLES:
        return ()
    out: list[str] = []
    for n in range(1, len(spots) + 1):
        for dropped in combinations(spots, n):
            out.append("".join(c for i, c in enumerate(compact) if i not in dropped))
    return tuple(out)
