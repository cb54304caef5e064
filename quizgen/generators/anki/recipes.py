"""Deck recipes: `decks/*.yaml` -> validated `DeckRecipe`s.

A recipe names an Anki deck, describes it in Japanese and English, says which
items it takes, how it is split into subdecks and, optionally, which card forms it drills:

    name: 中ロ関係
    description: {ja: ..., en: ...}
    select: {categories: [dates], priority: [core], stories: [2023-02-peace-plan], articles: ["000"],
             tags: [peace-plan], exclude_tags: [], ids: [a000-peace-plan-points]}
    subdecks: story                     # story (NAME::2023-02 <story>, ...) | flat | category (NAME::日付, ...)
    forms: [multiple-choice, type-in]   # optional: basic | reverse | cloze | type-in | multiple-choice
    deck_id: 1234567890                 # optional; default: deck_id_for(name)

Without `forms`, each item becomes one note in the form that suits it (`choose.note_form`), so every
recipe without `forms` shares its notes with every other: importing several decks never gives a fact
twice. A recipe with `forms` makes every selected item in each form listed (a drill).

Each key of `select` narrows the deck; a key left out takes every item. An empty list under a narrowing key
(`ids: []`) is refused rather than read as "every item" (hostile17: every id taken out of the list built the
whole bank); `exclude_tags: []` excludes nothing.

Problems are reported like the bank's: `file:line:column: field: message`, all at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from quizgen.bank.files import Unread, is_yaml, read_utf8
from quizgen.bank.located import Loc, LocList, LocMap, load_located
from quizgen.bank.model import Bank, Category, Priority, Selection, Text
from quizgen.bank.records import Reader, display_path, suggest
from quizgen.errors import BankError, Problem, UsageError
from quizgen.text import quoted

#: Deck ids are DECK_ID_BASE + the first 30 bits of sha256("quizgen-deck:" + full deck name),
#: so the same name always gives the same id (also for subdecks, e.g. "中ロ関係::日付").
DECK_ID_BASE = 1 << 30


def deck_id_for(name: str) -> int:
    """The stable Anki deck id of a deck name: 2**30 + sha256('quizgen-deck:' + name)[:30 bits]."""
    digest = hashlib.sha256(f"quizgen-deck:{name}".encode()).digest()
    return DECK_ID_BASE + (int.from_bytes(digest[:4], "big") >> 2)


class CardForm(StrEnum):
    """Card forms; each is one Anki note type (see quizgen.generators.anki.notetypes)."""

    BASIC = "basic"
    REVERSE = "reverse"
    CLOZE = "cloze"
    TYPE_IN = "type-in"
    MULTIPLE_CHOICE = "multiple-choice"


class Layout(StrEnum):
    CATEGORY = "category"  # one subdeck per category: NAME::日付, NAME::人物・主体, NAME::立場, NAME::会議・枠組み
    FLAT = "flat"  # every card in NAME
    STORY = "story"  # one subdeck per story, led by its date so names sort in learning order: NAME::2023-02 <title>


@dataclass(frozen=True)
class _SelectData:
    """The `select:` mapping of a recipe (YAML spelling of a `Selection`)."""

    categories: tuple[Category, ...] = ()
    priority: tuple[Priority, ...] = ()
    stories: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    exclude_tags: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class _RecipeData:
    """A recipe file as written (the keys are the YAML keys)."""

    name: str
    description: Text
    forms: tuple[CardForm, ...] | None = None
    select: _SelectData | None = None
    subdecks: Layout = Layout.CATEGORY


@dataclass(frozen=True)
class DeckRecipe:
    name: str
    description: Text
    forms: tuple[CardForm, ...] = ()  # () : each item in the form that suits it (one note per fact)
    selection: Selection = field(default_factory=Selection)
    layout: Layout = Layout.CATEGORY
    deck_id: int | None = None  # None: deck_id_for(name)
    stem: str = "deck"  # output file name without .apkg (the recipe file's stem)

    @property
    def one_note_per_fact(self) -> bool:
        """No `forms` listed: each item becomes the one note that suits it, shared with every such deck."""
        return not self.forms

    @property
    def id(self) -> int:
        return self.deck_id if self.deck_id is not None else deck_id_for(self.name)

    def subdeck_name(self, category: Category | None) -> str:
        """The deck a card of `category` goes into (the top deck when flat or for None)."""
        if self.layout is Layout.FLAT or category is None:
            return self.name
        return f"{self.name}::{category.label.ja}"


class RecipeError(BankError):
    """One or more deck recipes have problems; all are listed, located."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        n = len(self.problems)
        self.args = (f"{n} problem{'s' if n != 1 else ''} in the deck recipes",)


