"""HTML to PDF with WeasyPrint, with the Japanese font embedded and checked.

WeasyPrint is imported only here, inside functions. It comes with the `pdf` extra
(when it is not installed, `quizgen.extras` says which pip line adds it), and it
loads Pango (a system library) on import, which may be missing on a user's
machine: then we raise a `MissingLibraryError` that says exactly what to install.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from quizgen import extras
from quizgen.atomic import BUILD_TEMP_PREFIX, sweep_build_temps, temp_root
from quizgen.errors import DependencyError
from quizgen.generators.worksheet.fonts import FAMILY, FontError

INSTALL_HINT = (
    "Debian/Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; "
    "Fedora: sudo dnf install pango harfbuzz; macOS: brew install pango; "
    "Windows: install the GTK3 runtime as described at "
    "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html"
)


class MissingLibraryError(DependencyError):
    """The system libraries WeasyPrint needs are missing; `paths` lists what was still written."""


def load_weasyprint() -> ModuleType:
    """Import WeasyPrint: a missing system library is a MissingLibraryError, a missing package a MissingExtraError.

    The import runs in `build_temp`: as it loads Pango, HarfBuzz and fontconfig, cffi asks `ctypes.util.find_library`,
    which runs gcc and ld to write into a temporary file; a build stopped then (SIGINT or SIGTERM to its pid alone)
    removed that file while the linker, still running, made it again, an empty `tmpXXXXXXXX` left in the temp folder
    (hostile pass 12). In the build's own folder, removed on the way out, the linker finds no folder to write in, and a
    killed build's folder goes with the next build. Once imported, the module is returned as it is: a temp folder
    made and swept for every PDF cost `bench/bench_worksheet.py` about a tenth of its ratio."""
    loaded = sys.modules.get("weasyprint")
    if loaded is not None:
        return loaded
    try:
        with build_temp():
            import weasyprint
    except OSError as exc:  # cffi could not dlopen Pango/HarfBuzz
        raise MissingLibraryError(
            f"cannot make PDFs: WeasyPrint needs the Pango and HarfBuzz system libraries ({exc}). "
            f"Install them — {INSTALL_HINT} — or use --format html."
        ) from exc
    except ImportError as exc:  # not installed, or one of its own packages is missing
        raise extras.error(extras.Extra.PDF) from exc
    module: ModuleType = weasyprint
    return module


@contextmanager
def _captured_warnings() -> Iterator[list[str]]:
    """Collect WeasyPrint's warnings (e.g. 'Font-face … cannot be loaded') while rendering."""
    messages: list[str] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    logger = logging.getLogger("weasyprint")
    handler = _Collect(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)


@contextmanager
def build_temp() -> Iterator[Path]:
    """A temporary folder quizgen owns, `quizgen-build-<pid>` in the system's, where WeasyPrint puts the fonts it
    subsets (its `weasyprint-*` folders, 6-24 MB each), for the PDFs made inside the block; removed at its end.

    WeasyPrint removes its folders itself, unless the process is killed (SIGKILL, the OOM killer); then this
    folder stays, and the next build removes it, as every `quizgen-build-*` folder whose process is gone.
    `tempfile.tempdir` points here inside the block (the folder WeasyPrint asks `tempfile` for); nested blocks
    share the outer one's folder."""
    if tempfile.tempdir is not None and Path(tempfile.tempdir).name == f"{BUILD_TEMP_PREFIX}{os.getpid()}":
        yield Path(tempfile.tempdir)
        return
    base = temp_root()
    sweep_build_temps()
    folder = base / f"{BUILD_TEMP_PREFIX}{os.getpid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    saved, tempfile.tempdir = tempfile.tempdir, str(folder)
    try:
        yield folder
    finally:
        tempfile.tempdir = saved
        shutil.rmtree(folder, ignore_errors=True)


def render_pdf(html: str, *, name: str = "worksheet", required_font: str = FAMILY) -> bytes:
    """The PDF for `html`; raises FontError unless `required_font` is embedded in it."""
    with build_temp():
        return pdf_bytes(lay_out(html), name=name, required_font=required_font)


