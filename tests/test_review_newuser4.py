"""`quizgen review` after newuser4 (issue 17, #8): one rewording carried to every form that prints the sentence,
shown and confirmed; Enter at the save question never saves."""

from __future__ import annotations

from pathlib import Path

from test_review import drafts, review, work  # noqa: F401  (work: the fixture)

from quizgen.bank import Category, Item, ItemKind, Text
from quizgen.extract.rewording import carried

_ITEM = Item(id="x", category=Category.ACTORS, kind=ItemKind.PERSON, answer=Text("田中", "a"),
             prompt=Text("【港の祭り】同氏は（　　）氏と会った。（　　）に入る人物は誰か。", "q"),
             statement=Text("【港の祭り】同氏は田中氏と会った。", "s"), false_statement=Text("【港の祭り】同氏は佐藤氏と会った。", "f"),
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
