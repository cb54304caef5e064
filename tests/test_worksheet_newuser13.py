"""newuser13: a --title printing a date answer's year and month (「…（2022年5月）」 beside the question 2022年5月26日
answers) was not refused, though the README says a date is given away by its year and month; a type named with
--types that got no question on the sheet (no 穴埋め) was not said."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from quizgen.cli import cli


def test_a_title_printing_a_date_answer_s_year_and_month_is_refused(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["worksheet", "--ids", "a003-saudi-iran-date", "--types", "short", "--seed", "1",
                                 "--title", "サウジとイランの国交正常化（2023年3月）", "--format", "html", "-o", str(tmp_path)])
    assert r.exit_code == 2, r.output
    assert ("Error: --title gives answers away: 「2023年3月」 answers 問1 (a003-saudi-iran-date); leave these words out "
            "of the title (nothing was written)") in r.output
    assert not list(tmp_path.iterdir())
    r = CliRunner().invoke(cli, ["worksheet", "--ids", "a003-saudi-iran-date", "--types", "short", "--seed", "1",
                                 "--title", "サウジとイランの国交正常化（2023年）", "--format", "html", "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output  # the year alone gives the day away no more than the cue's 【2023年 …】 does


def test_a_named_type_with_no_question_on_the_sheet_is_said(tmp_path: Path) -> None:
    ids = "a001-invasion-one-year,a001-ide-us-competition,a003-saudi-iran-date"  # two asked as true/false only
    r = CliRunner().invoke(cli, ["worksheet", "--ids", ids, "--types", "truefalse,short,cloze", "--seed", "1",
                                 "--format", "html", "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    line = next((x for x in r.stderr.splitlines() if "but the sheet has no such question" in x), "")
    assert line.startswith("warning: --types asked for "), r.stderr
    assert "cloze" in line.split("but the sheet")[0]
