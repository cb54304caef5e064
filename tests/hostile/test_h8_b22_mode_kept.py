"""Eighth adversarial pass, B22 (and B19/B21's mode): replacing an existing output widened its permissions.

The atomic replace made the new file 0644 whatever the old one was, so `export -o m600.gift` over a file the user
had made private (0600), or through a link onto such a file, left it readable by everyone. Now the new file takes
the permission bits of the file it replaces, made writable by its owner (a read-only 0444 output is replaced and
left 0644, as hostile pass 7 decided); a new file is 0644 as before. A link is no longer written through at all
(`test_h8_b19_no_write_through_links.py`).
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from harness import DATA, run

OUTPUTS = {
    "export": (("export", "--bank", "bank", "-f", "gift", "-o", "out/x.gift"), "out/x.gift"),
    "timeline": (("timeline", "--bank", "bank", "-o", "out/t.html"), "out/t.html"),
    "anki": (("anki", "--bank", str(DATA / "anki" / "bank"), "--decks", str(DATA / "anki" / "decks"), "-o", "out"),
             "out/plan.apkg"),
}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("name", OUTPUTS)
@pytest.mark.parametrize("before", [0o600, 0o640])
def test_a_replaced_output_keeps_its_mode(bank: Path, name: str, before: int) -> None:
    args, file = OUTPUTS[name]
    Path("out").mkdir()
    old = Path(file)
    old.write_bytes(b"last year's\n")
    old.chmod(before)
    res = run(*args)
    assert res.code == 0, res.err
    assert old.read_bytes() != b"last year's\n"
    assert _mode(old) == before


def test_a_new_output_is_0644(bank: Path) -> None:
    res = run("export", "--bank", "bank", "-f", "gift", "-o", "new.gift")
    assert res.code == 0, res.err
    assert _mode(Path("new.gift")) == 0o644
