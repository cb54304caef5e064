"""Words of a lifted sentence that point back into the page (両国, 同船, 同航路, 同氏, 24年), resolved from the
sentences before it, or reported as unresolvable so the draft is not made.

A drafted prompt stands alone on a card: 「同船はこの後…に寄港する」 or 「両国の首相定期会談」 only make sense on the
page. What can be resolved is rewritten:

- 同 + a head noun (同航路, 同船, 同港, 同条約…) becomes the last name with that head written before it, in the
  sentence or the ones before (北極海航路 … 同航路 -> 北極海航路; コンテナ船「X」 … 同船 -> コンテナ船「X」);
- a bare topic (分科会は) becomes the longer name written before (北極海航路協力分科会は);
- 両国 (両首脳, 両政府, 両軍) becomes 中ロ両国: the pair the headline or an earlier sentence abbreviates (中ロ, 米中,
  日韓…), else a later one; else the pair one names (中国とロシア -> 中ロ); else the two countries the article names
  most — unless the sentence itself names two countries before it, one outside that pair (インドの首相は訪中し、
  …両国が): then the sentence's own two (中印);
- a two-digit year (24年6月) is written in full (2024年6月) when the article writes that year in full
  somewhere, or when it is one of the page's recent past years and no span (23年の貿易額 on a page of 2025; never
  10年の節目), and 同年 becomes the last year written before it.

What cannot be resolved (a subject with も: 米沿岸警備隊も — as who else?; no subject at all: 9月23日に…港を出港し、;
同氏, 同社, 同国; 同日 without a day
before it; 両国 without a pair; 双方 or 両氏 the sentence does not name; こうした) makes `resolve` return None:
the sentence has no standalone draft.

Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from quizgen.japanese import dates
from quizgen.japanese.countries import SHORT_COUNTRY

Span = tuple[int, int]

# 同 + a head noun whose antecedent ends with the same head (北極海航路 … 同航路)
_SAME_HEAD = ("航路", "条約", "協定", "船", "港", "機", "艦", "基地", "計画", "構想", "会合", "会議", "宣言", "声明",
              "連合", "協会", "団体", "機構", "連盟", "組合", "研究所", "通信")  # 全国養豚業者連合 … 同連合の代表 (round 25)
_NAME_CHARS = r"[\u30a1-\u30fa\u30fc\u4e00-\u9fffA-Za-z0-9・]"
# 同 + a head whose antecedent a rule cannot find safely: the draft is dropped
_NOT_AFTER = r"(?<![\u30a1-\u30fa\u30fc\u4e00-\u9fff])"  # 共同声明, 合同, 中露両首脳: no reference
_UNRESOLVED = re.compile(_NOT_AFTER + r"同(?:氏|社|国|省|党|紙|誌|局|庁|市|州|政権|政府|大統領|首相|外相|委員会|グループ)"
                         r"|こうした|そうした")
_SAME = re.compile(_NOT_AFTER + r"同(" + "|".join(sorted(_SAME_HEAD, key=len, reverse=True)) + r")")
_BOTH = re.compile(_NOT_AFTER + r"両(国|首脳|政府|軍)")
_EITHER = re.compile(_NOT_AFTER + r"(?:両氏|双方)")  # fine only where the sentence names both before it
_PAIR = re.compile(r"(?<![\u4e00-\u9fff\u30a1-\u30fa])([中日米ロ露朝韓印英仏独豪台伊加])([中日米ロ露朝韓印英仏独豪台伊加])"
                   r"(?=[、，,\s両間首関会貿軍合共の]|$)")
_SHORT_YEAR = re.compile(r"(?<!この)(?<!ここ)(?<!過去)(?<!直近)(?<!最近)(?<![0-9０-９年度同約計和成治正])([0-9]{2})年"
                         r"(?=[0-9]{1,2}(?:[〜～~][0-9]{1,2})?月|に|には|から|まで|の|、|は|以降|末|初め|秋|春|夏|冬|比)")
# after a two-digit year, what only a year can be followed by (30年までに, 21年比で; never 10年の節目, a span)
_YEAR_ONLY = re.compile(r"(?:比|までに|まで)")
_FULL_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")
_SAME_YEAR = re.compile(r"同年")
_COUNTRY = "|".join(sorted(SHORT_COUNTRY, key=len, reverse=True))
_TWO_COUNTRIES = re.compile(rf"({_COUNTRY})(?:と|や|、)({_COUNTRY})(?![\u30a1-\u30fa\u30fc\u4e00-\u9fff])")
_TWO_NAMED = re.compile(r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff]{2,}(?:と|や)[\u30a1-\u30fa\u30fc\u4e00-\u9fff]{2,}")
# a first clause that does something to an object with no subject before it (9月23日に…港を出港し、 最初の訪問先に中国を
#選び、): its subject is in a sentence before
_NO_SUBJECT = re.compile(r"^(?!しかし|これに|ただ|一方|また|さらに|なお)[^、。はがも「」]{1,30}を[^、。はがも「」]{0,12}?"
                         r"(?:し|び|り|み|き|ち|え|け|せ|して|って|んで)"
                         r"(?<!にとって)(?<!について)(?<!に対して)(?<!をめぐって)(?<!として)(?<!によって)(?<!に沿って)"
                         r"(?<!に向けて)(?<!を通じて)(?<!を受けて)(?<!をめぐり)(?<!に関し)、")
# 分科会は, named in full before (北極海航路協力分科会); 3 kanji at least: 中国は is a name, not a topic
_BARE_TOPIC = re.compile(r"^([\u4e00-\u9fff]{3,5})(?=は|が)")
_ALSO = re.compile(r"^[\u30a1-\u30fa\u30fc\u4e00-\u9fffA-Za-z・]{2,15}も(?!の)")  # 米沿岸警備隊も: as who else?
_SAME_DAY = re.compile(r"同日|同じ日|同月")


def short_years(text: str, years: frozenset[int], published: int | None = None) -> dict[Span, str]:
    """Two-digit years written in full (24年6月 -> 2024年6月, 30年までに -> 2030年までに, 21年比 -> 2021年比): those
    the article writes in full somewhere, and on a page of the 2000s one before まで or 比, which only a year can be
    (`quizgen check` reads it as one: `quizgen.japanese.dates.short_years`); never 10年の節目, a span."""
    out: dict[Span, str] = {}
    read = dates.short_years(text, published)
    for m in _SHORT_YEAR.finditer(text):
        year = 2000 + int(m.group(1))
        if year in years or (year in read and (_YEAR_ONLY.match(text, m.end()) or _past_year(text, m, year, published))):
            out[(m.start(), m.start() + 2)] = str(year)
    return out


# what only a span of years is followed by (10年の節目, 20年の歴史, 10年にわたり, 10年に一度): never a year
_SPAN_AFTER = re.compile(r"(?:の(?:節目|歴史|歳月|月日|歩み|長き|刑|懲役|任期|期間|間|経験|実績|年月)"
                         r"|に(?:わた|一度|1度|１度)|間)")
PAST_YEARS = 25  # a two-digit year of the 25 years up to the page's year is one the page looks back on (23年の貿易額)


def _past_year(text: str, m: re.Match[str], year: int, published: int | None) -> bool:
    """Whether a two-digit year `quizgen check` reads as a year (round 25: 「23年の農産品貿易額」 stayed 23年 where the
    article writes 2023 nowhere in full) is one of the page's recent past, before a month or a word that makes it a
    point in time, and not a span (10年の節目)."""
    return (published is not None and published - PAST_YEARS <= year <= published
            and _SPAN_AFTER.match(text, m.start() + 3) is None)


def short_year_spans(text: str) -> list[Span]:
    """Where `text` writes a two-digit year (21年10月には): a time of its own, resolvable or not."""
    return [(m.start(), m.end()) for m in _SHORT_YEAR.finditer(text)]


def has_short_year(text: str) -> bool:
    """Whether `text` writes a two-digit year (18年に): a time of its own, not the page's."""
    return _SHORT_YEAR.search(text) is not None


