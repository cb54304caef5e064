"""Worksheet PDFs: the text a teacher prints, the embedded Japanese font, and what happens without Pango.

PDF rendering is CPU-heavy, so one small worksheet is rendered once for the module.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.abc
import importlib.machinery
import random
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import cast

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from quizgen import resources
from quizgen.bank import Bank, Selection, load_bank
from quizgen.cli import cli
from quizgen.generators.build import build_all
from quizgen.generators.worksheet import (
    Worksheet,
    WorksheetOptions,
    build_worksheet,
    fonts,
    key_entries,
    visible_texts,
)
from quizgen.generators.worksheet.pdf import MissingLibraryError, render_pdf
from quizgen.generators.worksheet.render import sheet_sources
from quizgen.generators.worksheet.write import write_worksheet

DATA = Path(__file__).parent / "data" / "worksheet_flowers"  # the worksheet fixture and sixteen facts that never clash
IPAEXG_003_01_SHA256 = "6726fb3c804e3fbc3ff5f45eddfd2fb1a858c2b1e03d3f1d8619bbca8d0a0ccd"  # ipaexg00301.zip's ipaexg.ttf


def squash(text: str) -> str:
    """PDF text extraction breaks lines and inserts spaces where it likes: compare without whitespace."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA)


@pytest.fixture(scope="module")
def written(bank: Bank, tmp_path_factory: pytest.TempPathFactory) -> tuple[Worksheet, list[Path]]:
    out = tmp_path_factory.mktemp("ws")
    ws = build_worksheet(bank, Selection().apply(bank), WorksheetOptions(count=9, seed=4), random.Random(4),
                         dt.date(2025, 3, 1))
    return ws, write_worksheet(bank, ws, out)


def test_files_written(written: tuple[Worksheet, list[Path]]) -> None:
    _, paths = written
    assert [p.name for p in paths] == ["worksheet-A.html", "worksheet-A-key.html", "worksheet-A.pdf", "worksheet-A-key.pdf"]
    assert all(p.read_bytes()[:5] == b"%PDF-" for p in paths[2:])


def test_pdf_holds_every_question_and_the_key_every_answer(bank: Bank, written: tuple[Worksheet, list[Path]]) -> None:
    ws, paths = written
    sheet, key = squash(pdf_text(paths[2])), squash(pdf_text(paths[3]))
    variant = ws.variants[0]
    for n, q in variant.questions():
        assert f"問{n}" in sheet
        for text in visible_texts(q):
            assert squash(text) in sheet, (n, text)
    for entry in key_entries(bank, ws, variant):
        assert f"問{entry.number}" in key and squash(entry.answer.ja) in key
        for line in entry.lines:
            for quote in line.quotes:
                assert squash(f"{sheet_sources(bank, ws.articles)[quote.article].mark}「{quote.quote}」") in key
    assert "この解答は版A専用です" in key
    pages = len(PdfReader(paths[2]).pages)
    assert f"1/{pages}" in sheet and "氏名" in sheet and "得点" in sheet




def test_japanese_font_is_embedded(written: tuple[Worksheet, list[Path]]) -> None:
    _, paths = written
    for path in paths[2:]:
        reader = PdfReader(path)
        found = {}
        for page in reader.pages:
            resources = cast(DictionaryObject, page["/Resources"].get_object())
            for ref in cast(DictionaryObject, resources["/Font"].get_object()).values():
                font = cast(DictionaryObject, ref.get_object())
                descendant = cast(ArrayObject, font["/DescendantFonts"])[0].get_object()
                descriptor = cast(DictionaryObject, cast(DictionaryObject, descendant)["/FontDescriptor"].get_object())
                embedded = descriptor.get("/FontFile2") or descriptor.get("/FontFile3")
                found[str(font["/BaseFont"])] = embedded is not None and len(embedded.get_object().get_data()) > 10_000
        assert len(found) == 1, found  # one font only: nothing fell back to a system font
        ((name, embedded),) = found.items()
        assert re.fullmatch(r"/[A-Z]{6}\+IPAexGothic", name) and embedded


