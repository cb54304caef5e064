"""Printed pages, read back with pypdf as a teacher would check them: versions of one test have the same page
count, no question is split from its note or choices, no section heading ends a page, no page holds only the
article list, and furigana never overprint the line above. Also the Word files, read back with python-docx.

Rendering PDFs is slow, so the sheets are made once for the module.
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from quizgen import resources
from quizgen.bank import Bank, Lang, Priority, Selection, load_bank
from quizgen.generators.worksheet import (
    ClozeQ,
    Exercise,
    Paper,
    Worksheet,
    WorksheetOptions,
    build_worksheet,
    key_entries,
    parse_points,
    visible_texts,
)
from quizgen.generators.worksheet.render import latin
from quizgen.generators.worksheet.write import write_worksheet

DAY = dt.date(2025, 3, 1)
FIXTURE = Path(__file__).parent / "data" / "worksheet_flowers"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class Run:
    """One piece of text as pypdf reads it off a page: where its baseline is (y grows down the page)."""

    text: str
    x: float
    y: float
    size: float


def runs(page: object) -> list[Run]:
    out: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            out.append(Run(text, tm[4], tm[5], size))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return out


CASES = [  # (name, bank, options, selection)
    ("all types A/B", "real", WorksheetOptions(count=20, variants=2, seed=11), Selection()),
    ("core, choice+tf A/B", "real", WorksheetOptions(count=14, types=(Exercise.CHOICE, Exercise.TRUEFALSE), variants=2,
                                                     seed=12), Selection(priorities=(Priority.CORE,))),
    ("bilingual furigana A/B", "real", WorksheetOptions(count=12, lang=Lang.BOTH, furigana=True, variants=2, seed=13),
     Selection()),
    ("english B5 A/B/C", "real", WorksheetOptions(count=15, lang=Lang.EN, variants=3, seed=14, paper=Paper.B5),
     Selection()),
    ("answer sheet B4 A/B", "real", WorksheetOptions(count=18, variants=2, seed=15, answer_sheet=True, paper=Paper.B4,
                                                     points=parse_points("2,short=3")), Selection()),
    ("fixture furigana A/B", "fixture", WorksheetOptions(count=16, variants=2, seed=16, furigana=True), Selection()),
]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Bank, Worksheet, Path]]:
    banks = {"real": load_bank(resources.bank_dir()), "fixture": load_bank(FIXTURE)}
    out = []
    for n, (name, which, opts, sel) in enumerate(CASES):
        bank = banks[which]
        items = sel.apply(bank)
        opts = WorksheetOptions(**{**opts.__dict__, "count": min(opts.count, len(items) // 2)})
        ws = build_worksheet(bank, items, opts, random.Random(opts.seed), DAY)
        folder = tmp_path_factory.mktemp(f"case{n}")
        write_worksheet(bank, ws, folder, formats=["pdf", "docx"])
        out.append((name, bank, ws, folder))
    return out


def test_versions_of_one_test_have_the_same_page_count(made: list[tuple[str, Bank, Worksheet, Path]]) -> None:
    for name, _, ws, folder in made:
        counts = {v.label: len(PdfReader(folder / f"worksheet-{v.label}.pdf").pages) for v in ws.variants}
        assert len(set(counts.values())) == 1, (name, counts)
        if ws.options.answer_sheet:
            answers = {len(PdfReader(folder / f"worksheet-{v.label}-answers.pdf").pages) for v in ws.variants}
            assert len(answers) == 1, name


def fragments(text: str, names: re.Pattern[str] | None, cloze: bool) -> list[str]:
    """The parts of `text` that are printed in one piece: a name with ruby is set apart from its line, and so is
    the text between the blanks of a cloze."""
    pieces = re.split(r"[ \u3000]+", text) if cloze else [text]
    if names is not None:
        pieces = [f for p in pieces for f in names.split(p)]
    return [squash(p) for p in pieces if len(squash(p)) >= 2]


def page_text(page: PageObject) -> str:
    """The page's text without the readings printed over names."""
    return squash("".join(r.text for r in runs(page) if not (r.size < 9 and re.fullmatch(r"[\u3041-\u309f\u30fc]+",
                                                                                          r.text.strip()))))


