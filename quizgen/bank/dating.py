"""The checks on dated facts: every `when` says how it follows from an article (`date_basis`), and that
derivation is checked; a year printed in an item is one the articles give.

`date_basis.how`:
- `stated`: the quotes write the year (and the month 3月 and day 10日 that `when` has); a year of the 2000s
  also as the two digits a page of the 2000s writes as a year (「24年までの目標」: 2024, `short_years`);
- `article-date`: the quotes hold 今年/昨年/来年/一昨年/再来年…, counted from the source's `published`
  date; or, with no such word, the page reports the event as just happened or under way: then `when` is
  the page's own year and month and `note` says how;
- `counted`: `from_year` (written in the article) + `years` = the year of `when` (6年ぶり after 2018).
In every case the quotes show the month and day that `when` has.

With the article texts: `from_year` must be written in the article, and a four-digit year in an item's
prompt, answer, statement, cloze or event must be in a cited article (in full, or as the two-digit year a page
of the 2000s writes: 2024 for 「24年までの目標」), be the year of the item's own dated
`when`, or be named in its `context` note. Every problem is added to the `Reader` with its place.
"""

from __future__ import annotations

import re

from quizgen.bank.model import Bank, DateBasis, DateHow, Item, Text
from quizgen.bank.records import Reader, suggest
from quizgen.japanese.dates import (
    PartialDate,
    mentioned,
    opens_with_day,
    parse_when,
    relative_year,
    short_year_words,
    short_years,
)
from quizgen.text import quoted

__all__ = ["check_dates", "check_years"]

_YEAR_RE = re.compile(r"(?<![0-9０-９])((?:19|20)[0-9]{2})(?![0-9０-９])")
_LEADING_DATE_RE = re.compile(r"\s*(?:(?:19|20)[0-9]{2}\s*(?:年|[:：,、])|[0-9]{1,2}月[0-9]{0,2}日?\s*[、,]?"
                              r"|(?:early|late|mid-?)?\s*(?:January|February|March|April|May|June|July|August|"
                              r"September|October|November|December)\b)", re.IGNORECASE)


def check_dates(bank: Bank, r: Reader, texts: dict[str, str] | None) -> None:
    """`when` and `date_basis` come together (drafts may lack a basis), and each basis holds."""
    for it in bank.items:
        _check_event(r, it)
        if it.when is not None and it.date_basis is None and not it.draft:
            r.flag("items", it.id, ("when",), "`when` needs a `date_basis`: how the date follows from an article "
                                              "(stated, article-date or counted)")
        elif it.date_basis is not None and it.when is None:
            r.flag("items", it.id, ("date_basis",), "`date_basis` without `when`: add the date it gives")
        elif it.date_basis is not None and it.when is not None:
            when = parse_when(it.when)
            if when is not None and when.year is not None:
                _check_basis(bank, r, it, it.date_basis, when, texts)


def _check_event(r: Reader, it: Item) -> None:
    """An event does not open with its date: the chronology prints `when` beside it (「2024年 | 2024年、ロシアが
    BRICSの議長国を務める」, review 11, s5) and the timeline exercise asks the order the date would give away."""
    for lang in ("ja", "en") if it.event is not None else ():
        text = getattr(it.event, lang)
        m = _LEADING_DATE_RE.match(text)
        if m is not None:
            r.flag("items", it.id, ("event", lang),
                   f"begins with its date ({quoted(m.group(0).strip())}): the timeline prints `when` beside the "
                   "event and its exercise asks the order; start with what happened")


def _check_basis(bank: Bank, r: Reader, it: Item, basis: DateBasis, when: PartialDate,
                 texts: dict[str, str] | None) -> None:
    source = bank.source_by_id.get(basis.article)
    if source is None:
        r.flag("items", it.id, ("date_basis", "article"),
               f"unknown article {quoted(basis.article)}{suggest(basis.article, bank.source_by_id)}")
        return
    seen = mentioned(" ".join(basis.quotes))
    if when.month is not None and when.month not in seen.months:
        r.flag("items", it.id, ("date_basis", "quotes"),
               f"the quotes do not show the month {when.month}月 of when {quoted(it.when)}")
    if when.day is not None and when.day not in seen.days:
        r.flag("items", it.id, ("date_basis", "quotes"), f"the quotes do not show the day {when.day}日 of when {quoted(it.when)}")
    if basis.how is not DateHow.COUNTED:
        for name in ("from_year", "years"):
            if getattr(basis, name) is not None:
                r.flag("items", it.id, ("date_basis", name), f"{name} is for how: counted, not {basis.how.value}")
    assert when.year is not None
    _check_year(r, it, basis, source.published, when.year, seen.years, texts)


