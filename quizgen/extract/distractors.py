"""Wrong answers of the same kind for a draft: first from the same article, then from the bank's pools.

A person's distractors are the other people the article names, then the bank's people; a date's are the
article's other dates of the same precision, then the dates of the bank's items, then the nearest months;
a number's are the article's numbers with the same counter, then the bank's, then near values. None is an
accepted answer or a word the prompt prints. Terms and stances get none: a wrong phrase from the same
article may well be true.

`Choice.from_article` says the first distractor is one the article states about something else: only
then may a false statement swap it in (the article contradicts it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from quizgen.bank.model import Bank, Entity, EntityType, ItemKind, Text
from quizgen.extract.dating import MONTHS_EN, ja_date
from quizgen.japanese.dates import parse_when
from quizgen.japanese.normalise import normalise
from quizgen.japanese.titles import same_role, split_titles

TODO_EN = "TODO: translate"
WANTED = 3
_NUMBER = re.compile(r"^(約|およそ|計|少なくとも)?([0-9０-９]+(?:\.[0-9]+)?)([万億兆]?)(.*)$")
_TYPE_OF_KIND = {
    ItemKind.PERSON: EntityType.PERSON, ItemKind.COUNTRY: EntityType.COUNTRY, ItemKind.PLACE: EntityType.PLACE,
    ItemKind.ORGANISATION: EntityType.ORGANISATION, ItemKind.FORUM: EntityType.FORUM,
    ItemKind.DOCUMENT: EntityType.DOCUMENT, ItemKind.EVENT: EntityType.EVENT,
}


@dataclass(frozen=True)
class Named:
    """Something the article names, as a possible distractor: its type and its title in the article, if any."""

    ja: str
    en: str
    type: EntityType
    title: str | None = None


@dataclass(frozen=True)
class Pools:
    """What the article offers as distractors: named things, dates (year, month, day) and numbers as written."""

    named: tuple[Named, ...] = ()
    dates: tuple[tuple[int, int | None, int | None], ...] = ()
    numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Choice:
    texts: tuple[Text, ...]
    from_article: bool  # the first one is stated by the article about something else
    title: str | None = None  # the first one's title in the article (a person's)


def choose(kind: ItemKind, answer: str, accepted: Iterable[str], prompt: str, pools: Pools, bank: Bank,
           rng: random.Random, *, entity_type: EntityType | None = None, title: str | None = None,
           date: tuple[int, int | None, int | None] | None = None, written: dt.date | None = None,
           of: Entity | None = None) -> Choice:
    """Up to three distractors for an answer of `kind` (see the module doc). `written`: the page's date; a date
    before it gets no distractor after it (a wrong answer no student could pick: newuser11)."""
    taken = {normalise(a) for a in (answer, *accepted) if a}
    shown = normalise(prompt)

    def fresh(ja: str) -> bool:
        key = normalise(ja)
        return bool(key) and key not in taken and key not in shown

    if date is not None:
        return _dates(date, pools, bank, _other_clock(_by(written, date, fresh), date, accepted), rng)
    if kind in (ItemKind.NUMBER, ItemKind.ANNIVERSARY, ItemKind.DURATION):
        return _numbers(answer, pools, bank, fresh, anniversary=kind is ItemKind.ANNIVERSARY)
    etype = entity_type or _TYPE_OF_KIND.get(kind)
    if etype is None:
        return Choice((), False)

    def other_name(ja: str) -> bool:  # BRICS首脳会議 is BRICS again, not another forum
        key = normalise(ja)
        return fresh(ja) and not any(len(t) >= 2 and (t in key or key in t) for t in taken)

    titles = {title} if title else _posts(of) - _HONORIFICS if of is not None and etype is EntityType.PERSON else set()
    # (王毅氏 and 習近平氏: 氏 is no post they share)
    return _named(etype, titles, pools, bank, other_name, rng, answer, written)


_OTHER_CLOCK = re.compile(r"(?:日本時間|現地時間)の?([0-9０-９]{1,2})日")
_FULL_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def _other_clock(fresh: Fresh, date: tuple[int, int | None, int | None], accepted: Iterable[str]) -> Fresh:
    """`fresh`, and no wrong date that is the answer's day on another clock (newuser12: 「23日（日本時間24日）」 was
    asked with 2023年2月24日 among the wrong choices — right in Japan time)."""
    days = {int(unicodedata.normalize("NFKC", m.group(1))) for a in accepted for m in _OTHER_CLOCK.finditer(a)}
    if not days:
        return fresh

    def ok(ja: str) -> bool:
        m = _FULL_DATE.fullmatch(unicodedata.normalize("NFKC", ja))
        same = m is not None and (int(m.group(1)), int(m.group(2))) == (date[0], date[1]) and int(m.group(3)) in days
        return fresh(ja) and not same

    return ok


def _take(first: Sequence[Text], then: Sequence[Text], fresh: Fresh) -> Choice:
    out: list[Text] = []
    seen: set[str] = set()
    for t in (*first, *then):
        key = normalise(t.ja)
        if key in seen or not fresh(t.ja):
            continue
        seen.add(key)
        out.append(t)
        if len(out) == WANTED:
            break
    from_article = bool(out) and any(normalise(out[0].ja) == normalise(f.ja) for f in first)
    return Choice(tuple(out), from_article)


Fresh = Callable[[str], bool]  # whether a wrong answer is new: not an accepted answer, not in the prompt


_FEATURE = re.compile(r"(海峡|海|洋|湾|島|半島|州|省|県|市|区|地方|地域)$")
"""The kind of place a name's last word says (ベーリング海, 黒海, アラスカ州): a sea's wrong answers are seas."""


def _named(etype: EntityType, titles: set[str], pools: Pools, bank: Bank, fresh: Fresh, rng: random.Random,
           answer: str = "", written: dt.date | None = None) -> Choice:
    feature = _FEATURE.search(answer) if etype is EntityType.PLACE else None
    if feature is not None:  # newuser6: アフガニスタン offered beside ベーリング海
        fresh = _same_feature(fresh, feature.group(1))
    same = [n for n in pools.named if n.type is etype]
    people = [e for e in bank.entities if e.type is etype]
    if etype is EntityType.PERSON and titles:  # a president for a president: same title first
        known = {e.ja: _posts(e) for e in people}  # 中国の習近平（シー・ジンピン）国家主席: no title read, his posts
        same = sorted((n for n in same if any(_same_post(p, t) for p in ({n.title} if n.title else known.get(n.ja))
                                              or titles for t in titles)),
                      key=lambda n: n.title not in titles)
        # newuser9: 習近平 and プーチン offered as India's prime minister (インドの（　）首相)
        people = [e for e in people if not (posts := _posts(e)) or any(_same_post(p, t) for p in posts for t in titles)]
    if written is not None and etype in _OF_THEIR_TIME:  # newuser15: ゼレンスキー in a story of 2013; newuser16: a 2023
        # peace plan for a statement of 2005 (NATO or the UN are no less a wrong answer in 2005 than in 2025)
        since = _first_years(bank)
        people = [e for e in people if not _known_only_after(e, bank, written, since)]
    if etype is EntityType.PERSON and (script := _script(answer)):  # newuser16: イワノフ offered for a Chinese general
        fresh = _same_script(fresh, script)
    bank_side = [Text(e.ja, e.en) for e in people]
    rng.shuffle(bank_side)
    choice = _take([Text(n.ja, n.en) for n in same], bank_side, fresh)
    first = next((n for n in same if choice.texts and n.ja == choice.texts[0].ja), None)
    return dataclasses.replace(choice, title=first.title if first is not None else None)


_HONORIFICS = frozenset({"氏", "さん", "様"})
_OF_THEIR_TIME = frozenset({EntityType.PERSON, EntityType.DOCUMENT, EntityType.EVENT})  # not a country, body or forum
LATER = 2  # years: a person the bank knows only from pages this much newer than the story is no distractor for it


def _known_only_after(entity: Entity, bank: Bank, written: dt.date, first: dict[str, int] | None = None) -> bool:
    """Whether every page the bank knows `entity` from — its roles' quotes, and the items that ask it (`first`, by
    `_first_years`) — was published more than LATER years after `written` (ゼレンスキー, known from 2023-2025 pages, for
    a story of 2013; a 2023 peace plan for a statement of 2005): a name no student of that story could pick."""
    sources = [bank.source_by_id.get(r.article) for r in entity.roles]
    years = [int(y) for src in sources if src is not None and (y := str(src.published or "")[:4]).isdigit()]
    if first is not None and entity.id in first:
        years.append(first[entity.id])
    return bool(years) and min(years) > written.year + LATER


_FIRST_YEARS: dict[int, tuple[Bank, dict[str, int]]] = {}  # by the bank's identity: read once per bank


def _first_years(bank: Bank) -> dict[str, int]:
    """The year of the oldest page each entity is asked or quoted from: an item that asks it, or whose quote names it
    (グローバル安全保障イニシアティブ, named in a quote of 2023 and asked by no item); for one no dated page names, the
    bank's oldest page (岸田, in the bundled bank of 2023-2025 pages)."""
    held = _FIRST_YEARS.get(id(bank))
    if held is not None and held[0] is bank:
        return held[1]
    quoted: list[tuple[str, int]] = []
    out: dict[str, int] = {}
    for item in bank.items:
        for ev in item.evidence:
            src = bank.source_by_id.get(ev.article)
            year = str(src.published or "")[:4] if src is not None else ""
            if year.isdigit():
                quoted.append((ev.quote, int(year)))
                if item.entity:
                    out[item.entity] = min(out.get(item.entity, 9999), int(year))
    oldest = min((y for _q, y in quoted), default=None)
    for e in bank.entities:
        names = [n for n in (e.ja, *e.aliases) if len(n) >= 2]
        years = [y for quote, y in quoted if any(n in quote for n in names)]
        if years:
            out[e.id] = min(out.get(e.id, 9999), *years)
        elif e.id not in out and oldest is not None:
            out[e.id] = oldest  # named on no dated page: the bank knows it from its pages, the oldest of them at most
    _FIRST_YEARS.clear()
    _FIRST_YEARS[id(bank)] = (bank, out)
    return out


