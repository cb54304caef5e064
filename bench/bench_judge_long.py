"""The quiz judge on long typed answers (a paste), against the same items' own short answers in the same run.

The quiz refuses an answer over `MAX_ANSWER` (2,000) characters and asks again; this measures what it does accept:
answers of 1,000 and 2,000 characters of several shapes (one kana repeated, the answer's reading repeated, the
answer repeated with の or 、 between, Latin letters, kanji) judged against the bundled bank's items as the quiz
judges them. Linear work doubles from 1,000 to 2,000 characters; quadratic work (hostile pass 3, cause B: 3,000
kana took ~6 s) quadruples.

    .venv/bin/python bench/bench_judge_long.py [--items N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen import resources  # noqa: E402
from quizgen.bank import Item, load_bank  # noqa: E402
from quizgen.bank.cache import with_readings  # noqa: E402
from quizgen.quiz.answers import judge_card  # noqa: E402
from quizgen.quiz.cards import QuizCard  # noqa: E402
from quizgen.quiz.scheduling import Scheduler  # noqa: E402
from quizgen.quiz.session import MAX_ANSWER, Session  # noqa: E402


def _fill(unit: str, n: int) -> str:
    return (unit * (n // max(1, len(unit)) + 1))[:n]


SHAPES: dict[str, Callable[[Item, str, int], str]] = {
    "one kana": lambda item, reading, n: "あ" * n,
    "the reading, repeated": lambda item, reading, n: _fill(reading or "あ", n),
    "the answer with の": lambda item, reading, n: _fill(item.answer.ja + "の", n),
    "the answer with 、": lambda item, reading, n: _fill(item.answer.ja + "、", n),
    "Latin letters": lambda item, reading, n: _fill("putin", n),
    "kanji": lambda item, reading, n: "習" * n,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=12, help="how many of the bundled bank's items (default 12)")
    args = ap.parse_args()
    bank = with_readings(load_bank(resources.bank_dir()))
    session = Session(bank, [], None, Scheduler(), random.Random(0), lambda: None)  # type: ignore[arg-type,return-value]
    items = random.Random(0).sample(list(bank.live_items()), min(args.items, len(bank.live_items())))

    def per_answer(typed_for: Callable[[Item], str]) -> float:
        """Median seconds to judge one answer, over the items."""
        times = []
        for item in items:
            card, others, forms = QuizCard(item), session.others(item), session.forms(item)
            typed = typed_for(item)
            t = time.perf_counter()
            judge_card(bank, card, typed, others, forms)
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    def reading(item: Item) -> str:
        r = bank.readings.get(item.answer.ja)
        return (r.kana if r is not None else None) or ""

    for item in items:  # warm: the others' keys and forms are built once per item
        judge_card(bank, QuizCard(item), item.answer.ja, session.others(item), session.forms(item))
    short = per_answer(lambda item: item.answer.ja)
    print(f"{len(items)} items of the bundled bank; the answer itself: {short * 1000:.2f} ms per answer (median)")
    print(f"{'shape':<24} {'1,000 chars':>12} {f'{MAX_ANSWER:,} chars':>12} {'x short':>9} {'2,000/1,000':>12}")
    worst = 0.0
    for name, shape in SHAPES.items():
        half = per_answer(lambda item, s=shape: s(item, reading(item), MAX_ANSWER // 2))  # type: ignore[misc]
        full = per_answer(lambda item, s=shape: s(item, reading(item), MAX_ANSWER))  # type: ignore[misc]
        worst = max(worst, full)
        print(f"{name:<24} {half * 1000:9.1f} ms {full * 1000:9.1f} ms {full / short:9.0f} {full / half:12.2f}")
    print(f"slowest {MAX_ANSWER:,}-character answer: {worst * 1000:.0f} ms (the quiz's whole start is ~180 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
