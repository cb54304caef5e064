"""Step 2: split the kept lines into sentences, each a verbatim slice of the article.

A wire report's dateline at the start of a paragraph (【北京共同】, (ワシントン=ロイター)) is not part of
its first sentence. A run longer than `MAX_SENTENCE` characters with no sentence end is cut into pieces
marked as no sentence (`heading`), so the analyser never sees a megabyte at once and no draft is made from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from quizgen.extract.clutter import Line

MAX_SENTENCE = 400  # characters; a longer run without 。 is not a sentence a question can come from
_ENDS = "。！？!?"
_OPEN = "「『(（【"
_CLOSE = "」』)）】"
_BULLETS = " \t\u3000\u00a0✅💡・•●■◆▶-–—*>"
# 【北京共同】 【カザン=ロイター】 (北京=共同) 〔ワシントン時事〕 [北京 16日 ロイター]
DATELINE = re.compile(r"^(?:【[^】]{1,16}】|【[^】=＝]{1,30}[=＝][^】=＝]{1,12}】|〔[^〕]{1,16}〕"
                      r"|[(（][^)）]{1,12}[=＝][^)）]{1,10}[)）]|\[[^\]]{1,30}\])\s*")


@dataclass(frozen=True)
class Sentence:
    text: str  # verbatim slice of the article
    start: int  # offset in the article
    line: int  # 1-based line number
    heading: bool  # not a full sentence: a line without 。 (a title, a sub-heading) or a piece of an over-long run

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split(lines: Iterable[Line]) -> tuple[Sentence, ...]:
    """Sentences of every line, in order. Punctuation inside brackets does not end a sentence."""
    out: list[Sentence] = []
    for line in lines:
        heading = "。" not in line.text
        depth = 0
        begin = 0
        text = line.text
        for i, ch in enumerate(text):
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                depth = max(0, depth - 1)
            elif ch in _ENDS and depth == 0:
                nxt = text[i + 1] if i + 1 < len(text) else ""
                if nxt in _ENDS or nxt in _CLOSE:
                    continue
                _add(out, text, begin, i + 1, line, heading)
                begin = i + 1
        _add(out, text, begin, len(text), line, heading)
    return tuple(out)


def _add(out: list[Sentence], text: str, begin: int, end: int, line: Line, heading: bool) -> None:
    if end - begin > MAX_SENTENCE:
        for lo in range(begin, end, MAX_SENTENCE):
            _add_piece(out, text, lo, min(end, lo + MAX_SENTENCE), line, True)
        return
    _add_piece(out, text, begin, end, line, heading)


def _add_piece(out: list[Sentence], text: str, begin: int, end: int, line: Line, heading: bool) -> None:
    piece = text[begin:end]
    lead = len(piece) - len(piece.lstrip(_BULLETS))
    dateline = DATELINE.match(piece[lead:]) if not heading else None  # not match(piece, lead): ^ holds at 0 only
    if dateline is not None and lead + dateline.end() < len(piece) - 4:  # (holdout_v30: 「 【北京=本社特派員】」 kept)
        lead += dateline.end()
    piece = piece[lead:].rstrip()
    if len(piece) < 4:
        return
    out.append(Sentence(piece, line.start + begin + lead, line.number, heading))
