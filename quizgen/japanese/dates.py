"""Dates as learners type them and as articles write them, Japanese and English, possibly partial (pure).

``parse_date`` understands 2023/3/21, 2023-03-21, 2023.3.21, 20230321,
2023年3月21日 (digits or kanji), 令和5年3月21日, 21 March 2023,
March 21, 2023, Mar 21 2023, 21/3/2023 (only when unambiguous), and partial
forms such as 2023年2月, February 2023, 3月21日, 24日 or a four-digit year.

For the bank's date checks: ``mentioned`` lists the years, months and days a text writes,
``relative_year`` the year offset of a word such as 昨年 (-1), ``relative_words`` the
relative or partial time expressions (来年, 先月, 金曜日, 今年の初め) a text contains.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass

from quizgen.japanese.numbers import parse_int

__all__ = ["Mentioned", "PartialDate", "dates_in", "mentioned", "parse_date", "parse_when", "relative_words", "relative_year",
           "short_year_words", "short_years", "typed_weekday", "weekday_ok"]


@dataclass(frozen=True)
class PartialDate:
    """A date whose parts may be unknown (``None``)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def parts(self) -> dict[str, int]:
        """The known parts, by name."""
        known = {"year": self.year, "month": self.month, "day": self.day}
        return {k: v for k, v in known.items() if v is not None}

    def covers(self, answer: PartialDate) -> bool:
        """True when every part ``answer`` has is present here and equal."""
        mine = self.parts()
        return all(mine.get(k) == v for k, v in answer.parts().items())


# First year of each era in the Gregorian calendar minus one, and its last year number.
_ERAS = {"令和": (2018, 99), "平成": (1988, 31), "昭和": (1925, 64), "大正": (1911, 15), "明治": (1867, 45)}
_MONTHS = {
    name: i
    for i, full in enumerate(calendar.month_name)
    if full
    for name in {full.lower(), full.lower()[:3], "sept" if i == 9 else full.lower()[:3]}
}
_N = r"[0-9〇零一二三四五六七八九十百千]+"
_M = r"(?P<mname>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_WEEKDAY_RE = re.compile(r"[(（]\s*(?:[月火水木金土日](?:曜日?)?|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\s*[)）]")
_PATTERNS = tuple(
    re.compile(p)
    for p in (
        r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2}))?",
        r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})",
        r"(?P<y>\d{4})",
        r"(?P<m>\d{1,2})/(?P<d>\d{1,2})",
        r"(?:(?P<era>令和|平成|昭和|大正|明治)(?P<ey>" + _N + r"|元)年|(?P<y>" + _N + r")年)?"
        r"(?:(?P<m>" + _N + r")月)?(?:(?P<d>" + _N + r")日)?",
        r"(?:the )?(?P<d>\d{1,2})" + _ORD + r" (?:of )?" + _M + r",?(?: (?P<y>\d{4}))?",
        _M + r" (?P<d>\d{1,2})" + _ORD + r"(?:,? (?P<y>\d{4}))?",
        _M + r",? (?P<y>\d{4})",
        _M,
        r"(?P<y>\d{4}) " + _M + r"(?: (?P<d>\d{1,2})" + _ORD + r")?",
    )
)
_SPACED_RE = re.compile(r"\s*([年月日])\s*")
_DMY_RE = re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})")


def _valid(date: PartialDate) -> PartialDate | None:
    if date.year is not None and not 1 <= date.year <= 9999:
        return None
    if date.month is not None and not 1 <= date.month <= 12:
        return None
    if date.day is not None:
        days = calendar.monthrange(date.year or 2000, date.month)[1] if date.month else 31
        if not 1 <= date.day <= days:
            return None
    return date if date.parts() else None


def _number(text: str | None) -> int | None:
    return None if text is None else parse_int(text)


def _from_match(m: re.Match[str]) -> PartialDate | None:
    groups = m.groupdict()
    year = _number(groups.get("y"))
    if groups.get("era"):
        offset, last = _ERAS[groups["era"]]
        era_year = 1 if groups["ey"] == "元" else _number(groups["ey"])
        if era_year is None or not 1 <= era_year <= last:
            return None
        year = offset + era_year
    month = _MONTHS[groups["mname"]] if groups.get("mname") else _number(groups.get("m"))
    day = _number(groups.get("d"))
    for raw, value in ((groups.get("y"), year), (groups.get("m"), month), (groups.get("d"), day)):
        if raw is not None and value is None:
            return None
    return _valid(PartialDate(year, month, day))


