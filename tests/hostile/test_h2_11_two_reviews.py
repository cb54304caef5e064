"""Second adversarial pass, cause 11: two `review` sessions on one drafts file.

When one session accepted the draft the other was showing, the other's decision ended it with
`duplicate id … (first defined at cls/items/001.yaml:14)`, which did not say what had happened. Now a
decision on a drafts file that changed since the session read it is refused with what happened and
what to do; the file keeps the other program's change. (A second *review* session is now refused at its start,
while the first holds the file: hostile3 cause E, `test_h3_e_two_reviews_at_once.py`; the other program here is
a text editor.)
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import yaml
from harness import command, drafts_workspace


def test_the_second_session_is_told_another_changed_the_file(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    first = yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"][0]["id"]
    b = subprocess.Popen(command("review", str(drafts), "--bank", str(tmp_path / "cls")), stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert b.stdout is not None and b.stdin is not None
    shown = ""
    deadline = time.monotonic() + 60
    while "── 1/" not in shown and time.monotonic() < deadline:  # B has read the file and shows draft 1
        shown += b.stdout.readline()
    assert first in shown
    edited = drafts.read_text(encoding="utf-8").replace("TODO: translate", "TODO: translate it", 1)
    drafts.write_text(edited, encoding="utf-8")  # A, a text editor, saves the file
    after_a = drafts.read_text(encoding="utf-8")
    _out, err = b.communicate("d\n理由\n", timeout=60)
    assert b.returncode == 1 and "Traceback" not in err
    assert err == (f"Error: {drafts} was changed by another program (another review session?) since this review "
                   f"read it, so nothing was decided; run `quizgen review` again to go on from the file as it is now\n")
    assert drafts.read_text(encoding="utf-8") == after_a