def _check_year(r: Reader, it: Item, basis: DateBasis, published: str | None, year: int, seen: frozenset[int],
                texts: dict[str, str] | None) -> None:
    """The year of `when` as the basis gives it: written in the quotes, counted from the page's date, or counted from
    another year."""
    if basis.how is DateHow.COUNTED:
        _counted(r, it, basis, year, texts)
        return
    if published is not None and not is_date(published):
        return  # a year read or counted from the page's date waits for that date, whose own form is the problem
    if basis.how is DateHow.ARTICLE_DATE:
        _article_date(r, it, basis, published, year)
    elif year not in seen and year not in short_years(" ".join(basis.quotes), int(published[:4]) if published else None):
        r.flag("items", it.id, ("date_basis", "quotes"),
               f"stated: the quotes do not show the year {year}; a year found from the page's date is "
               "article-date, one counted from another year is counted")


def is_date(value: str) -> bool:
    """Whether `value` is a date YYYY-MM-DD of the calendar, as a source's `published` must be: only such a date is
    counted from (hostile19: 「2023-3-21」 asked seven items for 「when = the page's month ('2023-3-')」, and 「soon」
    ended `check` in a traceback)."""
    import datetime as dt

    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _article_date(r: Reader, it: Item, basis: DateBasis, published: str | None, year: int) -> None:
    if published is None:
        r.flag("items", it.id, ("date_basis", "article"),
               f"article-date: source {quoted(basis.article)} has no published date to count from")
        return
    relative = relative_year(" ".join(basis.quotes))
    if relative is None:
        if basis.note is not None and year == int(published[:4]) and _dates_the_page(basis.quotes, published):
            return  # 23日 on a page whose date line reads 「5月23日 19時26分」: the year is the page's
        if it.when != published[:7] or basis.note is None:
            r.flag("items", it.id, ("date_basis", "quotes"),
                   "article-date: the quotes have no 今年/昨年/来年…; an event the page reports as just happened "
                   f"needs when = the page's month ({quoted(published[:7])}) and a note saying how")
        return
    word, offset = relative
    counted = int(published[:4]) + offset
    if counted != year:
        r.flag("items", it.id, ("when",), f"article-date: {word} on a page published {published} is {counted}, not {year}")


def _dates_the_page(quotes: tuple[str, ...], published: str) -> bool:
    """Whether a quote is the page's date line without its year: it opens with the month and day of `published`."""
    return any(opens_with_day(q, int(published[5:7]), int(published[8:10])) for q in quotes)


def _counted(r: Reader, it: Item, basis: DateBasis, year: int, texts: dict[str, str] | None) -> None:
    if basis.from_year is None or basis.years is None:
        r.flag("items", it.id, ("date_basis",), "counted: needs from_year (a year the article writes) and years")
        return
    total = basis.from_year + basis.years
    if total != year:
        sign = "+" if basis.years >= 0 else "-"
        r.flag("items", it.id, ("date_basis", "years"),
               f"counted: {basis.from_year} {sign} {abs(basis.years)} = {total}, not {year} (the year of when)")
    text = texts.get(basis.article) if texts is not None else None
    if text is not None and basis.from_year not in mentioned(text).years:
        r.flag("items", it.id, ("date_basis", "from_year"),
               f"counted: {basis.from_year} is not written in article {basis.article}")


def check_years(bank: Bank, r: Reader, it: Item, texts: dict[str, str]) -> None:
    """A year in the prompt, answer, statement, cloze or event: in a cited article (in full, or its two digits
    written as a year on a page of the 2000s), the item's dated `when`, or its `context` note."""
    sources = [s for s in (bank.source_by_id.get(a) for a in it.articles) if s is not None]
    if any(s.published is not None and not is_date(s.published) for s in sources):
        return  # a two-digit year is read by the page's date, whose own form is the problem
    cited = "".join(texts.get(a, "") for a in it.articles)
    short: set[str] = set()
    for a in it.articles:
        source = bank.source_by_id.get(a)
        published = int(source.published[:4]) if source is not None and source.published else None
        short.update(str(y) for y in short_years(texts.get(a, ""), published))
    context = f"{it.context.ja} {it.context.en}" if it.context else ""
    own = it.when[:4] if it.when is not None and it.date_basis is not None else None
    for name in ("prompt", "answer", "statement", "cloze", "event"):
        val: Text | None = getattr(it, name)
        for lang in ("ja", "en") if val is not None else ():
            for year in _YEAR_RE.findall(getattr(val, lang)):
                if year not in cited and year not in short and year != own and year not in context:
                    r.flag("items", it.id, (name, lang),
                           f"year {year} is neither in the cited article(s) nor the item's dated when; "
                           f"{_not_read(cited, int(year))}a year from outside the articles goes in a `context` note")


def _not_read(cited: str, year: int) -> str:
    """Why the article's two digits of `year` are not that year (「24年ぶり」 is a span), or ''."""
    words = short_year_words(cited, year)
    if not words:
        return ""
    shown = "、".join(f"「{w}」" for w in words[:3])
    return (f"the article's {shown} is not read as {year} (a two-digit year counts before 月, に, まで, の… "
            "on a page of the 2000s); ")
