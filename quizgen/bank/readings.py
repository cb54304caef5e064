"""Readings of every spelling a learner may type, computed once when the bank is cached.

For each answer, accepted alternative, entity name, alias and titled name, a
:class:`~quizgen.japanese.readings.Reading`: its segments with their hiragana readings, and the same
spelling in traditional and simplified glyphs. The quiz's judge reads them from the cached bank, so the
quiz never loads a dictionary at start-up.

Where the bank states a reading (an entity's `reading`, an item's `reading`) it wins: dictionaries misread
names (習近平). Everything else is read by SudachiPy (split mode A, the shortest units, so that a learner
may write any one word of a compound in kana) and the glyph forms come from OpenCC; both come with the
optional `[extract]` extra. Without them only the readings the bank states are known, and the judge
simply accepts less; nothing else changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from quizgen.bank.model import Bank
from quizgen.japanese.kana import fold_kana, is_kana, romaji_key
from quizgen.japanese.normalise import normalise
from quizgen.japanese.numbers import number_kana
from quizgen.japanese.readings import Reading, Segment

__all__ = ["analyser", "compute_readings", "glyph_forms", "known_readings", "name_index", "reading_of", "readings_for",
           "spellings_of"]

Analyser = Callable[[str], list[Segment]]
Glyphs = Callable[[str], tuple[str, ...]]

_KANJI_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ]")
_DIGITS_RE = re.compile(r"[0-9０-９]+")


def spellings_of(bank: Bank) -> list[str]:
    """Every spelling the judge may compare a typed answer with: each item's typed forms, cloze blanks, entities."""
    from quizgen.bank.model import CLOZE_RE

    out: list[str] = []
    for item in bank.items:
        out.extend(bank.typed_forms(item))
        if item.cloze is not None:
            out.extend(CLOZE_RE.findall(item.cloze.ja))
    for entity in bank.entities:
        out.extend([entity.ja, *entity.aliases])
    return list(dict.fromkeys(s for s in out if s.strip()))


def known_readings(bank: Bank) -> dict[str, str]:
    """The readings the bank states: entity names and item answers, in hiragana."""
    known: dict[str, str] = {}
    pairs = [(e.ja, e.reading) for e in bank.entities] + [(i.answer.ja, i.reading or "") for i in bank.items]
    for surface, reading in pairs:
        kana = normalise(reading)
        if len(surface) >= 2 and kana and is_kana(kana) and _KANJI_RE.search(surface):
            known.setdefault(surface, kana)
    return known


def compute_readings(bank: Bank) -> tuple[tuple[str, tuple[Segment, ...], tuple[str, ...]], ...]:
    """A reading for every spelling of the bank that has kanji, sorted by spelling, as `Bank.reading_table` holds it."""
    known = known_readings(bank)
    index = name_index(known)
    analyse, glyphs = analyser(), glyph_forms()
    out = []
    for spelling in sorted(spellings_of(bank)):
        reading = reading_of(spelling, known, analyse, glyphs, index)
        if reading is not None:
            out.append((spelling, reading.segments, reading.variants))
    return tuple(out)


def readings_for(spellings: Iterable[str], known: dict[str, str] | None = None) -> dict[str, Reading]:
    """Readings of loose spellings (an answer and its accepted forms, as a typed-answer table lists them)."""
    analyse, glyphs = analyser(), glyph_forms()
    known = known or {}
    index = name_index(known)
    out = {}
    for spelling in dict.fromkeys(spellings):
        reading = reading_of(spelling, known, analyse, glyphs, index)
        if reading is not None:
            out[spelling] = reading
    return out


def reading_of(spelling: str, known: dict[str, str], analyse: Analyser | None, glyphs: Glyphs | None,
               index: NameIndex | None = None) -> Reading | None:
    """The segments and glyph variants of `spelling`; None when it has neither kanji nor anything to add.

    `index` is `name_index(known)`, passed in when many spellings are read against one `known`.
    """
    if not _KANJI_RE.search(spelling):
        return None
    segments = tuple(_segments(spelling, known, analyse, index if index is not None else name_index(known)))
    variants = glyphs(spelling) if glyphs is not None else ()
    return Reading(segments, variants)


