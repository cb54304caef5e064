"""The bank's data model: frozen dataclasses, no I/O.

Field names are the YAML keys (see docs/bank-format.md). `load.py` builds these
from YAML generically from the type hints, so a new optional field is one line here.

This module holds the items and what they are made of (and `Selection`); the other sections' records and
`Bank` itself are in `sections.py` and are importable from here too, made when first asked for: the quiz's
start reads items from the bank cache and does not pay for creating the classes it does not use (issue 19).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from quizgen.errors import QuizgenError, UsageError

if TYPE_CHECKING:
    from quizgen.bank.sections import Bank as Bank
    from quizgen.bank.sections import Disagreement as Disagreement
    from quizgen.bank.sections import Entity as Entity
    from quizgen.bank.sections import Link as Link
    from quizgen.bank.sections import Pool as Pool
    from quizgen.bank.sections import Role as Role
    from quizgen.bank.sections import Side as Side
    from quizgen.bank.sections import Source as Source
    from quizgen.bank.sections import Story as Story


class Category(StrEnum):
    DATES = "dates"
    ACTORS = "actors"
    POSITIONS = "positions"
    FORUMS = "forums"

    @property
    def label(self) -> Text:
        return CATEGORY_LABELS[self]


class AnswerType(StrEnum):
    TEXT = "text"
    DATE = "date"
    NUMBER = "number"


class ItemKind(StrEnum):
    DATE = "date"
    ANNIVERSARY = "anniversary"
    DURATION = "duration"
    NUMBER = "number"
    PERSON = "person"
    ROLE = "role"
    COUNTRY = "country"
    ORGANISATION = "organisation"
    MEETING = "meeting"
    STANCE = "stance"
    FORUM = "forum"
    EVENT = "event"
    PLACE = "place"
    DOCUMENT = "document"


class Priority(StrEnum):
    """How much an item matters: `core` for the facts a learner must take away, `detail` for the rest."""

    CORE = "core"
    DETAIL = "detail"


class ItemForm(StrEnum):
    """How every output asks an item, where the generators' own rule would not do (`Item.form`)."""

    TRUEFALSE = "truefalse"  # as true/false: its statement or its false twin; `prompt`/`answer` hold the yes/no question


class DateHow(StrEnum):
    """How an item's `when` was found in its article (see `DateBasis`)."""

    STATED = "stated"  # the article writes the date (its year included)
    ARTICLE_DATE = "article-date"  # counted from the page's `published` date (今年, 昨年, 来年…)
    COUNTED = "counted"  # a year the article writes, plus or minus a number of years (6年ぶり)


class Lang(StrEnum):
    """Which language(s) of the bilingual bank an output shows."""

    JA = "ja"
    EN = "en"
    BOTH = "both"


class EntityType(StrEnum):
    PERSON = "person"
    COUNTRY = "country"
    ORGANISATION = "organisation"
    FORUM = "forum"
    PLACE = "place"
    DOCUMENT = "document"
    GROUP = "group"
    EVENT = "event"


@dataclass(frozen=True, slots=True)
class Text:
    """A bilingual text. Both languages are required."""

    ja: str
    en: str


