"""`quizgen review` after newuser3 (issue 17, #5): the form offers the date and the 年表 text, says what no longer
fits a changed answer, and `g N` numbers stay the same in every session, `l` saying which drafts are decided."""

from __future__ import annotations

import dataclasses
import shlex
from pathlib import Path

from click.testing import CliRunner
from test_review import accepted, drafts, review, work  # noqa: F401  (work: the fixture)

from quizgen.bank import Category, Item, ItemKind, Text
from quizgen.cli import cli
from quizgen.extract.review import misfits


def _dated(work: Path) -> tuple[int, dict[str, object]]:  # noqa: F811  (work: a path here)
    return next((k, i) for k, i in enumerate(drafts(work), 1) if i.get("when") and i.get("event"))


def test_the_form_removes_a_wrong_date_and_its_timeline_entry(work: Path) -> None:  # noqa: F811
    """newuser3: the 2021 passage dated 2019年7月 could only be fixed in vim."""
    at, item = _dated(work)
    code, out = review(work, f"g {at}\ne\n" + "\n" * 9 + "-\ny\nq\n")
    assert code == 0 and "保存しました (まだ下書きです。[a]で採用)" in out, out
    assert f"  日付 (年表; 2021-10, 2023-04-18 の形。- で日付なし): {item['when']}" in out
    after = next(i for i in drafts(work) if i["id"] == item["id"])
    assert "when" not in after and "date_basis" not in after and "event" not in after


def test_the_form_edits_the_timeline_text(work: Path) -> None:  # noqa: F811
    """newuser3: the 年表 text 「李氏はの全国人民代表大会…」 could only be fixed in vim."""
    at, item = _dated(work)
    code, out = review(work, f"g {at}\ne\n" + "\n" * 9 + "\n習氏とプーチン氏が北京で会談\ny\nq\n")
    assert code == 0 and f"  年表の出来事: {item['event']['ja']}" in out, out  # type: ignore[index]
    after = next(i for i in drafts(work) if i["id"] == item["id"])
    assert after["event"] == {"ja": "習氏とプーチン氏が北京で会談", "en": "TODO: translate"}
    assert after["when"] == item["when"]


def test_a_changed_answer_is_told_what_no_longer_fits_and_is_not_saved_by_enter(work: Path) -> None:  # noqa: F811
    """newuser3: 答=展望 was saved with the blank [[国防協力]]. newuser4 #8: an extra Enter at the save question
    saved an edit; Enter now asks again, only y saves."""
    first = drafts(work)[0]
    # the 別解 and the new answer's sentence offered (newuser7 #5, #6) and declined; Enter at the question: asked again
    code, out = review(work, "e\n\n2024年5月17日\n\nn\n\n\nn\n" + "\n" * 6 + "\n\nn\nq\n")
    assert code == 0, out
    assert out.count("この内容で保存しますか (下書きのまま)? [y/n]: ") == 3, out
    assert "y (はい) か n (いいえ) で答えてください" in out
    cloze = first["cloze"]["ja"]  # type: ignore[index]
    blank = cloze[cloze.index("[[") + 2:cloze.index("]]")]
    assert f"! 穴埋めの空欄 [[{blank}]] は新しい答え「2024年5月17日」と合いません" in out
    assert "! 問は前の答え「2024年5月16日」の問いのままです" in out
    assert "保存しませんでした。下書きは変わりません。" in out and drafts(work)[0] == first


def test_misfits_name_each_field_made_for_the_old_answer() -> None:
    before = Item(id="x", category=Category.POSITIONS, kind=ItemKind.STANCE, prompt=Text("両氏は（　　）の現状を協議した。", "q"),
                  answer=Text("国防協力", "a"), explanation=Text("説明", "e"), evidence=(),
                  cloze=Text("両氏は[[国防協力]]の現状を協議した。", "c"), distractors=(Text("経済協力", "x"),),
                  accept=("防衛協力",))
    after = dataclasses.replace(before, answer=Text("展望", "a"))
    assert misfits(before, after) == (
        "問は前の答え「国防協力」の問いのままです",
        "穴埋めの空欄 [[国防協力]] は新しい答え「展望」と合いません",
        "選択肢 経済協力 は前の答え「国防協力」に合わせたものです",
        "別解 防衛協力 は前の答え「国防協力」のものです")
    assert misfits(before, before) == ()


