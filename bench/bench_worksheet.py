"""A 40-question worksheet PDF through quizgen vs plain WeasyPrint rendering the same HTML, in the same run.

quizgen's time covers picking the questions, rendering the Jinja2 template and
the PDF with its font check; the baseline is `weasyprint.HTML(string=html).write_pdf()`
on the identical HTML. Goal: ratio <= 1.2. Also reports the stand-alone HTML
(font subset) time for information.

    .venv/bin/python bench/bench_worksheet.py [--quick]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time

from quizgen import resources
from quizgen.bank import Selection, load_bank
from quizgen.generators.worksheet import WorksheetOptions, build_worksheet, fonts
from quizgen.generators.worksheet.pdf import render_pdf
from quizgen.generators.worksheet.render import FONT_PLACEHOLDER, Part, render
from quizgen.generators.worksheet.write import pdf_font_css

COUNT = 40


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    rounds = 3 if quick else 7
    import weasyprint

    bank = load_bank(resources.bank_dir())
    items = Selection().apply(bank)
    if len(items) < COUNT:
        print(f"skipped: the bank has {len(items)} items, fewer than {COUNT}")
        return 0
    day = dt.date(2025, 3, 1)
    font_css = pdf_font_css(fonts.font_path())  # the very CSS write_worksheet gives WeasyPrint

    def quizgen_pdf() -> tuple[bytes, str]:
        ws = build_worksheet(bank, items, WorksheetOptions(count=COUNT, seed=1), random.Random(1), day)
        html = render(bank, ws, ws.variants[0], Part.SHEET).replace(FONT_PLACEHOLDER, font_css, 1)
        return render_pdf(html, name="bench.pdf"), html

    data, html = quizgen_pdf()  # warm-up: imports, font caches
    weasyprint.HTML(string=html).write_pdf()
    ours, plain = [], []
    for _ in range(rounds):  # interleaved, so machine noise hits both alike
        t = time.perf_counter()
        quizgen_pdf()
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        weasyprint.HTML(string=html).write_pdf()
        plain.append(time.perf_counter() - t)
    q, w = min(ours), min(plain)  # the least-disturbed run of each: this machine is shared
    ratio = q / w
    t = time.perf_counter()
    fonts.subset_font.cache_clear()
    fonts.embedded_font_css(fonts.font_path(), html)
    subset = time.perf_counter() - t
    from io import BytesIO

    from pypdf import PdfReader

    pages = len(PdfReader(BytesIO(data)).pages)
    print(f"worksheet PDF, {COUNT} questions ({pages} pages, {len(data) // 1024} KiB), best of {rounds}: "
          f"quizgen {q:.2f}s, plain WeasyPrint {w:.2f}s, ratio {ratio:.2f}x (goal <= 1.2x)")
    print(f"stand-alone HTML font subset (fontTools, WOFF2): {subset:.2f}s")
    return 0 if ratio <= 1.2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
