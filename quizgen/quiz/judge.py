"""Judge a typed answer against a bank item (pure: no I/O, no clock).

:func:`judge` returns a :class:`Verdict` with a reason the UI can show in one line;
:func:`is_correct` is the boolean wrapper. ``accepted`` holds the item's other spellings
(aliases, English names, hiragana readings); ``others`` holds the answers of *other* items,
so that typing one of them is never read as a typo; ``readings`` (computed when the bank is
cached) says how each spelling is read, segment by segment, and in which other glyphs it is
written; ``reference`` holds texts that state the item's full date.

Rules, in order: empty input is wrong; an exact match after :func:`~quizgen.japanese.normalise.normalise`
(NFKC, case, accents, katakana→hiragana, spaces, dots and hyphens) is right, and so is the same word in
simplified or traditional glyphs; another item's answer, a hedge or two answers are wrong; dates and
numbers are judged by value (in digits, kanji, kana or romaji; a fuller date only when every added part is
true); text by readings (kana or romaji of any spelling), mixed kana and kanji segment by segment, English
spelling variants and name transliterations, titles (a wrong title is wrong); then the answer with の (or the
な of 的な) put between two of its nouns (大統領の続投), never inside a name; last, one typo in a kana or Latin
answer of five or more characters, or in a run of five or more kana of a mixed answer, is right but "almost"
(rated Hard), unless another item's answer is as close or the answer is an acronym (BRIC is not a typo for
BRICS). Kana keeps its vowel length (ぷちん is not ぷーちん, though ぷうちん is); romaji may leave long vowels
out. Zero false accepts is the rule the tables hold the judge to.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from quizgen.japanese.dates import PartialDate, dates_in, parse_date, typed_weekday, weekday_ok
from quizgen.japanese.kana import fold_kana, fold_latin, is_kana, is_romaji, reading_key, reading_keys, reads_as
from quizgen.japanese.latin import english_key, is_latin
from quizgen.japanese.normalise import normalise
from quizgen.japanese.numbers import Quantity, counters_compatible, parse_int, parse_quantity, quantity_kana
from quizgen.japanese.particles import without_particles
from quizgen.japanese.readings import Reading, spells
from quizgen.japanese.titles import name_like, romaji_title, same_role, split_titles, titles_compatible
from quizgen.text import common_ends

__all__ = ["ANSWER_TYPES", "TYPO_MIN_LENGTH", "AnswerKeys", "Verdict", "VerdictReason", "is_correct", "judge"]

ANSWER_TYPES = frozenset({"text", "date", "number"})
TYPO_MIN_LENGTH = 5
"""Shortest kana or Latin answer (in characters) that tolerates one typo (edit or adjacent transposition)."""


class VerdictReason(Enum):
    """Why an answer was judged right or wrong."""

    EXACT = "exact"  # the answer or an accepted spelling, after normalisation
    VARIANT = "variant"  # the same word in other glyphs (习近平), or another English spelling (dialog, Zelenskiy)
    BOTH_FORMS = "both-forms"  # 上海協力機構(SCO): every part names the answer
    ANY_ORDER = "any-order"  # シリアとベネズエラ for ベネズエラとシリア: the same parts of a list answer
    READING = "reading"  # kana or romaji for the answer's reading
    MIXED = "mixed"  # 上海きょうりょく機構: kana for some segments, as written for the others
    TITLE = "title"  # right once titles and honorifics are set aside
    SAME_ROLE = "same-role"  # 外務大臣 for 外相
    PARTICLE = "particle"  # 大統領の続投 for 大統領続投, 技術的な支援 for 技術的支援: の (or な) between two nouns
    NUMBER = "number"
    DATE = "date"
    TYPO = "typo"  # one letter off: right, but "almost" (rated Hard)
    EMPTY = "empty"
    HEDGED = "hedged"  # たぶん…, …かな, a question mark
    MULTIPLE = "multiple"  # プーチン、ラブロフ / Putin or Lavrov
    OTHER_ANSWER = "other-answer"  # exactly another item's answer
    WRONG_TITLE = "wrong-title"  # ラブロフ首相
    WRONG_COUNTER = "wrong-counter"  # 12年 for 12項目
    INCOMPLETE = "incomplete"  # a date missing a part the answer has (detail: which)
    EXTRA = "extra"  # a fuller date whose added part is wrong or cannot be checked (detail: which)
    WRONG = "wrong"


@dataclass(frozen=True)
class Verdict:
    """The judgement on one typed answer; ``matched`` is the spelling it matched; ``detail`` says which part
    of a date is missing or wrong ("year", "month", "weekday")."""

    correct: bool
    reason: VerdictReason
    matched: str | None = None
    detail: str = ""

    @property
    def almost(self) -> bool:
        """Right, but for one typo: shown as "almost" and rated Hard."""
        return self.correct and self.reason is VerdictReason.TYPO


_BRACKETED_RE = re.compile(r"(.+?)\s*[(\[{【〔](.+)[)\]}】〕]")
_HEDGE_RE = re.compile(
    r"^(?:たぶん|多分|おそらく|恐らく|きっと|maybe|probably|perhaps|i think)|"
    r"(?:かな|かも|かもしれない|と思う|だと思う|でしょう|ごろ|頃|\?)$"
)
_STRONG_SEP_RE = re.compile(r"[()\[\]{}【】〔〕、,/;|&+~〜…]|\s(?:or|and|vs\.?)\s")
# か/と/や join two answers only between words: never after a numeral (12か月) and only where each side names
# an answer (see _two_answers); りがいかんけい has a か and is one word.
_WEAK_SEP_RE = re.compile(r"\s(?:or|and|vs\.?)\s|または|もしくは|あるいは|および|及び"
                          r"|(?<![0-9〇一二三四五六七八九十百千])[かとや]")
_COMMA_RE = re.compile(r"[、,]")
_LIST_SEP_RE = re.compile(r"[、,/;・]|\s(?:and|&)\s|と|や|および|及び")
_BARE_RE = re.compile(r"[0-9〇零一二三四五六七八九十]{1,3}")
_PARTS = ("year", "month", "day")
_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&.\-]{1,7}")
_KANA_RE = re.compile(r"[\u3041-\u3096\u30fc]")


def _soft(text: str) -> str:
    """Lighter than :func:`normalise`: keeps single spaces and punctuation."""
    text = fold_kana(fold_latin(unicodedata.normalize("NFKC", text).casefold()))
    return " ".join(text.split())


def _spellings(expected: str, accepted: Iterable[str]) -> list[str]:
    """The answer and its accepted forms; ``X(Y)`` also yields ``X``."""
    out: list[str] = []
    for form in (expected, *accepted):
        if not form.strip():
            continue
        out.append(form)
        m = _BRACKETED_RE.fullmatch(unicodedata.normalize("NFKC", form).strip())
        if m:
            out.append(m.group(1))
    return out


def _list_parts(text: str) -> tuple[str, ...]:
    """The sorted, normalised parts of a list answer (「ベネズエラとシリア」, "UN, G20 and APEC"); () if not a list."""
    parts = sorted(k for p in _LIST_SEP_RE.split(_soft(text)) if (k := normalise(p)))
    return tuple(parts) if len(parts) > 1 else ()


def _same_list(typed: str, spellings: list[str]) -> str | None:
    """The spelling whose list parts are exactly the typed parts in another order, if any."""
    parts = _list_parts(typed)
    if not parts:
        return None
    return next((s for s in spellings if _list_parts(s) == parts), None)


def _osa(a: str, b: str) -> int:
    """Optimal string alignment distance (edits plus adjacent transpositions)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cost = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, prev2[j - 2] + 1)
            cur.append(cost)
        prev2, prev = prev, cur
    return prev[-1]


