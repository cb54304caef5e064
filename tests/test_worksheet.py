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
from quizgen.errors import QuizgenError, UsageError
from quizgen.generators.worksheet import (
    ChoiceQ,
    ClozeQ,
    Exercise,
    Lang,
    MatchingQ,
    Paper,
    TimelineQ,
    TrueFalseQ,
    Worksheet,
    WorksheetOptions,
    build_worksheet,
    key_entries,
    parse_points,
    parse_types,
    question_items,
    question_key,
    visible_texts,
)
from quizgen.generators.worksheet.render import Part, render, sheet_sources
from quizgen.generators.worksheet.write import render_documents, write_worksheet

DATA = Path(__file__).parent / "data" / "worksheet_flowers"  # the worksheet fixture and sixteen facts that never clash
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
     "Error: --count 50 is more than the 25 questions in the selection; use --count 25 or fewer, or widen the selection\n"),
    (["--count", "5", "--article", "999"], "Error: --article 999: no such article; the bank has 100, 101\n"),
    (["--variants", "0"], "Error: --variants must be between 1 and 26, not 0\n"),
    (["--types", "matching,timeline", "--count", "10"],
     "Error: --count 10 asks for 10 matching/timeline exercises, but this selection supplies 5: 1 matching exercise "
     "from 4 people with a title in the selected articles (a matching exercise takes 3 to 5, each person once per "
     "sheet); 4 timeline exercises from 21 dated events with distinct dates (a timeline exercise takes 3 to 5, "
     "each event once per sheet). Use --count 5 or fewer, widen the selection, or add other --types\n"),
    (["--types", "matching", "--count", "2", "--article", "100"],
     "Error: --count 2 asks for 2 matching exercises, but this selection supplies 0: 0 matching exercises from 2 "
     "people with a title in the selected articles (a matching exercise takes 3 to 5, each person once per sheet). "
     "Use --count 0 or fewer (none can be made), widen the selection, or add other --types\n"),
    (["--points", "short=x"], "Error: --points 'short=x': 'x' is not a whole number; write e.g. 2 or short=3,choice=2\n"),
    (["--points", "essay=2"], "Error: --points: unknown question type 'essay'; choose from short, choice, truefalse, "
                              "cloze, matching, timeline\n"),
    (["--points", "0"], "Error: --points must be between 1 and 100, not 0\n"),
    (["--time-limit", "0"], "Error: --time-limit must be between 1 and 600 minutes, not 0\n"),
    (["--vary-items"], "Error: --vary-items needs two or more --variants\n"),
    (["--exam", " "], "Error: --exam must not be empty\n"),
    (["--ids", "t-neutral,t-nuetral"],
     "Error: --ids t-nuetral: no such item (did you mean 't-neutral'?); `quizgen topics --items` lists every one\n"),
    (["--exclude", "t-nope"], "Error: --exclude t-nope: no such item; `quizgen topics --items` lists every one\n"),
    (["--paper", "A3"], None),
    (["--articles", "/nonexistent/articles"], "Error: --articles /nonexistent/articles: no such folder\n"),
])
def test_bad_options_are_clear_usage_errors(args: list[str], message: str | None, tmp_path: Path) -> None:
    code, out = invoke(*args, "-o", str(tmp_path))
    assert code == 2
    if message is None:  # a click choice: click's own message
        assert "Invalid value for '--paper'" in out and "'A3' is not one of 'A4', 'B4', 'B5'" in out
    else:
        assert out == message
    assert list(tmp_path.iterdir()) == []


def test_a_selection_of_nothing_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    code, out = invoke("--priority", "core", "--category", "dates", "-o", str(tmp_path))
    assert (code, out) == (1, "Error: no items match --category dates --priority core; "
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
                "--title", "--format", "--furigana", "--out", "--ids", "--exclude", "--points", "--answer-sheet",
                "--exam", "--time-limit", "--paper", "--vary-items", "--articles", "docx"):
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
    assert len(matching.lefts) >= 3
    assert all(left != right for left, right in zip(matching.lefts, matching.rights[:len(matching.lefts)], strict=True))


