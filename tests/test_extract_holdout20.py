"""What the untuned holdout_v20 articles showed (issue 17): on the page about Xi and Putin in Samarkand (September
2022) the byline 【サマルカンド（ウズベキスタン）＝岸本航平】 was asked as a person and printed as every cue of its
sentence; 「両首脳は同日、…3カ国首脳会談にも臨んだ」 printed 2月4日 (a day the sentence before counted from:
「2月4日以来」), and 「（15、16日）」 printed 「（15、2022年9月16日）」; on the page about Russia's Ocean-2024 exercise
「ロシアの西側の国境付近」 was asked as the West (answer 西側諸国)."""

from __future__ import annotations

import pytest
import test_extract_holdout19 as holdout19
from test_extract_holdout19 import bank  # noqa: F401  (the fixture)

from quizgen.bank import Bank, load_bank

pytest.importorskip("sudachipy")


def drafts(body: str, bank: Bank, published: str) -> dict[str, str]:  # noqa: F811  (bank: the fixture's value)
    """answer -> prompt of every draft of `body` (a page dated `published`) under the Samarkand page's headline."""
    return holdout19.drafts(body, bank, published, "中ロ首脳、侵攻後初の対面会談")


SAMARKAND = ("【サマルカンド（ウズベキスタン）＝岸本航平】ロシアのプーチン大統領と中国の習近平国家主席は15日、"
             "ウズベキスタン中部サマルカンドで会談した。\n"
             "会談は、中ロが主導する上海協力機構（SCO）の首脳会議（15、16日）に合わせて行われた。\n"
             "習氏は14日に隣国カザフスタンを訪れた後、ウズベキスタン入りした。\n"
             "両首脳の対面会談は、プーチン氏が訪中した2月4日以来。\n"
             "両首脳は同日、モンゴルのフレルスフ大統領を交えた3カ国首脳会談にも臨んだ。")


def test_a_byline_with_a_country_in_brackets_is_no_fact(bank: Bank) -> None:  # noqa: F811  (the fixture)
    got = drafts(SAMARKAND, bank, "2022-09-16")
    assert "岸本航平" not in got and not [p for p in got.values() if "岸本" in p]


def test_same_day_is_not_a_day_counted_from_one_before_the_news_or_a_list_s(bank: Bank) -> None:  # noqa: F811
    got = drafts(SAMARKAND, bank, "2022-09-16")
    assert "中ロ両首脳は2022年9月15日、モンゴルの（　　）大統領を交えた" in got["フレルスフ"]
    assert "の首脳会議（2022年9月15、16日）に合わせて" in got["上海協力機構"]


def test_the_west_side_of_a_country_is_not_the_west() -> None:
    from quizgen import resources

    bundled = load_bank(resources.bank_dir())  # its 西側諸国 has the alias 西側
    body = "プーチン大統領は、アメリカが同盟国とともにロシアの西側の国境付近で軍事的な存在感を高めていると主張しました。"
    assert "西側諸国" not in drafts(body, bundled, "2024-09-11")
    assert "西側諸国" in drafts("西側は対ロ制裁を強化しました。中国は西側の制裁に反対しました。", bundled, "2024-09-11")


def test_a_sentence_with_no_subject_takes_the_one_named_after_its_source(bank: Bank) -> None:  # noqa: F811
    """「一方、中国国営新華社通信によると、習氏は「…」と表明。互いの「核心的利益」に関わる問題で強く支え合う考えを示した。」:
    the second sentence was drafted with no subject (newuser10 and the holdout_v20 teacher added it by hand)."""
    body = ("一方、中国国営新華社通信によると、習氏は「中国はロシアとともに大国としての責任を示したい」と表明。"
            "互いの「核心的利益」に関わる問題で強く支え合う考えを示した。")
    assert "】習氏は、互いの「（　　）」に関わる問題で" in drafts(body, bank, "2022-09-16")["核心的利益"]


def test_a_quoted_assessment_ending_in_mono_is_a_thing_to_name(bank: Bank) -> None:  # noqa: F811  (the fixture)
    """「バランスの取れたもの」 ends in の like a particle-bound fragment, but もの is a noun: Putin's word for China's
    position is the fact (the holdout_v20 writer listed it)."""
    body = "プーチン氏はウクライナ危機をめぐる中国の立場を「バランスの取れたもの」と評価した。"
    assert "立場を「（　　）」と評価した" in drafts(body, bank, "2022-09-16")["バランスの取れたもの"]


def test_a_name_with_a_gloss_in_brackets_is_asked_once(bank: Bank) -> None:  # noqa: F811  (the fixture)
    """「オケアン（大洋）2024」 and, two sentences on, 「オケアン2024」: one exercise, asked once (the teacher discarded
    the second draft as a repeat)."""
    body = ("ロシア国防省は10日、大規模な戦略演習「オケアン（大洋）2024」を始めたと発表しました。\n"
            "中国軍は「オケアン2024」にも参加するとしています。")
    from quizgen.bank import Source, Text
    from quizgen.extract.article import extract
    from quizgen.extract.nlp import load_analyzer

    src = Source(id="009", file="a.txt", headline=Text("ロシア、大規模演習を開始", ""), outlet=Text("テスト新聞", "Test"),
                 published="2024-09-11")
    result = extract(f"2024-09-11 5時00分\n{body}\n", src, bank, load_analyzer())
    chosen = [i.answer.ja for i in result.items[:result.chosen]]
    assert "オケアン（大洋）2024" in chosen and "オケアン2024" not in chosen


def test_a_place_the_sentence_prints_the_word_of_gives_way_to_the_statement(bank: Bank) -> None:  # noqa: F811
    """「台湾問題について「一つの中国」の原則を堅持すると表明し、「（台湾海峡）における米国…挑発を非難する」」: 台湾 is
    printed beside the blank, so the default asked what a student fills from the prompt while Putin's stance stayed
    printed (newuser10 re-blanked it by hand; the teacher wanted 「一つの中国」)."""
    from quizgen.bank import Source, Text
    from quizgen.extract.article import extract
    from quizgen.extract.nlp import load_analyzer

    body = ("プーチン氏は、台湾問題について「一つの中国」の原則を堅持すると表明し、"
            "「台湾海峡における米国とその衛星国による挑発を非難する」と述べた。")
    src = Source(id="009", file="a.txt", headline=Text("中ロ首脳が会談", ""), outlet=Text("テスト新聞", "Test"),
                 published="2022-09-16")
    result = extract(f"2022-09-16 5時00分\n{body}\n", src, bank, load_analyzer(), keep_all=True)
    chosen, rest = ([i.answer.ja for i in part] for part in (result.items[:result.chosen], result.items[result.chosen:]))
    ranked = chosen + rest  # the default's drafts, then the rest best first
    assert ranked.index("一つの中国") < ranked.index("台湾海峡"), ranked


def test_one_of_a_list_with_a_name_in_latin_letters_is_not_asked(bank: Bank) -> None:  # noqa: F811
    """「国連やBRICS、上海協力機構などの国際的な枠組みでも連携」: any of the three fits the blank (holdout_v21's
    teacher discarded 国連)."""
    body = "習主席は、国連やBRICS、上海協力機構などの国際的な枠組みでも連携を強化していく考えを示しました。"
    assert "国連" not in drafts(body, bank, "2022-06-16")
