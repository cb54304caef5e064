"""Dates in an article resolved from its own date: 「16日」 on a page dated 2024-05-16 is 2024年5月16日,
「昨年10月」 is 2023年10月, and each resolved date carries the `date_basis` that `quizgen check` verifies.

- A date the sentence writes with its year (2024年7月3日, 2024年7月, 2023年) is `stated` by that clause.
- 今年/昨年/来年… with a month (and day) is `article-date`: the year counted from the page's `published`.
- A day or a month and day without a year (16日, 5月7日, 今月7日) takes the page's year and month; it is
  `stated` when the article writes its own date in full (a stamp such as 「2024年5月16日(木) 21:05配信」),
  quoted with the clause; without such a stamp only an event of the page's own month can be dated
  (`article-date` with a note), at month precision.
- Anything else (先月20日 without a stamp that shows the month) is left unresolved: it is not asked.

Pure: no I/O, no clock; the page's date comes in.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from quizgen.bank.model import DateBasis, DateHow, Text
from quizgen.japanese.dates import RELATIVE_YEARS, mentioned, opens_with_day, relative_year

_D = r"[0-9０-９]"
_FULL = re.compile(rf"(?<![0-9０-９])({_D}{{4}})年({_D}{{1,2}})月(?:({_D}{{1,2}})日)?")
_YEAR = re.compile(rf"(?<![0-9０-９])({_D}{{4}})年(?!{_D}{{1,2}}月|度|代|間|ぶり|以上)")
# a relative year and its month, also across は/も (去年は7月に: 2024年7月, never the page's year)
# a year in two digits as news writes it (18年に離脱, 23年12月, 24年3月には): a year of the 2000s, on a page of the 2000s;
# never after a digit, an era name, 同/第/約 (約24年: a span) or この/ここ/過去 (この10年: a decade), nor before ぶり/間/前/度/代
# (quizgen.japanese.dates)
_SHORT = re.compile(r"(?<!この)(?<!ここ)(?<!過去)(?<!直近)(?<!最近)"
                    rf"(?<![0-9０-９年度同約計和成治正第])({_D}{{2}})年(?:({_D}{{1,2}})月(?:({_D}{{1,2}})日)?)?"
                    r"(?=[0-9０-９]|には|に|まで|から|の|、|は|も|が|を|以降|以来|末|初め|初頭|前半|後半|"
                    r"中|時点|春|夏|秋|冬|」|）|\))")
_REL = re.compile(rf"({'|'.join(w for w, _ in RELATIVE_YEARS)})(?:(?:の|は|も)?({_D}{{1,2}})月(?:({_D}{{1,2}})日)?)?")
_MONTH_REL = re.compile(rf"(今月|先月|来月)({_D}{{1,2}})日")
_MONTH_ALONE = re.compile(rf"(今月|先月|来月)(?!{_D}|の{_D})")  # 中国が先月公表した
_MONTH_DAY = re.compile(rf"(?<![0-9０-９年/〜～~])({_D}{{1,2}})月(?:({_D}{{1,2}})日)?(?!{_D})")
_DAY = re.compile(rf"(?<![0-9０-９月/.約余〜～~\-－])({_D}{{1,2}})日(?![間目ぶ本付前後余超程近以])")  # 約20日, 20日余り: spans;
# 3月20～22日: a range's end is of the month its start names, never the page's
_CLAUSE_END = "、。"
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


@dataclass(frozen=True)
class PageDate:
    """What an article says about its own date: `published` (from the source) and the verbatim line of the
    article that writes that date in full, if any (its stamp: a quote for `stated` bases)."""

    published: dt.date | None
    stamp: str | None = None
    years: frozenset[int] = frozenset()  # every year the article's text writes
    day_stamp: str | None = None  # a date line with no year (5月23日 19時26分, as broadcasters write it), where no stamp

    @classmethod
    def of(cls, text: str, published: str | None) -> PageDate:
        day = dt.date.fromisoformat(published) if published else None
        stamp = _stamp(text, day) if day else None
        return cls(day, stamp, mentioned(text).years, _day_stamp(text, day) if day and stamp is None else None)


@dataclass(frozen=True)
class Resolved:
    """One date expression of a sentence, resolved."""

    start: int  # span in the sentence
    end: int
    written: str  # as the sentence writes it: 今月7日
    year: int
    month: int | None
    day: int | None
    basis: DateBasis | None  # None: resolved for reading, but not provable to `quizgen check`: never asked

    @property
    def when(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p is not None]
        return "-".join(parts)

    @property
    def answer(self) -> str:
        return ja_date(self.year, self.month, self.day)

    @property
    def english(self) -> str:
        if self.month is None:
            return str(self.year)
        name = MONTHS_EN[self.month - 1]
        return f"{self.day} {name} {self.year}" if self.day is not None else f"{name} {self.year}"

    @property
    def precision(self) -> int:
        return 1 + (self.month is not None) + (self.day is not None)


def page_dated(text: str, most: int = 3) -> tuple[str, ...]:
    """The first `most` distinct expressions of `text`, in order, that only the page's date resolves (16日, 昨年,
    先月3日, 24年, 5月): what an article of unknown date leaves unresolved (hostile10: the note quoted 「16日」「昨年」
    from no article)."""
    found = sorted((m.start(), m.end(), m.group()) for p in (_SHORT, _REL, _MONTH_REL, _MONTH_DAY, _DAY)
                   for m in p.finditer(text))
    out: list[str] = []
    end = 0
    for start, stop, said in found:
        if start < end:  # inside one already taken (昨年7月 holds 7月)
            continue
        end = stop
        if said not in out:
            out.append(said)
    return tuple(out[:most])


def ja_date(year: int, month: int | None = None, day: int | None = None) -> str:
    return f"{year}年" + (f"{month}月" if month else "") + (f"{day}日" if month and day else "")


def _int(s: str) -> int:
    return int(unicodedata.normalize("NFKC", s))


def _stamp(text: str, day: dt.date) -> str | None:
    """The first line of `text` that writes the page's date in full (2024年5月16日, 2024/05/16, 2024.5.16)."""
    pattern = re.compile(rf"(?<![0-9]){day.year}\s*(?:年\s*0?{day.month}\s*月\s*0?{day.day}\s*日|"
                         rf"[/.\-]0?{day.month}[/.\-]0?{day.day}(?![0-9]))")
    for line in text.splitlines():
        if pattern.search(unicodedata.normalize("NFKC", line)):
            return line.strip()
    return None


