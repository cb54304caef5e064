"""Hostile pass 25: another program's write right after review's own was taken as the session's starting point and
written over (CLOBBERED); an article broken in that moment was blamed on the drafts file; an edit the form could not
save for a bank file or an article that stopped reading, and an edit or discard refused for a drafts file made
unwritable, were in no file (LOST); `worksheet --ids` let a matching exercise take a named item's place (LOST)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from harness import drafts_workspace, run

import quizgen.atomic
from quizgen.cli import cli
from quizgen.errors import OutputError

ARTICLE = Path("cls") / "articles" / "putin-beijing-2024-05.txt"


def _after_the_drafts_write(monkeypatch: pytest.MonkeyPatch, drafts: Path, then: object) -> None:
    """Run `then()` once, right after review's first write of the drafts file (another program's moment)."""
    real = quizgen.atomic.write_text
    done: list[bool] = []

    def write_text(path: Path, text: str, links: quizgen.atomic.Links) -> Path:
        out = real(path, text, links)
        if Path(path) == drafts and not done:
            done.append(True)
            then()  # type: ignore[operator]
        return out

    monkeypatch.setattr("quizgen.extract.review.write_text", write_text)


def test_another_program_s_write_right_after_review_s_own_is_never_written_over(tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = drafts_workspace(tmp_path)
    other = "# another program's text\nitems: []\n"
    _after_the_drafts_write(monkeypatch, drafts, lambda: drafts.write_text(other, encoding="utf-8"))
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="d\n理由MARK0\na\nq\n")
    assert drafts.read_text(encoding="utf-8") == other, ran.out[-600:]
    assert "was changed by another program" in ran.err
    assert "理由MARK0" in drafts.with_name("drafts.review-kept.yaml").read_text(encoding="utf-8")


def test_an_article_broken_right_after_a_write_is_named_not_the_drafts_file(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = drafts_workspace(tmp_path)
    article = tmp_path / ARTICLE
    _after_the_drafts_write(monkeypatch, drafts, lambda: article.write_bytes(b"x\xff"))
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="d\n理由MARK0\na\nq\n")
    assert "changed by another program" not in ran.out + ran.err, ran.out[-600:]
    assert f"記事のファイル {article} が読めません" in ran.out
    assert "理由MARK0" in drafts.read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", ["sources", "article"])
def test_an_edit_the_form_cannot_save_for_the_bank_is_kept_and_the_file_named(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch,
                                                                              damage: str) -> None:
    drafts = drafts_workspace(tmp_path)
    broken = tmp_path / ("cls/sources.yaml" if damage == "sources" else ARTICLE)

    def save(_label: str) -> str:  # another program, while the teacher is at the save question
        broken.write_bytes(b"" if damage == "sources" else b"x\xff")
        return "y"

    monkeypatch.setattr("quizgen.cli.review.save_or_back", save)
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="e\n編集MARK1の問\n" + "\n" * 14 + "q\n")
    kept = next(tmp_path.glob("drafts.*.edit.txt"))
    assert "編集MARK1の問" in kept.read_text(encoding="utf-8"), ran.out[-800:]
    assert str(broken) in ran.out or str(broken.relative_to(tmp_path)) in ran.out, ran.out[-800:]


@pytest.mark.parametrize("keys", ["d\n理由MARK0\n", "e\n編集MARK0の問\n" + "\n" * 14 + "y\n"])
def test_an_edit_or_discard_the_drafts_file_refuses_to_take_is_kept_beside_it(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch,
                                                                             keys: str) -> None:
    drafts = drafts_workspace(tmp_path)
    real = quizgen.atomic.write_text

    def write_text(path: Path, text: str, links: quizgen.atomic.Links) -> Path:
        if Path(path) == drafts:  # made immutable (chattr +i) during the session
            raise OutputError(f"cannot write {path}: Operation not permitted")
        return real(path, text, links)

    monkeypatch.setattr("quizgen.extract.review.write_text", write_text)
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input=keys + "q\n")
    assert ran.code == 1 and "Operation not permitted" in ran.err, ran
    assert "MARK0" in drafts.with_name("drafts.review-kept.yaml").read_text(encoding="utf-8"), ran.out[-600:]


def test_every_item_named_with_ids_is_on_the_sheet(tmp_path: Path) -> None:
    from quizgen import resources
    from quizgen.bank import load_bank

    ids = ("a002-six-years", "a002-lavrov-met-xi", "a004-sco-chair")
    answers = {i: load_bank(resources.bank_dir()).item_by_id[i].answer.ja for i in ids}
    for choice in ((), ("--choice", "a002-six-years,a004-sco-chair")):
        out = tmp_path / str(len(choice))
        res = CliRunner().invoke(cli, ["worksheet", "--ids", ",".join(ids), *choice, "--seed", "1", "--format", "html",
                                       "-o", str(out)])
        assert res.exit_code == 0, res.output
        key = (out / "worksheet-A-key.html").read_text(encoding="utf-8")
        assert all(a in key for a in answers.values()), (choice, [i for i, a in answers.items() if a not in key])