def _script(name: str) -> str:
    """"kanji" for a name written in kanji (梁光烈), "kana" for one in katakana (イワノフ), else "" (either may do)."""
    bare = re.sub(r"[・＝=\s]", "", name)
    if bare and all("\u3400" <= ch <= "\u9fff" or ch == "々" for ch in bare):
        return "kanji"
    if bare and all("\u30a1" <= ch <= "\u30fa" or ch == "ー" for ch in bare):
        return "kana"
    return ""


def _same_script(fresh: Fresh, script: str) -> Fresh:
    """`fresh` for names written as the answer is: a Chinese name's wrong answers are Chinese names, a Russian's Russian."""
    return lambda ja: fresh(ja) and _script(ja) == script


def _posts(person: Entity) -> set[str]:
    """The titles the bank gives a person: in their roles, and in their names (習近平国家主席 among 習近平's)."""
    return {r.ja for r in person.roles} | {t for a in person.aliases for t in split_titles(normalise(a))[1]}


def _same_post(one: str, other: str) -> bool:
    """Whether two titles name one kind of post (首相 and 総理大臣; not 国家主席 and 首相); a title the judge's groups do
    not know agrees with itself only."""
    a, b = normalise(one), normalise(other)
    return a == b or same_role(a, b) or same_role(b, a)