def test_timeline_shrinks_to_leave_items_for_other_questions(bank: Bank) -> None:
    items = [i for i in Selection().apply(bank) if i.id.startswith("t-flower-")][:9]
    ws = build_worksheet(bank, items, WorksheetOptions(count=7, types=(Exercise.SHORT, Exercise.TIMELINE), seed=1),
                         random.Random(1), DAY)
    assert ws.count == 7
    timeline = next(q for _, q in ws.variants[0].questions() if isinstance(q, TimelineQ))
    assert len(timeline.shown) == 3  # 9 items: 6 short answers and a timeline of 3, not 5


def test_no_item_is_asked_twice_and_drafts_are_skipped(bank: Bank) -> None:
    ws = make(bank, count=12, types=(Exercise.SHORT, Exercise.CLOZE, Exercise.TIMELINE))
    ids = [i.id for _, q in ws.variants[0].questions() for i in question_items(q)]
    assert len(ids) == len(set(ids))
    assert "t-draft" not in ids


def test_matching_never_sits_beside_a_question_it_answers(bank: Bank) -> None:
    # t-wang-yi-title asks Wang Yi's title and t-lavrov-visit who visited: a matching of either person gives them away.
    for seed in range(8):
        ws = make(bank, seed=seed, count=12, types=(Exercise.MATCHING, Exercise.SHORT))
        people = {p.key.split("@")[0] for _, q in ws.variants[0].questions() if isinstance(q, MatchingQ) for p in q.lefts}
        ids = {i.id for _, q in ws.variants[0].questions() for i in question_items(q)}
        assert not ("wang-yi" in people and "t-wang-yi-title" in ids)
        assert not ("lavrov" in people and "t-lavrov-visit" in ids)


def test_matching_titles_name_no_nationality() -> None:
    from quizgen import forms
    from quizgen.bank import Text

    real = load_bank(resources.bank_dir())
    cases = {"Prime Minister of Japan": "Prime Minister", "head of China's diplomacy": "head of diplomacy",
             "China's top diplomat": "top diplomat", "Russian Foreign Minister": "Foreign Minister",
             "Visiting researcher at Georgetown University (US)": "Visiting researcher at Georgetown University",
             "Secretary of the Security Council of the Russian Federation": "Secretary of the Security Council"}
    for before, after in cases.items():
        assert forms.neutral_role(real, Text("首相", before)).en == after
    for before, after in {"ロシア連邦安全保障会議書記": "安全保障会議書記", "米国務長官": "国務長官", "中国の外相": "外相",
                          "米ジョージタウン大学客員研究員": "ジョージタウン大学客員研究員", "国家主席": "国家主席"}.items():
        assert forms.neutral_role(real, Text(before, "x")).ja == after
    for p in forms.neutral_pairs(real, forms.role_pairs(real)):  # and the real bank's pairs, as a matching shows them
        for country in ("China", "Russia", "Japan", "Ukraine", "Chinese", "Russian", "Japanese", "US"):
            assert not re.search(rf"\b{country}\b", p.right.en), p
        assert not re.search("中国|ロシア|日本|ウクライナ|米国|アメリカ", p.right.ja), p


def test_exercises_of_several_items_are_never_made_from_one() -> None:
    """choose.py turned any exercise it did not know into a cloze question, silently; now it says so."""
    from quizgen.generators.worksheet.choose import simple_question

    bank = load_bank(DATA)
    item = bank.item_by_id["t-neutral"]
    for t in (Exercise.MATCHING, Exercise.TIMELINE):
        with pytest.raises(AssertionError, match="made of several items"):
            simple_question(t, bank, item, random.Random(1), Lang.JA)
    assert isinstance(simple_question(Exercise.CLOZE, bank, item, random.Random(1), Lang.JA), ClozeQ)
    assert simple_question(Exercise.CHOICE, bank, item, random.Random(1), Lang.JA) is not None


