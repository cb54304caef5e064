"""What the bank holds, counted: items by category, priority, story, article and tag (pure).

`quizgen check` prints these counts on success and `quizgen topics` lists them for choosing filters.
Drafts are counted apart and left out of every other count.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from quizgen.bank.model import Bank, Category, Priority, Source, Story

__all__ = ["Summary", "Tally", "summarise"]


@dataclass(frozen=True)
class Tally:
    """How many items, and how many of them are core."""

    items: int = 0
    core: int = 0


@dataclass(frozen=True)
class Summary:
    items: int
    drafts: int
    categories: tuple[tuple[Category, Tally], ...]  # every category, in the bank format's order
    priorities: tuple[tuple[Priority, int], ...]  # core, then detail
    stories: tuple[tuple[Story | None, Tally], ...]  # in the bank's order; None: items without a story
    articles: tuple[tuple[Source, int], ...]  # every source, in the bank's order
    tags: tuple[tuple[str, int], ...]  # most used first, then by name


def summarise(bank: Bank) -> Summary:
    live = bank.live_items()
    tallies: dict[object, list[int]] = {}
    for it in live:
        for key in (it.category, ("story", it.story)):
            t = tallies.setdefault(key, [0, 0])
            t[0] += 1
            t[1] += it.priority is Priority.CORE

    def tally(key: object) -> Tally:
        n, core = tallies.get(key, (0, 0))
        return Tally(n, core)

    stories: list[tuple[Story | None, Tally]] = [(s, tally(("story", s.id))) for s in bank.stories]
    if ("story", None) in tallies:
        stories.append((None, tally(("story", None))))
    priorities = Counter(it.priority for it in live)
    articles = Counter(a for it in live for a in it.articles)
    tags = Counter(t for it in live for t in it.tags)
    return Summary(
        items=len(live),
        drafts=sum(1 for it in bank.items if it.draft),
        categories=tuple((c, tally(c)) for c in Category),
        priorities=tuple((p, priorities[p]) for p in Priority),
        stories=tuple(stories),
        articles=tuple((s, articles[s.id]) for s in bank.sources),
        tags=tuple(sorted(tags.items(), key=lambda kv: (-kv[1], kv[0]))),
    )