def _day_stamp(text: str, day: dt.date) -> str | None:
    """The first short line of `text` that opens with the page's month and day and writes no year (「5月23日 19時26分」):
    the date line of a broadcaster's page, whose year is the registered date's (newuser15's holdout_v30 page drafted no
    date at all)."""
    for line in text.splitlines():
        folded = unicodedata.normalize("NFKC", line)
        if len(folded.strip()) <= 30 and opens_with_day(folded, day.month, day.day) and not mentioned(folded).years:
            return line.strip()
    return None


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause of `sentence` around [start, end): from the previous 、 to the next 、 or 。 (verbatim)."""
    lo = max(sentence.rfind(c, 0, start) for c in _CLAUSE_END) + 1
    his = [i for c in _CLAUSE_END if (i := sentence.find(c, end)) >= 0]
    hi = min(his) + 1 if his else len(sentence)
    return sentence[lo:hi].strip("、 ")


def resolve(sentence: str, page: PageDate, article: str) -> list[Resolved]:
    """Every date expression in `sentence` that can be resolved, left to right, never overlapping."""
    found: list[Resolved] = []
    taken: list[tuple[int, int]] = []

    def add(r: Resolved | None) -> None:
        if r is not None and not any(a < r.end and r.start < b for a, b in taken):
            taken.append((r.start, r.end))
            found.append(r)

    for m in _FULL.finditer(sentence):
        y, mo, d = _int(m.group(1)), _int(m.group(2)), _int(m.group(3)) if m.group(3) else None
        quote = _clause(sentence, m.start(), m.end())
        add(_valid(m, y, mo, d, DateBasis(DateHow.STATED, article, (quote,))))
    for m in _YEAR.finditer(sentence):
        add(_valid(m, _int(m.group(1)), None, None,
                   DateBasis(DateHow.STATED, article, (_clause(sentence, m.start(), m.end()),))))
    for pattern, read in ((_SHORT, _short), (_REL, _relative), (_MONTH_REL, _this_month), (_MONTH_ALONE, _month_alone),
                          (_MONTH_DAY, _month_day), (_DAY, _day)):
        for m in pattern.finditer(sentence):
            add(read(sentence, m, page, article))
    return sorted(found, key=lambda r: r.start)


def _valid(m: re.Match[str], y: int, mo: int | None, d: int | None, basis: DateBasis | None) -> Resolved | None:
    try:
        dt.date(y, mo or 1, d or 1)
    except ValueError:
        return None
    return Resolved(m.start(), m.end(), m.group(0), y, mo, d, basis)


def _short(sentence: str, m: re.Match[str], page: PageDate, article: str) -> Resolved | None:
    """18年, 23年12月: a year of the page's century written in two digits, stated by its clause; never a year after
    the page's (25年 on a page of 2024 is no report), nor one of a page outside the 2000s."""
    if page.published is None or not 2000 <= page.published.year <= 2099:
        return None
    year = 2000 + _int(m.group(1))
    if year > page.published.year:
        return None
    mo, d = (_int(m.group(2)) if m.group(2) else None), (_int(m.group(3)) if m.group(3) else None)
    quote = _clause(sentence, m.start(), m.end())
    if quote.endswith(m.group(0)):  # …部長だった18年、: the comma shows `quizgen check` it is a year
        quote += sentence[m.end():m.end() + 1]
    return _valid(m, year, mo, d, DateBasis(DateHow.STATED, article, (quote,)))