def test_true_and_false_statements_take_turns(bank: Bank) -> None:
    ws = make(bank, count=8, types=(Exercise.TRUEFALSE,))
    truth = [q.tf.is_true for _, q in ws.variants[0].questions() if isinstance(q, TrueFalseQ)]
    assert len(truth) == 8 and truth.count(True) == truth.count(False) == 4


TF_DATA = Path(__file__).parent / "data" / "worksheet_truefalse"  # the worksheet fixture and two items asked as true/false


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32), count=st.integers(4, 9), vary=st.booleans())
def test_items_asked_as_true_false_are_only_ever_true_false_questions(seed: int, count: int, vary: bool) -> None:
    bank = load_bank(TF_DATA)
    tf_ids = {i.id for i in bank.items if i.truefalse}
    opts = WorksheetOptions(count=count, seed=seed, variants=2 if vary else 1, vary_items=vary)
    try:
        ws = build_worksheet(bank, Selection().apply(bank), opts, random.Random(seed), DAY)
    except UsageError:
        return  # a selection that cannot fill the sheet says so (tested elsewhere)
    for v in ws.variants:
        for _, q in v.questions():
            if {i.id for i in question_items(q)} & tf_ids:
                assert isinstance(q, TrueFalseQ), q  # never a short answer, choice, cloze or timeline event


def test_an_item_asked_as_true_false_is_never_a_timeline_event() -> None:
    bank = load_bank(TF_DATA)
    assert bank.item_by_id["t-tf-support"].event is not None  # dated, with an event: a timeline could show it
    for seed in range(12):
        opts = WorksheetOptions(count=1, seed=seed, types=(Exercise.TIMELINE,))
        ws = build_worksheet(bank, Selection().apply(bank), opts, random.Random(seed), DAY)
        (q,) = [q for _, q in ws.variants[0].questions()]
        assert isinstance(q, TimelineQ) and len(q.shown) >= 3
        assert "t-tf-support" not in {i.id for i in question_items(q)}


def test_items_asked_as_true_false_fill_the_true_false_section_and_say_so_when_it_is_left_out(tmp_path: Path) -> None:
    bank = load_bank(TF_DATA)
    opts = WorksheetOptions(count=2, seed=1, types=(Exercise.TRUEFALSE,))
    ids = Selection(ids=("t-tf-neutral", "t-tf-support")).apply(bank)
    ws = build_worksheet(bank, ids, opts, random.Random(1), DAY)
    asked = {q.tf.item.id: q.tf.is_true for _, q in ws.variants[0].questions() if isinstance(q, TrueFalseQ)}
    assert sorted(asked) == ["t-tf-neutral", "t-tf-support"] and set(asked.values()) == {True, False}
    res = CliRunner().invoke(cli, ["worksheet", "--bank", str(TF_DATA), "--ids", "t-tf-neutral,t-tf-support,t-neutral",
                                   "--types", "short,cloze", "--count", "3", "-o", str(tmp_path)])
    assert res.exit_code == 2
    assert "(2 items of the selection are asked as true/false only: add truefalse to --types)" in res.output


def test_ids_and_exclude_pick_exact_questions(tmp_path: Path) -> None:
    code, out = invoke("--ids", "t-flower-01,t-flower-02", "--ids", "t-neutral", "--types", "short", "--seed", "1",
                       "--format", "html", "-o", str(tmp_path))
    assert code == 0, out
    assert "3 questions, 3 points, 1 version (A); seed 1" in out
    html = plain((tmp_path / "worksheet-A.html").read_text(encoding="utf-8"))
    assert "第一式典" in html and "第二式典" in html and "中国はどのような立場" in html
    code, out = invoke("--exclude", "t-neutral", "--count", "24", "--types", "short", "--seed", "1", "--format", "html",
                       "-o", str(tmp_path / "x"))
    assert code == 2 and "more than the 24 questions" not in out  # 24 live items are left, so the message is about leaks
    code, out = invoke("--exclude", "t-neutral,t-flower-03", "--count", "10", "--types", "short", "--seed", "2",
                       "--format", "html", "-o", str(tmp_path / "y"))
    assert code == 0, out
    html = plain((tmp_path / "y" / "worksheet-A.html").read_text(encoding="utf-8"))
    assert "第三式典" not in html and "中国はどのような立場" not in html


