"""The extraction steps on small fixtures: clutter, sentences, candidates, drafts, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.bank import Bank, ItemKind, load_bank, loads_bank_files
from quizgen.cli.common import FLAGS
from quizgen.errors import QuizgenError
from quizgen.extract.article import ArticleError, extract, read_article
from quizgen.extract.candidates import candidates
from quizgen.extract.clutter import ClutterReason, clean
from quizgen.extract.lexicon import Lexicon
from quizgen.extract.sentences import split

pytest.importorskip("sudachipy")
from quizgen.extract.nlp import load_analyzer

DATA = Path(__file__).parent / "data" / "extract"
BANK = DATA / "bank"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(BANK)


def _cands(text: str, bank: Bank) -> list[tuple[str, str, str | None]]:
    (sentence,) = split(clean(text).lines)
    got, _ = candidates(sentence, load_analyzer()(sentence.text), Lexicon(bank))
    return [(c.rule, c.answer, c.question) for c in got]


# ---------------------------------------------------------------- clutter


def test_clutter_drops_footer_urls_and_credits_and_reports_them() -> None:
    text = ("見出し\n本文の一文目です。\nさらに読む ⇒出典/画像元: https://example.com/a/1続きの本文です。\n"
            "https://example.com/x\n最新記事\n次のページを読む ⇒\n人気ランキング\n• 1\n別の記事\n")
    cleaned = clean(text)
    assert [line.text for line in cleaned.lines] == ["見出し", "本文の一文目です。", "続きの本文です。"]
    assert cleaned.report() == (
        "line 3: source/image credit link: さらに読む ⇒出典/画像元: https://example.com/a/1\n"
        "line 4: bare URL: https://example.com/x\n"
        "line 5: site navigation label: 最新記事\n"
        "lines 6-9: page footer after the article (related links, tickers, rankings, adverts): "
        "4 lines from '次のページを読む ⇒'"
    )


def test_clutter_keeps_offsets_verbatim() -> None:
    text = (DATA / "new_article.txt").read_text(encoding="utf-8")
    cleaned = clean(text)
    assert all(text[line.start:line.start + len(line.text)] == line.text for line in cleaned.lines)
    assert {d.reason for d in cleaned.dropped} >= {ClutterReason.SOURCE_LINK, ClutterReason.FOOTER}
    assert not any("関連記事" in line.text or "example.com" in line.text for line in cleaned.lines)


# ---------------------------------------------------------------- sentences


def test_sentences_split_on_final_punctuation_but_not_inside_quotes() -> None:
    text = "✅ 彼は「停戦を。今すぐ。」と述べた。次の文です!見出しの行\n"
    got = split(clean(text).lines)
    assert [s.text for s in got] == ["彼は「停戦を。今すぐ。」と述べた。", "次の文です!", "見出しの行"]
    assert all(text[s.start:s.end] == s.text for s in got)


@given(st.text(alphabet="あいう漢字。!?「」\n ✅", max_size=80))
def test_every_sentence_is_a_verbatim_slice(text: str) -> None:
    for s in split(clean(text).lines):
        assert text[s.start:s.end] == s.text
        assert s.text.strip() == s.text


# ---------------------------------------------------------------- candidates


def test_dates_partial_relative_and_years_since(bank: Bank) -> None:
    got = _cands("両首脳の会談は今年5月以来で、2024年7月3日の会談は6年ぶりとなり、創設80年を祝った。", bank)
    answers = {(rule, answer) for rule, answer, _ in got}
    assert ("partial-date", "今年5月") in answers  # kept relative, never turned into a year
    assert ("date", "2024年7月3日") in answers
    assert ("n-years-since", "6年ぶり") in answers
    assert ("anniversary", "80年") in answers


def test_numbers_keep_their_counters(bank: Bank) -> None:
    got = _cands("中国は12項目からなる和平案を提案し、加盟10カ国が賛成した。", bank)
    assert {("number", "12項目"), ("number", "10カ国")} <= {(r, a) for r, a, _ in got}


def test_actor_with_title_links_to_known_entity(bank: Bank) -> None:
    got = _cands("ロシアのラヴロフ外相は北京で記者会見を開いた。", bank)
    assert ("entity", "ラヴロフ", None) in got
    assert ("title", "外相", "ラヴロフの肩書は何と書かれているか。") in got


def test_speaker_and_reporting_verb_make_a_who_question(bank: Bank) -> None:
    got = _cands("プーチン大統領は、両国の協力は第三国に向けたものではないと強調しました。", bank)
    assert ("speaker", "プーチン", "両国の協力は第三国に向けたものではないと強調したのは誰か。") in got
    assert ("stance", "第三国に向けたものではない", None) in got


def test_same_speaker_continues_through_doushi(bank: Bank) -> None:
    lex = Lexicon(bank)
    first, second = split(clean("ラブロフ外相は北京を訪れた。同氏は、制裁に反対すると述べた。").lines)
    _, speaker = candidates(first, load_analyzer()(first.text), lex)
    got, _ = candidates(second, load_analyzer()(second.text), lex, previous_speaker=speaker)
    assert [(c.answer, c.question) for c in got if c.rule == "speaker"] == [("ラブロフ", "制裁に反対すると述べたのは誰か。")]


def test_new_person_is_proposed_with_a_hiragana_reading(bank: Bank) -> None:
    ex = extract("首脳会議はカザフスタンのトカエフ大統領が主宰し、加盟国の首脳が出席した。", "a.txt", bank, load_analyzer())
    (person,) = ex.entities
    assert (person.id, person.ja, person.reading, person.aliases) == ("new-tokaehu", "トカエフ", "とかえふ",
                                                                     ("トカエフ大統領", "トカエフ氏"))
    assert person.roles[0].quote == "トカエフ大統領"


def test_known_names_keep_the_banks_reading_not_the_analysers(bank: Bank) -> None:
    ex = extract("中国の習近平国家主席は北京でロシアのプーチン大統領と会談した。", "a.txt", bank, load_analyzer())
    assert not ex.entities  # 習近平 is linked to the bank's entity (read しゅうきんぺい), never re-proposed
    xi = [i for i in ex.items if i.entity == "xi-jinping"]
    assert xi and xi[0].answer.ja == "習近平"


def test_meeting_place_and_format(bank: Bank) -> None:
    got = _cands("両首脳は今年の初めにビデオ形式の会談を行い、北京で共同記者会見を開いた。", bank)
    assert {("meeting-format", "ビデオ形式の会談"), ("meeting-format", "共同記者会見")} <= {(r, a) for r, a, _ in got}
    assert any(r in ("meeting-place", "entity") and a == "北京" for r, a, _ in got)


def test_opinion_and_question_sentences_give_nothing(bank: Bank) -> None:
    assert _cands("中国の和平案はどうなるのでしょうか。", bank) == []
    assert _cands("中国とロシアはどう動く?", bank) == []


# ---------------------------------------------------------------- drafts


def test_drafts_are_valid_bank_items_with_verbatim_evidence(bank: Bank, tmp_path: Path) -> None:
    text = read_article(DATA / "new_article.txt")
    ex = extract(text, "new_article.txt", bank, load_analyzer())
    assert ex.source.id == "001"  # the next free id
    assert len(ex.items) >= 20
    for item in ex.items:
        assert item.draft and item.evidence[0].quote in text
        assert "記事001" not in item.prompt.ja and "記事001" not in item.explanation.ja  # no article numbers
        assert "prompt.en" in item.missing and item.prompt.en == "TODO: translate"
    # validated together with the bank, quotes checked against the article
    (tmp_path / "new_article.txt").write_text(text, encoding="utf-8")
    (tmp_path / "seed.txt").write_text((DATA / "articles" / "seed.txt").read_text(encoding="utf-8"), encoding="utf-8")
    texts = [(p.read_text(encoding="utf-8"), str(p)) for p in sorted(BANK.rglob("*.yaml"))]
    merged = loads_bank_files([*texts, (ex.dumps("new_article.txt"), "drafts.yaml")], tmp_path)
    assert sum(i.draft for i in merged.items) == len(ex.items)
    kinds = {i.kind for i in ex.items}
    assert {ItemKind.DATE, ItemKind.NUMBER, ItemKind.PERSON, ItemKind.ROLE, ItemKind.STANCE} <= kinds


def test_draft_explanation_cites_the_sentence_and_accepts_entity_spellings(bank: Bank) -> None:
    ex = extract("ロシアのラヴロフ外相は北京で中国の王氏と会談した。", "a.txt", bank, load_analyzer(), source_id="009")
    item = next(i for i in ex.items if i.entity == "lavrov" and i.kind is ItemKind.PERSON)
    assert item.answer.ja == "ラブロフ" and item.answer.en == "Sergey Lavrov"
    assert "ラヴロフ" in item.accept
    assert item.explanation.ja == "本文に「ロシアのラヴロフ外相は北京で中国の王氏と会談した。」とある(=「ラブロフ」)。"
    assert item.cloze is not None and "[[ラヴロフ]]" in item.cloze.ja


def test_source_id_already_in_the_bank_is_refused(bank: Bank) -> None:
    with pytest.raises(Exception) as err:
        extract("北京で会談した。ロシアの外相が訪れた。", "a.txt", bank, load_analyzer(), source_id="000")
    # the library names its parameter; the CLI spells it as its flag (--source-id)
    assert str(err.value) == "source id '000' is already in the bank (seed.txt); pass another source_id"
    assert isinstance(err.value, QuizgenError)
    assert err.value.spelled(FLAGS) == "source id '000' is already in the bank (seed.txt); pass another --source-id"


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"),
    (b"  \n\n", "the file is empty"),
    ("あいう".encode("shift_jis"), "not UTF-8 text (byte 0x82 at offset 0); save the article as UTF-8"),
    (b"<!DOCTYPE html><html><body><p>\xe4\xb8\xad\xe5\x9b\xbd</p></body></html>",
     "this looks like an HTML page, not plain text; copy the article's text into a .txt file"),
    (b"China and Russia held talks in Beijing on Friday. " * 5,
     "no Japanese article text found (0 Japanese characters); quizgen extract reads Japanese news articles"),
])
def test_bad_input_is_named_exactly(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as err:
        read_article(path)
    assert str(err.value) == f"{path}: {message}"


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes("あ。".encode() * 200_000)
    with pytest.raises(ArticleError) as err:
        read_article(path)
    assert str(err.value) == (f"{path}: the file is 1,200,000 bytes; quizgen extract reads one article of at most "
                              "1,000,000 bytes (split it, or copy just the article's text)")