def _one_edit(a: str, b: str) -> bool:
    """``_osa(a, b) <= 1``, in one pass: equal, or one substitution, insertion, deletion or adjacent transposition."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = next((n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):  # one substitution at i, or the two letters at i swapped
        swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
        return swapped or a[i + 1:] == b[i + 1:]
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1:] == shorter[i:]


class AnswerKeys:
    """Other items' answers as comparison keys, normalised once, and indexed by length for the typo check: what
    :func:`judge` takes as ``others`` for a big bank (a collection of texts works too, normalised at each call).
    ``excluded`` keys are left out (an item's own spellings)."""

    def __init__(self, keys: Iterable[str], excluded: Collection[str] = ()) -> None:
        self.keys = frozenset(keys)
        self.excluded = frozenset(excluded)
        self._by_length: dict[int, list[str]] | None = None

    @classmethod
    def of(cls, texts: Iterable[str]) -> AnswerKeys:
        return cls(normalise(t) for t in texts)

    def without(self, keys: Iterable[str]) -> AnswerKeys:
        """These keys and `keys` left out; the index by length is shared."""
        other = AnswerKeys((), self.excluded | frozenset(keys))
        other.keys, other._by_length = self.keys, self.by_length
        return other

    def __contains__(self, text: object) -> bool:
        """Whether `text` is one of these answers (compared by its key), not left out."""
        return isinstance(text, str) and (k := normalise(text)) in self.keys and k not in self.excluded

    @property
    def by_length(self) -> dict[int, list[str]]:
        if self._by_length is None:
            self._by_length = {}
            for k in self.keys:
                self._by_length.setdefault(len(k), []).append(k)
        return self._by_length


class _Others:
    """Other items' answer keys as one judgement sees them: without the answer's own spellings (a leading "the" aside)
    and glyph variants."""

    def __init__(self, keys: AnswerKeys, mine: set[str], variants: Collection[str]) -> None:
        self.keys, self.mine, self.variants = keys, mine, variants

    def _counts(self, k: str) -> bool:
        return k not in self.keys.excluded and _the_less(k) not in self.mine and k not in self.variants

    def __contains__(self, k: object) -> bool:
        return isinstance(k, str) and k in self.keys.keys and self._counts(k)

    def near(self, key: str) -> Iterator[str]:
        """The keys one edit or less from `key`."""
        for length in (len(key) - 1, len(key), len(key) + 1):
            for k in self.keys.by_length.get(length, ()):
                if _one_edit(key, k) and self._counts(k):
                    yield k


def _kana_or_latin(key: str) -> bool:
    return is_kana(key) or (key.isascii() and key.isalpha())


def _kana_slip(typed: str, target: str) -> bool:
    """Is ``typed`` one edit from the mixed-script ``target`` (戦略的パートナシップ for 戦略的パートナーシップ), the edit
    inside a run of TYPO_MIN_LENGTH or more kana? A kanji is never a slip (外商 is not 外相)."""
    if abs(len(typed) - len(target)) > 1 or _osa(typed, target) > 1:
        return False
    p, s = common_ends(typed, target)
    if not all(_KANA_RE.fullmatch(c) for c in typed[p:len(typed) - s] + target[p:len(target) - s]):
        return False
    start, end = p, len(target) - s
    while start > 0 and _KANA_RE.fullmatch(target[start - 1]):
        start -= 1
    while end < len(target) and _KANA_RE.fullmatch(target[end]):
        end += 1
    return end - start >= TYPO_MIN_LENGTH


@dataclass(frozen=True)
class _Answer:
    """An item's spellings, precomputed for text judging."""

    keys: dict[str, str]  # normalised key -> spelling
    variants: dict[str, str]  # normalised key of another glyph form -> spelling
    readings: dict[str, str]  # kana key and romaji key of each kana spelling or reading -> spelling
    kana: dict[str, str]  # hiragana key of each kana spelling or reading -> spelling (for typos)
    mixed: tuple[tuple[Reading, str], ...]  # readings that can be typed part kana, part as written
    english: dict[str, str]  # english_key of each Latin spelling -> spelling
    cores: dict[str, str]  # name left after stripping titles from a spelling -> spelling
    titles: set[str]  # every title any spelling carries

    @classmethod
    def of(cls, spellings: list[str], readings: Mapping[str, Reading]) -> _Answer:
        keys = {normalise(s): s for s in spellings}
        variants: dict[str, str] = {}
        kana = {k: s for k, s in keys.items() if is_kana(k)}
        mixed: list[tuple[Reading, str]] = []
        for s in spellings:
            reading = readings.get(s)
            if reading is None:
                continue
            variants.update((normalise(v), s) for v in reading.variants if normalise(v) not in keys)
            if reading.kana:
                kana.setdefault(normalise(reading.kana), s)
            if reading.mixed:
                mixed.append((reading, s))
        cores: dict[str, str] = {}
        titles: set[str] = set()
        for key, spelling in keys.items():
            core, found = split_titles(key)
            titles.update(found)
            if found and name_like(core):
                cores[core] = spelling
        said = {r: s for k, s in kana.items() for r in reading_keys(k)}
        return cls(keys, variants, said, kana, tuple(mixed),
                   {english_key(s): s for s in spellings if is_latin(s)}, cores, titles)

    def named(self, key: str, raw: str) -> Verdict | None:
        """A right verdict when ``key`` (``raw`` as typed) names the answer by a spelling, glyph variant, reading,
        mixed script or English variant; None otherwise. Titles are not considered here."""
        if key in self.keys:
            return Verdict(True, VerdictReason.EXACT, self.keys[key])
        if key in self.variants:
            return Verdict(True, VerdictReason.VARIANT, self.variants[key])
        if is_kana(key) or is_romaji(key):
            spelling = self.readings.get(reading_key(key))
            if spelling is not None:
                return Verdict(True, VerdictReason.READING, spelling)
        spelling = next((s for r, s in self.mixed if spells(key, r)), None)
        if spelling is not None:
            return Verdict(True, VerdictReason.MIXED, spelling)
        if is_latin(raw):
            spelling = self.english.get(english_key(raw))
            if spelling is not None:
                return Verdict(True, VerdictReason.VARIANT, spelling)
        return None

    def lenient(self, key: str, raw: str = "") -> Verdict | None:
        """Match ``key`` by spelling, reading, romaji or titles; None if it does not name the answer."""
        raw = raw or key
        found = self.named(key, raw)
        if found is not None:
            return found
        core, typed_titles = split_titles(key)
        core_raw = raw
        if core == key:
            core, core_raw, typed_titles = self._romaji_titles(raw)
            if not typed_titles:
                return None
        spelling = self.cores.get(core) or (v.matched if (v := self.named(core, core_raw)) else None)
        if spelling is None:
            return None
        if titles_compatible(typed_titles, self.titles):
            return Verdict(True, VerdictReason.TITLE, spelling)
        return Verdict(False, VerdictReason.WRONG_TITLE, spelling)

    @staticmethod
    def _romaji_titles(raw: str) -> tuple[str, str, tuple[str, ...]]:
        """``putin daitouryou`` -> (``putin``, ``putin``, (``だいとうりょう``,)): a romaji title before or after a name."""
        words = raw.split()
        if len(words) < 2 or not is_romaji(raw):
            return normalise(raw), raw, ()
        for title, rest in ((romaji_title(words[-1]), words[:-1]), (romaji_title(words[0]), words[1:])):
            if title is not None:
                return normalise(" ".join(rest)), " ".join(rest), (title,)
        return normalise(raw), raw, ()

    def typo(self, key: str, others: _Others, acronym: bool = False) -> Verdict | None:
        """One edit in a kana or Latin answer of TYPO_MIN_LENGTH or more, or in such a run of kana in a mixed
        answer, unless another item's answer is as close. An acronym (and its kana reading) takes no typo: BRIC
        and G8 are other real things, not slips for BRICS and G7; its spelled-out form (North Atlantic Treaty
        Organization) does."""
        mixed = not _kana_or_latin(key) and bool(_KANA_RE.search(key))
        if not (_kana_or_latin(key) or mixed):
            return None
        if next(others.near(key), None) is not None:
            return None
        if mixed:
            spelling = None if acronym else next((s for k, s in self.keys.items() if _kana_slip(key, k)), None)
            return Verdict(True, VerdictReason.TYPO, spelling) if spelling is not None else None
        if is_kana(key):
            candidates = [] if acronym else list(self.kana.items())
        else:
            candidates = [(k, s) for k, s in self.keys.items()
                          if k.isascii() and k.isalpha() and not _ACRONYM_RE.fullmatch(s.strip())]
        for target, spelling in candidates:
            if len(target) >= TYPO_MIN_LENGTH and abs(len(target) - len(key)) <= 1 and _osa(key, target) <= 1:
                return Verdict(True, VerdictReason.TYPO, spelling)
        return None


def _the_less(key: str) -> str:
    return key.removeprefix("the") if key.startswith("the") and len(key) > 6 else key


def _two_answers(parts: list[str], answer: _Answer, other_keys: _Others) -> bool:
    """Do the parts split at か/と/や name two answers (this item's or another's), rather than being one word?"""
    named = [p for p in parts if p in other_keys or answer.lenient(p)]
    return len(parts) > 1 and len(named) == len(parts)


def _with_particle(typed: str, answer: _Answer, names: Collection[str]) -> Verdict | None:
    """大統領の続投 for 大統領続投: the answer once の (or 的な's な) between two nouns is left out, unless the
    spelling it then names is a name (東京の大学 is not 東京大学)."""
    for text in without_particles(typed):
        found = answer.named(normalise(text), _soft(text))
        if found is not None and normalise(found.matched or "") not in {normalise(n) for n in names}:
            return Verdict(True, VerdictReason.PARTICLE, found.matched)
    return None


def _judge_text(typed: str, key: str, spellings: list[str], others: Collection[str] | AnswerKeys,
                readings: Mapping[str, Reading], names: Collection[str]) -> Verdict:
    answer = _Answer.of(spellings, readings)
    # another item's answer that is one of ours but for a leading "the" (the US-led international order) is ours too
    mine = {_the_less(k) for k in answer.keys}
    other_keys = _Others(others if isinstance(others, AnswerKeys) else AnswerKeys.of(others), mine, answer.variants)
    if key in other_keys:
        return Verdict(False, VerdictReason.OTHER_ANSWER)
    soft = _soft(typed)
    if _HEDGE_RE.search(soft):
        return Verdict(False, VerdictReason.HEDGED)
    whole = answer.lenient(key, soft)
    if whole is not None and whole.correct:  # the answer itself may hold a separator (停戦、和平交渉の再開)
        return whole
    if _STRONG_SEP_RE.search(soft):
        raw_parts = [p.strip() for p in _STRONG_SEP_RE.split(soft) if normalise(p)]
        verdicts = [answer.lenient(normalise(p), p) for p in raw_parts]
        if len(raw_parts) > 1 and all(v is not None and v.correct for v in verdicts):
            return Verdict(True, VerdictReason.BOTH_FORMS, spellings[0])
        return Verdict(False, VerdictReason.MULTIPLE)
    parts = [normalise(p) for p in _WEAK_SEP_RE.split(soft) if normalise(p)]
    if _two_answers(parts, answer, other_keys):
        return Verdict(False, VerdictReason.MULTIPLE)
    if whole is not None:
        return whole
    if any(same_role(key, k) for k in answer.keys):
        return Verdict(True, VerdictReason.SAME_ROLE, spellings[0])
    particle = _with_particle(typed, answer, names)
    if particle is not None:
        return particle
    core = split_titles(key)[0]
    acronym = bool(_ACRONYM_RE.fullmatch(spellings[0].strip()))
    typo = answer.typo(key, other_keys, acronym) or (answer.typo(core, other_keys, acronym) if core != key else None)
    return typo or Verdict(False, VerdictReason.WRONG)


# --------------------------------------------------------------------------- numbers


def _said(key: str, spellings: list[str], readings: Mapping[str, Reading]) -> Verdict | None:
    """A number or date typed in kana or romaji as one of its spellings reads (にせんじゅうはちねん for 2018年)."""
    if not (is_kana(key) or is_romaji(key)):
        return None
    for spelling in spellings:
        reading = readings.get(spelling)
        kana = reading.kana if reading is not None else None
        if kana and reads_as(key, kana):
            return Verdict(True, VerdictReason.READING, spelling)
    return None


def _quantities(spellings: list[str]) -> list[tuple[Quantity, str]]:
    return [(q, s) for s in spellings if (q := parse_quantity("".join(_soft(s).split()))) is not None]


def _number_by_reading(typed: str, answers: list[tuple[Quantity, str]]) -> Verdict | None:
    """``nijuuyokka`` / ``にじゅうよっか`` for 24日, ``juuni`` for 12項目: the number said in kana or romaji."""
    compact = "".join(_soft(typed).split())
    if not (is_kana(compact) or is_romaji(compact)):
        return None
    for quantity, spelling in answers:
        if quantity.value != int(quantity.value):
            continue
        said = quantity_kana(int(quantity.value), quantity.counter) | quantity_kana(int(quantity.value), "")
        if any(reads_as(compact, r) for r in said):
            return Verdict(True, VerdictReason.READING, spelling)
    return None


def _judge_number(typed: str, spellings: list[str], reference: Sequence[str]) -> Verdict:
    soft = _soft(typed).removeprefix("the ")
    answers = _quantities(spellings)
    kana_forms = {r: s for s in spellings if is_kana(k := normalise(s)) for r in reading_keys(k)}
    compact = "".join(soft.split())
    if (is_kana(compact) or is_romaji(compact)) and reading_key(compact) in kana_forms:
        return Verdict(True, VerdictReason.READING, kana_forms[reading_key(compact)])
    by_reading = _number_by_reading(typed, answers)
    if by_reading is not None:
        return by_reading
    days = [(q, s) for q, s in answers if q.counter == "日"]
    date = parse_date(soft)
    if days and date is not None and len(date.parts()) > 1:  # 2023年2月24日 for 24日
        wanted = [(PartialDate(day=int(q.value)), s) for q, s in days]
        wanted += [(d, s) for s in spellings if (d := parse_date(_soft(s))) is not None and d.day is not None]
        return _fuller_date(date, typed_weekday(soft), wanted, reference)
    quantity = parse_quantity(compact)
    same = [(q, s) for q, s in answers if quantity is not None and q.value == quantity.value]
    if quantity is None or not same:
        parts = [p for p in _WEAK_SEP_RE.split(soft) if p.strip()]
        two = len(parts) > 1 and all(parse_quantity("".join(p.split())) for p in parts)
        return Verdict(False, VerdictReason.MULTIPLE if two else VerdictReason.WRONG)
    if counters_compatible(quantity.counter, {q.counter for q, _ in same}):
        return Verdict(True, VerdictReason.NUMBER, same[0][1])
    return Verdict(False, VerdictReason.WRONG_COUNTER, same[0][1])


# --------------------------------------------------------------------------- dates


def _fuller_date(date: PartialDate, weekday: int | None, answers: list[tuple[PartialDate, str]],
                 reference: Sequence[str]) -> Verdict:
    """A typed date that covers an answer: right when every part it adds is true by an accepted spelling or a
    reference date of the item; the added part is named when it is wrong or cannot be checked."""
    covered = [(a, s) for a, s in answers if date.covers(a)]
    if not covered:
        missing = next((_missing(date, a) for a, _ in answers if _agrees(date, a)), "")
        return Verdict(False, VerdictReason.INCOMPLETE if missing else VerdictReason.WRONG, detail=missing)
    if not weekday_ok(date, weekday):
        return Verdict(False, VerdictReason.WRONG, covered[0][1], detail="weekday")
    typed = date.parts()
    for answer, spelling in covered:
        if answer.parts() == typed:
            return Verdict(True, VerdictReason.DATE, spelling)
    refs = [a for a, _ in answers] + [d for text in reference for d in dates_in(text)]
    refs = [r for r in refs if any(r.covers(a) for a, _ in covered)]
    if any(all(r.parts().get(k) == v for k, v in typed.items()) for r in refs):
        return Verdict(True, VerdictReason.DATE, covered[0][1])
    added = [k for k in _PARTS if k in typed and not any(k in a.parts() for a, _ in covered)]
    wrong = next((k for k in added if any(k in r.parts() and r.parts()[k] != typed[k] for r in refs)), None)
    return Verdict(False, VerdictReason.EXTRA, covered[0][1], detail=wrong or (added[0] if added else ""))


def _missing(date: PartialDate, answer: PartialDate) -> str:
    return next((k for k in _PARTS if k in answer.parts() and k not in date.parts()), "")


def _judge_date(typed: str, spellings: list[str], reference: Sequence[str]) -> Verdict:
    answers = [(d, s) for s in spellings if (d := parse_date(_soft(s))) is not None]
    if not answers:  # not a date after all (3周年): judge as a number
        return _judge_number(typed, spellings, reference)
    soft = _soft(typed)
    date = parse_date(soft)
    if date is None and _BARE_RE.fullmatch(soft):  # "24" for 24日: a day if the answer is only a day
        value = parse_int(soft)
        for answer, spelling in answers:
            parts = answer.parts()
            if len(parts) == 1 and value in parts.values():
                return Verdict(True, VerdictReason.DATE, spelling)
        return Verdict(False, VerdictReason.WRONG)
    if date is None:
        two = len([p for p in _WEAK_SEP_RE.split(soft) if p.strip()]) > 1
        return Verdict(False, VerdictReason.MULTIPLE if two else VerdictReason.WRONG)
    return _fuller_date(date, typed_weekday(soft), answers, reference)


def _agrees(date: PartialDate, answer: PartialDate) -> bool:
    """Every part typed is right, but some part of the answer is missing."""
    wanted = answer.parts()
    return all(wanted.get(k) == v for k, v in date.parts().items())


# --------------------------------------------------------------------------- entry points


def judge(
    typed: str,
    expected: str,
    accepted: Iterable[str] = (),
    *,
    answer_type: str = "text",
    others: Collection[str] | AnswerKeys = (),
    readings: Mapping[str, Reading] | None = None,
    reference: Sequence[str] = (),
    names: Collection[str] = (),
) -> Verdict:
    """Judge ``typed`` against ``expected`` and its ``accepted`` spellings.

    ``answer_type`` is ``"text"``, ``"date"`` or ``"number"`` as the bank marks
    the item. ``others`` are other items' answers: text typed exactly as one of
    them is wrong, and typo tolerance never reaches towards them. ``readings`` maps
    a spelling to its :class:`~quizgen.japanese.readings.Reading`; ``reference``
    holds texts (the item's date, explanation, context) that state its full date;
    ``names`` are proper names (the bank's entities), inside which no の is put.
    """
    if answer_type not in ANSWER_TYPES:
        raise ValueError(f"answer_type must be one of {sorted(ANSWER_TYPES)}, not {answer_type!r}")
    key = normalise(typed)
    if not key:
        return Verdict(False, VerdictReason.EMPTY)
    spellings = _spellings(expected, accepted)
    if _HEDGE_RE.search(_soft(typed)) and not any(_HEDGE_RE.search(_soft(s)) for s in spellings):
        return Verdict(False, VerdictReason.HEDGED)
    bare = _COMMA_RE.sub("", key)
    for spelling in spellings:
        target = normalise(spelling)
        # 「恒久的で公正かつ…」 for 「恒久的で、公正かつ…」: commas inside one phrase are not a second answer
        if _COMMA_RE.sub("", target) == bare:
            return Verdict(True, VerdictReason.EXACT, spelling)
    if answer_type == "text" and (same := _same_list(typed, spellings)) is not None:
        return Verdict(True, VerdictReason.ANY_ORDER, same)
    if answer_type != "text" and (said := _said(key, spellings, readings or {})) is not None:
        return said
    if answer_type == "date":
        return _judge_date(typed, spellings, reference)
    if answer_type == "number":
        return _judge_number(typed, spellings, reference)
    return _judge_text(typed, key, spellings, others, readings or {}, names)


def is_correct(
    typed: str,
    expected: str,
    accepted: Iterable[str] = (),
    *,
    answer_type: str = "text",
    others: Collection[str] | AnswerKeys = (),
    readings: Mapping[str, Reading] | None = None,
    reference: Sequence[str] = (),
    names: Collection[str] = (),
) -> bool:
    """True when ``typed`` is a right answer; see :func:`judge` for the reason."""
    return judge(typed, expected, accepted, answer_type=answer_type, others=others, readings=readings,
                 reference=reference, names=names).correct