def test_no_question_heading_or_source_list_is_left_alone(made: list[tuple[str, Bank, Worksheet, Path]]) -> None:
    """Per page: every question whose number is there has all its text there (its note and choices did not
    fall over); a section's heading sits with its first question; the last page holds a question; and the
    question numbers run down each page in order (their positions, read off the page)."""
    from quizgen.generators.worksheet.render import Furigana

    blocks = 0
    for name, bank, ws, folder in made:
        lang = "en" if ws.lang is Lang.EN else "ja"
        label = "Q" if lang == "en" else "問"
        hard = sorted(Furigana(bank, True).segments, key=len, reverse=True)  # names and aliases with ruby
        names = re.compile("|".join(map(re.escape, hard))) if ws.options.furigana and hard else None
        for v in ws.variants:
            pages = PdfReader(folder / f"worksheet-{v.label}.pdf").pages
            texts = [page_text(p) for p in pages]
            where = {}
            for k, page in enumerate(pages):
                numbers = [(r.y, int(r.text.strip()[len(label):])) for r in runs(page)
                           if re.fullmatch(rf"{label}[0-9]+", r.text.strip())]
                assert [n for _, n in sorted(numbers)] == sorted(n for _, n in numbers), (name, v.label, k)
                for _, n in numbers:
                    where[n] = k
            for section in v.sections:
                for n, q in section.numbered():
                    blocks += 1
                    on_page = texts[where[n]]
                    for text in (latin(t) if lang == "en" else t for t in visible_texts(q, lang)):  # English as printed
                        for piece in fragments(text, names, isinstance(q, ClozeQ)):
                            assert piece in on_page, (name, v.label, n, piece)
                heading = squash(section.type.label.en if lang == "en" else section.type.label.ja)
                assert heading in texts[where[section.first]], (name, v.label, section.type)
            assert any(n for n, k in where.items() if k == len(pages) - 1), (name, v.label, "last page")
    assert blocks > 150


def width(text: str, size: float) -> float:
    """How wide `text` is printed: full-width characters one em, the others a little over half."""
    import unicodedata

    return sum(size if unicodedata.east_asian_width(c) in "WF" else 0.6 * size for c in text)


def test_furigana_never_overprint_the_line_above(made: list[tuple[str, Bank, Worksheet, Path]]) -> None:
    checked = 0
    for name, _, ws, folder in made:
        if not ws.options.furigana:
            continue
        for path in sorted(folder.glob("*.pdf")):
            for page in PdfReader(path).pages:
                rs = runs(page)
                body = max(r.size for r in rs)
                readings = [r for r in rs if re.fullmatch(r"[\u3041-\u309f\u30fc]+", r.text.strip()) and r.size < 9]
                for rt in readings:
                    top, bottom = rt.y - 0.9 * rt.size, rt.y + 0.15 * rt.size
                    for other in rs:  # the lines above: text whose baseline is above the reading's
                        if other is rt or other.size < 9 or other.size > body or other.y >= rt.y:
                            continue
                        left, right = other.x, other.x + width(other.text.strip(), other.size)
                        if not (left < rt.x + width(rt.text, rt.size) and rt.x < right):
                            continue
                        o_top, o_bottom = other.y - 0.88 * other.size, other.y + 0.12 * other.size
                        assert bottom <= o_top or top >= o_bottom, (name, path.name, rt, other)
                    checked += 1
    assert checked > 20


