"""What a card expects and how a typed answer to it is judged: the bridge from the bank to the judge (pure).

A question → answer card is judged against every spelling the bank gives the item (`Bank.typed_forms`);
a cloze card against the text of its blank (and the item's spellings when the blank is the answer
itself). The judge itself knows nothing of banks or cards.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from quizgen.bank.model import Bank, Item, cloze_parts
from quizgen.japanese.normalise import normalise
from quizgen.quiz.cards import CardForm, QuizCard
from quizgen.quiz.judge import AnswerKeys, Verdict, VerdictReason, judge

if TYPE_CHECKING:
    from quizgen.forms import TrueFalse

__all__ = ["blanks", "expected_text", "hint", "judge_card", "shared_forms"]

_BLANK_SPLIT_RE = re.compile(r"\s*[、,/;]\s*|\s+")


def blanks(item: Item) -> tuple[str, ...]:
    """The Japanese cloze sentence's blanks, in order."""
    return tuple(text for text, is_blank in cloze_parts(item.cloze.ja if item.cloze else "") if is_blank)


def expected_text(card: QuizCard, statement: TrueFalse | None = None) -> str:
    """The answer shown after a card is answered."""
    if card.form is CardForm.CLOZE:
        return "、".join(blanks(card.item))
    if card.form is CardForm.TRUEFALSE and statement is not None:
        return "○ 正しい (true)" if statement.is_true else "× 誤り (false)"
    return card.item.answer.ja


def judge_card(bank: Bank, card: QuizCard, typed: str, others: Collection[str] | AnswerKeys = (),
               forms: tuple[str, ...] | None = None) -> Verdict:
    """Judge `typed` as an answer to a question → answer or cloze card; `forms` are the spellings to accept
    (default: the item's typed forms; see `shared_forms`)."""
    item = card.item
    if card.form is not CardForm.CLOZE:
        accepted = bank.typed_forms(item) if forms is None else forms
        return judge(typed, item.answer.ja, accepted, answer_type=item.answer_type.value, others=others,
                     readings=bank.readings, reference=_reference(item), names=bank.names)
    wanted = blanks(item)
    if len(wanted) == 1:
        return _judge_blank(bank, item, typed, wanted[0], others)
    parts = [p for p in _BLANK_SPLIT_RE.split(typed.strip()) if p]
    if len(parts) != len(wanted):
        return Verdict(False, VerdictReason.WRONG)
    verdicts = [_judge_blank(bank, item, p, w, others) for p, w in zip(parts, wanted, strict=True)]
    wrong = next((v for v in verdicts if not v.correct), None)
    almost = any(v.almost for v in verdicts)
    return wrong or Verdict(True, VerdictReason.TYPO if almost else VerdictReason.EXACT, "、".join(wanted))


def shared_forms(bank: Bank, item: Item) -> tuple[str, ...]:
    """The item's typed forms plus those of every other item with the same answer, so that two items asking for
    the same thing accept the same spellings."""
    key = normalise(item.answer.ja)
    forms = list(bank.typed_forms(item))
    for other in bank.items:
        if other.id != item.id and normalise(other.answer.ja) == key and other.answer_type is item.answer_type:
            forms.extend(bank.typed_forms(other))
    return tuple(dict.fromkeys(forms))


def _judge_blank(bank: Bank, item: Item, typed: str, blank: str, others: Collection[str] | AnswerKeys) -> Verdict:
    accepted = bank.accepted(item)
    if normalise(blank) not in {normalise(a) for a in accepted}:
        accepted = ()
    return judge(typed, blank, accepted, answer_type=item.answer_type.value, others=others, readings=bank.readings,
                 reference=_reference(item), names=bank.names)


def hint(bank: Bank, card: QuizCard) -> str:
    """A nudge that gives little away: the first kana of the reading and the first character of the answer."""
    if card.form is CardForm.TRUEFALSE:
        return "is every part of the statement what the articles say?"
    wanted = blanks(card.item)[0] if card.form is CardForm.CLOZE and blanks(card.item) else card.item.answer.ja
    reading = card.item.reading if wanted == card.item.answer.ja else None
    if reading is None and (r := bank.readings.get(wanted)) is not None:
        reading = r.kana
    first = f"{wanted[0]}…"
    length = f" ({len(wanted)} characters)" if len(wanted) > 1 else ""
    return (f"reading starts {reading[0]}… · " if reading and reading[0] != wanted[0] else "") + first + length


def _reference(item: Item) -> tuple[str, ...]:
    """Texts that state the item's full date, for checking the parts of a fuller date typed for a day."""
    texts = [item.when or ""]
    texts += [t.ja for t in (item.context, item.explanation) if t is not None]
    return tuple(t for t in texts if t)