CATEGORY_LABELS = {
    Category.DATES: Text("日付", "Dates"),
    Category.ACTORS: Text("人物・主体", "Actors"),
    Category.POSITIONS: Text("立場", "Positions"),
    Category.FORUMS: Text("会議・枠組み", "Forums"),
}


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verbatim quote from a cited article that supports an item."""

    article: str
    quote: str


@dataclass(frozen=True, slots=True)
class DateBasis:
    """How an item's `when` follows from one article: the quotes that show it, and how it was read.

    `stated`: the quotes write the date. `article-date`: a relative word in the quotes (今年, 昨年…)
    counted from the source's `published` date, or an event the page reports as just happened, dated
    to the page's own month (then `note` says how, as {ja, en} or as plain text). `counted`: `from_year` (written in the article)
    plus `years` (6年ぶり after 2018 is 2024).
    """

    how: DateHow
    article: str
    quotes: tuple[str, ...]
    from_year: int | None = None
    years: int | None = None
    note: Text | str | None = None  # how the date was found: {ja, en}, or plain text (a maintainers' record)


@dataclass(frozen=True, slots=True)
class Item:
    """One fact to learn: its question and answer in both languages, where they come from and how it is asked."""

    id: str
    category: Category
    kind: ItemKind
    prompt: Text
    answer: Text
    explanation: Text
    evidence: tuple[Evidence, ...]
    answer_type: AnswerType = AnswerType.TEXT
    reading: str | None = None
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()  # near answers that are wrong (軍事支援 for 武器の提供): the key says not to accept them
    entity: str | None = None
    actors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    statement: Text | None = None
    false_statement: Text | None = None
    cloze: Text | None = None
    distractors: tuple[Text, ...] = ()
    pool: str | None = None
    when: str | None = None
    event: Text | None = None
    context: Text | None = None
    disagreement: str | None = None
    draft: bool = False
    missing: tuple[str, ...] = ()  # fields a draft still lacks (e.g. "prompt.en"); a reviewer fills them in
    story: str | None = None  # id of the story (stories.yaml) the fact belongs to
    priority: Priority = Priority.DETAIL
    date_basis: DateBasis | None = None  # how `when` follows from an article; required with `when`
    discarded: str | None = None  # drafts only: why a reviewer discarded it (`quizgen review` keeps the record)
    form: ItemForm | None = None  # None: each output's own rule; truefalse: asked as true/false everywhere

    @property
    def truefalse(self) -> bool:
        """Is the item asked as true/false in every output (`form: truefalse`)?"""
        return self.form is ItemForm.TRUEFALSE

    @property
    def articles(self) -> tuple[str, ...]:
        """The cited articles, in order, without repeats."""
        return tuple(dict.fromkeys(e.article for e in self.evidence))


CLOZE_RE = re.compile(r"\[\[(.+?)\]\]")  # a blank in an item's `cloze` text: [[answer]]


def cloze_parts(text: str) -> list[tuple[str, bool]]:
    """An item's `cloze` text split into (segment, is_blank) pairs (no empty text between two blanks or at an end).

    One `re.split` (in C): its pieces alternate text, blank, text, …, text; a blank is never empty (`.+?`)."""
    return [(seg, bool(i & 1)) for i, seg in enumerate(CLOZE_RE.split(text)) if seg]


@dataclass(frozen=True, slots=True)
class Selection:
    """Which items a generator takes. Empty tuples mean 'any'."""

    categories: tuple[Category, ...] = ()
    articles: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    include_drafts: bool = False
    exclude_tags: tuple[str, ...] = ()
    priorities: tuple[Priority, ...] = ()
    stories: tuple[str, ...] = ()
    exclude_ids: tuple[str, ...] = ()

    def matches(self, item: Item) -> bool:
        if (item.draft and not self.include_drafts) or item.discarded is not None:
            return False
        if self.categories and item.category not in self.categories:
            return False
        if self.priorities and item.priority not in self.priorities:
            return False
        if self.stories and item.story not in self.stories:
            return False
        if self.articles and not set(item.articles) & set(self.articles):
            return False
        if self.tags and not set(item.tags) & set(self.tags):
            return False
        if self.ids and item.id not in self.ids:
            return False
        if item.id in self.exclude_ids:
            return False
        return not (self.exclude_tags and set(item.tags) & set(self.exclude_tags))

    def apply(self, bank: Bank) -> tuple[Item, ...]:
        if not (self.categories or self.priorities or self.stories or self.articles or self.tags or self.ids
                or self.exclude_ids or self.exclude_tags):  # every item (a complete deck): only drafts are left out
            return tuple(i for i in bank.items if not (i.draft and not self.include_drafts) and i.discarded is None)
        return tuple(i for i in bank.items if self.matches(i))

    def take(self, bank: Bank) -> tuple[Item, ...]:
        """`apply`, checked: a story, article or tag the bank does not have is a UsageError naming the valid
        ones, and a selection that takes no item is an error rather than an empty output."""
        self.check_names(lambda: [s.id for s in bank.stories], lambda: [s.id for s in bank.sources],
                         lambda: sorted({t for it in bank.items for t in it.tags}), lambda: [it.id for it in bank.items])
        items = self.apply(bank)
        if not items:
            raise self.nothing()
        return items

    def check_names(self, stories: Names, articles: Names, tags: Names, ids: Names) -> None:
        """A UsageError for a story, article, tag or item the bank does not have (of the bank's `stories()`,
        `articles()`, `tags()` and item `ids()`, each asked only when the selection names some), naming the valid
        ones."""
        for name, what, names_of, hint, list_all in (("stories", "story", stories, True, True),
                                                     ("articles", "article", articles, False, True),
                                                     ("tags", "tag", tags, True, False)):
            if getattr(self, name):
                names = names_of()
                for value in getattr(self, name):
                    _repeated(name, value, names, what)
                _known(name, getattr(self, name), names, what, hint=hint, list_all=list_all)
        if self.ids or self.exclude_ids:
            known = ids()
            for name in ("ids", "exclude_ids"):
                for value in getattr(self, name):
                    _joined(name, value, known)
                _known(name, getattr(self, name), known, "item", hint=True, list_all=False,
                       lister="quizgen topics --items")

    def nothing(self) -> QuizgenError:
        """The error of a selection that takes no item."""
        return QuizgenError(f"no items match {self.describe()}; `quizgen topics` shows how many items each "
                            "filter holds", names=_FILTERS)

    def describe(self) -> str:
        """The filters set, as the library names them: '{stories} a {priorities} core' (the CLI spells flags)."""
        parts = [(name, [getattr(v, "value", v) for v in getattr(self, name)]) for name in _FILTERS]
        return " ".join(f"{{{name}}} {v}" for name, values in parts for v in values) or "the selection"


_FILTERS = ["categories", "priorities", "stories", "articles", "tags"]
Names = Callable[[], Sequence[str]]  # the names of some kind the bank has, asked for when needed


def _known(name: str, wanted: tuple[str, ...], known: Sequence[str], what: str, *, hint: bool, list_all: bool,
           lister: str = "quizgen topics") -> None:
    for value in wanted:
        if value not in known:
            import difflib

            close = difflib.get_close_matches(value, known, n=1) if hint else []
            suggestion = f" (did you mean {close[0]!r}?)" if close else ""
            where = f"; the bank has {', '.join(known) or 'none'}" if list_all else f"; `{lister}` lists every one"
            raise UsageError(f"{{{name}}} {value}: no such {what}{suggestion}{where}", names=[name])


def _repeated(name: str, value: str, known: Sequence[str], what: str) -> None:
    """A UsageError for two or more values given in one option that takes one and is repeated (`--tag a,b`, `--story
    A、B`, `--tag "a b"`): named, with the option given once per value. The close match was one of them, a value the
    user had typed (hostile19)."""
    from quizgen.text import joined_values, listed, shell_word

    parts = joined_values(value) if value not in known else []
    if parts:
        plural = "stories" if what == "story" else f"{what}s"
        again = " ".join(f"{{{name}}} {shell_word(p)}" for p in parts)
        raise UsageError(f"{{{name}}} {value}: no such {what}; it holds {len(parts)} {plural}, {listed(parts)}: give "
                         f"{{{name}}} once per {what} ({again})", names=[name])


def _joined(name: str, value: str, known: Sequence[str]) -> None:
    """A UsageError for an id that is two of the bank's ids joined by something else than a comma (「A/B」, 「A・B」):
    the close match was one of them, an id the user had typed (hostile18, with 「A、B」)."""
    if value in known:
        return
    inside = [k for k in known if k in value]
    inside = [k for k in inside if not any(k != other and k in other for other in inside)]
    if len(inside) >= 2:
        first, second = sorted(inside, key=value.index)[:2]
        raise UsageError(f"{{{name}}} {value}: no such item; it holds the ids {first!r} and {second!r}: separate ids "
                         "with commas", names=[name])


_IN_SECTIONS = frozenset({"Bank", "Disagreement", "Entity", "Link", "Pool", "Role", "Side", "Source", "Story"})


def __getattr__(name: str) -> object:
    """`Bank` and the other sections' records, from `sections.py` when first asked for."""
    if name in _IN_SECTIONS:
        import importlib

        return getattr(importlib.import_module("quizgen.bank.sections"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