def test_word_files_read_back_with_every_question_and_answer(made: list[tuple[str, Bank, Worksheet, Path]]) -> None:
    import docx

    for name, bank, ws, folder in made:
        lang = "en" if ws.lang is Lang.EN else "ja"
        for v in ws.variants:
            doc = docx.Document(str(folder / f"worksheet-{v.label}.docx"))
            xml = doc.element.xml
            bases = re.sub(r"<w:rt>.*?</w:rt>", "", xml, flags=re.S)  # the text, without the readings over it
            # the XML escapes what it holds (&lt;b&gt; for <b>): read back as Word shows it
            text = squash(html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", bases))))
            for n, q in v.questions():
                assert (f"Q{n}" if lang == "en" else f"問{n}") in text
                for piece in visible_texts(q, lang):
                    for part in fragments(piece, None, isinstance(q, ClozeQ)):
                        assert part in text, (name, n, part)
            assert f"/{ws.total}" in text or ws.options.answer_sheet
            if ws.options.furigana:
                assert "<w:ruby>" in xml and "<w:rt>" in xml
            section = doc.sections[0]
            assert section.page_width is not None and section.page_height is not None
            assert (round(section.page_width.mm), round(section.page_height.mm)) == ws.options.paper.size_mm
            key = docx.Document(str(folder / f"worksheet-{v.label}-key.docx"))
            grid = key.tables[0]
            entries = key_entries(bank, ws, v)
            assert len(grid.rows) == len(entries) + 1
            for row, e in zip(grid.rows[1:], entries, strict=True):
                assert row.cells[0].text == str(e.number)
                assert row.cells[3].text == str(e.points)


# --------------------------------------------------------------------------- balancing, without WeasyPrint


class _Fake:
    """A layout whose page count the test decides from the HTML it was given."""

    def __init__(self, pages: int) -> None:
        self.page_count = pages

    def anchors(self) -> list[frozenset[str]]:
        return [frozenset({f"q{k}", f"q{k}-end"}) for k in range(self.page_count)]


def _sheet(n: int) -> str:
    sections = "".join(f'<section class="sec sec-short" id="s{k}"></section>' for k in range(1, n + 1))
    return f'<body class="sheet lang-ja">{sections}</body>'


def test_balance_tightens_the_longer_version_first() -> None:
    from quizgen.generators.worksheet.pages import balance

    seen: list[str] = []

    def lay_out(html: str) -> _Fake:
        seen.append(html)
        return _Fake(3 if "compact" in html or html.startswith("A") else 4)

    out = balance(["A" + _sheet(3), "B" + _sheet(3)], lay_out, Lang.JA)  # type: ignore[arg-type]
    assert [x.page_count for x in out] == [3, 3]
    assert "compact" in seen[-1]


def test_balance_spreads_then_pads_the_shorter_version() -> None:
    from quizgen.generators.worksheet.pages import BLANK_PAGE, balance

    def spreads(html: str) -> _Fake:  # a page break before section 3 adds a page; nothing tightens
        return _Fake(4 if html.startswith("B") or 'id="s3" style="break-before: page' in html else 3)

    out = balance(["A" + _sheet(3), "B" + _sheet(3)], spreads, Lang.JA)  # type: ignore[arg-type]
    assert [x.page_count for x in out] == [4, 4]

    padded: list[str] = []

    def stubborn(html: str) -> _Fake:  # only blank pages add one
        padded.append(html)
        return _Fake(4 if html.startswith("B") or BLANK_PAGE.ja in html else 3)

    out = balance(["A" + _sheet(2), "B" + _sheet(2)], stubborn, Lang.JA)  # type: ignore[arg-type]
    assert [x.page_count for x in out] == [4, 4] and BLANK_PAGE.ja in padded[-1]


def test_page_problems_names_each_kind() -> None:
    from quizgen.generators.worksheet.pages import page_problems

    assert page_problems([frozenset({"h1", "q1", "q1-end", "q2"}), frozenset({"q2-end", "h2"}),
                          frozenset({"q3", "q3-end"}), frozenset({"sources"})]) == [
        "question 2 is split across pages 1 and 2", "page 2 ends with a section heading",
        "page 4 holds only the source list"]
    assert page_problems([frozenset({"h1", "q1", "q1-end", "sources"})]) == []
