"""GIFT export, read back with a small GIFT reader that follows Moodle's own importer
(question/format/gift/format.php: escapes, names, [format], answer section, ####feedback,
question-type detection and per-type parsing)."""

from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen import forms
from quizgen.bank import Bank, Category, Evidence, Item, ItemKind, Selection, Source, Text, load_bank
from quizgen.generators.exports import ExportFormat, Lang, export
from quizgen.generators.exports.common import category_path
from quizgen.generators.exports.gift import escape
from quizgen.generators.exports.moodle import cloze_alternatives, shortanswer_answers

FIXTURE = Path(__file__).parent / "data" / "exports" / "bank"

# --------------------------------------------------------------------------- the reader

_ESCAPES = {"\\:": "&&058;", "\\#": "&&035;", "\\=": "&&061;", "\\{": "&&123;", "\\}": "&&125;",
            "\\~": "&&126;", "\\n": "&&010"}
_CHARS = {"&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{", "&&125;": "}", "&&126;": "~", "&&010": "\n"}
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")


def _pre(s: str) -> str:
    s = s.replace("\\\\", "&&092;")
    for esc, ph in _ESCAPES.items():
        s = s.replace(esc, ph)
    return s.replace("&&092;", "\\")


def _post(s: str) -> str:
    for ph, ch in _CHARS.items():
        s = s.replace(ph, ch)
    return s


def _with_format(text: str, default: str = "moodle") -> tuple[str, str]:
    fmt = default
    if text.startswith("["):
        end = text.find("]")
        if end > 0 and text[1:end] in ("moodle", "html", "plain", "markdown"):
            fmt, text = text[1:end], text[end + 1:]
    return _post(text).strip(), fmt


@dataclass
class GiftQuestion:
    category: str | None
    name: str
    qtype: str
    text: str
    format: str
    general_feedback: str
    answers: list[tuple[str, float]] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    correct: bool | None = None
    idnumber: str = ""
    tags: list[str] = field(default_factory=list)


def read_gift(source: str) -> list[GiftQuestion]:
    out: list[GiftQuestion] = []
    category: str | None = None
    for lines in _blocks(source):
        comments = "".join(ln.strip() + "\n" for ln in lines if ln.strip().startswith("//"))
        lines = [" " if ln.strip().startswith("//") else ln for ln in lines]
        text = "\n".join(lines).strip()
        if not text:
            continue
        text = _pre(text)
        if text.startswith("$CATEGORY:"):
            category = text[10:].strip()
            continue
        out.append(_question(text, comments, category))
    return out


def _blocks(source: str) -> list[list[str]]:
    """The lines of each block (questions are separated by blank lines)."""
    blocks: list[list[str]] = []
    cur: list[str] = []
    for line in source.split("\n"):
        if line.strip() == "":
            if cur:
                blocks.append(cur)
            cur = []
        else:
            cur.append(line)
    if cur:
        blocks.append(cur)
    return blocks


def _question(text: str, comments: str, category: str | None) -> GiftQuestion:
    assert text.startswith("::"), text
    end = text.index("::", 2)
    name, text = _post(text[2:end]), text[end + 2:].strip()
    start, finish = text.find("{"), text.find("}")
    assert start >= 0 and finish > start, f"{name}: braces"
    answertext = text[start + 1:finish].strip()
    blank = "" if text.endswith("}") else "_____"  # the missing-word form
    qtext = text[:start] + blank + text[finish + 1:]
    gf = ""
    if "####" in answertext:
        k = answertext.rindex("####")
        gf, answertext = answertext[k + 4:], answertext[:k].strip()
    qtext, fmt = _with_format(qtext)
    gf, _ = _with_format(gf, fmt)
    m = re.search(r"\[id:((?:\\]|[^]\x00-\x1f])+)]", comments)
    q = GiftQuestion(category, name, "", qtext, fmt, gf, idnumber=m.group(1).strip() if m else "",
                     tags=[t.strip() for t in re.findall(r"\[tag:((?:\\]|[^]<>`\x00-\x1f])+)]", comments)])
    _read_answers(q, answertext, fmt)
    return q


