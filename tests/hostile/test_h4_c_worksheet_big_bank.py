"""Hostile pass 4, cause C: `worksheet --count 50` on a valid bank of 1,040 repeated items.

The bundled bank's items twenty times over (each copy a new id; `check` says ok) made the selection compare every
candidate with every chosen question, round after round: 232 CPU seconds (4 minutes), then a refusal. The
give-away relation is now worked out once per pair of contents (items alike but for their ids share it), and a
question turned away stays away for the round: the same refusal comes in a few CPU seconds.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import yaml
from harness import process

from quizgen import resources

COPIES = 20
CPU_BOUND = 30.0  # CPU seconds (user + system) of the whole process: 232 before, about 6 after


def repeated_bank(dest: Path, copies: int) -> Path:
    """The bundled bank with every item `copies` times, each copy under its own id (as the hostile pass made it)."""
    source = resources.bank_dir()
    for path in source.rglob("*"):
        target = dest / path.relative_to(source)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif path.parent.name == "items" and path.suffix == ".yaml":
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data["items"] = [{**copy.deepcopy(item), "id": f"{item['id'][:50]}-x{k}"} for k in range(copies)
                             for item in data["items"]]
            target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9), encoding="utf-8")
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    return dest


def test_a_big_bank_of_repeated_items_is_refused_in_seconds(tmp_path: Path) -> None:
    bank = repeated_bank(tmp_path / "bank", COPIES)
    res = process("worksheet", "--bank", str(bank), "--count", "50", "--format", "html", "-o", str(tmp_path / "ws"),
                  "--seed", "1", timeout=180)
    err = res.fails_cleanly(2)
    made = re.search(r"Error: only (\d+) questions of the types short, choice, truefalse, cloze, matching, timeline "
                     r"can be made from this selection without one giving another away \(50 asked for\)", err)
    assert made is not None and int(made[1]) < 50, err  # the number follows the bundled bank's wording
    assert re.search(r"\nLeft off because they would give another question away or be given away \(.+\):\n(  .+: .+\n)+"
                     r"(  … and \d+ more\n)?To make a sheet of the \d+ questions that fit, add: --(ids|exclude) \S+ "
                     r"--count \d+ --seed 1( \(not \d+: .+\))?\n$", err), err
    assert not (tmp_path / "ws").exists()  # nothing written
    assert res.cpu < CPU_BOUND, res.cpu


def test_a_sheet_the_repeated_bank_can_make_is_made(tmp_path: Path) -> None:
    bank = repeated_bank(tmp_path / "bank", COPIES)
    res = process("worksheet", "--bank", str(bank), "--count", "30", "--format", "html", "-o", str(tmp_path / "ws"),
                  "--seed", "1", timeout=180)
    assert res.code == 0, res.err
    sheet = (tmp_path / "ws" / "worksheet-A.html").read_text(encoding="utf-8")
    assert 'id="q30"' in sheet and 'id="q31"' not in sheet  # thirty questions
    assert res.cpu < CPU_BOUND, res.cpu
