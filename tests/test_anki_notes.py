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
from quizgen.bank.model import Bank, Text
from quizgen.generators.anki import escape
from quizgen.generators.anki.choose import note_form, typed_answer
from quizgen.generators.anki.notes import (
    ITEM_FORMS,
    base91,
    cloze_fields,
    cloze_text,
    esc,
    esc_all,
    furigana,
    guid_for,
    recipe_notes,
)
from quizgen.generators.anki.notetypes import FIELDS
from quizgen.generators.anki.recipes import CardForm, loads_recipe

DATA = Path(__file__).parent / "data" / "anki"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


@pytest.fixture(scope="module")
def facts() -> Bank:
    return load_bank(DATA / "facts")


@given(st.text())
def test_escaped_text_has_no_markup_no_template_or_furigana_syntax_and_no_control_characters(s: str) -> None:
    out = esc(s)
    assert "<" not in out.replace("<br>", "") and ">" not in out.replace("<br>", "")
    assert not set(out) & set("{}[]")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", out)  # \x1f is Anki's field separator


_REFERENCES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "{": "&#123;", "}": "&#125;",
               "[": "&#91;", "]": "&#93;", "\n": "<br>"}


@given(st.text(alphabet=st.sampled_from([*_REFERENCES, *"\t a中;#&amp", "\x00", "\x1f", "\x7f", "\x9f", "\ufffe"]))
       | st.text())
def test_escaping_replaces_each_character_on_its_own(s: str) -> None:
    """Each special character becomes its reference and each control character goes, one character at a time (a
    reference is never escaped again, whatever the order of the replacements)."""
    control = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
    assert esc(s) == "".join(_REFERENCES.get(c, "" if control.match(c) else c) for c in s)


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


@given(st.integers(min_value=0, max_value=2**70)
       | st.sampled_from([0, 1, 90, 91, 92, 8280, 8281, 8282, 91**3, 91**10 - 1, 91**10, 91**12 + 5]))
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


@given(st.lists(st.text(alphabet=st.sampled_from("a 会談&<>\"'{}[]\n\x00\x1f\u200b"), max_size=6)))
def test_plain_says_whether_esc_leaves_every_text_as_it_is(texts: list[str]) -> None:
    assert escape.plain(texts) == all(esc(t) == t for t in texts)


@given(st.lists(st.tuples(st.text(alphabet=st.characters(blacklist_characters="[]\n\r"), max_size=8),
                          st.booleans()), max_size=6), st.data())
def test_only_the_asked_blanks_become_deletions_and_the_rest_stay_as_text(parts: list[tuple[str, bool]],
                                                                          data: st.DataObject) -> None:
    text = "".join(f"[[{s}]]" if blank and s else s for s, blank in parts)
    blanks = [s for s, blank in parts if blank and s.strip()]
    asked = data.draw(st.sets(st.integers(0, max(0, len(blanks) - 1)), max_size=len(blanks)))
    out, n = cloze_text(text, asked)
    assert n == len(asked)
    assert re.findall(r"\{\{c(\d+)::", out) == [str(i) for i in range(1, n + 1)]
    plain = re.sub(r"\{\{c\d+::(.*?)\}\}", lambda m: m.group(1).replace("&#58;", ":"), out)
    assert plain == "".join(esc(s) for s, _blank in parts)  # every blank's text is still there, in place


def test_cloze_example() -> None:
    assert cloze_text("[[習近平]]と[[ プーチン ]]は[[ ]]で会談: [[a::b]]") == (
        "{{c1::習近平}}と{{c2:: プーチン }}は で会談: {{c3::a&#58;&#58;b}}", 3)
    assert cloze_text("[[習近平]]と[[プーチン]]は[[モスクワ]]で", [2], {"モスクワ": "モスクワ[もすくわ]"}) == (
        "習近平とプーチンは{{c1::モスクワ[もすくわ]}}で", 1)


