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

