"""Issue 14, teacher review 11: what its findings asked of the generator."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen import resources
from quizgen.bank import DateHow, load_bank
from quizgen.bank.model import Lang, Selection
from quizgen.cli import cli
from quizgen.generators.worksheet import (
    Exercise,
    WorksheetOptions,
    build_worksheet,
    chronology,
    question_items,
    without_answers,
)
from quizgen.generators.worksheet.key import date_source
from quizgen.text import quoted

DAY = dt.date(2026, 12, 6)


def test_a_date_counted_from_a_page_the_item_does_not_cite_names_that_page() -> None:
    """s1/s3/s5: the 2025 phone call is cited from the summary page ①, but its year is counted from 「2023年2月、
    …侵攻から1年」 on another page. The key said 「記事中の年(2023年)の2年後として計算」 beside ① only, and ① has no
    such year: the page counted from must be named, as a page whose date dates an item is."""
    bank = load_bank(resources.bank_dir())
    item = next(i for i in bank.items if i.id == "a000-invasion-anniversary-phone-call")
    assert item.date_basis is not None and item.date_basis.how is DateHow.COUNTED
    assert item.date_basis.article not in item.articles
    src = date_source(bank, item)
    assert src is not None and "2023年3月18日" in src.ja  # the summary page of 2023-03-18 that writes 2023年2月


def test_a_date_counted_from_a_cited_page_needs_no_extra_name() -> None:
    bank = load_bank(resources.bank_dir())
    counted = [i for i in bank.items if i.date_basis is not None and i.date_basis.how is DateHow.COUNTED
               and i.date_basis.article in i.articles]
    assert counted
    assert all(date_source(bank, i) is None for i in counted)


def test_the_swap_warning_counts_only_statements_printed_false(tmp_path: Path) -> None:
    """s4: 「2 true/false questions (問4, 問6) have false statements that swap the actors」 — both were printed as
    true statements, which swap nothing."""
    res = CliRunner().invoke(cli, ["worksheet", "--story", "2025-wang-yi-shoigu-dialogue", "--furigana", "--count", "8",
                                   "--seed", "41", "--format", "html", "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "swap the actors" not in res.output


DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(("ja", "en", "shown"), [
    ("2025年、国連創設80年", "80th anniversary of the UN", "2025年"),
    ("国連創設80年", "2025: 80th anniversary of the UN", "2025:"),
    ("10月24日、国連創設80年", "80th anniversary of the UN", "10月24日、"),
    ("国連創設80年", "October 2025: the UN turns 80", "October"),
])
def test_check_refuses_an_event_that_opens_with_its_date(tmp_path: Path, ja: str, en: str, shown: str) -> None:
    """s5: the chronology page printed 「2024年 | 2024年、ロシアがBRICSの議長国を務める」: the event's own text opened
    with its date (and the timeline exercise, which hides dates, would print it). `check` says where."""
    bank = tmp_path / "bank"
    shutil.copytree(DATA / "bank_good", bank)
    items = bank / "items.yaml"
    text = items.read_text(encoding="utf-8")
    old = "event: {ja: 国連創設80年, en: 80th anniversary of the UN}"
    assert old in text
    items.write_text(text.replace(old, f"event: {{ja: \"{ja}\", en: \"{en}\"}}"), encoding="utf-8")
    res = CliRunner().invoke(cli, ["check", "--bank", str(bank)])
    assert res.exit_code == 1
    lang = "ja" if ja != "国連創設80年" else "en"
    line = next(n for n, s in enumerate(items.read_text(encoding="utf-8").splitlines(), 1) if "event:" in s)
    assert (f"items.yaml:{line}:" in res.output and f"event.{lang}: begins with its date ({quoted(shown.strip())})"
            in res.output), res.output


def test_the_bundled_events_open_with_what_happened() -> None:
    res = CliRunner().invoke(cli, ["check"])
    assert "begins with its date" not in res.output


def test_the_chronology_leaves_out_a_vaguer_event_of_an_asked_story() -> None:
    """s5: the page handed out with the sheet listed 「2025年 習近平国家主席とプーチン大統領がビデオ形式で会談」 while
    問2 asked 「2025年2月、…どのような形式で会談し…」 (電話会談): the page's event, dated only to the year, reads as
    the asked one. An event of the asked item's story whose date holds the asked date is left off the page."""
    bank = load_bank(resources.bank_dir())
    phone = next(i for i in bank.items if i.id == "a000-invasion-anniversary-phone-call")
    video = next(i for i in bank.items if i.id == "a004-video-meeting-format")
    assert phone.story is not None and phone.story == video.story
    assert phone.when is not None and video.when is not None
    assert phone.when.startswith(video.when) and phone.when != video.when
    sel = Selection(stories=(phone.story, "2023-03-xi-moscow-visit", "2024-lavrov-beijing", "2023-02-peace-plan",
                             "2024-putin-visit-china-harbin"))
    opts = WorksheetOptions(count=1, types=(Exercise.SHORT,), seed=51, lang=Lang.JA)
    ws = build_worksheet(bank, (phone,), opts, random.Random(51), DAY)
    assert {i.id for v in ws.variants for _, q in v.questions() for i in question_items(q)} == {phone.id}
    kept = {i for e in without_answers(chronology(bank, sel.apply(bank)), bank, ws).entries for i in e.items}
    assert video.id not in kept and phone.id not in kept
    assert len(kept) >= 3  # other stories' events stay
    # beside a sheet that asks another story, the page keeps the video call
    other = next(i for i in sel.apply(bank) if i.story == "2024-lavrov-beijing" and i.form is None)
    ws2 = build_worksheet(bank, (other,), opts, random.Random(51), DAY)
    kept2 = {i for e in without_answers(chronology(bank, sel.apply(bank)), bank, ws2).entries for i in e.items}
    assert video.id in kept2


