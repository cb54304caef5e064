"""Hostile pass 26: a drafts file and its folder made unwritable lost the edit or discard just typed (nothing could be
written beside the file, and nothing was shown); `check` of a bank whose sources.yaml was deleted gave 157
「unknown article」 lines and none saying why."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from harness import drafts_workspace, run

import quizgen.atomic
from quizgen import resources
from quizgen.errors import OutputError


def _nothing_beside(monkeypatch: pytest.MonkeyPatch, drafts: Path) -> None:
    real = quizgen.atomic.write_text

    def write_text(path: Path, text: str, links: quizgen.atomic.Links) -> Path:
        if Path(path) == drafts:
            raise OutputError(f"cannot write {path}: Operation not permitted")
        return real(path, text, links)

    def refused(path: Path, _text: str) -> Path:
        if path.parent == drafts.parent:
            raise OSError(errno.EPERM, "Operation not permitted", str(path))
        return quizgen.atomic.write_new(path, _text)

    monkeypatch.setattr("quizgen.extract.review.write_text", write_text)
    monkeypatch.setattr("quizgen.extract.review.write_new", refused)
    monkeypatch.setattr("quizgen.cli.review.write_new", refused)


def test_what_cannot_be_kept_beside_the_drafts_file_goes_to_the_current_folder(tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = drafts_workspace(tmp_path)
    _nothing_beside(monkeypatch, drafts)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="d\n理由MARK0\nq\n")
    kept = elsewhere / "drafts.review-kept.yaml"
    assert "理由MARK0" in kept.read_text(encoding="utf-8"), ran.out[-600:]
    assert str(kept) in ran.out and "Traceback" not in ran.out + ran.err


def test_what_can_be_written_nowhere_is_shown_to_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = drafts_workspace(tmp_path)
    _nothing_beside(monkeypatch, drafts)
    monkeypatch.chdir(tmp_path)  # the drafts file's own folder: refused too
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="d\n理由MARK0\nq\n")
    assert "discarded: 理由MARK0" in ran.out and "(ここまで。写しておいてください)" in ran.out, ran.out[-800:]


def test_a_bank_without_its_sources_file_says_so_in_one_line(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(resources.bank_dir(), bank)
    (bank / "sources.yaml").unlink()
    ran = run("check", "--bank", str(bank))
    lines = ran.fails_cleanly(1).splitlines()
    assert ("bank/sources.yaml:1:1: (file): no such file, and no other file of the bank lists a source, yet 157 "
            "references name articles") in lines[0], lines[:3]
    assert "unknown article" not in ran.err and len(lines) == 2, lines[:4]


@pytest.mark.parametrize(("gone", "said"), [(("stories.yaml",), "stories.yaml:1:1: (file): no such file, and no other "
                                             "file of the bank lists a story"),
                                            (("entities.yaml", "entities_a.yaml", "entities_b.yaml"),
                                             "entities.yaml:1:1: (file): no such file, and no other file of the bank "
                                             "lists an entity")])
def test_a_bank_without_its_stories_or_entities_files_says_so_in_one_line(tmp_path: Path, gone: tuple[str, ...],
                                                                          said: str) -> None:
    """hostile27: 49 「unknown story」 or 192 「unknown entity」 lines, none naming the missing file."""
    bank = tmp_path / "bank"
    shutil.copytree(resources.bank_dir(), bank)
    for name in gone:
        (bank / name).unlink()
    err = run("check", "--bank", str(bank)).fails_cleanly(1)
    assert said in err and "unknown story" not in err and "unknown entity" not in err, err[:600]
