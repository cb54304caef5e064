"""The answer key: per question the answer as written on the sheet, its parts with sources, and notes (pure).

Also the small text and size helpers the key and the sheet share for layout.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from quizgen.bank.model import Bank, DateHow, Disagreement, Item, Lang, Text
from quizgen.citations import dated, outside_note, source_name
from quizgen.forms import Cloze
from quizgen.generators.worksheet.exercises import (
    ChoiceQ,
    ClozeQ,
    Exercise,
    MatchingQ,
    Question,
    ShortQ,
    TimelineQ,
    TrueFalseQ,
    scored_parts,
)
from quizgen.generators.worksheet.sheet import Variant, Worksheet
from quizgen.japanese.metadata import is_page_metadata
from quizgen.japanese.normalise import normalise
from quizgen.text import shorten


@dataclass(frozen=True)
class Quote:
    article: str
    quote: str
    see: Text | None = None  # printed already under an earlier question or part: the key points there instead

    @property
    def text(self) -> str:
        """The quote as the key prints it: whole, or its start where it points to where it is printed whole."""
        return self.quote if self.see is None else shorten(self.quote, _SEE_CUT)


_SEE_CUT = 14  # characters of a quote printed again before 「(問12の引用と同じ)」


@dataclass(frozen=True)
class KeyLine:
    """One answer line of the key: a label ('(1)', 'ア', …) or none, the answer, and its sources."""

    answer: Text
    quotes: tuple[Quote, ...]
    label: str = ""
    detail: Text | None = None  # e.g. the date of a timeline event


@dataclass(frozen=True)
class NamedReport:
    """An outlet a key note names (東京新聞) and the page of the sheet's sources that relays its report."""

    outlet: Text
    article: str
    url: str | None = None  # the report's own address, where the page links to it

    def wording(self, lang: Lang) -> tuple[tuple[str | None, ...], tuple[str | None, ...]]:
        """「東京新聞の報道:③が紹介」 and, on a bilingual sheet, its English, in pieces.

        ``None`` is where the relaying page's mark goes. The one wording of a relayed report, for the
        HTML/PDF key and the Word key alike.
        """
        english: tuple[str | None, ...] = (f"{self.outlet.en}: relayed by ", None)
        if lang is Lang.EN:
            return (f"{self.outlet.en}: reported as relayed by ", None), ()
        return (f"{self.outlet.ja}の報道:", None, "が紹介"), english if lang is Lang.BOTH else ()


@dataclass(frozen=True)
class KeyEntry:
    number: int
    type: Exercise
    answer: Text  # the answer as written on the sheet (a letter, ○/×, a word…)
    lines: tuple[KeyLine, ...]  # per-part answers with sources
    explanation: Text | None = None
    context: Text | None = None  # background from outside the articles
    disagreement: Text | None = None  # the articles differ on this (the topic)
    differs: Text | None = None  # what differs, as the bank's disagreement record says (or where the key said it)
    dated: Text | None = None  # the item's date and how it was found (記事の日付から…)
    alternatives: tuple[str, ...] = ()  # 別解: other spellings the bank accepts (written answers only)
    rejected: tuple[str, ...] = ()  # near answers the bank says are wrong (`reject`), for consistent marking
    points: int = 1
    date_source: Text | None = None  # the source whose page date dates the item, when it cites it nowhere else
    date_article: str | None = None  # that source's article (for its mark on the key's source list)
    named: tuple[NamedReport, ...] = ()  # outlets the notes name (東京新聞) that no source of the item relays
    scoring: Text | None = None  # how a question of several parts is scored (matching: per pair; timeline: all or none)

    @property
    def grid_alternatives(self) -> tuple[str, ...]:
        """The 別解 the answer grid shows: the first few (22 on one question ran the grid onto a second page:
        review 3, s5); the detailed key lists them all when some are left off here."""
        return self.alternatives[:GRID_ALTERNATIVES]

    @property
    def more_alternatives(self) -> int:
        return len(self.alternatives) - len(self.grid_alternatives)


GRID_ALTERNATIVES = 4


