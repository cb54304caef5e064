"""Progress on long work: a bar on a terminal while a big bank is read, nothing when standard error is piped;
`build` says which output it is making."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.bank import load_bank
from quizgen.cli import cli
from quizgen.cli import common as cli_common
from quizgen.generators.build import build_all

BANK = Path(__file__).parent / "data" / "quiz" / "bank"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    """time.monotonic that moves on a second at each look: every piece of work looks long."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def test_a_terminal_sees_a_bar_while_the_bank_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(time, "monotonic", Clock())
    bank_dir = tmp_path / "bank"
    bank_dir.mkdir()
    text = (BANK / "bank.yaml").read_text(encoding="utf-8")
    (bank_dir / "a.yaml").write_text(text, encoding="utf-8")
    (bank_dir / "b.yaml").write_text("pools: []\n", encoding="utf-8")  # a second file: a step between 0 and done
    bank = cli_common.load(bank_dir)
    assert bank == load_bank(bank_dir)
    assert "Reading the bank" in err.getvalue()


def test_piped_the_reading_is_quiet(monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(time, "monotonic", Clock())
    with cli_common.progress_bar("Reading the bank") as progress:
        progress(1, 10)
        progress(10, 10)
    cli_common.status("making the Anki decks…")
    assert capfd.readouterr() == ("", "")


def test_build_says_which_output_it_is_making(tmp_path: Path) -> None:
    started: list[str] = []
    build_all(load_bank(BANK), tmp_path / "out", cli_common.build_time(), ("export",), starting=started.append)
    assert started == ["export"]


def test_build_names_each_output_it_makes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from quizgen.cli import build as build_cli

    said: list[str] = []
    monkeypatch.setattr(build_cli, "status", said.append)  # what goes to a terminal's standard error
    res = CliRunner().invoke(cli, ["build", "--bank", str(BANK), "-o", str(tmp_path / "out"), "--only", "export"])
    assert res.exit_code == 0, res.output
    assert said == ["making the LMS exports…"]
