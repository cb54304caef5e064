"""Issue 14, teacher review 14: what its findings asked of the bank's checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_worksheet_review11 import bank_good_copy

from quizgen.cli import cli
from quizgen.text import quoted


@pytest.mark.parametrize(("lang", "ending"), [("ja", "比喩で答えよ。"), ("ja", "カタカナで答えなさい。"),
                                              ("en", "(Give his metaphor.)")])
def test_check_refuses_a_prompt_that_ends_with_how_to_answer(tmp_path: Path, lang: str, ending: str) -> None:
    """s2 問4: 「…チャンスだと論じたか。比喩で答えよ。」 printed as a choice question under 「記号で答えなさい」: the
    prompt is also a choice stem and a card's front, so it says what it asks for in the question itself."""
    bank, items, text = bank_good_copy(tmp_path)
    start = text.index("prompt: {ja: ")
    head, rest = text[:start], text[start:]
    if lang == "ja":
        end = rest.index("、 en:") if "、 en:" in rest[:400] else rest.index(", en:")
        rest = rest[:end].rstrip('"') + ending + ('"' if rest[:end].endswith('"') else "") + rest[end:]
    else:
        end = rest.index("}")
        rest = rest[:end].rstrip('"') + " " + ending + ('"' if rest[:end].endswith('"') else "") + rest[end:]
    items.write_text(head + rest, encoding="utf-8")
    res = CliRunner().invoke(cli, ["check", "--bank", str(bank)])
    assert res.exit_code == 1, res.output
    assert f"prompt.{lang}: ends with an instruction on how to answer ({quoted(ending)})" in res.output, res.output


def test_the_bundled_prompts_say_what_they_ask_for_in_the_question() -> None:
    res = CliRunner().invoke(cli, ["check"])
    assert res.exit_code == 0 and "instruction on how to answer" not in res.output


def test_a_sheet_whose_true_false_answers_are_all_one_mark_says_so() -> None:
    """newuser7: a sheet of a new article's items (none with a false statement) had four true/false questions, every
    answer ○, and no word of it: students answer by the pattern."""
    from quizgen import forms, resources
    from quizgen.bank import load_bank
    from quizgen.generators.worksheet.choose import ONE_SIDED, crowding
    from quizgen.generators.worksheet.exercises import Exercise, TrueFalseQ

    bank = load_bank(resources.bank_dir())
    items = [i for i in bank.items if i.statement is not None][:ONE_SIDED + 1]
    for marks in ([True] * len(items), [False] * len(items), [True] + [False] * (len(items) - 1)):
        questions = [(n, TrueFalseQ(forms.TrueFalse(i, i.statement or i.answer, mark), None))
                     for n, (i, mark) in enumerate(zip(items, marks, strict=True), start=1)]
        warning, _ = crowding(bank, items, questions, len(items), None, (Exercise.TRUEFALSE,))
        said = f"all {len(items)} true/false statements (問1, 問2, 問3, 問4) are"
        if len(set(marks)) == 1:
            assert warning is not None and said in warning, warning
            assert ("true (○)" if marks[0] else "false (×)") in warning
        else:
            assert warning is None or said not in warning


def test_the_one_sided_warning_names_the_items_that_have_the_other_statement() -> None:
    """newuser10: 「the items have no false statement to print instead」 was said of three true/false questions, one
    of whose items had one (the sheet had printed its true statement)."""
    from quizgen import forms, resources
    from quizgen.bank import load_bank
    from quizgen.generators.worksheet.choose import ONE_SIDED, crowding
    from quizgen.generators.worksheet.exercises import Exercise, TrueFalseQ

    bank = load_bank(resources.bank_dir())
    both = [i for i in bank.items if i.statement is not None and i.false_statement is not None][:1]
    only = [i for i in bank.items if i.statement is not None and i.false_statement is None][:ONE_SIDED]
    items = [*only[:ONE_SIDED - 1], *both]
    questions = [(n, TrueFalseQ(forms.TrueFalse(i, i.statement or i.answer, True), None))
                 for n, i in enumerate(items, start=1)]
    warning, _ = crowding(bank, items, questions, len(items), None, (Exercise.TRUEFALSE,))
    assert warning is not None and f"(問{ONE_SIDED} has a false statement too, but the sheet printed the true one; " \
                                   "another --seed" in warning, warning
    alone = [(n, TrueFalseQ(forms.TrueFalse(i, i.statement or i.answer, True), None)) for n, i in enumerate(only, 1)]
    warning, _ = crowding(bank, only, alone, len(only), None, (Exercise.TRUEFALSE,))
    assert warning is not None and "(the items have no false statement to print instead)" in warning, warning