def _read_answers(q: GiftQuestion, answertext: str, fmt: str) -> None:
    """The question type and its answers, pairs or truth, from the text between the braces."""
    if answertext.startswith("#"):
        q.qtype = "numerical"
    elif "~" in answertext:
        q.qtype = "multichoice"
        parts = answertext.replace("=", "~=").split("~")
        parts = [p for p in parts if p.strip()] if not parts[0].strip() else parts
        q.answers += [_weighted(p.strip(), fmt, 0.0) for p in parts]
    elif "=" in answertext and "->" in answertext:
        q.qtype = "match"
        for p in [p for p in answertext.split("=") if p.strip()]:
            p = p.strip()
            k = p.index("->")
            q.pairs.append((_with_format(p[:k].strip(), fmt)[0], _post(p[k + 2:]).strip()))
    elif answertext.split("#", 1)[0].strip() in ("T", "TRUE", "F", "FALSE"):
        q.qtype = "truefalse"
        q.correct = answertext.split("#", 1)[0].strip() in ("T", "TRUE")
    else:
        q.qtype = "shortanswer"
        q.answers += [_weighted(p.strip(), fmt, 1.0) for p in answertext.split("=") if p.strip()]


def _weighted(p: str, fmt: str, weight: float) -> tuple[str, float]:
    """One answer with its weight: `=` full marks, `%50%` half, else `weight`; feedback after `#` dropped."""
    if p.startswith("="):
        weight, p = 1.0, p[1:]
    elif _WEIGHT.match(p):
        weight, p = float(p[1:p.index("%", 1)]) / 100, p[p.index("%", 1) + 1:]
    return _with_format(p.split("#", 1)[0].strip(), fmt)[0], weight


def plain(html_text: str) -> str:
    """What a reader sees of our HTML: paragraphs and <br> as line breaks, entities decoded."""
    s = re.sub(r"<br>\n?", "\n", html_text)
    s = re.sub(r"</p>\n?<p>", "\n", s).removeprefix("<p>").removesuffix("</p>")
    return html.unescape(s)


def moodle_matches(pattern: str, typed: str) -> bool:
    """Moodle's shortanswer compare_string_with_wildcard (case-insensitive)."""
    bits = re.split(r"(?<!\\)\*+", pattern)
    regexp = ".*".join(re.escape(b.replace("\\*", "*")) for b in bits)
    return re.fullmatch(regexp, typed.strip(), re.IGNORECASE | re.DOTALL) is not None


# --------------------------------------------------------------------------- tests


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(FIXTURE)


def _gift(bank: Bank, lang: Lang = Lang.JA, seed: int = 0) -> tuple[list[GiftQuestion], object]:
    exp = export(bank, ExportFormat.GIFT, rng=random.Random(seed), lang=lang)
    return read_gift(exp.text), exp


def test_every_selected_item_is_present_with_the_expected_types(bank: Bank) -> None:
    qs, exp = _gift(bank)
    names = {q.name: q for q in qs}
    assert len(names) == len(qs), "question names are unique"
    live = Selection().apply(bank)
    assert "draft-item" not in {i.id for i in live}
    for item in live:
        assert names[f"{item.id}-sa"].qtype == "shortanswer"
        assert names[f"{item.id}-sa"].category == category_path(item)
        assert names[f"{item.id}-sa"].idnumber == f"{item.id}-sa"
        assert "category::" + item.category.value in names[f"{item.id}-sa"].tags
    assert {n for n in names if n.endswith("-mc")} == {"markup-author-mc", "gift-specials-mc", "sco-founding-mc",
                                                         "long-texts-mc", "lavrov-title-mc"}
    assert {n for n in names if n.endswith("-tf")} == {"markup-author-tf", "gift-specials-tf", "sco-founding-tf",
                                                         "lavrov-title-tf"}
    assert {n for n in names if n.endswith("-cloze")} == {"markup-author-cloze", "gift-specials-cloze"}
    assert not any(n.startswith("draft-item") for n in names)
    assert exp.summary() == "5 multichoice, 4 truefalse, 6 shortanswer, 1 matching, 2 cloze"  # type: ignore[attr-defined]


