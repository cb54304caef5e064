"""Issue 17, the seventh new user (a teacher's first article, holdout_v14's Wang Yi in Moscow): each fix tested on
made-up text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quizgen import resources
from quizgen.bank import Bank, Category, EntityType, Item, ItemKind, Text, load_bank
from quizgen.bank.model import Evidence
from quizgen.bank.sections import Entity

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture(scope="module")
def bank() -> Bank:
    """The test bank with a made-up country and its security council, whose short name is 安全保障会議."""
    base = load_bank(DATA / "bank")
    made_up = (Entity("valdoria", EntityType.COUNTRY, "ヴァルドリア", "ゔぁるどりあ", "Valdoria", ("ヴァルドリア共和国",)),
               Entity("valdoria-council", EntityType.ORGANISATION, "ヴァルドリア安全保障会議",
                      "ゔぁるどりああんぜんほしょうかいぎ", "Security Council of Valdoria", ("安全保障会議",)))
    return dataclasses.replace(base, entities=(*base.entities, *made_up))


@pytest.mark.parametrize(("sentence", "linked"), [
    ("外相は18日、北欧の港町ノルドハーヴェンの安全保障会議で演説した。", False),  # another forum of that name
    ("外相は18日、独南部ミュンヘンの安全保障会議で演説した。", False),
    ("外相は18日、ミュンヘン安全保障会議で演説した。", False),  # a place written onto it: another body
    ("外相は18日、ヴァルドリアの安全保障会議で演説した。", True),  # its own country
    ("外相は18日、ベルクマン安全保障会議書記と会談した。", True),  # a person's name before it
])
def test_a_forum_is_never_linked_to_another_body_of_a_similar_name(bank: Bank, sentence: str,
                                                                    linked: bool) -> None:
    """newuser7 #8: 「独南部ミュンヘンの安全保障会議」 (the Munich Security Conference) was linked by the alias
    安全保障会議 to Russia's Security Council, and a draft answered ロシア連邦安全保障会議, a wrong fact."""
    pytest.importorskip("sudachipy")
    from quizgen.extract.lexicon import Lexicon
    from quizgen.extract.nlp import load_analyzer

    tokens = load_analyzer()(sentence)
    found = [m.entity for m in Lexicon(bank).known(sentence, tokens)]
    assert ("valdoria-council" in found) is linked


def test_a_draft_on_another_forum_of_that_name_answers_what_the_article_says(bank: Bank) -> None:
    pytest.importorskip("sudachipy")
    from test_extract_round24 import _all

    items = _all("ヴァルドリアのアルテン外相は18日、北欧の港町ノルドハーヴェンの安全保障会議で演説し、和平案を示した。", bank)
    answers = {a for i in items for a in (i.answer.ja, *i.accept)}
    assert "ヴァルドリア安全保障会議" not in answers
    assert "安全保障会議" in answers or "ノルドハーヴェンの安全保障会議" in answers, answers


# ---------------------------------------------------------------- the edit form (newuser7 #5, #6)

def _mayor(explanation: str) -> Item:
    sentence = "山川市長は4日、新しい橋の開通を祝った。"
    return Item(id="x", category=Category.POSITIONS, kind=ItemKind.PERSON,
                prompt=Text("【2025年 港町の式典】（　　）は4日、新しい橋の開通を祝った。（　　）に入る人物は誰か。", "q"),
                answer=Text("山川市長", "a"), explanation=Text(explanation, "e"),
                evidence=(Evidence("009", sentence),),
                statement=Text("【2025年 港町の式典】山川市長は4日、新しい橋の開通を祝った。", "s"),
                cloze=Text("【2025年 港町の式典】[[山川市長]]は4日、新しい橋の開通を祝った。", "c"))


@pytest.mark.parametrize("explanation", [
    "【2025年 港町の式典】山川市長は4日、新しい橋の開通を祝った。",  # the statement, its cue with it
    "山川市長は4日、新しい橋の開通を祝った。橋は全長2キロ。",  # the quote, and a note after it
])
def test_a_reworded_prompt_is_carried_into_the_explanation(explanation: str) -> None:
    """newuser7 #5: rewording 問 offered the new sentence to 正文 and 穴埋め, not to 解説, so the key printed the old
    wording with its 【…】 cue and old dates."""
    from quizgen.extract.rewording import carried

    item = _mayor(explanation)
    new = "（　　）は2025年6月4日、港町の新しい橋の開通を祝った。（　　）に入る人物は誰か。"
    out = carried(item, "prompt", new)
    said = "山川市長は2025年6月4日、港町の新しい橋の開通を祝った。"
    assert out["statement"] == said and out["cloze"] == said.replace("山川市長", "[[山川市長]]")
    assert out["explanation"] == said + explanation.partition("。")[2]
    # a new answer (the prompt as it was) fills the explanation's sentence too
    again = carried(item, "prompt", item.prompt.ja, "川上副市長")
    assert again["explanation"] == again["statement"] + explanation.partition("。")[2]
    assert "山川" not in again["explanation"]
    # an explanation that does not repeat the sentence is left as written
    assert "explanation" not in carried(_mayor("橋は市の予算で建てられた。"), "prompt", new)


