"""Worksheets: question selection, variants, HTML and the `quizgen worksheet` command (no PDF rendering here)."""

from __future__ import annotations

import base64
import datetime as dt
import io
import random
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen import resources
from quizgen.bank import Bank, Selection, load_bank
from quizgen.cli import cli
from quizgen.errors import QuizgenError
from quizgen.generators.worksheet import (
    ChoiceQ,
    ClozeQ,
    Exercise,
    Lang,
    MatchingQ,
    TimelineQ,
    TrueFalseQ,
    Worksheet,
    WorksheetOptions,
    build_worksheet,
    key_entries,
    parse_types,
    question_items,
    question_key,
    visible_texts,
)
from quizgen.generators.worksheet.render import Part, render, sheet_sources
from quizgen.generators.worksheet.write import render_documents, write_worksheet

DATA = Path(__file__).parent / "data" / "worksheet"
DAY = dt.date(2025, 3, 1)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA)


def make(bank: Bank, seed: int = 1, **kw: object) -> Worksheet:
    opts = WorksheetOptions(**{"count": 9, "seed": seed, **kw})  # type: ignore[arg-type]
    return build_worksheet(bank, Selection().apply(bank), opts, random.Random(seed), DAY)


def invoke(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(cli, ["worksheet", "--bank", str(DATA), *args])
    return res.exit_code, res.output


def plain(html: str) -> str:
    """Visible text of an HTML document: tags, <rt> readings and whitespace removed, entities decoded."""
    import html as h

    html = re.sub(r"<style.*?</style>|<rt>.*?</rt>|<title>.*?</title>", "", html, flags=re.S)
    return re.sub(r"\s+", "", h.unescape(re.sub(r"<[^>]+>", "", html)))


# --------------------------------------------------------------------------- options and errors


def test_parse_types_accepts_commas_and_repeats() -> None:
    assert parse_types(["short, choice", "cloze", "short"]) == (Exercise.SHORT, Exercise.CHOICE, Exercise.CLOZE)


@pytest.mark.parametrize(("args", "message"), [
    (["--types", "short,essay"],
     "Error: unknown question type 'essay' in --types; choose from short, choice, truefalse, cloze, matching, timeline\n"),
    (["--count", "0"], "Error: --count must be at least 1, not 0\n"),
    (["--count", "50"],
     "Error: --count 50 is more than the 9 questions in the selection; use --count 9 or fewer, or widen the selection\n"),
    (["--count", "5", "--article", "999"], "Error: --article 999: no such article; the bank has 100, 101\n"),
    (["--variants", "0"], "Error: --variants must be between 1 and 26, not 0\n"),
    (["--types", "timeline", "--count", "2"],
     "Error: only 1 timeline exercise can be made from this selection (2 asked for): "
     "no timeline exercise: the selection has fewer than 3 events with distinct dates\n"),
    (["--types", "matching,cloze", "--count", "9"],
     "Error: only 7 questions of the types matching, cloze can be made from this selection (9 asked for); "
     "use a smaller --count or add --types\n"),
])
def test_bad_options_are_clear_usage_errors(args: list[str], message: str, tmp_path: Path) -> None:
    code, out = invoke(*args, "-o", str(tmp_path))
    assert (code, out) == (2, message)
    assert list(tmp_path.iterdir()) == []


def test_a_selection_of_nothing_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    code, out = invoke("--priority", "core", "-o", str(tmp_path))
    assert (code, out) == (1, "Error: no items match --priority core; "
                              "`quizgen topics` shows how many items each filter holds\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("options", "message"), [
    (WorksheetOptions(count=0), "count must be at least 1, not 0"),
    (WorksheetOptions(variants=27), "variants must be between 1 and 26, not 27"),
    (WorksheetOptions(types=()), "types names no question type"),
    (WorksheetOptions(title=" "), "title must not be empty"),
])
def test_the_library_names_fields_not_flags(options: WorksheetOptions, message: str) -> None:
    with pytest.raises(QuizgenError) as err:
        options.check()
    assert str(err.value) == message  # the CLI test above shows the same error spelled with its flag


