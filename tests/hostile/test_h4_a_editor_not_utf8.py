"""Hostile pass 4, cause A: in `review`, `y` with an editor that saves the draft in another encoding.

An $EDITOR set to Shift_JIS (or any editor writing a byte that is not UTF-8) ended the review with a
UnicodeDecodeError traceback out of `click.edit`, rc 1, no tally. Now one line says the saved file is not UTF-8,
the draft stays a draft, unchanged, and the review reads the next key, as for an editor that fails (hostile
pass 3, cause H).
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import yaml
from harness import drafts_workspace, run

SAID = ("  ! エディタが保存したファイルは UTF-8 ではありません (byte 0x82 at offset 14)。"
        "編集は保存されていません。下書きはそのままです (UTF-8 で保存してください)")


def test_an_editor_saving_shift_jis_keeps_the_draft_and_the_review_goes_on(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = drafts_workspace(tmp_path)
    before = yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"]
    editor = tmp_path / "sjis.sh"  # writes `items:\n- id: "あ"` with あ in Shift_JIS (0x82 0xa0)
    editor.write_text("#!/bin/sh\nprintf 'items:\\n- id: \"\\202\\240\"\\n' > \"$1\"\n", encoding="utf-8")
    editor.chmod(editor.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="a\ny\ns\nq\n")
    assert "Traceback" not in ran.out + ran.err and ran.err == ""
    assert ran.code == 0
    assert SAID in ran.out.splitlines()
    assert ran.out.count("✓ 採用") == 1
    left = yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"]
    assert left == before[1:]  # the edited draft is still a draft, as it was; the key after it (s) was read
    assert left[0].get("draft", True)
    assert "未決定" in ran.out.splitlines()[-1]
