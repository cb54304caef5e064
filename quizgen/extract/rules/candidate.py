"""The `Candidate` every rule family in `quizgen.extract.rules` returns.

A candidate names its answer as a verbatim span of the sentence; `drafts.py` turns it into a question:
a fill-in-the-blank of the sentence, or, when `parts` is given, a wh-question built from spans of the
sentence and literal words (so the dates inside those spans are resolved like the rest of the sentence).
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.bank.model import AnswerType, Category, EntityType, ItemKind
from quizgen.extract.dating import Resolved
from quizgen.extract.lexicon import Mention
from quizgen.extract.sentences import Sentence

Part = str | tuple[int, int]  # literal text, or a span [start, end) of the sentence


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
    parts: tuple[Part, ...] = ()  # a wh-question (spans and words); empty: a fill-in-the-blank of the sentence
    answer_type: AnswerType = AnswerType.TEXT
    entity: str | None = None
    new_person: Mention | None = None
    actors: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    date: Resolved | None = None  # the resolved date, for a date answer
    title: str | None = None  # the title written after a person's name (大統領): kept when the name is masked
    mentions: tuple[Mention, ...] = ()  # the answer's parts when it lists several actors (中国とロシア)

    @property
    def question(self) -> str | None:
        """The wh-question as the sentence writes it (dates unresolved), or None for a fill-in-the-blank."""
        if not self.parts:
            return None
        return "".join(p if isinstance(p, str) else self.sentence.text[p[0]:p[1]] for p in self.parts)


def unknown_person(m: Mention) -> Mention | None:
    """The mention if it is a person the bank does not know (proposed as a new entity), else None."""
    return m if m.entity is None and m.type is EntityType.PERSON else None