def _relative(sentence: str, m: re.Match[str], page: PageDate, article: str) -> Resolved | None:
    """昨年10月, 今年, 来年の3月5日: the year counted from the page's date (article-date)."""
    if page.published is None:
        return None
    word = m.group(1)
    offset = dict(RELATIVE_YEARS)[word]
    month = _int(m.group(2)) if m.group(2) else None
    day = _int(m.group(3)) if m.group(3) else None
    quote = _clause(sentence, m.start(), m.end())
    found = relative_year(quote)
    if found is None or found[0] != word:
        quote = m.group(0)  # the clause holds another relative word first: quote the expression alone
    return _valid(m, page.published.year + offset, month, day, DateBasis(DateHow.ARTICLE_DATE, article, (quote,)))


def _page_month(sentence: str, m: re.Match[str], page: PageDate, article: str, month: int, day: int | None,
                ) -> Resolved | None:
    """A date of the page's year (its month `month`, day `day`): stated with the page's stamp, or, without one,
    article-date at the page's month when it is the page's own month."""
    assert page.published is not None
    year = page.published.year
    quote = _clause(sentence, m.start(), m.end())
    if page.stamp is not None:
        stamp_months = mentioned(page.stamp).months
        if month in stamp_months or month in mentioned(quote).months:
            return _valid(m, year, month, day, DateBasis(DateHow.STATED, article, (page.stamp, quote)))
        return _valid(m, year, month, day, None)
    if page.day_stamp is not None and month == page.published.month:  # 23日 on a page dated 「5月23日 19時26分」
        note = Text(f"記事の日付欄「{page.day_stamp}」と掲載日({page.published.isoformat()})から。",
                    f"From the page's date line and its date, {page.published.isoformat()}.")
        return _valid(m, year, month, day, DateBasis(DateHow.ARTICLE_DATE, article, (page.day_stamp, quote), note=note))
    if month == page.published.month and month in mentioned(quote).months:  # 「翌17日」 alone shows no month to check
        note = Text(f"記事の日付({ja_date(year, page.published.month, page.published.day)})の報道が伝える同月の出来事。",
                    f"An event of the same month as the report dated {page.published.isoformat()}.")
        return _valid(m, year, month, None, DateBasis(DateHow.ARTICLE_DATE, article, (quote,), note=note))
    return _valid(m, year, month, day, None)


def _this_month(sentence: str, m: re.Match[str], page: PageDate, article: str) -> Resolved | None:
    """今月7日, 先月20日, 来月1日."""
    if page.published is None:
        return None
    shift = {"今月": 0, "先月": -1, "来月": 1}[m.group(1)]
    index = page.published.year * 12 + page.published.month - 1 + shift
    year, month = divmod(index, 12)
    if year != page.published.year:
        return None  # 先月 in January: a year the page does not write
    return _page_month(sentence, m, page, article, month + 1, _int(m.group(2)))


def _month_alone(sentence: str, m: re.Match[str], page: PageDate, article: str) -> Resolved | None:
    """先月 alone: the month before the page's (中国が先月公表した on a page of 2023-03-22: 2023年2月), printed for the
    word in a prompt that stands alone (holdout_v17) but never asked: no basis `quizgen check` verifies."""
    if page.published is None:
        return None
    shift = {"今月": 0, "先月": -1, "来月": 1}[m.group(1)]
    year, month = divmod(page.published.year * 12 + page.published.month - 1 + shift, 12)
    if year != page.published.year:
        return None  # 先月 in January: a year the page does not write (`quizgen check` would refuse it in a prompt)
    return _valid(m, year, month + 1, None, None)


def _month_day(sentence: str, m: re.Match[str], page: PageDate, article: str) -> Resolved | None:
    """5月7日, 7月 (no year): the page's year when it is not after the page's month by more than one."""
    if page.published is None:
        return None
    month, day = _int(m.group(1)), (_int(m.group(2)) if m.group(2) else None)
    if not 1 <= month <= 12 or month > page.published.month + 1:
        return None  # 11月 on a page of May: last year's or next year's, the page cannot say
    return _page_month(sentence, m, page, article, month, day)


def _day(sentence: str, m: re.Match[str], page: PageDate, article: str) -> Resolved | None:
    """16日 (no month): a day of the page's month, up to ten days after the page's date."""
    if page.published is None:
        return None
    day = _int(m.group(1))
    if not 1 <= day <= 31 or day > page.published.day + 10:
        return None
    return _page_month(sentence, m, page, article, page.published.month, day)


def rewrite(text: str, page: PageDate, allowed_years: frozenset[int], keep: tuple[int, int] | None = None) -> str:
    """`text` with each relative or partial date replaced by its resolved form where its year may be printed
    (`allowed_years`: the years the article writes, and the item's own); `keep` is a span left as it is."""
    parts: list[str] = []
    pos = 0
    for r in resolve(text, page, ""):
        if keep is not None and keep[0] < r.end and r.start < keep[1]:
            continue
        if r.year not in allowed_years or r.written == r.answer:
            continue
        parts.append(text[pos:r.start])
        parts.append(r.answer)
        pos = r.end
    parts.append(text[pos:])
    return "".join(parts)
