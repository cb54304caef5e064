"""Tests for quizgen.quiz.judge and the Japanese helpers it uses.

Two tables drive most of it (columns: typed, expected, accepted ('|'-separated),
answer_type, verdict, others ('|'-separated)):

- ``tests/data/judge_cases.tsv``: the development table; every row must pass.
- ``tests/data/judge_heldout.tsv``: written before the matcher and never tuned
  against. The bar: zero false accepts and at most 5% false rejects.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from quizgen.bank.readings import readings_for
from quizgen.japanese.dates import PartialDate, parse_date
from quizgen.japanese.kana import fold_kana, fold_latin, is_kana, kana_to_romaji, romaji_key
from quizgen.japanese.normalise import normalise
from quizgen.japanese.numbers import Quantity, counter_family, parse_int, parse_quantity
from quizgen.japanese.readings import Reading
from quizgen.japanese.titles import split_titles
from quizgen.quiz.judge import TYPO_MIN_LENGTH, VerdictReason, is_correct, judge

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Case:
    line: int
    typed: str
    expected: str
    accepted: tuple[str, ...]
    answer_type: str
    accept: bool
    others: tuple[str, ...]

    reference: str = ""

    def run(self) -> bool:
        return is_correct(self.typed, self.expected, self.accepted, answer_type=self.answer_type, others=self.others,
                          readings=table_readings(self.expected, self.accepted),
                          reference=(self.reference,) if self.reference else ())

    def __str__(self) -> str:
        verdict = "accept" if self.accept else "reject"
        return f"line {self.line}: {self.typed!r} vs {self.expected!r} ({self.answer_type}) should {verdict}"


@cache
def table_readings(expected: str, accepted: tuple[str, ...]) -> dict[str, Reading]:
    """Readings of a row's spellings as the bank cache computes them; a kana spelling is the answer's stated reading."""
    kana = next((a for a in accepted if is_kana(normalise(a))), None)
    return readings_for((expected, *accepted), {expected: normalise(kana)} if kana else {})


def _split(field: str) -> tuple[str, ...]:
    return tuple(part for part in field.split("|") if part)


def load_cases(name: str) -> list[Case]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0][:6] == ["typed", "expected", "accepted", "answer_type", "verdict", "others"]
    assert rows[0][6:] in ([], ["reference"])  # optional: a text stating the item's full date
    cases = []
    for line, row in enumerate(rows[1:], start=2):
        typed, expected, accepted, answer_type, verdict, others, *rest = row
        assert verdict in ("accept", "reject"), f"{name}:{line}: bad verdict {verdict!r}"
        cases.append(Case(line, typed, expected, _split(accepted), answer_type, verdict == "accept", _split(others),
                          rest[0] if rest else ""))
    return cases


CASES = load_cases("judge_cases.tsv")


def test_case_table_is_large_and_balanced() -> None:
    assert len(CASES) >= 250
    assert sum(not c.accept for c in CASES) >= 250  # plenty of tricky negatives
    assert {c.answer_type for c in CASES} == {"text", "date", "number"}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case_table(case: Case) -> None:
    assert case.run() == case.accept, str(case)


# Rows of the first held-out table whose policy issue 15 overrides: one-letter typos in Latin answers of five
# letters or more are right (rated Hard), and so are the usual transliterations of a name. The table marks them wrong.
HELDOUT_V1_OVERRIDDEN = {79: "Lavrof", 90: "Shoygu", 102: "Zelenskyy", 103: "Zelenska", 118: "kishda", 334: "Beijin"}


def test_heldout_table() -> None:
    cases = load_cases("judge_heldout.tsv")
    false_accepts = {c.line: c.typed for c in cases if not c.accept and c.run()}
    false_rejects = [str(c) for c in cases if c.accept and not c.run()]
    positives = sum(c.accept for c in cases)
    assert len(cases) >= 200
    assert false_accepts == HELDOUT_V1_OVERRIDDEN
    assert len(false_rejects) <= 0.05 * positives, false_rejects


# --- verdicts and reasons -------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected", "accepted", "answer_type", "reason"),
    [
        ("", "プーチン", (), "text", VerdictReason.EMPTY),
        ("プーチン", "プーチン", (), "text", VerdictReason.EXACT),
        ("shuukinpei", "習近平", ("しゅうきんぺい",), "text", VerdictReason.READING),
        ("習近平国家主席", "習近平", (), "text", VerdictReason.TITLE),
        ("ラブロフ首相", "ラブロフ", ("ラブロフ外相",), "text", VerdictReason.WRONG_TITLE),
        ("外務大臣", "外相", (), "text", VerdictReason.SAME_ROLE),
        ("上海協力機構(SCO)", "上海協力機構", ("SCO",), "text", VerdictReason.BOTH_FORMS),
        ("プーチン、ラブロフ", "プーチン", (), "text", VerdictReason.MULTIPLE),
        ("Putin or Lavrov", "Putin", (), "text", VerdictReason.MULTIPLE),
        ("たぶんプーチン", "プーチン", (), "text", VerdictReason.HEDGED),
        ("Shanghai Cooperation Organisaton", "Shanghai Cooperation Organisation", (), "text", VerdictReason.TYPO),
        ("十二", "12項目", (), "number", VerdictReason.NUMBER),
        ("12年", "12項目", (), "number", VerdictReason.WRONG_COUNTER),
        ("令和5年3月21日", "2023年3月21日", (), "date", VerdictReason.DATE),
        ("3月21日", "2023年3月21日", (), "date", VerdictReason.INCOMPLETE),
        ("G20", "G7", (), "text", VerdictReason.WRONG),
    ],
)
def test_reasons(typed: str, expected: str, accepted: tuple[str, ...], answer_type: str, reason: VerdictReason) -> None:
    assert judge(typed, expected, accepted, answer_type=answer_type).reason is reason


def test_exactly_another_answer_is_rejected_even_within_typo_distance() -> None:
    expected = "Global Security Initiative"
    assert is_correct("Global Security Initiatve", expected)
    verdict = judge("Global Security Initiatives", expected, others=["Global Security Initiatives"])
    assert verdict == judge("global security initiatives", expected, others=["Global Security Initiatives"])
    assert verdict.reason is VerdictReason.OTHER_ANSWER and not verdict.correct
    # one edit from the answer, but as close to another item's answer: not a typo
    assert not is_correct("Global Security Initiativez", expected, others=["Global Security Initiatives"])


def test_own_spelling_wins_over_an_identical_other_answer() -> None:
    assert is_correct("王毅", "王毅", others=["王毅"])


def test_unknown_answer_type_is_an_error() -> None:
    with pytest.raises(ValueError, match="answer_type must be one of"):
        judge("x", "x", answer_type="boolean")


def test_matching_imports_nothing_heavy() -> None:
    code = "import sys, quizgen.quiz.judge; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split())
    heavy = {"jinja2", "genanki", "weasyprint", "yaml", "fsrs", "click", "sqlite3", "jaconv"}
    assert not heavy & loaded


# --- helpers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        ("十二", 12),
        ("八十", 80),
        ("二〇二三", 2023),
        ("二千二十三", 2023),
        ("1万2000", 12000),
        ("一万二千", 12000),
        ("百", 100),
        ("三百五", 305),
        ("十十", None),
        ("万", None),
        ("", None),
        ("12a", None),
    ],
)
def test_parse_int(text: str, value: int | None) -> None:
    assert parse_int(text) == value


def test_parse_quantity_and_counters() -> None:
    assert parse_quantity("十二項目") == Quantity(value=12, counter="項目")  # type: ignore[arg-type]
    assert parse_quantity("3rdanniversary") == Quantity(value=3, counter="anniversary")  # type: ignore[arg-type]
    assert parse_quantity("約12") is None
    assert counter_family("年ぶり") == counter_family("years") == counter_family("周年") == "year"
    assert counter_family("ヶ月") == counter_family("カ月") == "month"
    assert counter_family("ぶり") is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2023/3/21", PartialDate(2023, 3, 21)),
        ("令和元年5月1日", PartialDate(2019, 5, 1)),
        ("平成30年", PartialDate(2018)),
        ("march 21, 2023", PartialDate(2023, 3, 21)),
        ("21 mar 2023", PartialDate(2023, 3, 21)),
        ("2023年2月", PartialDate(2023, 2)),
        ("24日", PartialDate(day=24)),
        ("3/4/2023", None),  # March 4 or 3 April: ambiguous
        ("2023/2/29", None),
        ("平成32年", None),
        ("24", None),
    ],
)
def test_parse_date(text: str, date: PartialDate | None) -> None:
    assert parse_date(text) == date


def test_romaji_key_folds_spellings() -> None:
    spellings = ["shuukinpei", "Shū Kinpei", "syukinpei", "shukinpei", "しゅうきんぺい", "SHUU-KIN-PEI"]
    assert len({romaji_key(s) for s in spellings}) == 1
    assert romaji_key("chi tsu fu ji sha") == romaji_key("ti tu hu zi sya")
    assert romaji_key("shimbun") == romaji_key("しんぶん") == romaji_key("shin'bun")
    assert romaji_key("ouki") == romaji_key("ōki") == romaji_key("ohki") == romaji_key("oki")


def test_split_titles() -> None:
    assert split_titles("習近平国家主席") == ("習近平", ("国家主席",))
    assert split_titles("presidentputin") == ("putin", ("president",))
    assert split_titles("首相") == ("首相", ())


# --- properties -----------------------------------------------------------------

_TYPES = st.sampled_from(["text", "date", "number"])


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text(), _TYPES)
def test_the_answer_itself_is_always_accepted(expected: str, answer_type: str) -> None:
    assume(normalise(expected))
    assert is_correct(expected, expected, answer_type=answer_type, others=[expected])


@given(st.text(), st.lists(st.text(), min_size=1, max_size=4), st.data(), _TYPES)
def test_every_accepted_form_is_always_accepted(
    expected: str, accepted: list[str], data: st.DataObject, answer_type: str
) -> None:
    form = data.draw(st.sampled_from(accepted))
    assume(normalise(form))
    assert is_correct(form, expected, accepted, answer_type=answer_type)


@pytest.mark.parametrize("case", [c for c in CASES if c.accept][:1] + CASES[::25], ids=str)
def test_bank_like_forms_are_accepted(case: Case) -> None:
    for form in (case.expected, *case.accepted):
        assert is_correct(form, case.expected, case.accepted, answer_type=case.answer_type, others=case.others)


@given(st.text().filter(lambda s: not normalise(s)), st.text(), _TYPES)
def test_blank_input_is_always_rejected(typed: str, expected: str, answer_type: str) -> None:
    assert judge(typed, expected, answer_type=answer_type).reason is VerdictReason.EMPTY


_KANJI_DIGITS = "〇一二三四五六七八九"


def to_kanji(n: int) -> str:
    """Reference conversion (n < 10**8), written independently of parse_int."""
    if n == 0:
        return "〇"
    out = ""
    high, low = divmod(n, 10_000)
    if high:
        out += to_kanji(high) + "万"
    for unit, char in ((1000, "千"), (100, "百"), (10, "十")):
        digit, low = divmod(low, unit)
        if digit:
            out += ("" if digit == 1 else _KANJI_DIGITS[digit]) + char
    return out + (_KANJI_DIGITS[low] if low else "")


_COUNTERS = st.sampled_from(["", "項目", "年", "人", "回", "周年", "年ぶり", "か国", "%"])


@given(st.integers(0, 10**7), _COUNTERS)
def test_a_number_is_accepted_in_digits_or_kanji_with_or_without_counter(n: int, counter: str) -> None:
    expected = f"{n}{counter}"
    for typed in (str(n), to_kanji(n), to_kanji(n) + counter, f"{n:,}{counter}"):
        assert is_correct(typed, expected, answer_type="number"), typed


@given(st.integers(0, 10**7), st.integers(0, 10**7), _COUNTERS)
def test_a_different_number_is_rejected(n: int, m: int, counter: str) -> None:
    assume(n != m)
    expected = f"{n}{counter}"
    for typed in (str(m), to_kanji(m), f"{m}{counter}"):
        assert not is_correct(typed, expected, answer_type="number"), typed


_DATES = st.dates(min_value=dt.date(1900, 1, 2), max_value=dt.date(2099, 12, 30))


def _forms(d: dt.date) -> list[str]:
    month = calendar.month_name[d.month]
    return [
        f"{d.year}/{d.month}/{d.day}",
        d.isoformat(),
        f"{d.year}年{d.month}月{d.day}日",
        f"{d.day} {month} {d.year}",
        f"{month} {d.day}, {d.year}",
        f"{d.year}.{d.month:02}.{d.day:02}",
    ]


@given(_DATES, st.data())
def test_a_date_is_accepted_in_usual_forms_and_neighbours_rejected(d: dt.date, data: st.DataObject) -> None:
    expected = f"{d.year}年{d.month}月{d.day}日"
    for typed in _forms(d):
        assert is_correct(typed, expected, answer_type="date"), typed
    if d.year >= 2020:
        assert is_correct(f"令和{d.year - 2018}年{d.month}月{d.day}日", expected, answer_type="date")
    other = d + dt.timedelta(days=data.draw(st.sampled_from([-1, 1, 365, -365, 31])))
    for typed in _forms(other):
        assert not is_correct(typed, expected, answer_type="date"), typed
    assert not is_correct(f"{d.month}月{d.day}日", expected, answer_type="date")


_KANA_UNITS = [
    *"あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだでどばびぶべぼぱぴぷぺぽ",
    "きゃ",
    "しゅ",
    "ちょ",
    "じゃ",
    "ふぁ",
    "っと",
    "ー",
]
_HIRAGANA = st.lists(st.sampled_from(_KANA_UNITS), min_size=1, max_size=8).map("".join)


@given(_HIRAGANA)
def test_romaji_and_katakana_of_a_reading_are_accepted(reading: str) -> None:
    assume(fold_kana(reading) and reading[0] not in "ーっ")
    assert is_correct(kana_to_romaji(reading), "漢字", [reading])
    katakana = "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in reading)
    assert is_correct(katakana, "漢字", [reading])


# --------------------------------------------------------------------------- list answers in any order


@pytest.mark.parametrize(
    ("typed", "expected", "ok"),
    [
        ("シリアとベネズエラ", "ベネズエラとシリア", True),
        ("しりあとべねずえら", "ベネズエラとシリア", True),
        ("G20、国連、APEC", "国連、G20、APEC", True),
        ("APEC, G20 and 国連", "国連、G20、APEC", True),
        ("Syria and Venezuela", "Venezuela and Syria", True),
        ("国連、G20", "国連、G20、APEC", False),
        ("国連、G20、G7", "国連、G20、APEC", False),
        ("国連、G20、APEC、G7", "国連、G20、APEC", False),
        ("シリアとイラン", "ベネズエラとシリア", False),
        ("シリア", "ベネズエラとシリア", False),
    ],
)
def test_list_answers_are_judged_in_any_order(typed: str, expected: str, ok: bool) -> None:
    assert is_correct(typed, expected) is ok


@given(st.lists(st.sampled_from(["国連", "G20", "APEC", "BRICS", "中東", "欧州", "シリア"]), min_size=2, max_size=4, unique=True),
       st.randoms(use_true_random=False))
def test_any_permutation_of_a_list_answer_is_right_and_a_shorter_list_is_not(parts: list[str], rnd: Any) -> None:
    expected = "、".join(parts)
    shuffled = parts[:]
    rnd.shuffle(shuffled)
    assert is_correct("、".join(shuffled), expected)
    assert not is_correct("、".join(shuffled[:-1]), expected)


@pytest.mark.parametrize(
    ("typed", "expected", "ok"),
    [
        ("恒久的で公正かつ持続可能な和平案", "恒久的で、公正かつ持続可能な和平案", True),
        ("恒久的で、公正かつ持続可能な和平", "恒久的で公正かつ持続可能な和平", True),
        ("恒久的で、公正", "恒久的で、公正かつ持続可能な和平案", False),
        ("プーチン、ラブロフ", "プーチン", False),
    ],
)
def test_commas_inside_one_phrase_do_not_matter(typed: str, expected: str, ok: bool) -> None:
    assert is_correct(typed, expected) is ok


@pytest.mark.parametrize(
    ("typed", "accepted", "ok"),
    [
        ("習近平国家主席", ["習近平国家主席"], True),
        ("習近平大統領", ["習近平国家主席"], False),  # Xi is never 大統領
        ("プーチン国家主席", ["プーチン大統領"], False),
        ("President Xi Jinping", ["習近平国家主席", "Xi Jinping"], True),  # English "President" covers both
        ("President Putin", ["プーチン大統領", "Putin"], True),
        ("イワノフ外相", ["イワノフ客員研究員"], False),
        ("イワノフ研究員", ["イワノフ客員研究員"], True),
    ],
)
def test_president_and_chairman_are_different_titles(typed: str, accepted: list[str], ok: bool) -> None:
    expected = accepted[0].replace("国家主席", "").replace("大統領", "").replace("客員研究員", "")
    assert is_correct(typed, expected, accepted) is ok


@pytest.mark.parametrize(("typed", "ok"), [("6年振り", True), ("六年振り", True), ("7年振り", False), ("6か月振り", False)])
def test_buri_in_kanji(typed: str, ok: bool) -> None:
    assert is_correct(typed, "6年ぶり", answer_type="number") is ok


def test_english_president_agrees_with_japanese_titles_only_one_way() -> None:
    assert is_correct("President", "大統領")
    assert is_correct("president", "国家主席")
    assert not is_correct("国家主席", "大統領", ["President of Ukraine", "President"])
    assert not is_correct("大統領", "国家主席", ["President"])


@pytest.mark.parametrize(
    ("typed", "ok"),
    [
        ("中東・アフガニスタン・アジア太平洋地域", True),
        ("中東、アフガニスタン、アジア太平洋地域", True),
        ("中東・アフガニスタン", False),
    ],
)
def test_list_parts_may_be_joined_with_nakaguro(typed: str, ok: bool) -> None:
    assert is_correct(typed, "アジア太平洋地域、中東、アフガニスタン") is ok


# The second held-out table (tests/data/quiz/typed_heldout_v2.tsv, policy beside it) was written from realistic
# learner typing before the v2 judge and is never tuned against: measured once before the judge changed (7 false
# accepts, 100 false rejects of 311) and once after (10 and 60). Its false accepts are rows where its policy
# differs from issue 15 (a one-letter typo in a Latin answer of 5-6 letters is "almost" by the issue, wrong by the
# policy; Zelenska, a real person one letter from Zelensky). It then found two kinds of mistake, fixed since, so
# for their rows it is no longer untuned: a dropped long vowel in a kana answer under five kana (プチン, ナト,
# ドロン: were accepted) and an inserted の (ロシア連邦安全保障会議の書記: was rejected). The mixed-script typo that
# came with the first fix also makes 世界反ファシト戦争 "almost": 7 false accepts, 58 false rejects.
HELDOUT_V2_POLICY_DIFFERS = {34: "Lavrof", 53: "shoiku", 64: "Zelenska", 145: "Rusia", 178: "Saudi Arabian",
                             215: "Moskow", 233: "Jedah"}


def test_heldout_v2_table_is_reported_not_tuned() -> None:
    cases = load_cases("quiz/typed_heldout_v2.tsv")
    assert len(cases) == 599
    false_accepts = {c.line: c.typed for c in cases if not c.accept and c.run()}
    false_rejects = [c.line for c in cases if c.accept and not c.run()]
    assert false_accepts == HELDOUT_V2_POLICY_DIFFERS
    assert len(false_rejects) <= 58  # of 311 right answers (18.6%); was 100 before the v2 judge, 60 before issue 15's fixes


# --------------------------------------------------------------------------- vowel length in kana (issue 15)


@pytest.mark.parametrize(
    ("typed", "expected", "accepted", "reason"),
    [
        ("プチン", "プーチン", ("ぷーちん", "Putin"), VerdictReason.WRONG),  # 3 kana against 4: a different word
        ("ドロン", "ドローン", ("どろーん", "drone"), VerdictReason.WRONG),
        ("ナト", "NATO", ("なとー", "North Atlantic Treaty Organization"), VerdictReason.WRONG),
        ("きょと", "京都", ("きょうと",), VerdictReason.WRONG),
        ("上海きょりょく機構", "上海協力機構", ("しゃんはいきょうりょくきこう",), VerdictReason.WRONG),
        ("ぷうちん", "プーチン", ("ぷーちん",), VerdictReason.READING),  # ー or the vowel kana: the same length
        ("トーキョー", "東京", ("とうきょう",), VerdictReason.READING),
        ("ゼレンスキイ", "ゼレンスキー", ("ぜれんすきー",), VerdictReason.READING),
        ("puchin", "プーチン", ("ぷーちん",), VerdictReason.READING),
        ("tokyo", "東京", ("とうきょう",), VerdictReason.READING),  # romaji may leave long vowels unmarked
        ("ゼレンスキ", "ゼレンスキー", ("ぜれんすきー",), VerdictReason.TYPO),  # long enough: almost, rated Hard
        ("ときょう", "東京", ("とうきょう",), VerdictReason.TYPO),
        ("しゃんはいきょりょくきこう", "上海協力機構", ("しゃんはいきょうりょくきこう",), VerdictReason.TYPO),
        # mixed script: a slip in a run of five or more kana is "almost"; in a shorter run or a kanji, wrong
        ("戦略的パートナシップ", "戦略的パートナーシップ", (), VerdictReason.TYPO),
        ("上海協力きこ", "上海協力機構", ("しゃんはいきょうりょくきこう",), VerdictReason.WRONG),
        ("G7サミト", "G7サミット", (), VerdictReason.WRONG),
        ("戦略敵パートナーシップ", "戦略的パートナーシップ", (), VerdictReason.WRONG),
    ],
)
def test_a_kana_answer_keeps_the_length_of_its_vowels(typed: str, expected: str, accepted: tuple[str, ...],
                                                       reason: VerdictReason) -> None:
    verdict = judge(typed, expected, accepted, readings=table_readings(expected, accepted))
    assert verdict.reason is reason
    assert verdict.correct is (reason is not VerdictReason.WRONG)


@pytest.mark.parametrize(
    ("typed", "expected", "ok"),
    [
        ("にじゅうよっか", "24日", True),
        ("にじゅよっか", "24日", False),
        ("nijuyokka", "24日", True),
        ("じゅうに", "12項目", True),
        ("じゅに", "12項目", False),
    ],
)
def test_numbers_said_in_kana_keep_their_long_vowels(typed: str, expected: str, ok: bool) -> None:
    assert is_correct(typed, expected, answer_type="number", readings=table_readings(expected, ())) is ok


_MORAE = st.lists(st.sampled_from([u for u in _KANA_UNITS if u not in ("ー", "っと", "ん", "を")]), min_size=1, max_size=7)


@given(_MORAE, st.data())
def test_dropping_a_long_vowel_from_a_kana_reading_is_never_right_unless_almost(morae: list[str],
                                                                                data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(morae) - 1))
    typed = "".join(morae)
    reading = "".join(morae[: i + 1]) + "ー" + "".join(morae[i + 1:])
    verdict = judge(typed, "漢字", [reading])
    assert not verdict.correct or (verdict.almost and len(reading) >= TYPO_MIN_LENGTH), (typed, reading)
    katakana = "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in typed)
    assert judge(katakana, "漢字", [reading]).correct is verdict.correct
    assert is_correct(kana_to_romaji(typed), "漢字", [reading])  # romaji may leave the long vowel out


# --------------------------------------------------------------------------- an inserted の (issue 15)


@pytest.mark.parametrize(
    ("typed", "expected", "accepted", "ok"),
    [
        ("大統領の続投", "大統領続投", ("だいとうりょうぞくとう", "続投"), True),
        ("ロシア連邦安全保障会議の書記", "ロシア連邦安全保障会議書記", ("安全保障会議書記",), True),
        ("安全保障会議の書記", "ロシア連邦安全保障会議書記", ("安全保障会議書記",), True),
        ("中国の外相", "中国外相", (), True),
        ("技術的な支援", "技術的支援", (), True),  # 的な is how 的 goes before a noun
        ("技術面の支援", "技術的支援", (), False),  # another word, not an inserted particle
        ("続投の大統領", "大統領続投", (), False),
        ("大統領続投の", "大統領続投", (), False),  # not between two nouns
        ("このみ", "こみ", (), False),  # の inside a kana word is not a particle
    ],
)
def test_an_inserted_no_between_two_nouns_is_the_same_answer(typed: str, expected: str, accepted: tuple[str, ...],
                                                             ok: bool) -> None:
    verdict = judge(typed, expected, accepted, readings=table_readings(expected, accepted))
    assert verdict.correct is ok
    assert (verdict.reason is VerdictReason.PARTICLE) is ok


def test_an_inserted_no_never_makes_another_items_answer_right() -> None:
    others = ["ロシア外相", "中国外相"]
    assert judge("ロシアの外相", "外相", ["がいしょう"], others=others).reason is not VerdictReason.PARTICLE
    assert not is_correct("ロシアの外相", "中国外相", others=others)


@pytest.mark.parametrize(
    ("typed", "names", "ok"),
    [
        ("東京の大学", (), True),
        ("東京の大学", ("東京大学",), False),  # a name is fixed: the University of Tokyo, not a university in Tokyo
        ("東京大学", ("東京大学",), True),
    ],
)
def test_no_particle_is_put_inside_a_name(typed: str, names: tuple[str, ...], ok: bool) -> None:
    assert is_correct(typed, "東京大学", names=names) is ok


def _fold_latin_each(text: str) -> str:
    """fold_latin's rule, character by character (what its fast path must agree with)."""
    special: dict[str, str | int | None] = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i"}
    out = []
    for ch in text.translate(str.maketrans(special)):
        latin = "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"
        out.append("".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)) if latin else ch)
    return "".join(out)


@given(st.text(alphabet=st.sampled_from("aeßøıéōŌṃがパポー中 ")) | st.text())
def test_fold_latin_folds_every_latin_letter_and_nothing_else(text: str) -> None:
    assert fold_latin(text) == _fold_latin_each(text)


def test_fold_latin_examples() -> None:
    assert fold_latin("Straße Ōsaka ポケモン Pokémon") == "Strasse Osaka ポケモン Pokemon"
    assert fold_latin("がぱ ß") == "がぱ ss"