def _same_feature(fresh: Fresh, feature: str) -> Fresh:
    def ok(ja: str) -> bool:
        found = _FEATURE.search(ja)
        return fresh(ja) and found is not None and found.group(1) == feature

    return ok


def _dates(date: tuple[int, int | None, int | None], pools: Pools, bank: Bank, fresh: Fresh,
           rng: random.Random) -> Choice:
    _y, m, d = date
    precision = (m is not None) + (d is not None)

    def same(o: tuple[int, int | None, int | None]) -> bool:
        return (o[1] is not None) + (o[2] is not None) == precision

    article = [_date_text(*o) for o in pools.dates if same(o) and o != date]
    whens = [parse_when(i.when) for i in bank.items if i.when]
    bank_side = [_date_text(w.year, w.month, w.day) for w in whens
                 if w is not None and w.year is not None and same((w.year, w.month, w.day))]
    rng.shuffle(bank_side)
    near = [_date_text(*o) for o in _near(date)]
    return _take(article, [*near[:1], *bank_side, *near[1:]], fresh)


def _by(written: dt.date | None, date: tuple[int, int | None, int | None], fresh: Fresh) -> Fresh:
    """`fresh`, and for an answer dated no later than the page was `written`, no date after it, compared as precisely
    as the answer is (2022年12月 is not after a page of 2022-12-21; 2025年2月 is)."""
    size = 1 + (date[1] is not None) + (date[2] is not None)
    page = (written.year, written.month, written.day)[:size] if written is not None else None
    if page is None or date[:size] > page:
        return fresh  # a plan for next spring: later dates are fair wrong answers

    def before(ja: str) -> bool:
        m = _WHEN_OF.fullmatch(ja)
        return m is None or tuple(int(g) for g in m.groups() if g)[:size] <= page

    return lambda ja: fresh(ja) and before(ja)


