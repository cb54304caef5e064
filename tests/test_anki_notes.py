"""Note contents (pure): escaping, cloze conversion, no empty notes, determinism."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import genanki
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.bank import load_bank
from quizgen.decks import Form, loads_recipe
from quizgen.generators.anki_notes import ITEM_FORMS, cloze_text, esc, guid_for, recipe_notes
from quizgen.model import Bank, Text

DATA = Path(__file__).parent / "data" / "anki"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


@given(st.text())
def test_escaped_text_has_no_markup_and_no_template_syntax(s: str) -> None:
    out = esc(s)
    assert "<" not in out.replace("<br>", "") and ">" not in out.replace("<br>", "")
    assert "{" not in out and "}" not in out


@given(st.lists(st.tuples(st.text(alphabet=st.characters(blacklist_characters="[]\n\r"), max_size=8),
                          st.booleans()), max_size=6))
def test_cloze_conversion_numbers_every_non_blank_deletion(parts: list[tuple[str, bool]]) -> None:
    text = "".join(f"[[{s}]]" if blank and s else s for s, blank in parts)
    out, n = cloze_text(text)
    assert n == sum(1 for s, blank in parts if blank and s.strip())
    assert re.findall(r"\{\{c(\d+)::", out) == [str(i) for i in range(1, n + 1)]
    assert out.count("{{") == n  # nothing else looks like cloze syntax


@given(st.text(), st.sampled_from([f.value for f in Form]))
def test_guid_is_genankis(item_id: str, form: str) -> None:
    assert guid_for(item_id, form) == genanki.guid_for(item_id, form)


def test_cloze_example() -> None:
    assert cloze_text("[[習近平]]と[[ プーチン ]]は[[ ]]で会談: [[a::b]]") == (
        "{{c1::習近平}}と{{c2:: プーチン }}は で会談: {{c3::a&#58;&#58;b}}", 3)


def test_whitespace_only_fields_make_no_notes(bank: Bank) -> None:
    item = bank.item_by_id["a2-plan-points"]
    blank = dataclasses.replace(item, prompt=Text(" \n ", "  "), answer=Text("\t", " "),
                                cloze=Text("[[ ]]", "[[ ]]"))
    for form, make in ITEM_FORMS.items():
        assert make(bank, blank) is None, form


def test_notes_are_deterministic_and_positioned(bank: Bank) -> None:
    recipe = loads_recipe("name: D\ndescription: {ja: d, en: d}\nforms: [multiple-choice, basic, reverse]\n", bank=bank)
    first, second = list(recipe_notes(bank, recipe)), list(recipe_notes(bank, recipe))
    assert first == second
    assert [n.due for n in first] == list(range(1, len(first) + 1))
    assert len({n.guid for n in first}) == len(first)
    # rounds: in each subdeck every fact comes once as the first form before any comes as the second
    actors = [n.form for n in first if n.deck == "D::人物・主体"]
    assert actors == sorted(actors, key=[Form.MULTIPLE_CHOICE, Form.BASIC, Form.REVERSE].index)


def test_guid_depends_on_id_not_text(bank: Bank) -> None:
    recipe = loads_recipe("name: G\ndescription: {ja: g, en: g}\nforms: [basic]\n", bank=bank)
    before = {n.fields[0]: n.guid for n in recipe_notes(bank, recipe)}
    items = tuple(dataclasses.replace(i, prompt=Text("別の問い", "another"), answer=Text("別", "other"))
                  for i in bank.items)
    after = {n.fields[0]: n.guid for n in recipe_notes(dataclasses.replace(bank, items=items), recipe)}
    assert before == after


def test_dates_subdeck_is_chronological(bank: Bank) -> None:
    recipe = loads_recipe("name: T\ndescription: {ja: t, en: t}\nforms: [basic]\nselect: {categories: [dates]}\n",
                          bank=bank)
    notes = list(recipe_notes(bank, recipe))
    assert {n.deck for n in notes} == {"T::日付"}
