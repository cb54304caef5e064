"""Time to the first question of `quizgen quiz` with a 100k-review history, against `python -c "import click"`.

Both are measured in this run (median of several), so the ratio is comparable across
machines. Goal: ratio <= 2. The bank cache and byte-code cache are warmed first (one
untimed run), as they are for a learner's every session but the first after an edit
or install.

    python bench/bench_quiz.py [--quick] [--reviews N]
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen import resources  # noqa: E402
from quizgen.bank import load_bank  # noqa: E402
from quizgen.errors import QuizgenError  # noqa: E402
from quizgen.quiz.scheduling import Scheduler, card_to_json  # noqa: E402

if TYPE_CHECKING:
    from fsrs import Card
from quizgen.quiz.store import Store  # noqa: E402


def item_ids() -> tuple[Path, list[str]]:
    """The real bank's folder and item ids, or the quiz tests' small bank while the real one has no items."""
    try:
        items = load_bank(resources.bank_dir()).items
        if items:
            return resources.bank_dir(), [i.id for i in items]
    except QuizgenError:
        pass
    fallback = ROOT / "tests" / "data" / "quiz" / "bank"
    return fallback, [i.id for i in load_bank(fallback).items]


def fill(db: Path, item_ids: list[str], n: int) -> None:
    """`n` reviews spread over the items and the past two years, with real fsrs states."""
    Store(db).close()
    sched = Scheduler(fuzz=False)
    rng = random.Random(0)
    start = dt.datetime(2023, 3, 1, tzinfo=dt.UTC)
    cards: dict[str, Card] = {}
    rows = []
    per_item = max(1, n // len(item_ids))
    step = dt.timedelta(days=730) / per_item
    for k in range(n):
        item = item_ids[k % len(item_ids)]
        at = start + step * (k // len(item_ids)) + dt.timedelta(seconds=k % len(item_ids))
        prev = cards.get(item)
        card = sched.review(prev or sched.new_card(item, at), rng.choice([1, 3, 3, 3, 4]), at)
        cards[item] = card
        rows.append(("review", item, at.isoformat(timespec="microseconds"), 3, card_to_json(card),
                     card.due.isoformat(timespec="microseconds"), int(card.state), 0 if prev is None else int(prev.state),
                     1, "typed", "x"))
    con = sqlite3.connect(db)
    with con:
        con.executemany("INSERT INTO reviews (kind, item_id, reviewed_at, rating, state, due, card_state, prior_state,"
                        " correct, mode, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.close()


def first_question(args: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    while True:
        line = proc.stdout.readline()
        if not line:
            raise SystemExit(f"no question: {proc.stderr.read() if proc.stderr else ''}")
        if line.startswith("[1]"):
            break
    elapsed = time.perf_counter() - t
    proc.communicate("q\n", timeout=30)
    return elapsed


def wall(args: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(args, check=True, env=env)
    return time.perf_counter() - t


def main() -> int:
    quick = "--quick" in sys.argv
    n = 100_000
    if "--reviews" in sys.argv:
        n = int(sys.argv[sys.argv.index("--reviews") + 1])
    repeats = 5 if quick else 15
    bank, items = item_ids()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "reviews.sqlite3"
        t = time.perf_counter()
        fill(db, items, n)
        print(f"history: {n} reviews over {len(items)} items ({time.perf_counter() - t:.1f} s to build), bank {bank}")
        env = {**os.environ, "QUIZGEN_CACHE_DIR": str(Path(tmp) / "cache"), "PYTHONUNBUFFERED": "1",
               # byte-code caching as in a normal install (pip compiles a wheel's modules), kept out of the checkout
               "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        script = Path(sys.executable).with_name("quizgen")  # the console script a learner runs
        entry = [str(script)] if script.exists() else [sys.executable, "-m", "quizgen"]
        quiz = [*entry, "quiz", "--bank", str(bank), "--db", str(db), "--seed", "1", "--new", "5"]
        cold = first_question(quiz, env)  # builds the bank cache and the byte-code cache
        wall([sys.executable, "-c", "import click"], env)
        base, ours = [], []
        for _ in range(repeats):  # interleaved, so drifting machine load hits both alike
            base.append(wall([sys.executable, "-c", "import click"], env))
            ours.append(first_question(quiz, env))
    b, o = statistics.median(base), statistics.median(ours)
    print(f"python -c 'import click':          {b * 1000:7.1f} ms (median of {repeats})")
    print(f"quiz, first question (warm cache): {o * 1000:7.1f} ms (median of {repeats}); cold cache {cold * 1000:.0f} ms")
    print(f"ratio: {o / b:.2f}x (goal <= 2.00x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