_WHEN_OF = re.compile(r"([0-9]{4})年(?:([0-9]{1,2})月(?:([0-9]{1,2})日)?)?")


def _near(date: tuple[int, int | None, int | None]) -> list[tuple[int, int | None, int | None]]:
    y, m, d = date
    if m is None:
        return [(y - 1, None, None), (y + 1, None, None), (y - 2, None, None)]
    if d is None:
        return [(y, m % 12 + 1, None) if m < 12 else (y + 1, 1, None), (y - 1, m, None),
                (y, m - 1, None) if m > 1 else (y - 1, 12, None)]
    return [(y, m, d + 1 if d < 28 else d - 2), (y, m % 12 + 1, d) if m < 12 else (y, m - 1, d), (y - 1, m, d)]


def _date_text(y: int, m: int | None, d: int | None) -> Text:
    en = str(y) if m is None else (f"{d} {MONTHS_EN[m - 1]} {y}" if d else f"{MONTHS_EN[m - 1]} {y}")
    return Text(ja_date(y, m, d), en)


def _numbers(answer: str, pools: Pools, bank: Bank, fresh: Fresh, anniversary: bool = False) -> Choice:
    parsed = _NUMBER.match(answer)
    if parsed is None:
        return Choice((), False)
    prefix, digits, scale, counter = parsed.groups()
    if counter.endswith(_AT_LEAST) or prefix == "少なくとも":
        return Choice((), False)  # 5年以上: 4年以上 is true as well, 6年以上 may be; no number is surely wrong

    def same_counter(text: str) -> bool:
        m = _NUMBER.match(text)
        return m is not None and m.group(4) == counter and m.group(3) == scale

    article = [Text(n, TODO_EN) for n in pools.numbers if same_counter(n)]
    bank_side = [Text(i.answer.ja, i.answer.en) for i in bank.items
                 if i.kind in (ItemKind.NUMBER, ItemKind.ANNIVERSARY, ItemKind.DURATION) and same_counter(i.answer.ja)]
    value = float(digits)
    rough = prefix in ("約", "およそ") or counter.endswith(("余り", "あまり", "前後", "程度"))
    near = [Text(f"{prefix or ''}{_fmt(v)}{scale}{counter}", TODO_EN)
            for v in _near_values(value, "周年" if anniversary else counter, rough)]
    return _take(article, [*bank_side, *near], fresh)


_AT_LEAST = ("以上", "超", "近く")
_COUNTS = ("回目", "期目", "番目", "度目", "回", "期", "位", "カ国", "か国", "ヶ国", "人", "項目", "つ", "機", "隻")


def _near_values(value: float, counter: str, rough: bool = False) -> list[float]:
    """Plausible wrong numbers: neighbours for counts and ordinals (29回目 -> 28, 30, 31), steps of five for
    anniversaries (75周年 -> 70, 80, 85), halves and doubles for amounts (2400億 -> 1200, 3600, 4800) and for a rough
    count (およそ1800人 -> 900, 2700, 3600; newuser16: 「およそ1799人 / およそ1801人」 were no wrong answers)."""
    if counter == "周年" and value >= 20:
        return [value - 5, value + 5, value + 10]
    if value == int(value) and (counter.startswith(_COUNTS) or value < 20) and not (rough and value >= 20):
        return [v for v in (value - 1, value + 1, value + 2, value - 2) if v > 0][:3]
    return [_round(value * f) for f in (0.5, 1.5, 2)]


def _round(v: float) -> float:
    """Two significant figures: 3600, 35, 4.5."""
    if v <= 0:
        return v
    digits = len(str(int(v)))
    step = 10 ** max(0, digits - 2)
    return float(round(v / step) * step) if digits >= 2 else round(v, 1)


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:.1f}"
