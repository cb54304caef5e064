"""The five sheets of a second teacher's review (sheet-review2, s1–s5), rebuilt from the bundled bank with the
review's commands as options, and each generator fault the review found checked on the printed sheet (HTML,
and the Word files where the fault was theirs)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html as htmllib
import random
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_worksheet_review import plain

from quizgen import forms, resources
from quizgen.bank import Bank, Lang, Priority, Selection, load_bank
from quizgen.bank.content import answer_forms, printed_in
from quizgen.bank.model import Text
from quizgen.citations import reporting
from quizgen.cli import cli
from quizgen.generators.worksheet import (
    ChoiceQ,
    ClozeQ,
    Exercise,
    MatchingQ,
    TimelineQ,
    Worksheet,
    WorksheetOptions,
    build_worksheet,
    chronology,
    parse_points,
    question_items,
    without_answers,
)
from quizgen.generators.worksheet.choose import person_titles
from quizgen.generators.worksheet.key import blank_alternatives, fits_between, key_entries
from quizgen.generators.worksheet.render import (
    Furigana,
    Part,
    cited_after,
    event_dates,
    latin,
    render,
    render_timeline,
    sheet_sources,
)
from quizgen.generators.worksheet.sheet import Paper
from quizgen.japanese.metadata import is_page_metadata
from quizgen.japanese.normalise import normalise
from quizgen.text import shorten

DAY = dt.date(2026, 12, 6)
E = Exercise
SHEETS = {  # the review's five commands, as options
    "s1": (Selection(priorities=(Priority.CORE,)),
           WorksheetOptions(count=15, types=(E.SHORT, E.CHOICE, E.CLOZE, E.TRUEFALSE), seed=11, lang=Lang.JA,
                            title="中ロ関係 確認プリント(重要事項)")),
    "s2": (Selection(), WorksheetOptions(count=12, types=(E.CHOICE, E.MATCHING, E.TIMELINE, E.TRUEFALSE),
                                         lang=Lang.BOTH, seed=21, title="China–Russia relations / 中ロ関係")),
    "s3": (Selection(), WorksheetOptions(count=16, types=(E.CHOICE, E.TRUEFALSE, E.CLOZE, E.TIMELINE), variants=2,
                                         seed=31, title="中ロ関係 小テスト", exam="2学期 中間考査", time_limit=30,
                                         points=parse_points("short=3,choice=2,truefalse=1,cloze=2,timeline=2"),
                                         answer_sheet=True, paper=Paper.B4)),
    "s4": (Selection(stories=("2025-wang-yi-shoigu-dialogue",)),
           WorksheetOptions(count=8, types=(E.SHORT, E.CLOZE, E.CHOICE, E.TRUEFALSE), furigana=True, seed=41,
                            lang=Lang.JA, title="北京での中ロ戦略対話(2025年)")),
    "s5": (Selection(stories=("2023-03-xi-moscow-visit", "2023-02-peace-plan")),
           WorksheetOptions(count=12, types=(E.TRUEFALSE, E.MATCHING, E.SHORT, E.TIMELINE), furigana=True,
                            lang=Lang.BOTH, seed=51, title="習近平氏の訪ロと和平案", paper=Paper.B5)),
}


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(resources.bank_dir())


@pytest.fixture(scope="module")
def texts(bank: Bank) -> dict[str, str] | None:
    folder = resources.default_articles_dir()
    if folder is None:
        return None
    return {s.id: (folder / s.file).read_text(encoding="utf-8") for s in bank.sources if (folder / s.file).is_file()}


@pytest.fixture(scope="module")
def sheets(bank: Bank, texts: dict[str, str] | None) -> dict[str, Worksheet]:
    return {name: _build(bank, sel, opts, texts) for name, (sel, opts) in SHEETS.items()}  # as the bank allows


def _build(bank: Bank, sel: Selection, opts: WorksheetOptions, texts: dict[str, str] | None) -> Worksheet:
    """The review's sheet; where the bank, edited since, can no longer fill its count, as many as it says it can."""
    from quizgen.errors import UsageError

    try:
        return build_worksheet(bank, sel.apply(bank), opts, random.Random(opts.seed), DAY, texts)
    except UsageError as exc:
        found = re.search(r"only ([0-9]+) questions", str(exc))
        if found is None or int(found.group(1)) < 5:
            raise
        fewer = dataclasses.replace(opts, count=int(found.group(1)))
        return build_worksheet(bank, sel.apply(bank), fewer, random.Random(opts.seed), DAY, texts)


# --------------------------------------------------------------------------- blockers