def test_a_cloze_asks_the_answer_only(facts: Bank) -> None:
    """The other blanks of the sentence are other facts: plain text, not cards."""
    item = facts.item_by_id["f-visit-stance"]
    _ident, text, text_en, hint = cloze_fields(facts, item) or ()
    assert text == ("2023年3月、習近平国家主席はモスクワで、プーチン氏の{{c1::大統領続投}}"
                    "を支持すると語った。")
    assert hint == "In March 2023 in Moscow, Xi said he supported Putin {{c1::staying on as president}}."
    assert text_en == 'In March 2023 in Moscow, Xi said he supported Putin <b class="cloze">staying on as president</b>.'


def test_a_cloze_with_markup_is_escaped_in_every_part(facts: Bank) -> None:
    item = dataclasses.replace(facts.item_by_id["f-visit-stance"], cloze=Text(
        "習氏は<b>プーチン氏</b>の[[大統領続投]]を「支持」&[[歓迎]]した。",
        "Xi <i>backed</i> Putin [[staying on as president]] & [[welcomed]] it."))
    _ident, text, text_en, hint = cloze_fields(facts, item) or ()
    assert text == "習氏は&lt;b&gt;プーチン氏&lt;/b&gt;の{{c1::大統領続投}}を「支持」&amp;歓迎した。"
    assert text_en == ('Xi &lt;i&gt;backed&lt;/i&gt; Putin <b class="cloze">staying on as president</b> &amp; '
                       "welcomed it.")
    assert hint == "Xi &lt;i&gt;backed&lt;/i&gt; Putin {{c1::staying on as president}} &amp; welcomed it."


def test_furigana_only_over_names_reads_kanji_runs_only_and_never_guesses(facts: Bank) -> None:
    item = facts.item_by_id
    assert furigana(facts, item["f-sco"]) == "上海協力機構[しゃんはいきょうりょくきこう]"  # a name: the entity's reading
    assert furigana(facts, item["f-plan-us-view"]) == ""  # 時間稼ぎ作戦: everyday words, no ruby (a student reads them)
    assert furigana(facts, item["f-plan-putin"]) == ""  # kana: nothing to read (no ぷーちん)
    assert furigana(facts, item["f-visit-date"]) == ""  # a date reads as written
    assert furigana(facts, item["f-plan-points"]) == ""


def test_one_form_per_item_by_its_kind(facts: Bank) -> None:
    forms = {it.id: note_form(it) for it in facts.live_items()}
    assert forms == {
        "f-visit-stance": CardForm.CLOZE, "f-visit-date": CardForm.BASIC, "f-visit-city": CardForm.BASIC,
        "f-sco": CardForm.BASIC, "f-brics": CardForm.BASIC, "f-plan-points": CardForm.BASIC,
        "f-plan-us-view": CardForm.CLOZE, "f-plan-putin": CardForm.BASIC, "f-loose": CardForm.CLOZE,
        "f-neutral": CardForm.BASIC, "f-military": CardForm.BASIC}  # asked as true/false: a Q→A note, never a cloze
    # a stance whose cloze does not blank its answer is asked as a question
    other = dataclasses.replace(facts.item_by_id["f-loose"], cloze=Text("[[中ロ]]関係は同盟ではない。", "[[It]] is no alliance."))
    assert note_form(other) is CardForm.BASIC


