"""Question forms derived from bank items: multiple choice, true/false, cloze, matching, timeline.

Pure: randomness comes in as a `random.Random`. Every generator (Anki, worksheets,
exports, the quiz) uses these, so a form means the same thing everywhere.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from quizgen.bank.model import Bank, EntityType, Item, Text, cloze_parts
from quizgen.bank.placeholders import is_placeholder
from quizgen.japanese.normalise import normalise

# --------------------------------------------------------------------------- multiple choice


@dataclass(frozen=True)
class MultipleChoice:
    """An item as a multiple-choice question: its shuffled options and which is right."""

    item: Item
    options: tuple[Text, ...]
    answer_index: int  # index of the correct option

    @property
    def correct(self) -> Text:
        return self.options[self.answer_index]


def distractors(bank: Bank, item: Item, rng: random.Random, n: int = 3) -> tuple[Text, ...]:
    """Up to `n` wrong answers: the item's own first (in order), then random pool members.

    Never an accepted answer of the item, never two that read the same (a placeholder English text, such as
    the "TODO: translate" of wrong answers typed in review, is no reading: it makes no two alike).
    """
    return Distractors.of(bank, item, n).draw(rng)


@dataclass(frozen=True)
class Distractors:
    """What `distractors` reads of the bank before its random draw, for a caller that draws an item's wrong answers
    many times (a worksheet's rounds): the item's own chosen, the readings they and its accepted answers take, and
    the rest of its pool (each member's readings made when first looked at)."""

    n: int
    chosen: tuple[Text, ...]
    seen: frozenset[str]
    pool: tuple[Text, ...]
    keys: dict[int, frozenset[str]]  # by place in `pool`: `_readings`

    @classmethod
    def of(cls, bank: Bank, item: Item, n: int = 3) -> Distractors:
        seen = {normalise(a) for a in bank.accepted(item)}
        chosen: list[Text] = []
        for c in item.distractors:
            if len(chosen) >= n:
                break
            keys = _readings(c)
            if keys & seen:
                continue
            seen |= keys
            chosen.append(c)
        pool = tuple(c for c in bank.distractor_pool(item) if c not in item.distractors)
        return cls(n, tuple(chosen), frozenset(seen), pool, {})

    def draw(self, rng: random.Random) -> tuple[Text, ...]:
        """The wrong answers: the pool shuffled by `rng` (as `rng.shuffle` of the pool itself would order it)."""
        order = list(range(len(self.pool)))
        rng.shuffle(order)
        chosen = list(self.chosen)
        seen = set(self.seen)
        for k in order:
            if len(chosen) >= self.n:
                break
            keys = self.keys.get(k)
            if keys is None:
                keys = self.keys[k] = _readings(self.pool[k])
            if keys & seen:
                continue
            seen |= keys
            chosen.append(self.pool[k])
        return tuple(chosen)


def _readings(c: Text) -> frozenset[str]:
    """How a wrong answer reads, in both languages (a placeholder English text is no reading)."""
    return frozenset({normalise(c.ja)} | (set() if is_placeholder(c.en) else {normalise(c.en)}))


def multiple_choice(bank: Bank, item: Item, rng: random.Random, n_options: int = 4,
                    prepared: Distractors | None = None) -> MultipleChoice | None:
    """A shuffled multiple-choice question, or None when too few plausible distractors exist. `prepared`:
    `Distractors.of(bank, item, n_options - 1)`, made once by a caller that asks many times."""
    wrong = (prepared or Distractors.of(bank, item, n_options - 1)).draw(rng)
    if len(wrong) < n_options - 1:
        return None
    options = [item.answer, *wrong]
    rng.shuffle(options)
    return MultipleChoice(item, tuple(options), options.index(item.answer))


# --------------------------------------------------------------------------- true / false


@dataclass(frozen=True)
class TrueFalse:
    """An item as a true/false question: the statement shown and whether it is true."""

    item: Item
    statement: Text
    is_true: bool

    @property
    def verdict(self) -> Text:
        """What the statement is: 正しい / True, or 誤り / False."""
        return TRUE if self.is_true else FALSE

    @property
    def correction(self) -> Text | None:
        """The true statement, where the one asked is false (and the item has one)."""
        return None if self.is_true else self.item.statement


#: The words every output uses around a true/false question.
ASK_TRUE_FALSE = Text("正しい?誤り?", "True or false?")
TRUE = Text("正しい", "True")
FALSE = Text("誤り", "False")
CORRECT_STATEMENT = Text("正しくは", "Correct statement")


_DAY = re.compile(r"(?<![0-9０-９])[0-9０-９]{1,2}日")


def day_only_twin(item: Item) -> bool:
    """Whether the item's false statement differs from its true one only in the day of a month (「2023年3月20日、…」
    for 3月10日): a true/false that turns on one digit is trivia and a guess, never a question of substance (review
    19, s2: 3月20日 is also the day Xi arrived in Moscow, a trap), whichever of the two a sheet prints."""
    if item.statement is None or item.false_statement is None:
        return False
    true, false = item.statement.ja, item.false_statement.ja
    return true != false and _DAY.sub("D日", true) == _DAY.sub("D日", false)


def true_false(item: Item, rng: random.Random) -> TrueFalse | None:
    """The item's true statement or its false one, picked by `rng`; None when it has neither."""
    options = []
    if item.statement is not None:
        options.append(TrueFalse(item, item.statement, True))
    if item.false_statement is not None:
        options.append(TrueFalse(item, item.false_statement, False))
    return rng.choice(options) if options else None


#: A run of word characters (Latin, digits) or one other character: the units a statement is compared in.
_TOKENS = re.compile(r"[0-9A-Za-z\u00c0-\u024f'’]+|\s+|.", re.S)


def changed_spans(true: str, false: str, gap: int = 2) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of the parts of `true` that its false twin `false` changes (replaced or left
    out), compared Latin word by word and Japanese character by character (difflib); two changes at most
    `gap` characters apart are one span; spans are widened to whole runs of kanji, katakana or Latin letters
    and digits (イラン, not ン), never start or end on a space or punctuation; a lone kana is no span, nor
    are one or two hiragana (a particle: への for に) beside a span of more. Empty when the two are the same,
    or when the twin only adds words."""
    tokens_t = _TOKENS.findall(true)
    tokens_f = _TOKENS.findall(false)
    starts = [0]
    for tok in tokens_t:
        starts.append(starts[-1] + len(tok))
    spans: list[list[int]] = []
    import difflib  # here: the quiz's start imports this module, and only a true/false card needs it

    matcher = difflib.SequenceMatcher(None, tokens_t, tokens_f, autojunk=False)
    for op, i1, i2, _, _ in matcher.get_opcodes():
        if op in ("replace", "delete") and i2 > i1:
            start, end = starts[i1], starts[i2]
            if spans and start - spans[-1][1] <= gap:
                spans[-1][1] = end
            else:
                spans.append([start, end])
    out: list[tuple[int, int]] = []
    for span in spans:
        start, end = _widened(true, *span)
        if end > start and not (end - start == 1 and _script(true[start]) is None):  # not a lone particle
            if out and start - out[-1][1] <= gap:
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
    particles = [(a, b) for a, b in out if b - a <= 2 and all("\u3041" <= ch <= "\u309f" for ch in true[a:b])]
    return tuple(span for span in out if span not in particles) if len(particles) < len(out) else tuple(out)


def _widened(text: str, start: int, end: int) -> tuple[int, int]:
    """A span of `text` without spaces or punctuation at its ends, widened to whole kanji, katakana or Latin runs."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    kind = _script(text[start]) if end > start else None
    while kind and start > 0 and _script(text[start - 1]) == kind:
        start -= 1
    kind = _script(text[end - 1]) if end > start else None
    while kind and end < len(text) and _script(text[end]) == kind:
        end += 1
    return start, end


def _script(ch: str) -> str | None:
    """The run a character belongs to for `changed_spans` (kanji, katakana, Latin and digits), None otherwise."""
    if ch.isascii():
        return "latin" if ch.isalnum() else None
    if "\u30a0" <= ch <= "\u30ff" or ch == "ー":
        return "katakana"
    if "\u4e00" <= ch <= "\u9fff" or ch in "々〆":
        return "kanji"
    return None


def changed_words(item: Item) -> Text | None:
    """What the false twin of a true/false item changes, as the true statement's words (ja, en; each part
    joined by " … "), or None when the item has no twin or the twin changes nothing."""
    if item.statement is None or item.false_statement is None:
        return None
    parts = []
    for true, false in ((item.statement.ja, item.false_statement.ja), (item.statement.en, item.false_statement.en)):
        parts.append(" … ".join(true[a:b] for a, b in changed_spans(true, false)))
    return Text(*parts) if any(parts) else None


# --------------------------------------------------------------------------- cloze


@dataclass(frozen=True)
class Cloze:
    """An item's cloze sentence, its blanks marked."""

    item: Item
    text: Text  # with [[...]] around each blank

    def parts(self, lang: str = "ja") -> list[tuple[str, bool]]:
        """The text split into (segment, is_blank) pairs."""
        return cloze_parts(getattr(self.text, lang))

    def blanks(self, lang: str = "ja") -> tuple[str, ...]:
        return tuple(s for s, blank in self.parts(lang) if blank)


def cloze(item: Item) -> Cloze | None:
    return Cloze(item, item.cloze) if item.cloze is not None else None


# --------------------------------------------------------------------------- matching (actor <-> role)


@dataclass(frozen=True)
class Pair:
    """One left/right pair for a matching exercise, with where it comes from."""

    key: str  # stable id: entity id + article
    left: Text
    right: Text
    article: str
    quote: str


def role_pairs(bank: Bank, articles: Sequence[str] = ()) -> tuple[Pair, ...]:
    """Person <-> role pairs as the articles give them (one per person and article)."""
    out = []
    for e in bank.entities:
        if e.type is not EntityType.PERSON:
            continue
        for r in e.roles:
            if articles and r.article not in articles:
                continue
            out.append(Pair(f"{e.id}@{r.article}", Text(e.ja, e.en), Text(r.ja, r.en), r.article, r.quote))
    return tuple(out)


def matching_set(pairs: Sequence[Pair], rng: random.Random | None, size: int = 5) -> tuple[Pair, ...]:
    """Up to `size` pairs in which no left and no right repeats, in either language (so the matching is
    unambiguous). `rng` shuffles the pairs first; None takes them in the order given (best first)."""
    pool = list(pairs)
    if rng is not None:
        rng.shuffle(pool)
    chosen: list[Pair] = []
    seen: set[str] = set()
    for p in pool:
        if len(chosen) >= size:
            break
        keys = {"l" + normalise(p.left.ja), "l" + normalise(p.left.en), "r" + normalise(p.right.ja),
                "r" + normalise(p.right.en)}
        if keys & seen:
            continue
        seen |= keys
        chosen.append(p)
    return tuple(chosen)


_DEMONYMS = {"china": "Chinese", "russia": "Russian", "japan": "Japanese", "ukraine": "Ukrainian",
             "united states": "American", "us": "US", "iran": "Iranian", "saudi arabia": "Saudi",
             "switzerland": "Swiss", "syria": "Syrian", "venezuela": "Venezuelan", "india": "Indian"}
_ABBREVIATIONS_JA = "米露英仏独"  # one-kanji country names written before a role (米国務長官, 露外相)


def neutral_role(bank: Bank, role: Text) -> Text:
    """`role` without the nationality that would give its person away in a matching exercise: 'Prime Minister
    of Japan' -> 'Prime Minister', 'ロシア連邦安全保障会議書記' -> '安全保障会議書記', 'China's top diplomat'
    -> 'top diplomat'. Country names come from the bank's country entities (and their aliases)."""
    countries = [e for e in bank.entities if e.type is EntityType.COUNTRY]
    names_ja = sorted({n for e in countries for n in (e.ja, *e.aliases) if not n.isascii() and len(n) >= 2},
                      key=len, reverse=True)
    names_en = sorted({n for e in countries for n in (e.en, *e.aliases) if n.isascii() and len(n) >= 2},
                      key=len, reverse=True)
    from quizgen.japanese.titles import TITLES_AFTER_NAME  # here, not at the top: the quiz's start-up needs no titles

    ja = role.ja
    if ja[:1] in _ABBREVIATIONS_JA and ja[1:].startswith(TITLES_AFTER_NAME):  # 米国務長官: 米 + 国務長官
        ja = ja[1:]
    elif names_ja:
        ja = re.sub("(?:" + "|".join(map(re.escape, names_ja)) + ")(?:連邦)?(?:の)?", "", ja)
        ja = re.sub(f"^[{_ABBREVIATIONS_JA}](?=..)", "", ja)
    en = role.en
    words = names_en + [_DEMONYMS[n.lower()] for n in names_en if n.lower() in _DEMONYMS]
    if names_en:
        alt = "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))
        en = re.sub(rf"\s*\((?:{alt})\)", "", en)
        en = re.sub(rf"\s+(?:of|in|at)\s+(?:the\s+)?(?:{alt})(?![A-Za-z'’])", "", en)
        en = re.sub(rf"(?<![A-Za-z])(?:the\s+)?(?:{alt})(?:'s|’s)?\s+", "", en)
    ja, en = ja.strip(" ・の"), " ".join(en.split())
    return Text(ja or role.ja, en or role.en)


def nationality(bank: Bank, role: Text) -> tuple[str, ...]:
    """Every name of the country a role names, in the forms that stand before a title (ロシア, 露, Russia,
    Russian for 'Foreign Minister of Russia'): what `neutral_role` takes out. 「ロシア外相」 printed elsewhere on
    a sheet points at the one Russian of a matching exercise as surely as his name (review 16, s5b)."""
    out: list[str] = []
    for e in bank.entities:
        if e.type is not EntityType.COUNTRY:
            continue
        names = [n for n in (e.ja, e.en, *e.aliases) if len(n) >= 2]
        if not any(n in role.ja if not n.isascii() else re.search(rf"(?<![A-Za-z]){re.escape(n)}(?![a-z])", role.en)
                   for n in names):
            continue
        out += names + [_DEMONYMS[n.lower()] for n in names if n.lower() in _DEMONYMS]
        out += [a for a in _ABBREVIATIONS_JA if any(a in n for n in names if not n.isascii())]
    return tuple(dict.fromkeys(out))


def neutral_pairs(bank: Bank, pairs: Iterable[Pair]) -> tuple[Pair, ...]:
    """`pairs` with every right-hand role made `neutral_role`."""
    return tuple(replace(p, right=neutral_role(bank, p.right)) for p in pairs)


# --------------------------------------------------------------------------- timeline


@dataclass(frozen=True)
class TimelineEvent:
    """One dated event of the chronology: every item with this `when` and this event text."""

    item: Item  # the first of `items`: its id keys the event
    when: str
    event: Text
    items: tuple[Item, ...] = ()  # every item dated to this event, in bank order

    @property
    def all_items(self) -> tuple[Item, ...]:
        return self.items or (self.item,)

    @property
    def articles(self) -> tuple[str, ...]:
        """The articles the event comes from (those of every item dated to it), in bank order."""
        return tuple(dict.fromkeys(a for i in self.all_items for a in i.articles))


def timeline(items: Iterable[Item]) -> tuple[TimelineEvent, ...]:
    """The chronology of `items`: one entry per distinct dated event (same `when`, same event text), oldest first.

    `when` sorts as text, so a date known only to the year or month comes before the exact dates inside it
    (2024 before 2024-05 before 2024-05-16); events with one date keep the bank's order.
    """
    grouped: dict[tuple[str, str], list[Item]] = {}
    for i in items:
        if i.when is not None and i.event is not None:
            grouped.setdefault((i.when, normalise(i.event.ja)), []).append(i)
    events = [TimelineEvent(its[0], when, its[0].event or Text("", ""), tuple(its)) for (when, _), its in grouped.items()]
    return tuple(sorted(events, key=lambda e: e.when))


def timeline_set(items: Iterable[Item] | Sequence[TimelineEvent], rng: random.Random | None, size: int = 5,
                 max_items: int | None = None) -> tuple[TimelineEvent, ...]:
    """Up to `size` events with distinct dates, chronological (so the order is unambiguous), using at most
    `max_items` items in all (an event uses every item dated to it). From items: their chronology shuffled by
    `rng`; from events: in the order given (best first) when `rng` is None."""
    given = list(items)
    events = [e for e in given if isinstance(e, TimelineEvent)] or list(timeline(i for i in given if isinstance(i, Item)))
    if rng is not None:
        rng.shuffle(events)
    chosen: dict[str, TimelineEvent] = {}
    used = 0
    for e in events:
        if len(chosen) >= size:
            break
        if max_items is not None and used + len(e.all_items) > max_items:
            continue
        if not any(e.when.startswith(w) or w.startswith(e.when) for w in chosen):
            chosen[e.when] = e
            used += len(e.all_items)
    return tuple(sorted(chosen.values(), key=lambda e: e.when))
