"""The bank's sections other than the items — sources, stories, entities, disagreements, pools — and `Bank`,
which holds them all with the items: frozen dataclasses, no I/O (the rest of the data model is in `model.py`,
which also gives these names).

Kept apart from `model.py` so that the quiz's start, which reads items from the bank cache, does not create
these classes (issue 19: each dataclass costs a start about half a millisecond).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from quizgen.bank.model import EntityType, Item, Selection, Text

if TYPE_CHECKING:
    from quizgen.japanese.readings import Reading

__all__ = ["Bank", "Disagreement", "Entity", "Link", "Pool", "Role", "Side", "Source", "Story"]

_MAX_TITLE = 12  # longer "roles" are descriptions, not titles to type after a name


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
            aliases = [a for a in entity.aliases if _titled_elsewhere(entity, a, item) is None]
            forms.extend([entity.ja, entity.reading, *aliases] + ([] if is_placeholder(entity.en) else [entity.en]))
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


def _trailing_title(text: str) -> str | None:
    from quizgen.japanese.titles import trailing_title  # not at import: the quiz's start-up does not need it

    return trailing_title(text)


def _titled_elsewhere(entity: Entity, alias: str, item: Item) -> str | None:
    """The title an alias of a person carries (王毅外相, 王外相: 外相) when only other articles than the item's give
    the person that title, else None: an answer key of February 2023 listed 「王毅外相」 for a man the article called
    外交トップ (newuser12), as a title the person did not hold then. The quiz still judges 王毅外相 by its name."""
    if entity.type is not EntityType.PERSON:
        return None
    mine = set(item.articles)
    for role in entity.roles:
        if role.ja and alias.endswith(role.ja) and alias != role.ja:
            if any(r.ja == role.ja and r.article in mine for r in entity.roles):
                return None
            return role.ja
    return None