def parse_date(text: str) -> PartialDate | None:
    """Parse ``text`` (NFKC, lower-case) as a possibly partial date, or return None.

    A bare one- or two-digit number is not a date here: whether ``24`` is a
    day or a month depends on the answer, so the caller decides.
    """
    text = " ".join(_WEEKDAY_RE.sub("", text).replace(",", ", ").split()).replace(" ,", ",")
    text = _SPACED_RE.sub(r"\1", text.replace(",,", ","))
    for pattern in _PATTERNS:
        m = pattern.fullmatch(text)
        if m is not None and m.group(0):
            return _from_match(m)
    m = _DMY_RE.fullmatch(text)
    if m is None:
        return None
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    readings = {d for d in (_valid(PartialDate(year, b, a)), _valid(PartialDate(year, a, b))) if d}
    return readings.pop() if len(readings) == 1 else None  # 3/4/2023 is ambiguous


# --------------------------------------------------------------------------- dates in article text


def parse_when(when: str) -> PartialDate | None:
    """An ISO date as the bank writes `when` (YYYY, YYYY-MM or YYYY-MM-DD), or None."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", when)
    if m is None:
        return None
    y, mo, d = (int(g) if g else None for g in m.groups())
    return _valid(PartialDate(y, mo, d))


@dataclass(frozen=True)
class Mentioned:
    """The years, months and days a text writes (as numbers)."""

    years: frozenset[int]
    months: frozenset[int]
    days: frozenset[int]


_YEAR_IN_TEXT = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_MONTH_IN_TEXT = re.compile(r"(?<![0-9])([0-9]{1,2})月")
_DAY_IN_TEXT = re.compile(r"(?<![0-9])([0-9]{1,2})日")
_NUMERIC_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[/.-]([0-9]{1,2})(?:[/.-]([0-9]{1,2}))?(?![0-9])")


def mentioned(text: str) -> Mentioned:
    """The years (2023), months (3月, 2023/3) and days (10日, 2023/3/10) written in `text` (NFKC-folded first)."""
    text = unicodedata.normalize("NFKC", text)
    years = {int(y) for y in _YEAR_IN_TEXT.findall(text)}
    months = {int(m) for m in _MONTH_IN_TEXT.findall(text)}
    days = {int(d) for d in _DAY_IN_TEXT.findall(text)}
    for y, mo, d in _NUMERIC_DATE.findall(text):
        years.add(int(y))
        months.add(int(mo))
        if d:
            days.add(int(d))
    return Mentioned(frozenset(years), frozenset(months), frozenset(days))


# A two-digit year as Japanese news writes one (「24年までの目標」, 「22年2月」): not after a digit, an era name
# (平成24年), 同/年度 or 約 (約24年: a span), and followed by a month or a word that makes it a point in time
# (never 24年ぶり, 24年間, 24年前).
_SHORT_YEAR_RE = re.compile(r"(?<!この)(?<!ここ)(?<!過去)(?<!直近)(?<!最近)(?<![0-9年度同約計和成治正])([0-9]{2})年"
                            r"(?=[0-9]{1,2}月|には|に|まで|から|の|、|は|も|が|を|以降|以来|末|初め|初頭|前半|後半|"
                            r"中|時点|春|夏|秋|冬|比|」|）|\))")  # 21年比で: compared with 2021


def short_years(text: str, published_year: int | None) -> dict[int, str]:
    """The years `text` writes in two digits as a year, read in the century of a page of the 2000s:
    「24年までの目標」 on a page of 2023 -> {2024: '24年'}. Nothing for a page of another century or none."""
    if published_year is None or not 2000 <= published_year <= 2099:
        return {}
    text = unicodedata.normalize("NFKC", text)
    return {2000 + int(yy): f"{yy}年" for yy in _SHORT_YEAR_RE.findall(text)}


def short_year_words(text: str, year: int) -> tuple[str, ...]:
    """Where `text` writes the two digits of `year` with 年 after no digit, with the two characters that
    follow (「24年ぶり」), for a message saying why it is not read as that year."""
    text = unicodedata.normalize("NFKC", text)
    pattern = re.compile(rf"(?<![0-9])({year % 100:02d}年.{{0,2}})")
    return tuple(dict.fromkeys(m.group(1) for m in pattern.finditer(text)))


RELATIVE_YEARS = (("さきおととし", -3), ("一昨年", -2), ("おととし", -2), ("再来年", 2), ("さらいねん", 2), ("昨年", -1),
                  ("去年", -1), ("来年", 1), ("今年", 0), ("ことし", 0), ("本年", 0))
"""Words that count years from the date a page was written, longest first (一昨年 before 昨年), in kanji and in
kana (holdout_v14: 「おととし10月」 on a 2025 page was read as 「おととし2025年10月」, a wrong year)."""


def opens_with_day(line: str, month: int, day: int) -> bool:
    """Whether `line` (NFKC-folded) opens with the month and day given (「5月23日 19時26分」): a page's date line, with or
    without its year after (`quizgen.extract.dating` finds it, `quizgen.bank.dating` accepts a basis quoting it)."""
    return re.match(rf"\s*0?{month}\s*月\s*0?{day}\s*日(?![0-9])", unicodedata.normalize("NFKC", line)) is not None


def relative_year(text: str) -> tuple[str, int] | None:
    """The first year-relative word in `text` and its offset from the page's year (昨年 -1, 来年 +1), or None."""
    found = [(text.find(word), word, offset) for word, offset in RELATIVE_YEARS if word in text]
    if not found:
        return None
    _pos, word, offset = min(found)
    return word, offset


