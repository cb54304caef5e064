"""`quizgen stats` and `quizgen due` with a long review history: wall time of the whole command.

    .venv/bin/python bench/bench_stats.py            # 1,000,000 reviews of 20,000 cards, 100,000-item bank
    .venv/bin/python bench/bench_stats.py --quick    # 100,000 reviews of 5,000 cards, 10,000-item bank
    .venv/bin/python bench/bench_stats.py --reviews N --cards N --items N

The bank is the bundled one grown to --items items (bench/bigbank.py); the history is N reviews
spread over the first --cards items and the two years before the session, with real FSRS states
(`bigbank.big_history`), made once and kept under bench/results/histories/. The bank cache is warmed
first (one untimed run of each command), as it is at every start but the first after an edit. Each
time is the median of several runs of the console script in a process of its own, start-up included;
`python -c "import click"` is measured beside them for scale.

Goal (issue 19, verbatim in the last line): stats/due at 1M reviews ≤ 0.5 s (each of them, the whole command).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bigbank import big_bank, big_history, item_ids  # noqa: E402
from goals import STATS, verdict  # noqa: E402

NOW = "2025-03-01T09:00:00+00:00"
HISTORIES = HERE / "results" / "histories"  # ignored by git, as the banks are


def wall(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    res = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    took = time.perf_counter() - start
    if res.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({res.returncode}):\n{res.stderr.decode()[-2000:]}")
    return took


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--reviews", type=int, default=None)
    ap.add_argument("--cards", type=int, default=None)
    ap.add_argument("--items", type=int, default=None)
    ap.add_argument("--runs", type=int, default=None)
    args = ap.parse_args()
    reviews = args.reviews or (100_000 if args.quick else 1_000_000)
    cards = args.cards or (5_000 if args.quick else 20_000)
    items = args.items or (10_000 if args.quick else 100_000)
    runs = args.runs or (3 if args.quick else 7)
    bank = big_bank(items)
    with tempfile.TemporaryDirectory() as tmp:
        db = HISTORIES / f"reviews-{reviews}-{cards}-{items}.sqlite3"
        t = time.perf_counter()
        if not db.exists():  # made once (a few minutes at 1M reviews) and kept beside the banks
            db.parent.mkdir(parents=True, exist_ok=True)
            part = db.with_suffix(".part")
            part.unlink(missing_ok=True)
            big_history(part, item_ids(bank)[:cards], reviews)
            part.rename(db)
        print(f"bank: {items:,} items; history: {reviews:,} reviews of {cards:,} cards "
              f"({time.perf_counter() - t:.0f} s to make or find, {db.stat().st_size / 2**20:.0f} MiB)")
        env = {**os.environ, "QUIZGEN_CACHE_DIR": str(Path(tmp) / "cache"), "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pyc")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        script = Path(sys.executable).with_name("quizgen")
        entry = [str(script)] if script.exists() else [sys.executable, "-m", "quizgen"]
        commands = {name: [*entry, name, "--bank", str(bank), "--db", str(db), "--now", NOW] for name in ("stats", "due")}
        for cmd in commands.values():  # warm: the bank cache and the byte code
            wall(cmd, env)
        times: dict[str, list[float]] = {"click": [], **{name: [] for name in commands}}
        for _ in range(runs):
            times["click"].append(wall([sys.executable, "-c", "import click"], env))
            for name, cmd in commands.items():
                times[name].append(wall(cmd, env))
    med = {name: statistics.median(ts) for name, ts in times.items()}
    print(f"python -c 'import click': {med['click'] * 1000:7.0f} ms (median of {runs})")
    ok = True
    for name in commands:
        ok &= med[name] <= 0.5
        print(f"{name} at {reviews:,} reviews: {med[name]:.2f} s (median of {runs})")
    print(verdict(STATS, ok, reviews))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
