"""Review 7 (five sheets a fresh strict teacher checked, issue 14): each fault of the generator as a regression test
that failed before its fix, on the fixture bank (tests/data/worksheet_flowers) where the bank's wording does not
matter. The bank's own answers (a missing 別解, the article's word as the main answer) are the bank editor's."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_worksheet_review3 import DAY, FLOWERS, plain

from quizgen.bank import Bank, Item, Lang, load_bank
from quizgen.bank.model import DateBasis, DateHow, Evidence
from quizgen.cli import cli
from quizgen.generators.worksheet import Exercise, WorksheetOptions, build_worksheet, chronology
from quizgen.generators.worksheet.render import Part, render, render_timeline, sheet_sources
from quizgen.generators.worksheet.word import docx_bytes

LATE = "これより後の出来事も載っている"


@pytest.fixture(scope="module")
def flowers() -> Bank:
    return load_bank(FLOWERS)


def _lavrov(bank: Bank) -> Item:
    return next(i for i in bank.items if i.id == "t-lavrov-visit")  # 2024-04, stated in 101 (no page date)


def _background(bank: Bank) -> Item:
    """A 2024 fact reported and dated by 101, with a quote of 100 (dated 2023年3月21日) for background only: the
    2025 「建設的な役割」 statement of s4 問4, with the 2023 page quoted for the position paper's title."""
    i = _lavrov(bank)
    return replace(i, evidence=(*i.evidence, Evidence("100", "12項目からなる和平案")))


def _reported_late(bank: Bank) -> Item:
    """A 2024 fact that the page dated 2023年3月21日 itself reports and dates (the summary page 000 of the bank)."""
    i = _lavrov(bank)
    return replace(i, id="t-late-report", evidence=(Evidence("100", "2024年4月、ラブロフ外相"),),
                   date_basis=DateBasis(DateHow.STATED, "100", ("2024年4月、ラブロフ外相",)))


def _counted(bank: Bank) -> Item:
    """A 2024 fact reported by 101 and dated by counting from a year 100 writes (s5: the 2025 anniversary call,
    its year counted from 「2023年2月、…1年が経過」 on the page of 2023年3月18日)."""
    i = _lavrov(bank)
    return replace(i, date_basis=DateBasis(DateHow.COUNTED, "100", ("侵攻から1年",), from_year=2023, years=1))


def _flagged(sources: dict[str, object]) -> set[str]:
    return {a for a, s in sources.items() if LATE in s.label.ja}  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- 1. 「これより後の出来事も載っている」


def test_a_page_quoted_for_background_is_not_said_to_report_later_events(flowers: Bank) -> None:
    """s4 問4: the 2023 page was quoted for background to a 2025 statement, and its source line said 「※日付は
    ページの表示によるもの。これより後の出来事も載っている」, which is false. Only a page that itself reports (and
    dates) the later event gets the note."""
    assert _flagged(sheet_sources(flowers, ["100", "101"], [_background(flowers)])) == set()
    assert _flagged(sheet_sources(flowers, ["100", "101"], [_counted(flowers)])) == set()
    assert _flagged(sheet_sources(flowers, ["100"], [_reported_late(flowers)])) == {"100"}


def test_sheet_key_and_word_keep_the_note_off_a_background_page(flowers: Bank) -> None:
    """s4: the same false note on the student sheet, in the key and in the .docx."""
    item = _background(flowers)
    ws = build_worksheet(flowers, (item,), WorksheetOptions(count=1, seed=5, types=(Exercise.TRUEFALSE,)),
                         random.Random(5), DAY)
    v = ws.variants[0]
    assert "100" in ws.articles
    for part in (Part.SHEET, Part.KEY):
        html = render(flowers, ws, v, part)
        assert "テスト新聞" in plain(html) and LATE not in plain(html), part
        assert LATE not in _docx_text(docx_bytes(flowers, ws, v, part)), part


def _docx_text(data: bytes) -> str:
    import io

    import docx

    doc = docx.Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_timeline_page_names_a_counting_page_as_the_dates_basis_not_as_a_source(flowers: Bank) -> None:
    """s5: the chronology page cited the 2023 page that only gives the year to count from as a source of the 2025
    phone call, and gave it the false note. The event's sources are the pages that report it; the counting page is
    named with how the date was found, with no note."""
    chrono = chronology(flowers, [_counted(flowers)])
    (entry,) = chrono.entries
    assert [s.ja for s in entry.sources] == ["テスト通信(日付記載なし)"]
    assert "テスト新聞" in " ".join(b.ja for b in entry.bases)
    html = plain(render_timeline(flowers, chrono, Lang.JA))
    assert "テスト新聞「中ロ首脳が会談(テスト記事)」(2023年3月21日)" in html and LATE not in html
    late = plain(render_timeline(flowers, chronology(flowers, [_reported_late(flowers)]), Lang.JA))
    assert LATE in late


# --------------------------------------------------------------------------- 2. a chronology of one event


def test_a_chronology_page_of_fewer_events_than_an_exercise_is_refused(tmp_path: Path) -> None:
    """s5: `--timeline-page` printed a 年表 of one event (the other five answered questions of the sheet); only an
    empty page was refused. Fewer than MIN_EXERCISE (3) events are refused before anything is written, saying how
    many are left and why."""
    res = CliRunner().invoke(cli, [
        "worksheet", "--bank", str(FLOWERS), "--types", "short,truefalse,choice,cloze", "--count", "24",
        "--timeline-page", "--seed", "5", "--name", "s5", "-o", str(tmp_path / "out"), "--format", "html"])
    assert res.exit_code == 2, res.output
    m = re.match(r"Error: --timeline-page: the chronology page would hold only ([12]) events? \(the other (\d+) of "
                 r"the selection's (\d+) dated events answer a question of the worksheet\); a chronology takes at "
                 r"least 3", res.output)
    assert m, res.output
    assert int(m[1]) + int(m[2]) == int(m[3])
    assert m[1] == "1"  # s5: one event left
    assert "leave out --timeline-page, ask fewer questions with --count" in res.output
    assert not (tmp_path / "out").exists()
