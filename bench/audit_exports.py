"""Issue 16's numbers: export to Moodle XML and GIFT, read back as Moodle's importers read them, and count.

    python bench/audit_exports.py            # 300 random special-character items (seed 16) and the bundled bank
    python bench/audit_exports.py --n 1000 --seed 3 --bank DIR

For each bank: the accepted spellings that still match after the round trip (goal 100%), the same
spellings typed in every width an IME types, the width variants the export added, GIFT's short answers,
and essay fallthroughs (goal 0). The readers and the counting are the tests' own (tests/lms_readers.py,
tests/lms_roundtrip.py).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from lms_roundtrip import Audit, audit, special_bank  # noqa: E402

from quizgen import resources  # noqa: E402
from quizgen.bank import Selection, load_bank  # noqa: E402


def report(name: str, n_items: int, result: Audit) -> None:
    print(f"{name} ({n_items} items): {result.summary()}")
    for failure in result.failures[:10]:
        print(f"  FAIL {failure}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--bank", type=Path, default=None, help="bank folder (default: the bundled bank)")
    args = ap.parse_args()
    random_bank = special_bank(random.Random(args.seed), args.n)
    random_result = audit(random_bank)
    report(f"random special-character bank, seed {args.seed}", args.n, random_result)
    bank = load_bank(args.bank or resources.bank_dir())
    bank_result = audit(bank)
    report(f"bank {args.bank or 'bundled'}", len(Selection().apply(bank)), bank_result)
    return 1 if random_result.failures or bank_result.failures or random_result.essays or bank_result.essays else 0


if __name__ == "__main__":
    raise SystemExit(main())