def test_help_lists_every_option() -> None:
    res = CliRunner().invoke(cli, ["worksheet", "--help"])
    assert res.exit_code == 0
    for opt in ("--count", "--category", "--article", "--tag", "--types", "--lang", "--seed", "--variants",
                "--title", "--format", "--furigana", "--out"):
        assert opt in res.output


# --------------------------------------------------------------------------- selection


def test_count_and_types_are_respected(bank: Bank) -> None:
    ws = make(bank, count=6, types=(Exercise.CHOICE, Exercise.TRUEFALSE))
    qs = [q for _, q in ws.variants[0].questions()]
    assert len(qs) == 6 == ws.count
    assert Counter(type(q) for q in qs) == {ChoiceQ: 3, TrueFalseQ: 3}


@pytest.mark.parametrize("seed", range(6))
def test_no_question_on_a_sheet_prints_another_ones_answer(bank: Bank, seed: int) -> None:
    import dataclasses

    from quizgen.bank import Text

    items = [i for i in Selection().apply(bank) if i.kind.value != "role"][:4]
    asker, answered = items[0], items[1]  # the first prints the second's answer, as two drafts of one sentence would
    leaky = dataclasses.replace(asker, prompt=Text(f"{answered.answer.ja}について: {asker.prompt.ja}", asker.prompt.en))
    pool = [leaky, *items[1:]]
    opts = WorksheetOptions(count=3, types=(Exercise.SHORT,), seed=seed)
    ws = build_worksheet(bank, pool, opts, random.Random(seed), DAY)
    chosen = {i.id for _, q in ws.variants[0].questions() for i in question_items(q)}
    assert not {asker.id, answered.id} <= chosen  # three of the four can always avoid the pair


def test_every_type_gets_a_section_and_numbers_run_on(bank: Bank) -> None:
    ws = make(bank, count=6)
    v = ws.variants[0]
    assert [s.type for s in v.sections] == list(Exercise)
    assert [n for n, _ in v.questions()] == list(range(1, 7))
    timeline = next(q for _, q in v.questions() if isinstance(q, TimelineQ))
    assert len(timeline.shown) == 5 and timeline.shown != timeline.chronological
    matching = next(q for _, q in v.questions() if isinstance(q, MatchingQ))
    assert len(matching.lefts) == 4  # the fixture has four people with roles
    assert all(left != right for left, right in zip(matching.lefts, matching.rights, strict=True))


def test_timeline_shrinks_to_leave_items_for_other_questions(bank: Bank) -> None:
    ws = make(bank, count=8)
    assert ws.count == 8
    timeline = next(q for _, q in ws.variants[0].questions() if isinstance(q, TimelineQ))
    assert len(timeline.shown) == 3


def test_no_item_is_asked_twice_and_drafts_are_skipped(bank: Bank) -> None:
    ws = make(bank, count=9, types=(Exercise.SHORT, Exercise.CLOZE, Exercise.TIMELINE))
    ids = [i.id for _, q in ws.variants[0].questions() for i in question_items(q)]
    assert len(ids) == len(set(ids))
    assert "t-draft" not in ids


def test_matching_never_sits_beside_a_question_it_answers(bank: Bank) -> None:
    # t-wang-yi-title asks Wang Yi's title, which the matching exercise would give away.
    ws = make(bank, count=6, types=(Exercise.MATCHING, Exercise.SHORT))
    ids = {i.id for _, q in ws.variants[0].questions() for i in question_items(q)}
    assert "t-wang-yi-title" not in ids and "t-lavrov-visit" not in ids


