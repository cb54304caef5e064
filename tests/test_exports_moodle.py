"""Moodle XML export, read back as Moodle reads it (`lms_readers.moodle_tree`: xmlize's pieces, PHP's
trim), short answers graded by Moodle's rule and cloze answers by qtype_multianswer's regexes."""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lms_readers import cloze_answers, libxml2_pieces, moodle_matches, moodle_tree, plain

from quizgen import forms
from quizgen.bank import Bank, Category, Evidence, Item, ItemKind, Selection, Source, Text, load_bank
from quizgen.generators.exports import Export, ExportFormat, Lang, export
from quizgen.generators.exports.common import category_path
from quizgen.generators.exports.moodle import cloze_alternatives, shortanswer_answers

FIXTURE = Path(__file__).parent / "data" / "exports" / "bank"

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
    root = moodle_tree(exp.text)
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
    assert exp.summary() == "5 multichoice, 5 truefalse, 6 shortanswer, 1 matching, 3 cloze"
    assert len(questions) == exp.total == 20


def test_every_item_present_in_its_category(bank: Bank, questions: list[tuple[str, ET.Element]]) -> None:
    cats = {_t(q, "name/text"): c for c, q in questions}
    for item in Selection().apply(bank):
        name = f"{item.id}-tf" if item.truefalse else f"{item.id}-sa"  # asked as true/false: that question only
        assert cats[name] == category_path(item) == f"$course$/quizgen/{item.category}/{item.articles[0]}"
    assert [n for n in cats if n.startswith("china-neutrality")] == ["china-neutrality-tf"]
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


def test_an_item_asked_as_true_false_is_one_truefalse_question_whatever_the_seed(bank: Bank) -> None:
    item = bank.item_by_id["china-neutrality"]
    seen = set()
    for seed in range(6):
        root = moodle_tree(export(bank, ExportFormat.MOODLE_XML, rng=random.Random(seed), items=[item]).text)
        (q,) = [q for q in root if q.get("type") != "category"]  # no multichoice, short answer or cloze of it
        assert (q.get("type"), _t(q, "name/text")) == ("truefalse", "china-neutrality-tf")
        is_true = {_t(a, "text"): a.get("fraction") for a in q.findall("answer")} == {"true": "100", "false": "0"}
        seen.add(is_true)
        shown = plain(_t(q, "questiontext/text"))
        feedback = plain(_t(q, "generalfeedback/text"))
        assert shown == (item.statement if is_true else item.false_statement).ja  # type: ignore[union-attr]
        assert ("正しくは: " + item.statement.ja in feedback) is not is_true  # type: ignore[union-attr]
        assert feedback.startswith("正しくは" if not is_true else item.explanation.ja)
    assert seen == {True, False}


def test_matching(bank: Bank, questions: list[tuple[str, ET.Element]]) -> None:
    q = by_name(questions)["matching-000"]
    pairs = {(plain(_t(s, "text")), _t(s, "answer/text")) for s in q.findall("subquestion")}
    assert pairs == {(p.left.ja, p.right.ja) for p in forms.role_pairs(bank, ["000"])}
    assert len(pairs) >= 3


def test_cloze_embedded_answers(bank: Bank, questions: list[tuple[str, ET.Element]]) -> None:
    q = by_name(questions)["sco-founding-cloze"]
    text = _t(q, "questiontext/text")
    blanks = cloze_answers(text)  # part of the answer: its own text only, typed in any width
    assert [[a for a, _ in alts] for alts in blanks] == [["2001", "２００１", "２００１\u3000"], ["上海", "上海\u3000"]]
    assert {f for alts in blanks for _, f in alts} == {1.0}
    assert re.sub(r"\{1:SHORTANSWER:[^}]*\}", "___", text) == "上海協力機構は___年に___で設立された。"
    specials = cloze_answers(_t(by_name(questions)["gift-specials-cloze"], "questiontext/text"))
    item = bank.item_by_id["gift-specials"]
    assert [a for a, _ in specials[0]] == list(shortanswer_answers(cloze_alternatives(
        "A{1}~B=C#D:E\\F", item.answer.ja, bank.accepted(item))))
    assert len(cloze_alternatives("A{1}~B=C#D:E\\F", item.answer.ja, bank.accepted(item))) == 5  # the whole answer
    assert any(moodle_matches(a, "A{1}~B=C#D:E\\F") for a, _ in specials[0])
    markup = _t(by_name(questions)["markup-author-cloze"], "questiontext/text")
    assert markup.startswith("「&lt;b&gt;」と書いたのは{1:SHORTANSWER:=習近平~=Xi Jinping~")


