"""Hostile pass 17 (`/work/stage/hostile17/table.md` on the machine that ran it), three of its causes:

- HANG: at review's `y`, an editor that left a FIFO in place of the file it was given made review wait for ever
  (click read the file back, and opening a FIFO waits for a writer).
- UNCLEAR: `worksheet --ids` with ids separated by a line break, a tab or a space read them as one id, and asked
  「did you mean」 an id the user had typed.
(The third, a traceback with `PYTHONIOENCODING=shift_jis:surrogateescape`, is in test_h16_legacy_terminal_encoding.)
"""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest
from harness import ONE_DRAFT, Ran, run


def test_an_editor_that_leaves_a_fifo_does_not_stop_review(bank: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "d.yaml").write_text(ONE_DRAFT, encoding="utf-8")
    editor = tmp_path / "ed.sh"
    editor.write_text('#!/bin/sh\nrm -f "$1"; mkfifo "$1"\n', encoding="utf-8")
    editor.chmod(editor.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("EDITOR", str(editor))
    done: list[Ran] = []
    worker = threading.Thread(target=lambda: done.append(run("review", "d.yaml", "--bank", "bank", input="y\nq\n")),
                              daemon=True)
    worker.start()
    worker.join(60)
    assert done, "review still waits on the FIFO the editor left"
    ran = done[0]
    assert (ran.code, ran.err) == (0, ""), ran
    assert "はFIFO (名前付きパイプ)になっていました。編集は保存されていません。下書きはそのままです" in ran.out
    assert (tmp_path / "d.yaml").read_text(encoding="utf-8") == ONE_DRAFT


def test_ids_one_per_line_are_ids() -> None:
    ids = run("topics", "--items").out.split()
    two = [i for i in ids if i.startswith(("a00", "a01"))][:2]
    for sep in ("\n", "\t", " ", ", \n"):
        ran = run("worksheet", "--ids", sep.join(two), "--format", "html", "--seed", "1", "-o", "w")
        assert ran.fails_cleanly(0) == "" or "warning" in ran.err, (sep, ran)
        assert "2 questions" in ran.out, (sep, ran.out)



def test_a_drafts_file_that_became_a_folder_ends_the_review_saying_what_was_not_saved(
        bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """hostile17 (LOST): the next discard ended the session with 「Error: Is a directory: d.yaml」, no summary, nothing
    said of the discard and its reason. (The editor here does what another program did in the pass.)"""
    (tmp_path / "d.yaml").write_text(ONE_DRAFT, encoding="utf-8")
    editor = tmp_path / "ed.sh"
    editor.write_text(f'#!/bin/sh\nmv "{tmp_path}/d.yaml" "{tmp_path}/moved.yaml"; mkdir "{tmp_path}/d.yaml"\n',
                      encoding="utf-8")
    editor.chmod(editor.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("EDITOR", str(editor))
    ran = run("review", "d.yaml", "--bank", "bank", input="y\nd\n重複\nq\n")
    assert ran.code == 1 and "Traceback" not in ran.out + ran.err, ran
    # the discard is counted where it is kept (hostile27: the closing line counted it nowhere)
    assert "採用 0 件、破棄 1 件、未決定 0 件。判断はすべて d.review-kept.yaml にあります。" in ran.out, ran.out[-400:]
    assert ran.err.startswith("Error: d.yaml was changed by another program")  # a folder in its place (hostile24)
    assert "discarded: 重複" in (tmp_path / "d.review-kept.yaml").read_text(encoding="utf-8")  # the discard is kept
    assert (tmp_path / "moved.yaml").read_text(encoding="utf-8") == ONE_DRAFT


def test_an_article_file_name_with_a_line_break_is_named(tmp_path: Path) -> None:
    """hostile17: add-article on 「n⏎l.txt」 failed with a YAML error located in a bank file it had written and removed."""
    import shutil

    from harness import DEV_ARTICLE, EXTRACT

    shutil.copytree(EXTRACT / "bank", tmp_path / "cls")
    odd = tmp_path / "n\nl.txt"
    shutil.copy(DEV_ARTICLE, odd)
    res = run("add-article", str(odd), "--bank", str(tmp_path / "cls"), "--headline", "中露首脳", "--outlet", "共同",
              "--date", "2024-05-16", "--url", "")
    assert res.fails_cleanly(2).endswith("the file name holds a control character (U+000A at character 2); rename "
                                         "the file and try again\n"), res.err
    assert not (tmp_path / "cls" / "articles").exists() or not any((tmp_path / "cls" / "articles").iterdir())