def _quotes(item: Item) -> tuple[Quote, ...]:
    return _evidence(Quote(e.article, e.quote) for e in item.evidence)


def _evidence(quotes: Iterable[Quote]) -> tuple[Quote, ...]:
    """The quotes a key prints as evidence: each once, none that another of them holds (「24日に…を発表」 beside
    「24日に…を発表する」), and no page metadata (the byline 「2023年3月29日(水)11時20分」 is not a report)."""
    kept = [q for q in dict.fromkeys(quotes) if not is_page_metadata(q.quote)]
    return tuple(q for q in kept if not any(o is not q and o.article == q.article and q.quote in o.quote
                                            and (len(o.quote) > len(q.quote)) for o in kept))


def _dating_quotes(item: Item) -> tuple[Quote, ...]:
    """A timeline event's quotes: only those that date it (「ラヴロフ氏と習氏の会談は6年ぶり」, 「2018年の最後の
    会談」), each as the whole evidence sentence that holds it where there is one. Review 2, s3 printed only
    quotes about another matter, and the teacher could not check the date the order rests on; review 4 (s3 ア,
    s5 イ) found quotes about Switzerland and the G20 listed beside the ones that date the event. An event
    whose date no quote shows (its basis counts from the page's date) keeps its evidence."""
    basis = item.date_basis
    evidence = [Quote(e.article, e.quote) for e in item.evidence]
    if basis is None:
        return _evidence(evidence)
    dating = []
    for q in basis.quotes:
        whole = [e for e in evidence if e.article == basis.article and q in e.quote]
        dating.extend(whole or [Quote(basis.article, q)])
    return _evidence(dating) or _evidence(evidence)


def alternatives(bank: Bank, item: Item, lang: Lang) -> tuple[str, ...]:
    """別解: the spellings the bank accepts for `item` besides its answer, in the sheet's language (Japanese
    forms for a Japanese sheet, Latin ones for an English one, both for a bilingual one); readings in kana
    are left out (the quiz accepts every kana spelling anyway). A Latin abbreviation (SCO, NATO, G7, BRICS) is
    how Japanese text writes the name too, so a Japanese sheet keeps it: review 6, s5 marked 「SCO」 wrong on
    the Japanese key that the bilingual key accepted."""
    canonical = {normalise(item.answer.ja), normalise(item.answer.en), normalise(item.reading or "")}
    out: list[str] = []
    for form in bank.accepted(item):
        latin = form.isascii()
        japanese = not latin or is_abbreviation(form)
        if normalise(form) in canonical or (lang is Lang.JA and not japanese) or (lang is Lang.EN and not latin):
            continue
        if _KANA_ONLY.fullmatch(form):
            continue
        if normalise(form) not in {normalise(f) for f in out}:
            out.append(form)
    return tuple(out)


_KANA_ONLY = re.compile(r"[\u3041-\u3096\u30fc・ ]+")


def rejected(item: Item, lang: Lang) -> tuple[str, ...]:
    """The near answers the bank marks wrong (`reject`) in the sheet's language, as `alternatives` picks them: the key
    rules on the likely near miss so that every marker marks it alike (review 11 s5, review 12 s4: 軍事支援 for
    武器の提供, planted by other stems of the sheet)."""
    return tuple(f for f in item.reject if (lang is Lang.BOTH or (lang is Lang.EN) == f.isascii()))
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&]+")  # SCO, NATO, G7, G20, BRICS, EU: not Putin, not Shanghai…


def is_abbreviation(form: str) -> bool:
    """Whether `form` is a Latin abbreviation that Japanese text writes as it is (上海協力機構(SCO), NATO)."""
    return bool(_ABBREVIATION.fullmatch(form.strip()))


