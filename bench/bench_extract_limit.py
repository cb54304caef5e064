"""`quizgen extract` on an article at the size limit (200,000 bytes) against a news-sized one (30 KB), same run.

Hostile pass 9, F2: extract accepted 1,000,000 bytes but a 950 KB article took 76 s and 3.5 GB. The limit is now
`MAX_BYTES`; this checks that an article at the limit takes at most 10× a 30 KB one (its work grows about linearly
with the article) and that its peak memory stays under 500 MB. CPU seconds, not wall time: the machine's load
moves the clock, not the work.

    .venv/bin/python bench/bench_extract_limit.py [--quick]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.extract.article import MAX_BYTES  # noqa: E402

GOAL = "extract at the size limit ≤ 10× a 30 KB article (CPU), peak < 500 MB (hostile 9 F2)"
NAMES = ["中国", "ロシア", "習近平国家主席", "プーチン大統領", "王毅氏", "ラブロフ外相"]


def article(path: Path, size: int) -> None:
    rng = random.Random(1)
    out, n = [], 0
    while True:
        s = (f"{rng.randint(2001, 2024)}年{rng.randint(1, 12)}月、{rng.choice(NAMES)}は{rng.choice(NAMES)}と北京で"
             f"会談し、{rng.randint(2, 90)}項目の協力で合意した。")
        if n + len(s.encode()) > size:
            break
        out.append(s)
        n += len(s.encode())
        if len(out) % 4 == 0:
            out.append("\n")
            n += 1
    path.write_text("".join(out), encoding="utf-8")


def cpu_of_children() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="accepted for run_all.py; the sizes are the same")
    ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "question_bank", work / "bank")
        seconds = {}
        for size in (30_000, MAX_BYTES):  # the largest last: the children's peak memory is then its peak
            article(work / f"a{size}.txt", size)
            before = cpu_of_children()
            subprocess.run([sys.executable, "-m", "quizgen", "extract", str(work / f"a{size}.txt"), "--bank",
                            str(work / "bank"), "--source-id", "x1", "-o", str(work / f"d{size}.yaml")],
                           check=True, capture_output=True)
            seconds[size] = cpu_of_children() - before
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    ratio = seconds[MAX_BYTES] / seconds[30_000]
    met = ratio <= 10 and peak_mb < 500
    print(f"extract 30 KB: {seconds[30_000]:.2f} s CPU; {MAX_BYTES:,} bytes: {seconds[MAX_BYTES]:.2f} s CPU "
          f"({ratio:.2f}×), peak {peak_mb:.0f} MB")
    print(f"goal: {GOAL}: {'MET' if met else 'NOT MET'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