def test_markup_is_escaped_and_feedback_holds_explanation_and_source(questions: list[tuple[str, ET.Element]],
                                                                      exp: Export) -> None:
    q = by_name(questions)["markup-author-mc"]
    text = _t(q, "questiontext/text")
    assert "<script" not in text and plain(text) == "「<b>太字</b>」& <script>alert('x')</script> と書いたのは誰か。"
    assert "<![CDATA[「&lt;b&gt;太字&lt;/b&gt;」&amp; &lt;script&gt;" in exp.text  # HTML-escaped, then in CDATA
    fb = plain(_t(q, "generalfeedback/text"))
    assert fb == ("報道に<i>こう</i>ある & 以上。\n"
                  "出典: テスト通信「中ロ<首脳>会談 & 「新時代」」(2023年3月21日):「習近平国家主席」")
    sco = plain(_t(by_name(questions)["sco-founding-sa"], "generalfeedback/text"))
    assert "日付: 2001年(記事に明記)" in sco  # a dated item says when, and how the date was found
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
        root = moodle_tree(export(bank, ExportFormat.MOODLE_XML, rng=random.Random(0), lang=lang).text)
        q = next(q for q in root if q.findtext("name/text") == "sco-founding-mc")
        assert plain(q.findtext("questiontext/text") or "") == expected
    root = moodle_tree(export(bank, ExportFormat.MOODLE_XML, rng=random.Random(0), lang=Lang.EN).text)
    cloze = next(q for q in root if q.findtext("name/text") == "sco-founding-cloze")
    assert cloze_answers(cloze.findtext("questiontext/text") or "")[1] == [("Shanghai", 1.0), ("Ｓｈａｎｇｈａｉ", 1.0),
                                                                         ("Ｓｈａｎｇｈａｉ\u3000", 1.0)]


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
    root = moodle_tree(export(bank, ExportFormat.MOODLE_XML, rng=random.Random(0)).text)
    qs = {q.findtext("name/text"): q for q in root}
    shown = blank.replace("\x01", "")  # XML cannot hold \x01: the export drops it
    if "\\#" in shown or "\\}" in shown:  # Moodle would read these as escapes: the cloze is left out
        assert "x-cloze" not in qs
        return
    assert plain(qs["x-sa"].findtext("questiontext/text") or "") == prompt.replace("\x01", "").strip()  # Moodle trims
    (alts,) = cloze_answers(qs["x-cloze"].findtext("questiontext/text") or "")
    assert any(moodle_matches(a, blank.replace("\x01", "")) for a, _ in alts)
    assert all(f == 1.0 for _, f in alts)


# --------------------------------------------------------------------------- as Moodle's reader sees it (issue 16)


def test_libxml2_pieces_as_the_model_cuts_them() -> None:
    """The pieces the reader model cuts text into (checked against PHP itself in test_exports_php.py)."""
    assert libxml2_pieces("外相 ‹ロシア&gt; &amp; {代表}") == ["外相 ‹ロシア", ">", " ", "&", " {", "代表}"]
    assert libxml2_pieces("a &amp; 本") == ["a ", "&", " ", "本"]
    assert libxml2_pieces("日" * 150) == ["日" * 100, "日" * 50]  # 300 bytes a piece


def test_every_text_reaches_moodle_whole(exp: Export) -> None:
    """Each element's text as Moodle's reader builds it (pieces of only spaces dropped) is the text an
    XML parser reads: nothing is lost between an `&`, `<` or `>` and what follows."""
    seen = {el: (el.text or "").strip(" \t\n\r\0\x0b") for el in ET.fromstring(exp.text).iter()}  # PHP's trim
    moodle = [(el.text or "") for el in moodle_tree(exp.text).iter()]
    assert moodle == list(seen.values())
    assert "外相 <ロシア> & {代表}" in moodle  # a matching right-hand side: plain text, graded as typed
    assert "<![CDATA[外相 <ロシア> & {代表}]]>" in exp.text


def test_cdata_holds_its_own_end_marker() -> None:
    src = Source("000", "000.txt", Text("見出し", "Headline"), Text("媒体", "Outlet"))
    item = Item("x", Category.POSITIONS, ItemKind.STANCE, Text("a]]>b & c", "p"), Text("x]]>y <z>", "a"),
                Text("説明", "Explanation"), (Evidence("000", "引用"),))
    text = export(Bank(sources=(src,), items=(item,)), ExportFormat.MOODLE_XML, rng=random.Random(0)).text
    assert "<![CDATA[x]]]]><![CDATA[>y <z>]]>" in text
    sa = next(q for q in moodle_tree(text) if q.findtext("name/text") == "x-sa")
    assert sa.findall("answer")[0].findtext("text") == "x]]>y <z>"
    assert plain(sa.findtext("questiontext/text") or "") == "a]]>b & c"


def test_nothing_moodle_rejects_or_guesses(exp: Export) -> None:
    """What qformat_xml (Moodle 4.5 and 5) checks while importing: only core question types, fractions
    from Moodle's grade list, text formats it knows (else it guesses html), names within 255 characters,
    an idnumber used once per category, every category path on the $course$ keyword."""
    root = moodle_tree(exp.text)
    seen: set[tuple[str, str]] = set()
    category = ""
    for q in root:
        qtype = q.get("type")
        assert qtype in {"category", "multichoice", "truefalse", "shortanswer", "matching", "cloze"}
        if qtype == "category":
            category = q.findtext("category/text") or ""
            assert category.startswith("$course$/quizgen/")
            continue
        assert 0 < len(q.findtext("name/text") or "") <= 255
        key = (category, q.findtext("idnumber") or "")
        assert key not in seen
        seen.add(key)
        assert {a.get("fraction") for a in q.iter("answer") if a.get("fraction")} <= {"0", "100"}
        assert {el.get("format") for el in q.iter() if el.get("format")} <= {"html", "moodle_auto_format"}
        assert q.findtext("penalty") in ("0.3333333", "1")