def key_entry(bank: Bank, number: int, q: Question, letters: str, lang: Lang = Lang.JA, points: int = 1) -> KeyEntry:
    """The key's entry for question `number` as it appears in one variant; `points` per scored part (a matching
    exercise scores per pair, `exercises.scored_parts`)."""
    def extras(item: Item, statement: bool = False) -> dict[str, Any]:
        dis = touching(bank, item, statement)
        src = date_source(bank, item)
        shown = q.mc.options if isinstance(q, ChoiceQ) else ()
        return {"explanation": item.explanation, "context": context_for(item, shown), "disagreement": dis.topic if dis else None,
                "differs": dis.note if dis else None,
                "dated": dated(bank, item), "points": points, "date_source": src,
                "date_article": item.date_basis.article if src is not None and item.date_basis else None,
                "named": outlet_articles(bank, item)}

    match q:
        case ShortQ(item=i):
            return KeyEntry(number, Exercise.SHORT, i.answer, (KeyLine(i.answer, _quotes(i)),),
                            alternatives=alternatives(bank, i, lang), rejected=rejected(i, lang), **extras(i))
        case ChoiceQ(mc=mc):
            letter = letters[mc.answer_index]
            ans = Text(f"{letter} {mc.correct.ja}", _english(mc.correct, lang))  # the letter once, also on a bilingual key
            return KeyEntry(number, Exercise.CHOICE, ans, (KeyLine(ans, _quotes(mc.item)),), **extras(mc.item))
        case TrueFalseQ(tf=tf):
            mark = Text("○(正しい)", "○ (true)") if tf.is_true else Text("×(誤り)", "× (false)")
            detail = None
            if not tf.is_true:
                right = tf.item.statement or Text(f"{tf.item.prompt.ja} → {tf.item.answer.ja}",
                                                  f"{tf.item.prompt.en} → {tf.item.answer.en}")
                detail = Text(f"正しくは:{right.ja}", f"Correct: {right.en}")
            lines: tuple[KeyLine, ...] = (KeyLine(mark, _quotes(tf.item), detail=detail),)
            return KeyEntry(number, Exercise.TRUEFALSE, mark, lines, **extras(tf.item, statement=True))
        case ClozeQ(cz=cz):
            ja, en = cz.blanks("ja"), cz.blanks("en")
            ans = Text("、".join(ja), ", ".join(en))
            alts = blank_alternatives(bank, cz, 0, lang) if len(ja) == 1 else ()
            return KeyEntry(number, Exercise.CLOZE, ans, (KeyLine(ans, _quotes(cz.item)),), alternatives=alts,
                            rejected=rejected(cz.item, lang) if len(ja) == 1 else (), **extras(cz.item))
        case MatchingQ(lefts=lefts, rights=rights):
            right_letter = dict(zip(rights, letters, strict=False))  # the pairs of one exercise are distinct
            both = lang is Lang.BOTH  # the letter once: 「ウ 大統領 President」, not 「ウ 大統領 ウ President」
            lines = tuple(KeyLine(Text(f"{right_letter[p]} {p.right.ja}",
                                       _english(p.right, lang) if both else f"{right_letter[p]} {p.right.en}"),
                                  (Quote(p.article, p.quote),), label=f"({k + 1}) {p.left.ja}", detail=None)
                          for k, p in enumerate(lefts))
            short = " ".join(f"({k + 1}){right_letter[p]}" for k, p in enumerate(lefts))
            total = points * scored_parts(q)
            return KeyEntry(number, Exercise.MATCHING, Text(short, ""), lines, points=total,
                            scoring=matching_scoring(points, total))
        case TimelineQ(shown=shown):
            order = q.chronological
            event_letter = dict(zip(shown, letters, strict=False))  # the events of one exercise are distinct
            seq = " → ".join(event_letter[e] for e in order)
            lines = tuple(KeyLine(e.event, _dating_quotes(e.item), label=event_letter[e], detail=dated(bank, e.item))
                          for e in order)
            return KeyEntry(number, Exercise.TIMELINE, Text(seq, ""), lines, points=points,
                            scoring=Text(f"採点:すべての順序が正しい場合のみ正解({points}点)。",
                                         f"Scoring: full marks ({points}) only when the whole order is right."))
    raise AssertionError(q)  # pragma: no cover


