"""Placeholders (a draft's "TODO: translate", an unknown outlet) in the bank: allowed, never an answer, never
printed by an output in the language that holds them; discarded drafts; the bank's own articles folder."""

from __future__ import annotations

import dataclasses
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.bank import Bank, Lang, Selection, Text, dumps_bank, load_bank, loads_bank
from quizgen.bank.placeholders import TODO_EN, UNKNOWN_OUTLET, PlaceholderError, find, is_placeholder, refuse
from quizgen.errors import BankError

DATA = Path(__file__).parent / "data"


@pytest.fixture
def bank() -> Bank:
    return load_bank(DATA / "bank_good")


def japanese_only(bank: Bank) -> Bank:
    """The good bank with its first item's English left to write, as `quizgen review` accepts it."""
    first = bank.items[0]
    todo = dataclasses.replace(first, prompt=Text(first.prompt.ja, TODO_EN), answer=Text(first.answer.ja, TODO_EN))
    return dataclasses.replace(bank, items=(todo, *bank.items[1:]))


def test_placeholders_are_recognised() -> None:
    assert is_placeholder(TODO_EN) and is_placeholder("TODO: translate [[Xi Jinping]]")
    assert is_placeholder(UNKNOWN_OUTLET.ja) and is_placeholder(UNKNOWN_OUTLET.en)
    assert not is_placeholder("Xi Jinping") and not is_placeholder("習近平")


@given(st.text(alphabet=st.sampled_from(" \u3000\t\nTOD要確認不明()(x習a"), max_size=12))
def test_placeholder_check_looks_past_leading_space(text: str) -> None:
    """The quick look at the first character (for speed: every text of every item) agrees with the rule."""
    t = text.strip()
    assert is_placeholder(text) == (not t or t.startswith(("TODO", "要確認", UNKNOWN_OUTLET.ja)))


def test_find_names_each_item_and_field_in_the_chosen_language(bank: Bank) -> None:
    b = japanese_only(bank)
    first = b.items[0].id
    assert find(b, b.items, Lang.JA) == []
    assert find(b, b.items, Lang.EN) == [f"item {first}: prompt.en, answer.en"]
    assert find(b, b.items, Lang.BOTH) == [f"item {first}: prompt.en, answer.en"]
    with pytest.raises(PlaceholderError) as err:
        refuse(b, b.items, Lang.EN)
    assert str(err.value).startswith("1 item(s) still hold placeholders in the chosen language (en)")
    assert f"item {first}: prompt.en, answer.en" in str(err.value)


def test_an_unknown_outlet_is_a_placeholder_in_both_languages(bank: Bank) -> None:
    source = dataclasses.replace(bank.sources[0], outlet=UNKNOWN_OUTLET)
    b = dataclasses.replace(bank, sources=(source, *bank.sources[1:]))
    cited = [i for i in b.items if source.id in i.articles]
    assert find(b, cited, Lang.JA)[0].endswith(f"source {source.id} outlet.ja")


def test_a_placeholder_is_never_an_accepted_answer(bank: Bank) -> None:
    b = japanese_only(bank)
    assert TODO_EN not in b.accepted(b.items[0])
    reread = loads_bank(dumps_bank(b))  # and a distractor placeholder is no clash with it
    assert TODO_EN not in reread.accepted(reread.items[0])


@pytest.mark.parametrize("lang", [Lang.EN, Lang.BOTH])
def test_exports_refuse_placeholders_in_the_chosen_language(bank: Bank, lang: Lang) -> None:
    from quizgen.generators.exports import export
    from quizgen.generators.exports.common import ExportFormat

    b = japanese_only(bank)
    with pytest.raises(PlaceholderError):
        export(b, ExportFormat.GIFT, rng=random.Random(1), lang=lang)
    assert b"TODO" not in export(b, ExportFormat.GIFT, rng=random.Random(1), lang=Lang.JA).content


def test_anki_decks_show_both_languages_so_they_refuse_any_placeholder(bank: Bank) -> None:
    from quizgen.generators.anki.notes import recipe_notes
    from quizgen.generators.anki.recipes import load_recipes, recipe_files

    anki_bank = load_bank(DATA / "anki" / "bank")
    recipes = load_recipes(recipe_files(DATA / "anki" / "decks"), anki_bank)
    assert list(recipe_notes(anki_bank, recipes[0]))
    with pytest.raises(PlaceholderError):
        list(recipe_notes(japanese_only(anki_bank), recipes[0]))


def test_a_one_note_per_fact_deck_refuses_every_placeholder_after_its_notes_and_writes_nothing(tmp_path: Path) -> None:
    """One note per fact finds placeholders as it makes the notes: the same refusal as `refuse`, every item named
    in learning order, and no deck file (nor a scratch collection) left behind."""
    import datetime as dt

    from quizgen.generators.anki import build_deck, load_recipes, recipe_files
    from quizgen.generators.anki.order import item_order

    anki_bank = load_bank(DATA / "anki" / "bank")
    recipe = dataclasses.replace(load_recipes(recipe_files(DATA / "anki" / "decks"), anki_bank)[0], forms=())
    assert recipe.one_note_per_fact
    items = item_order(anki_bank, recipe.selection.apply(anki_bank))
    last = items[-1]  # the last met: its note is made last
    todo = {items[0].id: dataclasses.replace(items[0], explanation=Text(items[0].explanation.ja, TODO_EN)),
            last.id: dataclasses.replace(last, prompt=Text("要確認", last.prompt.en))}
    b = dataclasses.replace(anki_bank, items=tuple(todo.get(it.id, it) for it in anki_bank.items))
    with pytest.raises(PlaceholderError) as made:
        build_deck(b, recipe, tmp_path / "deck.apkg", dt.datetime(2025, 3, 1, tzinfo=dt.UTC))
    with pytest.raises(PlaceholderError) as expected:
        refuse(b, item_order(b, recipe.selection.apply(b)), Lang.BOTH)
    assert str(made.value) == str(expected.value)
    assert str(made.value).startswith("2 item(s) still hold placeholders") and f"item {last.id}: prompt.ja" in str(made.value)
    assert list(tmp_path.iterdir()) == []


def test_a_discarded_draft_keeps_its_reason_and_is_never_used(bank: Bank) -> None:
    first = dataclasses.replace(bank.items[0], draft=True, discarded="重複")
    b = loads_bank(dumps_bank(dataclasses.replace(bank, items=(first, *bank.items[1:]))))
    assert b.items[0].discarded == "重複"
    assert first.id not in {i.id for i in Selection(include_drafts=True).apply(b)}
    live = dataclasses.replace(first, draft=False)
    with pytest.raises(BankError) as err:
        loads_bank(dumps_bank(dataclasses.replace(bank, items=(live, *bank.items[1:]))))
    assert "only a draft can be discarded" in err.value.report()


def test_the_banks_own_articles_folder_is_read_without_being_named(tmp_path: Path) -> None:
    shutil.copytree(DATA / "bank_good", tmp_path / "bank")
    sources = load_bank(tmp_path / "bank").sources
    (tmp_path / "bank" / "articles").mkdir()
    (tmp_path / "bank" / "articles" / sources[0].file).write_text("別の記事の本文です。\n", encoding="utf-8")
    with pytest.raises(BankError) as err:  # the copy there is checked: another text does not hold the quotes
        load_bank(tmp_path / "bank")
    assert "quote not found verbatim" in err.value.report()
    assert load_bank(tmp_path / "bank", DATA / "articles").sources  # an explicit folder comes first