_KEYS = ("name", "description", "forms", "select", "subdecks", "deck_id")


def recipe_files(decks_dir: Path) -> list[Path]:
    return sorted(p for p in decks_dir.iterdir() if is_yaml(p) and p.is_file()) if decks_dir.is_dir() else []


def resolve(names: tuple[str, ...], decks_dir: Path) -> list[Path]:
    """RECIPE arguments -> files: a path to a .yaml file, or the name of one in `decks_dir` (with or without .yaml)."""
    if not names:
        files = recipe_files(decks_dir)
        if not files:
            raise UsageError(f"no deck recipes (*.yaml) in {decks_dir}")
        return files
    out = []
    for name in names:
        cands = [Path(name), decks_dir / name, decks_dir / f"{name}.yaml", decks_dir / f"{name}.yml"]
        found = next((c for c in cands if c.is_file()), None)
        if found is None:
            known = ", ".join(p.stem for p in recipe_files(decks_dir)) or "none"
            raise UsageError(f"deck recipe not found: {name} (recipes in {decks_dir}: {known})")
        out.append(found)
    return out


def load_recipes(paths: list[Path], bank: Bank | None = None) -> tuple[DeckRecipe, ...]:
    """Read and validate recipe files. With `bank`, also check that articles/ids exist and each deck gets items."""
    reader = Reader()
    recipes: list[DeckRecipe] = []
    names: dict[str, Loc] = {}
    for path in paths:
        text = read_utf8(path)
        if isinstance(text, Unread):
            reader.problems.append(Problem(display_path(path), text.line, text.column, "(file)", text.message))
            continue
        parsed = _parse(text, display_path(path), path.stem, reader, bank)
        if parsed is None:
            continue
        loc, recipe = parsed
        if recipe.name in names:
            first = names[recipe.name]
            reader.fail(loc, "name", f"deck name {quoted(recipe.name)} is also used by {first.file}:{first.line}")
            continue
        names[recipe.name] = loc
        recipes.append(recipe)
    if reader.problems:
        raise RecipeError(reader.problems)
    return tuple(recipes)


def loads_recipe(text: str, file: str = "<recipe>", bank: Bank | None = None, stem: str = "deck") -> DeckRecipe:
    """One recipe from a YAML string (tests)."""
    reader = Reader()
    out = _parse(text, file, stem, reader, bank)
    if reader.problems or out is None:
        raise RecipeError(reader.problems)
    return out[1]


def _parse(text: str, file: str, stem: str, r: Reader, bank: Bank | None) -> tuple[Loc, DeckRecipe] | None:
    data, probs = load_located(text, file)
    r.problems.extend(probs)
    if probs:
        return None
    if not isinstance(data, LocMap):
        r.fail(Loc(file, 1, 1), "(document)", f"a deck recipe is a mapping with keys {', '.join(_KEYS)}")
        return None
    ok, deck_id = _deck_id(data, r)
    data = _without(data, "deck_id") if "deck_id" in data else data
    spec = r.record(data, _RecipeData, data.loc, "")
    if not isinstance(spec, _RecipeData) or not ok:
        return None
    before = len(r.problems)
    name_loc = data.where("name")
    parts = spec.name.split("::")
    if spec.name != spec.name.strip() or any(not p.strip() for p in parts):
        r.fail(name_loc, "name", f"deck name {quoted(spec.name)} has an empty part or surrounding spaces")
    forms = spec.forms
    if forms is not None and not forms:
        r.fail(data.where("forms"), "forms", f"list at least one form ({', '.join(f.value for f in CardForm)}), "
                                             "or leave `forms` out for one note per fact")
    forms = forms or ()
    dupes = {f for f in forms if forms.count(f) > 1}
    if dupes:
        r.fail(data.where("forms"), "forms", f"form listed twice: {', '.join(sorted(dupes))}")
    sel = spec.select or _SelectData()
    _no_empty_select(data, r)
    selection = Selection(categories=sel.categories, priorities=sel.priority, stories=sel.stories,
                          articles=sel.articles, tags=sel.tags, ids=sel.ids, exclude_tags=sel.exclude_tags)
    if bank is not None:
        _check_against_bank(r, data, sel, selection, bank)
    if len(r.problems) > before:
        return None
    return name_loc, DeckRecipe(name=spec.name, description=spec.description, forms=forms, selection=selection,
                                layout=spec.subdecks, deck_id=deck_id, stem=stem)


