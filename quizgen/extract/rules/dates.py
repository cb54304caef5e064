"""Candidate rules for dates and numbers: full and partial dates, years, days, relative dates,
anniversaries, durations (…ぶり, …にわたり), quantities with a counter, fractions and ordinals.
"""

from __future__ import annotations

import re

from quizgen.bank.model import AnswerType, Category, ItemKind
from quizgen.extract.rules.candidate import Candidate
from quizgen.extract.sentences import Sentence

_NUM = r"[0-9０-９]+(?:[.,][0-9０-９]+)?|[一二三四五六七八九十百千万]+"
_FULL_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
_SLASH_DATE = re.compile(r"((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})")
_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(?!\d{0,2}日)")
_MONTH_DAY = re.compile(r"(?<![\d])(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"(?<![\d/])((?:19|20)\d{2})年(?![\d]{0,2}月)")
_DAY = re.compile(r"(?<![月\d０-９/])(\d{1,2})日(?=に|には|、|から|まで|の)")
_REL_MONTH = re.compile(r"(?:(今年|昨年|来年|同年|前年|翌年)|(?<![\d年]))(\d{1,2})月(?![\d]{0,2}日)(?:上旬|中旬|下旬|初め|末)?")
_AGO = re.compile(rf"(?:約|およそ)?(?:{_NUM}|数)(?:年半?|か月|カ月|ヶ月|週間|日)ぶり")
# How long something has lasted: 「侵攻から2年半が過ぎ」「約1カ月にわたって」「約1時間にわたり」
_SPAN = re.compile(rf"(?:約|およそ)?(?:{_NUM})(?:年半|年|か月|カ月|ヶ月|週間|日間|時間)(?:半)?"
                   r"(?=が過ぎ|が経|がたち|にわたり|にわたって|にわたる|に及ぶ|続い)")
_ANNIV = re.compile(rf"(?:{_NUM})周年|(?<=創設)(?:{_NUM})年|(?<=設立)(?:{_NUM})年|(?<=建国)(?:{_NUM})年|"
                    rf"(?<=から)(?:{_NUM})年(?=という|の節目|を迎え|となる|にあたる)|(?<=戦後)(?:{_NUM})年")
_RELATIVE = re.compile(r"(今年の初め|今年初め|昨年末|昨年|今年|来年|先月|今月|来月|先週|今週|来週|前日|翌日|同日|"
                       r"[月火水木金土日]曜日?|(?:わずか)?数(?:日|週間|か月|カ月|年)(?:前|後)|年内|年末|年初|近年|当時)")
_COUNTERS = ("回目", "度目", "番目", "キロ", "カ国目", "隻",
             "つ", "項目", "カ国", "か国", "ヶ国", "カ国・地域", "か国・地域", "人", "回", "件", "億ドル", "万ドル", "ドル",
             "億円", "兆円", "円", "%", "％", "割", "機", "隻", "発", "万人", "億人", "日間", "時間", "年間", "週間",
             "カ月", "か月", "ヶ月", "キロ", "km", "トン", "倍", "位", "か所", "カ所", "国家", "周年", "年")
_COUNTER_RE = "|".join(re.escape(c) for c in sorted(_COUNTERS, key=len, reverse=True))
_QUANTITY = re.compile(rf"(?<![0-9０-９年月/.])(?:約|およそ|計|少なくとも)?((?:{_NUM})(?:[万億兆])?)({_COUNTER_RE})")
_FRACTION = re.compile(r"(?:約|およそ)?[0-9０-９一二三四五六七八九十]+分の[0-9０-９一二三四五六七八九十]+")
_ORDINAL = re.compile(r"第[0-9０-９一二三四五六七八九十]+(?=の|位|回|次|弾|期|位)")
_PUBLISHED = re.compile(r"(公開日|配信日|掲載日|更新日|投稿日)\s*[:：]\s*")


class _Claims:
    """A sentence's date candidates whose answers do not overlap: the first to claim a span keeps it."""

    def __init__(self, s: Sentence) -> None:
        self.s = s
        self.out: list[Candidate] = []
        self.taken: list[tuple[int, int]] = []

    def add(self, m: re.Match[str], kind: ItemKind, ask: str, rule: str, *, when: str | None = None,
            answer_type: AnswerType = AnswerType.DATE, accept: tuple[str, ...] = (), question: str | None = None,
            answer: str | None = None) -> None:
        if any(a < m.end() and m.start() < b for a, b in self.taken):
            return
        self.taken.append((m.start(), m.end()))
        self.out.append(Candidate(self.s, Category.DATES, kind, answer or m.group(0), m.start(), m.end(), ask, rule,
                                  question=question, answer_type=answer_type, when=when, accept=accept))


def dates(s: Sentence) -> list[Candidate]:
    claims = _Claims(s)
    _calendar_dates(claims, s.text)  # the most exact claims first
    _date_phrases(claims, s.text)
    return claims.out


def _calendar_dates(claims: _Claims, text: str) -> None:
    """Full dates (2024年7月4日, 2024/07/04), year and month, month and day."""
    pub = _PUBLISHED.search(text)
    for m in _FULL_DATE.finditer(text):
        y, mo, d = (int(g) for g in m.groups())
        claims.add(m, ItemKind.DATE, "日付", "date", when=f"{y:04d}-{mo:02d}-{d:02d}",
                   accept=(f"{y}/{mo}/{d}", f"{y}-{mo:02d}-{d:02d}"))
    for m in _SLASH_DATE.finditer(text):
        y, mo, d = (int(g) for g in m.groups())
        q = f"ページに記された{pub.group(1)}はいつか。" if pub else None
        claims.add(m, ItemKind.DATE, "日付", "date", when=f"{y:04d}-{mo:02d}-{d:02d}", answer=f"{y}年{mo}月{d}日",
                   accept=(m.group(0), f"{y}/{mo}/{d}", f"{y}-{mo:02d}-{d:02d}"), question=q)
    for m in _YEAR_MONTH.finditer(text):
        y, mo = int(m.group(1)), int(m.group(2))
        claims.add(m, ItemKind.DATE, "年月", "date", when=f"{y:04d}-{mo:02d}")
    for m in _MONTH_DAY.finditer(text):
        claims.add(m, ItemKind.DATE, "日付", "date")


def _date_phrases(claims: _Claims, text: str) -> None:
    """Anniversaries, years since, a year or a day alone, and relative times (先月, 来年の春)."""
    for m in _ANNIV.finditer(text):
        claims.add(m, ItemKind.ANNIVERSARY, "数", "anniversary", answer_type=AnswerType.NUMBER)
    for m in _AGO.finditer(text):
        claims.add(m, ItemKind.DURATION, "期間", "n-years-since", answer_type=AnswerType.NUMBER)
    for m in _YEAR.finditer(text):
        claims.add(m, ItemKind.DATE, "年", "year", when=m.group(1))
    for m in _DAY.finditer(text):
        claims.add(m, ItemKind.DATE, "日付", "day", answer_type=AnswerType.NUMBER)
    for m in _REL_MONTH.finditer(text):
        claims.add(m, ItemKind.DATE, "時期", "partial-date", answer_type=AnswerType.TEXT)
    for m in _RELATIVE.finditer(text):
        if m.group(0) in ("近年", "当時") or len(text) < 8:
            continue
        claims.add(m, ItemKind.DATE, "時期", "relative-date", answer_type=AnswerType.TEXT)


def numbers(s: Sentence) -> list[Candidate]:
    out: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for m in _SPAN.finditer(s.text):
        taken.append((m.start(), m.end()))
        bare = re.sub(r"^(約|およそ)", "", m.group(0))
        out.append(Candidate(s, Category.DATES, ItemKind.DURATION, m.group(0), m.start(), m.end(), "期間", "duration",
                             answer_type=AnswerType.NUMBER, accept=(bare,) if bare != m.group(0) else ()))
    for m in _QUANTITY.finditer(s.text):
        if m.group(2) in ("年", "周年") or re.match(r"(19|20)\d\d$", m.group(1)):
            continue  # years and anniversaries are dates
        if m.group(2) == "国家" and not s.text.startswith("解決", m.end()):
            continue
        if any(a < m.end() and m.start() < b for a, b in taken) or s.text.startswith("ぶり", m.end()):
            continue
        bare = f"{m.group(1)}{m.group(2)}"
        out.append(Candidate(s, Category.POSITIONS, ItemKind.NUMBER, m.group(0), m.start(), m.end(), "数", "number",
                             answer_type=AnswerType.NUMBER,
                             accept=tuple(dict.fromkeys(a for a in (bare, m.group(1)) if a != m.group(0)))))
    for m in (*_FRACTION.finditer(s.text), *_ORDINAL.finditer(s.text)):
        bare = re.sub(r"^(約|およそ)", "", m.group(0))
        out.append(Candidate(s, Category.POSITIONS, ItemKind.NUMBER, m.group(0), m.start(), m.end(), "数", "number",
                             answer_type=AnswerType.TEXT, accept=(bare,) if bare != m.group(0) else ()))
    return out
