"""The Japanese font for worksheets: IPAexGothic, found, checked and (for HTML) subset.

IPAexGothic (IPA Font License v1.0, Information-technology Promotion Agency, Japan) ships with
quizgen, unmodified, as `fonts/ipaexg.ttf` beside its licence and readme (`resources.fonts_dir()`;
the licence allows redistribution of the unmodified file with the licence attached, and
embedding it in documents). WeasyPrint embeds it in PDFs; fontTools cuts the subset that
stand-alone HTML embeds. Both come with the `pdf` extra: without fontTools the HTML names
the font and a list of common Japanese system fonts, and the reader's own are used.

The font has one weight only, so worksheets never ask for bold.
"""

from __future__ import annotations

import base64
import io
import os
from functools import lru_cache
from pathlib import Path

from quizgen import extras, resources
from quizgen.errors import QuizgenError

FAMILY = "IPAexGothic"  # the CSS family name and the font's own PostScript name
FILE = "ipaexg.ttf"


class FontError(QuizgenError):
    """The worksheet font cannot be found, read or used."""


def font_path() -> Path:
    """The IPAexGothic file, checked to exist and be readable."""
    path = resources.fonts_dir() / FILE
    if not path.is_file():
        raise FontError(f"the Japanese font file {path} is missing; reinstall quizgen")
    if not os.access(path, os.R_OK):
        raise FontError(f"the Japanese font file {path} is not readable; check its permissions")
    with open(path, "rb") as fh:
        magic = fh.read(4)
    if magic not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        raise FontError(f"the Japanese font file {path} is not a TrueType/OpenType font; reinstall quizgen")
    return path


def can_embed() -> bool:
    """True when stand-alone HTML can embed a subset of the font (fontTools, from the `pdf` extra, is installed)."""
    return extras.has_module("fontTools")


def file_font_css(path: Path) -> str:
    """@font-face loading the font from its file (for WeasyPrint)."""
    return f'@font-face {{ font-family: "{FAMILY}"; src: url("{path.as_uri()}"); }}'


def embedded_font_css(path: Path, text: str) -> str:
    """@font-face with a subset of the font (only the glyphs `text` needs) as a data: URL (for stand-alone HTML)."""
    flavor, data = subset_font(path, frozenset(text))
    b64 = base64.b64encode(data).decode("ascii")
    return (f'@font-face {{ font-family: "{FAMILY}"; '
            f'src: url(data:font/{flavor};base64,{b64}) format("{flavor}"); }}')


@lru_cache(maxsize=8)
def subset_font(path: Path, chars: frozenset[str]) -> tuple[str, bytes]:
    """(flavor, bytes): the font cut down to `chars`, as WOFF2 (WOFF when brotli is missing)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    try:
        import brotli  # type: ignore[import-untyped,unused-ignore]  # noqa: F401
        flavor = "woff2"
    except ImportError:  # pragma: no cover - fontTools[woff] normally brings brotli
        flavor = "woff"
    opts = subset.Options()
    opts.flavor = flavor
    opts.layout_features = ["*"]  # keep vertical/proportional forms and kana features
    opts.name_IDs = ["*"]  # keep the copyright and licence notices
    opts.notdef_outline = True
    try:
        font = TTFont(str(path), lazy=True)
        subsetter = subset.Subsetter(opts)
        subsetter.populate(text="".join(sorted(chars)))
        subsetter.subset(font)
        buf = io.BytesIO()
        font.flavor = flavor
        font.save(buf)
    except Exception as exc:  # a damaged font file is the user's environment, not a bug in quizgen
        raise FontError(f"cannot read the Japanese font {path}: {exc}") from exc
    return flavor, buf.getvalue()
