"""Which note each item becomes, which of its cloze blanks are asked, and whether its answer can be typed.

**One note per fact.** An item becomes one note, in the form that suits it (`note_form`):

- a **true/false** Q→A (`basic`) note for an item with `form: truefalse` (notes.truefalse_fields): the front is
  its statement or its false twin, the back says which;
- a **cloze** where the fact is something someone said, argued or did (kind `stance` or `event`) and the
  item's cloze sentence blanks its answer: the fact is learned in its own sentence;
- a **Q→A** (`basic`) note for everything else — dates, numbers, people, places, countries, organisations,
  forums, meetings, documents — and for a stance or event whose cloze does not blank its answer.

Both keep the GUID and note type the item's v1 notes had (`guid_for(id, form)`), so re-importing keeps a
student's progress. No reverse card is made from an item: the reverse of a bank question has no one answer.

**One blank per fact.** A cloze asks only the blanks that are the item's answer (`answer_blanks`): the
blank equal to the answer or a piece of it (one element of a list answer), else one equal to an accepted
spelling. The sentence's other blanks are other facts (often another item's answer): they stay as plain
text, so no fact is asked twice.

**Typing only where it works** (`typed_answer`, for recipes that list `type-in`): Anki marks a typed
answer right only when it is exactly the expected text, so only short canonical answers are typed: a
number (its counter printed after the box), a date as the bank writes it, or a short answer in one
script (katakana, Latin letters, or kanji and kana), with the form the box expects on the front.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from quizgen import forms
from quizgen.bank.model import AnswerType, Bank, Item, ItemKind, cloze_parts
from quizgen.generators.anki.recipes import CardForm
from quizgen.japanese.furigana import has_kanji
from quizgen.japanese.normalise import normalise

#: Kinds whose fact is a statement (what someone said, argued or did): learned as a cloze of its sentence.
SENTENCE_KINDS = frozenset({ItemKind.STANCE, ItemKind.EVENT})


def note_form(item: Item) -> CardForm:
    """The one form an item takes in a deck without `forms` (module docstring)."""
    if item.truefalse:
        return CardForm.BASIC
    if item.kind in SENTENCE_KINDS and item.cloze is not None and answer_blanks(item):
        return CardForm.CLOZE
    return CardForm.BASIC


def answer_blanks(item: Item, lang: str = "ja") -> tuple[int, ...]:
    """The indexes (0, 1, …, among the blanks of the item's cloze in `lang`) of the blanks that are its answer:
    those equal to the answer or a part of it (an element of a list answer, a number without its counter);
    failing those, those equal to an accepted spelling (the sentence may use another wording)."""
    if item.cloze is None:
        return ()
    return cloze_blanks(item, lang)[1]


def cloze_blanks(item: Item, lang: str) -> tuple[Parts, tuple[int, ...]]:
    """The item's cloze text in `lang` split into parts (`cloze_parts`), and `answer_blanks`: worked out once
    for the few times one note asks (which form, its fields, its front). The item must have a cloze."""
    assert item.cloze is not None
    return _cloze_blanks(getattr(item.cloze, lang), getattr(item.answer, lang), item.accept)


Parts = tuple[tuple[str, bool], ...]


@lru_cache(maxsize=256)  # the notes of one item are made together: a few recent items are all it needs
def _cloze_blanks(text: str, answer: str, accept: tuple[str, ...]) -> tuple[Parts, tuple[int, ...]]:
    parts = tuple(cloze_parts(text))
    return parts, _blanks(parts, answer, accept)


def blanks_of_answer(item: Item, parts: Sequence[tuple[str, bool]], lang: str) -> tuple[int, ...]:
    """`answer_blanks` of the cloze text split into `parts` (`cloze_parts`)."""
    return _blanks(parts, getattr(item.answer, lang), item.accept)


def _blanks(parts: Sequence[tuple[str, bool]], answer_text: str, accept: tuple[str, ...]) -> tuple[int, ...]:
    accepted = {normalise(a) for a in (answer_text, *accept) if a.strip()} - {""}
    answer = normalise(answer_text)
    keys = [normalise(seg) for seg, blank in parts if blank and seg.strip()]
    exact = tuple(i for i, k in enumerate(keys) if k and (k == answer or (len(k) > 1 and k in answer)))
    return exact or tuple(i for i, k in enumerate(keys) if k and k in accepted)


# --------------------------------------------------------------------------- typed answers


@dataclass(frozen=True)
class Typed:
    """What a type-in card asks for: `text` exactly, in the `form` the front names, followed by `unit`."""

    text: str  # what the student types, exactly (Anki compares it character by character)
    form: str  # 半角数字で / カタカナで / 半角英字で / 漢字で / 「2023年2月24日」の形で
    unit: str = ""  # printed after the box (a counter: 項目, 年, 人)


_NUMBER = re.compile(r"(\d+)(\D{0,4})")
_DATE = re.compile(r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc・]+")
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .\-]*")
_KANJI_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff\u3005]+")
MAX_TYPED = 8  # characters: longer answers are not typed the same way twice


def typed_answer(bank: Bank, item: Item) -> Typed | None:
    """The answer as a type-in card asks for it, or None when typing would not work (module docstring)."""
    answer = item.answer.ja.strip()
    if item.answer_type is AnswerType.NUMBER:
        m = _NUMBER.fullmatch(answer)
        return Typed(m.group(1), "半角数字で", m.group(2)) if m else None
    if item.answer_type is AnswerType.DATE or item.kind is ItemKind.DATE:
        if answer.endswith("年") and answer[:-1].isdigit():
            return Typed(answer[:-1], "半角数字で", "年")
        return Typed(answer, "「2023年2月24日」の形で(数字は半角)") if _DATE.fullmatch(answer) else None
    if len(answer) > MAX_TYPED:
        return None
    if _KATAKANA.fullmatch(answer):
        return Typed(answer, "カタカナで")
    if _LATIN.fullmatch(answer):
        return Typed(answer, "半角英字で(大文字・小文字も同じに)")
    if _KANJI_KANA.fullmatch(answer) and has_kanji(answer):
        return Typed(answer, "漢字で")
    return None


def tf_rng(item: Item) -> random.Random:
    """The seeded rng that picks a true/false note's statement: same item id, same statement, every build."""
    return random.Random(f"quizgen-tf:{item.id}")


def asked_statement(item: Item) -> forms.TrueFalse | None:
    """The statement an item's true/false note shows: the true one or its false twin, by the item's id."""
    return forms.true_false(item, tf_rng(item))
