"""Hostile pass 9, F2: `extract` reads an article of at most 200,000 bytes and refuses a larger one at once.

It accepted up to 1,000,000 bytes, but its work and memory grow with the article: a 950 KB article of ordinary
sentences took 76 s and 3.5 GB, 300 KB 13–17 s. A news article is under 30 KB; at the new limit extract takes a
few seconds and under 300 MB (`bench/bench_extract_limit.py`).
"""

from __future__ import annotations

import random
from pathlib import Path

from harness import run

_NAMES = ["中国", "ロシア", "習近平国家主席", "プーチン大統領", "王毅氏", "ラブロフ外相"]


def _article(path: Path, size: int) -> int:
    """Plain news sentences up to `size` bytes (the hostile pass's article); the file's size."""
    rng = random.Random(1)
    out, n = [], 0
    while n < size:
        s = (f"{rng.randint(2001, 2024)}年{rng.randint(1, 12)}月、{rng.choice(_NAMES)}は{rng.choice(_NAMES)}と北京で"
             f"会談し、{rng.randint(2, 90)}項目の協力で合意した。")
        out.append(s)
        n += len(s.encode())
        if len(out) % 4 == 0:
            out.append("\n")
    path.write_text("".join(out), encoding="utf-8")
    return path.stat().st_size


def test_an_article_over_200_kb_is_refused_at_once_with_its_size(bank: Path) -> None:
    size = _article(Path("a.txt"), 300_000)

    err = run("extract", "a.txt", "--bank", "bank", "--source-id", "x1", "-o", "d.yaml").fails_cleanly()

    assert err == (f"Error: a.txt: the file is {size:,} bytes; quizgen extract reads one article of at most 200,000 "
                   "bytes (split it, or copy just the article's text)\n"), err
    assert not Path("d.yaml").exists()
