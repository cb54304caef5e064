"""The learning order: which subdeck each note goes into, and the position (`due`) of each new card.

Anki's default deck options gather new cards subdeck by subdeck, in the order of the subdecks' names,
and within a subdeck by position. So the order a student meets the facts is decided here twice, the
same way: by the names of the subdecks and by the positions.

**Story by story, core first** (`story_order`, `item_order`): stories chronologically by their date
(`when`; two of one date by title), then the stories without a date (by title), then the items without a
story; within a story, `core` facts before `detail` ones, each chronologically (an undated fact after the
dated ones), then in bank order. `giveaways.plan` then moves, within a story, a card whose answer another
card's back prints before that card (notes.recipe_notes numbers the cards in that order).

**Subdecks** (`subdecks`): `story` layout: one subdeck per story, its name led by the story's date as the
bank writes it (`中ロ関係::2022-02 <title>`, `中ロ関係::2023-03-10 <title>`), `日付なし` for a story without
one and `未分類` for the items without a story, so that the names sort in learning order. A date, unlike
a running number, does not change when a story is added, so an update never renames a student's
subdecks. `flat`: every card in the deck itself. `category`: one per category (`中ロ関係::日付`, …;
Anki gathers these in name order: 人物・主体, 会議・枠組み, 日付, 立場).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from quizgen.bank.model import Bank, Category, Item, Priority, Story, Text
from quizgen.generators.anki.recipes import DeckRecipe, Layout

UNDATED = Text("日付なし", "undated")  # leads the name of a story without a date: sorts after every date
NO_STORY = Text("未分類", "no story")  # the subdeck of items without a story: sorts after 日付なし
_LAST = "9999"


def _deck_part(text: str) -> str:
    """A story title as one part of a deck name (`::` would nest it)."""
    return " ".join(text.replace("::", ":").split())


def story_deck_part(story: Story | None) -> str:
    """The last part of a story's subdeck name: its date (or 日付なし) and title; 未分類 for no story."""
    if story is None:
        return NO_STORY.ja
    return f"{story.when or UNDATED.ja} {_deck_part(story.title.ja)}"


def story_order(bank: Bank, items: Iterable[Item]) -> list[Story | None]:
    """The stories of `items` in learning order (None, for items without a story, last): the order in which
    their subdecks' names sort."""
    used = {it.story for it in items}
    stories = sorted((s for s in bank.stories if s.id in used), key=story_deck_part)
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


def story_decks(bank: Bank, recipe: DeckRecipe, items: Iterable[Item]) -> dict[str | None, str]:
    """story id (None: no story) -> its subdeck's full name."""
    return {(s.id if s else None): f"{recipe.name}::{story_deck_part(s)}" for s in story_order(bank, items)}


def deck_of(bank: Bank, recipe: DeckRecipe, stories: dict[str | None, str], item: Item) -> str:
    """The full name of the deck an item's notes go into."""
    return deck_finder(recipe, stories)(item)


def deck_finder(recipe: DeckRecipe, stories: dict[str | None, str]) -> Callable[[Item], str]:
    """`deck_of` with the recipe's layout looked at once, for a deck's every note (`stories`: `story_decks`)."""
    if recipe.layout is Layout.STORY:
        return lambda item: stories[item.story if item.story in stories else None]
    if recipe.layout is Layout.CATEGORY:
        return lambda item: recipe.subdeck_name(item.category)
    name = recipe.name
    return lambda item: name


def subdecks(bank: Bank, recipe: DeckRecipe) -> list[str]:
    """Every deck name the recipe may fill, top deck first, then its subdecks in learning order."""
    items = recipe.selection.apply(bank)
    if recipe.layout is Layout.STORY:
        return [recipe.name, *story_decks(bank, recipe, items).values()]
    if recipe.layout is Layout.CATEGORY:
        cats = recipe.selection.categories or tuple(Category)
        return [recipe.name, *(recipe.subdeck_name(c) for c in Category if c in cats)]
    return [recipe.name]
