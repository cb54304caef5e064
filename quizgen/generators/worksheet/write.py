"""Write a worksheet set to disk: per variant the sheet, its key and (with `answer_sheet`) its answer sheet,
as HTML, PDF and/or Word (atomically).

Files: `<stem>-A.html`, `<stem>-A-key.html`, `<stem>-A-answers.html`, then B, …; the same as `.pdf` and
`.docx`. Every version is checked for leaks before anything is written. The HTML embeds a subset of the
Japanese font, so it shows Japanese on any machine (without fontTools, i.e. without the `pdf` extra, it uses
the reader's own Japanese fonts); the PDF embeds the font through WeasyPrint, and the versions of one sheet
get the same page count (`pages.balance`). When the `pdf` extra or WeasyPrint's system libraries are
missing, the HTML is still written and the DependencyError lists it. Word files need the `docx` extra.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path

from quizgen import atomic, extras
from quizgen.bank.model import Bank, Lang
from quizgen.errors import DependencyError, QuizgenError, UsageError
from quizgen.generators.worksheet import fonts
from quizgen.generators.worksheet.pages import balance, fit_key
from quizgen.generators.worksheet.pdf import (
    Layout,
    MissingLibraryError,
    build_temp,
    lay_out,
    load_weasyprint,
    pdf_bytes,
    render_pdf,
)
from quizgen.generators.worksheet.render import FONT_PLACEHOLDER, PDF_RUBY_CSS, Part, render, render_timeline
from quizgen.generators.worksheet.sheet import Paper, Worksheet, WorksheetOptions, variant_labels
from quizgen.generators.worksheet.timeline import Chronology
from quizgen.text import code_point, find_control, find_invisible, find_line_break, invisible_at


class Format(StrEnum):
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"


_SUFFIX = {Part.SHEET: "", Part.KEY: "-key", Part.ANSWERS: "-answers"}


def check_stem(stem: str) -> None:
    """The stem is a plain file name: not empty, no folder in it, not hidden, no line break, control character or
    invisible formatting character (UsageError otherwise, each with its own reason: hostile16 W08b let a line break, a
    tab and U+202E through, and refused `.hidden` as a path)."""
    if not stem.strip():
        raise UsageError("{stem} was given an empty name; give the files' name, e.g. {stem} week3", names=["stem"])
    if any(c in stem for c in "/\\") or stem in (".", ".."):
        raise UsageError(f"{{stem}} must be a file name, not a path: {stem!r}", names=["stem"])
    if stem.startswith("."):
        raise UsageError(f"{{stem}} {stem!r} begins with a dot, which hides the files (ls and file managers do not show "
                         "them); give it without the dot", names=["stem"])
    at = find_line_break(stem)
    if at is not None:
        raise UsageError(f"{{stem}} holds a line break ({code_point(stem[at])} at character {at + 1}); give the name "
                         "on one line", names=["stem"])
    at = find_control(stem)
    if at is None and "\t" in stem:
        at = stem.index("\t")  # `find_control` leaves tab alone, which a bank text may hold
    if at is not None:
        raise UsageError(f"{{stem}} holds a control character ({code_point(stem[at])} at character {at + 1}); a file "
                         "name should hold none", names=["stem"])
    at = find_invisible(stem)
    if at is not None:
        raise UsageError(f"{{stem}} holds an {invisible_at(stem, at)}", names=["stem"])


def file_name(stem: str, label: str, part: Part, fmt: Format) -> str:
    return f"{stem}-{label}{_SUFFIX[part]}.{fmt.value}"


def parts(ws: Worksheet) -> tuple[Part, ...]:
    """The documents of every version: the sheet, the key, and the answer sheet when asked for."""
    return options_parts(ws.options)


def options_parts(options: WorksheetOptions) -> tuple[Part, ...]:
    return (Part.SHEET, Part.KEY, Part.ANSWERS) if options.answer_sheet else (Part.SHEET, Part.KEY)


def planned_files(options: WorksheetOptions, out_dir: Path, stem: str, formats: Iterable[Format | str]) -> list[Path]:
    """Every file `write_worksheet` writes for sheets of `options`."""
    wanted = {Format(f) for f in formats}
    return [out_dir / file_name(stem, label, part, f) for f in Format if f in wanted
            for label in variant_labels(options.variants) for part in options_parts(options)]


def timeline_file(out_dir: Path, stem: str, fmt: Format) -> Path:
    """The chronology page's file beside the sheets named `stem`."""
    return out_dir / f"{stem}-timeline.{fmt.value}"


def pdf_font_css(font: Path) -> str:
    """The CSS filled into the HTML handed to WeasyPrint: the font from its file, and ruby placed by hand."""
    return fonts.file_font_css(font) + PDF_RUBY_CSS


def plan_formats(requested: Sequence[Format | str]) -> tuple[tuple[Format, ...], str | None]:
    """The formats to write and a note on what this install leaves out (None: nothing).

    `requested` empty means every format this install can make: HTML and PDF, or HTML only
    without the `pdf` extra. Asking for PDF without it raises MissingExtraError.
    """
    asked = tuple(Format(f) for f in requested)
    pdf_missing = bool(extras.missing(extras.Extra.PDF))
    if pdf_missing and Format.PDF in asked:
        raise extras.error(extras.Extra.PDF)
    if Format.DOCX in asked:
        extras.require(extras.Extra.DOCX)
    formats = asked or ((Format.HTML,) if pdf_missing else (Format.HTML, Format.PDF))
    html_only = pdf_missing and not asked
    system_fonts = Format.HTML in formats and not fonts.can_embed()
    if not (html_only or system_fonts):
        return formats, None
    what = {(True, True): "HTML only, in the reader's own Japanese fonts.", (True, False): "HTML only.",
            (False, True): "the HTML uses the reader's own Japanese fonts."}[html_only, system_fonts]
    return formats, f"{what} {extras.error(extras.Extra.PDF)}"