def test_a_truefalse_item_is_one_basic_note_showing_a_statement_chosen_by_its_id(facts: Bank) -> None:
    recipe = loads_recipe("name: T\ndescription: {ja: t, en: t}\nselect: {ids: [f-neutral, f-military]}\n", bank=facts)
    notes = {n.fields[0]: n for n in recipe_notes(facts, recipe)}
    fields = {i: dict(zip(FIELDS[CardForm.BASIC], n.fields, strict=True)) for i, n in notes.items()}
    assert {n.form for n in notes.values()} == {CardForm.BASIC}
    assert notes["f-military"].guid == guid_for("f-military", "basic")  # the GUID a Q→A note of the item has
    neutral, military = fields["f-neutral"], fields["f-military"]
    # f-neutral's id picks its true statement, f-military's its false twin
    assert neutral["Question"] == '中国はウクライナでの紛争で中立を主張している。<div class="form">正しい?誤り?</div>'
    assert neutral["QuestionEn"] == "True or false? China claims to be neutral in the conflict in Ukraine."
    assert (neutral["Answer"], neutral["AnswerEn"], neutral["Reading"]) == ("○ 正しい", "True", "")
    assert neutral["Explanation"] == "その中立がどこまで本物かは評価が分かれる。"  # no correction for a true statement
    assert military["Question"].startswith("2024年の報道によれば、中国はロシアに直接的な軍事支援を行っている。")
    assert (military["Answer"], military["AnswerEn"]) == ("× 誤り", "False")
    assert military["Explanation"] == ('<div class="correct"><b>正しくは</b> 2024年の報道によれば、中国はロシアへの'
                                       '直接的な軍事支援を<mark class="changed">控え</mark>ている。</div>'
                                       "経済面ではロシアを支えているとの報道もある。")  # what the false one changed
    assert military["ExplanationEn"] == ('<span class="correct"><b>Correct statement:</b> According to a 2024 report, '
                                         'China <mark class="changed">refrains from</mark> direct military support '
                                         '<mark class="changed">for Russia</mark>.</span><br>'
                                         "Other reports say it supports Russia&#x27;s economy.")
    assert "2024" in military["Source"]  # the rest of the back as on every note: date, sources
    # the choice is the item id's, not the build's: another bank order, another recipe, the same statement
    reordered = dataclasses.replace(facts, items=facts.items[::-1])
    drill = loads_recipe("name: U\ndescription: {ja: u, en: u}\nforms: [cloze, type-in]\n", bank=reordered)
    drilled = [n for n in recipe_notes(reordered, drill) if n.fields[0] in notes]
    assert sorted(n.fields[0] for n in drilled) == ["f-military", "f-neutral"]  # once each, not once per form
    again = {n.fields[0]: n for n in drilled}
    assert {i: n.fields[:6] for i, n in again.items()} == {i: n.fields[:6] for i, n in notes.items()}
    assert {n.form for n in again.values()} == {CardForm.BASIC}  # a drill makes the one note, in its first round


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


def test_learning_order_is_story_by_story_core_first(facts: Bank) -> None:
    recipe = loads_recipe("name: L\ndescription: {ja: l, en: l}\nsubdecks: story\n", bank=facts)
    notes = list(recipe_notes(facts, recipe))
    assert [(n.fields[0], n.deck) for n in notes] == [
        ("f-plan-points", "L::2023-02 中国の和平案(2023年2月)"),  # 2023-02, though written last
        ("f-plan-us-view", "L::2023-02 中国の和平案(2023年2月)"),
        ("f-plan-putin", "L::2023-02 中国の和平案(2023年2月)"),  # detail after core
        ("f-visit-date", "L::2023-03 習近平国家主席のモスクワ訪問(2023年3月)"),  # dated facts before undated
        ("f-visit-city", "L::2023-03 習近平国家主席のモスクワ訪問(2023年3月)"),
        ("f-visit-stance", "L::2023-03 習近平国家主席のモスクワ訪問(2023年3月)"),
        ("f-sco", "L::日付なし 中ロの協力"),  # a story without a date: after the dated ones
        ("f-neutral", "L::日付なし 中ロの協力"),
        ("f-military", "L::日付なし 中ロの協力"),  # details: the dated one first
        ("f-brics", "L::日付なし 中ロの協力"),
        ("f-loose", "L::未分類"),  # no story: last
    ]
    assert [n.due for n in notes] == list(range(1, 12))
    decks = [n.deck for n in notes]
    assert decks == sorted(decks)  # the names sort in learning order, as Anki gathers subdecks


