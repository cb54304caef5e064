"""Reading a bank's spellings (the first start after a bank edit) against many known names, vs against few, same run.

Hostile pass 9, F1: every known name (entity names, item answers with a reading) was tried at every character of
every spelling, so a 367 KB entities file made the first `stats` take 57 s. Now the time to read the same spellings
hardly depends on how many names the bank knows: the ratio below stays near 1 (it was about the number of names).

    .venv/bin/python bench/bench_readings.py [--quick]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.bank.readings import readings_for  # noqa: E402

GOAL = "reading spellings with 3,000 known names ≤ 2× with 10 (hostile 9 F1)"
KANJI = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
KANA = [chr(c) for c in range(0x3042, 0x3093)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer spellings")
    args = ap.parse_args()
    rng = random.Random(2)
    spellings = ["".join(rng.choice(KANJI) for _ in range(200)) for _ in range(20 if args.quick else 100)]
    names = {"".join(rng.choice(KANJI) for _ in range(3)): "".join(rng.choice(KANA) for _ in range(6))
             for _ in range(3000)}
    readings_for(spellings[:1])  # load the analyser outside the timing
    seconds = {}
    for count in (10, 3000):
        known = dict(list(names.items())[:count])
        t = time.perf_counter()
        readings_for(spellings, known)
        seconds[count] = time.perf_counter() - t
    ratio = seconds[3000] / seconds[10]
    print(f"{len(spellings)} spellings of 200 kanji: {seconds[10]:.2f} s with 10 names, {seconds[3000]:.2f} s with "
          f"3,000 ({ratio:.2f}×)")
    print(f"goal: {GOAL}: {'MET' if ratio <= 2 else 'NOT MET'}")
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