# --------------------------------------------------------------------------- variants and seeds


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32), variants=st.integers(2, 4))
def test_variants_share_content_and_differ_only_in_order(bank: Bank, seed: int, variants: int) -> None:
    ws = make(bank, seed=seed, count=8, variants=variants)
    contents = [sorted(question_key(q) for _, q in v.questions()) for v in ws.variants]
    assert all(c == contents[0] for c in contents)
    # the sections, their sizes and the numbering are the same in every variant
    shape = [[(s.type, s.first, len(s.questions)) for s in v.sections] for v in ws.variants]
    assert all(s == shape[0] for s in shape)
    # every variant's key answers its own question order
    for v in ws.variants:
        for entry, (n, q) in zip(key_entries(bank, ws, v), v.questions(), strict=True):
            assert entry.number == n
            if isinstance(q, ChoiceQ):
                assert entry.answer.ja == f"{ws.letters()[q.mc.answer_index]} {q.mc.item.answer.ja}"


def test_variants_really_are_in_different_orders(bank: Bank) -> None:
    ws = make(bank, seed=7, count=9, variants=3)
    orders = [[repr(q) for _, q in v.questions()] for v in ws.variants]
    assert len({tuple(o) for o in orders}) == 3


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 2**32))
def test_same_seed_same_worksheet(bank: Bank, seed: int) -> None:
    a = render_documents(bank, make(bank, seed=seed, variants=2))
    b = render_documents(bank, make(bank, seed=seed, variants=2))
    assert a == b


def test_different_seeds_give_different_worksheets(bank: Bank) -> None:
    assert render_documents(bank, make(bank, seed=1)) != render_documents(bank, make(bank, seed=2))


# --------------------------------------------------------------------------- HTML


def test_bank_text_is_escaped(bank: Bank) -> None:
    ws = make(bank, count=9, types=(Exercise.SHORT,), lang=Lang.BOTH, furigana=True)
    sheet, key = render(bank, ws, ws.variants[0], Part.SHEET), render(bank, ws, ws.variants[0], Part.KEY)
    assert "「&lt;b&gt;太字&lt;/b&gt; &amp; &lt;script&gt;」と書かれた" in sheet
    assert "&#34;&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;&#34;" in sheet
    assert "上海協力機構&lt;SCO&gt;" in key and "「上海協力機構 &amp; &lt;SCO&gt;」" in key
    for html in (sheet, key):
        assert "<script" not in html and "<b>" not in html and "<SCO>" not in html


def test_sheet_shows_every_question_and_key_every_answer(bank: Bank) -> None:
    ws = make(bank, seed=3, count=9, variants=2)
    for v in ws.variants:
        sheet = plain(render(bank, ws, v, Part.SHEET))
        key = plain(render(bank, ws, v, Part.KEY))
        for n, q in v.questions():
            for text in visible_texts(q):
                assert re.sub(r"\s+", "", text) in sheet, (n, text)
        marks = sheet_sources(bank, ws.articles)
        assert [m.mark for m in marks.values()] == ["①", "②"]
        for entry in key_entries(bank, ws, v):
            answer = re.sub(r"\s+", "", entry.answer.ja)
            assert f"問{entry.number}{answer}" in key
            if entry.dated is not None:
                assert f"日付:{entry.dated.ja}" in key
            for line in entry.lines:
                for quote in line.quotes:
                    assert re.sub(r"\s+", "", f"{marks[quote.article].mark}「{quote.quote}」") in key
        # sources are marked ①, ② on this sheet and named by outlet, headline and date: never by article number
        assert not re.search(r"記事10[01]|[Aa]rticle 10[01]", sheet + key)
        assert "①テスト新聞「中ロ首脳が会談(テスト記事)」(2023年3月21日)" in key
        assert f"この解答は版{v.label}専用です" in key
        assert f"版{v.label}" in sheet




def test_cloze_answers_are_not_on_the_sheet(bank: Bank) -> None:
    ws = make(bank, count=5, types=(Exercise.CLOZE,))
    sheet = plain(render(bank, ws, ws.variants[0], Part.SHEET))
    for _, q in ws.variants[0].questions():
        assert isinstance(q, ClozeQ)
        assert re.sub(r"\[\[.*?\]\]", "", q.cz.text.ja) in sheet
        assert q.cz.text.ja.replace("[[", "").replace("]]", "") not in sheet


