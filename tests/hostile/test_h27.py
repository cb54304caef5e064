"""Hostile pass 27: `export -o` and `timeline -o` wrote over an article in the default articles folder (CLOBBERED);
review removed whatever file sat at its lock's name when it ended (CLOBBERED); a discard after another program copied
the drafts into the bank ended the review on 15 「duplicate id」 lines, the reason typed in no file (LOST)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from harness import drafts_workspace, run, script_editor

from quizgen.errors import QuizgenError
from quizgen.extract.session import held, lock_path


@pytest.mark.parametrize("command", [("export", "--format", "gift"), ("timeline", "--format", "text")])
def test_an_output_onto_an_article_of_the_default_articles_folder_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "000.txt"
    article.write_text("中国の習近平国家主席は…\n", encoding="utf-8")
    monkeypatch.setenv("QUIZGEN_ARTICLES", str(folder))
    ran = run(*command, "-o", str(article))
    assert ran.fails_cleanly(1).startswith(f"Error: will not write {article}: it is in the articles folder {folder} "
                                           "($QUIZGEN_ARTICLES)"), ran.err
    assert article.read_text(encoding="utf-8") == "中国の習近平国家主席は…\n"
    assert run(*command, "-o", str(folder / "new.txt")).code == 0  # a new file there replaces nothing


@pytest.mark.parametrize("other", ["text", "link"])
def test_a_file_at_the_lock_name_is_not_a_lock_and_is_left_alone(tmp_path: Path, other: str) -> None:
    drafts = drafts_workspace(tmp_path)
    lock = lock_path(drafts)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    if other == "text":
        shutil.copy(victim, lock)
    else:
        lock.symlink_to(victim)
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="q\n")
    assert ran.fails_cleanly(1).startswith(f"Error: {lock} is "), ran.err
    assert "move or rename it, then run the command again" in ran.err
    assert lock.is_symlink() == (other == "link") and lock.read_text(encoding="utf-8") == "precious\n"
    assert victim.read_text(encoding="utf-8") == "precious\n"


def test_a_file_put_at_the_lock_name_during_a_session_outlives_it(tmp_path: Path) -> None:
    drafts = tmp_path / "d.yaml"
    drafts.write_text("items: []\n", encoding="utf-8")
    with held(drafts):
        lock = lock_path(drafts)
        os.replace(_new(tmp_path / "mine", "precious\n"), lock)
    assert lock.read_text(encoding="utf-8") == "precious\n"
    with pytest.raises(QuizgenError, match="is not a quizgen lock"), held(drafts):
        pass


def _new(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_discard_after_the_drafts_were_copied_into_the_bank_is_kept_and_the_copy_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = drafts_workspace(tmp_path)
    copy = tmp_path / "cls" / "items" / "dd.yaml"
    script_editor(tmp_path, monkeypatch, f'cp "{drafts}" "{copy}"')  # another program's copy, while the editor is open
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="y\nd\n理由MARK0\nq\n")
    assert ran.fails_cleanly(1).startswith(f"Error: the drafts of {drafts} were put into the bank as drafts too while "
                                           "this review ran, in "), ran.err
    assert (f"items/dd.yaml, so this decision was not written to {drafts} (it is kept with this review's drafts, "
            "named above); remove that copy from the bank") in ran.err  # hostile29: not 「nothing was decided」
    kept = drafts.with_name("drafts.review-kept.yaml")
    assert "理由MARK0" in kept.read_text(encoding="utf-8")
    assert f"破棄 1 件、未決定 14 件。判断はすべて {kept} にあります。" in ran.out, ran.out[-600:]
    assert "別のプログラムに変えられていました" not in ran.out and "duplicate id" not in ran.err


def test_a_dash_for_headline_is_refused_as_the_prompt_refuses_it(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    article = drafts.with_name("putin-beijing-2024-05.txt")
    ran = run("add-article", str(article), "--bank", str(tmp_path / "cls"), "--headline", " - ", "--outlet", "X",
              "--date", "2024-05-16", "--url", "")
    assert ran.fails_cleanly(2).strip() == ("Error: --headline -: `-` stands for an unknown outlet, not a headline; give the "
                                    "article's headline (it names the article in every citation)"), ran.err
