"""Candidate rules for dates and numbers: dates resolved from the page's date, anniversaries,
durations (…ぶり, …にわたり), quantities with a counter, fractions and ordinals.
"""

from __future__ import annotations

import re

from quizgen.bank.model import AnswerType, Category, DateHow, ItemKind
from quizgen.extract.dating import PageDate, resolve
from quizgen.extract.rules.candidate import Candidate
from quizgen.extract.sentences import Sentence

_NUM = r"[0-9０-９]+(?:[.,][0-9０-９]+)?|[一二三四五六七八九十百千万]+"
_AGO = re.compile(rf"(?:約|およそ)?(?P<n>{_NUM}|数)(?P<unit>年半?|か月|カ月|ヶ月|週間|日)ぶり")
# How long something has lasted: 「侵攻から2年半が過ぎ」「約1カ月にわたって」「約1時間にわたり」
_MORE_OR_LESS = r"(?:以上|余り|あまり|超|近く)"  # 5年以上, 20余り
_SPAN = re.compile(rf"(?:約|およそ)?(?:{_NUM})(?:年半|年|か月|カ月|ヶ月|週間|日間|時間)(?:半)?{_MORE_OR_LESS}?"
                   r"(?=が過ぎ|が経|がたち|にわたり|にわたって|にわたる|に及ぶ|続い)")
# a term a text sets: 有効期間は（20年）, 任期は（5年）, （5年）ずつ延長 (holdout_v29: a treaty's term, its renewals)
_TERM = re.compile(rf"(?<=期間は|任期は|期限は)(?:約|おおよそ)?(?:{_NUM})(?:年|か月|カ月|ヶ月|日)間?(?![0-9０-９月])"
                   rf"|(?:{_NUM})(?:年|か月|カ月|ヶ月)(?=ずつ)")
_ANNIV = re.compile(rf"(?:{_NUM})周年|(?<=創設)(?:{_NUM})年|(?<=設立)(?:{_NUM})年|(?<=建国)(?:{_NUM})年|"
                    rf"(?<=から)(?:{_NUM})年(?=という|の節目|を迎え|となる|にあたる)|(?<=戦後)(?:{_NUM})年|"
                    rf"(?<=国交樹立)(?:{_NUM})年|(?<=国交正常化)(?:{_NUM})年")
_COUNTERS = ("回目", "度目", "番目", "期目", "期", "キロ", "カ国目", "隻", "基", "社", "都市", "種類",
             "つ", "項目", "カ国", "か国", "ヶ国", "カ国・地域", "か国・地域", "人", "回", "件", "億ドル", "万ドル", "ドル",
             "億円", "兆円", "円", "%", "％", "割", "機", "隻", "発", "万人", "億人", "日間", "時間", "年間", "週間",
             "カ月", "か月", "ヶ月", "キロ", "km", "トン", "倍", "位", "か所", "カ所", "国家", "周年", "年",
             "カ条", "か条", "条",
             "立方メートル", "平方キロ", "キロメートル", "メートル", "バレル", "ユーロ", "ルーブル", "人民元", "元", "台")
_COUNTER_RE = "|".join(re.escape(c) for c in sorted(_COUNTERS, key=len, reverse=True))
_QUANTITY = re.compile(rf"(?<![0-9０-９年月/.万億兆])(?:約|およそ|計|少なくとも)?((?:{_NUM})(?:[万億兆][0-9０-９]*)*)"
                       rf"({_COUNTER_RE}|(?=余り|あまり|以上))(半?{_MORE_OR_LESS}?)")
_FRACTION = re.compile(r"(?:約|およそ)?[0-9０-９一二三四五六七八九十]+分の[0-9０-９一二三四五六七八九十]+")
_ORDINAL = re.compile(r"第[0-9０-９一二三四五六七八九十]+(?=の|位|回|次|弾|期|位)")

_RELATIVE_WORD = re.compile(r"昨年|去年|今年|ことし|来年|本年|先月|今月|来月|同月|同日|前日|翌日|昨日|今日|きょう|あす|明日")