def _no_empty_select(data: LocMap, r: Reader) -> None:
    """An empty list under a key that narrows the deck selects nothing: said at its place (hostile17: `ids: []`
    built the whole bank)."""
    raw_sel = data.get("select")
    if not isinstance(raw_sel, LocMap):
        return
    for key in _NARROWING:
        value = raw_sel.get(key)
        if isinstance(value, LocList) and not value:
            r.fail(raw_sel.where(key), f"select.{key}", f"an empty list selects nothing; leave `{key}` out to take "
                                                        "every item, or list at least one")


#: The `select` keys that narrow a deck (each an allow-list); `exclude_tags` only takes away.
_NARROWING = ("categories", "priority", "stories", "articles", "tags", "ids")


def _deck_id(data: LocMap, r: Reader) -> tuple[bool, int | None]:
    """(is it valid, the recipe's deck_id if it sets one): a whole number the reader would not take as a bool."""
    if "deck_id" not in data:
        return True, None
    raw = data["deck_id"]
    if isinstance(raw, bool) or not isinstance(raw, int) or not 1 < raw < 2**53:
        r.fail(data.where("deck_id"), "deck_id", f"must be a whole number between 2 and 2**53, not {quoted(raw)}")
        return False, None
    return True, raw


def _check_against_bank(r: Reader, data: LocMap, sel: _SelectData, selection: Selection, bank: Bank) -> None:
    raw_sel = data.get("select")
    where: dict[str, LocList | None] = {}
    for key in ("stories", "articles", "ids", "tags"):
        val = raw_sel.get(key) if isinstance(raw_sel, LocMap) else None
        where[key] = val if isinstance(val, LocList) else None

    def loc_of(key: str, j: int) -> Loc:
        lst = where[key]
        if lst is not None and j < len(lst.item_locs):
            return lst.item_locs[j]
        return data.where("select")

    before = len(r.problems)
    known: dict[str, tuple[Collection[str], Callable[[str], str]]] = {
        "stories": (bank.story_by_id, lambda v: f"unknown story {quoted(v)}{suggest(v, bank.story_by_id)} "
                                                "(`quizgen topics` lists them)"),
        "articles": (bank.source_by_id, lambda v: f"unknown article {quoted(v)} "
                                                  f"(the bank has {', '.join(bank.source_by_id) or 'none'})"),
        "ids": (bank.item_by_id, lambda v: f"unknown item id {quoted(v)}"),
    }
    for key, (ids, message) in known.items():
        for j, value in enumerate(getattr(sel, key)):
            if value not in ids:
                r.fail(loc_of(key, j), f"select.{key}[{j}]", message(value))
    if len(r.problems) == before and bank.items and not selection.apply(bank):
        tags = {t: None for it in bank.items for t in it.tags}
        unknown = [(j, value) for j, value in enumerate(sel.tags) if value not in tags]
        for j, value in unknown:  # the cause, named at its line (hostile19: only the line below was said)
            r.fail(loc_of("tags", j), f"select.tags[{j}]", _unknown_tag(value, tags))
        if not unknown:
            r.fail(data.where("select"), "select", "selects no items from the bank")


def _unknown_tag(value: str, tags: Collection[str]) -> str:
    """A tag of `select.tags` no item has, where the deck selects nothing (hostile19: 「select: selects no items from
    the bank」 named neither the tag nor the list; an unknown story was named): two tags joined in one entry (「a、b」)
    are named, with the list they belong in. A tag the bank lacks beside one it has is no problem, nor one in
    `exclude_tags`: the shipped recipes name the bundled bank's topics and build on any bank that has some of them."""
    from quizgen.text import joined_values, listed

    parts = joined_values(value)
    if parts:
        return (f"unknown tag {quoted(value)}; it holds {len(parts)} tags, {listed(parts)}: list each on its own "
                f"(tags: [{', '.join(parts)}])")
    return f"unknown tag {quoted(value)}{suggest(value, tags)} (`quizgen topics` lists them)"


def _without(data: LocMap, key: str) -> LocMap:
    out = LocMap({k: v for k, v in data.items() if k != key})
    out.loc = data.loc
    out.key_locs = {k: v for k, v in data.key_locs.items() if k != key}
    out.value_locs = {k: v for k, v in data.value_locs.items() if k != key}
    return out
