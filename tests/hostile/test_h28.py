"""Hostile pass 28: a folder at a lock's name ran the session with no lock (a second review of the file ran beside
it); after another program copied the drafts into the bank, `a` said 「already in the bank (accepted in another
review session)」, `u` blamed the drafts file for 14 duplicate ids and `y` the teacher's edit (UNCLEAR)."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import drafts_workspace, run, script_editor

from quizgen.extract.session import bank_lock_path, lock_path


@pytest.mark.parametrize("which", ["drafts", "bank"])
def test_a_folder_at_a_lock_name_is_refused_and_left(tmp_path: Path, which: str) -> None:
    drafts = drafts_workspace(tmp_path)
    lock = lock_path(drafts) if which == "drafts" else bank_lock_path(tmp_path / "cls")
    lock.mkdir()
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="a\nq\n")
    assert ran.code == 1 and "Traceback" not in ran.out + ran.err, ran
    assert ran.err.strip().endswith(f"is a folder, not a quizgen lock, and quizgen takes that name to hold "
                                    f"{drafts if which == 'drafts' else tmp_path / 'cls'} while it works; move or rename "
                                    "it, then run the command again"), ran.err
    assert lock.is_dir() and "✓ 採用" not in ran.out


@pytest.mark.parametrize(("before", "key"), [("", "a"), ("", "1,3"), ("", "y"), ("a\n", "u")])
def test_every_decision_after_the_bank_got_a_copy_of_the_drafts_names_the_copy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: str, key: str) -> None:
    drafts = drafts_workspace(tmp_path)
    copy = tmp_path / "cls" / "items" / "dd.yaml"
    script_editor(tmp_path, monkeypatch, f'cp "{drafts}" "{copy}"')  # another program's copy, while `y`'s editor is open
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input=f"{before}y\n{key}\nq\n")
    assert ran.fails_cleanly(1).startswith(f"Error: the drafts of {drafts} were put into the bank as drafts too while "
                                           "this review ran, in "), ran.err
    assert "items/dd.yaml" in ran.err and "duplicate id" not in ran.out + ran.err
    assert "another review session" not in ran.err and ran.out.count("✓ 採用") == before.count("a")


def test_an_edit_saved_while_the_bank_got_a_copy_is_kept_and_the_copy_named(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = drafts_workspace(tmp_path)
    copy = tmp_path / "cls" / "items" / "dd.yaml"
    script_editor(tmp_path, monkeypatch, f'cp "{drafts}" "{copy}" && sed -i "0,/^explanation:/{{n;s/ja: /ja: 編集MARK1 /}}" "$1"')
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="y\nq\n")
    assert ran.fails_cleanly(1).startswith(f"Error: the drafts of {drafts} were put into the bank as drafts too"), ran.err
    kept = next(tmp_path.glob("drafts.*.edit.txt"))
    assert "編集MARK1" in kept.read_text(encoding="utf-8") and str(kept) in ran.out, ran.out[-600:]
    assert "duplicate id" not in ran.out