def test_no_option_carries_furigana(bank: Bank, sheets: dict[str, Worksheet]) -> None:
    """s4 問3: only イ 世界反ファシスト戦争 had readings (せかいはん…せんそう) of four options: it was marked.
    Options to choose from (choices, matching titles) get none; the prompt keeps its readings. A third sheet,
    every choice and matching question of the bank with furigana, makes sure some option has kanji to read."""
    every_choice = _build(bank, Selection(), WorksheetOptions(
        count=40, types=(E.CHOICE, E.MATCHING), furigana=True, seed=61, lang=Lang.JA, title="選択問題"), None)
    checked = {"s4": sheets["s4"], "s5": sheets["s5"], "every choice": every_choice}
    for name, ws in checked.items():
        for v in ws.variants:
            html = render(bank, ws, v, Part.SHEET)
            assert "<ruby>" in html, name  # furigana are on
            for ol in re.findall(r'<ol class="options.*?</ol>', html, re.S):
                assert "<ruby>" not in ol, (name, plain(ol))
            for td in re.findall(r'<td class="m-right">.*?</td>', html, re.S):
                assert "<ruby>" not in td, (name, plain(td))
    furi = Furigana(bank, True)
    assert any(isinstance(q, ChoiceQ) and any(r for o in q.mc.options for _, r in furi.parts(o.ja))
               for ws in checked.values() for _, q in ws.variants[0].questions())  # an option has a reading


def test_no_question_prints_the_year_of_a_timeline_event_of_its_story(bank: Bank, sheets: dict[str, Worksheet]) -> None:
    """s3 A 問11 / B 問6: 「2025年の初め、…（1）会談を行い」 (story 2025-leaders-contacts) put the event 「中ロ首脳が
    電話会談し…」 last of the four on the same sheet."""
    for name in ("s2", "s3"):
        ws = sheets[name]
        for v in ws.variants:
            html = render(bank, ws, v, Part.SHEET)
            blocks = dict(re.findall(r'id="q(\d+)">(.*?)class="end"', html, re.S))
            for n, q in v.questions():
                if not isinstance(q, TimelineQ):
                    continue
                for e in q.shown:
                    if all(o.when[:4] == e.when[:4] for o in q.shown):
                        continue
                    stories = {i.story for i in e.all_items if i.story}
                    for m, other in v.questions():
                        if m != n and {i.story for i in question_items(other)} & stories:
                            assert f"{e.when[:4]}年" not in plain(blocks[str(m)]), (name, v.label, m, e.event.ja)


