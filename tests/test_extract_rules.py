"""Rules added for articles the extractor was not built from: unknown people with titles, unknown
organisations and places, numbers, quotations, present-tense reporting verbs, page clutter; and ranking."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.bank import Bank, EntityType, load_bank
from quizgen.errors import UsageError
from quizgen.extract.article import extract
from quizgen.extract.candidates import candidates
from quizgen.extract.clutter import ClutterReason, clean
from quizgen.extract.lexicon import Lexicon
from quizgen.extract.ranking import rank, score
from quizgen.extract.sentences import split

pytest.importorskip("sudachipy")
from quizgen.extract.nlp import load_analyzer

DATA = Path(__file__).parent / "data" / "extract"
UNSEEN = DATA / "unseen"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


def _cands(text: str, bank: Bank) -> list[tuple[str, str, str | None]]:
    (sentence,) = split(clean(text).lines)
    got, _ = candidates(sentence, load_analyzer()(sentence.text), Lexicon(bank))
    return [(c.rule, c.answer, c.question) for c in got]


def _people(text: str, bank: Bank) -> list[tuple[str, str | None]]:
    lex = Lexicon(bank)
    tokens = load_analyzer()(text)
    return [(m.surface, m.title) for m in lex.new_people(text, tokens, lex.known(text, tokens))]


# ---------------------------------------------------------------- people and organisations


@pytest.mark.parametrize(("text", "people"), [
    ("中国外務省の林剣報道官は反論した。", [("林剣", "報道官")]),  # not tagged as a name by the analyser
    ("北京大学国際関係学院の王緝思教授は説明する。", [("王緝思", "教授")]),
    ("ロシア大統領府のペスコフ報道官は説明した。", [("ペスコフ", "報道官")]),  # 大統領府 is not a title
    ("ロシア太平洋艦隊のセルゲイ・リピン副司令官は述べた。", [("セルゲイ・リピン", "副司令官")]),
    ("日本政府の林芳正官房長官は述べた。", [("林芳正", "官房長官")]),
    ("米国の財務長官は述べた。", []),  # a role, not a name
    ("ロシアの駐中国大使は述べた。", []),
    ("米シンクタンク、カーネギー国際平和財団の研究者は述べた。", []),  # a name inside an organisation's name
])
def test_unknown_people_are_found_by_the_title_after_their_name(text: str, people: list[tuple[str, str]],
                                                                 bank: Bank) -> None:
    assert _people(text, bank) == people


def test_unknown_organisation_is_asked_for_and_can_be_the_speaker(bank: Bank) -> None:
    assert ("entity", "中国国防省", None) in _cands("演習は中国国防省によると来月に始まる。", bank)
    got = _cands("中国国防省は15日、合同演習を実施すると発表した。", bank)
    assert ("speaker", "中国国防省", "15日、合同演習を実施すると発表したのはどこか。") in got
    assert ("day", "15日", None) in got
    assert not any(answer == "中国" for _rule, answer, _q in got)  # 中国 inside 中国国防省 is not blanked alone


def test_a_country_inside_a_compound_is_not_blanked(bank: Bank) -> None:
    got = _cands("中国外務省の毛寧報道官は22日の記者会見で強調した。", bank)
    assert not any(answer == "中国" for _rule, answer, _q in got)
    assert ("speaker", "毛寧", "22日の記者会見で強調したのは誰か。") in got
    assert ("title", "報道官", "毛寧の肩書は何と書かれているか。") in got


def test_known_country_inside_a_place_name_is_the_place(bank: Bank) -> None:
    got = _cands("中国とロシアの海軍が日本海などで合同演習を実施すると発表した。", bank)
    assert ("entity", "日本海", None) in got and not any(answer == "日本" for _r, answer, _q in got)


def test_new_person_without_a_reading_keeps_the_draft_and_says_what_is_missing(bank: Bank) -> None:
    text = "一方、北京大学国際関係学院の王緝思教授は、中国の対ロ政策は原則に基づいていると説明する。\n"
    ex = extract(text, "a.txt", bank, load_analyzer(), max_drafts=None)
    (item,) = [i for i in ex.items if i.answer.ja == "王緝思"]
    assert item.entity is None and "entity for 王緝思 (no reading found)" in item.missing


# ---------------------------------------------------------------- numbers, dates, quotes, verbs


@pytest.mark.parametrize(("text", "expected"), [
    ("総航行距離は1万キロを超えた。", ("number", "1万キロ")),
    ("中国製品の割合は侵攻前の約4分の1から増えた。", ("number", "約4分の1")),
    ("インドはロシア産原油の第2の買い手となった。", ("number", "第2")),
    ("今年に入って3回目となる会談を行った。", ("number", "3回目")),
    ("ロシアのウクライナ侵攻から2年半が過ぎ、接近が鮮明になった。", ("duration", "2年半")),
    ("木原稔防衛相は16日の記者会見で述べた。", ("day", "16日")),
])
def test_numbers_and_durations(text: str, expected: tuple[str, str], bank: Bank) -> None:
    assert expected in [(rule, answer) for rule, answer, _q in _cands(text, bank)]


def test_day_blank_is_at_the_day_not_at_the_start_of_the_sentence(bank: Bank) -> None:
    (sentence,) = split(clean("インドのモディ首相も訪れ、23日に会談を行った。").lines)
    got, _ = candidates(sentence, load_analyzer()(sentence.text), Lexicon(bank))
    (day,) = [c for c in got if c.rule == "day"]
    assert sentence.text[day.start:day.end] == "23日"


def test_long_quotation_gives_its_clauses_and_drops_the_copula(bank: Bank) -> None:
    got = _cands("木原防衛相は「わが国周辺での中ロの連携強化は、安全保障上の重大な懸念だ」と表明した。", bank)
    quoted = [answer for rule, answer, _q in got if rule == "quoted"]
    assert quoted == ["わが国周辺での中ロの連携強化は、安全保障上の重大な懸念", "安全保障上の重大な懸念"]
    assert ("quoted", "誤った選択", None) in _cands("ウクライナ外務省は訪問を「誤った選択だ」と非難した。", bank)


def test_a_heading_that_is_only_a_quotation_gives_no_blank(bank: Bank) -> None:
    assert _cands("■「非対称な依存」", bank) == []


def test_speaker_is_never_inside_the_quotation(bank: Bank) -> None:
    got = _cands("山添氏は「日本は二正面の圧力に備える必要がある」と強調した。", bank)
    speakers = [answer for rule, answer, _q in got if rule == "speaker"]
    assert speakers == ["山添"]


def test_speaker_with_a_parenthesised_role_after_the_name(bank: Bank) -> None:
    got = _cands("ガブエフ氏（ロシア・ユーラシアセンター所長）は、ロシアが中国への依存を深めたと分析する。", bank)
    assert [answer for rule, answer, _q in got if rule == "speaker"] == ["ガブエフ"]


def test_present_tense_reporting_verbs_of_analysis_pieces(bank: Bank) -> None:
    got = _cands("ガブエフ氏は、ロシアが「ジュニアパートナー」の立場に置かれつつあると分析する。", bank)
    assert ("speaker", "ガブエフ", "ロシアが「ジュニアパートナー」の立場に置かれつつあると分析するのは誰か。") in got


# ---------------------------------------------------------------- clutter


def test_tickers_menus_datelines_share_and_copyright_are_clutter() -> None:
    text = (UNSEEN / "web_naval_drill.txt").read_text(encoding="utf-8")
    cleaned = clean(text)
    assert cleaned.report().splitlines()[:7] == [
        "line 1: site navigation label: ホーム > 国際 > アジア",
        "line 2: news ticker: 【速報】東京株式市場　日経平均、一時300円超下落",
        "line 3: news ticker: 【速報】台風5号　あす関東に接近へ",
        "line 4: site navigation label: 気象 | 交通 | 株価",
        "line 6: date and time stamp: 2024/07/16 18:45　更新 2024/07/16 21:02",
        "line 8: bare URL: https://www.maiasa-news.example.jp/articles/20240716/k001.h…",
        "line 9: site navigation label: この記事をシェアする",
    ]
    assert cleaned.dateline == "2024-07-16"
    kept = "\n".join(line.text for line in cleaned.lines)
    assert "次のページ" not in kept and "©" not in kept and "[広告]" not in kept and "ランキング" not in kept
    assert {d.reason for d in cleaned.dropped} >= {ClutterReason.TICKER, ClutterReason.DATELINE, ClutterReason.NAVIGATION,
                                                    ClutterReason.FOOTER}


def test_labelled_publication_date_is_kept() -> None:
    assert [line.text for line in clean("公開日:2023/03/21\n本文です。\n").lines] == ["公開日:2023/03/21", "本文です。"]


# ---------------------------------------------------------------- ranking and the cap


def test_drafts_come_best_first_and_the_cap_keeps_the_best(bank: Bank) -> None:
    text = (UNSEEN / "wire_kazan.txt").read_text(encoding="utf-8")
    every = extract(text, "wire_kazan.txt", bank, load_analyzer(), max_drafts=None)
    capped = extract(text, "wire_kazan.txt", bank, load_analyzer(), max_drafts=10)
    scores = [score(i, bank) for i in every.items]
    assert scores[0] >= scores[-1] and every.dropped == 0 and every.found == len(every.items)
    assert len(capped.items) == 10 and capped.found == every.found and capped.dropped == every.found - 10
    assert {i.id for i in capped.items} <= {i.id for i in every.items}
    assert min(score(i, bank) for i in capped.items) >= sorted(scores, reverse=True)[20]
    assert {e.id for e in capped.entities} <= {i.entity for i in capped.items}  # only people the kept drafts need
    assert capped.source.published == "2024-10-22"


def test_named_people_and_numbers_outrank_generic_phrases(bank: Bank) -> None:
    text = (UNSEEN / "wire_kazan.txt").read_text(encoding="utf-8")
    items = extract(text, "wire_kazan.txt", bank, load_analyzer()).items
    by_rule: dict[str, list[int]] = {}
    for i in items:
        by_rule.setdefault(i.tags[1][5:], []).append(score(i, bank))
    assert min(by_rule["speaker"]) > max(by_rule["phrase"])
    assert min(by_rule["number"]) > max(by_rule["phrase"])


def test_rank_is_deterministic_and_keeps_everything_without_a_limit(bank: Bank) -> None:
    items = extract((UNSEEN / "web_naval_drill.txt").read_text(encoding="utf-8"), "w.txt", bank,
                    load_analyzer(), max_drafts=None).items
    shuffled = tuple(reversed(items))
    assert rank(items, bank, None).kept == rank(items, bank, None).kept
    assert sorted(i.id for i in rank(shuffled, bank, None).kept) == sorted(i.id for i in items)
    assert rank(items, bank, 5).dropped == len(items) - 5


def test_cap_below_one_is_refused(bank: Bank) -> None:
    with pytest.raises(UsageError) as exc:
        extract("中国の習近平国家主席は述べた。", "a.txt", bank, load_analyzer(), max_drafts=0)
    assert str(exc.value) == "the number of drafts to keep must be at least 1, not 0"


def test_unseen_answer_lists_quote_their_articles_verbatim() -> None:
    for expected in UNSEEN.glob("*.expected.tsv"):
        article = expected.with_name(expected.name.replace(".expected.tsv", ".txt")).read_text(encoding="utf-8")
        rows = [line.split("\t") for line in expected.read_text(encoding="utf-8").splitlines()[1:]]
        assert rows and all(quote in article for _answer, _accept, quote, _note in rows), expected.name
        assert all(any(f in quote for f in (answer, *accept.split("|")) if f) for answer, accept, quote, _n in rows)


def test_entity_types_of_unknown_things(bank: Bank) -> None:
    text = "首脳会議が開かれているロシア西部の首都カザンで会談した。"
    lex = Lexicon(bank)
    tokens = load_analyzer()(text)
    known = lex.known(text, tokens)
    things = lex.unknown_things(text, tokens, known)
    assert [(t.surface, t.type, t.entity) for t in things] == [("カザン", EntityType.PLACE, None)]
