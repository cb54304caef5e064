"""Fourteenth adversarial pass, row RE4: an $EDITOR that removes the file it was given ended the review.

`y` with an editor that deletes its temp file (one that saves elsewhere, a crash that cleans up) ended the whole
session: exit 1, `Error: No such file or directory: /tmp/editor-XXXX.yaml`, no summary, the keys after it never
read. The README says an editor that fails changes nothing, says so in one line, and the review goes on: now it does.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest
from harness import ONE_DRAFT, run


def test_an_editor_that_removes_its_file_keeps_the_draft_and_the_review_goes_on(
        bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = tmp_path / "d.yaml"
    drafts.write_text(ONE_DRAFT, encoding="utf-8")
    editor = tmp_path / "ed.sh"
    editor.write_text('#!/bin/sh\nrm -f "$1"\n', encoding="utf-8")
    editor.chmod(editor.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("EDITOR", str(editor))
    ran = run("review", "d.yaml", "--bank", "bank", input="y\na\nq\n")  # edit in that editor, then accept
    assert (ran.code, ran.err) == (0, ""), ran
    said = [line for line in ran.out.splitlines() if "エディタが閉じた" in line]
    assert len(said) == 1, ran.out
    assert re.fullmatch(
        r"  ! エディタが閉じたとき、渡したファイル \S+/editor-\w+\.yaml を読めませんでした "
        r"\(No such file or directory: 消されたか、別の名前で保存されました\)。編集は保存されていません。"
        r"下書きはそのままです \(渡されたファイルに上書き保存してください\)", said[0].split("> ")[-1]), said
    assert "✓ 採用" in ran.out  # the key after the failed edit was read, and accepted the draft as it was
    assert ran.out.endswith("採用 1 件、破棄 0 件、未決定 0 件。\n"), ran.out
    assert "x-draft" in (bank / "items" / "t2.yaml").read_text(encoding="utf-8")