def context_for(item: Item, options: Sequence[Text] = ()) -> Text | None:
    """`item`'s background note as a question printing `options` shows it: without the sentences about a wrong choice
    it does not print (review 10, s4 問10: a cloze with no options under a note on who chaired APEC and the East Asia
    Summit, the choice form's distractors). The bank does not mark which sentences belong to which form; a sentence
    naming a distractor the question itself never names is read as one of them, where the Japanese and the English
    name it in the same sentence (else the note is kept whole). None when nothing is left."""
    ctx = item.context
    if ctx is None or not item.distractors:
        return ctx
    asked = " ".join(t.ja + " " + t.en for t in (item.prompt, item.answer, item.statement, item.cloze) if t is not None)
    shown = {normalise(o.ja) for o in options}
    hidden = [d for d in item.distractors if normalise(d.ja) not in shown and d.ja not in asked]
    if not hidden:
        return ctx
    ja = [x for x in re.split(r"(?<=。)", ctx.ja) if x]
    en = [x for x in re.split(r"(?<=\.)\s+", ctx.en) if x]
    names = [re.sub(r"^the ", "", d.en) for d in hidden]
    drop_ja = {k for k, x in enumerate(ja) if any(d.ja in x for d in hidden)}
    drop_en = {k for k, x in enumerate(en) if any(n in x for n in names)}
    if not drop_ja or len(ja) != len(en) or drop_ja != drop_en:  # only where both languages say it sentence by sentence
        return ctx
    if len(drop_ja) == len(ja):
        return None
    return Text("".join(x for k, x in enumerate(ja) if k not in drop_ja),
                " ".join(x for k, x in enumerate(en) if k not in drop_en))


def touching(bank: Bank, item: Item, statement: bool) -> Disagreement | None:
    """The disagreement `item` records, where it touches what the question asks (review 10, s1: a box on China's
    neutrality under 「何度目の訪ロか」 → 初めて, one on military support under Ukraine asking for talks): a side of
    the record quotes the item's evidence (one quote mostly within the other: at least half of the shorter), and,
    for a question with an answer to give (not a `statement` to judge), some accepted form of that answer is what
    such a side says. The record names no items, so this is read from its quotes."""
    dis = bank.disagreement_for(item)
    if dis is None:
        return None
    sides = [s for s in dis.sides for e in item.evidence if s.article == e.article and _shared(e.quote, s.quote)]
    if not sides:
        return None
    if statement:
        return dis
    forms = {f for f in (normalise(a) for a in (item.answer.ja, *item.accept)) if f}
    return dis if any(f in normalise(s.says.ja) for s in sides for f in forms) else None


