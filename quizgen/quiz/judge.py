"""Judge a typed answer against a bank item (pure: no I/O, no clock, stdlib only).

:func:`judge` returns a :class:`Verdict` with a reason the UI can show;
:func:`is_correct` is the boolean wrapper. ``accepted`` holds the item's other
spellings (aliases, English names, hiragana readings); ``others`` holds the
answers of *other* items, so that typing one of them is never read as a typo.

Rules, in order: empty input is wrong; an exact match after :func:`~quizgen.japanese.normalise.normalise`
(NFKC, case, accents, katakana→hiragana, spaces, dots and hyphens) is right;
then dates and numbers are judged by value, text by readings, romaji, titles
and, for long Latin answers only, one typo.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import Enum

from quizgen.japanese.dates import PartialDate, parse_date
from quizgen.japanese.kana import fold_kana, fold_latin, is_kana, is_romaji, romaji_key
from quizgen.japanese.normalise import normalise
from quizgen.japanese.numbers import counters_compatible, parse_int, parse_quantity
from quizgen.japanese.titles import name_like, same_role, split_titles, titles_compatible

__all__ = ["ANSWER_TYPES", "TYPO_MIN_LENGTH", "Verdict", "VerdictReason", "is_correct", "judge"]

ANSWER_TYPES = frozenset({"text", "date", "number"})
TYPO_MIN_LENGTH = 10
"""Shortest normalised Latin answer that tolerates one typo (edit or transposition)."""


class VerdictReason(Enum):
    """Why an answer was judged right or wrong."""

    EXACT = "exact"  # the answer or an accepted spelling, after normalisation
    BOTH_FORMS = "both-forms"  # 上海協力機構(SCO): every part names the answer
    ANY_ORDER = "any-order"  # シリアとベネズエラ for ベネズエラとシリア: the same parts of a list answer
    READING = "reading"  # kana or romaji for the answer's reading
    TITLE = "title"  # right once titles and honorifics are set aside
    SAME_ROLE = "same-role"  # 外務大臣 for 外相
    NUMBER = "number"
    DATE = "date"
    TYPO = "typo"
    EMPTY = "empty"
    HEDGED = "hedged"  # たぶん…, …かな, a question mark
    MULTIPLE = "multiple"  # プーチン、ラブロフ / Putin or Lavrov
    OTHER_ANSWER = "other-answer"  # exactly another item's answer
    WRONG_TITLE = "wrong-title"  # ラブロフ首相
    WRONG_COUNTER = "wrong-counter"  # 12年 for 12項目
    INCOMPLETE = "incomplete"  # a date missing a part the answer has
    WRONG = "wrong"


@dataclass(frozen=True)
class Verdict:
    """The judgement on one typed answer; ``matched`` is the spelling it matched."""

    correct: bool
    reason: VerdictReason
    matched: str | None = None


_BRACKETED_RE = re.compile(r"(.+?)\s*[(\[{【〔](.+)[)\]}】〕]")
_HEDGE_RE = re.compile(
    r"^(?:たぶん|多分|おそらく|恐らく|きっと|maybe|probably|perhaps|i think)|"
    r"(?:かな|かも|かもしれない|と思う|だと思う|でしょう|\?)$"
)
_STRONG_SEP_RE = re.compile(r"[()\[\]{}【】〔〕、,/;|&+~〜…]|\s(?:or|and|vs\.?)\s")
_WEAK_SEP_RE = re.compile(r"\s(?:or|and|vs\.?)\s|または|もしくは|あるいは|および|及び|か|と|や")
_COMMA_RE = re.compile(r"[、,]")
_LIST_SEP_RE = re.compile(r"[、,/;・]|\s(?:and|&)\s|と|や|および|及び")
_BARE_RE = re.compile(r"[0-9〇零一二三四五六七八九十]{1,3}")


def _soft(text: str) -> str:
    """Lighter than :func:`normalise`: keeps single spaces and punctuation."""
    text = fold_kana(fold_latin(unicodedata.normalize("NFKC", text).casefold()))
    return " ".join(text.split())


def _spellings(expected: str, accepted: Iterable[str]) -> list[str]:
    """The answer and its accepted forms; ``X(Y)`` also yields ``X``."""
    out: list[str] = []
    for form in (expected, *accepted):
        if not form.strip():
            continue
        out.append(form)
        m = _BRACKETED_RE.fullmatch(unicodedata.normalize("NFKC", form).strip())
        if m:
            out.append(m.group(1))
    return out


def _list_parts(text: str) -> tuple[str, ...]:
    """The sorted, normalised parts of a list answer (「ベネズエラとシリア」, "UN, G20 and APEC"); () if not a list."""
    parts = sorted(k for p in _LIST_SEP_RE.split(_soft(text)) if (k := normalise(p)))
    return tuple(parts) if len(parts) > 1 else ()


def _same_list(typed: str, spellings: list[str]) -> str | None:
    """The spelling whose list parts are exactly the typed parts in another order, if any."""
    parts = _list_parts(typed)
    if not parts:
        return None
    return next((s for s in spellings if _list_parts(s) == parts), None)


def _osa(a: str, b: str) -> int:
    """Optimal string alignment distance (edits plus adjacent transpositions)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cost = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, prev2[j - 2] + 1)
            cur.append(cost)
        prev2, prev = prev, cur
    return prev[-1]


