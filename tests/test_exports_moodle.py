"""Moodle XML export, parsed back with ElementTree; cloze answers with a port of Moodle's
embedded-answer regexes (question/type/multianswer/questiontype.php)."""

from __future__ import annotations

import html
import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quizgen import forms
from quizgen.bank import Bank, Category, Evidence, Item, ItemKind, Selection, Source, Text, load_bank
from quizgen.generators.exports import Export, ExportFormat, Lang, export
from quizgen.generators.exports.common import category_path
from quizgen.generators.exports.moodle import cloze_alternatives, shortanswer_answers

FIXTURE = Path(__file__).parent / "data" / "exports" / "bank"

# Moodle's ANSWER_ALTERNATIVE_REGEX, with its variable-width look-behind split in three.
_ALT = r"(=|%(-?[0-9]+(?:[.,][0-9]*)?)%)?(.+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$))(#(.*?(?<!\\)(?=[~}]|$)))?"
_ANSWER = re.compile(r"\{([0-9]*):(SHORTANSWER|SA|MW):(" + _ALT + "(~" + _ALT + r")*)\}", re.S)


def cloze_answers(questiontext: str) -> list[list[tuple[str, float]]]:
    """Every embedded SHORTANSWER's alternatives (answer, fraction), as Moodle stores them."""
    out = []
    for m in _ANSWER.finditer(questiontext):
        rest, alts = m.group(3), []
        while (a := re.match("~?" + _ALT, rest, re.S)):
            frac = 1.0 if a.group(1) == "=" else float(a.group(2)) / 100 if a.group(2) else 0.0
            ans = html.unescape(a.group(3)).replace("\\}", "}").replace("\\#", "#")
            alts.append((ans, frac))
            rest = rest[len(a.group(0)):]
        out.append(alts)
    return out


def moodle_matches(pattern: str, typed: str) -> bool:
    bits = re.split(r"(?<!\\)\*+", pattern)
    return re.fullmatch(".*".join(re.escape(b.replace("\\*", "*")) for b in bits), typed.strip(),
                        re.IGNORECASE | re.DOTALL) is not None


def plain(html_text: str) -> str:
    s = re.sub(r"<br>\n?", "\n", html_text)
    s = re.sub(r"</p>\n?<p>", "\n", s).removeprefix("<p>").removesuffix("</p>")
    return html.unescape(s)


def _t(el: ET.Element, path: str) -> str:
    found = el.find(path)
    assert found is not None, path
    return found.text or ""


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(FIXTURE)


@pytest.fixture(scope="module")
def exp(bank: Bank) -> Export:
    return export(bank, ExportFormat.MOODLE_XML, rng=random.Random(0))


@pytest.fixture(scope="module")
def questions(exp: Export) -> list[tuple[str, ET.Element]]:
    """(category, question) for every real question, in file order."""
    root = ET.fromstring(exp.text.encode("utf-8"))
    assert root.tag == "quiz"
    out, cat = [], ""
    for q in root:
        if q.get("type") == "category":
            cat = _t(q, "category/text")
        else:
            out.append((cat, q))
    return out


def by_name(questions: list[tuple[str, ET.Element]]) -> dict[str, ET.Element]:
    return {_t(q, "name/text"): q for _, q in questions}


def test_well_formed_with_unique_names_and_idnumbers(exp: Export, questions: list[tuple[str, ET.Element]]) -> None:
    assert exp.text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    names = [_t(q, "name/text") for _, q in questions]
    assert len(names) == len(set(names))
    assert [_t(q, "idnumber") for _, q in questions] == names
    assert exp.summary() == "5 multichoice, 4 truefalse, 6 shortanswer, 1 matching, 3 cloze"
    assert len(questions) == exp.total == 19


def test_every_item_present_in_its_category(bank: Bank, questions: list[tuple[str, ET.Element]]) -> None:
    cats = {_t(q, "name/text"): c for c, q in questions}
    for item in Selection().apply(bank):
        assert cats[f"{item.id}-sa"] == category_path(item) == f"$course$/quizgen/{item.category}/{item.articles[0]}"
    assert not any(n.startswith("draft-item") for n in cats)
    assert cats["matching-000"] == "$course$/quizgen/actors/000"