def _shared(a: str, b: str) -> bool:
    """Whether quotes `a` and `b` share a run of at least half the shorter."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    need = max(1, len(shorter) // 2)
    return any(shorter[k:k + need] in longer for k in range(len(shorter) - need + 1))


def _english(answer: Text, lang: Lang) -> str:
    """The English a bilingual key prints after a lettered Japanese answer: none when it says the same thing
    (review 4, s2: 「エ APEC APEC」, 「ア 2018年 2018」)."""
    return "" if lang is Lang.BOTH and same_words(answer) else answer.en


def same_words(text: Text) -> bool:
    """Whether the English of `text` only repeats its Japanese: the same letters (APEC) or the same year (2018年)."""
    ja, en = normalise(text.ja), normalise(text.en)
    return en == ja or (en.isdigit() and ja == f"{en}年")


def matching_scoring(each: int, total: int) -> Text:
    return Text(f"採点:1組につき{each}点(計{total}点)。",
                f"Scoring: {each} point{'' if each == 1 else 's'} for each right pair ({total} in all).")


def blank_alternatives(bank: Bank, cz: Cloze, k: int, lang: Lang) -> tuple[str, ...]:
    """別解 for blank `k` of a cloze: the item's accepted spellings that fit the blank. A blank that is the whole
    answer takes them all; a blank inside the answer (安全保障会議 in ロシア連邦＿＿書記) takes only those that
    keep the text around the blank (ロシア連邦…書記) and fill the rest, never a whole title written into part
    of it (…書記書記)."""
    lg = "en" if lang is Lang.EN else "ja"
    blanks = cz.blanks(lg)
    if k >= len(blanks):
        return ()
    blank, answer = blanks[k], getattr(cz.item.answer, lg)
    alts = alternatives(bank, cz.item, lang)
    around = _around(cz, k, lg)
    if not fits_between(blank, *around):  # the rule misreads this text: keep every alternative
        around = ("", "")
    if normalise(blank) == normalise(answer):
        return tuple(a for a in alts if fits_between(a, *around))
    at = answer.find(blank)
    if at < 0:
        return ()
    before, after = answer[:at], answer[at + len(blank):]
    out = [a[len(before):len(a) - len(after)] for a in alts
           if a.startswith(before) and a.endswith(after) and len(a) > len(before) + len(after)]
    return tuple(dict.fromkeys(a for a in out if normalise(a) != normalise(blank) and fits_between(a, *around)))


def _around(cz: Cloze, k: int, lg: str) -> tuple[str, str]:
    """The text printed just before and just after blank `k`."""
    parts = cz.parts(lg)
    at = [n for n, (_, blank) in enumerate(parts) if blank][k]
    return "".join(s for s, _ in parts[:at]), "".join(s for s, _ in parts[at + 1:])


_CONTEXT = 8  # characters of the printed text on either side of a blank an alternative must not repeat
_KANJI_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]")


def fits_between(alt: str, before: str, after: str) -> bool:
    """Whether `alt` reads as what goes between `before` and `after` (Japanese): it does not begin with words
    printed just before the blank (プーチンの続投 after 「プーチン氏の」, 自国の裏庭 after 「自国の」, 中国外相 after
    「中国の」), and does not take in what follows it (軍事同盟を結ぶこと before 「を結ぶ」, 同盟の締結 before
    「を結ぶ」: 締結を結ぶ), nor ends in 氏 before a title. English alternatives are kept (the blank is in the Japanese text)."""
    a = normalise(alt)
    if not a or alt.isascii():
        return True
    near_before, near_after = normalise(before)[-_CONTEXT:], normalise(after)[:_CONTEXT]
    if len(a) >= 2 and a[:2] in near_before:
        return False
    if a.endswith("氏") and near_after[:1] and _KANJI_CHAR.fullmatch(near_after[0]):
        return False  # ラブロフ氏 before 「外相」
    head = near_after[:3]
    if len(head) >= 2 and head[:2] in a:
        return False
    return not any(c in a for c in head if _KANJI_CHAR.fullmatch(c))


def date_source(bank: Bank, item: Item) -> Text | None:
    """The source an item's date is found from (記事の日付から, or a year counted from one the page writes), named when
    the item cites it nowhere else: 「記事の日付(2023年3月29日)から」 beside sources ②① must say which article that
    date is, and 「記事中の年(2023年)の2年後」 which article writes 2023 (review 11: ① did not)."""
    basis = item.date_basis
    if basis is None or basis.how is DateHow.STATED or basis.article in item.articles:
        return None
    return source_name(bank, basis.article) if basis.article in bank.source_by_id else None


def outlet_articles(bank: Bank, item: Item) -> tuple[NamedReport, ...]:
    """The outlets `item`'s key notes name (explanation, background, disagreement) that none of the item's own
    sources relays, each with the first page that does: review 6, s1 named 東京新聞 in an explanation, but only
    the summary page that relays 東京新聞 reports says where, and it was not on the sheet's source list."""
    dis = bank.disagreement_for(item)
    notes = " ".join(t.ja + " " + t.en for t in (item.explanation, item.context, dis.topic if dis else None)
                     if t is not None)
    own = [bank.source_by_id[a] for a in item.articles if a in bank.source_by_id]
    out: dict[str, NamedReport] = {}
    for source in bank.sources:
        for outlet in source.cites:
            if outlet in notes and outlet not in out and not any(outlet in o.cites for o in own):
                link = next((k for k in source.links if outlet in k.outlet.ja or outlet in k.outlet.en), None)
                out[outlet] = NamedReport(link.outlet if link else Text(outlet, outlet), source.id,
                                          link.url if link else None)
    return tuple(out.values())


