"""The bank's data model: frozen dataclasses, no I/O.

Field names are the YAML keys (see docs/bank-format.md). `load.py` builds these
from YAML generically from the type hints, so a new optional field is one line here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING

from quizgen.errors import QuizgenError, UsageError

if TYPE_CHECKING:
    from quizgen.japanese.readings import Reading


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


_MAX_TITLE = 12  # longer "roles" are descriptions, not titles to type after a name

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
class Link:
    """An outlet's report that a source page links to (or relays)."""

    outlet: Text
    url: str


@dataclass(frozen=True, slots=True)
class Source:
    """An article the bank cites: its file, headline, outlet, date and addresses."""

    id: str
    file: str
    headline: Text
    outlet: Text
    outlet_note: Text | None = None
    published: str | None = None
    published_note: Text | None = None
    author: Text | None = None
    cites: tuple[str, ...] = ()
    clutter: tuple[str, ...] = ()
    url: str | None = None  # the page's own address, where known
    links: tuple[Link, ...] = ()  # the outlets' reports the page links to, first the one to show


@dataclass(frozen=True, slots=True)
class Story:
    """A news story the items belong to (an event or a strand of events): what `--story` selects."""

    id: str
    title: Text
    when: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD; None for a strand without one date
    summary: Text | None = None


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
class Role:
    """A title an entity held, as one article gives it."""

    article: str
    ja: str
    en: str
    quote: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, country, organisation, forum or other named thing the items refer to."""

    id: str
    type: EntityType
    ja: str
    reading: str
    en: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    note: Text | None = None

    def names(self) -> tuple[str, ...]:
        """Every name the entity goes by: its Japanese name, reading, aliases and English name (not a placeholder)."""
        from quizgen.bank.placeholders import is_placeholder

        return tuple(n for n in (self.ja, self.reading, *self.aliases, self.en) if n.strip() and not is_placeholder(n))

    def is_named(self, answer: Text) -> bool:
        """Whether the Japanese `answer` is one of the entity's names, compared as the judge compares answers
        (English answers vary more: "the G7", "the Shanghai Cooperation Organisation")."""
        from quizgen.japanese.normalise import normalise

        return normalise(answer.ja) in {normalise(n) for n in self.names()}


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
class Side:
    """What one article says on a disagreement's topic."""

    article: str
    quote: str
    says: Text


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A point on which the articles' reports differ, with what each says."""

    id: str
    topic: Text
    note: Text
    sides: tuple[Side, ...]


@dataclass(frozen=True, slots=True)
class Pool:
    """Extra plausible wrong answers of one kind, for multiple choice."""

    id: str
    members: tuple[Text, ...]