def test_multichoice_fractions(bank: Bank, questions: list[tuple[str, ET.Element]]) -> None:
    for _, q in questions:
        if q.get("type") != "multichoice":
            continue
        item = bank.item_by_id[_t(q, "name/text").removesuffix("-mc")]
        answers = [(plain(_t(a, "text")), a.get("fraction", "")) for a in q.findall("answer")]
        assert sorted(f for _, f in answers) == ["0", "0", "0", "100"]
        assert [t for t, f in answers if f == "100"] == [item.answer.ja]
        assert _t(q, "single") == "true"
        assert plain(_t(q, "questiontext/text")) == item.prompt.ja


def test_shortanswer_every_accepted_alternative_at_100(bank: Bank, questions: list[tuple[str, ET.Element]]) -> None:
    for _, q in questions:
        if q.get("type") != "shortanswer":
            continue
        item = bank.item_by_id[_t(q, "name/text").removesuffix("-sa")]
        answers = [(_t(a, "text"), a.get("fraction")) for a in q.findall("answer")]
        assert {f for _, f in answers} == {"100"}
        assert [a for a, _ in answers] == list(shortanswer_answers(bank.accepted(item)))
        for typed in bank.accepted(item):
            assert any(moodle_matches(a, typed) for a, _ in answers), typed
    sa = by_name(questions)["gift-specials-sa"]
    patterns = [_t(a, "text") for a in sa.findall("answer")]
    assert "x\\*y" in patterns and not any(moodle_matches(p, "xzzzy") for p in patterns)


def test_truefalse(bank: Bank, questions: list[tuple[str, ET.Element]]) -> None:
    for _, q in questions:
        if q.get("type") != "truefalse":
            continue
        item = bank.item_by_id[_t(q, "name/text").removesuffix("-tf")]
        fr = {_t(a, "text"): a.get("fraction") for a in q.findall("answer")}
        is_true = fr == {"true": "100", "false": "0"}
        assert is_true or fr == {"true": "0", "false": "100"}
        assert plain(_t(q, "questiontext/text")) == (item.statement if is_true else item.false_statement).ja  # type: ignore[union-attr]


def test_matching(bank: Bank, questions: list[tuple[str, ET.Element]]) -> None:
    q = by_name(questions)["matching-000"]
    pairs = {(plain(_t(s, "text")), _t(s, "answer/text")) for s in q.findall("subquestion")}
    assert pairs == {(p.left.ja, p.right.ja) for p in forms.role_pairs(bank, ["000"])}
    assert len(pairs) >= 3


def test_cloze_embedded_answers(bank: Bank, questions: list[tuple[str, ET.Element]]) -> None:
    q = by_name(questions)["sco-founding-cloze"]
    text = _t(q, "questiontext/text")
    assert cloze_answers(text) == [[("2001", 1.0)], [("上海", 1.0)]]  # part of the answer: its own text only
    assert re.sub(r"\{1:SHORTANSWER:[^}]*\}", "___", text) == "上海協力機構は___年に___で設立された。"
    specials = cloze_answers(_t(by_name(questions)["gift-specials-cloze"], "questiontext/text"))
    item = bank.item_by_id["gift-specials"]
    assert [a for a, _ in specials[0]] == list(shortanswer_answers(cloze_alternatives(
        "A{1}~B=C#D:E\\F", item.answer.ja, bank.accepted(item))))
    assert len(specials[0]) == 5  # the whole answer: every accepted spelling
    assert any(moodle_matches(a, "A{1}~B=C#D:E\\F") for a, _ in specials[0])
    markup = _t(by_name(questions)["markup-author-cloze"], "questiontext/text")
    assert markup.startswith("「&lt;b&gt;」と書いたのは{1:SHORTANSWER:=習近平~=Xi Jinping~")


