"""Run every benchmark in bench/ (quick sizes unless --full) and print their ratio lines.

Benchmarks print ratios against a baseline measured in the same run, so they are
comparable across noisy machines. They are never part of `make test`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    full = "--full" in sys.argv[1:]
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        args = [sys.executable, str(script)] + ([] if full else ["--quick"])
        failed += subprocess.run(args, check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
