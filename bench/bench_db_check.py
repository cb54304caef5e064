"""What the review database's checks cost with a long history: SQLite's `quick_check` when a command opens the
database to write (the quiz, `leeches --reset`; only when the file changed since the last clean close, so both
are timed), and the card-state check of `stats` (every card) and `due` (the due cards), each against opening the
database to read, measured in the same run (median of several).

    .venv/bin/python bench/bench_db_check.py            # 1,000,000 reviews of 20,000 cards (bench_stats's history)
    .venv/bin/python bench/bench_db_check.py --quick    # 100,000 reviews of 5,000 cards

The history is `bench_stats.py`'s (made once under bench/results/histories/, a few minutes at 1M reviews); it is
copied, so opening it to write leaves the kept one as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bigbank import big_bank, big_history, item_ids  # noqa: E402

from quizgen.quiz.store import CHECKED_SUFFIX, Store  # noqa: E402

HISTORIES = HERE / "results" / "histories"
NOW = dt.datetime(2025, 3, 1, 9, tzinfo=dt.UTC)


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    reviews, cards, items = (100_000, 5_000, 10_000) if args.quick else (1_000_000, 20_000, 100_000)
    kept = HISTORIES / f"reviews-{reviews}-{cards}-{items}.sqlite3"
    if not kept.exists():
        kept.parent.mkdir(parents=True, exist_ok=True)
        part = kept.with_suffix(".part")
        part.unlink(missing_ok=True)
        big_history(part, item_ids(big_bank(items))[:cards], reviews)
        part.rename(kept)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "reviews.sqlite3"
        shutil.copyfile(kept, db)
        Store(db).close()  # warm the page cache as a session would find it

        def read_open() -> None:
            Store(db, read_only=True).close()

        def write_open(changed: bool) -> Callable[[], None]:
            def run() -> None:
                if changed:  # as if written since the last clean close: the check runs
                    db.with_name(db.name + CHECKED_SUFFIX).unlink(missing_ok=True)
                with Store(db) as store:
                    store.checked()  # the quiz waits for it (beside its planning) before its first question
            return run

        def states(due_by: dt.datetime | None) -> Callable[[], None]:
            def check() -> None:
                with Store(db, read_only=True) as store:
                    store.check_states(due_by)
            return check

        base = median_time(read_open, args.runs)
        rows = {"open to read (no check)": base,
                "open to write a changed file + its quick_check": median_time(write_open(True), args.runs),
                "open to write, unchanged since a clean close": median_time(write_open(False), args.runs),
                "open to read + every card's state (stats)": median_time(states(None), args.runs),
                "open to read + the due cards' states (due)": median_time(states(NOW), args.runs)}
    print(f"history: {reviews:,} reviews of {cards:,} cards ({kept.stat().st_size / 2**20:.0f} MiB)")
    for name, took in rows.items():
        print(f"{name:<45} {took * 1000:8.1f} ms  ({took / base:6.1f} x open to read; +{(took - base) * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
