"""`quizgen worksheet --choice IDS` (issue 17, newuser11: forcing one item to be multiple choice took trials of seeds — a
24-character official name came out as a short answer): the items named are asked as multiple choice wherever they
are on the sheet, in every version; a name the sheet cannot honour is refused before anything is written."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen import resources
from quizgen.bank import load_bank
from quizgen.bank.model import Selection
from quizgen.cli import cli
from quizgen.generators.worksheet import Exercise, WorksheetOptions, build_worksheet
from quizgen.generators.worksheet.exercises import ChoiceQ, question_items

BANK = load_bank(resources.bank_dir())
ARTICLE_004 = tuple(i for i in BANK.items if i.articles == ("004",) and not i.truefalse
                    and i.id != "a004-wang-yi-counterpart")  # (its sentence gives a004-shoigu-title's: one sheet)
SIMPLE = (Exercise.SHORT, Exercise.CHOICE, Exercise.TRUEFALSE, Exercise.CLOZE)
FORCED = ("a004-which-war", "a004-shoigu-title")


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), variants=st.integers(1, 3))
def test_the_items_named_are_asked_as_multiple_choice_in_every_version(seed: int, variants: int) -> None:
    options = WorksheetOptions(count=len(ARTICLE_004), types=SIMPLE, variants=variants, seed=seed, choice=FORCED)
    ws = build_worksheet(BANK, ARTICLE_004, options, random.Random(seed), dt.date(2026, 12, 7))
    for version in ws.variants:
        asked = {i.id: q for _, q in version.questions() for i in question_items(q)}
        assert set(FORCED) <= set(asked)  # every item is on the sheet (count = the selection)
        assert all(isinstance(asked[i], ChoiceQ) for i in FORCED), {i: type(asked[i]).__name__ for i in FORCED}


def test_without_choice_the_same_sheet_asks_some_of_them_otherwise() -> None:
    """The option changes what the sheet would have been (some seed asks a004-which-war otherwise)."""
    kinds = set()
    for seed in range(12):
        options = WorksheetOptions(count=len(ARTICLE_004), types=SIMPLE, seed=seed)
        ws = build_worksheet(BANK, ARTICLE_004, options, random.Random(seed), dt.date(2026, 12, 7))
        kinds |= {type(q).__name__ for _, q in ws.variants[0].questions()
                  for i in question_items(q) if i.id == "a004-which-war"}
    assert kinds - {"ChoiceQ"}


def invoke(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(cli, ["worksheet", *args])
    return res.exit_code, res.output


@pytest.mark.parametrize(("args", "said"), [
    (["--choice", "a004-which-war", "--types", "short,cloze"],
     "Error: --choice asks for multiple-choice questions; add choice to --types\n"),
    (["--article", "004", "--choice", "a004-no-such"],
     "Error: --choice a004-no-such: no item (`quizgen topics --items` lists them)\n"),
    (["--article", "003", "--choice", "a004-which-war"],
     "Error: --choice a004-which-war: an item of the bank, but not of this sheet's selection "
     "(`quizgen topics --items` lists them)\n"),
    (["--article", "001", "--choice", "a001-invasion-one-year"],
     "Error: --choice a001-invasion-one-year: the item is asked as true/false only (form: truefalse)\n"),
])
def test_a_choice_the_sheet_cannot_honour_is_refused_before_anything_is_written(tmp_path: Path, args: list[str],
                                                                               said: str) -> None:
    code, out = invoke(*args, "--format", "html", "-o", str(tmp_path / "out"))
    assert (code, out) == (2, said)
    assert not (tmp_path / "out").exists()


def test_an_item_with_too_few_wrong_answers_is_refused(tmp_path: Path) -> None:
    import dataclasses

    from quizgen.bank.model import Bank

    lone = dataclasses.replace(BANK.item_by_id["a004-which-war"], distractors=())
    bank = Bank(sources=BANK.sources, items=(lone,))  # no other item, no entity: nothing to draw wrong answers from
    options = WorksheetOptions(count=1, choice=(lone.id,))
    with pytest.raises(Exception, match="too few wrong answers for a multiple-choice question"):
        build_worksheet(bank, Selection().take(bank), options, random.Random(1), dt.date(2026, 12, 7))


def test_the_cli_writes_the_sheet_with_the_item_as_a_choice(tmp_path: Path) -> None:
    code, out = invoke("--ids", "a004-which-war,a004-shoigu-title,a004-brics-chair", "--choice", "a004-which-war", "--seed", "3",
                       "--types", "short,choice,truefalse,cloze", "--format", "html", "-o", str(tmp_path))
    assert code == 0, out
    sheet = (tmp_path / "worksheet-A.html").read_text(encoding="utf-8")
    assert "世界反ファシスト戦争" in sheet  # among the choices printed for the students