def test_no_line_breaks_inside_chu_ro_and_the_pdf_text_stays_clean() -> None:
    """Review 12, s3 問7: 「…2025年の中」/「ロ戦略対話」. At every width from 7 to 15 characters no line of the PDF ends
    between the two letters of 中ロ or 米ロ, and the text read back reads 中ロ."""
    import itertools

    from test_worksheet_review3b import pdf_lines_at_widths

    lines = pdf_lines_at_widths("北京で開かれた2025年の中ロ戦略対話では、米ロ関係と中ロ関係が話し合われた。")
    split = [(a, b) for a, b in itertools.pairwise(lines) if re.search("[中米]$", a) and b.startswith("ロ")]
    assert split == []
    assert not any("\u2060" in line for line in lines)
    assert sum(line.count("中ロ") for line in lines) == 2 * 9


def test_a_refusal_that_suggests_fewer_questions_than_it_made_says_why(tmp_path: Path) -> None:
    """Review 12, s4: 「only 10 questions … can be made」, then 「To make a sheet of the 9 questions that fit」: the
    tenth was a matching exercise, which draws on names, and the suggested selection of 9 items holds 9."""
    res = CliRunner().invoke(cli, ["worksheet", "--priority", "core", "--count", "22", "--types",
                                   "matching,truefalse,short", "--seed", "1", "--format", "html",
                                   "-o", str(tmp_path)])
    assert res.exit_code == 2
    made = int(re.search(r"only (\d+) questions", res.output).group(1))  # type: ignore[union-attr]
    fit = int(re.search(r"sheet of the (\d+) questions that fit", res.output).group(1))  # type: ignore[union-attr]
    assert fit < made
    assert (f"(not {made}: one of the {made} was a matching exercise, drawn on names, and a selection of {fit} items "
            f"holds at most {fit} questions)") in " ".join(res.output.split())
    # and the suggestion works as given
    ids = re.search(r"--(ids|exclude) (\S+) --count (\d+)", res.output)
    assert ids is not None
    again = CliRunner().invoke(cli, ["worksheet", "--priority", "core", "--types", "matching,truefalse,short",
                                     f"--{ids.group(1)}", ids.group(2), "--count", ids.group(3), "--seed", "1",
                                     "--format", "html", "-o", str(tmp_path / "again")])
    assert again.exit_code == 0, again.output


@pytest.mark.parametrize("lang", ["ja", "both"])
def test_the_key_rules_on_a_near_answer_the_bank_rejects(tmp_path: Path, lang: str) -> None:
    """Review 11 s5, review 12 s4: 軍事支援, printed by other stems of the sheet, is the likely answer to
    「米政府は、中国がロシアに対して何を検討していると懸念…」 (武器の提供), and the key did not say whether to accept it.
    The bank's `reject` says it is wrong; the PDF and Word grids print 「不可: 軍事支援」."""
    import docx

    res = CliRunner().invoke(cli, ["worksheet", "--ids", "a001-china-may-consider-arms,a001-position-paper-day",
                                   "--types", "short", "--count", "2", "--seed", "1", "--lang", lang,
                                   "--format", "html", "--format", "docx", "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    key = (tmp_path / "worksheet-A-key.html").read_text(encoding="utf-8")
    grid = key.split("answer-grid", 1)[1].split("</table>", 1)[0]
    rej = re.search(r'<div class="g-rej">(.*?)</div>', grid)
    assert rej is not None, grid
    assert rej.group(1) == ("不可:軍事支援" if lang == "ja" else "不可 / Not accepted: 軍事支援、military support")
    cells = [c.text for t in docx.Document(str(tmp_path / "worksheet-A-key.docx")).tables for r in t.rows for c in r.cells]
    assert any("不可" in c and "軍事支援" in c for c in cells), cells
    # the student's sheet says nothing of it
    assert "軍事支援" not in (tmp_path / "worksheet-A.html").read_text(encoding="utf-8")


def bank_good_copy(tmp_path: Path) -> tuple[Path, Path, str]:
    """A copy of the small valid test bank: its folder, its items file and that file's text."""
    bank = tmp_path / "bank"
    shutil.copytree(DATA / "bank_good", bank)
    items = bank / "items.yaml"
    return bank, items, items.read_text(encoding="utf-8")


def test_check_refuses_a_rejected_answer_that_is_also_accepted(tmp_path: Path) -> None:
    bank, items, text = bank_good_copy(tmp_path)
    first = text.index("  - id:")
    head, rest = text[:first], text[first:]
    answer = re.search(r"answer: \{ja: ([^,]+),", rest)
    assert answer is not None
    lines = rest.splitlines(keepends=True)
    lines.insert(1, f"    reject: [不正解, {answer.group(1)}]\n")
    items.write_text(head + "".join(lines), encoding="utf-8")
    res = CliRunner().invoke(cli, ["check", "--bank", str(bank)])
    assert res.exit_code == 1
    assert f"reject[1]: {quoted(answer.group(1).strip(chr(34)))} is both rejected and an accepted answer" in res.output, \
        res.output
    assert "reject[0]" not in res.output