def test_markup_is_escaped_and_feedback_holds_explanation_and_source(questions: list[tuple[str, ET.Element]],
                                                                      exp: Export) -> None:
    q = by_name(questions)["markup-author-mc"]
    text = _t(q, "questiontext/text")
    assert "<script" not in text and plain(text) == "「<b>太字</b>」& <script>alert('x')</script> と書いたのは誰か。"
    assert "&amp;lt;script&amp;gt;" in exp.text  # HTML-escaped, then XML-escaped
    fb = plain(_t(q, "generalfeedback/text"))
    assert fb == ("記事000に<i>こう</i>ある & 以上。\n"
                  "出典: 記事000「中ロ<首脳>会談 & 「新時代」」(テスト通信、2023-03-21):「習近平国家主席」")
    tf = by_name(questions)["gift-specials-tf"]
    assert plain(_t(tf, "generalfeedback/text")).startswith("記号: ~ = # { } : \\ を含む。\n記事外の情報:背景説明 & 補足。")


def test_warnings(exp: Export) -> None:
    assert [str(w) for w in exp.warnings] == [
        "moodle-xml: few-distractors (multichoice): skipped: only 1 distinct distractor; four options need 3",
        "moodle-xml: matching@001 (matching): skipped: article 001 names only 1 distinct person–title pair; "
        "a matching question needs 3",
    ]


def test_english_and_both(bank: Bank) -> None:
    for lang, expected in ((Lang.EN, "In what year was the SCO founded?"),
                           (Lang.BOTH, "上海協力機構が設立されたのは何年か。\nIn what year was the SCO founded?")):
        root = ET.fromstring(export(bank, ExportFormat.MOODLE_XML, rng=random.Random(0), lang=lang).text)
        q = next(q for q in root if q.findtext("name/text") == "sco-founding-mc")
        assert plain(q.findtext("questiontext/text") or "") == expected
    root = ET.fromstring(export(bank, ExportFormat.MOODLE_XML, rng=random.Random(0), lang=Lang.EN).text)
    cloze = next(q for q in root if q.findtext("name/text") == "sco-founding-cloze")
    assert cloze_answers(cloze.findtext("questiontext/text") or "")[1] == [("Shanghai", 1.0)]


_NASTY = st.text(alphabet=st.sampled_from(list("~=#{}:\\<>&*%[]->/ 日本語aZ\"'|;\x01")), min_size=1, max_size=30)


@settings(max_examples=150, deadline=None)
@given(blank=_NASTY.filter(lambda s: s.replace("\x01", "").strip()), prompt=_NASTY.filter(lambda s: s.strip()))
@example(blank="\\\x01#", prompt=":")  # an escape that appears once the \x01 between its characters is dropped
def test_any_text_survives_xml_and_cloze(blank: str, prompt: str) -> None:
    src = Source("000", "000.txt", Text("見出し", "Headline"), Text("媒体", "Outlet"))
    item = Item("x", Category.POSITIONS, ItemKind.STANCE, Text(prompt, prompt), Text(blank, blank),
                Text("説明", "Explanation"), (Evidence("000", "引用"),), cloze=Text(f"前[[{blank}]]後", "a [[b]] c"))
    bank = Bank(sources=(src,), items=(item,))
    if "[" in blank or "]" in blank:  # would change where the [[...]] blank ends
        return
    root = ET.fromstring(export(bank, ExportFormat.MOODLE_XML, rng=random.Random(0)).text)
    qs = {q.findtext("name/text"): q for q in root}
    shown = blank.replace("\x01", "")  # XML cannot hold \x01: the export drops it
    if "\\#" in shown or "\\}" in shown:  # Moodle would read these as escapes: the cloze is left out
        assert "x-cloze" not in qs
        return
    assert plain(qs["x-sa"].findtext("questiontext/text") or "") == prompt.replace("\x01", "")
    (alts,) = cloze_answers(qs["x-cloze"].findtext("questiontext/text") or "")
    assert any(moodle_matches(a, blank.replace("\x01", "")) for a, _ in alts)
    assert all(f == 1.0 for _, f in alts)
