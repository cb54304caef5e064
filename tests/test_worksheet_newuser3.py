"""Worksheets after the newuser2 teacher's first sheet: a title or exam name that prints an answer is refused
(#7), and a refusal for too few questions that fit lists what to leave out (#6)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from quizgen.cli import cli

FLOWERS = Path(__file__).parent / "data" / "worksheet_flowers"
THREE = ["--ids", "t-flower-01,t-flower-02,t-neutral", "--types", "short", "--seed", "1", "--format", "html"]


def invoke(bank: Path, *args: str) -> tuple[int, str]:
    res = CliRunner().invoke(cli, ["worksheet", "--bank", str(bank), *args])
    return res.exit_code, res.output


def test_a_title_that_prints_an_answer_is_refused_naming_the_question_and_the_words(tmp_path: Path) -> None:
    """newuser2 #7: 「中ロ首脳会談と「一帯一路」フォーラム」 printed 問5's answer at the top of page 1."""
    code, out = invoke(FLOWERS, *THREE, "--title", "第一式典とアカシア", "-o", str(tmp_path))
    assert (code, out) == (2, "Error: --title gives answers away: 「アカシア」 answers 問1 (t-flower-01); leave these "
                              "words out of the title (nothing was written)\n")
    assert list(tmp_path.iterdir()) == []


def test_an_exam_name_that_prints_answers_is_refused_on_every_version(tmp_path: Path) -> None:
    code, out = invoke(FLOWERS, *THREE, "--variants", "2", "--exam", "ベルガモットとアカシアの小テスト",
                       "-o", str(tmp_path))
    assert code == 2
    assert out.startswith("Error: --exam gives answers away: ")
    assert "「ベルガモット」 answers 問" in out and "of version A (t-flower-02)" in out and "of version B (t-flower-02)" in out
    assert "「アカシア」 answers 問" in out and "(t-flower-01)" in out
    assert out.endswith("leave these words out of the exam name (nothing was written)\n")
    assert list(tmp_path.iterdir()) == []


def test_a_title_without_answers_still_makes_the_sheet(tmp_path: Path) -> None:
    code, out = invoke(FLOWERS, *THREE, "--title", "式典の花", "--exam", "1学期 小テスト", "-o", str(tmp_path))
    assert code == 0, out
    assert "式典の花" in (tmp_path / "worksheet-A.html").read_text(encoding="utf-8")