@dataclass(frozen=True)
class Layout:
    """HTML laid out in pages by WeasyPrint, not yet written: its pages can be counted and their anchors read
    before `pdf_bytes` writes it."""

    document: Any
    warnings: tuple[str, ...]

    @property
    def page_count(self) -> int:
        return len(self.document.pages)

    def anchors(self) -> list[frozenset[str]]:
        """The element ids that start on each page, in order (the sheet marks every question's start and end,
        every section heading and the source list with one)."""
        return [frozenset(page.anchors) for page in self.document.pages]


    def prints_besides(self, element_id: str) -> list[bool]:
        """Whether each page prints any text outside the element `element_id` and the page margins (running head,
        page number): an entry whose box runs onto a page with only its padding prints nothing there, though its
        anchor is on that page (review 10: a key's p.5 held only the source list and 問12's bottom edge)."""
        return [_prints_text(page._page_box, element_id) for page in self.document.pages]


def _prints_text(box: Any, skip_id: str) -> bool:
    element = getattr(box, "element", None)
    if type(box).__name__ == "MarginBox" or (element is not None and element.get("id") == skip_id):
        return False
    if type(box).__name__ == "TextBox" and box.text.strip("\u2060 \n"):
        return True
    return any(_prints_text(child, skip_id) for child in getattr(box, "children", ()))


_KATAKANA_GAP = re.compile(r"(?<=[\u30a1-\u30fa\u30fc])(?=[\u30a1-\u30fa\u30fc])"
                           r"|(?<=[中日米英仏独韓朝印])(?=ロ)|(?<=ロ)(?=[中日米英仏独韓朝印])")
"""Where a line must not break: inside a katakana word, and inside a pair of countries abbreviated to one letter each
with ロ for Russia (中ロ, 米ロ: review 12, s3 問7 「…2025年の中」/「ロ戦略対話」)."""
_WORD_JOINER = "\u2060"


def keep_words(html: str) -> str:
    """`html` with a word joiner (U+2060) between the letters of every katakana word and of 中ロ, so no line breaks
    inside one (review 3, s5: 「モスク/ワ」). WeasyPrint 70 ignores `word-break: keep-all` and `line-break: strict` for
    Japanese, but Pango keeps joined letters together, draws nothing for the joiner and leaves it out of the
    PDF's text: a copied or searched line reads モスクワ. A name breaks at its ・ (ウォロディミル・ゼレンスキー)."""
    return _KATAKANA_GAP.sub(_WORD_JOINER, html)


def lay_out(html: str) -> Layout:
    weasyprint = load_weasyprint()
    with _captured_warnings() as warnings:
        document = weasyprint.HTML(string=keep_words(html)).render()
    return Layout(document, tuple(warnings))


def pdf_bytes(layout: Layout, *, name: str = "worksheet", required_font: str = FAMILY) -> bytes:
    """Write a laid-out document; raises FontError unless `required_font` is embedded in it."""
    with _captured_warnings() as warnings:
        data: bytes = layout.document.write_pdf()
    warnings = [*layout.warnings, *warnings]
    document = layout.document
    embedded = pdf_font_names(document)
    if not any(required_font in f for f in embedded):
        detail = "; ".join(w for w in warnings if "font" in w.lower()) or "no font warning was given"
        raise FontError(f"{name}: the Japanese font {required_font} was not embedded in the PDF "
                        f"(fonts used instead: {', '.join(embedded) or 'none'}; {detail}). "
                        "Refusing to write a PDF that may print missing-glyph boxes.")
    return data


def pdf_font_names(document: object) -> list[str]:
    """Base font names written into the PDF, e.g. 'WNCCQH+IPAexGothic' (after `write_pdf`)."""
    fonts = getattr(document, "fonts", {}) or {}
    return sorted(f.name.decode("ascii", "replace").lstrip("/") for f in fonts.values())
