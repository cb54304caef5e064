"""The learning order: which subdeck each note goes into, and the position (`due`) of each new card.

Anki's default deck options gather new cards subdeck by subdeck, in the order of the subdecks' names,
and within a subdeck by position. So the order a student meets the facts is decided here twice, the
same way: by the names of the subdecks and by the positions.

**Story by story, core first** (`story_order`, `item_order`): stories chronologically by their date
(`when`; a story without one takes its earliest item's date; stories with no date at all come last,
in the bank's order), then items without a story; within a story, `core` facts before `detail`
ones, each chronologically (an undated fact after the dated ones), then in bank order.

**Subdecks** (`subdecks`): `story` layout: one subdeck per story, named with its place in that order,
zero-padded so that names sort in it (`中ロ関係::01 <story title>`, …, `中ロ関係::12 その他`);
`flat`: every card in the deck itself; `category`: one per category (`中ロ関係::日付`, …; Anki
gathers these in name order: 人物・主体, 会議・枠組み, 日付, 立場).
"""

from __future__ import annotations

from collections.abc import Iterable

from quizgen.bank.model import Bank, Category, Item, Priority, Story, Text
from quizgen.generators.anki.recipes import DeckRecipe, Layout

NO_STORY = Text("その他", "Other")
_LAST = "9999"


def _story_dates(bank: Bank) -> dict[str, str]:
    """Each story's date for ordering: its own `when`, else its earliest fact's, else last."""
    earliest: dict[str, str] = {}
    for it in bank.live_items():
        if it.story and it.when:
            earliest[it.story] = min(earliest.get(it.story, _LAST), it.when)
    return {s.id: s.when or earliest.get(s.id, _LAST) for s in bank.stories}


def story_order(bank: Bank, items: Iterable[Item]) -> list[Story | None]:
    """The stories of `items` in learning order (None, for items without a story, last)."""
    used = {it.story for it in items}
    dates = _story_dates(bank)
    index = {s.id: i for i, s in enumerate(bank.stories)}
    stories = sorted((s for s in bank.stories if s.id in used), key=lambda s: (dates[s.id], index[s.id]))
    return [*stories, *([None] if None in used else [])]


def item_order(bank: Bank, items: Iterable[Item]) -> list[Item]:
    """`items` in learning order: story by story, core first, then chronologically, then bank order."""
    items = list(items)
    rank = {(s.id if s else None): i for i, s in enumerate(story_order(bank, items))}
    bank_index = {it.id: i for i, it in enumerate(bank.items)}

    def key(it: Item) -> tuple[int, int, str, int]:
        story = it.story if it.story in rank else None
        return (rank[story], 0 if it.priority is Priority.CORE else 1, it.when or _LAST,
                bank_index.get(it.id, len(bank_index)))
    return sorted(items, key=key)


def _deck_part(text: str) -> str:
    """A story title as one part of a deck name (`::` would nest it)."""
    return " ".join(text.replace("::", ":").split())


def story_decks(bank: Bank, recipe: DeckRecipe, items: Iterable[Item]) -> dict[str | None, str]:
    """story id (None: no story) -> its subdeck's full name, numbered in learning order."""
    order = story_order(bank, items)
    width = max(2, len(str(len(order))))
    return {(s.id if s else None): f"{recipe.name}::{n:0{width}d} {_deck_part((s.title if s else NO_STORY).ja)}"
            for n, s in enumerate(order, 1)}


def deck_of(bank: Bank, recipe: DeckRecipe, stories: dict[str | None, str], item: Item) -> str:
    """The full name of the deck an item's notes go into."""
    if recipe.layout is Layout.STORY:
        return stories[item.story if item.story in stories else None]
    if recipe.layout is Layout.CATEGORY:
        return recipe.subdeck_name(item.category)
    return recipe.name


def subdecks(bank: Bank, recipe: DeckRecipe) -> list[str]:
    """Every deck name the recipe may fill, top deck first, then its subdecks in learning order."""
    items = recipe.selection.apply(bank)
    if recipe.layout is Layout.STORY:
        return [recipe.name, *story_decks(bank, recipe, items).values()]
    if recipe.layout is Layout.CATEGORY:
        cats = recipe.selection.categories or tuple(Category)
        return [recipe.name, *(recipe.subdeck_name(c) for c in Category if c in cats)]
    return [recipe.name]
