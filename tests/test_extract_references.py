"""Page references in lifted sentences (両国, 同港, 同氏, 24年): resolved from the sentences before, or no draft;
details no teacher asks; and mirror pairs across sentences. Sentences made up for the rules they test."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_drafts import drafts

from quizgen.bank import Bank, load_bank
from quizgen.extract.references import apply, resolve

DATA = Path(__file__).parent / "data" / "extract"


def _resolved(text: str, answer: str, before: str, years: frozenset[int] = frozenset({2023, 2024})) -> str | None:
    at = text.index(answer)
    got = resolve(text, (at, at + len(answer)), before, years, before + text)  # the article: before, then text
    return None if got is None else apply(text, got)


@pytest.mark.parametrize(("text", "answer", "before", "want"), [
    # 同 + head: the last name with that head before it, with a ship's quoted name
    ("同港の取扱量は過去最高だった。", "過去最高", "貨物船が釜山港に着いた。", "釜山港の取扱量は過去最高だった。"),
    ("同船はこの後、マニラに寄港する。", "マニラ", "貨物船「青い星」が出航した。",
     "貨物船「青い星」はこの後、マニラに寄港する。"),
    # 両国 from the pair the headline abbreviates
    ("両国の外相が会談した。", "外相", "日韓、外相会談で合意\n", "日韓両国の外相が会談した。"),
    ("両国の外相が会談した。", "外相", "日本と韓国は22日、協定に署名した。", "日韓両国の外相が会談した。"),
    ("両国の外相が会談した。", "外相", "日韓、外相会談\n米国とイギリスも歓迎した。", "日韓両国の外相が会談した。"),
    # no pair written anywhere: the two countries the article names most
    ("両国の外相が会談した。", "外相", "日本の首相は22日、韓国を訪れた。日本から韓国へ。", "日韓両国の外相が会談した。"),
    # the sentence's own two countries, where it names one outside the pair written before (holdout_v15: 中ロ両国)
    ("インドの首相は訪中し、両国の協力を確認した。", "協力", "中ロ、首脳会談\n",
     "インドの首相は訪中し、中印両国の協力を確認した。"),
    ("ロシアの首相は訪中し、両国の協力を確認した。", "協力", "中ロ、首脳会談\n",
     "ロシアの首相は訪中し、中ロ両国の協力を確認した。"),
    # one country alone is a third party speaking of the pair, or a place: the pair stays
    ("米国防長官は会見で「両国の連携は深まった」と述べた。", "連携", "中ロ、共同飛行\n",
     "米国防長官は会見で「中ロ両国の連携は深まった」と述べた。"),
    # a pair a sentence names after its own 両首脳 is what they spoke of, not who they are (holdout_v28: 米朝両首脳)
    ("このあと両首脳は列車で移動した。", "列車", "日本の首相は韓国の大統領と会談した。日本から韓国へ。\n"
     "会談で両首脳は、アメリカと中国の首脳会談を前に意見を交わした。", "このあと日韓両首脳は列車で移動した。"),
    ("両首脳は共同声明に署名した。", "共同声明", "日本の首相は韓国を訪れた。日本から韓国へ。\n"
     "会談で両首脳は、アメリカとロシアの対立について話した。", "日韓両首脳は共同声明に署名した。"),
    # two-digit years the article writes in full, and 同年 after them
    ("協定は23年3月に署名され、同年9月に発効した。", "9月", "", "協定は2023年3月に署名され、2023年9月に発効した。"),
    # a bare topic named in full before
    ("委員会は来月も開かれる。", "来月", "日韓の漁業合同委員会が開かれた。", "漁業合同委員会は来月も開かれる。"),
    # what the card itself shows needs no rewriting
    ("AとBは友好条約を結び、同条約は今も有効だ。", "今も", "", "AとBは友好条約を結び、同条約は今も有効だ。"),
    ("日本政府と韓国政府はそれぞれ、両国の協力を確認した。", "協力", "米中、首脳会談\n",
     "日本政府と韓国政府はそれぞれ、両国の協力を確認した。"),
    ("共同声明に署名した。", "署名", "", "共同声明に署名した。"),  # 共同 is no 同…
    ("韓国は白書を公表した。", "白書", "トップ　＞　日本・韓国\n", "韓国は白書を公表した。"),  # a name, not a bare topic
    # a clause with a subject of its own, or no action on an object, is no missing subject
    ("制裁を受けて、政府は輸出先を変えた。", "輸出先", "", "制裁を受けて、政府は輸出先を変えた。"),
    ("欧米と対立するロシアにとって、韓国は重要な相手だ。", "韓国", "", "欧米と対立するロシアにとって、韓国は重要な相手だ。"),
])
def test_page_references_are_resolved_from_the_sentences_before(text: str, answer: str, before: str,
                                                                 want: str) -> None:
    assert _resolved(text, answer, before) == want


@pytest.mark.parametrize(("text", "answer", "before"), [
    ("同氏は会見で反対を表明した。", "反対", "外相が訪問した。"),  # which person: no rule finds it safely
    ("双方は協議を続ける。", "協議", "日韓、外相会談\n"),  # 双方 the sentence does not name
    ("両国の外相が会談した。", "外相", "外相が会談した。"),  # no pair written before
    ("同港の取扱量は過去最高だった。", "過去最高", "貨物船が着いた。"),  # no port named before
    ("海上保安庁も周辺で警戒していた。", "周辺", "艦隊が通過した。"),  # も: as who else?
    ("5日に横浜港を出港し、到着は10日後の予定だ。", "横浜港", "貨物船が来た。"),  # no subject: which ship?
    ("最初の訪問先に韓国を選び、関係を重視する姿勢を示した。", "韓国", "首相が就任した。"),
])
def test_an_unresolvable_page_reference_leaves_the_sentence_without_a_draft(text: str, answer: str,
                                                                           before: str) -> None:
    assert _resolved(text, answer, before) is None


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


_drafts = drafts  # answer -> prompt of the drafts of a made-up sentence


def test_a_draft_prints_what_両国_and_同港_refer_to_and_never_an_unresolved_同氏(bank: Bank) -> None:
    got = _drafts("日本と韓国は22日、釜山で漁業協定に署名した。両国の漁業団体は同港で式典を開いた。"
                  "同氏は会見で歓迎すると述べた。", bank, headline="日韓、漁業協定に署名")
    prompts = "\n".join(got.values())
    assert "両国" not in prompts.replace("日韓両国", "")
    assert "同氏" not in prompts and "同港" not in prompts


@pytest.mark.parametrize(("sentence", "answer"), [
    ("両政府は22日、第3回の協議を東京で開いた。", "3回"),  # the ordinal of a meeting
    ("同社はエンジン「XR200」を製造している。", "XR200"),  # a model number
    ("外務省の田中一郎次官代行は22日、懸念を表明した。", "田中一郎"),  # an acting official
    ("新しい橋は2本の川を結び、全長は約12キロメートルに及ぶ。", "約12キロメートル"),  # an encyclopedia's figure
    ("日本政府は22日、練習船がこの後、中国の上海、韓国の釜山、ロシアのウラジオストクに寄港すると発表した。",
     "釜山"),  # one item of a list, each item with its country: any of them fits the blank
])
def test_details_no_teacher_asks_get_no_draft(bank: Bank, sentence: str, answer: str) -> None:
    assert answer not in _drafts(sentence, bank, keep_all=True)


def test_no_draft_prints_an_answer_two_other_drafts_give_away(bank: Bank) -> None:
    got = _drafts("日本政府は22日、新たに企業3社を制裁の対象に指定した。3社はロシアの無人機「ヤマネコ」の部品を製造していた。"
                  "3社は中国の工場「青山工業」とも取引していた。", bank)
    assert "3社" not in got



@pytest.mark.parametrize("link", ["これに対し", "ただ", "このあと", "その後、", "このうち、", "これにより、"])
def test_a_link_to_the_sentence_before_is_left_out_of_the_prompt(bank: Bank, link: str) -> None:
    got = _drafts(f"日本は22日、韓国に抗議した。{link}韓国外務省の報道官は23日、遺憾の意を表明した。", bank, keep_all=True)
    assert got and not any(link in prompt for prompt in got.values())
