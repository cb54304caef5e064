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


def test_a_title_printing_a_date_answer_s_month_and_day_is_refused(tmp_path: Path) -> None:
    """hostile29: 「3月10日の合意」 beside 2023年3月10日, its choices all of March 2023, was written."""
    r = CliRunner().invoke(cli, ["worksheet", "--ids", "a003-saudi-iran-date", "--types", "choice", "--seed", "1",
                                 "--title", "3月10日の合意", "--format", "html", "-o", str(tmp_path)])
    assert r.exit_code == 2 and "Error: --title gives answers away: 「3月10日」 answers 問1" in r.output, r.output


def test_a_type_no_item_of_the_selection_has_is_said_so_not_blamed_on_give_aways(tmp_path: Path) -> None:
    """hostile29: 「only 0 questions of the types cloze can be made … without one giving another away」 of one item
    that has no cloze form."""
    r = CliRunner().invoke(cli, ["worksheet", "--ids", "a003-saudi-iran-date", "--types", "cloze", "--seed", "1",
                                 "--format", "html", "-o", str(tmp_path)])
    assert r.exit_code == 2, r.output
    assert ("Error: only 0 questions of the types cloze can be made from this selection: no item of it can be asked as "
            "cloze (1 asked for)") in r.output, r.output
    assert "giving another away" not in r.output
