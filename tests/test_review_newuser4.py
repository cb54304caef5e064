"""`quizgen review` after newuser4 (issue 17, #8): one rewording carried to every form that prints the sentence,
shown and confirmed; Enter at the save question never saves."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner
from test_review import DEV, drafts, review, work  # noqa: F401  (work: the fixture)

from quizgen.bank import Category, Item, ItemKind, Text
from quizgen.cli import cli
from quizgen.extract.rewording import carried

_ITEM = Item(id="x", category=Category.ACTORS, kind=ItemKind.PERSON, answer=Text("田中", "a"),
             prompt=Text("【港の祭り】同氏は（　　）氏と会った。（　　）に入る人物は誰か。", "q"),
             statement=Text("【港の祭り】同氏は田中氏と会った。", "s"),
             false_statement=Text("【港の祭り】同氏は佐藤氏と会った。", "f"),
             cloze=Text("【港の祭り】同氏は[[田中]]氏と会った。", "c"), explanation=Text("説明", "e"), evidence=())


def test_a_reworded_prompt_gives_the_statement_cloze_and_false_statement() -> None:
    new = "【港の祭り】山川市長は（　　）氏と会った。（　　）に入る人物は誰か。"
    assert carried(_ITEM, "prompt", new) == {"statement": "【港の祭り】山川市長は田中氏と会った。",
                                            "cloze": "【港の祭り】山川市長は[[田中]]氏と会った。",
                                            "false_statement": "【港の祭り】山川市長は佐藤氏と会った。"}


def test_a_reworded_statement_gives_the_prompt_cloze_and_false_statement() -> None:
    assert carried(_ITEM, "statement", "山川市長は2日、田中氏と会った。") == {
        "cloze": "山川市長は2日、[[田中]]氏と会った。", "false_statement": "山川市長は2日、佐藤氏と会った。",
        "prompt": "山川市長は2日、（　　）氏と会った。（　　）に入る人物は誰か。"}


def test_a_new_answer_fills_the_blank_and_nothing_is_derived_where_it_cannot_be() -> None:
    new = "【港の祭り】山川市長は（　　）氏と会った。（　　）に入る人物は誰か。"
    assert carried(_ITEM, "prompt", new, answer="木村") == {
        "statement": "【港の祭り】山川市長は木村氏と会った。", "cloze": "【港の祭り】山川市長は[[木村]]氏と会った。",
        "false_statement": "【港の祭り】山川市長は佐藤氏と会った。"}
    assert carried(_ITEM, "prompt", "山川市長が会ったのは誰か。") == {}  # no blank: no sentence to carry
    assert carried(_ITEM, "statement", "田中氏と田中氏が会った。") == {}  # the answer twice: which one is blanked?


def test_the_form_offers_a_reworded_prompt_to_the_other_forms_and_saves_them_when_confirmed(work: Path) -> None:  # noqa: F811
    first = drafts(work)[0]
    prompt = str(first["prompt"]["ja"]).replace("中国の習近平国家主席は", "習氏は")  # type: ignore[index]
    code, out = review(work, f"e\n{prompt}\n" + "\n" * 4 + "y\n" + "\n" * 6 + "y\nq\n")
    assert code == 0 and "保存しました" in out, out
    assert "  問の書き換えを他の形にも:" in out and "この書き換えを使いますか" in out
    after = drafts(work)[0]
    for name in ("statement", "false_statement", "cloze"):
        old = str(first[name]["ja"])  # type: ignore[index]
        assert after[name]["ja"] == old.replace("中国の習近平国家主席は", "習氏は"), name  # type: ignore[index]
        assert f"{old.replace('中国の習近平国家主席は', '習氏は')[:12]}" in out  # shown before it was saved


def test_the_form_leaves_the_other_forms_when_the_offer_is_declined(work: Path) -> None:  # noqa: F811
    first = drafts(work)[0]
    prompt = str(first["prompt"]["ja"]).replace("中国の習近平国家主席は", "習氏は")  # type: ignore[index]
    code, out = review(work, f"e\n{prompt}\n" + "\n" * 4 + "n\n" + "\n" * 6 + "y\nq\n")
    assert code == 0 and "保存しました" in out, out
    after = drafts(work)[0]
    assert after["prompt"]["ja"] == prompt and after["statement"] == first["statement"]  # type: ignore[index]


def test_enter_at_the_save_question_asks_again_and_never_saves(work: Path) -> None:  # noqa: F811
    """newuser4 #8: 「この内容で保存しますか (下書きのまま)? [Y/n]」 saved on an extra Enter."""
    first = drafts(work)[0]
    code, out = review(work, "e\n" + "\n" * 8 + "新しい解説\n\n\n\nn\nq\n")
    assert code == 0, out
    assert "y (はい) か n (いいえ) で答えてください" in out and "保存しませんでした。下書きは変わりません。" in out, out
    assert drafts(work)[0] == first


def test_a_second_drafts_file_keeps_the_decisions_made_on_the_first(work: Path) -> None:  # noqa: F811
    """newuser4 #4: `extract --all -o other.yaml` showed the discards of the first drafts file undecided again."""
    first, second = (str(i["id"]) for i in drafts(work)[:2])
    code, out = review(work, "a\nd\n同じ文から二問目\nq\n")
    assert code == 0 and "✓ 採用" in out, out
    r = CliRunner().invoke(cli, ["extract", str(work / DEV.name), "--bank", str(work / "bank"), "--all",
                                 "-o", str(work / "other.yaml")])
    assert r.exit_code == 0, r.output
    assert f"left out 1 draft the bank already holds (accepted in review): {first}" in r.output
    assert (f"kept 1 discard made in review in {work / 'drafts.yaml'}: {second} (written discarded, with the reasons; "
            "review counts them as decided)") in r.output
    items = {i["id"]: i for i in yaml.safe_load((work / "other.yaml").read_text(encoding="utf-8"))["items"]}
    assert first not in items and items[second]["discarded"] == "同じ文から二問目"
    r = CliRunner().invoke(cli, ["review", str(work / "other.yaml"), "--bank", str(work / "bank")], input="q\n")
    assert f"{len(items) - 1} 件の下書き (ほかに破棄済み 1 件)" in r.output, r.output