def html_font_css(font: Path, text: str) -> str:
    """The font CSS of stand-alone HTML: an embedded subset for `text`, or none without fontTools.

    Without it the stylesheet's font list applies: IPAexGothic if the reader has it, else the
    usual Japanese system fonts (Hiragino, Yu Gothic, Meiryo, Noto Sans CJK).
    """
    return fonts.embedded_font_css(font, text) if fonts.can_embed() else ""


def render_documents(bank: Bank, ws: Worksheet) -> dict[tuple[str, Part], str]:
    """Every variant's documents as HTML (sheet, key, answer sheet), with the font placeholder still in it."""
    return {(v.label, part): render(bank, ws, v, part) for v in ws.variants for part in parts(ws)}


def check_leaks(bank: Bank, ws: Worksheet) -> None:
    """Refuse to write a version whose questions give each other's answers away (the last check before
    anything is written; `build_worksheet` never makes one)."""
    from quizgen.generators.worksheet import sheet_leaks

    for v in ws.variants:
        leaks = sheet_leaks(bank, ws, v)
        if leaks:
            raise QuizgenError(f"version {v.label} gives answers away, nothing written: "
                               + "; ".join(leak.describe() for leak in leaks))


def write_timeline(bank: Bank, chrono: Chronology, lang: Lang, path: Path, fmt: Format | str,
                   paper: Paper = Paper.A4, furigana: bool = False) -> Path:
    """Write the chronology page as HTML (with its font subset embedded, where fontTools is installed) or PDF
    (which needs the `pdf` extra), atomically."""
    if Format(fmt) is Format.DOCX:
        raise UsageError("the chronology page is made as HTML or PDF, not as a Word file")
    font = fonts.font_path()
    html = render_timeline(bank, chrono, lang, paper, furigana)
    if Format(fmt) is Format.HTML:
        return atomic.write_text(path, html.replace(FONT_PLACEHOLDER, html_font_css(font, html), 1))
    extras.require(extras.Extra.PDF)
    data = render_pdf(html.replace(FONT_PLACEHOLDER, pdf_font_css(font), 1), name=path.name)
    return atomic.write_bytes(path, data)


def write_worksheet(bank: Bank, ws: Worksheet, out_dir: Path, stem: str = "worksheet",
                    formats: Iterable[Format | str] = (Format.HTML, Format.PDF)) -> list[Path]:
    """Write the sheets and keys of every variant; returns the paths written, in order."""
    check_stem(stem)
    wanted = {Format(f) for f in formats}
    check_leaks(bank, ws)
    atomic.check_targets(planned_files(ws.options, out_dir, stem, wanted))  # none written if one is refused
    font = fonts.font_path()
    docs = render_documents(bank, ws)
    written: list[Path] = []

    def write_html() -> None:
        chars = "".join(docs.values())  # a superset of the text shown: markup adds only ASCII
        css = html_font_css(font, chars)
        for (label, part), html in docs.items():
            path = out_dir / file_name(stem, label, part, Format.HTML)
            written.append(atomic.write_text(path, html.replace(FONT_PLACEHOLDER, css, 1)))

    if Format.PDF in wanted:
        try:
            extras.require(extras.Extra.PDF)
            load_weasyprint()
        except DependencyError as exc:
            write_html()  # still give the teacher something to print from a browser
            note = f" The HTML ({len(written)} files) was written; print it from a browser."
            # a missing extra's message ends with its pip line, kept last so that it can be copied whole
            raise exc.with_paths(written, note if isinstance(exc, MissingLibraryError) else "") from exc
    if Format.HTML in wanted:
        write_html()
    if Format.PDF in wanted:
        written += write_pdfs(ws, docs, out_dir, stem, font)
    if Format.DOCX in wanted:
        from quizgen.generators.worksheet.word import write_docx

        written += [write_docx(bank, ws, v, part, out_dir / file_name(stem, v.label, part, Format.DOCX))
                    for v in ws.variants for part in parts(ws)]
    return written


def write_pdfs(ws: Worksheet, docs: dict[tuple[str, Part], str], out_dir: Path, stem: str, font: Path) -> list[Path]:
    """Every document as PDF; the versions of a sheet (and of an answer sheet) with the same page count."""
    with build_temp():  # WeasyPrint's temporary fonts in a folder a killed build's next build removes
        return _write_pdfs(ws, docs, out_dir, stem, font)


def _write_pdfs(ws: Worksheet, docs: dict[tuple[str, Part], str], out_dir: Path, stem: str, font: Path) -> list[Path]:
    css = pdf_font_css(font)
    layouts: dict[tuple[str, Part], Layout] = {}
    labels = [v.label for v in ws.variants]
    for part in parts(ws):
        htmls = [docs[label, part].replace(FONT_PLACEHOLDER, css, 1) for label in labels]
        laid = [fit_key(h, lay_out) for h in htmls] if part is Part.KEY else balance(htmls, lay_out, ws.lang)
        layouts.update({(label, part): x for label, x in zip(labels, laid, strict=True)})
    written = []
    for (label, part) in docs:
        name = file_name(stem, label, part, Format.PDF)
        written.append(atomic.write_bytes(out_dir / name, pdf_bytes(layouts[label, part], name=name)))
    return written
