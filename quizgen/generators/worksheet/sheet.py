"""What a worksheet is: its options, and the variants, sections and numbered questions it holds (data only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from quizgen.bank.model import Lang, Text
from quizgen.errors import UsageError
from quizgen.generators.worksheet.exercises import Exercise, Question
from quizgen.text import code_point, find_control

DEFAULT_TITLE = Text("記事内容 確認ワークシート", "Article review worksheet")
MAX_VARIANTS = 26
_LETTERS_JA = "アイウエオカキクケコサシスセソタチツテト"
_LETTERS_EN = "ABCDEFGHIJKLMNOPQRST"


@dataclass(frozen=True)
class WorksheetOptions:
    count: int = 20
    types: tuple[Exercise, ...] = tuple(Exercise)
    lang: Lang = Lang.JA
    variants: int = 1
    title: str | None = None
    furigana: bool = False
    seed: int | None = None  # printed on the key so the teacher can rebuild the same sheets

    def check(self) -> None:
        if self.count < 1:
            raise UsageError(f"{{count}} must be at least 1, not {self.count}", names=["count"])
        if not 1 <= self.variants <= MAX_VARIANTS:
            raise UsageError(f"{{variants}} must be between 1 and {MAX_VARIANTS}, not {self.variants}", names=["variants"])
        if not self.types:
            raise UsageError("{types} names no question type", names=["types"])
        if self.title is not None:
            _check_title(self.title)


MAX_TITLE = 200  # characters: two lines across an A4 sheet; a longer one is no title (and slows the PDF without end)


def _check_title(title: str) -> None:
    if not title.strip():
        raise UsageError("{title} must not be empty", names=["title"])
    if len(title) > MAX_TITLE:
        raise UsageError(f"{{title}} has {len(title)} characters; at most {MAX_TITLE} fit on a sheet", names=["title"])
    if (at := find_control(title)) is not None:
        raise UsageError(f"{{title}} holds a control character ({code_point(title[at])}); remove it", names=["title"])


@dataclass(frozen=True)
class Section:
    type: Exercise
    first: int  # number of its first question
    questions: tuple[Question, ...]

    def numbered(self) -> list[tuple[int, Question]]:
        return [(self.first + k, q) for k, q in enumerate(self.questions)]


@dataclass(frozen=True)
class Variant:
    label: str  # "A", "B", …
    sections: tuple[Section, ...]

    def questions(self) -> list[tuple[int, Question]]:
        return [nq for s in self.sections for nq in s.numbered()]


@dataclass(frozen=True)
class Worksheet:
    title: Text
    options: WorksheetOptions
    variants: tuple[Variant, ...]
    articles: tuple[str, ...]  # every article a question draws on, sorted
    created: dt.date
    notes: tuple[str, ...] = field(default=())  # what could not be built as asked (for the CLI to show)

    @property
    def lang(self) -> Lang:
        return self.options.lang

    @property
    def count(self) -> int:
        return sum(len(s.questions) for s in self.variants[0].sections)

    def letters(self) -> str:
        return _LETTERS_EN if self.lang is Lang.EN else _LETTERS_JA


def variant_labels(n: int) -> tuple[str, ...]:
    return tuple(chr(ord("A") + k) for k in range(n))