@dataclass(frozen=True)
class _Answer:
    """An item's spellings, precomputed for text judging."""

    keys: dict[str, str]  # normalised key -> spelling
    readings: dict[str, str]  # romaji key of each kana spelling -> spelling
    cores: dict[str, str]  # name left after stripping titles from a spelling -> spelling
    titles: set[str]  # every title any spelling carries

    @classmethod
    def of(cls, spellings: list[str]) -> _Answer:
        keys = {normalise(s): s for s in spellings}
        readings = {romaji_key(k): s for k, s in keys.items() if is_kana(k)}
        cores: dict[str, str] = {}
        titles: set[str] = set()
        for key, spelling in keys.items():
            core, found = split_titles(key)
            titles.update(found)
            if found and name_like(core):
                cores[core] = spelling
        return cls(keys, readings, cores, titles)

    def lenient(self, key: str) -> Verdict | None:
        """Match ``key`` by reading, romaji or titles; None if it does not name the answer."""
        if key in self.keys:
            return Verdict(True, VerdictReason.EXACT, self.keys[key])
        if is_kana(key) or is_romaji(key):
            spelling = self.readings.get(romaji_key(key))
            if spelling is not None:
                return Verdict(True, VerdictReason.READING, spelling)
        core, typed_titles = split_titles(key)
        spelling = self.keys.get(core) or self.cores.get(core)
        if spelling is None and (is_kana(core) or is_romaji(core)) and core != key:
            spelling = self.readings.get(romaji_key(core))
        if spelling is None or core == key:
            return None
        if titles_compatible(typed_titles, self.titles):
            return Verdict(True, VerdictReason.TITLE, spelling)
        return Verdict(False, VerdictReason.WRONG_TITLE, spelling)

    def typo(self, key: str, others: set[str]) -> Verdict | None:
        """One edit in a long Latin answer, unless another item's answer is as close."""
        if not key.isascii() or not key.isalpha():
            return None
        if any(abs(len(o) - len(key)) <= 1 and _osa(key, o) <= 1 for o in others):
            return None
        candidates = [(key, k, s) for k, s in self.keys.items() if k.isascii() and k.isalpha()]
        candidates += [(romaji_key(key), r, s) for r, s in self.readings.items()]
        for typed, target, spelling in candidates:
            if len(target) >= TYPO_MIN_LENGTH and _osa(typed, target) <= 1:
                return Verdict(True, VerdictReason.TYPO, spelling)
        return None


def _judge_text(typed: str, key: str, spellings: list[str], others: Collection[str]) -> Verdict:
    answer = _Answer.of(spellings)
    other_keys = {normalise(o) for o in others} - set(answer.keys)
    if key in other_keys:
        return Verdict(False, VerdictReason.OTHER_ANSWER)
    soft = _soft(typed)
    if _HEDGE_RE.search(soft):
        return Verdict(False, VerdictReason.HEDGED)
    if _STRONG_SEP_RE.search(soft):
        parts = [normalise(p) for p in _STRONG_SEP_RE.split(soft) if normalise(p)]
        verdicts = [answer.lenient(p) for p in parts]
        if len(parts) > 1 and all(v is not None and v.correct for v in verdicts):
            return Verdict(True, VerdictReason.BOTH_FORMS, spellings[0])
        return Verdict(False, VerdictReason.MULTIPLE)
    parts = [normalise(p) for p in _WEAK_SEP_RE.split(soft) if normalise(p)]
    if len(parts) > 1 and any(p in other_keys or answer.lenient(p) for p in parts):
        whole = answer.lenient(key)
        if whole is None or not whole.correct:
            return Verdict(False, VerdictReason.MULTIPLE)
    verdict = answer.lenient(key)
    if verdict is not None:
        return verdict
    if any(same_role(key, k) for k in answer.keys):
        return Verdict(True, VerdictReason.SAME_ROLE, spellings[0])
    core = split_titles(key)[0]
    typo = answer.typo(key, other_keys) or answer.typo(core, other_keys)
    return typo or Verdict(False, VerdictReason.WRONG)