@dataclass(frozen=True)
class Bank:
    """The whole question bank: every record, as loaded and checked."""

    sources: tuple[Source, ...] = ()
    entities: tuple[Entity, ...] = ()
    items: tuple[Item, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    pools: tuple[Pool, ...] = ()
    stories: tuple[Story, ...] = ()
    # How each spelling a learner may type is read: derived data, computed when the bank is cached
    # (`bank/readings.py`); empty for a bank read straight from YAML. (spelling, ((surface, hiragana
    # reading), ...), glyph variants) for each spelling with kanji, sorted by spelling.
    reading_table: tuple[tuple[str, tuple[tuple[str, str], ...], tuple[str, ...]], ...] = ()

    # Lookups are derived, never stored: the bank stays a plain value.
    @cached_property
    def readings(self) -> dict[str, Reading]:
        """Each spelling's reading (see `reading_table`)."""
        if not self.reading_table:
            return {}
        from quizgen.japanese.readings import Reading

        return {s: Reading(segments, variants) for s, segments, variants in self.reading_table}

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def story_by_id(self) -> dict[str, Story]:
        return {s.id: s for s in self.stories}

    @cached_property
    def entity_by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    @cached_property
    def names(self) -> frozenset[str]:
        """Every entity's name, aliases and stated reading: proper names, which the quiz's judge never reads
        with a particle put inside (東京の大学 is not 東京大学)."""
        return frozenset(n for e in self.entities for n in (e.ja, e.reading, *e.aliases) if n.strip())

    @cached_property
    def item_by_id(self) -> dict[str, Item]:
        return {i.id: i for i in self.items}

    @cached_property
    def disagreement_by_id(self) -> dict[str, Disagreement]:
        return {d.id: d for d in self.disagreements}

    @cached_property
    def pool_by_id(self) -> dict[str, tuple[Text, ...]]:
        """Explicit pools plus one automatic pool per entity type."""
        pools: dict[str, list[Text]] = {t.value: [] for t in EntityType}
        for e in self.entities:
            pools[e.type.value].append(Text(e.ja, e.en))
        for p in self.pools:
            pools.setdefault(p.id, []).extend(p.members)
        return {k: tuple(v) for k, v in pools.items()}

    def live_items(self) -> tuple[Item, ...]:
        """The items that are not drafts: what every output takes unless told otherwise."""
        return Selection().apply(self)

    def accepted(self, item: Item) -> tuple[str, ...]:
        """Every spelling a learner may type for `item`, canonical first, without repeats (no placeholder
        such as "TODO: translate" is an answer)."""
        from quizgen.bank.placeholders import is_placeholder

        forms: list[str] = [item.answer.ja] + ([] if is_placeholder(item.answer.en) else [item.answer.en])
        if item.reading:
            forms.append(item.reading)
        forms.extend(item.accept)
        entity = self.entity_by_id.get(item.entity) if item.entity else None
        if entity is not None:
            forms.extend([entity.ja, entity.reading, *entity.aliases] + ([] if is_placeholder(entity.en) else [entity.en]))
        return tuple(dict.fromkeys(f for f in forms if f.strip()))

    def disagreement_for(self, item: Item) -> Disagreement | None:
        """The recorded disagreement the item touches, if any."""
        return self.disagreement_by_id.get(item.disagreement) if item.disagreement else None

    def typed_forms(self, item: Item) -> tuple[str, ...]:
        """What a typed answer is judged against: `accepted`, plus a person's name with each title the
        articles give, so that a wrong title (プーチン首相) is judged wrong. Not for fill-in blanks,
        where the sentence around the blank may already hold the title."""
        forms = list(self.accepted(item))
        entity = self.entity_by_id.get(item.entity) if item.entity else None
        if entity is not None and entity.type is EntityType.PERSON:
            for r in entity.roles:
                title = r.ja if len(r.ja) <= _MAX_TITLE else _trailing_title(r.ja)
                if title:
                    forms.append(f"{entity.ja}{title}")
        return tuple(dict.fromkeys(forms))

    def distractor_pool(self, item: Item) -> tuple[Text, ...]:
        """Candidate wrong answers for `item`: its own distractors, its pool, then its entity's type pool."""
        cands: list[Text] = list(item.distractors)
        if item.pool:
            cands.extend(self.pool_by_id.get(item.pool, ()))
        entity = self.entity_by_id.get(item.entity) if item.entity else None
        if entity is not None:
            cands.extend(self.pool_by_id.get(entity.type.value, ()))
        return tuple(dict.fromkeys(cands))


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
        if self.stories:
            _known("stories", self.stories, stories(), "story", hint=True, list_all=True)
        if self.articles:
            _known("articles", self.articles, articles(), "article", hint=False, list_all=True)
        if self.tags:
            _known("tags", self.tags, tags(), "tag", hint=True, list_all=False)
        if self.ids or self.exclude_ids:
            known = ids()
            _known("ids", self.ids, known, "item", hint=True, list_all=False, lister="quizgen topics --items")
            _known("exclude_ids", self.exclude_ids, known, "item", hint=True, list_all=False,
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


def _trailing_title(text: str) -> str | None:
    from quizgen.japanese.titles import trailing_title  # not at import: the quiz's start-up does not need it

    return trailing_title(text)
