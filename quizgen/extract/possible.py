"""Whether a false statement that swaps a date is still a claim someone could make.

A false statement tests reading, not logic: 「期間は10月11日から10月10日まで」 (a range that ends before it starts) or
「米沿岸警備隊は10月1日、10月11日に…確認したと公表した」 (a sighting after its own announcement) is false on its
face, so no student needs the article to reject it. `possible` says whether a swapped date keeps the sentence's own
order: the start of a range no later than its end, what a report tells no later than the report, nothing the
article tells as past after the page's date (nor a plan before it), and no date that another one's 翌 (the next day) ties to it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence

from quizgen.extract.dating import PageDate, Resolved

_DATE = re.compile(r"([0-9]{4})年(?:([0-9]{1,2})月)?(?:([0-9]{1,2})日)?")
_RANGE = re.compile(r"(?:から|[～〜~－-])")  # 10月1日から10日まで, 3月20～22日
# what tells of an earlier event: 米沿岸警備隊は1日、28日に…確認したと公表した
_REPORTED = re.compile(r"と(?:発表|公表|明らかに|報告|伝え|表明|説明|指摘)")
_REPORT_DATE = re.compile(r"(?:に)?、")  # the date of the report, before what it tells: …は1日、

Range = tuple[dt.date, dt.date]


def span_of(year: int, month: int | None, day: int | None) -> Range:
    """The first and last day a date written to the year, month or day may mean."""
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day), dt.date(year, month, day)


def parse(text: str) -> Range | None:
    """A date written as `ja_date` writes it (2024年10月11日, 2024年10月, 2018年), or None."""
    m = _DATE.fullmatch(text)
    if m is None:
        return None
    try:
        return span_of(int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None)
    except ValueError:
        return None


def possible(sentence: str, answer: Resolved, false: str, resolved: Sequence[Resolved], page: PageDate) -> bool:
    """Whether `sentence` with `false` written for the date `answer` keeps the order the sentence gives its dates."""
    swapped = parse(false)
    if swapped is None:
        return True
    lo, hi = swapped
    true = span_of(answer.year, answer.month, answer.day)
    if page.published is not None and (true[1] <= page.published < lo or hi < page.published < true[0]):
        return False  # what the page tells as past stays before its date, what it tells as ahead stays after it
    others = [r for r in resolved if r.end <= answer.start or answer.end <= r.start]
    before = [r for r in others if r.end <= answer.start]
    after = [r for r in others if answer.end <= r.start]
    if sentence[answer.start - 1:answer.start] == "翌" or (after and sentence[after[0].start - 1:after[0].start] == "翌"):
        return False  # 1日は建国75周年、翌2日は…: the day before the next, no other
    if after and _RANGE.fullmatch(sentence[answer.end:after[0].start]) and lo > _span(after[0])[1]:
        return False  # 10月11日から10月10日まで: the start after the end
    if before and _RANGE.fullmatch(sentence[before[-1].end:answer.start]) and hi < _span(before[-1])[0]:
        return False  # 10月11日から10月1日まで: the end before the start
    told = _REPORTED.search(sentence, answer.end)
    if told is None:
        return True
    for r in before:  # the answer is what the report tells: no later than the report
        if _REPORT_DATE.match(sentence, r.end) and lo > _span(r)[1]:
            return False
    if _REPORT_DATE.match(sentence, answer.end):  # the answer is the report's date: no earlier than what it tells
        return not any(r.start < told.start() and hi < _span(r)[0] for r in after)
    return True


def _span(r: Resolved) -> Range:
    return span_of(r.year, r.month, r.day)