def test_draft_numbers_stay_the_same_in_every_session_and_the_list_says_which_are_decided(work: Path) -> None:  # noqa: F811
    """newuser3: accepted drafts dropped out of the list, so `g 24` opened another draft than the list printed."""
    ids = [str(i["id"]) for i in drafts(work)]
    code, out = review(work, "1,2\nd\n重複\nq\n")  # accept 1 and 2, discard 3
    assert code == 0 and accepted(work) == ids[:2], out
    code, out = review(work, "l\ng 5\ng 1\ng 3\nq\n")
    assert code == 0, out
    assert " 1. [採用済み]" in out and " 2. [採用済み]" in out and " 3. [破棄済み (重複)]" in out
    assert f"── 5/{len(ids)} ──" in out and ids[4] in out.split(f"── 5/{len(ids)} ──")[1].splitlines()[0]
    assert "  3: 破棄済み (重複) ([l]で一覧)" in out
    # newuser14: to fix an accepted question it quit and found --undo-accept in the README; `g` now names the command
    said = next(line for line in out.splitlines() if line.startswith("  1: 採用済み。直すには q で終えてから "))
    assert said.endswith(f" --undo-accept {ids[0]} で下書きに戻します ([l]で一覧)"), said
    command = shlex.split(said.split("終えてから ")[1].split(" で下書きに戻します")[0])
    assert command[:2] == ["quizgen", "review"]
    r = CliRunner().invoke(cli, command[1:])
    assert r.exit_code == 0 and accepted(work) == ids[1:2], r.output


def test_back_at_the_date_goes_to_the_form_s_last_field(work: Path) -> None:  # noqa: F811
    """newuser9: `<` at the 日付 was refused as a bad date (「2021, 2021-10, … の形で」), so a field passed could only be
    fixed by saving and starting the form again. It goes back to the form's last field, and `<` at the 年表 to the
    date."""
    at, item = _dated(work)
    # nine fields; `<` at the date: the last field again (Enter keeps it); the date; `<` at the 年表: the date; -
    code, out = review(work, f"g {at}\ne\n" + "\n" * 9 + "<\n\n\n<\n-\ny\nq\n")
    assert code == 0 and "保存しました (まだ下書きです。[a]で採用)" in out, out
    assert "の形で (Enter: そのまま)" not in out
    assert out.count("  日付 (年表; 2021-10, 2023-04-18 の形。- で日付なし)") == 3
    after = next(i for i in drafts(work) if i["id"] == item["id"])
    assert "when" not in after and "event" not in after


def test_back_at_the_save_question_opens_the_form_s_end_again(work: Path) -> None:  # noqa: F811
    """newuser9: `<` at 「この内容で保存しますか」 was 「y か n で」; a typo seen in the summary meant n, then the whole
    form again. It goes back to the date and the 年表, keeps what was typed, and `<` there goes on back."""
    at, item = _dated(work)
    keys = (f"g {at}\ne\n" + "\n" * 9 + "\n習氏とプーチン氏が北京で会談したた\n"  # a typo in the 年表 text
            "<\n\n習氏とプーチン氏が北京で会談\ny\nq\n")  # back at the save question: the date kept, the text fixed
    code, out = review(work, keys)
    assert code == 0 and "保存しました (まだ下書きです。[a]で採用)" in out, out
    assert out.count("この内容で保存しますか (下書きのまま)? [y/n]: ") == 2
    after = next(i for i in drafts(work) if i["id"] == item["id"])
    assert after["event"] == {"ja": "習氏とプーチン氏が北京で会談", "en": "TODO: translate"}
    assert after["when"] == item["when"]
    # without a date: the last field (解説) again, what was typed kept
    undated = next(i for i in drafts(work) if not i.get("when"))
    n = next(k for k, i in enumerate(drafts(work), 1) if i["id"] == undated["id"])
    code, out = review(work, f"g {n}\ne\n" + "\n" * 8 + "会談の説明。\n<\n会談の説明です。\ny\nq\n")
    assert code == 0 and "  解説: 会談の説明。" in out, out
    after = next(i for i in drafts(work) if i["id"] == undated["id"])
    assert after["explanation"]["ja"] == "会談の説明です。"  # type: ignore[index]


def test_back_from_the_kind_reaches_the_answer_and_back_to_the_other_answers_skips_the_kind(work: Path) -> None:  # noqa: F811
    """newuser10: `<` at 種類 was refused (「番号で: …」), so the question could not be reached again without running
    through the form; `<` at 選択肢 asked the kind again before 別解."""
    undated = next(i for i in drafts(work) if not i.get("when"))
    n = next(k for k, i in enumerate(drafts(work), 1) if i["id"] == undated["id"])
    keys = f"g {n}\ne\n" + "\n\n" + "<\n" + "\n\n" + "\n" + "<\n" + "\n" * 7 + "q\n"  # 問 答 <種類 答 種類 別解 <選択肢 …
    code, out = review(work, keys)
    assert code == 0 and "番号で:" not in out, out
    form = out.split("項目ごとに編集", 1)[1]
    labels = [line.strip().split(":")[0] for line in form.splitlines()
              if line.startswith("  ") and not line.startswith("    ") and ":" in line][:8]
    assert labels[:7] == ["問", "答", "種類", "答", "種類", "別解 (、区切り)", "選択肢 (誤答、/区切り)"], labels
    assert form.count("種類:") == 2  # not a third time on the way back to 別解
