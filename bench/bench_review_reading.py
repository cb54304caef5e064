"""How much a teacher reads in `quizgen review`: the characters each draft's screen shows, as review shows them
(a text that repeats another said by what it repeats) against every text in full, same run, over the default
drafts of every article set with a fact list (`tests/data/extract/*`).

newuser10 (issue 17) estimated reading as the largest cost of the tool (73 of 150 minutes at 500 characters a
minute): one sentence is shown up to seven times a draft (問, 正文, 誤文, 穴埋め, 年表, 解説, 根拠); newuser16 again
(114 of 202 minutes), and asked for a card of the question, its answer and its wrong answers alone — review's short
card, `v` for the rest. Goal: the screens show at most 0.85× the characters of the full texts.

    .venv/bin/python bench/bench_review_reading.py [--quick]   (--quick: the holdout_v19 and holdout_v20 sets only)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from click.testing import CliRunner  # noqa: E402

from quizgen.cli import cli  # noqa: E402
from quizgen.cli.review_show import show  # noqa: E402
from quizgen.extract.review import open_drafts  # noqa: E402

GOAL = 0.85
QUICK = ("holdout_v19", "holdout_v20")
DATA = ROOT / "tests" / "data" / "extract"


def shown(drafts_file: Path, bank_dir: Path, whole: bool) -> int:
    """Characters every draft's screen prints: as review shows it first (the short card), or every text in full."""
    drafts = open_drafts(drafts_file, bank_dir).drafts
    out: list[str] = []
    echo = click.echo
    click.echo = lambda message="", **_kw: out.append(str(message))
    try:
        for n, item in enumerate(drafts.pending, 1):
            show(drafts, item, n, len(drafts.pending), whole=whole, short=not whole)
    finally:
        click.echo = echo
    return sum(len(line) for line in out)


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    full = compact = drafts_n = 0
    with tempfile.TemporaryDirectory() as tmp:
        bank_dir = Path(tmp) / "bank"
        shutil.copytree(DATA / "bank", bank_dir)
        for k, path in enumerate(sorted(p for p in DATA.glob("*/*.txt") if not quick or p.parent.name in QUICK)):
            if not path.with_suffix(".expected.tsv").is_file():
                continue
            drafts_file = Path(tmp) / f"d{k}.yaml"  # what `quizgen extract ARTICLE -o FILE` writes
            ran = CliRunner().invoke(cli, ["extract", str(path), "--bank", str(bank_dir), "-o", str(drafts_file)])
            assert ran.exit_code == 0, ran.output
            full += shown(drafts_file, bank_dir, whole=True)
            compact += shown(drafts_file, bank_dir, whole=False)
            drafts_n += len(open_drafts(drafts_file, bank_dir).drafts.pending)
            drafts_file.unlink()
    ratio = compact / full
    print(f"review screens over {drafts_n} default drafts: {compact:,} characters shown, {full:,} with every text in full")
    print(f"ratio {ratio:.2f} (goal ≤ {GOAL}): {'ok' if ratio <= GOAL else 'OVER'}")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    raise SystemExit(main())