class _Unresolvable(Exception):
    """A page reference no rule resolves: the sentence has no standalone draft."""


def resolve(text: str, answer: Span, before: str, years: frozenset[int], after: str = "", published: int | None = None,
            ) -> dict[Span, str] | None:
    """What to print instead of the page references of `text` (a sentence; `answer` is the span its blank takes,
    `before` the headline and the sentences before it, `after` those after it, where only the pair 両国 means is
    looked for; `years` those the article writes in full), or None when one cannot be resolved."""
    out = short_years(text, years, published)
    try:
        for step in (_also, _also_topic, _bare_topic, _unresolved, _same_head, _either, _same_year, _same_day, _two_clocks):
            out |= step(text, answer, before, out)
        out |= _both(text, answer, before, after)
    except _Unresolvable:
        return None
    return out


def _also(text: str, answer: Span, _before: str, _done: Mapping[Span, str]) -> dict[Span, str]:
    if (m := _ALSO.match(text)) is not None and not _inside(m, answer):
        raise _Unresolvable  # 米沿岸警備隊も: as who else?
    if _NO_SUBJECT.match(text) is not None:
        raise _Unresolvable  # 9月23日に寧波舟山港を出港し、: which ship?
    return {}


# the sentence's subject with も (中国の耿爽国連次席大使も遺憾を表明し): "too" points at a sentence the card does not show
_ALSO_TOPIC = re.compile(r"^((?:[^、。「」はがをにでとへも]{1,20}の)?[\u30a1-\u30fa\u30fc\u4e00-\u9fffA-Za-z・（）()]{2,20})も"
                         r"(?=[、0-9０-９「\u4e00-\u9fff\u30a1-\u30fa])")


