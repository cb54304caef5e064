"""Hostile pass 20 (`/work/stage/hostile20/table.md` on the machine that ran it), its LOST causes:

- review `e`: the teacher rewrote the question in the form and the input ended (Ctrl-D, Ctrl-C) before the save
  question's `y`, or at it: 「編集を取り消しました」 and the typed text was gone, where the same end of input on the
  `y` (YAML editor) path keeps it in `FILE.ID.edit.txt`.
- review `y`: a kept edit that could not be written (the folder gone read-only) was thrown away with one line.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from harness import ONE_DRAFT, run, script_editor

import quizgen.cli.review as review_cli

MARKER = "先生が書き直した問いである。（　　）に入る日付はいつか。"


@pytest.mark.parametrize("enters", [1, 12], ids=["mid-form", "at-the-save-question"])
def test_the_form_s_typed_text_is_kept_when_input_ends(bank: Path, tmp_path: Path, enters: int) -> None:
    (tmp_path / "d.yaml").write_text(ONE_DRAFT, encoding="utf-8")
    before = (tmp_path / "d.yaml").read_text(encoding="utf-8")
    ran = run("review", "d.yaml", "--bank", "bank", input="e\n" + MARKER + "\n" + "\n" * enters)
    kept = list(tmp_path.glob("d.*.edit.txt"))
    assert len(kept) == 1, ran
    assert f"問: {MARKER}" in kept[0].read_text(encoding="utf-8")
    assert kept[0].name in ran.out and "[e] で打ち直してください" in ran.out
    assert (tmp_path / "d.yaml").read_text(encoding="utf-8") == before  # the draft itself unchanged


def test_nothing_typed_keeps_no_file(bank: Path, tmp_path: Path) -> None:
    (tmp_path / "d.yaml").write_text(ONE_DRAFT, encoding="utf-8")
    run("review", "d.yaml", "--bank", "bank", input="e\n\n")
    assert not list(tmp_path.glob("d.*.edit.txt"))


def test_an_edit_that_cannot_be_kept_beside_the_drafts_is_shown(bank: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "d.yaml").write_text(ONE_DRAFT, encoding="utf-8")
    script_editor(tmp_path, monkeypatch, 'printf "# MARKER_EDIT\\n\\tbroken: [\\n" >> "$1"')

    def read_only(_path: Path, _text: str) -> Path:  # the folder as a read-only mount refuses a new file
        raise OSError(errno.EROFS, "Read-only file system", str(_path))

    monkeypatch.setattr(review_cli, "write_new", read_only)
    ran = run("review", "d.yaml", "--bank", "bank", input="y\n")
    assert "残せませんでした" in ran.out and "# MARKER_EDIT" in ran.out


def test_undoing_an_accept_after_its_bank_file_went_bad_names_the_file(tmp_path: Path) -> None:
    """Hostile pass 20 (TRACEBACK): `u` after the bank file the accept wrote to became bytes that are not UTF-8 (a sync
    tool's conflict) ended review in a UnicodeDecodeError; it is a bank problem at that file."""
    from harness import drafts_workspace

    from quizgen.errors import BankError
    from quizgen.extract import review as rv

    drafts_file = drafts_workspace(tmp_path)
    drafts = rv.open_drafts(drafts_file, tmp_path / "cls").drafts
    item = next(i for i in drafts.records.items if i.draft)
    done = rv.accept(drafts, item)
    done.target.write_bytes(b"\xff garbage")
    with pytest.raises(BankError) as raised:
        rv.undo_accept(done.drafts, done.item, done.target, item, 0)
    (problem,) = raised.value.problems
    assert problem.file.endswith("001.yaml") and "not UTF-8" in problem.message
