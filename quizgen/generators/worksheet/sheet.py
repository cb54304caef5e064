"""What a worksheet is: its options, and the variants, sections and numbered questions it holds (data only)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from quizgen.bank.model import Lang, Text
from quizgen.errors import UsageError
from quizgen.generators.worksheet.exercises import Exercise, Question, TimelineQ, scored_parts
from quizgen.text import code_point, find_control

DEFAULT_TITLE = Text("記事内容 確認ワークシート", "Article review worksheet")
MAX_VARIANTS = 26
_LETTERS_JA = "アイウエオカキクケコサシスセソタチツテト"
_LETTERS_EN = "ABCDEFGHIJKLMNOPQRST"


class Paper(StrEnum):
    """The paper a sheet is printed on: A4, or the JIS B sizes Japanese schools use."""

    A4 = "A4"
    B4 = "B4"
    B5 = "B5"

    @property
    def size_mm(self) -> tuple[int, int]:
        return {Paper.A4: (210, 297), Paper.B4: (257, 364), Paper.B5: (182, 257)}[self]

    @property
    def font_pt(self) -> float:
        """The body text size: the A4 layout scaled with the paper (B4 is A4 enlarged, B5 reduced)."""
        return {Paper.A4: 10.5, Paper.B4: 12.5, Paper.B5: 9.5}[self]


MAX_POINTS = 100


@dataclass(frozen=True)
class Points:
    """Points per question: one value for every question, and values for whole sections (by exercise)."""

    each: int = 1
    by_type: tuple[tuple[Exercise, int], ...] = ()
    given: bool = False  # set by the teacher (then printed beside every section)
    each_given: bool = False  # `each` is the teacher's (--points 2), not the default 1

    def of(self, t: Exercise) -> int:
        return dict(self.by_type).get(t, self.each)

    def per_event(self, t: Exercise) -> bool:
        """Whether a timeline of type `t` is worth one point per event (all or none): when the teacher set no
        value for it. A 4-event timeline worth 1 point beside a 3-point matching made no sense (review 5, s5)."""
        return t is Exercise.TIMELINE and not self.each_given and t not in dict(self.by_type)


def parse_points(text: str) -> Points:
    """'2' (every question), 'short=3,choice=2' (by section, others 1) or '2,matching=5'."""
    each, each_given = 1, False
    by_type: dict[Exercise, int] = {}
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        name, _, value = part.rpartition("=")
        try:
            n = int(value)
        except ValueError:
            raise UsageError(f"{{points}} {text!r}: {value!r} is not a whole number; write e.g. 2 or "
                             "short=3,choice=2", names=["points"]) from None
        if not 0 < n <= MAX_POINTS:
            raise UsageError(f"{{points}} must be between 1 and {MAX_POINTS}, not {n}", names=["points"])
        if not name:
            each, each_given = n, True
            continue
        try:
            by_type[Exercise(name.strip().lower())] = n
        except ValueError:
            choices = ", ".join(t.value for t in Exercise)
            raise UsageError(f"{{points}}: unknown question type {name.strip()!r}; choose from {choices}",
                             names=["points"]) from None
    return Points(each, tuple(by_type.items()), given=True, each_given=each_given)


MAX_MINUTES = 600


@dataclass(frozen=True)
class WorksheetOptions:
    count: int = 20
    types: tuple[Exercise, ...] = tuple(Exercise)
    lang: Lang = Lang.JA
    variants: int = 1
    title: str | None = None
    furigana: bool = False
    seed: int | None = None  # printed on the key so the teacher can rebuild the same sheets
    points: Points = Points()
    answer_sheet: bool = False  # a separate 解答用紙: the question sheet then has no answer spaces
    exam: str | None = None  # the exam's name, printed above the title (2学期 中間考査)
    time_limit: int | None = None  # minutes, printed in the header
    paper: Paper = Paper.A4
    vary_items: bool = False  # every version draws its own items (same types, stories and priorities)
    choice: tuple[str, ...] = ()  # ids of items asked as multiple choice wherever they are on the sheet (newuser11)

    def check(self) -> None:
        if self.count < 1:
            raise UsageError(f"{{count}} must be at least 1, not {self.count}", names=["count"])
        if not 1 <= self.variants <= MAX_VARIANTS:
            raise UsageError(f"{{variants}} must be between 1 and {MAX_VARIANTS}, not {self.variants}", names=["variants"])
        if not self.types:
            raise UsageError("{types} names no question type", names=["types"])
        if self.title is not None:
            _check_title(self.title)
        if self.exam is not None:
            _check_title(self.exam, "exam")
        if self.time_limit is not None and not 1 <= self.time_limit <= MAX_MINUTES:
            raise UsageError(f"{{time_limit}} must be between 1 and {MAX_MINUTES} minutes, not {self.time_limit}",
                             names=["time_limit"])
        if self.choice and Exercise.CHOICE not in self.types:
            raise UsageError("{choice} asks for multiple-choice questions; add choice to {types}",
                             names=["choice", "types"])
        if self.vary_items and self.variants < 2:
            raise UsageError("{vary_items} needs two or more {variants}", names=["vary_items", "variants"])


MAX_TITLE = 200  # characters: two lines across an A4 sheet; a longer one is no title (and slows the PDF without end)


def _check_title(title: str, name: str = "title") -> None:
    if not title.strip():
        raise UsageError(f"{{{name}}} must not be empty", names=[name])
    if len(title) > MAX_TITLE:
        raise UsageError(f"{{{name}}} has {len(title)} characters; at most {MAX_TITLE} fit on a sheet", names=[name])
    if (at := find_control(title)) is not None:
        raise UsageError(f"{{{name}}} holds a control character ({code_point(title[at])}); remove it", names=[name])


@dataclass(frozen=True)
class Section:
    type: Exercise
    first: int  # number of its first question
    questions: tuple[Question, ...]

    def numbered(self) -> list[tuple[int, Question]]:
        return [(self.first + k, q) for k, q in enumerate(self.questions)]

    @property
    def last(self) -> int:
        return self.first + len(self.questions) - 1


@dataclass(frozen=True)
class Variant:
    label: str  # "A", "B", …
    sections: tuple[Section, ...]

    def questions(self) -> list[tuple[int, Question]]:
        return [nq for s in self.sections for nq in s.numbered()]


@dataclass(frozen=True)
class Dropped:
    """An exercise type asked for that the sheet leaves out, and why (for the CLI to warn about)."""

    type: Exercise
    why: str

    @property
    def note(self) -> str:
        return f"no {self.type.value} exercise: {self.why}"


def dropped_warning(dropped: Sequence[Dropped], named: Collection[Exercise]) -> str | None:
    """One line naming every exercise type the user `named` with {types} that the sheet leaves out, and why:
    review 3, s5 asked for matching and timeline and got neither, told in two notes easy to miss among the written
    files. A type the user never named (the default, all types) is not warned about: review 5, s4 passed no
    {types} and was told it had "asked for matching and timeline"."""
    dropped = [d for d in dropped if d.type in named]
    if not dropped:
        return None
    types = list(dict.fromkeys(d.type.value for d in dropped))
    whys = "; ".join(f"{d.type.value}: {d.why}" for d in dict.fromkeys(dropped))
    return (f"{{types}} asked for {' and '.join(types)}, but the sheet has "
            f"{'no such exercise' if len(types) == 1 else 'neither'} "
            f"({whys}); it is filled with the other types")


def lopsided_warning(ws: Worksheet, named: Collection[Exercise], tf_only: int = 0) -> str | None:
    """One line when a sheet made for several types the user `named` has more than half its questions of one type
    (review 8, s5: five types asked for, 9 of 14 questions true/false, because most core items are asked as
    true/false only): how many each other one-item type got (what the selection could not fill), and how many
    items are true/false only (`tf_only`). None when no type fills more than half, or exceeds an even share by less than 2,
    or one type was asked for."""
    if len(named) < 2 or not ws.variants:
        return None
    counts = {t: 0 for t in named}
    for s in ws.variants[0].sections:
        counts[s.type] = counts.get(s.type, 0) + len(s.questions)
    total = sum(counts.values())
    top, most = max(counts.items(), key=lambda kv: kv[1])
    if most * 2 <= total or most - -(-total // len(counts)) < 2:  # more than half, and 2 over an even share: 2 of 3
        return None  # on a 3-question sheet is no mix gone wrong
    short = [f"{t.value} {n}" for t, n in counts.items()  # matching and timeline are one exercise each
             if t is not top and t not in (Exercise.MATCHING, Exercise.TIMELINE)]
    if not short:  # no other one-item type was asked for: the warning on dropped exercises says the rest
        return None
    why = (f"; {tf_only} item{'s' if tf_only != 1 else ''} of the selection {'are' if tf_only != 1 else 'is'} asked as "
           "true/false only" if tf_only and top is Exercise.TRUEFALSE else "")
    return (f"{most} of the {total} questions are {top.value} although {{types}} asked for {len(counts)} types: the "
            f"selection could fill only {', '.join(short) or 'that type'}{why}; widen the selection or ask for fewer "
            "types")


@dataclass(frozen=True)
class Worksheet:
    title: Text
    options: WorksheetOptions
    variants: tuple[Variant, ...]
    articles: tuple[str, ...]  # every article a question draws on, sorted
    created: dt.date
    dropped: tuple[Dropped, ...] = field(default=())  # the exercise types asked for that are not on it, and why
    bare_sources: frozenset[str] = frozenset()  # articles the student's sheet names by outlet and date only: their
    # headline gives a question away (the key prints it whole)
    stand_ins: tuple[tuple[str, Text], ...] = ()  # (article, what it reports) for a bare source: in its headline's
    # place, so a student can still tell the page (review 8, s1: 「媒体名の記載なし(…)(日付記載なし)」 said nothing)

    @property
    def lang(self) -> Lang:
        return self.options.lang

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(d.note for d in self.dropped)

    @property
    def count(self) -> int:
        return sum(len(s.questions) for s in self.variants[0].sections)

    def points(self, t: Exercise) -> int:
        """Points per scored part of a question of type `t`: per question, per pair of a matching exercise."""
        return self.options.points.of(t)

    def question_points(self, t: Exercise, q: Question) -> int:
        """What question `q` (of a section of type `t`) is worth in all: a timeline left at the default is worth
        its events (`Points.per_event`)."""
        if self.options.points.per_event(t) and isinstance(q, TimelineQ):
            return self.points(t) * len(q.shown)
        return self.points(t) * scored_parts(q)

    @property
    def shows_points(self) -> bool:
        """Whether the student's sheet prints each section's points: when the teacher set them, or when the total
        is not one point a question (review 5, s2/s5: /12 for 10 questions, the points in the key only)."""
        return self.options.points.given or self.total != self.count

    def points_label(self, s: Section) -> Text:
        """The points beside a section's heading: (各2点), (1組1点), (4点・完答)."""
        n = len(s.questions)
        if s.type is Exercise.MATCHING:
            p = self.points(s.type)
            return Text(f"(1組{p}点)", f"({p} point{_s(p)} per pair)")
        p = self.question_points(s.type, s.questions[0]) if s.questions else self.points(s.type)
        each_ja, each_en = ("各", " each") if n > 1 else ("", "")
        if s.type is Exercise.TIMELINE:
            return Text(f"({each_ja}{p}点・完答)", f"({p} point{_s(p)}{each_en}, only for the whole order right)")
        return Text(f"({each_ja}{p}点)", f"({p} point{_s(p)}{each_en})")

    def section_points(self, s: Section) -> int:
        return sum(self.question_points(s.type, q) for q in s.questions)

    @property
    def total(self) -> int:
        """The score a full sheet earns (the same in every version: the versions share their sections' sizes)."""
        return sum(self.section_points(s) for s in self.variants[0].sections)

    def letters(self) -> str:
        return _LETTERS_EN if self.lang is Lang.EN else _LETTERS_JA


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def variant_labels(n: int) -> tuple[str, ...]:
    return tuple(chr(ord("A") + k) for k in range(n))
