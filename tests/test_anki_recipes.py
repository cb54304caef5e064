"""Deck recipes: loading, located errors, the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen import resources
from quizgen.bank import Bank, Category, Text, load_bank
from quizgen.cli import cli
from quizgen.generators.anki.recipes import (
    CardForm,
    DeckRecipe,
    Layout,
    RecipeError,
    deck_id_for,
    load_recipes,
    loads_recipe,
    recipe_files,
)

DATA = Path(__file__).parent / "data" / "anki"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


def test_recipes_load(bank: Bank) -> None:
    all_, plan = load_recipes(recipe_files(DATA / "decks"), bank)
    assert all_.name == "テスト中ロ" and all_.stem == "all" and all_.layout is Layout.CATEGORY
    assert all_.forms == (CardForm.BASIC, CardForm.REVERSE, CardForm.CLOZE, CardForm.TYPE_IN, CardForm.MULTIPLE_CHOICE)
    assert all_.id == deck_id_for("テスト中ロ")
    assert plan.id == 1234567890 and plan.layout is Layout.FLAT and plan.selection.tags == ("peace-plan",)
    assert [i.id for i in plan.selection.apply(bank)] == ["a2-plan-points", "a2-plan-forum"]


def test_a_recipe_without_forms_makes_one_note_per_fact(bank: Bank) -> None:
    recipe = loads_recipe("name: X\ndescription: {ja: a, en: b}\nsubdecks: story\n", bank=bank)
    assert recipe.forms == () and recipe.one_note_per_fact and recipe.layout is Layout.STORY
    drill = loads_recipe("name: X\ndescription: {ja: a, en: b}\nforms: [type-in]\n", bank=bank)
    assert drill.forms == (CardForm.TYPE_IN,) and not drill.one_note_per_fact


def test_deck_ids_are_stable_and_documented() -> None:
    assert deck_id_for("中ロ関係") == deck_id_for("中ロ関係")
    assert deck_id_for("中ロ関係") != deck_id_for("中ロ関係::日付")
    assert 2**30 <= deck_id_for("中ロ関係") < 2**31
    assert deck_id_for("中ロ関係") == 1509298944  # published: must never change


def test_subdeck_names_use_the_category_labels() -> None:
    r = DeckRecipe("中ロ関係", Text("a", "b"), (CardForm.BASIC,))
    assert [r.subdeck_name(c) for c in Category] == [
        "中ロ関係::日付", "中ロ関係::人物・主体", "中ロ関係::立場", "中ロ関係::会議・枠組み"]


def test_every_problem_is_reported_with_its_location(bank: Bank) -> None:
    with pytest.raises(RecipeError) as exc:
        load_recipes(recipe_files(DATA / "bad_decks"), bank)
    assert exc.value.report() == "\n".join([
        "tests/data/anki/bad_decks/bad.yaml:2:14: description.en: required field is missing",
        "tests/data/anki/bad_decks/bad.yaml:3:16: forms[1]: must be one of basic, reverse, cloze, type-in, "
        "multiple-choice, not 'clozee' (did you mean 'cloze'?)",
        "tests/data/anki/bad_decks/bad.yaml:4:29: select.categry: unknown key (did you mean 'categories'?)",
        "tests/data/anki/bad_decks/bad.yaml:6:10: deck_id: must be a whole number between 2 and 2**53, not '12'",
        "tests/data/anki/bad_decks/dupe.yaml:3:8: forms: list at least one form (basic, reverse, cloze, type-in, "
        "multiple-choice), or leave `forms` out for one note per fact",
        "5 problems in the deck recipes",
    ])


@pytest.mark.parametrize(("text", "message"), [
    ("name: X\ndescription: {ja: a, en: b}\nforms: [basic]\nselect: {articles: [\"999\"]}\n",
     "<recipe>:4:21: select.articles[0]: unknown article '999' (the bank has a1, a2)"),
    ("name: X\ndescription: {ja: a, en: b}\nforms: [basic]\nselect: {stories: [moscow]}\n",
     "<recipe>:4:20: select.stories[0]: unknown story 'moscow' (did you mean 'moscow-summit'?) "
     "(`quizgen topics` lists them)"),
    ("name: X\ndescription: {ja: a, en: b}\nforms: [basic]\nselect: {priority: [main]}\n",
     "<recipe>:4:21: select.priority[0]: must be one of core, detail, not 'main'"),
    ("name: X\ndescription: {ja: a, en: b}\nforms: [basic]\nselect: {priority: [detail], stories: [moscow-summit]}\n",
     "<recipe>:4:9: select: selects no items from the bank"),
    ("name: X\ndescription: {ja: a, en: b}\nforms: [basic]\nselect: {ids: [nope]}\n",
     "<recipe>:4:16: select.ids[0]: unknown item id 'nope'"),
    ("name: X\ndescription: {ja: a, en: b}\nforms: [basic]\nselect: {tags: [nothing-has-this]}\n",
     "<recipe>:4:17: select.tags[0]: unknown tag 'nothing-has-this' (`quizgen topics` lists them)"),  # hostile19
    ("name: 'X::'\ndescription: {ja: a, en: b}\nforms: [basic]\n",
     "<recipe>:1:7: name: deck name 'X::' has an empty part or surrounding spaces"),
    ("name: X\ndescription: {ja: a, en: b}\nforms: [basic, basic]\n",
     "<recipe>:3:8: forms: form listed twice: basic"),
    ("- just a list\n", "<recipe>:1:1: (document): a deck recipe is a mapping with keys name, description, forms, "
     "select, subdecks, deck_id"),
    ("name: X\ndescription: {ja: a, en: b}\nforms: [basic]\nsubdecks: nested\n",
     "<recipe>:4:11: subdecks: must be one of category, flat, story, not 'nested'"),
])
def test_recipe_errors(bank: Bank, text: str, message: str) -> None:
    with pytest.raises(RecipeError) as exc:
        loads_recipe(text, bank=bank)
    assert [str(p) for p in exc.value.problems] == [message]


@pytest.mark.parametrize(("select", "ids"), [
    ("{priority: [core]}", ["a1-summit-place", "a1-summit-date", "a2-plan-points"]),
    ("{stories: [peace-plan]}", ["a2-plan-points", "a2-plan-forum"]),
    ("{priority: [core], stories: [peace-plan]}", ["a2-plan-points"]),
])
def test_recipe_selects_by_priority_and_story(bank: Bank, select: str, ids: list[str]) -> None:
    recipe = loads_recipe(f"name: X\ndescription: {{ja: a, en: b}}\nforms: [basic]\nselect: {select}\n", bank=bank)
    assert [i.id for i in recipe.selection.apply(bank)] == ids


def test_two_recipes_with_one_name(tmp_path: Path, bank: Bank) -> None:
    for n in ("a", "b"):
        (tmp_path / f"{n}.yaml").write_text("name: Same\ndescription: {ja: a, en: b}\nforms: [basic]\n", encoding="utf-8")
    with pytest.raises(RecipeError) as exc:
        load_recipes(recipe_files(tmp_path), bank)
    assert str(exc.value.problems[0]).endswith(f"name: deck name 'Same' is also used by {tmp_path / 'a.yaml'}:1")


def test_cli_builds_named_recipes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1740819600")
    r = CliRunner().invoke(cli, ["anki", "--bank", str(DATA / "bank"), "--decks", str(DATA / "decks"), "plan",
                                 "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert r.output == (f"wrote {tmp_path / 'plan.apkg'}: テスト和平案: 2 notes, 2 cards (multiple-choice 1, cloze 1)\n"
                        "      2 cards  テスト和平案\n")


def test_cli_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(cli, ["anki", "--bank", str(DATA / "bank"), "--decks", str(DATA / "decks"), "nope"])
    assert r.exit_code == 2
    assert r.output == f"Error: deck recipe not found: nope (recipes in {DATA / 'decks'}: all, plan)\n"
    r = runner.invoke(cli, ["anki", "--bank", str(DATA / "bank"), "--decks", str(DATA / "bad_decks"), "-o", str(tmp_path)])
    assert r.exit_code == 1
    assert r.output.endswith("5 problems in the deck recipes\n")
    assert not list(tmp_path.iterdir())


def test_cli_help() -> None:
    r = CliRunner().invoke(cli, ["anki", "--help"])
    assert r.exit_code == 0
    assert "SOURCE_DATE_EPOCH" in r.output and "[RECIPE]..." in r.output


def test_the_shipped_recipes_name_only_tags_the_bundled_bank_has() -> None:
    """A student found the shipped ukraine-peace deck leaving out `saudi-iran`, a tag no item had, so the Saudi–Iran
    cards were in it. A recipe may name tags another bank lacks (a tag selects any of), so this is the shipped
    decks' own check against the bundled bank."""
    bundled = load_bank(resources.bank_dir())
    tags = {t for it in bundled.items for t in it.tags}
    for recipe in load_recipes(recipe_files(resources.decks_dir()), bundled):
        named = set(recipe.selection.tags) | set(recipe.selection.exclude_tags)
        assert named <= tags, (recipe.stem, sorted(named - tags))