def test_an_accepted_answer_that_does_not_fit_a_new_answer_is_offered_for_removal() -> None:
    """newuser7 #6: 国際情勢 replaced 中ロの協力が重要 (the same kind), and the 別解 中ロの協力が重要だ was kept in
    silence; a spelling of the new answer (kana) stays without a word."""
    from click.testing import CliRunner

    from quizgen.cli.review_form import _unfit_accepted

    bank = load_bank(DATA / "bank")
    item = dataclasses.replace(_mayor("x"), answer=Text("ヤマカワ", "a"), accept=("やまかわ", "山川市長"))
    runner = CliRunner()
    with runner.isolation(input="y\n") as (out, _err, _log):
        assert _unfit_accepted(item, Text("カワカミ", "a"), bank) == {"accept": ()}  # neither fits: both offered
        said = out.getvalue().decode()
    assert "! 別解「やまかわ、山川市長」は新しい答え「カワカミ」の書き方・読みではありません" in said
    with runner.isolation(input="n\n") as (out, _err, _log):
        assert _unfit_accepted(item, Text("ヤマカワ", "a"), bank) == {}  # the same answer: nothing asked
        item = dataclasses.replace(item, answer=Text("ヤマカワ市長", "a"))  # its spelling in kana stays
        assert _unfit_accepted(dataclasses.replace(item, accept=("やまかわ",)), Text("ヤマカワ", "a"), bank) == {}
        assert out.getvalue().decode() == ""
    item = dataclasses.replace(item, accept=("かわかみ", "山川市長"))
    with runner.isolation(input="y\n") as (out, _err, _log):
        assert _unfit_accepted(item, Text("カワカミ", "a"), bank) == {"accept": ("かわかみ",)}
    with runner.isolation(input="n\n") as (out, _err, _log):
        assert _unfit_accepted(item, Text("カワカミ", "a"), bank) == {}  # the teacher keeps it


def test_a_dash_at_the_explanation_says_it_cannot_be_removed_and_asks_again(tmp_path: Path) -> None:
    """newuser7 #5: - at 解説 kept the old text in silence, although the form says - removes."""
    from test_review import review, work

    at = work.__wrapped__(tmp_path)  # type: ignore[attr-defined]
    keys = "e\n" + "\n" * 8 + "-\n新しい解説。\n" + "\n" * 2 + "y\nq\n"
    code, out = review(at, keys)
    assert code == 0, out
    assert "    解説は消せない項目です。書き直すか、Enter でそのまま" in out
    assert out.count("  解説: ") == 2
    from test_review import drafts

    assert drafts(at)[0]["explanation"]["ja"] == "新しい解説。"  # type: ignore[index]


# ---------------------------------------------------------------- the summary after extract (newuser7 #4, #7)

_BODY = ("ヴァルドリアのアルテン外相は4日、首都で隣国の外相と会談した。"
         "両外相は港湾の共同開発で合意した。"
         "会談は約2時間に及んだ。"
         "今日は晴れていた。")  # a sentence with no fact worth a question


def test_max_fills_from_the_rest_up_to_n(bank: Bank) -> None:
    """newuser7 #7: `--max 15` kept the default's 8: no middle way between the default and `--all`."""
    pytest.importorskip("sudachipy")
    from quizgen.extract.article import extract, provisional_source, read_article
    from quizgen.extract.nlp import load_analyzer

    text = read_article(DATA / "dev" / "putin-beijing-2024-05.txt")  # a test page of a made-up portal
    src = provisional_source(text, "a.txt", bank)
    default = extract(text, src, bank, load_analyzer())
    n = len(default.items) + 3
    more = extract(text, src, bank, load_analyzer(), limit=n)
    assert [i.id for i in more.items][: len(default.items)] == [i.id for i in default.items]
    added = more.items[len(default.items):]
    assert 0 < len(added) <= 3 and more.chosen == len(default.items)
    assert f"then the {len(added)} best weaker ones ({more.dropped} more left out" in more.dumps("a.txt")
    asked = {i.answer.ja for i in default.items}
    assert not [i for i in added if any(i.answer.ja in a or a in i.answer.ja for a in asked)]
    fewer = extract(text, src, bank, load_analyzer(), limit=1)
    assert len(fewer.items) == 1