def _also_topic(text: str, answer: Span, _before: str, _done: Mapping[Span, str]) -> dict[Span, str]:
    """The subject's も printed は (round 25): 中国の（　　）国連次席大使は深い遺憾を表明し — the card stands alone."""
    m = _ALSO_TOPIC.match(text)
    return {(m.end() - 1, m.end()): "は"} if m is not None and not answer[0] < m.end() <= answer[1] else {}


def _bare_topic(text: str, answer: Span, before: str, _done: Mapping[Span, str]) -> dict[Span, str]:
    m = _BARE_TOPIC.match(text)
    full = _longer(before, m.group(1)) if m is not None and not _inside(m, answer) else None
    return {(0, m.end()): full} if m is not None and full is not None else {}


def _unresolved(text: str, answer: Span, _before: str, _done: Mapping[Span, str]) -> dict[Span, str]:
    if any(not _inside(m, answer) for m in _UNRESOLVED.finditer(text)):
        raise _Unresolvable
    return {}


def _same_head(text: str, answer: Span, before: str, _done: Mapping[Span, str]) -> dict[Span, str]:
    out: dict[Span, str] = {}
    for m in _SAME.finditer(text):
        if _inside(m, answer) or _antecedent(text[:m.start()], m.group(1)) is not None:
            continue  # 「…条約」を結んでおり、同条約は: the card shows what it refers to
        name = _antecedent(before, m.group(1))
        if name is None:
            raise _Unresolvable
        out[(m.start(), m.end())] = name
    return out


def _either(text: str, answer: Span, _before: str, _done: Mapping[Span, str]) -> dict[Span, str]:
    if any(not _inside(m, answer) and not _TWO_NAMED.search(text[:m.start()]) for m in _EITHER.finditer(text)):
        raise _Unresolvable  # 双方は: who? (中国とロシアの双方に: the card names both)
    return {}


