"""Hostile pass 19 (`/work/stage/hostile19/table.md` on the machine that ran it), its CLOBBERED and LOST causes and
the discard that blamed the drafts for a bank that had gone:

- CLOBBERED: `extract -o` over a drafts file to which the teacher had added a section by hand (`stories:`,
  `disagreements:`, a `notes:` of their own) replaced the file without a word.
- CLOBBERED: review's kept edit (hostile18) replaced an earlier kept edit of the same draft, and wrote through a link.
- LOST: `add-article` with no headline offered took Enter at 「見出し」, asked the outlet, date and URL, then refused
  the empty headline: the three answers were lost.
- UNCLEAR: a discard after the bank folder (or the article's bank file) went away dumped every draft's problems.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from harness import DEV_ARTICLE, EXTRACT, ONE_DRAFT, drafts_workspace, run, script_editor


@pytest.mark.parametrize("section", ["stories:\n- id: my-story\n  title: {ja: 私の話, en: My story}\n",
                                     "notes:\n- 3番は来週\n"])
def test_a_section_added_by_hand_keeps_the_drafts_file(tmp_path: Path, section: str) -> None:
    drafts = drafts_workspace(tmp_path)
    edited = drafts.read_text(encoding="utf-8") + section
    drafts.write_text(edited, encoding="utf-8")
    ran = run("extract", str(tmp_path / "cls" / "articles" / DEV_ARTICLE.name), "--bank", str(tmp_path / "cls"),
              "-o", str(drafts))
    key = section.split(":", 1)[0]
    assert f"(the section `{key}:` added by hand)" in ran.fails_cleanly()
    assert drafts.read_text(encoding="utf-8") == edited


def test_a_kept_edit_never_replaces_another_nor_writes_through_a_link(bank: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "d.yaml").write_text(ONE_DRAFT, encoding="utf-8")
    script_editor(tmp_path, monkeypatch, 'printf "# MARKER\\n\\tbroken: [\\n" >> "$1"')
    run("review", "d.yaml", "--bank", "bank", input="y\n")
    first = next(tmp_path.glob("d.*.edit.txt"))
    first.write_text("an earlier kept edit", encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text("not quizgen's", encoding="utf-8")
    os.symlink(outside, first.with_name(first.stem + "-2.txt"))
    ran = run("review", "d.yaml", "--bank", "bank", input="y\n")
    assert first.read_text(encoding="utf-8") == "an earlier kept edit"
    assert outside.read_text(encoding="utf-8") == "not quizgen's"
    third = first.with_name(first.stem + "-3.txt")
    assert "MARKER" in third.read_text(encoding="utf-8") and third.name in ran.out


def test_an_empty_headline_is_asked_again_at_once(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("© 2024 ニュース/時事通信\n【モスクワ時事】\n" + DEV_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copytree(EXTRACT / "bank", tmp_path / "cls")
    ran = run("add-article", str(page), "--bank", str(tmp_path / "cls"),
              input="\n中露首脳が北京で会談\n時事通信\n2024-05-16\n\n")
    assert ran.code == 0, ran
    assert "見出しは必須です" in ran.err and "registered article" in ran.out
    assert "中露首脳が北京で会談" in (tmp_path / "cls" / "items" / "001.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("gone", ["folder", "file"])
def test_a_discard_after_the_bank_went_away_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gone: str) -> None:
    drafts = drafts_workspace(tmp_path)
    what = f'rm -rf "{tmp_path}/cls"' if gone == "folder" else f'rm -f "{tmp_path}/cls/items/001.yaml"'
    script_editor(tmp_path, monkeypatch, what)  # the bank goes while the editor is open
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="y\nd\n重複\nq\n")
    assert "Traceback" not in ran.out + ran.err and "unknown article" not in ran.out + ran.err, ran
    said = "が見つかりません" if gone == "folder" else "バンクから記事 001 の出典が消えました"
    assert said in ran.out and "破棄は保存されていません" in ran.out, ran.out
