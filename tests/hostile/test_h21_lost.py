"""Hostile pass 21 (`/work/stage/hostile21/` on the machine that ran it), its LOST causes:

- quiz: a typed line holding an arrow key's escape sequence (ESC [ A, a paste) was recorded as a wrong answer and the
  card set back to Again, where add-article and review refuse such a line.
- review: the drafts file emptied to 0 bytes during the session (an editor or a sync tool that crashed while saving)
  made the next decision exit with 「changed by another program」, the drafts and decisions the session held written
  nowhere; a deleted drafts file was written again, an emptied one was not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import DATA, drafts_workspace, run, script_editor

from quizgen.quiz.store import Store

BANK = DATA / "quiz" / "bank"


@pytest.mark.parametrize("typed", ["\x1b[A外相", "外\x00相"])
def test_a_typed_control_character_records_nothing_and_asks_again(typed: str) -> None:
    res = run("quiz", "--bank", str(BANK), "--db", "r.db", "--now", "2025-03-01T09:00", "--seed", "5", "--limit", "1",
              "--category", "actors", input=typed + "\nしゅうきんぺい\nq\n")
    assert res.code == 0, res.err
    assert "holds a control character (U+00" in res.out and "nothing was recorded; type the answer again." in res.out
    with Store("r.db") as store:
        assert [r.answer for r in store.reviews()] == ["しゅうきんぺい"]


def test_a_drafts_file_emptied_during_review_is_written_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = drafts_workspace(tmp_path)
    held = drafts.read_text(encoding="utf-8").count("draft: true")
    script_editor(tmp_path, monkeypatch, f': > "{drafts}"')  # while the editor is open, the drafts file is emptied
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="d\n重複\ny\nd\n些末\nq\n")
    assert "changed by another program" not in ran.out + ran.err, ran
    assert f"  ! {drafts} was emptied while this review ran; it is written again with every draft" in ran.out
    text = drafts.read_text(encoding="utf-8")
    assert text.count("draft: true") == held and "discarded: 重複" in text and "discarded: 些末" in text, text[-600:]


@pytest.mark.parametrize("script", ["rm -rf cls", "rm -f cls/items/001.yaml"])
def test_undoing_a_discard_after_the_bank_went_away_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            script: str) -> None:
    """UNCLEAR in pass 21: pass 20's fix said the bank was gone for `u` of an accept, not of a discard (22-43
    「unknown article」 lines blaming the drafts file, the review ended)."""
    drafts = drafts_workspace(tmp_path)
    script_editor(tmp_path, monkeypatch, f'cd "{tmp_path}" && {script}')  # the bank goes while the editor is open
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="d\n重複\ny\nu\nq\n")
    assert ran.fails_cleanly(0) == "", ran  # the review went on to `q`
    assert "unknown article" not in ran.out and "取り消しは保存されていません。" in ran.out, ran.out
