"""Hostile pass 16, cause 3 (EV16 and the ENC-* rows): standard output in a legacy encoding.

With `PYTHONIOENCODING=shift_jis` (or euc_jp, cp932, latin-1, or a ja_JP.SJIS / ja_JP.eucJP locale) `topics`,
`timeline`, `stats`, `quiz`, `review` and `export -o -` printed a character the encoding lacks (·, –, ✓, ―) and
ended in a UnicodeEncodeError traceback. What the terminal cannot show is now replaced by '?'; a file written to
standard output (`export -o -`, `timeline --format html`) is written as UTF-8 bytes, the same bytes as `-o FILE`.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from harness import ONE_DRAFT, command

ENCODINGS = ("shift_jis", "euc_jp", "cp932", "latin-1",
             "shift_jis:surrogateescape", "euc_jp:surrogateescape")  # hostile17: only strict was replaced


def _codec(encoding: str) -> str:
    return encoding.partition(":")[0]


def _run(args: tuple[str, ...], encoding: str, stdin: str = "") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(command(*args), input=stdin.encode(_codec(encoding), "replace"), capture_output=True, env=env,
                          timeout=120, check=False)


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize(("args", "stdin"), [
    (("topics", "--bank", "bank"), ""),
    (("timeline", "--bank", "bank"), ""),
    (("stats", "--bank", "bank", "--db", "s.db"), ""),
    (("quiz", "--bank", "bank", "--db", "q.db", "--limit", "1", "--seed", "1", "--now", "2026-01-02T09:00"), "x\n\nq\n"),
    (("review", "d.yaml", "--bank", "bank"), "l\nq\n"),
])
def test_the_terminal_shows_what_it_can(bank: Path, tmp_path: Path, args: tuple[str, ...], stdin: str,
                                        encoding: str) -> None:
    (tmp_path / "d.yaml").write_text(ONE_DRAFT, encoding="utf-8")
    res = _run(args, encoding, stdin)
    err = res.stderr.decode(_codec(encoding), "replace")
    assert "Traceback" not in err, err
    assert res.returncode == 0, (res.returncode, err)
    res.stdout.decode(_codec(encoding))  # what it printed is in the terminal's encoding


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("args", [
    ("export", "-f", "gift"),
    ("export", "-f", "moodle-xml"),  # says encoding="UTF-8" in its first line
    ("timeline", "--format", "html"),  # says <meta charset="utf-8">
])
def test_a_file_on_standard_output_is_utf8(bank: Path, args: tuple[str, ...], encoding: str) -> None:
    res = _run((*args, "--bank", "bank", "-o", "-"), encoding)
    err = res.stderr.decode(_codec(encoding), "replace")
    assert "Traceback" not in err, err
    assert res.returncode == 0, (res.returncode, err)
    assert res.stdout == _run((*args, "--bank", "bank", "-o", "-"), "utf-8").stdout
    assert "ロシア" in res.stdout.decode("utf-8")  # the Japanese is there, not replaced


def test_an_export_on_standard_output_is_the_file(bank: Path, tmp_path: Path) -> None:
    res = _run(("export", "-f", "gift", "--bank", "bank", "-o", "-"), "shift_jis")
    assert _run(("export", "-f", "gift", "--bank", "bank", "-o", "x.gift.txt"), "shift_jis").returncode == 0
    assert res.stdout == (tmp_path / "x.gift.txt").read_bytes()
