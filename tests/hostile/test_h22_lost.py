"""Hostile pass 22, its LOST causes in review: the drafts file deleted, emptied or cut (a partial copy) while a review
ran, then only `q` (or a decision refused as 「changed by another program」, or the file replaced by a folder): the
drafts and decisions the session held were written nowhere, and 「それまでの判断は保存済みです」 was said."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from harness import drafts_workspace, run, script_editor

DAMAGE = {"deleted": 'rm -f "{d}"', "emptied": ': > "{d}"', "cut": 'head -c 3000 "{d}" > "{d}.part" && mv "{d}.part" "{d}"',
          "folder": 'rm -f "{d}" && mkdir "{d}"'}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_the_drafts_and_decisions_held_are_kept_whatever_happened_to_the_file(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch,
                                                                              damage: str) -> None:
    drafts = drafts_workspace(tmp_path)
    held = drafts.read_text(encoding="utf-8").count("draft: true")
    script_editor(tmp_path, monkeypatch, DAMAGE[damage].format(d=drafts))  # while the editor is open
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="d\n重複\ny\nq\n")
    assert "Traceback" not in ran.out + ran.err
    where = drafts if damage in ("deleted", "emptied") else drafts.with_name(f"{drafts.stem}.review-kept.yaml")
    text = where.read_text(encoding="utf-8")
    assert text.count("draft: true") == held and "discarded: 重複" in text, (damage, ran.out[-400:])
    assert str(where) in ran.out or damage in ("deleted", "emptied"), ran.out[-400:]
    if damage == "cut":
        assert len(drafts.read_bytes()) == 3000  # what another program left is not written over
        assert f"残りの下書きは {where} にあります。" in ran.out  # hostile23: the last line named the cut file
    if damage == "folder":
        assert drafts.is_dir()
        shutil.rmtree(drafts)


@pytest.mark.parametrize("bank_file", ["sources.yaml", "items/001.yaml"])
def test_a_discard_refused_for_an_emptied_bank_file_says_so_and_the_review_goes_on(tmp_path: Path,
                                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                                   bank_file: str) -> None:
    """LOST in pass 22: `d` after a bank file was emptied ended the review (exit 1) with check's one line; the discard
    and its reason were saved nowhere and nothing said so."""
    drafts = drafts_workspace(tmp_path)
    script_editor(tmp_path, monkeypatch, f': > "{tmp_path / "cls" / bank_file}"')
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="y\nd\n重複\nq\n")
    assert ran.fails_cleanly(0) == "", ran
    assert f"バンクのファイル {tmp_path / 'cls' / bank_file}" in ran.out or f"cls/{bank_file}" in ran.out, ran.out[-600:]
    assert "破棄は保存されていません。" in ran.out, ran.out[-600:]


def test_an_undo_refused_for_an_emptied_bank_file_says_so_and_the_review_goes_on(tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = drafts_workspace(tmp_path)
    script_editor(tmp_path, monkeypatch, f': > "{tmp_path / "cls" / "sources.yaml"}"')  # (its items/001.yaml:
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="a\ny\nu\nq\n")  # test_h23_lost)
    assert ran.fails_cleanly(0) == "", ran
    assert "取り消しは保存されていません。" in ran.out, ran.out[-600:]
