"""Anki decks (.apkg) from deck recipes.

    from quizgen.generators.anki import build_deck, load_recipes
    result = build_deck(bank, recipe, Path("out/china-russia.apkg"), now)

The parts: `recipes` (decks/*.yaml -> validated `DeckRecipe`s; `CardForm`, the card forms),
`choose` (which note each item becomes: one per fact; which cloze blanks are asked; typed answers),
`order` (the learning order: subdecks and new-card positions), `giveaways` (within a story, a card whose
answer another's back prints first; what a back leaves out so as to give no later card away), `notes` (bank items -> note fields,
GUIDs and tags; pure), `back` (the folded parts of the back: sources, disagreement, background),
`escape` (bank text as card HTML), `notetypes` (the note types, their fields and templates), `apkg`
(writing the .apkg file).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from quizgen import collector, resources
from quizgen.atomic import check_targets
from quizgen.bank.model import Bank
from quizgen.generators.anki.apkg import DeckBuild, write_apkg
from quizgen.generators.anki.notes import build_tag, recipe_notes
from quizgen.generators.anki.recipes import (
    CardForm,
    DeckRecipe,
    RecipeError,
    deck_id_for,
    load_recipes,
    loads_recipe,
    recipe_files,
    resolve,
)

__all__ = [
    "CardForm",
    "DeckBuild",
    "DeckRecipe",
    "RecipeError",
    "build_deck",
    "build_decks",
    "build_default",
    "build_tag",
    "deck_id_for",
    "load_recipes",
    "loads_recipe",
    "recipe_files",
    "resolve",
    "write_apkg",
]


def build_deck(bank: Bank, recipe: DeckRecipe, path: Path, now: dt.datetime) -> DeckBuild:
    """Build one recipe's deck and write it atomically to `path`; every note is tagged with `build_tag(now)`."""
    with collector.paused():  # the plan's indexes and the notes hold no cycles (collector.py)
        return write_apkg(bank, recipe, recipe_notes(bank, recipe, (build_tag(now),)), path, now)


def deck_path(recipe: DeckRecipe, out_dir: Path) -> Path:
    """Where a recipe's deck is written: its file's stem, .apkg."""
    return out_dir / f"{recipe.stem}.apkg"


def build_decks(bank: Bank, recipes: Iterable[DeckRecipe], out_dir: Path, now: dt.datetime) -> list[DeckBuild]:
    """Each recipe's deck in `out_dir`; every file is checked before the first is written (`atomic.check_targets`)."""
    recipes = list(recipes)
    check_targets(deck_path(r, out_dir) for r in recipes)
    return [build_deck(bank, r, deck_path(r, out_dir), now) for r in recipes]


def planned_default(out_dir: Path) -> list[Path]:
    """The files `build_default` writes."""
    return [out_dir / f"{f.stem}.apkg" for f in recipe_files(resources.decks_dir())]


def build_default(bank: Bank, out_dir: Path, now: dt.datetime) -> list[Path]:
    """`quizgen build` step: every recipe in decks/ into out_dir."""
    recipes = load_recipes(recipe_files(resources.decks_dir()), bank)
    return [b.path for b in build_decks(bank, recipes, out_dir, now)]