def _judge_number(typed: str, spellings: list[str]) -> Verdict:
    quantity = parse_quantity("".join(_soft(typed).split()))
    answers = [(parse_quantity("".join(_soft(s).split())), s) for s in spellings]
    same = [(q, s) for q, s in answers if q is not None and quantity is not None and q.value == quantity.value]
    if quantity is None or not same:
        return Verdict(False, VerdictReason.MULTIPLE if _WEAK_SEP_RE.search(_soft(typed)) else VerdictReason.WRONG)
    if counters_compatible(quantity.counter, {q.counter for q, _ in same}):
        return Verdict(True, VerdictReason.NUMBER, same[0][1])
    return Verdict(False, VerdictReason.WRONG_COUNTER, same[0][1])


def _judge_date(typed: str, spellings: list[str]) -> Verdict:
    answers = [(d, s) for s in spellings if (d := parse_date(_soft(s))) is not None]
    if not answers:  # not a date after all (3周年): judge as a number
        return _judge_number(typed, spellings)
    soft = _soft(typed)
    date = parse_date(soft)
    if date is None and _BARE_RE.fullmatch(soft):  # "24" for 24日: a day if the answer is only a day
        value = parse_int(soft)
        for answer, spelling in answers:
            parts = answer.parts()
            if len(parts) == 1 and value in parts.values():
                return Verdict(True, VerdictReason.DATE, spelling)
        return Verdict(False, VerdictReason.WRONG)
    if date is None:
        return Verdict(False, VerdictReason.MULTIPLE if _WEAK_SEP_RE.search(soft) else VerdictReason.WRONG)
    for answer, spelling in answers:
        if date.covers(answer):
            return Verdict(True, VerdictReason.DATE, spelling)
    if any(_agrees(date, answer) for answer, _ in answers):
        return Verdict(False, VerdictReason.INCOMPLETE)
    return Verdict(False, VerdictReason.WRONG)


def _agrees(date: PartialDate, answer: PartialDate) -> bool:
    """Every part typed is right, but some part of the answer is missing."""
    wanted = answer.parts()
    return all(wanted.get(k) == v for k, v in date.parts().items())


def judge(
    typed: str,
    expected: str,
    accepted: Iterable[str] = (),
    *,
    answer_type: str = "text",
    others: Collection[str] = (),
) -> Verdict:
    """Judge ``typed`` against ``expected`` and its ``accepted`` spellings.

    ``answer_type`` is ``"text"``, ``"date"`` or ``"number"`` as the bank marks
    the item. ``others`` are other items' answers: text typed exactly as one of
    them is wrong, and typo tolerance never reaches towards them.
    """
    if answer_type not in ANSWER_TYPES:
        raise ValueError(f"answer_type must be one of {sorted(ANSWER_TYPES)}, not {answer_type!r}")
    key = normalise(typed)
    if not key:
        return Verdict(False, VerdictReason.EMPTY)
    spellings = _spellings(expected, accepted)
    bare = _COMMA_RE.sub("", key)
    for spelling in spellings:
        target = normalise(spelling)
        # 「恒久的で公正かつ…」 for 「恒久的で、公正かつ…」: commas inside one phrase are not a second answer
        if _COMMA_RE.sub("", target) == bare:
            return Verdict(True, VerdictReason.EXACT, spelling)
    if answer_type == "text" and (same := _same_list(typed, spellings)) is not None:
        return Verdict(True, VerdictReason.ANY_ORDER, same)
    if answer_type == "date":
        return _judge_date(typed, spellings)
    if answer_type == "number":
        return _judge_number(typed, spellings)
    return _judge_text(typed, key, spellings, others)


def is_correct(
    typed: str,
    expected: str,
    accepted: Iterable[str] = (),
    *,
    answer_type: str = "text",
    others: Collection[str] = (),
) -> bool:
    """True when ``typed`` is a right answer; see :func:`judge` for the reason."""
    return judge(typed, expected, accepted, answer_type=answer_type, others=others).correct
