"""Step 2: split the kept lines into sentences, each a verbatim slice of the article."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from quizgen.extract.clutter import Line

_ENDS = "。！？!?"
_OPEN = "「『(（【"
_CLOSE = "」』)）】"
_BULLETS = " \t\u3000\u00a0✅💡・•●■◆▶-–—*>"


@dataclass(frozen=True)
class Sentence:
    text: str  # verbatim slice of the article
    start: int  # offset in the article
    line: int  # 1-based line number
    heading: bool  # a line without sentence-final punctuation (a title or sub-heading)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split(lines: Iterable[Line]) -> tuple[Sentence, ...]:
    """Sentences of every line, in order. Punctuation inside brackets does not end a sentence."""
    out: list[Sentence] = []
    for line in lines:
        heading = not any(c in line.text for c in "。")
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
    piece = text[begin:end]
    lead = len(piece) - len(piece.lstrip(_BULLETS))
    piece = piece[lead:].rstrip()
    if len(piece) < 4:
        return
    out.append(Sentence(piece, line.start + begin + lead, line.number, heading))
