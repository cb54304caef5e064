"""Hostile pass 23: review's `u` after the bank file an accept wrote was emptied, deleted or replaced by another
program left the accepted draft nowhere (LOST); `u` with that bank file made unwritable ended the review and took the
undo's own write of the drafts file for another program's; and a Ctrl-C that Python 3.11 wraps in a RuntimeError
(inside a `__set_name__` while a command's module loads) printed a traceback."""

from __future__ import annotations

import shutil
import signal
import sys
from pathlib import Path

import pytest
import yaml
from harness import drafts_workspace, run, script_editor

from quizgen.errors import OutputError

DAMAGE = {"emptied": ': > "{f}"', "deleted": 'rm -f "{f}"', "folder": 'rm -f "{f}" && mkdir "{f}"',
          "replaced": 'printf "items: []\\n" > "{f}"'}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_an_accepted_draft_the_bank_lost_is_kept_as_a_draft_when_undone(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         damage: str) -> None:
    drafts = drafts_workspace(tmp_path)
    bank_file = tmp_path / "cls" / "items" / "001.yaml"
    script_editor(tmp_path, monkeypatch, DAMAGE[damage].format(f=bank_file))  # `y` on draft 2: another program
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="a\ny\nu\nq\n")
    assert ran.fails_cleanly(0) == "", ran
    first = ran.out.split("✓ 採用")[0]
    answer = first.rsplit("答:", 1)[-1].split()[0] if "答:" in first else None
    kept = sorted(tmp_path.glob("drafts.undone-*.yaml"))
    assert len(kept) == 1, ran.out[-800:]
    text = kept[0].read_text(encoding="utf-8")
    items = yaml.safe_load(text)["items"]
    assert [i["id"] for i in items] == [kept[0].stem.split("undone-")[1]] and items[0]["draft"] is True, text[:400]
    assert answer is None or answer in text
    assert f"下書きは {kept[0]} に" in ran.out and "採用 0 件" in ran.out, ran.out[-800:]
    if damage == "folder":
        shutil.rmtree(bank_file)


def test_an_undo_a_bank_file_refuses_to_take_is_said_and_leaves_the_drafts_file_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bank file made unwritable (chattr +i, a sync tool's lock) after the accept: the review goes on, says the
    undo was not saved, and the drafts file holds what it held (no 「別のプログラムに変えられていました」)."""
    import quizgen.atomic

    drafts = drafts_workspace(tmp_path)
    bank_file = tmp_path / "cls" / "items" / "001.yaml"
    real = quizgen.atomic.write_text
    accepted: list[Path] = []

    def write_text(path: Path, text: str, links: quizgen.atomic.Links) -> Path:
        if Path(path) == bank_file:
            if accepted:  # locked once the accept has written it
                raise OutputError(f"cannot write {path}: Operation not permitted")
            accepted.append(path)
        return real(path, text, links)

    monkeypatch.setattr("quizgen.extract.review.write_text", write_text)
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="a\nu\nq\n")
    assert ran.fails_cleanly(0) == "", ran
    assert "取り消しは保存されていません。" in ran.out and "Operation not permitted" in ran.out, ran.out[-600:]
    assert "別のプログラム" not in ran.out and not list(tmp_path.glob("*review-kept*")), ran.out[-600:]
    assert "採用 1 件" in ran.out


def test_a_ctrl_c_python_wraps_while_a_command_loads_is_one_line_and_130(monkeypatch: pytest.MonkeyPatch,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    import importlib

    import quizgen.cli as cli_module

    real = importlib.import_module

    def load(name: str, package: str | None = None) -> object:
        if name == "quizgen.cli.check":  # the press lands in a class's `__set_name__` as the module loads
            class Stop:
                def __set_name__(self, owner: type, attr: str) -> None:
                    raise KeyboardInterrupt

            type("Loaded", (), {"x": Stop()})  # Python 3.11: a RuntimeError caused by the KeyboardInterrupt
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", load)
    monkeypatch.delitem(cli_module.cli.commands, "check", raising=False)
    monkeypatch.setattr("sys.argv", ["quizgen", "check"])
    monkeypatch.setattr("sys.unraisablehook", sys.unraisablehook)
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    try:
        with pytest.raises(SystemExit) as ended:
            cli_module.main()
    finally:  # the guards `main` installs go with the test
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    assert (ended.value.code, capsys.readouterr().err) == (130, "Error: stopped by SIGINT\n")

