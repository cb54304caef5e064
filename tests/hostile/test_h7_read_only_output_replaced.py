"""Hostile pass 7 (minor, decided): an output file made read-only (0444) is replaced like any other, by every writer.

Each writer makes the new file beside the old one and renames it into place, so what decides is the folder's
permission, not the file's (as with `sed -i`, `make` or a compiler writing its output), and the new file is 0644.
All outputs do the same (`export`, `timeline`, `worksheet`, `anki`); the README says so. To keep a file, write
elsewhere, or make its folder read-only: that is refused with one line (`test_c09_os_faults.py`).
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from harness import DATA, run

OUTPUTS = {
    "export": (("export", "--bank", "bank", "-f", "gift", "-o", "out/x.gift"), "out/x.gift"),
    "timeline": (("timeline", "--bank", "bank", "-o", "out/t.html"), "out/t.html"),
    "worksheet": (("worksheet", "--bank", "bank", "--format", "html", "--count", "2", "--seed", "1", "-o", "out"),
                  "out/worksheet-A.html"),
    "anki": (("anki", "--bank", str(DATA / "anki" / "bank"), "--decks", str(DATA / "anki" / "decks"), "-o", "out"),
             "out/plan.apkg"),
}


@pytest.mark.parametrize("name", OUTPUTS)
def test_a_read_only_output_is_replaced_and_left_writable(bank: Path, name: str) -> None:
    args, file = OUTPUTS[name]
    Path("out").mkdir()
    old = Path(file)
    old.write_bytes(b"last year's\n")
    old.chmod(0o444)
    res = run(*args)
    assert res.code == 0, res.err
    assert old.read_bytes() != b"last year's\n"
    assert stat.S_IMODE(old.stat().st_mode) == 0o644
