"""Note contents (pure): escaping, cloze conversion, no empty notes, determinism."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import genanki
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quizgen.bank import load_bank
from quizgen.bank.model import Bank, Text, cloze_parts
from quizgen.generators.anki.notes import (
    ITEM_FORMS,
    base91,
    cloze_fields,
    cloze_text,
    esc,
    esc_all,
    guid_for,
    recipe_notes,
)
from quizgen.generators.anki.recipes import CardForm, loads_recipe

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


@given(st.text(), st.sampled_from([f.value for f in CardForm]))
def test_guid_is_genankis(item_id: str, form: str) -> None:
    assert guid_for(item_id, form) == genanki.guid_for(item_id, form)


@given(st.integers(min_value=0, max_value=2**64 - 1) | st.sampled_from([0, 1, 90, 91, 92, 8280, 8281, 8282, 91**3]))
def test_base91_is_genankis_conversion(n: int) -> None:
    digits = []
    m = n
    while m > 0:  # genanki.util.guid_for's loop
        digits.append(genanki.util.BASE91_TABLE[m % 91])
        m //= 91
    assert base91(n) == "".join(reversed(digits))


@given(st.lists(st.text()))
def test_esc_all_is_esc_of_each(texts: list[str]) -> None:
    assert esc_all(*texts) == tuple(esc(t) for t in texts)


def _reference_cloze_fields(item_id: str, ja: str, en: str) -> tuple[str, ...] | None:
    """The cloze note's fields made the plain way, one part at a time (cloze_fields takes a faster path)."""
    def deletions(parts: list[tuple[str, bool]]) -> tuple[str, int]:
        out, n = [], 0
        for seg, blank in parts:
            if blank and seg.strip():
                n += 1
                out.append("{{c" + str(n) + "::" + esc(seg).replace(":", "&#58;") + "}}")
            else:
                out.append(esc(seg))
        return "".join(out), n

    def shown(parts: list[tuple[str, bool]], hidden: str | None) -> str:
        return "".join(esc(s) if not blank else (f'<b class="cloze">{esc(s)}</b>' if hidden is None else hidden)
                       for s, blank in parts)

    text, n = deletions(cloze_parts(ja))
    if n == 0:
        return None
    en_parts = cloze_parts(en)
    hint, n_en = deletions(en_parts)
    if n_en != n:
        hint = shown(en_parts, "［…］")
    return esc(item_id), text, shown(en_parts, None), hint


# Text with nothing to escape takes cloze_fields' fast path, text with it the part-by-part one.
_CLOZE_CHARS = st.text(alphabet="[] :　x会", max_size=24) | st.text(alphabet="[] :　x会\n<&{'", max_size=24)


@given(_CLOZE_CHARS, _CLOZE_CHARS)
@example("[[a:b]]と[[ ]]", "[[A]] [[B:c]]").via("both paths' special cases")
def test_cloze_fields_match_the_part_by_part_construction(bank: Bank, ja: str, en: str) -> None:
    item = dataclasses.replace(bank.items[0], cloze=Text(ja, en))
    assert cloze_fields(bank, item) == _reference_cloze_fields(item.id, ja, en)


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
    assert actors == sorted(actors, key=[CardForm.MULTIPLE_CHOICE, CardForm.BASIC, CardForm.REVERSE].index)


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
