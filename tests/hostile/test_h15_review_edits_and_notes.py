"""Fifteenth adversarial pass: four ways `review` lost a teacher's work, or ended, while saying it was saved.

- `y`: an edit in $EDITOR that also changed the draft's `id` was dropped whole, and 「保存しました」 was said. The id
  stays (the draft's number, its fingerprint and the bank's links hang on it), the rest of the edit is saved, and the
  teacher is told.
- `y`: a comment typed in the editor was dropped, 「保存しました」 said. It is kept in the file's header, with the
  draft's id.
- Accepting the last draft deleted the drafts file, and with it the teacher's comments (which review keeps since pass
  14). The file stays, holding only the comments; `review` of it says there is nothing to review.
- A discard reason typed with an invisible formatting character (U+202E) ended the session, exit 1, with a bank
  error located in the drafts file. It is asked again, as a control character is.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import ONE_DRAFT, run, script_editor


def _drafts(tmp_path: Path, text: str = ONE_DRAFT) -> Path:
    drafts = tmp_path / "d.yaml"
    drafts.write_text(text, encoding="utf-8")
    return drafts


def test_an_edit_that_changes_the_id_keeps_the_id_and_saves_the_rest(bank: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = _drafts(tmp_path)
    script_editor(tmp_path, monkeypatch, 'sed -i "s/^id: .*/id: my-own-id/; s/^  en: Shoigu$/  en: Sergei Shoigu/" "$1"')
    ran = run("review", "d.yaml", "--bank", "bank", input="y\nq\n")
    assert (ran.code, ran.err) == (0, ""), ran
    assert "id は変えられません (番号・出典との結びつきが id にあるため)。my-own-id ではなく元の x-draft のまま" in ran.out
    assert "保存しました" in ran.out
    after = drafts.read_text(encoding="utf-8")
    assert "Sergei Shoigu" in after and "my-own-id" not in after and "id: x-draft" in after


def test_a_comment_typed_in_the_editor_is_kept(bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = _drafts(tmp_path)
    item_id = "x-draft"
    script_editor(tmp_path, monkeypatch, 'printf "# 来週の授業で使う\\n" >> "$1"')
    ran = run("review", "d.yaml", "--bank", "bank", input="y\nq\n")
    assert ran.code == 0, ran
    assert f"# ({item_id} の編集にあった注) 来週の授業で使う\n" in drafts.read_text(encoding="utf-8")


def test_the_last_accept_keeps_the_teacher_s_comments(bank: Path, tmp_path: Path) -> None:
    drafts = _drafts(tmp_path, "# 田中先生に確認する\n" + ONE_DRAFT)
    ran = run("review", "d.yaml", "--bank", "bank", input="a\n")
    assert ran.code == 0 and "採用 1 件" in ran.out, ran
    left = drafts.read_text(encoding="utf-8").splitlines()
    assert left[0] == "# 田中先生に確認する" and all(line.startswith("#") for line in left)
    again = run("review", "d.yaml", "--bank", "bank", input="q\n")
    assert (again.code, again.err) == (2, "Error: d.yaml holds no drafts, only comments (every draft in it was "
                                          "decided); nothing to review\n"), again


def test_the_last_accept_without_comments_of_the_teacher_s_removes_the_file(bank: Path, tmp_path: Path) -> None:
    drafts = _drafts(tmp_path)
    assert run("review", "d.yaml", "--bank", "bank", input="a\n").code == 0
    assert not drafts.exists()


def test_a_discard_reason_with_an_invisible_character_is_asked_again(bank: Path, tmp_path: Path) -> None:
    drafts = _drafts(tmp_path)
    ran = run("review", "d.yaml", "--bank", "bank", input="d\n重\u202e複\n重複\nq\n")
    assert ran.code == 0, ran
    assert "That holds an invisible formatting character U+202E RIGHT-TO-LEFT OVERRIDE at character 2" in ran.err
    assert "discarded: 重複\n" in drafts.read_text(encoding="utf-8")