def test_english_and_bilingual_sheets(bank: Bank) -> None:
    en = make(bank, count=4, types=(Exercise.SHORT,), lang=Lang.EN)
    html = render(bank, en, en.variants[0], Part.SHEET)
    assert "Q1" in html and "Name" in html and "Answer each question according to the articles." in html
    assert "問1" not in html and "氏名" not in html
    both = make(bank, count=4, types=(Exercise.SHORT,), lang=Lang.BOTH)
    html = render(bank, both, both.variants[0], Part.SHEET)
    assert "問1" in html and "氏名" in html and "Answer each question according to the articles." in html


def test_furigana_adds_ruby_from_entity_readings(bank: Bank) -> None:
    ws = make(bank, count=9, types=(Exercise.SHORT,), furigana=True)
    html = render(bank, ws, ws.variants[0], Part.SHEET)
    assert "<ruby>習近平<rt>しゅうきんぺい</rt></ruby>" in html
    assert "<ruby>プーチン" not in html  # no ruby over kana
    assert html.count("<rt>しゅうきんぺい</rt>") == 1 and html.count("習近平") > 1  # first appearance only
    plainws = make(bank, count=9, types=(Exercise.SHORT,))
    assert "<ruby>" not in render(bank, plainws, plainws.variants[0], Part.SHEET)


def test_header_has_name_class_date_and_score_lines(bank: Bank) -> None:
    ws = make(bank, count=3, title="3年2組 中ロ関係")
    html = render(bank, ws, ws.variants[0], Part.SHEET)
    for label in ("氏名", "クラス", "日付", "得点", "3年2組 中ロ関係"):
        assert label in html
    assert 'counter(page) " / " counter(pages)' in html and "size: A4" in html and "break-inside: avoid" in html


def test_html_file_stands_alone_with_an_embedded_font_subset(bank: Bank, tmp_path: Path) -> None:
    from fontTools.ttLib import TTFont

    ws = make(bank, seed=2, count=9)
    paths = write_worksheet(bank, ws, tmp_path, formats=["html"])
    assert [p.name for p in paths] == ["worksheet-A.html", "worksheet-A-key.html"]
    html = paths[0].read_text(encoding="utf-8")
    assert "file:" not in html and "http" not in html.split("</style>")[0]
    m = re.search(r"url\(data:font/woff2;base64,([A-Za-z0-9+/=]+)\) format\(\"woff2\"\)", html)
    assert m, "no embedded WOFF2 font"
    font = TTFont(io.BytesIO(base64.b64decode(m.group(1))))
    cmap = font.getBestCmap()
    shown = {c for p in paths for c in plain(p.read_text(encoding="utf-8")) if ord(c) > 127}
    assert shown and not {c for c in shown if ord(c) not in cmap}
    assert len(cmap) < 2000  # a subset, not the whole 12,000-glyph font
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave no temporary files


# --------------------------------------------------------------------------- the real bank


def test_real_bank_makes_a_full_worksheet() -> None:
    try:
        real = load_bank(resources.bank_dir())
    except QuizgenError:  # pragma: no cover
        pytest.skip("the real bank does not load")
    items = Selection().apply(real)
    if len(items) < 30:
        pytest.skip("the real bank has too few items yet")
    opts = WorksheetOptions(count=30, variants=2, seed=5)
    ws = build_worksheet(real, items, opts, random.Random(5), DAY)
    assert [s.type for s in ws.variants[0].sections] == list(Exercise)
    assert ws.notes == ()
    for v in ws.variants:
        assert len(key_entries(real, ws, v)) == 30
        render(real, ws, v, Part.SHEET)
        render(real, ws, v, Part.KEY)