def _both(text: str, answer: Span, before: str, after: str) -> dict[Span, str]:
    out: dict[Span, str] = {}
    for m in _BOTH.finditer(text):
        if _inside(m, answer) or _TWO_NAMED.search(text[:m.start()]) or out:
            continue  # 中国国防省とロシア国防省はそれぞれ、両国の空軍が: the card names both; 中露両首脳は、両国関係を:
            # the first 両 names the pair (holdout_v31's teacher: 「中露両首脳は、中露両国関係を」 is clumsy)
        told = before + "\n" + text[:m.start()]
        pair = _abbreviated(told) or _abbreviated(after) or _named_as_actors(told) or _named_as_actors(after) \
            or _most_named(after) or _named(after)
        own = _own_countries(text[:m.start()])
        if pair is not None and len(own) == 2 and any(c not in pair for c in own):  # インドの首相は訪中し…両国: 中印
            found = pair
            pair = "".join(sorted(own, key=lambda c: c not in found))
        if pair is None:
            raise _Unresolvable
        out[(m.start(), m.start() + 1)] = pair + "両"
    return out


def _same_year(text: str, answer: Span, _before: str, done: Mapping[Span, str]) -> dict[Span, str]:
    out: dict[Span, str] = {}
    for m in _SAME_YEAR.finditer(text):
        if _inside(m, answer):
            continue
        years = [(y.start(), y.group(1)) for y in _FULL_YEAR.finditer(text[:m.start()])]
        years += [(a, v) for (a, _b), v in done.items() if a < m.start() and v.isdigit()]
        if not years:
            raise _Unresolvable
        out[(m.start(), m.end())] = max(years)[1] + "年"
    return out


def _same_day(text: str, answer: Span, before: str, _done: Mapping[Span, str]) -> dict[Span, str]:
    """同日 itself is printed by `quizgen.extract.drafts` (as the day it means: the last day named before it, not
    one quoted or counted from); without such a day, no draft (holdout_v20)."""
    for m in _SAME_DAY.finditer(text):
        near = re.sub(r"「[^「」]*」", "", before + "。" + text[:m.start()])
        if not _inside(m, answer) and not re.search(r"[0-9０-９]日(?!以来|ぶり)", near):
            raise _Unresolvable
    return {}


# one moment on two clocks (アメリカ東部時間の27日午後8時、日本時間の28日午前9時): either date gives the other away
_CLOCK = r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff]{0,8}時間の[^、。]{1,20}?"
_TWO_CLOCKS = re.compile(rf"({_CLOCK})、({_CLOCK})(?=に|、|まで|から|で|の)")


def _two_clocks(text: str, answer: Span, _before: str, _done: Mapping[Span, str]) -> dict[Span, str]:
    """A moment given on two clocks (round 25): the draft asks it on Japan's, the other clock's time left out of the
    prompt (its date is the answer a day apart); the other clock's date is no draft of its own."""
    out: dict[Span, str] = {}
    for m in _TWO_CLOCKS.finditer(text):
        clocks = [m.span(1), m.span(2)]
        japan = [i for i, g in enumerate((m.group(1), m.group(2))) if g.startswith("日本時間")]
        if len(japan) != 1:
            continue
        own, other = clocks[japan[0]], clocks[1 - japan[0]]
        if other[0] < answer[1] and answer[0] < other[1]:
            raise _Unresolvable  # （27日）午後8時、日本時間の28日午前9時: the other clock's date
        if own[0] < answer[1] and answer[0] < own[1]:
            out[(other[0], other[1] + 1) if japan[0] == 1 else (own[1], other[1])] = ""
    return out


def _inside(m: re.Match[str], answer: Span) -> bool:
    return m.start() < answer[1] and answer[0] < m.end()


def _antecedent(before: str, head: str) -> str | None:
    """The last name ending with `head` in `before` (its quoted name too: コンテナ船「X」), never one of 同…."""
    found = None
    pattern = rf"({_NAME_CHARS}{{1,12}}){re.escape(head)}(?!{_NAME_CHARS})(「[^「」]{{1,30}}」)?"
    for m in re.finditer(pattern, before):
        if not m.group(1).startswith(("同", "両", "各", "本", "当")):
            found = m.group(0)
    return found