# --------------------------------------------------------------------------- variants and seeds


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32), variants=st.integers(2, 4))
def test_variants_share_content_and_differ_only_in_order(bank: Bank, seed: int, variants: int) -> None:
    ws = make(bank, seed=seed, count=8, variants=variants)
    contents = [sorted(question_key(q) for _, q in v.questions()) for v in ws.variants]
    assert all(c == contents[0] for c in contents)
    # the same sections of the same sizes, numbered 1..N, in every variant (their order rotates)
    shape = [sorted((s.type, len(s.questions)) for s in v.sections) for v in ws.variants]
    assert all(s == shape[0] for s in shape)
    assert all([n for n, _ in v.questions()] == list(range(1, 9)) for v in ws.variants)
    # every variant's key answers its own question order
    for v in ws.variants:
        for entry, (n, q) in zip(key_entries(bank, ws, v), v.questions(), strict=True):
            assert entry.number == n
            if isinstance(q, ChoiceQ):
                assert entry.answer.ja == f"{ws.letters()[q.mc.answer_index]} {q.mc.item.answer.ja}"


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**32))
def test_two_versions_move_every_answer(bank: Bank, seed: int) -> None:
    """Students side by side: no question keeps its number, no multiple-choice answer its letter, no matching title
    or timeline event its letter (all avoidable with two versions of this sheet)."""
    ws = make(bank, seed=seed, count=12, variants=2)
    a, b = ({question_key(q): (n, q) for n, q in v.questions()} for v in ws.variants)
    assert [s.type for s in ws.variants[0].sections] != [s.type for s in ws.variants[1].sections]
    for key, (n, q) in a.items():
        m, r = b[key]
        assert n != m, key
        if isinstance(q, ChoiceQ) and isinstance(r, ChoiceQ):
            assert q.mc.answer_index != r.mc.answer_index
        if isinstance(q, MatchingQ) and isinstance(r, MatchingQ):  # (1), (2)…: the letters written in the boxes
            answers = [[v.rights.index(p) for p in v.lefts] for v in (q, r)]
            assert all(x != y for x, y in zip(*answers, strict=True)), answers
        if isinstance(q, TimelineQ) and isinstance(r, TimelineQ):  # oldest … newest: the letters written in order
            answers = [[v.shown.index(e) for e in v.chronological] for v in (q, r)]
            assert all(x != y for x, y in zip(*answers, strict=True)), answers
            assert r.shown != r.chronological


def test_vary_items_gives_each_version_its_own_items(bank: Bank) -> None:
    ws = make(bank, seed=3, count=8, variants=2, vary_items=True, types=(Exercise.SHORT, Exercise.CHOICE))
    a, b = ({i.id for _, q in v.questions() for i in question_items(q)} for v in ws.variants)
    assert len(a) == len(b) == 8 and not a & b
    assert sorted((s.type, len(s.questions)) for s in ws.variants[0].sections) == \
        sorted((s.type, len(s.questions)) for s in ws.variants[1].sections)
    key = render(bank, ws, ws.variants[1], Part.KEY)
    assert "この解答は" in key and "版A・版Bは問題が異なります" in key
    with pytest.raises(QuizgenError) as err:
        make(bank, seed=3, count=14, variants=2, vary_items=True, types=(Exercise.SHORT,))
    assert str(err.value).startswith("vary_items: another version can draw only ")


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
    assert "&#34;&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;&#34;" in sheet.replace('<span class="nobr">', "")
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


