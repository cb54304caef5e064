"""Second adversarial pass, cause 15: a newline in a bank file's name (or a key) split one problem in two.

ESC was shown escaped, the newline raw, so a file named `x\\nfake.yaml:1:1: fake.yaml` printed a second,
forged problem line. Every problem is now one line: a newline or tab in its file name or field is shown
as `\\n` or `\\t`.
"""

from __future__ import annotations

from pathlib import Path

from harness import run


def test_a_newline_in_a_file_name_stays_on_one_line(bank: Path) -> None:
    (bank / "x\nfake.yaml:1:1: fake.yaml").write_text("items: [\n", encoding="utf-8")
    err = run("check", "--bank", "bank").fails_cleanly()
    lines = err.splitlines()
    assert len(lines) == 2 and lines[1] == "1 problem in the question bank"
    assert lines[0].startswith("bank/x\\nfake.yaml:1:1: fake.yaml:2:1: (document): YAML syntax error")


def test_a_newline_in_a_key_stays_on_one_line(bank: Path) -> None:
    (bank / "k.yaml").write_text('pools:\n  - id: p\n    "mem\\nbers": []\n', encoding="utf-8")
    lines = run("check", "--bank", "bank").fails_cleanly().splitlines()
    assert any(line.startswith("bank/k.yaml:3:5: pools[0].mem\\nbers: unknown key") for line in lines), lines
    assert all(line.startswith("bank/k.yaml:") for line in lines[:-1]) and lines[-1].endswith("in the question bank")
