"""Numbers in Arabic digits, kanji or English words, with their counters (pure).

``parse_quantity("十二項目")`` gives ``Quantity(12, "項目")``; counters are
grouped into families (``年``, ``周年``, ``年ぶり`` and ``years`` are one) so a
typed counter can be checked against the answer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from quizgen.japanese.kana import fold_kana

__all__ = ["Quantity", "counter_family", "counters_compatible", "number_kana", "parse_int", "parse_quantity", "quantity_kana"]

_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0} | {str(i): i for i in range(10)}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10**4, "億": 10**8, "兆": 10**12}
NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)


@dataclass(frozen=True)
class Quantity:
    """A number and the counter written after it (``""`` when none)."""

    value: Decimal
    counter: str


def parse_int(text: str) -> int | None:
    """``"12"``, ``"十二"``, ``"二〇二三"``, ``"1万2000"`` -> int; None if not a plain numeral."""
    if not text or any(c not in NUMERAL_CHARS for c in text):
        return None
    if all(c in _DIGITS for c in text):  # positional: 2023, 二〇二三
        return int("".join(str(_DIGITS[c]) for c in text))
    total = section = 0
    digits: int | None = None
    last_small = 10**5
    for ch in text:
        if ch in _DIGITS:
            digits = (digits or 0) * 10 + _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if unit >= last_small:  # 十十, 十百: not a numeral
                return None
            section += (1 if digits is None else digits) * unit
            digits, last_small = None, unit
        else:
            section += digits or 0
            if section == 0:
                return None
            total += section * _BIG_UNITS[ch]
            section, digits, last_small = 0, None, 10**5
    return total + section + (digits or 0)


_UNITS_EN = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS_EN = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_RE = re.compile(
    r"(?P<tens>" + "|".join(_TENS_EN) + r")?-?"
    r"(?P<unit>" + "|".join(sorted(_UNITS_EN, key=len, reverse=True)) + r")?"
)
_NUM_RE = re.compile(r"(?P<num>[" + NUMERAL_CHARS + r",.]+)(?P<rest>.*)")
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+")
_DECIMAL_RE = re.compile(r"\d+\.\d+")


def _english(text: str) -> tuple[int, str] | None:
    m = _EN_RE.match(text)
    if m is None or not m.group(0) or m.group(0) == "-":
        return None
    tens, unit = m.group("tens"), m.group("unit")
    value = (20 + 10 * _TENS_EN.index(tens) if tens else 0) + (_UNITS_EN.index(unit) if unit else 0)
    if tens and unit and _UNITS_EN.index(unit) >= 10:
        return None
    return value, text[m.end() :]


def parse_quantity(text: str) -> Quantity | None:
    """Parse ``text`` (NFKC, lower-case, no spaces) as a number with an optional counter.

    Returns None when there is no leading number, or when the number is
    malformed (``12-13``, ``1,2``).
    """
    m = _NUM_RE.fullmatch(text)
    if m is not None:
        num, rest = m.group("num"), m.group("rest")
        if _THOUSANDS_RE.fullmatch(num):
            num = num.replace(",", "")
        if _DECIMAL_RE.fullmatch(num):
            try:
                value = Decimal(num)
            except InvalidOperation:  # pragma: no cover - regex guarantees a decimal
                return None
        else:
            whole = parse_int(num)
            if whole is None:
                return None
            value = Decimal(whole)
    else:
        parsed = _english(text)
        if parsed is None:
            return None
        value, rest = Decimal(parsed[0]), parsed[1]
    if rest[:2] in ("st", "nd", "rd", "th") and (not rest[2:] or counter_family(rest[2:])):
        rest = rest[2:]  # 3rd, 3rd anniversary
    return Quantity(value, rest)


_FAMILIES: dict[str, frozenset[str]] = {
    "year": frozenset(
        [
            "年",
            "年間",
            "周年",
            "年目",
            "ねん",
            "ねんかん",
            "しゅうねん",
            "years",
            "year",
            "yrs",
            "yr",
            "anniversary",
            "yearanniversary",
            "yearsanniversary",
        ]
    ),
    "item": frozenset(["項目", "項", "点", "こうもく", "こう", "てん", "points", "point", "items", "item"]),
    "times": frozenset(["回", "回目", "度", "度目", "かい", "times", "time"]),
    "person": frozenset(["人", "名", "にん", "めい", "people", "persons", "person"]),
    "day": frozenset(["日", "日間", "にち", "days", "day"]),
    "week": frozenset(["週", "週間", "しゅう", "しゅうかん", "weeks", "week"]),
    "month": frozenset(["か月", "か月間", "かげつ", "months", "month"]),
    "country": frozenset(["か国", "国", "かこく", "countries", "country", "nations"]),
    "percent": frozenset(["%", "ぱーせんと", "percent", "pct"]),
    "yen": frozenset(["円", "えん", "yen"]),
    "dollar": frozenset(["どる", "dollars", "dollar", "usd"]),
    "rank": frozenset(["番目", "位", "番"]),
}
_KA_RE = re.compile(r"[ゖゕヶヵ箇个け](?=[月国])")


def _canon_counter(counter: str) -> str:
    counter = _KA_RE.sub("か", fold_kana(counter))
    for suffix in ("ぶり", "振り", "ago"):
        counter = counter.removesuffix(suffix)
    return counter


def counter_family(counter: str) -> str | None:
    """The family of a counter (``"年ぶり"`` -> ``"year"``), or None if unknown."""
    canon = _canon_counter(counter)
    return next((name for name, members in _FAMILIES.items() if canon in members), None)


def counters_compatible(typed: str, answers: set[str]) -> bool:
    """May ``typed`` stand for the answer whose spellings carry ``answers`` counters?

    No typed counter is always fine (``12`` for ``12項目``). A typed counter
    must agree with one of the answer's counters, by family or spelling; a
    wrong counter with the right number (``12年`` for ``12項目``) is wrong.
    When no spelling of the answer has a counter, any counter is accepted.
    """
    named = {a for a in answers if a}
    if not typed or not named:
        return True
    family = counter_family(typed)
    canon = _canon_counter(typed)
    return any(_canon_counter(a) == canon or (family is not None and counter_family(a) == family) for a in named)


# --- readings: how a number with its counter is said, for answers typed in kana or romaji ------------------

_ONES = ["", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう"]
_ONES_ALT = {4: ("し", "よん"), 7: ("しち", "なな"), 9: ("く", "きゅう")}
_POWERS: tuple[tuple[int, str, dict[int, str]], ...] = (
    (1000, "せん", {3: "さんぜん", 8: "はっせん"}),
    (100, "ひゃく", {3: "さんびゃく", 6: "ろっぴゃく", 8: "はっぴゃく"}),
    (10, "じゅう", {}),
)
_DAYS = {1: ("ついたち",), 2: ("ふつか",), 3: ("みっか",), 4: ("よっか",), 5: ("いつか",), 6: ("むいか",),
         7: ("なのか", "なぬか"), 8: ("ようか",), 9: ("ここのか",), 10: ("とおか",), 14: ("じゅうよっか",), 20: ("はつか",),
         24: ("にじゅうよっか",)}
_MONTHS = {4: ("しがつ",), 7: ("しちがつ",), 9: ("くがつ",)}
# Counters whose reading is the number's followed by one word (sound changes are folded away by romaji_key).
_COUNTER_KANA = {"年": "ねん", "周年": "しゅうねん", "年間": "ねんかん", "年目": "ねんめ", "項目": "こうもく", "項": "こう",
                 "点": "てん", "回": "かい", "回目": "かいめ", "度": "ど", "人": "にん", "名": "めい", "日間": "にちかん",
                 "週": "しゅう", "週間": "しゅうかん", "か月": "かげつ", "ヶ月": "かげつ", "カ月": "かげつ", "か国": "かこく",
                 "カ国": "かこく", "ヵ国": "かこく", "国": "かこく", "期": "き", "期目": "きめ", "倍": "ばい", "歳": "さい",
                 "%": "ぱーせんと", "番目": "ばんめ", "位": "い", "条": "じょう", "億": "おく", "万": "まん"}


def number_kana(value: int) -> set[str]:
    """How `value` (0-99999) is read: 24 -> {にじゅうよん, にじゅうし}, 2023 -> {にせんにじゅうさん}."""
    if value == 0:
        return {"ぜろ", "れい"}
    if value >= 10**5 or value < 0:
        return set()
    out = {""}
    if value >= 10**4:
        out = {h + "まん" for h in number_kana(value // 10**4)}
        value %= 10**4
    for power, word, special in _POWERS:
        digit, value = divmod(value, power)
        if digit:
            spoken = special.get(digit) or ("" if digit == 1 else _ONES[digit]) + word
            out = {o + spoken for o in out}
    if value:
        out = {o + alt for o in out for alt in _ONES_ALT.get(value, (_ONES[value],))}
    return out


def quantity_kana(value: int, counter: str) -> set[str]:
    """Readings of a number with its counter, for comparison through `romaji_key` (24日 -> にじゅうよっか…)."""
    plain = number_kana(value)
    if not counter:
        return plain
    if counter in ("日", "にち"):
        return set(_DAYS.get(value, ())) | {n + "にち" for n in plain}
    if counter in ("月", "がつ"):
        return set(_MONTHS.get(value, ())) | {n + "がつ" for n in plain}
    if counter in ("人", "にん") and value in (1, 2):
        return {("ひとり", "ふたり")[value - 1]} | {n + "にん" for n in plain}
    word = _COUNTER_KANA.get(counter) or (counter if all("\u3041" <= c <= "\u309f" for c in counter) else "")
    if not word:
        return set()
    if word[0] in _GEMINATING:  # いっかい, ろっかげつ, はっこう, じゅっかい
        plain |= {n[: -len(end)] + short for n in plain for end, short in _SOKUON if n.endswith(end)}
    return {n + word for n in plain}


_GEMINATING = "かきくけこさしすせそたちつてとはひふへほぱぴぷぺぽ"
_SOKUON = (("いち", "いっ"), ("ろく", "ろっ"), ("はち", "はっ"), ("じゅう", "じゅっ"), ("じゅう", "じっ"))