def test_furigana_adds_ruby_to_every_occurrence(bank: Bank) -> None:
    items = [bank.item_by_id["t-summit-place"], bank.item_by_id["t-last-meeting"]]  # both name 習近平
    ws = build_worksheet(bank, items, WorksheetOptions(count=2, types=(Exercise.SHORT,), furigana=True, seed=1),
                         random.Random(1), DAY)
    for part in (Part.SHEET, Part.KEY):
        html = render(bank, ws, ws.variants[0], part)
        body = html.split("</style>")[1]
        bare = re.sub(r"<ruby>習近平<rt>しゅうきんぺい</rt></ruby>", "", body)
        assert part is Part.KEY or body.count("<ruby>習近平<rt>しゅうきんぺい</rt></ruby>") == 2
        assert "習近平" not in re.sub(r"<title>.*?</title>", "", bare)  # every occurrence has its reading
        assert "<ruby>プーチン" not in html  # no ruby over kana
    plainws = make(bank, count=9, types=(Exercise.SHORT,))
    assert "<ruby>" not in render(bank, plainws, plainws.variants[0], Part.SHEET)


def test_answer_lines_are_the_same_length_in_every_section(bank: Bank) -> None:
    ws = make(bank, seed=4, count=12, types=(Exercise.SHORT, Exercise.CLOZE))
    html = render(bank, ws, ws.variants[0], Part.SHEET)
    assert html.count('<span class="line"></span>') == sum(len(s.questions) for s in ws.variants[0].sections
                                                           if s.type is Exercise.SHORT)
    widths = set(re.findall(r'<span class="blank" style="width: ([0-9.]+)em">', html))
    assert len(widths) == 1 and float(widths.pop()) >= 8  # one width for every blank, long enough to write in


def test_points_total_time_limit_and_exam_title(bank: Bank, tmp_path: Path) -> None:
    code, out = invoke("--count", "8", "--types", "short,choice,matching", "--points", "3,choice=2,matching=5",
                       "--exam", "2学期 中間考査", "--time-limit", "50", "--seed", "2", "--format", "html",
                       "-o", str(tmp_path))
    assert code == 0, out
    sheet = plain((tmp_path / "worksheet-A.html").read_text(encoding="utf-8"))
    key = plain((tmp_path / "worksheet-A-key.html").read_text(encoding="utf-8"))
    ws = make(bank, seed=2, count=8, types=(Exercise.SHORT, Exercise.CHOICE, Exercise.MATCHING))
    sizes = {s.type: len(s.questions) for s in ws.variants[0].sections}
    pairs = next(len(q.lefts) for _, q in ws.variants[0].questions() if isinstance(q, MatchingQ))
    total = 3 * sizes[Exercise.SHORT] + 2 * sizes[Exercise.CHOICE] + 5 * pairs  # a matching exercise: per pair
    assert f"8 questions, {total} points" in out
    assert f"得点/{total}" in sheet and "2学期中間考査" in sheet and "制限時間50分" in sheet
    assert "記述問題(各3点)" in sheet and "選択問題(各2点)" in sheet and "組み合わせ問題(1組5点)" in sheet
    assert f"満点{total}点" in key


def test_answer_sheet_takes_every_answer(bank: Bank, tmp_path: Path) -> None:
    code, out = invoke("--count", "12", "--answer-sheet", "--variants", "2", "--seed", "5", "--format", "html",
                       "-o", str(tmp_path))
    assert code == 0, out
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "worksheet-A-answers.html", "worksheet-A-key.html", "worksheet-A.html",
        "worksheet-B-answers.html", "worksheet-B-key.html", "worksheet-B.html"]
    sheet = (tmp_path / "worksheet-A.html").read_text(encoding="utf-8")
    answers = plain((tmp_path / "worksheet-A-answers.html").read_text(encoding="utf-8"))
    assert 'class="line"' not in sheet and 'class="tf-box"' not in sheet and 'class="paren-box"' not in sheet
    assert "解答はすべて解答用紙に記入しなさい。" in plain(sheet) and "氏名" not in plain(sheet)
    assert "○で囲みなさい" not in plain(sheet) and "□に書きなさい" not in plain(sheet)  # the answers go on the other sheet
    assert "正しいものを一つ選び、記号で答えなさい。" in plain(sheet)
    total = re.search(r"12 questions, ([0-9]+) points", out)  # a matching exercise scores per pair
    assert total is not None
    assert "解答用紙" in answers and "版A" in answers and "氏名" in answers and f"得点/{total.group(1)}" in answers
    for n in range(1, 13):
        assert f"問{n}" in answers


