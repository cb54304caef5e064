"""`b 語句` in review (newuser13: 8 of the 11 questions kept needed a new blank, each through the whole edit form,
about 20 keys and 1,000 characters read): the blank moves to a word of the question's sentence in one line, the
other forms follow, what was made for the old answer goes, and the draft stays a draft until accepted."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

from click.testing import CliRunner
from test_review import accepted, drafts, review, work  # noqa: F401  (work: a fixture)

from quizgen.bank import Text, load_bank
from quizgen.cli import cli
from quizgen.extract import review as rv
from quizgen.extract.rewording import blanked_sentence


def _draft(work: Path, answer: str) -> tuple[int, dict[str, object]]:  # noqa: F811  (work: a path here)
    return next((n, d) for n, d in enumerate(drafts(work), start=1) if d["answer"]["ja"] == answer)  # type: ignore[index]


def test_b_moves_the_blank_and_remakes_the_other_forms(work: Path) -> None:  # noqa: F811
    n, before = _draft(work, "ウクライナ危機の政治的解決")
    code, out = review(work, f"g {n}\nb 共同記者発表\nq\n")
    assert code == 0 and "保存しました (まだ下書きです。[a]で採用)" in out, out
    _, after = _draft(work, "共同記者発表")
    assert after["id"] == before["id"] and after["draft"] is True and after["kind"] == "stance"
    prompt = after["prompt"]["ja"]  # type: ignore[index]
    assert "会談後の（　　）で中国の習近平国家主席は、ウクライナ危機の政治的解決が正しい方向" in prompt
    assert prompt.endswith("（　　）に入る語句は何か。")
    assert after["cloze"]["ja"].count("[[共同記者発表]]") == 1  # type: ignore[index]
    assert "ウクライナ危機の政治的解決" in after["statement"]["ja"]  # type: ignore[index]
    assert accepted(work) == []
    code, out = review(work, f"g {n}\na\nq\n")
    assert code == 0 and "✓ 採用" in out, out
    assert [i.answer.ja for i in load_bank(work / "bank").items if i.id == before["id"]] == ["共同記者発表"]
    assert CliRunner().invoke(cli, ["check", "--bank", str(work / "bank")]).exit_code == 0


def test_b_to_a_registered_forum_links_it_and_draws_other_forums(work: Path) -> None:  # noqa: F811
    n, before = _draft(work, "上海協力機構")
    code, out = review(work, f"g {n}\nb BRICS\nq\n")
    assert code == 0, out
    _, after = _draft(work, "BRICS")
    assert after["entity"] != before["entity"] and after["answer"]["en"] == "BRICS"  # type: ignore[index]
    assert after["prompt"]["ja"].endswith("（　　）に入る会議・枠組みは何か。")  # type: ignore[index]
    assert "distractors" not in after  # the old choices were other organisations; this bank has no other forum
    assert "選択肢" in out.split("空欄を「BRICS」へ移します")[1].split("\n")[1]  # said so


def test_b_to_a_count_asks_a_number_with_choices_and_drops_the_old_ones() -> None:
    bank = load_bank(Path(__file__).parent / "data" / "extract" / "bank")
    item = next(i for i in bank.items if i.draft is False)
    item = dataclasses.replace(
        item, prompt=Text("決議案はアメリカが提出し、15ある理事国のうち13か国が賛成したが、中国とロシアが（　　）した。"
                          "（　　）に入る語句は何か。", "TODO: translate"),
        answer=Text("反対", "TODO: translate"), accept=("否決",), distractors=(Text("賛成", "for"),), entity=None)
    moved = rv.reblank(item, "13か国", bank, random.Random(0))
    assert moved is not None
    assert moved.item.kind.value == "number" and moved.item.answer.ja == "13か国"
    assert moved.item.prompt.ja == ("決議案はアメリカが提出し、15ある理事国のうち（　　）が賛成したが、中国とロシアが反対した。"
                                    "（　　）に入る数は何か。")
    assert [d.ja for d in moved.item.distractors] == ["12か国", "14か国", "15か国"] and moved.item.accept == ()
    assert moved.dropped == ("別解", "選択肢")
    rough = rv.reblank(dataclasses.replace(item, prompt=Text(item.prompt.ja.replace("13か国", "約13か国"), "")), "約13か国",
                       bank, random.Random(0))
    assert rough is not None and rough.item.distractors == ()  # no 約12か国 / 約14か国 beside 約13か国
    assert rv.reblank(item, "国連", bank, random.Random(0)) is None  # not in the sentence
    us = rv.reblank(item, "アメリカ", bank, random.Random(0))  # a country this bank has no entity for (bcheck)
    assert us is not None and us.item.kind.value == "country" and us.item.prompt.ja.endswith("（　　）に入る国はどこか。")
    country = rv.reblank(item, "中国", load_bank(Path(__file__).parents[1] / "question_bank"), random.Random(0))
    assert country is not None and country.item.kind.value == "country"
    choices = [d.ja for d in country.item.distractors]
    assert len(choices) == 3 and not {"中国", "ロシア", "アメリカ"} & set(choices), choices  # none the sentence prints
    asked = dataclasses.replace(item, prompt=Text("13か国が賛成した決議案を提出したのはどこか。", ""))
    assert rv.reblank(asked, "13か国", bank, random.Random(0)) is None  # no blank to move, and review says that
    assert not blanked_sentence(asked) and blanked_sentence(item)


def test_b_says_why_it_cannot_and_u_takes_it_back(work: Path) -> None:  # noqa: F811
    n, before = _draft(work, "上海協力機構")
    code, out = review(work, f"g {n}\nb 国連\nq\n")
    assert "「国連」は問の文に1度だけ出る語ではないので、空欄を移せません ([e]で問と答を直せます)" in out
    assert _draft(work, "上海協力機構")[1] == before
    code, out = review(work, f"g {n}\nb BRICS\nu\nq\n")
    assert code == 0 and _draft(work, "上海協力機構")[1] == before, out


def test_b_narrows_a_blank_to_a_part_of_its_answer() -> None:
    """newuser14: `b ブラゴベシチェンスク` on the blank 州都ブラゴベシチェンスク was refused (the word was the blank's own)."""
    bank = load_bank(Path(__file__).parent / "data" / "extract" / "bank")
    item = next(i for i in bank.items if i.draft is False)
    item = dataclasses.replace(
        item, prompt=Text("アムール州の（　　）と中国の黒河市を結ぶ道路橋が開通した。（　　）に入る語句は何か。", "x"),
        answer=Text("州都ブラゴベシチェンスク", "TODO: translate"), accept=(), distractors=(), entity=None, cloze=None,
        statement=Text("アムール州の州都ブラゴベシチェンスクと中国の黒河市を結ぶ道路橋が開通した。", "TODO: translate"))
    moved = rv.reblank(item, "ブラゴベシチェンスク", bank, random.Random(0))
    assert moved is not None and moved.item.answer.ja == "ブラゴベシチェンスク"
    assert moved.item.prompt.ja == "アムール州の州都（　　）と中国の黒河市を結ぶ道路橋が開通した。（　　）に入る語句は何か。"
    assert moved.item.statement is not None and moved.item.statement.ja == item.statement.ja  # type: ignore[union-attr]
    assert rv.reblank(item, "州都ブラゴベシチェンスク", bank, random.Random(0)) is None  # the same blank: nothing moves
