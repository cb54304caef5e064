"""What the bank's length limits let a worksheet PDF cost: every text at its limit vs the bank as it is, same run.

`quizgen check` bounds every text (`quizgen/bank/limits.py`: prompts 600 characters, quotes 400,
answers 200, other texts 2000), because WeasyPrint lays out one long paragraph in worse than linear
time (one 80,000-character prompt took about a minute). This renders the same 20-question sheet
and key twice: from the bundled bank, and from it with every prompt, answer and explanation of the
chosen items stretched to its limit in Japanese (no spaces: the hardest case for line breaking).
Goal: the stretched sheet within 10x the plain one, and well under a minute. With --full it also
times one prompt of 20x the limit, which `check` refuses, to show the curve the limit cuts off.

    .venv/bin/python bench/bench_long_text.py [--quick|--full]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sys
import time

from quizgen import resources
from quizgen.bank import Bank, Item, Selection, Text, load_bank
from quizgen.bank.limits import ANSWER, OTHER, QUESTION
from quizgen.generators.worksheet import Exercise, WorksheetOptions, build_worksheet, fonts
from quizgen.generators.worksheet.pdf import render_pdf
from quizgen.generators.worksheet.render import FONT_PLACEHOLDER, Part, render
from quizgen.generators.worksheet.write import pdf_font_css

COUNT = 20
FILL = "中国とロシアが北京で戦略対話を行い国連創設八十年の節目を協議した"


def stretched(text: str, size: int) -> str:
    return (text + FILL * (size // len(FILL) + 1))[:size]


def at_limits(item: Item, prompt: int = QUESTION) -> Item:
    return dataclasses.replace(
        item, prompt=Text(stretched(item.prompt.ja, prompt), item.prompt.en),
        answer=Text(stretched(item.answer.ja, ANSWER), item.answer.en),
        explanation=Text(stretched(item.explanation.ja, OTHER), item.explanation.en))


def sheet_seconds(bank: Bank, rounds: int) -> float:
    items = Selection().apply(bank)[:COUNT]
    css = pdf_font_css(fonts.font_path())
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        options = WorksheetOptions(count=COUNT, types=(Exercise.SHORT,), seed=1)
        ws = build_worksheet(bank, items, options, random.Random(1), dt.date(2025, 3, 1))
        for part in Part:
            render_pdf(render(bank, ws, ws.variants[0], part).replace(FONT_PLACEHOLDER, css, 1), name="bench.pdf")
        best = min(best, time.perf_counter() - t)
    return best


def main() -> int:
    quick, full = "--quick" in sys.argv[1:], "--full" in sys.argv[1:]
    rounds = 1 if quick else 3
    bank = load_bank(resources.bank_dir())
    chosen = {i.id for i in Selection().apply(bank)[:COUNT]}
    long_bank = dataclasses.replace(bank, items=tuple(at_limits(i) if i.id in chosen else i for i in bank.items))
    sheet_seconds(bank, 1)  # warm-up: imports, font caches
    plain = sheet_seconds(bank, rounds)
    limit = sheet_seconds(long_bank, rounds)
    print(f"worksheet + key PDF, {COUNT} short-answer questions, best of {rounds}: bank as it is {plain:.2f}s, "
          f"every text at its limit {limit:.2f}s, ratio {limit / plain:.2f}x (goal <= 10x, and < 60 s)")
    if full:
        first = Selection().apply(bank)[0]
        one = dataclasses.replace(bank, items=tuple(at_limits(i, 20 * QUESTION) if i is first else i
                                                   for i in bank.items))
        over = sheet_seconds(one, 1)
        print(f"one prompt of {20 * QUESTION} characters (refused by check): {over:.2f}s, "
              f"{over / plain:.1f}x the plain sheet")
    return 0 if limit / plain <= 10 and limit < 60 else 1


if __name__ == "__main__":
    raise SystemExit(main())