def dates(s: Sentence, page: PageDate, article: str) -> list[Candidate]:
    """Dates resolved from the page's date that `quizgen check` can verify (see `quizgen.extract.dating`),
    anniversaries (75周年, 創設80年) and times since (6年ぶり). A relative word alone (今年, 先月) is never asked."""
    out: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for r in resolve(s.text, page, article):
        taken.append((r.start, r.end))
        if r.basis is None or (r.month is None and r.written != r.answer and r.written in ("今年", "ことし", "本年")):
            continue  # not provable, or 「今年は…」: the page's own year is no fact
        if r.basis.how is DateHow.ARTICLE_DATE and s.text[:r.start].count("「") > s.text[:r.start].count("」"):
            continue  # 「今年は…」と語った (last November): a quotation counts from the day it was said, not the page's
        ask = "日付" if r.day is not None else "年月" if r.month is not None else "年"
        written = () if _RELATIVE_WORD.search(r.written) else (r.written,)  # 昨年4月 means nothing on a card (newuser17)
        accept = tuple(dict.fromkeys(a for a in (*written, r.english, r.when.replace("-", "/")) if a != r.answer))
        out.append(Candidate(s, Category.DATES, ItemKind.DATE, r.written, r.start, r.end, ask, "date",
                             answer_type=AnswerType.DATE, accept=accept, date=r))
    for m in _AGO.finditer(s.text):
        if any(a < m.end() and m.start() < b for a, b in taken) or not re.match(_NUM, m.group("n")):
            continue  # 数年ぶり: no number to learn
        taken.append((m.start(), m.end()))
        n, unit = m.group("n"), m.group("unit")  # 24年ぶり: the blank is on 24, 年ぶり stays (asked as how many years)
        out.append(Candidate(s, Category.DATES, ItemKind.DURATION, n, m.start("n"), m.end("n"), "数", "n-years-since",
                             answer_type=AnswerType.NUMBER, accept=(f"{n}{unit}ぶり",)))  # not 24年: 2024年 prints it
    for rule, kind, pattern in (("anniversary", ItemKind.ANNIVERSARY, _ANNIV),):
        for m in pattern.finditer(s.text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            bare = re.sub(r"^(約|およそ)", "", m.group(0))
            out.append(Candidate(s, Category.DATES, kind, m.group(0), m.start(), m.end(), "数", rule,
                                 answer_type=AnswerType.NUMBER, accept=(bare,) if bare != m.group(0) else ()))
    return out


def numbers(s: Sentence) -> list[Candidate]:
    out: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for m in (*_SPAN.finditer(s.text), *_TERM.finditer(s.text)):
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
        if m.group(2).endswith("条") and re.fullmatch(r"[\u4e00-\u9fff]", s.text[m.start() - 1:m.start()] or "全") \
                and s.text[m.start() - 1] != "全":
            continue  # 第5条, 憲章51条: which article, not how many (前文と25条, 全25条 count them)
        if s.text[m.start() - 1:m.start()] in ("〜", "～", "~"):
            continue  # 5〜（50人）の団体旅行: the end of a range is half a fact
        bare = f"{m.group(1)}{m.group(2)}{m.group(3)}"
        plain = () if m.group(3) else (m.group(1),)  # 20余り is not 20
        out.append(Candidate(s, Category.POSITIONS, ItemKind.NUMBER, m.group(0), m.start(), m.end(), "数", "number",
                             answer_type=AnswerType.NUMBER,
                             accept=tuple(dict.fromkeys(a for a in (bare, *plain) if a != m.group(0)))))
    for m in (*_FRACTION.finditer(s.text), *_ORDINAL.finditer(s.text)):
        bare = re.sub(r"^(約|およそ)", "", m.group(0))
        out.append(Candidate(s, Category.POSITIONS, ItemKind.NUMBER, m.group(0), m.start(), m.end(), "数", "number",
                             answer_type=AnswerType.TEXT, accept=(bare,) if bare != m.group(0) else ()))
    return out
