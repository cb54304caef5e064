"""Third adversarial pass, cause H: an editor that fails ended the whole review.

`y` with an $EDITOR that exits non-zero (vim's `:cq`, an editor that is killed) or that is missing ended the
session with `Error: <editor>: Editing failed`, rc 1, no summary, and the keys after it were never read. Now the
draft stays as it was, one line says the editor failed, and the review goes on to the next key.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import yaml
from harness import drafts_workspace, run

SAVED = "編集は保存されていません。下書きはそのままです ($EDITOR を確かめてください)"


def _review(tmp_path: Path, keys: str) -> tuple[int, str, str]:
    ran = run("review", str(tmp_path / "drafts.yaml"), "--bank", str(tmp_path / "cls"), input=keys)
    return ran.code, ran.out, ran.err


@pytest.mark.parametrize("kind", ["exits-1", "missing"])
def test_a_failing_editor_keeps_the_draft_and_the_review_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 kind: str) -> None:
    drafts = drafts_workspace(tmp_path)
    ids = [i["id"] for i in yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"]]
    editor = tmp_path / "ed.sh"
    if kind == "exits-1":
        editor.write_text("#!/bin/sh\necho 'id: broken' > \"$1\"\nexit 1\n", encoding="utf-8")
        editor.chmod(editor.stat().st_mode | stat.S_IXUSR)
        said = f"  ! {editor}: Editing failed。{SAVED}"
    else:
        said = f"  ! {editor}: Editing failed: [Errno 2] No such file or directory: '{editor}'。{SAVED}"
    monkeypatch.setenv("EDITOR", str(editor))
    code, out, err = _review(tmp_path, "a\ny\na\nq\n")  # accept, edit in the failing editor, accept, quit
    assert "Traceback" not in out + err and err == ""
    assert code == 0
    assert said in out.splitlines()
    assert out.count("✓ 採用") == 2  # the key after the failed edit was read
    left = [i["id"] for i in yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"]]
    assert left == ids[2:]  # the draft edited in the failing editor was accepted unchanged by the next `a`
    assert out.endswith(f"採用 2 件、破棄 0 件、未決定 {len(ids) - 2} 件。残りの下書きは {drafts} にあります。\n")