def named_articles(bank: Bank, item: Item) -> tuple[str, ...]:
    """Every article `item`'s key entry names beyond its own sources: the page whose date dates it (日付の出典) and
    the pages that relay an outlet its notes name. The key lists them after the sheet's sources (review 6, s2:
    「日付の出典:ニューズウィーク日本版…」 beside a list without it)."""
    basis = item.date_basis
    dating = (basis.article,) if basis is not None and date_source(bank, item) is not None else ()
    return tuple(dict.fromkeys((*dating, *(n.article for n in outlet_articles(bank, item)))))


def key_entries(bank: Bank, ws: Worksheet, variant: Variant) -> list[KeyEntry]:
    """The key of one version, each quote printed once per section: a quote printed under an earlier question or
    part of the section (or held by one printed there) points to it (review 3, s3: 「2025年のいま」 twice under one
    timeline, the same BRICS sentence twice)."""
    out = []
    told: dict[Text, int] = {}  # a disagreement's topic -> the question whose entry says what differs
    for s in variant.sections:
        printed: list[tuple[Quote, Text]] = []
        for n, q in s.numbered():
            entry = key_entry(bank, n, q, ws.letters(), ws.lang, ws.question_points(s.type, q) // scored_parts(q))
            entry = replace(entry, lines=tuple(_once(line, _where(entry, line), printed) for line in entry.lines))
            topic = entry.disagreement
            if topic is not None:  # said once, then pointed to (review 9, s1: a bare heading, 3 times)
                if topic in told:
                    entry = replace(entry, differs=Text(f"問{told[topic]}の解説を参照", f"see Q{told[topic]}"))
                else:
                    told[topic] = n
                    if ws.lang is Lang.BOTH and entry.differs is not None:  # a teacher's note: once, in Japanese
                        entry = replace(entry, differs=Text(entry.differs.ja, ""))
            out.append(entry)
    return out


def _where(entry: KeyEntry, line: KeyLine) -> Text:
    part = f" {line.label.split()[0]}" if line.label and len(entry.lines) > 1 else ""
    return Text(f"問{entry.number}{part}", f"Q{entry.number}{part}")


def _once(line: KeyLine, where: Text, printed: list[tuple[Quote, Text]]) -> KeyLine:
    quotes = []
    for quote in line.quotes:
        earlier = next((at for p, at in printed if p.article == quote.article and quote.quote in p.quote), None)
        if earlier is None:
            printed.append((quote, where))
            quotes.append(quote)
        else:
            quotes.append(replace(quote, see=Text(f"{earlier.ja}の引用と同じ", f"as quoted under {earlier.en}")))
    return replace(line, quotes=tuple(quotes))


# --------------------------------------------------------------------------- sizes and helpers for layout


def context_note(context: Text) -> Text:
    """Background from outside the articles, always marked as such (without saying so twice)."""
    note = outside_note(context)
    return Text(f"※{note.ja}", note.en)


def disagreement_note(topic: Text, differs: Text | None = None, *, bilingual: bool = False) -> Text:
    """「※記事によって記述が異なる点(中国の対ロ軍事支援):…」 with what differs (the bank's record), not the topic alone
    (review 9, s1: a heading with nothing under it). Where the record has no English, a `bilingual` key's note has
    none either: an English heading under the Japanese body read as cut off (review 10, s3(e)); an English-only key
    keeps the heading."""
    if differs is None:
        return Text(f"※記事によって記述が異なる点:{topic.ja}", f"The articles differ on this: {topic.en}")
    return Text(f"※記事によって記述が異なる点({topic.ja}):{differs.ja}",
                f"The articles differ on this ({topic.en.rstrip('.')}): {differs.en}" if differs.en
                else "" if bilingual else f"The articles differ on this: {topic.en}")


def display_width(text: str) -> float:
    """Width in em: full-width characters 1, others about half."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)


def blank_width(answers: Iterable[str]) -> float:
    """The width (em) of every blank of one section: room for the section's longest answer in handwriting
    (which runs wider than print), so no blank's length hints at its own answer."""
    need = max((display_width(a) for a in answers), default=0.0)
    return round(min(18.0, max(8.0, need * 1.6 + 2)), 1)