def test_the_timeline_page_answers_no_question_of_its_sheet(bank: Bank, sheets: dict[str, Worksheet],
                                                           tmp_path: Path) -> None:
    """s5: the --timeline-page chronology beside the sheet listed 「2023年2月 プーチン大統領が王毅氏と会見し、
    習近平国家主席の訪ロを要請」 and 「2023年2月24日 中国が…立場文書を発表」, the answers to 問12 and 問2. The
    page leaves such events out and says so, and so does the command."""
    sel, _ = SHEETS["s5"]
    ws = sheets["s5"]
    # the page draws on more stories: s5's own two stories date only events its questions answer, and a page of
    # fewer than 3 events is refused (review 3, review 7; fix28 gave core items short forms that answer more)
    more = ("2022-02-invasion-china-stance", "2024-lavrov-beijing", "2024-putin-visit-china-harbin",
            "2025-leaders-contacts")
    wider = Selection(stories=(*sel.stories, *more))
    chrono = without_answers(chronology(bank, wider.apply(bank)), bank, ws)
    assert chrono.left_out >= 1 and f"答えになる出来事{chrono.left_out}件は載せていません" in chrono.summary().ja
    page = plain(render_timeline(bank, chrono, ws.lang, ws.options.paper))
    rows = "".join(re.findall(r"<tbody>(.*?)</tbody>", render_timeline(bank, chrono, ws.lang), re.S))
    assert "載せていません" in page
    for _, q in ws.variants[0].questions():
        if isinstance(q, TimelineQ):
            assert not any(normalise(e.event.ja) in normalise(plain(rows)) for e in q.shown)
        elif not isinstance(q, MatchingQ):
            for form, _, shortest in answer_forms(question_items(q)[0], bank):
                assert printed_in(form, Text(plain(rows), ""), shortest, ("ja",)) is None, form
    # seed 5: with fix28's short forms of core items (main) seed 51's sheet dated 4 of the 6 events itself, and the
    # page was refused as too short (correctly); the test is about the events the page leaves out, not the seed
    result = CliRunner().invoke(cli, ["worksheet", "--story", "2023-03-xi-moscow-visit", "--story",
                                      "2023-02-peace-plan", *(a for m in more for a in ("--story", m)),
                                      "--count", str(ws.count),
                                      "--types", "truefalse,matching,short,timeline",
                                      "--furigana", "--lang", "both", "--timeline-page", "--seed", "5", "--title",
                                      "習近平氏の訪ロと和平案", "--paper", "B5", "--format", "html", "--name", "s5",
                                      "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "note: the chronology page leaves out" in result.output
    html = (tmp_path / "s5-timeline.html").read_text(encoding="utf-8")
    sheet = plain((tmp_path / "s5-A-key.html").read_text(encoding="utf-8"))
    # the position paper's day is left off the page exactly when this sheet asks it (which items a seed draws moves
    # with the bank's wording; fix18 took 「ウクライナ危機」 out of the event's label)
    assert ("2023年2月24日" in sheet) == ("立場文書を発表" not in plain(html))


def test_a_matching_exercise_has_more_titles_than_people(bank: Bank, sheets: dict[str, Worksheet]) -> None:
    """s2 問11: three people and exactly three titles, so the last pair (ゼレンスキー → 大統領) was free. Two decoy
    titles stand beside them, none a title any person of the exercise has in any article; the key letters only
    the people's."""
    titles = person_titles(bank)
    ws = sheets["s2"]
    (m,) = [q for _, q in ws.variants[0].questions() if isinstance(q, MatchingQ)]
    assert len(m.rights) == len(m.lefts) + 2
    people = {p.key.split("@")[0] for p in m.lefts}
    for d in m.rights:
        if d not in m.lefts:
            assert not any(normalise(d.right.ja) in titles[x] for x in people), d.right.ja
    html = render(bank, ws, ws.variants[0], Part.SHEET)
    assert len(re.findall(r'<td class="m-right">', html)) == len(m.rights)
    assert "右には使わないものもあります" in plain(html)


@pytest.mark.parametrize(("alt", "before", "after", "fits"), [
    ("軍事同盟を結ぶこと", "中ロが", "を結ぶ可能性は低いとみた。", False),
    ("同盟の締結", "中ロが", "を結ぶ可能性は低いとみた。", False),
    ("中ロの軍事同盟", "中ロが", "を結ぶ可能性は低いとみた。", False),
    ("軍事同盟", "中ロが", "を結ぶ可能性は低いとみた。", True),
    ("中国のトップ外交官", "王毅氏は、中国の", "である。", False),
    ("中国外相", "王毅氏は、中国の", "である。", False),
    ("トップ外交官", "王毅氏は、中国の", "である。", True),
    ("ラブロフ氏", "ロシアの", "外相が北京を訪れ", False),
])
def test_what_fits_a_blank(alt: str, before: str, after: str, fits: bool) -> None:
    """s1 問15 「中ロが（　）を結ぶ」 listed 軍事同盟を結ぶこと and 同盟の締結; s4 「中国の（　）」 中国外相."""
    assert fits_between(alt, before, after) is fits


@pytest.mark.parametrize(("item_id", "misfits", "fits"), [
    ("a003-xi-backs-putin-continuation", ["プーチンの続投", "プーチン大統領の続投", "プーチン政権の継続"], ["続投"]),
    ("a003-strategic-backyard", ["自国の戦略的裏庭", "自国の裏庭"], ["裏庭"]),
    ("a002-lavrov-met-xi", ["ラブロフ外相", "ラブロフ氏"], ["ラヴロフ"]),
])
def test_key_alternatives_fit_the_blank(bank: Bank, item_id: str, misfits: list[str], fits: list[str]) -> None:
    """s3 「プーチン氏の（1）」 listed プーチンの続投, 「自国の（1）」 自国の裏庭: the README promises only alternatives
    that fit the blank."""
    if item_id not in bank.item_by_id:
        pytest.skip(f"the bank no longer has {item_id}")
    cz = forms.cloze(bank.item_by_id[item_id])
    assert cz is not None
    alts = blank_alternatives(bank, cz, 0, Lang.JA)
    assert not set(misfits) & set(alts), set(misfits) & set(alts)
    assert set(fits) <= set(alts)


def test_the_printed_key_lists_only_fitting_alternatives(bank: Bank, sheets: dict[str, Worksheet]) -> None:
    """Every one-blank cloze of the five sheets: its key's 別解 fit the text around the blank."""
    checked = 0
    for ws in sheets.values():
        for v in ws.variants:
            for e in key_entries(bank, ws, v):
                q = dict(v.questions())[e.number]
                if isinstance(q, ClozeQ) and len(q.cz.blanks("ja")) == 1:
                    before, after = ("".join(seg for seg, _ in parts) for parts in _split(q.cz.parts("ja")))
                    if not fits_between(q.cz.blanks("ja")[0], before, after):
                        continue  # the rule misreads this text (世界… after 「第二次世界大戦を」): all are kept, as documented
                    assert all(fits_between(a, before, after) for a in e.alternatives), e.alternatives
                    checked += bool(e.alternatives)
    assert checked  # some printed 別解 was held to the rule


def test_answer_sheet_boxes_of_a_section_are_one_width(bank: Bank, sheets: dict[str, Worksheet]) -> None:
    """s3 解答用紙 A and B: cloze boxes short for 問11, medium for 問12/13, long for 問14/15 told students which
    answer was long. And a question with one blank has no (1): the instructions said 「空欄(1)(2)…」."""
    sel, opts = SHEETS["s3"]
    compared = 0
    for seed in range(31, 41):  # s3's own seed, and the next ones: which items a seed draws moves with the bank
        ws = sheets["s3"] if seed == 31 else _build(bank, sel, replace(opts, seed=seed), None)
        for v in ws.variants:
            html = render(bank, ws, v, Part.ANSWERS)
            cloze_rows = re.findall(r'<span class="a-box a-mid" style="width: ([0-9.]+)em">', html)
            assert len(set(cloze_rows)) <= 1, cloze_rows
            compared += len(cloze_rows) >= 2
            sheet = plain(render(bank, ws, v, Part.SHEET))
            assert "空欄(1)(2)" not in sheet and "(1)" not in sheet
    assert compared >= 2  # versions with two boxes or more, to compare


def test_no_page_is_wasted(bank: Bank, sheets: dict[str, Worksheet], tmp_path: Path) -> None:
    """s1: 15 questions on 3 pages, 問15 alone on the third with the source list; s5: a 12-question key on 12
    pages (each explanation kept whole started a page, 別解 printed twice)."""
    pytest.importorskip("weasyprint")
    from pypdf import PdfReader

    from quizgen.generators.worksheet.write import Format, write_worksheet

    write_worksheet(bank, sheets["s1"], tmp_path, "s1", (Format.PDF,))
    assert len(PdfReader(tmp_path / "s1-A.pdf").pages) == 2
    write_worksheet(bank, sheets["s5"], tmp_path, "s5", (Format.PDF,))
    assert len(PdfReader(tmp_path / "s5-A-key.pdf").pages) <= 8
    ws = sheets["s5"]
    key = plain(render(bank, ws, ws.variants[0], Part.KEY))
    for e in key_entries(bank, ws, ws.variants[0]):
        if e.alternatives:  # on the grid only, not again in the explanations
            assert key.count(re.sub(r"\s+", "", "、".join(e.alternatives))) == 1


def test_english_lines_have_straight_quotes_and_the_bilingual_source_list_is_bilingual(
        bank: Bank, sheets: dict[str, Worksheet]) -> None:
    """s2: 'a “new era” , as' (the font sets curly quotes full width, with gaps); the heading "Articles used" over
    Japanese-only entries (now each with its outlet and date in English: the full English labels took a page)."""
    ws = sheets["s2"]
    for part in (Part.SHEET, Part.KEY):
        html = render(bank, ws, ws.variants[0], part)
        for en in re.findall(r'<span class="en(?:-inline)?">(.*?)</span>', html, re.S):
            assert not re.search("[\u201c\u201d\u2018\u2019]", htmllib.unescape(en)), en
        footer = html.split('class="source-list"', 1)[1]
        for s in sheet_sources(bank, ws.articles).values():
            assert latin(s.name_en) in htmllib.unescape(footer), s.name_en


def test_word_files_carry_what_the_pdf_has(bank: Bank, sheets: dict[str, Worksheet], tmp_path: Path) -> None:
    """s1's Word files: no 出典 marks after the questions, no page numbers, 「□に書きなさい」 over ［　］ boxes, a 日付
    cell without 年 月 日, and a key without 問10's 「正しくは:…」."""
    docx = pytest.importorskip("docx")
    from quizgen.generators.worksheet.word import write_docx

    ws = sheets["s1"]
    v = ws.variants[0]
    sheet = docx.Document(str(write_docx(bank, ws, v, Part.SHEET, tmp_path / "s.docx")))
    text = [p.text for p in sheet.paragraphs]
    for n, _ in v.questions():
        (start,) = [t for t in text if t.startswith(f"問{n}　")]
        assert re.search("出典[①-⑳]+", start), start
    assert any("［　］に書きなさい" in t for t in text) and not any("□に" in t for t in text)
    assert "年" in sheet.tables[0].cell(1, 1).text and "日" in sheet.tables[0].cell(1, 1).text
    footer = sheet.sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    key = docx.Document(str(write_docx(bank, ws, v, Part.KEY, tmp_path / "k.docx")))
    key_text = "\n".join(p.text for p in key.paragraphs)
    falses = [e for e in key_entries(bank, ws, v) if any(ln.detail and "正しくは" in ln.detail.ja for ln in e.lines)]
    assert falses
    for e in falses:
        assert next(ln.detail.ja for ln in e.lines if ln.detail) in key_text


def test_a_source_cited_for_later_events_says_its_date_is_the_pages(bank: Bank, sheets: dict[str, Worksheet],
                                                                    texts: dict[str, str] | None) -> None:
    """s1/s2: ① printed (2023年3月21日) while the sheet asked about its 2024 and 2025 events; a student checking
    the source list found a contradiction. The sheet and key mark that date as the page's own, and only then."""
    late_items = [i for i in bank.items if cited_after(bank, [i])]
    if not late_items:
        pytest.skip("no item of the bank is cited from a page dated before it")
    own = build_worksheet(bank, tuple(late_items[:1]), WorksheetOptions(count=1, seed=3, lang=Lang.JA),
                          random.Random(3), DAY, texts)
    seen = 0
    for name, ws in {**sheets, "own": own}.items():
        for v in ws.variants:
            items = [i for _, q in v.questions() for i in question_items(q)]
            late = {a for i in items for when in event_dates(bank, i) for a in reporting(i)  # review 3: undated too
                    if (p := bank.source_by_id[a].published) and when[:len(p)] > p[:len(when)]}
            for part in (Part.SHEET, Part.KEY):
                html = render(bank, ws, v, part)
                marks = {s.mark: a for a, s in sheet_sources(bank, ws.articles).items()}
                for li in re.findall(r"<li>.*?</li>", html.split('class="source-list"', 1)[1], re.S):
                    flagged = "記事はそれより後の" in plain(li)
                    assert flagged == (marks[plain(li)[0]] in late), (name, plain(li))
                    seen += flagged
    assert seen


def test_the_timeline_page_has_furigana_when_the_sheet_has(bank: Bank) -> None:
    """s5: --furigana sheets, but a chronology page without readings."""
    chrono = chronology(bank, Selection(stories=("2023-03-xi-moscow-visit",)).apply(bank))
    assert "<ruby>" in render_timeline(bank, chrono, Lang.JA, Paper.B5, furigana=True)
    assert "<ruby>" not in render_timeline(bank, chrono, Lang.JA, Paper.B5)


def test_the_key_quotes_what_dates_each_timeline_event(bank: Bank, sheets: dict[str, Worksheet]) -> None:
    """s3 A 問16 エ: 「ロシア外相が訪中し…」 quoted the Swiss peace conference; the date basis (6年ぶり, 2018年)
    was not quoted, so the teacher could not check the order."""
    ws = sheets["s3"]
    seen = 0
    for v in ws.variants:
        html = plain(render(bank, ws, v, Part.KEY))
        for _, q in v.questions():
            if isinstance(q, TimelineQ):
                for e in q.shown:
                    for quote in (e.item.date_basis.quotes if e.item.date_basis else ()):
                        if is_page_metadata(quote):  # a byline dates nothing a teacher checks (review 3, s3)
                            assert normalise(quote) not in normalise(html), quote
                            continue  # quoted once per section, then pointed to by its start
                        assert normalise(shorten(quote, 14).rstrip("…")) in normalise(html), quote
                        seen += 1
    assert seen


def test_a_bilingual_key_prints_each_matching_letter_once(bank: Bank, sheets: dict[str, Worksheet]) -> None:
    """s2 key 問11: 「ウ 大統領 ウ President」."""
    ws = sheets["s2"]
    html = plain(render(bank, ws, ws.variants[0], Part.KEY))
    (m,) = [q for _, q in ws.variants[0].questions() if isinstance(q, MatchingQ)]
    for p in m.lefts:
        letter = ws.letters()[m.rights.index(p)]
        assert f"{letter}{p.right.ja}{letter}" not in html
        assert f"{letter}{p.right.ja}" in html


def _split(parts: list[tuple[str, bool]]) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    at = next(n for n, (_, blank) in enumerate(parts) if blank)
    return parts[:at], parts[at + 1:]