def test_key_starts_with_an_answer_grid_with_alternatives(bank: Bank) -> None:
    ws = make(bank, seed=1, count=10, types=(Exercise.SHORT,), points=parse_points("2"))
    key = render(bank, ws, ws.variants[0], Part.KEY)
    grid = key.split('<section class="detail">')[0]
    entries = key_entries(bank, ws, ws.variants[0])
    assert grid.count('<td class="g-no">') == 10
    for e in entries:
        assert f'<td class="g-no">{e.number}</td>' in grid
    neutral = next((e for e in entries if e.answer.ja == "中立"), None)
    if neutral is not None:
        assert neutral.alternatives == ()
    lavrov = bank.item_by_id["t-lavrov-visit"]
    from quizgen.generators.worksheet import alternatives

    assert alternatives(bank, lavrov, Lang.JA) == ()  # the entity's English name and reading are not 別解
    assert "break-after: page" in key  # the detailed key starts on the next page


def test_the_set_can_include_the_chronology_page(tmp_path: Path) -> None:
    code, out = invoke("--count", "6", "--seed", "1", "--timeline-page", "--format", "html", "-o", str(tmp_path))
    assert code == 0, out
    assert f"wrote {tmp_path}/worksheet-timeline.html\n" in out
    page = plain((tmp_path / "worksheet-timeline.html").read_text(encoding="utf-8"))
    assert "年表" in page and "第二式典" in page and "2002年3月" in page
    assert "第一式典" not in page and "答えになる出来事8件は載せていません" in page  # a question of the sheet asks it


def test_paper_sizes(bank: Bank) -> None:
    for paper, size in ((Paper.A4, "210mm 297mm"), (Paper.B4, "257mm 364mm"), (Paper.B5, "182mm 257mm")):
        ws = make(bank, count=3, types=(Exercise.SHORT,), paper=paper)
        assert f"@page {{ size: {size}; }}" in render(bank, ws, ws.variants[0], Part.SHEET)


def test_header_has_name_class_date_and_score_lines(bank: Bank) -> None:
    ws = make(bank, count=3, title="3年2組 中ロ関係")
    html = render(bank, ws, ws.variants[0], Part.SHEET)
    for label in ("氏名", "クラス", "日付", "得点", "3年2組 中ロ関係"):
        assert label in html
    assert 'counter(page) " / " counter(pages)' in html and "size: 210mm 297mm" in html and "break-inside: avoid" in html


def test_html_file_stands_alone_with_an_embedded_font_subset(bank: Bank, tmp_path: Path) -> None:
    from fontTools.ttLib import TTFont

    ws = make(bank, seed=2, count=9)
    paths = write_worksheet(bank, ws, tmp_path, formats=["html"])
    assert [p.name for p in paths] == ["worksheet-A.html", "worksheet-A-key.html"]
    html = paths[0].read_text(encoding="utf-8")
    style = re.sub(r"data:[^)]*", "", html.split("</style>")[0])  # base64 font data may spell "http" by chance
    assert "file:" not in html and "http" not in style
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
    real = load_bank(resources.bank_dir())
    items = Selection().apply(real)
    count = min(20, len(items) // 2)
    opts = WorksheetOptions(count=count, variants=2, seed=5)
    ws = build_worksheet(real, items, opts, random.Random(5), DAY)
    assert {s.type for s in ws.variants[0].sections} == set(Exercise)
    for v in ws.variants:
        assert len(key_entries(real, ws, v)) == count
        render(real, ws, v, Part.SHEET)
        render(real, ws, v, Part.KEY)
