"""The NLP backend: SudachiPy with the core dictionary, imported lazily.

SudachiPy (Apache-2.0) installs from PyPI with its dictionary package and runs
fully offline. It gives what rule-based candidate finding needs: parts of speech
(person/place names, numerals, counters) and katakana readings
for names the bank does not know yet. The rest of `quizgen.extract` only sees
the small `Token` value below, never Sudachi's objects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from quizgen import extras
from quizgen.japanese.kana import fold_kana


@dataclass(frozen=True)
class Token:
    surface: str
    pos: tuple[str, ...]  # Sudachi's six-level part of speech
    reading: str  # hiragana
    start: int  # character offsets in the analysed text
    end: int

    @property
    def is_noun(self) -> bool:
        return self.pos[0] in ("名詞", "接頭辞", "接尾辞") or self.surface in ("・", "＝", "=")

    @property
    def is_person(self) -> bool:
        return self.pos[:3] == ("名詞", "固有名詞", "人名")

    @property
    def is_place(self) -> bool:
        return self.pos[:3] == ("名詞", "固有名詞", "地名")

    @property
    def is_proper(self) -> bool:
        return self.pos[:2] == ("名詞", "固有名詞")


Analyzer = Callable[[str], Sequence[Token]]


def runs(tokens: Sequence[Token], keep: Callable[[Token], bool]) -> list[tuple[int, int]]:
    """Maximal runs of consecutive tokens for which `keep` holds, as (start, end) character spans."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not keep(tokens[i]):
            i += 1
            continue
        j = i
        while j < len(tokens) and keep(tokens[j]):
            j += 1
        out.append((tokens[i].start, tokens[j - 1].end))
        i = j
    return out


CHUNK = 4000  # characters per call: Sudachi refuses more than 49,149 bytes ("Input is too long")
_BREAKS = "。！？!?\n、 　"


def chunks(text: str, size: int = CHUNK) -> list[tuple[int, str]]:
    """`text` as (offset, piece) pieces of at most `size` characters, cut after a sentence end or a comma
    where there is one in the piece's second half."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = max(window.rfind(ch) for ch in _BREAKS) + 1
        cut = cut if cut > size // 2 else size
        out.append((start, window[:cut]))
        start += cut
    if start < len(text) or not out:
        out.append((start, text[start:]))
    return out


@lru_cache(maxsize=1)
def load_analyzer() -> Analyzer:
    """The Sudachi tokenizer (split mode C: long units, good for names and compounds).

    Raises MissingExtraError (the `extract` extra's pip line) when they are missing.
    """
    try:
        from sudachipy import Dictionary, SplitMode  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError as exc:
        raise extras.error(extras.Extra.EXTRACT) from exc
    try:
        tokenizer = Dictionary(dict="core").tokenizer(SplitMode.C)
    except Exception as exc:  # the dictionary package is missing or broken
        raise extras.error(extras.Extra.EXTRACT) from exc

    def analyse(text: str) -> list[Token]:
        out: list[Token] = []
        for offset, piece in chunks(text):
            for m in tokenizer.tokenize(piece):
                reading = m.reading_form()
                out.append(Token(surface=m.surface(), pos=tuple(m.part_of_speech()),
                                 reading=fold_kana(reading) if reading else "",
                                 start=offset + m.begin(), end=offset + m.end()))
        return out

    return analyse
