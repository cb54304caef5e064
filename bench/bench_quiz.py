"""Time to the first question of `quizgen quiz` on a big bank with a long history, against `python -c "import click"`.

Both are measured in this run, interleaved (one baseline run, one quiz run, N times), and the ratio is of the
fastest of each: the machine's other load only ever adds time, and interleaving makes a drift hit both alike, so
the minimum is the steadiest figure on a shared machine (the medians are printed too).
Goal (issue 19, verbatim in the last line): quiz first question at 100k vs `import click` ≤ 2× warm.
The bank cache and byte-code cache are warmed first (one untimed run, reported as "cold": it loads and checks
the bank and writes its cache), as they are for a learner's every session but the first after an edit or install;
so is the review DB's check (a session that closed cleanly leaves the file known to be sound: store.py).

The bank is the bundled one grown to N items (bench/bigbank.py; 100,000, or 10,000 with
--quick). The history is a learner's who keeps up (`bigbank.steady_history`): 8,000 cards
started one after another over two years, each reviewed when due, about 96,000 reviews
with real FSRS states; the session is on the day after, with the cards due since.

    python bench/bench_quiz.py [--quick] [--items N] [--cards N]
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bigbank import big_bank, item_ids, steady_history  # noqa: E402
from goals import QUIZ, verdict  # noqa: E402

NOW = dt.datetime(2025, 3, 1, 9, tzinfo=dt.UTC)


def _arg(name: str, default: int) -> int:
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


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


def _quick_check(db: Path) -> float:
    """Wall time of the check a quiz start gives a review DB that changed since the last clean close."""
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        t = time.perf_counter()
        con.execute("PRAGMA quick_check(1)").fetchone()
        return time.perf_counter() - t
    finally:
        con.close()


def main() -> int:
    quick = "--quick" in sys.argv
    items = _arg("--items", 10_000 if quick else 100_000)
    repeats = 5 if quick else 15
    bank = big_bank(items)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "reviews.sqlite3"
        t = time.perf_counter()
        ids = item_ids(bank)
        cards = ids[:_arg("--cards", min(8_000, len(ids)))]
        reviews = steady_history(db, cards, 10**9, NOW)
        print(f"bank: {len(ids):,} items ({bank}); history: {reviews:,} reviews of {len(cards):,} cards "
              f"({time.perf_counter() - t:.1f} s to make)")
        env = {**os.environ, "QUIZGEN_CACHE_DIR": str(Path(tmp) / "cache"), "PYTHONUNBUFFERED": "1",
               # byte-code caching as in a normal install (pip compiles a wheel's modules), kept out of the checkout
               "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        script = Path(sys.executable).with_name("quizgen")  # the console script a learner runs
        entry = [str(script)] if script.exists() else [sys.executable, "-m", "quizgen"]
        quiz = [*entry, "quiz", "--bank", str(bank), "--db", str(db), "--seed", "1", "--new", "5", "--now", NOW.isoformat()]
        cold = first_question(quiz, env)  # builds the bank cache and the byte-code cache
        wall([sys.executable, "-c", "import click"], env)
        base, ours = [], []
        for _ in range(repeats):  # interleaved, so drifting machine load hits both alike
            base.append(wall([sys.executable, "-c", "import click"], env))
            ours.append(first_question(quiz, env))
        check = min(_quick_check(db) for _ in range(3))
    b, o = min(base), min(ours)
    print(f"the review DB's quick_check ({reviews:,} reviews), run only when the file changed since the last clean "
          f"close: {check * 1000:.1f} ms")
    print(f"python -c 'import click':          {b * 1000:7.1f} ms (fastest of {repeats}; median "
          f"{statistics.median(base) * 1000:.1f})")
    print(f"quiz, first question (warm cache): {o * 1000:7.1f} ms (fastest of {repeats}; median "
          f"{statistics.median(ours) * 1000:.1f}); cold cache {cold:.1f} s")
    print(f"quiz first question at {len(ids):,} items: {o / b:.2f}x import click (warm; medians: "
          f"{statistics.median(ours) / statistics.median(base):.2f}x)")
    print(verdict(QUIZ, o / b <= 2, len(ids)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