def test_warnings_name_the_item_and_the_reason(bank: Bank) -> None:
    _, exp = _gift(bank)
    assert [str(w) for w in exp.warnings] == [  # type: ignore[attr-defined]
        "gift: gift-specials (shortanswer): accepted answer 'a->b' left out: "
        "GIFT would read '->' as a matching question",
        "gift: sco-founding (cloze): skipped: it has 2 blanks; GIFT's missing-word format holds one "
        "(it is in the Moodle XML export)",
        "gift: few-distractors (multichoice): skipped: only 1 distinct distractor; four options need 3",
        "gift: matching@001 (matching): skipped: article 001 names only 1 distinct person–title pair; "
        "a matching question needs 3",
    ]


def test_multichoice_has_one_right_answer_and_the_texts_survive(bank: Bank) -> None:
    qs, _ = _gift(bank)
    for q in (q for q in qs if q.qtype == "multichoice"):
        item = bank.item_by_id[q.name.removesuffix("-mc")]
        assert q.format == "html"
        assert plain(q.text) == item.prompt.ja
        right = [plain(a) for a, w in q.answers if w == 1.0]
        assert right == [item.answer.ja]
        assert len(q.answers) == 4 and sorted(w for _, w in q.answers) == [0, 0, 0, 1]


def test_markup_is_shown_not_obeyed(bank: Bank) -> None:
    qs, _ = _gift(bank)
    q = next(q for q in qs if q.name == "markup-author-mc")
    assert "<script>" not in q.text and "&lt;script&gt;" in q.text
    assert plain(q.text) == "「<b>太字</b>」& <script>alert('x')</script> と書いたのは誰か。"
    assert plain(q.general_feedback).startswith("記事000に<i>こう</i>ある & 以上。\n出典: 記事000「中ロ<首脳>会談 & 「新時代」」")


def test_gift_specials_in_japanese_text_round_trip(bank: Bank) -> None:
    qs, _ = _gift(bank)
    item = bank.item_by_id["gift-specials"]
    mc = next(q for q in qs if q.name == "gift-specials-mc")
    assert plain(mc.text) == "見出し「中ロ{蜜月}~新時代=#1: 50%\\」の記号を含む答えは何か。"
    assert {plain(a) for a, _ in mc.answers} == {"A{1}~B=C#D:E\\F", "=等号で始まる", "~チルダ#シャープ", "[html]<b>角括弧</b>"}
    assert "記号: ~ = # { } : \\ を含む。" in plain(mc.general_feedback)
    assert "記事外の情報:背景説明 & 補足。" in plain(mc.general_feedback)
    sa = next(q for q in qs if q.name == "gift-specials-sa")
    assert [a for a, _ in sa.answers] == ["A{1}~B=C#D:E\\F", "x\\*y", "%50%off", "[html]x"]
    assert all(w == 1.0 for _, w in sa.answers)
    for typed in ("A{1}~B=C#D:E\\F", "x*y", "%50%off", "[html]x"):
        assert any(moodle_matches(a, typed) for a, _ in sa.answers), typed
    assert not any(moodle_matches(a, "xANYTHINGy") for a, _ in sa.answers), "* must not be a wildcard"
    tf = next(q for q in qs if q.name == "gift-specials-tf")
    assert (tf.correct, plain(tf.text)) == (False, item.false_statement.ja)  # type: ignore[union-attr]


def test_shortanswer_holds_every_accepted_spelling(bank: Bank) -> None:
    qs, _ = _gift(bank)
    for q in (q for q in qs if q.name.endswith("-sa")):
        item = bank.item_by_id[q.name.removesuffix("-sa")]
        expected = [a for a in shortanswer_answers(bank.accepted(item)) if "->" not in a]
        assert [a for a, _ in q.answers] == expected
        assert plain(q.text) == item.prompt.ja


