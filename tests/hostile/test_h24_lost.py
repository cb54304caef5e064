"""Hostile pass 24: review emptied a drafts file whose drafts the bank held as drafts too (LOST: edits and discards);
an edit or a discard refused because another program changed the drafts file was in no file (LOST); `u` after the
bank lost the accepted draft and the drafts file changed was refused and the draft was nowhere (LOST); an unreadable
article was blamed on the bank file naming it, and an empty cloze blank was refused in English (UNCLEAR)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from harness import drafts_workspace, run, script_editor

MARK = 'sed -i "0,/^  explanation:/{n;s/ja: /ja: 編集MARK1 /}" "$1"'  # a typed edit, as an editor saves it


@pytest.mark.parametrize("copy", ["articles/new.yaml", "items/zz-drafts.yaml"])
def test_drafts_the_bank_holds_as_drafts_too_are_refused_and_the_drafts_file_left_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copy: str) -> None:
    drafts = drafts_workspace(tmp_path)
    script_editor(tmp_path, monkeypatch, MARK)
    assert run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="g 2\ny\nd\n理由MARK0\nq\n").code == 0
    before = drafts.read_text(encoding="utf-8")
    assert "MARK0" in before and "MARK1" in before
    shutil.copy(drafts, tmp_path / "cls" / copy)  # (extract -o into the articles folder writes the same ids)
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="q\n")
    assert ran.fails_cleanly(1).startswith(f"Error: the drafts of {drafts} are in the bank as drafts too, in "), ran
    assert copy in ran.err and "nothing was changed" in ran.err
    assert drafts.read_text(encoding="utf-8") == before


CHANGE = {"cut": 'truncate -s 2000 "{d}"', "other": 'echo "other: text" > "{d}"', "not-utf8": "printf 'x\\377' > \"{d}\"",
          "folder": 'rm -f "{d}" && mkdir "{d}"'}


@pytest.mark.parametrize("change", list(CHANGE))
@pytest.mark.parametrize("key", ["y", "d"])
def test_an_edit_or_discard_refused_for_a_changed_drafts_file_is_kept_beside_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str, key: str) -> None:
    drafts = drafts_workspace(tmp_path)
    script_editor(tmp_path, monkeypatch, f'{CHANGE[change].format(d=drafts)} && {MARK.replace(chr(36) + "1", "$1")}')
    keys = "y\n" if key == "y" else "y\nd\n理由MARK0\n"  # `d`: the file changes at the `y` before it (nothing typed)
    if key == "d":
        script_editor(tmp_path, monkeypatch, CHANGE[change].format(d=drafts))
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input=keys + "q\n")
    assert "Traceback" not in ran.out + ran.err and ran.code == 1, ran
    kept = drafts.with_name("drafts.review-kept.yaml")
    text = kept.read_text(encoding="utf-8")
    assert ("MARK1" if key == "y" else "MARK0") in text, ran.out[-600:]
    assert str(kept) in ran.out
    if change == "folder":
        shutil.rmtree(drafts)


def test_an_accept_the_bank_lost_is_kept_when_the_drafts_file_changed_too(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = drafts_workspace(tmp_path)
    script_editor(tmp_path, monkeypatch, f': > "{tmp_path / "cls" / "items" / "001.yaml"}" && echo "other: 1" > "{drafts}"')
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="a\ny\nu\nq\n")
    kept = tmp_path / "drafts.undone-a001-date-80f0bf.yaml"
    assert "- id: a001-date-80f0bf" in kept.read_text(encoding="utf-8"), ran.out[-600:]
    assert f"(取り消した下書きは {kept} に)" in ran.out and "Traceback" not in ran.out + ran.err


@pytest.mark.parametrize("damage", ["printf 'x\\377' > \"{a}\"", 'rm "{a}" && mkdir "{a}"'])
def test_an_article_that_stopped_reading_is_named_not_the_bank_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    damage: str) -> None:
    drafts = drafts_workspace(tmp_path)
    article = tmp_path / "cls" / "articles" / "putin-beijing-2024-05.txt"
    script_editor(tmp_path, monkeypatch, damage.format(a=article))
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="y\na\nq\n")
    assert f"下書きではなく、記事のファイル {article} が読めません" in ran.out, ran.out[-800:]
    assert "バンクのファイル" not in ran.out
    if article.is_dir():
        article.rmdir()


@pytest.mark.parametrize("cloze", ["中国の習近平国家主席は[[]]、北京で会談した。", "中国の習近平国家主席は]]北京[[で会談した。",
                                   "中国の習近平国家主席は[[[[北京]]]]で会談した。"])
def test_a_cloze_without_a_proper_blank_is_refused_in_japanese(tmp_path: Path, cloze: str) -> None:
    drafts = drafts_workspace(tmp_path)
    keys = "e\n" + "\n" * 7 + cloze + "\n" * 4 + "y\n"  # then the input ends: the form keeps what was typed aside
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input=keys)
    assert "! 穴埋め: 空欄がありません。" in ran.out or "! 穴埋め: [[ ]] の中にまた" in ran.out, ran.out[-1200:]
    assert "mark each blank" not in ran.out and "one pair of brackets" not in ran.out
    assert yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"][0].get("cloze", {}).get("ja") != cloze