def test_tags_are_all_under_one_prefix_and_actors_are_actors(facts: Bank) -> None:
    recipe = loads_recipe("name: T\ndescription: {ja: t, en: t}\n", bank=facts)
    tags = {n.fields[0]: n.tags for n in recipe_notes(facts, recipe)}
    assert tags["f-visit-stance"] == (
        "quizgen::category::positions", "quizgen::story::moscow-visit", "quizgen::article::s1",
        "quizgen::actor::xi", "quizgen::actor::putin", "quizgen::priority::detail")  # moscow is a place
    assert tags["f-plan-points"][-2:] == ("quizgen::actor::china", "quizgen::priority::core")  # no flat peace-plan
    assert all(t.startswith("quizgen::") and " " not in t for ts in tags.values() for t in ts)


def test_type_in_only_where_typing_works(facts: Bank) -> None:
    typed = {it.id: typed_answer(facts, it) for it in facts.live_items()}
    assert {k: (v.text, v.form, v.unit) for k, v in typed.items() if v} == {
        "f-plan-points": ("12", "半角数字で", "項目"),  # the counter goes after the box
        "f-visit-date": ("2023年3月20日", "「2023年2月24日」の形で(数字は半角)", ""),
        "f-visit-city": ("モスクワ", "カタカナで", ""),
        "f-plan-putin": ("プーチン", "カタカナで", ""),
        "f-brics": ("BRICS", "半角英字で(大文字・小文字も同じに)", ""),
        "f-sco": ("上海協力機構", "漢字で", ""),
        "f-visit-stance": ("大統領続投", "漢字で", ""),
        "f-plan-us-view": ("時間稼ぎ作戦", "漢字で", ""),
        "f-loose": ("パートナーシップ", "カタカナで", ""),
    }
    long = dataclasses.replace(facts.item_by_id["f-loose"], answer=Text("戦略的なパートナーシップ関係", "x"))
    assert typed_answer(facts, long) is None  # too long to type the same way twice
    mixed = dataclasses.replace(facts.item_by_id["f-loose"], answer=Text("G7首脳会議", "x"))
    assert typed_answer(facts, mixed) is None  # two scripts
    fields = ITEM_FORMS[CardForm.TYPE_IN](facts, facts.item_by_id["f-plan-points"]) or ()
    assert "12" in fields and "項目" in fields and "十二項目" not in "".join(fields)  # no "also accepted" list


# --------------------------------------------------------------------------- what a false statement changed


@pytest.mark.parametrize(("true", "false", "changed"), [
    ("中国は平和の使者を演じたい。", "中国は欧米の制裁を恐れる。", ["平和の使者を演じたい"]),
    ("サウジアラビアとイランの仲介", "サウジアラビアとイラクの仲介", ["イラン"]),  # the whole katakana word
    ("中国はロシアへの直接的な軍事支援を控えている。", "中国はロシアに直接的な軍事支援を行っている。", ["控え"]),
    ("The US saw a ploy to buy time.", "The US saw a plan for peace.", ["ploy to buy time"]),
    ("同じ文。", "同じ文。", []),
])
def test_the_words_a_false_statement_changed(true: str, false: str, changed: list[str]) -> None:
    from quizgen.forms import changed_spans
    assert [true[a:b] for a, b in changed_spans(true, false)] == changed


@given(st.text(max_size=40), st.text(max_size=40))
def test_changed_spans_are_ordered_disjoint_parts_of_the_true_statement(true: str, false: str) -> None:
    from quizgen.forms import changed_spans
    spans = changed_spans(true, false)
    ends = [0]
    for a, b in spans:
        assert ends[-1] <= a < b <= len(true)
        ends.append(b)
    if true == false:
        assert spans == ()


def test_the_correction_marks_the_changed_words_escaped() -> None:
    from quizgen.generators.anki.back import marked
    assert marked("A <b> は中国だ", "A <b> はロシアだ") == 'A &lt;b&gt; は<mark class="changed">中国</mark>だ'