def _longer(before: str, noun: str) -> str | None:
    """The last longer name ending with `noun` in `before` (北極海航路協力分科会 for 分科会)."""
    names = [m.group(0) for m in re.finditer(rf"{_NAME_CHARS}{{1,12}}{re.escape(noun)}(?!{_NAME_CHARS})", before)
             if "・" not in m.group(0)]  # ロシア・中国 is a list, not a longer name
    names = [n for n in names if not n.startswith(("同", "両", "各", "本", "当"))]
    return names[-1] if names else None


def _most_named(article: str) -> str | None:
    """The two countries the article names most (each at least twice), in the order it first names them: the pair
    a 両国 means in a report on ロシアの首相 visiting 中国."""
    counts: dict[str, list[int]] = {}
    for m in re.finditer(_COUNTRY, article):
        counts.setdefault(SHORT_COUNTRY[m.group(0)], []).append(m.start())
    top = sorted(counts.items(), key=lambda kv: -len(kv[1]))[:3]
    if len(top) < 2 or len(top[1][1]) < 2 or (len(top) == 3 and len(top[2][1]) == len(top[1][1])):
        return None  # no clear pair: a third country is named as often
    first, second = sorted(top[:2], key=lambda kv: kv[1][0])
    return first[0] + second[0]


_VISIT = re.compile(r"訪([中日米ロ露朝韓印英仏独豪台伊加])(?![\u4e00-\u9fff])")  # 訪中し, 訪ロした: a visit to that country


def _own_countries(clause: str) -> list[str]:
    """The countries a sentence names before its 両国 (one character each, in order): by name (インドの首相) or by a
    visit (訪中). Where they are two and one is not of the pair found elsewhere, 両国 means the sentence's own two
    (holdout_v15: 「インドのモディ首相は7年ぶりに訪中し、…習氏との会談で両国が…」 became 中ロ両国, a wrong fact); one
    alone is often a third party speaking of the pair (米国防長官は「両国が…」) or a place (日本周辺で): the pair stays."""
    found = [(m.start(), SHORT_COUNTRY[m.group(0)]) for m in re.finditer(_COUNTRY, clause)]
    found += [(m.start(), "ロ" if m.group(1) == "露" else m.group(1)) for m in _VISIT.finditer(clause)]
    return list(dict.fromkeys(c for _, c in sorted(found)))


def _named_as_actors(told: str) -> str | None:
    """The last pair of countries `told` names (`_named`), but not one its sentence names after a 両国 (両首脳…) of
    its own: that 両首脳 are the story's actors, the pair is what they spoke of (holdout_v28: 「会談で両首脳は、…
    アメリカと北朝鮮の史上初の首脳会談を前に…」, then 「このあと両首脳は…天津に移動し」 printed 米朝両首脳, a wrong fact);
    the pair before that 両首脳 is looked for instead (where every pair is named so, the two countries the page names
    most, else the last pair it names: the caller's order)."""
    while (pairs := [m for m in _TWO_COUNTRIES.finditer(told)
                     if SHORT_COUNTRY[m.group(1)] != SHORT_COUNTRY[m.group(2)]]):
        last = pairs[-1]
        own = _BOTH.search(told, told.rfind("\n", 0, last.start()) + 1, last.start())
        if own is None:
            return SHORT_COUNTRY[last.group(1)] + SHORT_COUNTRY[last.group(2)]
        told = told[:own.start()]
    return None


def _abbreviated(text: str) -> str | None:
    """The last pair of countries `text` abbreviates (中ロ, 米中)."""
    pairs = [m.group(0) for m in _PAIR.finditer(text) if m.group(1) != m.group(2)]
    return pairs[-1] if pairs else None


def _named(text: str) -> str | None:
    """The last pair of countries `text` names, abbreviated (中国とロシア -> 中ロ)."""
    pairs = [SHORT_COUNTRY[m.group(1)] + SHORT_COUNTRY[m.group(2)] for m in _TWO_COUNTRIES.finditer(text)
             if SHORT_COUNTRY[m.group(1)] != SHORT_COUNTRY[m.group(2)]]
    return pairs[-1] if pairs else None