def test_a_font_that_fails_to_load_is_an_error_not_tofu() -> None:
    html = ('<style>@font-face { font-family: "IPAexGothic"; src: url("file:///nonexistent/ipaexg.ttf"); } '
            'body { font-family: "IPAexGothic"; }</style><p>日本語</p>')
    with pytest.raises(fonts.FontError) as err:
        render_pdf(html, name="test.pdf")
    assert str(err.value).startswith("test.pdf: the Japanese font IPAexGothic was not embedded in the PDF (fonts used instead: ")
    assert str(err.value).endswith("Refusing to write a PDF that may print missing-glyph boxes.")


def test_a_missing_font_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "FILE", "missing.ttf")
    with pytest.raises(fonts.FontError) as err:
        fonts.font_path()
    assert str(err.value) == f"the Japanese font file {resources.fonts_dir() / 'missing.ttf'} is missing; reinstall quizgen"


def test_the_font_ships_unmodified_beside_its_licence() -> None:
    """The IPA Font License lets us redistribute IPAexGothic unmodified, under its name, with the licence attached."""
    assert fonts.font_path() == resources.fonts_dir() / "ipaexg.ttf"
    assert hashlib.sha256(fonts.font_path().read_bytes()).hexdigest() == IPAEXG_003_01_SHA256
    licence = (resources.fonts_dir() / "IPA_Font_License_Agreement_v1.0.txt").read_text(encoding="utf-8-sig")
    assert "IPA Font License Agreement v1.0" in licence and "must attach a copy of this Agreement" in licence


class _NoPango(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Makes `import weasyprint` fail as it does on a machine without Pango: found, but failing to load."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> importlib.machinery.ModuleSpec | None:
        if name == "weasyprint" or name.startswith("weasyprint."):
            return importlib.machinery.ModuleSpec(name, self)
        return None

    def exec_module(self, module: ModuleType) -> None:
        raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")


@pytest.fixture
def no_pango(monkeypatch: pytest.MonkeyPatch) -> None:
    for mod in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
        monkeypatch.delitem(sys.modules, mod)
    monkeypatch.setattr(sys, "meta_path", [_NoPango(), *sys.meta_path])


@pytest.mark.usefixtures("no_pango")
def test_without_pango_the_html_is_still_written_and_the_fix_named(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["worksheet", "--bank", str(DATA), "--count", "5", "--seed", "1", "--format", "pdf",
                                   "-o", str(tmp_path)])
    assert res.exit_code == 1
    assert res.output.startswith(f"wrote {tmp_path}/worksheet-A.html\nwrote {tmp_path}/worksheet-A-key.html\n"
                                 "Error: cannot make PDFs: WeasyPrint needs the Pango and HarfBuzz system libraries "
                                 "(cannot load library 'libpango-1.0-0': ")
    assert "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0" in res.output
    assert "macOS: brew install pango" in res.output
    assert res.output.endswith("The HTML (2 files) was written; print it from a browser.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["worksheet-A-key.html", "worksheet-A.html"]
    assert "data:font/woff2;base64," in (tmp_path / "worksheet-A.html").read_text(encoding="utf-8")


@pytest.mark.usefixtures("no_pango")
def test_build_without_pango_reports_the_step_and_keeps_the_html(bank: Bank, tmp_path: Path) -> None:
    (result,) = build_all(bank, tmp_path, dt.datetime(2025, 3, 1, tzinfo=dt.UTC), ("worksheet",))
    assert result.skipped and "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0" in result.skipped
    assert [p.name for p in result.paths] == ["worksheet-A.html", "worksheet-A-key.html",
                                              "worksheet-B.html", "worksheet-B-key.html", "timeline.html"]
    assert all(p.is_file() for p in result.paths)


@pytest.mark.usefixtures("no_pango")
def test_library_error_carries_the_paths(bank: Bank, tmp_path: Path) -> None:
    ws = build_worksheet(bank, Selection().apply(bank), WorksheetOptions(count=3, seed=1), random.Random(1),
                         dt.date(2025, 3, 1))
    with pytest.raises(MissingLibraryError) as err:
        write_worksheet(bank, ws, tmp_path, formats=["pdf"])
    assert err.value.paths == (tmp_path / "worksheet-A.html", tmp_path / "worksheet-A-key.html")
