"""The `Candidate` every rule family in `quizgen.extract.rules` returns.

A candidate names its answer as a verbatim span of the sentence; `drafts.py` turns it into a question.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.bank.model import AnswerType, Category, EntityType, ItemKind
from quizgen.extract.lexicon import Mention
from quizgen.extract.sentences import Sentence


@dataclass(frozen=True)
class Candidate:
    sentence: Sentence
    category: Category
    kind: ItemKind
    answer: str  # as written in the sentence
    start: int  # answer span in the sentence
    end: int
    ask: str  # what the blank asks for: 人物, 国, 場所, 数, 日付, 語句 …
    rule: str  # which rule found it (for review and evaluation)
    question: str | None = None  # a wh-question (without the 記事N prefix); None: a fill-in-the-blank
    answer_type: AnswerType = AnswerType.TEXT
    entity: str | None = None
    new_person: Mention | None = None
    actors: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    when: str | None = None


def unknown_person(m: Mention) -> Mention | None:
    """The mention if it is a person the bank does not know (proposed as a new entity), else None."""
    return m if m.entity is None and m.type is EntityType.PERSON else None