def apply(text: str, repl: Mapping[Span, str]) -> str:
    """`text` with `repl` printed (for tests and callers that render alone)."""
    out, at = [], 0
    for (a, b), v in sorted(repl.items()):
        out += [text[at:a], v]
        at = b
    return "".join(out) + text[at:]


# who a sentence that tells what someone did is about: the name it starts with before は (宣言は, 習氏は), outside
# quotes and brackets; never one after a qualifier (中国の習近平国家主席は), a pair (ロシアと中国は) or a gloss
_LEAD_TOPIC = re.compile(r"^(?:(?:しかし|一方で?|また|さらに|これに対し)、?)?"
                         r"(?:[^、。「」]{1,24}(?:によると|によれば|によりますと)、)?"  # 新華社通信によると、習氏は (newuser10)
                         r"([\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9０-９・]{2,12})は(?![\u3041-\u3093])")
# a sentence that says what is (中国はICCに加盟していない。): the next one's missing subject is seldom its topic
_STATIVE_END = re.compile(r"(?:ない|なかった|(?<!予定)(?<!方針)(?<!意向)(?:だ|である|です)|ではない|ている|ていた)。?$")
# (not …する予定です: what someone will do, whose actor the next sentence carries on with — newuser15)
# a name (a quotation counts: 「シャヘド」は) before は, が (not がある, がない) or も: the sentence names who acts
_SUBJECT_MARK = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9０-９＿]+(?:ら|たち)?(?:は|が(?!あ|な)|も)")
_BRACKETED = re.compile(r"「[^「」]*」|『[^『』]*』|（[^（）]*）|\([^()]*\)")


def _unquoted(text: str) -> str:
    before = None
    while before != text:
        before, text = text, _BRACKETED.sub(lambda m: "＿" * len(m.group(0)), text)
    return text


def topic(text: str) -> str | None:
    """The name a sentence that tells what someone did starts with as its topic (宣言は「…」と明記。 -> 宣言), or None
    (for 中国の習近平国家主席は…, ロシアと中国は…, and a sentence that says what is: 中国はICCに加盟していない。)."""
    found = _LEAD_TOPIC.match(_unquoted(text))
    if found is None or _STATIVE_END.search(text.rstrip()):
        return None
    return text[found.start(1):found.end(1)]


# a が that marks the subject of a clause qualifying a noun (ロシア側が提唱する「…」構想): not the sentence's
_RELATIVE_GA = re.compile(r"[^、。]{0,12}?(?:する|した|している|していた|される|された)(?=[＿\u4e00-\u9fff\u30a1-\u30fa])")
# a sentence that reports what someone said (…と強調。, …と述べた。): its subject must be someone who can say it
_SAID_END = re.compile(r"と(?:強調|述べ|指摘|表明|主張|訴え|語|批判|非難|説明)[^、。]{0,8}。?$")
# who can speak: a person by title, a government body, a country or a group of them
_SPEAKER_END = re.compile(r"(?:省|府|国|氏|長官|大統領|首相|主席|相|官|局|軍|党|庁|者|首脳|両国|側|政権|政府|大使|代表|議長|"
                          r"委員会|機構|連合|同盟|通信|紙|社|[\u30a1-\u30fa\u30fcA-Za-z]{2,})$")


def lacks_subject(text: str) -> bool:
    """Whether a sentence names no one who acts: no name before は, が or も outside its quotes and brackets
    (「ウクライナとの直接対話などを通じ、…平和を支持するよう促した。」, whose subject is a sentence before), not
    counting the subject of a clause that qualifies a noun (ロシア側が提唱する「…」構想の見通しについても話し合った);
    and a report of what was said whose names are none who can say it (中ロ両国関係は「…」に達したと強調。)."""
    plain = _unquoted(text)
    names = [m for m in _SUBJECT_MARK.finditer(plain)
             if not (m.group().endswith("が") and _RELATIVE_GA.match(plain, m.end()))]
    if not names:
        return True
    said = _SAID_END.search(text.rstrip()) is not None
    return said and not any(_SPEAKER_END.search(re.sub(r"(?:ら|たち)?(?:は|が|も)$", "", m.group())) for m in names)