NameIndex = dict[str, tuple[int, ...]]
"""For each first character of a known surface, the lengths of the known surfaces starting with it, longest first."""


def name_index(known: dict[str, str]) -> NameIndex:
    """The lengths of the known surfaces by their first character, longest first (see `NameIndex`)."""
    lengths: dict[str, set[int]] = {}
    for surface in known:
        if surface:
            lengths.setdefault(surface[0], set()).add(len(surface))
    return {first: tuple(sorted(ls, reverse=True)) for first, ls in lengths.items()}


def _longest_known(text: str, i: int, known: dict[str, str], index: NameIndex) -> str | None:
    """The longest known surface that starts at `text[i]`, or None.

    Only the lengths of surfaces beginning with `text[i]` are tried, one dictionary look-up each, so a
    spelling is read in time linear in its length whatever the number of known names (hostile 9 F1).
    """
    for length in index.get(text[i], ()):
        candidate = text[i:i + length]
        if len(candidate) == length and candidate in known:
            return candidate
    return None


def _segments(text: str, known: dict[str, str], analyse: Analyser | None, index: NameIndex) -> Iterable[Segment]:
    """Known surfaces (longest first, left to right) with the bank's reading; the rest by the analyser."""
    pending: list[str] = []
    i = 0
    while i < len(text):
        hit = _longest_known(text, i, known, index)
        if hit is None:
            pending.append(text[i])
            i += 1
            continue
        if pending:
            yield from _unknown("".join(pending), analyse)
            pending = []
        yield from _known(hit, known[hit], analyse)
        i += len(hit)
    if pending:
        yield from _unknown("".join(pending), analyse)


def _known(surface: str, reading: str, analyse: Analyser | None) -> list[Segment]:
    """A surface the bank reads: in the analyser's finer segments when they read the same, else whole."""
    if analyse is not None:
        parts = analyse(surface)
        if all(r for _, r in parts) and romaji_key("".join(r for _, r in parts)) == romaji_key(reading):
            return parts
    return [(surface, reading)]


def _unknown(chunk: str, analyse: Analyser | None) -> list[Segment]:
    if analyse is None:
        kana = normalise(chunk)
        return [(chunk, kana if is_kana(kana) else "")]
    return analyse(chunk)


@lru_cache(maxsize=1)
def analyser() -> Analyser | None:
    """SudachiPy in split mode A, or None when it (or its dictionary) is not installed."""
    try:
        from sudachipy import Dictionary, SplitMode  # type: ignore[import-not-found,import-untyped,unused-ignore]

        tokenizer = Dictionary(dict="core").tokenizer(SplitMode.A)
    except Exception:  # not installed, or the dictionary is missing: readings the bank states only
        return None

    def analyse(text: str) -> list[Segment]:
        out: list[Segment] = []
        for m in tokenizer.tokenize(text):
            surface = m.surface()
            if _DIGITS_RE.fullmatch(surface):  # Sudachi reads 12 as いちに: say the number instead
                said = sorted(number_kana(int(surface)))
                out.append((surface, said[0] if said else ""))
            elif _KANJI_RE.search(surface) or is_kana(normalise(surface)):
                reading = fold_kana(m.reading_form() or "")
                out.append((surface, reading if is_kana(reading) else ""))
            else:
                out.append((surface, ""))
        return out

    return analyse


@lru_cache(maxsize=1)
def glyph_forms() -> Glyphs | None:
    """Traditional and simplified forms of a Japanese spelling (OpenCC), or None when OpenCC is not installed."""
    try:
        import opencc  # type: ignore[import-not-found,import-untyped,unused-ignore]

        to_traditional, to_simplified = opencc.OpenCC("jp2t"), opencc.OpenCC("t2s")
    except Exception:
        return None

    def glyphs(text: str) -> tuple[str, ...]:
        traditional = to_traditional.convert(text)
        forms = (traditional, to_simplified.convert(traditional))
        return tuple(dict.fromkeys(f for f in forms if f != text))

    return glyphs
