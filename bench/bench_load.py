"""`quizgen check` on a big bank against bare libyaml parsing of the same files, time and peak memory.

    .venv/bin/python bench/bench_load.py            # 100,000 items (about 300 MB of YAML)
    .venv/bin/python bench/bench_load.py --quick    # 10,000 items
    .venv/bin/python bench/bench_load.py --items N

The bank is the bundled one grown to N items (bench/bigbank.py). The floor is `yaml.load(text,
Loader=yaml.CSafeLoader)` of every bank file, each result kept (the parsed data), in a process of
its own with the cycle collector off (as quizgen has it while it builds the bank; on, it walks the
growing data again and again and doubles the floor's time); quizgen is `quizgen check --bank BANK`
(read, build the typed records, check across records, print the counts), also in a process of its
own. Each is timed by the CPU time its process used (user + system: steadier than the wall clock on
a shared machine; the wall time is printed too), the fastest of `--runs` (default 2) runs, taken in
turn. Peak memory is each process's maximum resident set.

Goal (issue 19, verbatim in the last line): check 100k vs bare CSafeLoader ≤ 1.5×, memory ≤ 4× parsed data
(time: CPU time against the floor's; memory: peak against the floor's peak, the parsed data).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bigbank import big_bank  # noqa: E402
from goals import CHECK, verdict  # noqa: E402

_FLOOR = """
import gc, os, sys, yaml
gc.disable()  # the cycle collector would walk the growing parsed data again and again: not parsing time
data = []
for root, _, names in os.walk(sys.argv[1]):
    for name in sorted(names):
        if name.endswith((".yaml", ".yml")):
            with open(os.path.join(root, name), encoding="utf-8") as f:
                data.append(yaml.load(f.read(), Loader=yaml.CSafeLoader))
print(len(data), "files")
"""


def run(args: list[str]) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak MiB) of one run of `args` in a process of its own."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{err[-2000:]}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="10,000 items")
    ap.add_argument("--items", type=int, default=None)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    n = args.items or (10_000 if args.quick else 100_000)
    bank = big_bank(n)
    size = sum(p.stat().st_size for p in bank.rglob("*.yaml"))
    script = Path(sys.executable).with_name("quizgen")
    check = [str(script) if script.exists() else sys.executable, *([] if script.exists() else ["-m", "quizgen"]),
             "check", "--bank", str(bank)]
    floor = [sys.executable, "-c", _FLOOR, str(bank)]
    ours: list[tuple[float, float, float]] = []
    base: list[tuple[float, float, float]] = []
    for _ in range(args.runs):
        base.append(run(floor))
        ours.append(run(check))
    b, o = min(base), min(ours)
    b_peak, o_peak = max(r[2] for r in base), max(r[2] for r in ours)
    print(f"bank: {n:,} items, {size / 2**20:.0f} MiB of YAML ({bank})")
    print(f"bare yaml.load(CSafeLoader), every file:  {b[0]:7.1f} s CPU ({b[1]:.1f} s wall), peak {b_peak:6.0f} MiB")
    print(f"quizgen check:                            {o[0]:7.1f} s CPU ({o[1]:.1f} s wall), peak {o_peak:6.0f} MiB")
    t, m = o[0] / b[0], o_peak / b_peak
    print(f"check at {n:,} items: {t:.2f}x bare CSafeLoader, memory {m:.2f}x the parsed data")
    print(verdict(CHECK, t <= 1.5 and m <= 4, n))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
