"""Review 9 (five sheets a fresh strict teacher checked, issue 14): each fault of the generator as a regression test
that failed before its fix. S3 (seed 31, choice/true-false/cloze/timeline, 15 questions) is the bundled bank's
sheet: its faults were how the picking gave way on a bank too thin to keep every rule."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen import resources
from quizgen.bank import Bank, Lang, Selection, Text, load_bank
from quizgen.cli import cli
from quizgen.generators.worksheet import Exercise, Paper, WorksheetOptions, build_worksheet
from quizgen.generators.worksheet.choose import opinion_cap, opinion_voice, truefalse_cap
from quizgen.generators.worksheet.exercises import TrueFalseQ, question_items
from quizgen.generators.worksheet.sheet import Worksheet

DAY = dt.date(2026, 1, 1)
S3_TYPES = (Exercise.CHOICE, Exercise.TRUEFALSE, Exercise.CLOZE, Exercise.TIMELINE)
S3_ARGS = ["worksheet", "--types", "choice,truefalse,cloze,timeline", "--count", "15", "--variants", "2",
           "--answer-sheet", "--exam", "2学期 期末考査", "--time-limit", "50", "--points", "2", "--paper", "B4",
           "--seed", "31", "--title", "現代社会 中ロ関係", "--format", "html", "--name", "s3"]


@pytest.fixture(scope="module")
def real() -> Bank:
    return load_bank(resources.bank_dir())


@pytest.fixture(scope="module")
def texts(real: Bank) -> dict[str, str] | None:
    folder = resources.default_articles_dir()
    if folder is None:
        return None
    return {s.id: (folder / s.file).read_text(encoding="utf-8") for s in real.sources if (folder / s.file).is_file()}


def _s3(bank: Bank, count: int, seed: int, texts: dict[str, str] | None) -> Worksheet:
    opts = WorksheetOptions(count=count, types=S3_TYPES, variants=2, seed=seed, paper=Paper.B4)
    return build_worksheet(bank, Selection().apply(bank), opts, random.Random(seed), DAY, texts)


def _voices(ws: Worksheet) -> Counter[str]:
    return Counter(v for _, q in ws.variants[0].questions()
                   for v in dict.fromkeys(opinion_voice(i) for i in question_items(q)) if v)


def _truefalse(ws: Worksheet) -> int:
    return sum(isinstance(q, TrueFalseQ) for _, q in ws.variants[0].questions())


# --------------------------------------------------------------------------- 2. one voice, every type


@pytest.mark.parametrize("seed", [31, 1, 2, 3])
def test_s3_one_commentator_cap_holds_across_every_type_where_the_bank_allows(real: Bank, texts: dict[str, str] | None,
                                                                              seed: int) -> None:
    """S3 #3: the cap gave way per type (a choice or cloze with nothing else left took a fourth Ivanov question while
    true/false had 24 others), and the first full round was kept however often it gave way. On 10 questions of the
    S3 types the bank keeps ⌊10/5⌋ = 2 per source (before: 3 on every seed)."""
    ws = _s3(real, 10, seed, texts)
    assert max(_voices(ws).values()) <= opinion_cap(10), _voices(ws)


def test_s3_fifteen_questions_give_way_least_and_say_so(real: Bank, texts: dict[str, str] | None,
                                                         tmp_path: Path) -> None:
    """S3 #3, #1 at the teacher's count: the bank cannot fill 15 of these types with every rule kept (at most 14 under
    the cap, 11 with no passage shared: the rest give each other away), so the sheet gives way least (one voice at 4,
    not 5) and the warning names each question over the cap and each pair on one passage, by number."""
    ws = _s3(real, 15, 31, texts)
    assert max(_voices(ws).values()) <= opinion_cap(15) + 1, _voices(ws)
    result = CliRunner().invoke(cli, [*S3_ARGS, "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    warning = next(line for line in result.stderr.splitlines() if "ask for the views of" in line)
    over = [v for v, n in _voices(ws).items() if n > opinion_cap(15)]
    assert all(f"article {v}" in warning for v in over) and "問" in warning and "--count" in warning, warning


# --------------------------------------------------------------------------- 3. true/false at about two fifths


def test_s3_truefalse_about_two_fifths_of_a_multi_type_sheet(real: Bank, texts: dict[str, str] | None) -> None:
    """S3 #4: 9 of 15 true/false when four types were asked (guessing worth 18 of 30 points). Capped at ⌊2n/5⌋ while
    items with other forms of the types asked for remain; this bank cannot keep it at 15 with the other rules, and
    gives way by one or two (seeds 31 and 1: 7, before 9). Over ten seeds, not two: which seed gives way by two moves
    with any change of the bank's wording (the BRICS chair's event without its year: seeds 31 and 1 went 7 → 8, others
    8 → 7; the ten seeds averaged 7.4 before and 7.2 after)."""
    assert truefalse_cap(15) == 6 and truefalse_cap(6, 2) == 3
    counts = [_truefalse(_s3(real, 15, seed, texts)) for seed in (31, *range(1, 10))]
    assert max(counts) <= truefalse_cap(15) + 2, counts
    assert sum(counts) / len(counts) <= truefalse_cap(15) + 1.5, counts


# --------------------------------------------------------------------------- 1. without the article texts


def test_without_the_article_texts_the_sheet_says_the_passage_rule_was_not_applied(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """S3 #1-#2: the passage rule needs the article texts; a bank whose articles are in none of the folders read
    (`--articles`, BANK/articles, $QUIZGEN_ARTICLES or the seed articles) used to make the sheet in silence."""
    empty = tmp_path / "none"
    empty.mkdir()
    monkeypatch.setenv("QUIZGEN_ARTICLES", str(empty))
    result = CliRunner().invoke(cli, [*S3_ARGS, "--count", "8", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stderr.splitlines() if "was not found" in x)
    assert re.match(r"note: the text of articles? ", line), line  # one or several, as the seed draws
    assert "questions from one passage of it are not kept apart: pass --articles DIR" in line, line


# --------------------------------------------------------------------------- 4. a relayed link says what it is


S1_ARGS = ["worksheet", "--priority", "core", "--types", "short,cloze", "--count", "10", "--furigana", "--seed", "11",
           "--title", "中ロ関係 基本事項の確認", "--name", "s1"]


def test_s1_a_summary_sites_link_is_printed_as_the_outlet_it_relays(tmp_path: Path) -> None:
    """S1 #3, S3, S4: the summary site's source line ended with the BBC article's address as if it were the page's
    own. Now 「紹介元: BBC(日本語版) https://…」 on the student's sheet, in the key and in Word."""
    result = CliRunner().invoke(cli, [*S1_ARGS, "--format", "html", "--format", "docx", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    relay = '<span class="relay">紹介元: BBC(日本語版)</span> <span class="url">https://www.bbc.com/japanese/'
    for name in ("s1-A.html", "s1-A-key.html"):
        assert relay in (tmp_path / name).read_text(encoding="utf-8"), name
    docx = pytest.importorskip("docx")
    lines = [p.text for p in docx.Document(str(tmp_path / "s1-A.docx")).paragraphs if "bbc.com" in p.text]
    assert lines and all("紹介元: BBC(日本語版) https://www.bbc.com/japanese/" in line for line in lines), lines


# --------------------------------------------------------------------------- 5. the key


def _key_layout(bank: Bank, opts: WorksheetOptions, selection: Selection):  # type: ignore[no-untyped-def]
    pdf = pytest.importorskip("quizgen.generators.worksheet.pdf")
    from quizgen.generators.worksheet import fonts
    from quizgen.generators.worksheet.render import FONT_PLACEHOLDER, Part, render
    from quizgen.generators.worksheet.write import pdf_font_css

    ws = build_worksheet(bank, selection.apply(bank), opts, random.Random(opts.seed), DAY)
    html = render(bank, ws, ws.variants[0], Part.KEY)
    with pdf.build_temp():
        return html, pdf.lay_out(html.replace(FONT_PLACEHOLDER, pdf_font_css(fonts.font_path()), 1))


S5 = (WorksheetOptions(count=8, types=(Exercise.TRUEFALSE, Exercise.CLOZE, Exercise.CHOICE), paper=Paper.B5,
                       furigana=True, seed=51, lang=Lang.BOTH), Selection(articles=("003",)))


def test_s5_key_entries_are_whole_and_correct_is_its_own_small_line(real: Bank) -> None:
    """S2 #4-#5, S5 #6: bilingual and B5 key entries split across pages (問3/問6: the date line and explanation on
    the next page), and the English 「Correct: …」 ran on inside the Japanese 「正しくは」 in ruby-height lines. Now no
    entry shorter than a page breaks, and the English is a line of its own in the small English style."""
    html, key = _key_layout(real, *S5)
    assert "split-entries" not in html
    assert '<span class="en kdetail-en">Correct: ' in html
    assert "<ruby>" not in html.split('class="kdetail"')[1].split("</span></div>")[0]
    page_of = {a: n for n, anchors in enumerate(key.anchors()) for a in anchors}
    starts = [a for a in page_of if a.startswith("k") and not a.endswith("-end")]
    assert len(starts) == 8, page_of
    assert all(page_of[a] == page_of[f"{a}-end"] for a in starts), page_of


def test_a_disagreement_says_what_differs_once(real: Bank, tmp_path: Path) -> None:
    """S1 #6: 「※記事によって記述が異なる点:中国の対ロ軍事支援」 was a heading with nothing under it, under 問4, 5 and 6.
    Now the first says what differs, as the bank's record says it; the others point to it."""
    result = CliRunner().invoke(cli, [*S1_ARGS, "--format", "html", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    key = (tmp_path / "s1-A-key.html").read_text(encoding="utf-8")
    dis = real.disagreements[[d.id for d in real.disagreements].index("china-military-support")]
    notes = [x.split("</div>")[0] for x in key.split('<div class="disagree">')[1:] if dis.topic.ja in x.split("</div>")[0]]
    assert notes, key
    assert dis.note.ja[:40] in notes[0] and "※記事によって記述が異なる点(中国の対ロ軍事支援):" in notes[0], notes[0]
    assert all("の解説を参照" in n for n in notes[1:]), notes


def test_a_date_counted_from_its_own_year_is_stated_and_a_counted_one_says_how_far(real: Bank) -> None:
    """S3 #8: 「2025年(記事中の年(2025年)から計算)」 said nothing; S1 #5: 「2025年2月(記事中の年(2023年)から計算)」
    did not say what was counted. The bank's date_basis has the years counted."""
    from quizgen.citations import dated

    items = real.item_by_id
    assert dated(real, items["a004-video-meeting-format"]) == Text("2025年(記事に明記)", "2025 (stated in the article)")
    assert dated(real, items["a000-invasion-anniversary-phone-call"]) == Text(
        "2025年2月(記事中の年(2023年)の2年後として計算)", "February 2025 (counted as 2 years after a year in the article (2023))")


# 6. (bilingual options all in English) was reversed by review 10, s3(d): test_worksheet_review10_layout.py
