"""Hostile pass 9, F1: reading the bank's spellings is linear in their length, whatever the number of known names.

The first `stats`/`quiz`/`due` after a bank edit reads every spelling of the bank (bank/readings.py). It tried every
known name (entity names, item answers with a reading) at every character of every spelling: a 152 KB entities file
took 7–14 s, 367 KB 57 s. Now only the names that begin with the character at hand are tried, one look-up per
distinct length, and the segmentation is the same as before (checked against the old algorithm, kept here).
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.bank.readings import reading_of
from quizgen.japanese.readings import Segment

_KANJI = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
_KANA = [chr(c) for c in range(0x3042, 0x3093)]


class _CountingText(str):
    """A spelling that counts how often the segmenter looks into it (prefix tests and slices)."""

    probes = 0

    def startswith(self, *args: object, **kwargs: object) -> bool:
        _CountingText.probes += 1
        return super().startswith(*args, **kwargs)  # type: ignore[arg-type]

    def __getitem__(self, key: object) -> str:
        _CountingText.probes += 1
        return super().__getitem__(key)  # type: ignore[index]


def _names(count: int, rng: random.Random) -> dict[str, str]:
    return {"".join(rng.choice(_KANJI) for _ in range(3)): "".join(rng.choice(_KANA) for _ in range(6))
            for _ in range(count)}


def test_probes_per_character_do_not_grow_with_the_number_of_known_names() -> None:
    rng = random.Random(2)
    text = "".join(rng.choice(_KANJI) for _ in range(200))
    per_char = {}
    for count in (10, 3000):
        _CountingText.probes = 0
        reading_of(_CountingText(text), _names(count, rng), None, None)
        per_char[count] = _CountingText.probes / len(text)
    # the old scan made one prefix test per known name per character: 3,000 per character here
    assert per_char[3000] <= 4, per_char
    assert per_char[3000] <= per_char[10] + 2, per_char


def _old_segments(text: str, known: dict[str, str]) -> Iterable[Segment]:
    """The segmentation before the fix (analyser None): every known surface tried at every character."""
    surfaces = sorted(known, key=len, reverse=True)
    pending = ""
    i = 0
    while i < len(text):
        hit = next((s for s in surfaces if text.startswith(s, i)), None)
        if hit is None:
            pending += text[i]
            i += 1
            continue
        if pending:
            yield (pending, "")
            pending = ""
        yield (hit, known[hit])
        i += len(hit)
    if pending:
        yield (pending, "")


_ALPHABET = "中国露外相大統領習近平王毅会談北京"


@settings(max_examples=300, deadline=None)
@given(names=st.lists(st.text(_ALPHABET, min_size=1, max_size=5), max_size=12),
       text=st.text(_ALPHABET, min_size=1, max_size=40))
def test_segments_are_the_same_as_the_old_scan(names: list[str], text: str) -> None:
    known = {name: "かな" * (n + 1) for n, name in enumerate(names)}
    reading = reading_of(text, known, None, None)
    assert reading is not None
    assert list(reading.segments) == list(_old_segments(text, known))