def test_truefalse_and_its_feedback(bank: Bank) -> None:
    qs, _ = _gift(bank, seed=1)
    for q in (q for q in qs if q.qtype == "truefalse"):
        item = bank.item_by_id[q.name.removesuffix("-tf")]
        assert plain(q.text) == (item.statement if q.correct else item.false_statement).ja  # type: ignore[union-attr]
        if not q.correct and item.statement is not None:
            assert plain(q.general_feedback).startswith(f"正しくは: {item.statement.ja}")


def test_cloze_is_a_missing_word_question(bank: Bank) -> None:
    qs, _ = _gift(bank)
    q = next(q for q in qs if q.name == "markup-author-cloze")
    assert q.qtype == "shortanswer"
    assert plain(q.text) == "「<b>」と書いたのは_____国家主席だ。"
    item = bank.item_by_id["markup-author"]
    assert [a for a, _ in q.answers] == ["習近平", "Xi Jinping", "しゅうきんぺい", "習主席", "Xi"]
    assert [a for a, _ in q.answers] == list(cloze_alternatives("習近平", item.answer.ja, bank.accepted(item)))


def test_matching_pairs_are_the_articles_roles(bank: Bank) -> None:
    qs, _ = _gift(bank)
    q = next(q for q in qs if q.qtype == "match")
    assert q.name == "matching-000" and q.category == "$course$/quizgen/actors/000"
    expected = {(p.left.ja, p.right.ja) for p in forms.role_pairs(bank, ["000"])}
    assert {(plain(left), right) for left, right in q.pairs} == expected
    assert ("ラブロフ", "外相 <ロシア> & {代表}") in {(plain(left), right) for left, right in q.pairs}


def test_both_languages(bank: Bank) -> None:
    qs, _ = _gift(bank, Lang.BOTH)
    q = next(q for q in qs if q.name == "sco-founding-mc")
    assert plain(q.text) == "上海協力機構が設立されたのは何年か。\nIn what year was the SCO founded?"
    assert "2001年 / 2001" in {plain(a) for a, w in q.answers if w}


def test_same_seed_same_file_and_a_different_seed_reorders(bank: Bank) -> None:
    a = export(bank, ExportFormat.GIFT, rng=random.Random(5)).text
    assert a == export(bank, ExportFormat.GIFT, rng=random.Random(5)).text
    assert any(export(bank, ExportFormat.GIFT, rng=random.Random(s)).text != a for s in range(6, 10))


# --------------------------------------------------------------------------- invariants

_NASTY = st.text(alphabet=st.sampled_from(list("~=#{}:\\<>&*%[]->/ 日本語aZ\"'|\t\n")), min_size=1, max_size=30)


def _one_item_bank(prompt: str, answer: str, wrong: list[str]) -> Bank:
    src = Source("000", "000.txt", Text("見出し", "Headline"), Text("媒体", "Outlet"))
    item = Item("x", Category.POSITIONS, ItemKind.STANCE, Text(prompt, prompt), Text(answer, answer),
                Text("説明", "Explanation"), (Evidence("000", "引用"),),
                distractors=tuple(Text(w, w) for w in wrong))
    return Bank(sources=(src,), items=(item,))


@settings(max_examples=150, deadline=None)
@given(prompt=_NASTY.filter(lambda s: s.strip()), answer=_NASTY.filter(lambda s: s.strip()))
def test_escaping_round_trips_any_text(prompt: str, answer: str) -> None:
    wrong = [f"誤答{k}" for k in range(3)]
    bank = _one_item_bank(prompt, answer, wrong)
    qs = {q.name: q for q in read_gift(export(bank, ExportFormat.GIFT, rng=random.Random(0)).text)}
    mc, sa = qs["x-mc"], qs["x-sa"]
    assert plain(mc.text).strip() == prompt.strip()
    assert [plain(a).strip() for a, w in mc.answers if w == 1.0] == [answer.strip()]
    if "->" not in answer:
        assert len(sa.answers) == 1 and moodle_matches(sa.answers[0][0], answer.strip())


@given(st.text(min_size=0, max_size=40))
def test_escape_is_undone_by_moodles_unescape(text: str) -> None:
    assert _post(_pre(escape(text))) == text.replace("\r", "")