def test_the_summary_line_names_max_as_the_middle_way(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from quizgen.cli import cli

    article = tmp_path / "a.txt"
    article.write_text(f"見出し\n2025年1月10日 5:00\n{_BODY}\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["extract", str(article), "--bank", str(DATA / "bank"), "-o", str(tmp_path / "d.yaml")])
    assert r.exit_code == 0, r.output
    line = next(x for x in r.output.splitlines() if x.startswith("wrote "))
    assert "; for more, --max N keeps these and then the best weaker facts up to N (a middle way), --all adds up to" in line
    # with --max given, the line says what it took, not to try --max (newuser7 #7, the extract27 report)
    r = CliRunner().invoke(cli, ["extract", str(article), "--bank", str(DATA / "bank"), "--max", "40",
                                 "-o", str(tmp_path / "e.yaml")])
    assert r.exit_code == 0, r.output
    line = next(x for x in r.output.splitlines() if x.startswith("wrote "))
    assert "for more, --max N" not in line
    assert "; --max 40: the default's drafts, then the best weaker facts, and the article had only " in line


# ---------------------------------------------------------------- the context cue (newuser7 #5)

@pytest.mark.parametrize(("when", "event", "cue"), [
    ("2025年3月", "港町の式典", "【2025年3月 港町の式典】"),
    ("2025年", "", "【2025年】"),
    ("", "港町の式典", "【港町の式典】"),
    ("", "", ""),
])
def test_the_cue_names_the_event_and_its_time_never_the_page(when: str, event: str, cue: str) -> None:
    """newuser7 #5 said 「【2023年 プーチン氏、…会談】習近平国家主席の…」 reads as a label; it stays one: 「2023年の記事
    「…」によると、」 (tried) made every card commentary on a web page, which a card must not be."""
    from quizgen.extract.article import cue_phrase

    assert cue_phrase(when, event) == cue


def test_no_draft_has_a_cue_where_its_prompt_names_the_event(bank: Bank) -> None:
    pytest.importorskip("sudachipy")
    from test_extract_round24 import _all

    body = ("ヴァルドリアのアルテン外相は9日、港町ノルドハーヴェンで隣国の外相と会談した。"
            "両外相は港湾の共同開発で合意した。"
            "外相会談は、漁業協定の延長も確認した。")
    items = _all(body, bank, headline="ヴァルドリア外相会談")
    prompts = [i.prompt.ja for i in items]
    assert not any("記事" in p for p in prompts), prompts
    assert any(p.startswith("【2025年 ヴァルドリア外相会談】両外相は") for p in prompts), prompts
    # the third sentence prints the event (外相会談, read as ヴァルドリア外相会談): no cue
    third = [p for p in prompts if "漁業協定" in p]
    assert third and not any(p.startswith("【") for p in third), third


def test_a_cue_the_explanation_keeps_is_not_printed_twice() -> None:
    """newuser8 #8: the 解説 offered read 「【2025年 上海協力機構】【2025年 上海協力機構】ロシアの…」: the explanation kept
    the cue before the quote, and the new sentence brought its own."""
    from dataclasses import replace

    from quizgen.extract.rewording import carried

    cued = "【2025年 港町の式典】山川市長は2025年6月4日、新しい橋の開通を祝った。"  # the quote's 4日 resolved
    item = replace(_mayor("【2025年 港町の式典】山川市長は4日、新しい橋の開通を祝った。"),  # the cue, then the quote
                   prompt=Text("【2025年 港町の式典】（　　）は2025年6月4日、新しい橋の開通を祝った。"
                               "（　　）に入る人物は誰か。", "q"),
                   statement=Text(cued, "s"), cloze=None)
    new = "【2025年 港町の式典】（　　）は2025年6月4日、港町の新しい橋の開通を祝った。（　　）に入る人物は誰か。"
    out = carried(item, "prompt", new)
    assert out["explanation"] == "【2025年 港町の式典】山川市長は2025年6月4日、港町の新しい橋の開通を祝った。"


def test_changing_the_kind_alone_says_so_not_that_the_answer_changed(capsys: pytest.CaptureFixture[str]) -> None:
    """newuser8 #8: changing only the kind said 「! 答えが変わったので、…年表を外しました」 of an answer that had not
    changed."""
    from dataclasses import replace

    from quizgen.cli.review_form import _stale
    from quizgen.extract.review import KINDS

    item = replace(_mayor("橋は市の予算で建てられた。"), event=Text("山川市長が新しい橋の開通を祝う", "e"),
                   accept=("山川",))
    place = next(k for k in KINDS if k.kind is ItemKind.PLACE)
    dropped = _stale(item, item.answer, place, set(), load_bank(resources.bank_dir()))
    said = capsys.readouterr().out
    assert "accept" in dropped and "event" in dropped
    assert "! 問いの種類が変わったので、前の答え「山川市長」から作った別解・年表を外しました (新しく書けます)" in said
    assert "答えが変わった" not in said