_RELATIVE_RE = re.compile(
    "|".join(word for word, _ in RELATIVE_YEARS) + r"|翌年|前年|先月|今月|来月|翌月|前月|先週|今週|来週|本日|今日|昨日|明日|"
    r"先日|同日|同月|同年|当日|曜日?|初め|年初|年末|月末|上旬|中旬|下旬|"
    r"\b(?:this|last|next) (?:year|month|week)\b|\b(?:yesterday|today|tomorrow)\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bearly this\b",
    re.IGNORECASE,
)


def relative_words(text: str) -> tuple[str, ...]:
    """The relative or partial time expressions in `text` (来年, 先月, 金曜日, 今年の初め, last year), in order."""
    return tuple(m.group(0) for m in _RELATIVE_RE.finditer(unicodedata.normalize("NFKC", text)))


_WEEKDAY_ONLY_RE = re.compile(r"[(（]\s*(?P<ja>[月火水木金土日])(?:曜日?)?\s*[)）]"
                              r"|[(（]\s*(?P<en>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*[)）]")
_EN_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def typed_weekday(text: str) -> int | None:
    """The weekday written in brackets after a date (``(金)``, ``(Fri)``), Monday = 0; None if there is none."""
    m = _WEEKDAY_ONLY_RE.search(text)
    if m is None:
        return None
    return "月火水木金土日".index(m.group("ja")) if m.group("ja") else _EN_DAYS.index(m.group("en"))


def weekday_ok(date: PartialDate, weekday: int | None) -> bool:
    """A weekday typed with a complete date must be that date's."""
    if weekday is None or None in (date.year, date.month, date.day):
        return True
    assert date.year is not None and date.month is not None and date.day is not None
    return calendar.weekday(date.year, date.month, date.day) == weekday


_IN_TEXT_RE = re.compile(r"(?P<y>\d{4})\s*(?:年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?"
                         r"|[-/.](?P<m2>\d{1,2})(?:[-/.](?P<d2>\d{1,2}))?)")


def dates_in(text: str) -> list[PartialDate]:
    """Every year-month(-day) date written in digits in `text` (2023年2月24日, 2023-02-24, 2023-02), in order."""
    out = []
    for m in _IN_TEXT_RE.finditer(text):
        month, day = m.group("m") or m.group("m2"), m.group("d") or m.group("d2")
        date = _valid(PartialDate(int(m.group("y")), int(month), int(day) if day else None))
        if date is not None:
            out.append(date)
    return out
