"""The leak checker: what on one sheet gives a question's answer away (pure).

Run on every version of every sheet before it is written, and by the selection while it chooses:

- `answer`: a question's answer, or a spelling the bank accepts for it, is printed in another question's
  text, choices or note on the same sheet, or in the sheet's source list (outlet and date; a headline that
  holds an answer, read whole, is left off the student's sheet: `bare_sources`); a
  choice or matching option that *is* or holds an accepted spelling counts however short it is (外相; 同盟関係
  for 同盟); for a
  matching pair: the person named (by any of their names: イワノフ for フィリップ・イワノフ) with that
  title or with a part of it no other option of the exercise has (米ジョージタウン大学のイワノフ氏 gives
  away 米ジョージタウン大学客員研究員); for a timeline event: its date, or its year where the exercise's
  events are not all of one year (「2025年の初め」), printed in a question about the same story or the same date;
  a country answer is also given away by its one-character name opening a word for it acting (米政府, 米軍 for
  米国; not a pair such as 中ロ: `quizgen.japanese.countries`);
- `same-sentence`: two questions draw on the same sentence of an article (one evidence quote inside
  another's sentence, or, without the article texts, one quote containing the other), unless both are asked with a
  written or chosen answer (short, choice, cloze): two separate facts of one sentence (who proposed a resolution,
  how many members voted for it) may then share a sheet where neither prints the other's answer, which the
  `answer` and `same-answer` checks see (issue 17: a 12-sentence article gave no more than 12 questions), and the
  selection takes such a pair last (`closeness`, in `choose`). A true/false statement, a matching or a timeline
  exercise prints its sentence's fact with no answer to compare: two of one sentence are one fact asked twice;
- `same-answer`: two written or chosen answers are the same (上海協力機構 fills a blank of one question and
  answers another): a student writes it twice, and the second is given by the first;
- `note`: a note printed beside a question reveals its own answer, or sits beside a true/false or
  multiple-choice question. Notes give answers away in ways no string search sees (「米ロはサウジアラビアで
  高官協議を行った」 beside a blank the answer 米 fills; 「ロシア国民は次の大統領選でもプーチン氏を引き続き
  支持するだろう」 beside a question whose answer is his re-election), so `sheet_note` keeps every note for
  the key: a sheet made by `choose` never prints one. The checks stay for questions built by hand.

Answers are found as `quizgen check` finds an answer in its own prompt (`bank.content.printed_in`): by
comparison key (width, kana, case and punctuation folded), Latin script as whole words, very short
forms ignored.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from quizgen import forms
from quizgen.bank.content import Shown, answer_forms, comparison_key, printed_in, shown
from quizgen.bank.model import Bank, Item, Lang, Text
from quizgen.citations import date_label, source_label, source_name
from quizgen.generators.worksheet.exercises import (
    ChoiceQ,
    ClozeQ,
    Exercise,
    MatchingQ,
    Question,
    ShortQ,
    TimelineQ,
    TrueFalseQ,
    question_articles,
    question_items,
    question_key,
    question_label,
    sheet_texts,
)
from quizgen.japanese.countries import acting_compound, acting_pattern, short_names
from quizgen.japanese.dates import parse_date
from quizgen.japanese.normalise import normalise

__all__ = ["NOTES_ON_SHEET", "Leak", "LeakChecker", "LeakKind", "closeness", "find_leaks", "near", "note_reveals",
           "same_sentence", "sheet_note"]

_MIN_BLANK = 2  # shortest cloze blank looked for elsewhere (ロシア, 中国)
_MIN_LATIN = 4
_PAIR_WINDOW = 8  # a name and a title this close (characters of the comparison key) state the pair
_SENTENCE_END = re.compile(r"[。!?！？\n]")


class LeakKind(StrEnum):
    ANSWER = "answer"
    SAME_SENTENCE = "same-sentence"
    NOTE = "note"
    SAME_ANSWER = "same-answer"
    LURE = "lure"  # a near answer the key rejects, printed in another question


@dataclass(frozen=True)
class Leak:
    """One give-away on a sheet: `giver`'s text shows `form`, which answers `taker`."""

    kind: LeakKind
    giver: str  # question_label of the question whose text gives it away
    taker: str  # question_label of the question it answers
    form: str  # what was found: the answer as printed, or the shared quote
    where: str = ""  # which text of the giver: prompt, choice, note, statement, cloze, matching, event

    def describe(self) -> str:
        if self.kind is LeakKind.SAME_ANSWER:
            return f"{self.giver} and {self.taker} have the same answer (「{self.form}」)"
        if self.kind is LeakKind.SAME_SENTENCE:
            return f"{self.giver} and {self.taker} come from the same sentence of an article (「{self.form}」)"
        if self.kind is LeakKind.NOTE and self.where == "options":
            return f"the note of {self.taker} sits beside options it can decide (「{self.form}」)"
        if self.kind is LeakKind.NOTE:
            return f"the note of {self.taker} shows its answer 「{self.form}」"
        if self.kind is LeakKind.LURE:
            return f"{self.giver} prints 「{self.form}」, a near answer the key of {self.taker} rejects"
        shows = "show" if " and " in self.where else "shows"  # several texts of one question (`choose._once_per_pair`)
        return f"{self.giver}'s {self.where or 'text'} {shows} 「{self.form}」, the answer to {self.taker}"


def _langs(lang: Lang) -> tuple[str, ...]:
    return {Lang.JA: ("ja",), Lang.EN: ("en",), Lang.BOTH: ("ja", "en")}[lang]


def _shown(form: str, text: Text, shortest: int, langs: tuple[str, ...]) -> bool:
    return printed_in(form, text, shortest, langs) is not None


# --------------------------------------------------------------------------- notes


def note_reveals(bank: Bank, item: Item, note: Text, lang: Lang = Lang.BOTH) -> str | None:
    """The answer form `note` prints (so it would reveal its own question's answer), or None."""
    langs = _langs(lang)
    for form, _, shortest in answer_forms(item, bank):
        if _shown(form, note, shortest, langs):
            return form
    return None


NOTES_ON_SHEET: tuple[Exercise, ...] = ()
"""The exercises whose notes may be printed on the sheet: none. Four of the five sheets a teacher reviewed had a
note that answered its own or another question (by paraphrase, not by the answer's spelling), so the
outside-the-articles notes are printed in the key only."""


def sheet_note(bank: Bank, item: Item, lang: Lang, exercise: Exercise = Exercise.SHORT) -> Text | None:
    """The note printed beside `item`'s question on the sheet: its outside-the-articles context, for an exercise
    of `NOTES_ON_SHEET`, unless the note shows the answer; otherwise (always, now) the note is in the key only."""
    if exercise not in NOTES_ON_SHEET or item.context is None or note_reveals(bank, item, item.context, lang):
        return None
    return item.context


# --------------------------------------------------------------------------- what answers a question


def _item_answers(bank: Bank, item: Item) -> list[tuple[str, int]]:
    return [(form, shortest) for form, _, shortest in answer_forms(item, bank)]


def year_month(answer: Text) -> list[tuple[str, int]]:
    """A date answer's year and month (「2023年2月」, "February 2023") where the answer names a day: printed in
    another question they give away most of it (review 3, s5: 問7 「2023年2月、…」 beside 2023年2月24日)."""
    d = parse_date(answer.ja)
    if d is None or d.year is None or d.month is None or d.day is None:
        return []
    label = date_label(f"{d.year:04d}-{d.month:02d}")
    return [(label.ja, _MIN_BLANK), (label.en, _MIN_LATIN)]


def month_day(answer: Text) -> list[tuple[str, int]]:
    """A date answer's month and day (「3月10日」, "March 10") where the answer names a day: a title printing them
    gives the date away (hostile29: --title 「3月10日の合意」 beside 2023年3月10日, its choices all of March 2023)."""
    d = parse_date(answer.ja)
    if d is None or d.year is None or d.month is None or d.day is None:
        return []
    return [(f"{d.month}月{d.day}日", _MIN_BLANK), (f"{calendar.month_name[d.month]} {d.day}", _MIN_LATIN)]


def _header_dates(q: Question) -> list[tuple[str, int]]:
    """What of a date answer a header (the title, the exam name) may not print: its year and month, its month and
    day."""
    return [f for t in _asked(q) for f in year_month(t) + month_day(t)]


def _answers(bank: Bank, q: Question) -> list[tuple[str, int]]:
    """The forms that answer `q` when printed elsewhere (matching and timeline have their own rules)."""
    match q:
        case ShortQ(item=i):
            return _item_answers(bank, i)
        case ChoiceQ(mc=mc):
            return _item_answers(bank, mc.item)
        case TrueFalseQ(tf=tf):
            return _item_answers(bank, tf.item)
        case ClozeQ(cz=cz):
            blanks = [(b, _MIN_BLANK) for b in cz.blanks("ja")] + [(b, _MIN_LATIN) for b in cz.blanks("en")]
            return blanks + (_item_answers(bank, cz.item) if len(cz.blanks("ja")) == 1 else [])
        case MatchingQ() | TimelineQ():
            return []
    raise AssertionError(q)  # pragma: no cover


def _asked(q: Question) -> list[Text]:
    """What a question asks the student to write or pick: a short or choice question's answer, a cloze's blanks (a
    true/false question asks for none)."""
    match q:
        case ShortQ(item=i) | ChoiceQ(mc=forms.MultipleChoice(item=i)):
            return [i.answer]
        case ClozeQ(cz=cz):
            return [Text(b, "") for b in cz.blanks("ja")]
    return []


def _partial(q: Question) -> list[tuple[str, int]]:
    """The year and month of the date a question asks for (`_asked`)."""
    return [f for t in _asked(q) for f in year_month(t)]


_HINT_MIN = 3  # characters of a title (comparison key) that, beside the person's name, point at their option
_HINT_WINDOW = 12  # how far from the name a part of the title still points at it
_STOP_EN = frozenset({"the", "and", "for", "with", "from", "of", "at", "in", "on", "to", "a", "an"})


def _pair_stated(name: str, title: str, text: str, others: Iterable[str] = (), names: Iterable[str] = (),
                 countries: Iterable[str] = ()) -> bool:
    """Whether `text` names the person (`name`, or one of `names`) with the title `title` within a few
    characters, or with a part of it (3 characters or more, a whole word in English) that none of `others`
    (the other options of the exercise) has; or writes the title with the person's country (`countries`,
    `qualified_titles`: 「ロシア外相」 beside ラブロフ, review 16)."""
    t, s = normalise(title), normalise(text)
    if len(t) < 2:
        return False
    if any(form in s for form in qualified_titles(t, countries)):
        return True
    other = [normalise(o) for o in others]
    for n in dict.fromkeys(normalise(x) for x in (name, *names)):
        if len(n) < 2:
            continue
        for m in re.finditer(re.escape(n), s):
            window = s[max(0, m.start() - _PAIR_WINDOW - len(t)): m.end() + _PAIR_WINDOW + len(t)]
            if t in window:
                return True
            near = s[max(0, m.start() - _HINT_WINDOW - len(t)): m.end() + _HINT_WINDOW + len(t)]
            if _hint(t, near, other):
                return True
    return False


def qualified_titles(title: str, countries: Iterable[str]) -> tuple[str, ...]:
    """The comparison keys of `title` (a key already) written with a country's name: ロシア外相, ロシアの外相,
    Russia's / Russian / Russia foreign minister, foreign minister of (the) Russia."""
    out = []
    for c in countries:
        k = normalise(c)
        if len(k) < 2:
            continue
        if c.isascii():
            out += [k + title, k + "s" + title, title + "of" + k, title + "ofthe" + k]
        else:
            out += [k + title, k + "の" + title]
    return tuple(out)


def _hint(title: str, near: str, others: list[str]) -> bool:
    """A part of `title` in `near` that no other option has: it points at this option alone."""
    if title.isascii():
        words = [w for w in re.findall(r"[a-z][a-z-]{3,}", title) if w not in _STOP_EN]
        return any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", near) and not any(w in o for o in others)
                   for w in words)
    for size in range(len(title) - 1, _HINT_MIN - 1, -1):
        for k in range(len(title) - size + 1):
            part = title[k:k + size]
            if part.isascii() or part not in near:
                continue
            if not any(part in o for o in others):
                return True
    return False


def _matching_leaks(q: MatchingQ, other: Question, texts: list[tuple[str, Text]], langs: tuple[str, ...],
                    names: Mapping[str, tuple[str, ...]] | None = None,
                    countries: Mapping[str, tuple[str, ...]] | None = None) -> list[Leak]:
    out = []
    for p in q.lefts:
        person = p.key.split("@")[0]
        for where, text in texts:
            for lg in langs:
                others = [getattr(r.right, lg) for r in q.rights if r.key != p.key]
                more = (names or {}).get(person, ()) if lg == "ja" else ()
                land = [c for c in (countries or {}).get(person, ()) if c.isascii() == (lg == "en")]
                if _pair_stated(getattr(p.left, lg), getattr(p.right, lg), getattr(text, lg), others, more, land):
                    out.append(Leak(LeakKind.ANSWER, question_label(other), question_label(q),
                                    f"{getattr(p.left, lg)} … {getattr(p.right, lg)}", where))
                    break
    return out


def _timeline_leaks(q: TimelineQ, other: Question, texts: list[tuple[str, Text]], langs: tuple[str, ...]) -> list[Leak]:
    """An event's date (or its year, when the other events are not all of that year) printed in a question about
    the same story or dated the same: the order is given away."""
    others = question_items(other)
    out = []
    for e in q.shown:
        stories = {i.story for i in e.all_items if i.story}
        related = any(i.story in stories or i.when == e.when for i in others)
        if not related:
            continue
        labels = [date_label(e.when)]
        year = e.when[:4]
        if len(e.when) > 4 and any(o.when[:4] != year for o in q.shown):
            labels.append(date_label(year))  # 「2025年の初め」 beside an event of 2025-02: it is the newest of four
        for where, text in texts:
            found = next((getattr(label, lg) for label in labels for lg in langs
                          if _date_in(getattr(label, lg), getattr(text, lg))), None)
            if found is not None:
                out.append(Leak(LeakKind.ANSWER, question_label(other), question_label(q), found, where))
                break
    return out


def _date_in(label: str, text: str) -> bool:
    if label.isdigit():  # a bare year in English: as a whole number
        return re.search(rf"(?<![0-9]){label}(?![0-9])", text) is not None
    return normalise(label) in normalise(text)


def _written(q: Question) -> set[str]:
    """The answers a student writes or picks for `q` (comparison keys): a short or choice question's answer,
    each blank of a cloze."""
    match q:
        case ShortQ(item=i):
            return {normalise(i.answer.ja)}
        case ChoiceQ(mc=mc):
            return {normalise(mc.item.answer.ja)}
        case ClozeQ(cz=cz):
            return {normalise(b) for b in cz.blanks("ja")}
    return set()


def _same_answer(a: Question, b: Question) -> list[Leak]:
    same = sorted(k for k in _written(a) & _written(b) if len(k) >= 2)
    return [Leak(LeakKind.SAME_ANSWER, question_label(a), question_label(b), same[0])] if same else []


def _lures(taker: Question, giver: Question, texts: Iterable[Text], langs: tuple[str, ...]) -> list[Leak]:
    """A near answer the bank rules out for `taker` (`reject`: 軍事支援 for 武器の提供) printed in a text of `giver`:
    students copy it into the answer and lose the points to a distinction the sheet itself blurred (review 18, s5:
    「…ロシアへの軍事支援につながる可能性への懸念…」 in a true/false statement above a question whose key says
    「不可: 軍事支援」). Only for answers written by hand (short answer, cloze)."""
    if not isinstance(taker, (ShortQ, ClozeQ)):
        return []
    rejected = [(r, normalise(r)) for i in question_items(taker) for r in i.reject if len(normalise(r)) >= 2]
    for text in texts:
        for lg in langs:
            said = normalise(getattr(text, lg))
            found = next((r for r, key in rejected if key in said), None)
            if found is not None:
                return [Leak(LeakKind.LURE, question_label(giver), question_label(taker), found)]
    return []


def _same_post(a: Question, b: Question, posts: Mapping[str, frozenset[str]]) -> list[Leak]:
    """A matching exercise beside a question whose written answer is a title one of its people holds in some article
    (`posts`, by person): one fact asked twice, the two answers at odds (review 17, s5: a cloze answering 外相 of
    王毅, and 王毅 → トップ外交官 in the matching right below it, his title in another article)."""
    for m, other in ((a, b), (b, a)):
        if isinstance(m, MatchingQ):
            held = frozenset().union(*(posts.get(p.key.split("@")[0], frozenset()) for p in m.lefts))
            same = sorted(k for k in _written(other) & held if len(k) >= 2)
            if same:
                return [Leak(LeakKind.SAME_ANSWER, question_label(m), question_label(other), same[0])]
    return []


# --------------------------------------------------------------------------- sentences


def _sentence(text: str, quote: str) -> tuple[int, int] | None:
    start = text.find(quote)
    if start < 0:
        return None
    end = start + len(quote)
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    # a quote that ends its sentence (…した。) ends there: searching after it would take in the next sentence
    after = _SENTENCE_END.search(text, end - 1 if quote and _SENTENCE_END.fullmatch(quote[-1]) else end)
    return (before[-1] if before else 0, after.end() if after else len(text))


def _spans(item: Item, texts: Mapping[str, str]) -> list[tuple[str, int, int] | None]:
    """Per evidence quote of `item`: (article, start, end) of the sentence that holds it, where the text is known."""
    out: list[tuple[str, int, int] | None] = []
    for ev in item.evidence:
        text = texts.get(ev.article)
        span = _sentence(text, ev.quote) if text is not None else None
        out.append((ev.article, *span) if span is not None else None)
    return out


PASSAGE_GAP = 100
"""Characters between two sentences of one article (end to start) within which they are one passage: the next
sentence, or the one after it (review 8, s3: three questions from three sentences in a row about one summit,
共同軍事演習… / BRICS… / ハルビン…, 50-60 characters each)."""


def near(a: frozenset[tuple[str, int, int]], b: frozenset[tuple[str, int, int]]) -> bool:
    """Whether two sets of sentences (`LeakChecker.passage`) share a passage: a sentence of one article each, at most
    `PASSAGE_GAP` characters apart."""
    return any(x[0] == y[0] and max(x[1], y[1]) - min(x[2], y[2]) <= PASSAGE_GAP for x in a for y in b)


def closeness(a: frozenset[tuple[str, int, int]], b: frozenset[tuple[str, int, int]]) -> int:
    """How closely two sets of sentences (`LeakChecker.passage`) draw on one passage: 2 where they share a sentence
    (two facts of one sentence: a pair a sheet takes last), 1 where they are `near`, else 0."""
    if any(x[0] == y[0] and x[1] < y[2] and y[1] < x[2] for x in a for y in b):
        return 2
    return int(near(a, b))


def answered(q: Question) -> bool:
    """Whether `q` is asked with a written or chosen answer (short, choice, cloze): two such questions on one sentence
    may share a sheet (`same-sentence`)."""
    return isinstance(q, (ShortQ, ChoiceQ, ClozeQ))


def same_sentence(a: Item, b: Item, texts: Mapping[str, str] | None) -> str | None:
    """A quote of `a` that shares a sentence with one of `b` (given the article texts), or that contains or
    sits inside one of `b`'s quotes; None when they draw on different sentences."""
    return _same_sentence(a, b, _spans(a, texts or {}), _spans(b, texts or {}))


def _same_sentence(a: Item, b: Item, sa: list[tuple[str, int, int] | None],
                   sb: list[tuple[str, int, int] | None]) -> str | None:
    for x, span_x in zip(a.evidence, sa, strict=True):
        for y, span_y in zip(b.evidence, sb, strict=True):
            if x.article != y.article:
                continue
            if x.quote in y.quote or y.quote in x.quote:
                return x.quote if len(x.quote) <= len(y.quote) else y.quote
            if span_x is not None and span_y is not None and span_x[1] < span_y[2] and span_y[1] < span_x[2]:
                return x.quote
    return None


# --------------------------------------------------------------------------- the checker


_SEP = "\u241e"  # between a question's texts when they are searched at once (kept by normalisation, in no text)


@dataclass(frozen=True)
class _Profile:
    """A question as the checker reads it: its texts, prepared one by one and as a whole, and its answers."""

    texts: list[tuple[str, Text, Shown]]
    whole: Shown
    answers: list[tuple[str, int]]
    partial: list[tuple[str, int]]  # what gives most of a date answer away in another question (not in a source's date)
    options: dict[str, tuple[str, str]]  # its options (choices, true/false statements), normalised: (where, as printed)
    keys: list[tuple[str, str]]  # its answers with their normalised forms, for finding them among options
    finds: list[tuple[str, int, str, bool]]  # answers and partial forms to look for: (form, shortest, what
    # `printed_in` looks for — a Japanese form's comparison key, a Latin form's folded words —, whether it is Latin)


@dataclass(frozen=True)
class _Facts:
    """What `LeakChecker.gives_away` needs of a question, read once: its content key (`LeakChecker.content`), its
    answers (None for matching and timeline), the numbers of its texts (`LeakChecker._text_ids`), its items' ids."""

    content: str
    asked: _Asked | None
    texts: tuple[int, ...]
    items: tuple[str, ...]
    articles: frozenset[str]  # the articles its items' evidence quotes (two questions share a sentence of one only)
    quotes: tuple[int, ...] = ()  # per item, the number of its evidence (`LeakChecker._quote_number`)


@dataclass(frozen=True)
class _Asked:
    """What answers a one-item question, as the verdict (`LeakChecker.gives_away`) looks for it in another's texts:
    the same for every round's form of the question (a choice question's options and a true/false question's
    statement change between rounds, its answers do not)."""

    keys: list[tuple[str, str]]  # as `_Profile.keys`
    finds: list[tuple[str, int, str, bool]]  # as `_Profile.finds`
    countries: list[tuple[re.Pattern[str], tuple[str, ...]]]  # per answer with one-character names (`short_names`):
    # what `acting_compound` searches for, and those names
    held: list[str]  # the keys an option holding them gives away (`_held_by_option`)
    written: frozenset[str]  # `_written`, two characters or more
    ja_keys: tuple[str, ...]  # the comparison keys of `finds` not in Latin script, as long as their `shortest` or more
    latin: tuple[tuple[str, int, str], ...]  # (form, shortest, folded words) of `finds` in Latin script, as long
    told: dict[int, bool]  # text number (`LeakChecker._text_ids`) -> whether that text shows one of these answers
    key: str = ""  # `_asked_key`
    searched: frozenset[str] = frozenset()  # every string `LeakChecker._told` looks for in a text (`_Index`)
    group: int = 0  # the same for answers `_told` reads alike (they share `told`): what `_Index` holds and `_tells` names


def _finds(forms: list[tuple[str, int]]) -> list[tuple[str, int, str, bool]]:
    """(form, shortest, what `printed_in` looks for, whether it is Latin) of each form (`_Profile.finds`)."""
    return [(form, shortest, " ".join(form.split()).casefold(), True) if form.isascii()
            else (form, shortest, comparison_key(form), False) for form, shortest in forms]


def _asked_key(q: Question) -> str | None:
    """The key of `_Asked` for a one-item question: short and choice questions look for the same forms (the answer
    and the year and month of a date answer), true/false for the answer alone, cloze for its blanks; None for
    matching and timeline."""
    match q:
        case ShortQ(item=i) | ChoiceQ(mc=forms.MultipleChoice(item=i)):
            return "asked:" + i.id
        case TrueFalseQ(tf=tf):
            return "stated:" + tf.item.id
        case ClozeQ(cz=cz):
            return "blanked:" + cz.item.id
    return None


class LeakChecker:
    """Finds leaks between the questions of one sheet; remembers what it has prepared (texts, answers,
    sentences and pairs already compared), so a selection can ask it thousands of times."""

    def __init__(self, bank: Bank, lang: Lang, texts: Mapping[str, str] | None = None) -> None:
        self.bank, self.lang, self.texts = bank, lang, texts or {}
        self.langs = _langs(lang)
        self._profiles: dict[str, _Profile] = {}
        self._pairs: dict[tuple[str, str], list[Leak]] = {}
        self._spans: dict[str, list[tuple[str, int, int] | None]] = {}
        self._ids: dict[int, tuple[Question, str]] = {}  # by object: the question (kept alive) and its key
        self._content_keys: dict[str, str] = {}  # question key -> content key (`content`)
        self._sources: dict[tuple[str, str], list[Leak]] = {}  # (question key, article): the source list's leaks
        self._alike: dict[tuple[str, str], tuple[str, str, list[Leak]]] = {}  # by content: labels and leaks
        self._content_ids: dict[Item, int] = {}  # an item with its id left out -> the number of its content
        self._passages: dict[str, frozenset[tuple[str, int, int]]] = {}  # by item id (`passage`)
        # `gives_away`, answered at a finer grain than `between` (a selection asks it tens of thousands of times, for
        # questions whose options or statement differ from round to round while their answers do not):
        self._verdicts: dict[str, dict[str, bool]] = {}  # by content, by the other's content
        self._seen: dict[int, tuple[Question, _Facts]] = {}  # by object: the question (kept alive) and its facts
        self._facts_by_key: dict[str, _Facts] = {}  # by question key
        self._asked: dict[str, _Asked] = {}  # by `_asked_key`
        self._groups: dict[tuple[object, ...], tuple[int, dict[int, bool]]] = {}  # what `_told` reads of an `_Asked`:
        # its group and shared `told`
        self._text_ids: dict[tuple[Text, bool], int] = {}  # every text read (and whether an option), numbered
        self._text_list: list[tuple[Text, bool]] = []  # the same, by number
        self._text_read: list[tuple[frozenset[str] | None, Shown]] = []  # the same, prepared: an option's normalised
        # forms in the sheet's languages (None for other texts), `shown`
        self._listed: dict[tuple[str, bool], tuple[Text, str]] = {}  # (article, headline?): as listed, and its name
        self._answers_of: dict[str, list[tuple[str, int]]] = {}  # by `_source_key`: `_answers`
        self._index: _Index | None = None  # every answer expected (`expect`)
        self._told_by: dict[str, tuple[_Index, frozenset[int]]] = {}  # by content: the `_tells` of all its texts
        self._text_tells: dict[int, tuple[_Index, frozenset[int]]] = {}  # text number -> `_tells`
        self._text_normalised: dict[tuple[int, str], str] = {}  # (text number, language) -> `normalise` of it
        self._named: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}  # by content of a matching exercise:
        # its people's names (`_matching_names`)
        self._matching_told: dict[str, dict[int, bool]] = {}  # by content of a matching exercise: text number -> shows
        self._timeline_parts: dict[str, list[tuple[frozenset[str], str, tuple[tuple[str, str, bool, str], ...]]]] = {}
        # by content of a timeline exercise: per event, its stories, date and date labels (`_shows_date`)
        self._sentences_shared: dict[tuple[int, int], bool] = {}  # by pair of evidence numbers (`_quote_number`)
        self._quote_numbers: dict[tuple[object, ...], int] = {}  # an item's evidence -> its number
        self._quoted: list[Item] = []  # by that number: the first item quoting so (whose `_item_spans` stand for all)
        self.names = person_names(bank)
        self.countries = person_countries(bank)
        self.posts = person_posts(bank)
        self._rejecting = frozenset(i.id for i in bank.items if i.reject)  # items with a near answer their key rejects

    def _id(self, q: Question) -> str:
        known = self._ids.get(id(q))
        if known is None or known[0] is not q:
            known = (q, question_key(q) + ("|note" if question_note(q) is not None else ""))
            self._ids[id(q)] = known
        return known[1]

    def _profile(self, q: Question) -> _Profile:
        key = self._id(q)
        if key not in self._profiles:
            texts = sheet_texts(q)
            whole = Text(_SEP.join(t.ja for _, t in texts), _SEP.join(t.en for _, t in texts))
            answers, partial = _answers(self.bank, q), _partial(q)
            options = {normalise(getattr(t, lg)): (where, getattr(t, lg)) for where, t in texts
                       if where in _OPTIONS for lg in self.langs}
            finds = _finds(answers + partial)
            self._profiles[key] = _Profile([(where, t, shown(t)) for where, t in texts], shown(whole), answers,
                                           partial, options, [(form, normalise(form)) for form, _ in answers], finds)
        return self._profiles[key]

    def content(self, q: Question) -> str:
        """`q`'s key with its item's id replaced by the number of the item's content: two one-item questions with the
        same content key give away (and are given away by) the same questions, whatever their items' ids (a bank
        of repeated items, issue 18 C). Other questions: their key."""
        key = self._id(q)
        known = self._content_keys.get(key)
        if known is not None:
            return known
        if not isinstance(q, (ShortQ, ChoiceQ, TrueFalseQ, ClozeQ)):
            content = key
        else:
            item = question_items(q)[0]
            number = self._content_ids.setdefault(replace(item, id=""), len(self._content_ids))
            kind, _, rest = key.partition(":")
            content = f"{kind}:#{number}{rest[len(item.id):]}"
        self._content_keys[key] = content
        return content

    def gives_away(self, a: Question, b: Question) -> bool:
        """Whether `a` and `b` cannot share a sheet (`between` finds a leak), answered once per pair of contents,
        from what each text shows each set of answers (remembered across rounds) without making the leaks."""
        return self.first_clash(a, (b,)) is not None

    def clash_count(self, q: Question, others: Iterable[tuple[Question, int]]) -> int:
        """The sum of the counts of `others` that cannot share a sheet with `q` (`gives_away`)."""
        fq, row = self._row(q)
        return sum(n for other, n in others if self._verdict(q, fq, row, other))

    def first_clash(self, q: Question, others: Iterable[Question]) -> Question | None:
        """The first of `others` that cannot share a sheet with `q` (`gives_away`), or None."""
        fq, row = self._row(q)
        seen = self._seen
        for other in others:  # `_verdict`, its remembered answers read here (tens of thousands of calls a sheet)
            known = seen.get(id(other))
            verdict = row.get(known[1].content) if known is not None and known[0] is other else None
            if verdict is None:
                verdict = self._verdict(q, fq, row, other)
            if verdict:
                return other
        return None

    def _row(self, q: Question) -> tuple[_Facts, dict[str, bool]]:
        """`q`'s facts and the verdicts remembered for its content, by the other question's content."""
        fq = self._facts(q)
        row = self._verdicts.get(fq.content)
        if row is None:
            row = self._verdicts[fq.content] = {}
        return fq, row

    def _verdict(self, q: Question, fq: _Facts, row: dict[str, bool], other: Question) -> bool:
        """Whether `q` (its facts and `_row`) and `other` cannot share a sheet, remembered for both contents."""
        known = self._seen.get(id(other))
        fo = known[1] if known is not None and known[0] is other else self._facts(other)
        verdict = row.get(fo.content)
        if verdict is None:
            alike = self._alike.get((fq.content, fo.content))
            verdict = bool(alike[2]) if alike is not None else self._clash(q, fq, other, fo)
            row[fo.content] = verdict
            self._verdicts.setdefault(fo.content, {})[fq.content] = verdict
        return verdict

    def _facts(self, q: Question) -> _Facts:
        known = self._seen.get(id(q))
        if known is not None and known[0] is q:
            return known[1]
        key = self._id(q)
        facts = self._facts_by_key.get(key)
        if facts is None:
            asked = self._asked_of(q)
            numbers = []
            for where, t in sheet_texts(q):
                number = self._text_ids.setdefault((t, where in _OPTIONS), len(self._text_ids))
                if number == len(self._text_list):
                    self._text_list.append((t, where in _OPTIONS))
                    printed = frozenset(normalise(getattr(t, lg)) for lg in self.langs) if where in _OPTIONS else None
                    self._text_read.append((printed, shown(t)))
                numbers.append(number)
            texts = tuple(dict.fromkeys(numbers))
            facts = self._facts_by_key[key] = _Facts(self.content(q), asked, texts,
                                                     tuple(i.id for i in question_items(q)),
                                                     frozenset(e.article for i in question_items(q) for e in i.evidence),
                                                     tuple(self._quote_number(i) for i in question_items(q)))
        self._seen[id(q)] = (q, facts)
        return facts

    def _asked_of(self, q: Question) -> _Asked | None:
        """What answers the one-item question `q` (`_Asked`), made once per `_asked_key`; None for matching and
        timeline."""
        asked_key = _asked_key(q)
        if asked_key is None:
            return None
        asked = self._asked.get(asked_key)
        if asked is None:
            answers = _answers(self.bank, q)
            keys = [(form, normalise(form)) for form, _ in answers]
            finds = _finds(answers + _partial(q))
            countries = [(pattern, short_names(form)) for form, _ in answers if (pattern := acting_pattern(form))]
            ja_keys = tuple(key for _, shortest, key, latin in finds if not latin and len(key) >= shortest)
            latin = tuple((form, shortest, key) for form, shortest, key, latin in finds if latin and len(key) >= shortest)
            held = [key for _, key in keys if len(key) >= _MIN_BLANK and not key.isascii()]
            searched = frozenset([*(key for _, key in keys), *held, *ja_keys, *(key for _, _, key in latin),
                                  *(n for _, names in countries for n in names)])
            # what `_told` reads of it: answers alike in these (an item repeated under new ids, issue 19) share one
            # `told` and one place in the index, so a text is read once for all of them
            reads = (tuple(k for _, k in keys), tuple(held), ja_keys, latin,
                     tuple((pattern.pattern, names) for pattern, names in countries))
            group, told = self._groups.setdefault(reads, (len(self._groups), {}))
            asked = self._asked[asked_key] = _Asked(
                keys, finds, countries, held, frozenset(k for k in _written(q) if len(k) >= 2), ja_keys, latin, told,
                asked_key, searched, group)
        return asked

    def expect(self, items: Iterable[Item]) -> None:
        """Read the answers of every one-item question `items` can make (short or choice, true/false, cloze) before a
        selection asks `first_clash`: each text is then searched for all of them at once (`_Index`), not answer by
        answer."""
        for item in items:
            self._asked_of(ShortQ(item, None))
            self._asked_of(TrueFalseQ(forms.TrueFalse(item, item.statement or item.answer, True), None))
            cz = forms.cloze(item)
            if cz is not None:
                self._asked_of(ClozeQ(cz, None))
        self._index = _Index(list(self._asked.values()))

    def _tells(self, k: int) -> tuple[_Index, frozenset[int]]:
        """The index and the groups (`_Asked.group`) of its answers that text number `k` shows (`_told`)."""
        index = self._index
        assert index is not None
        known = self._text_tells.get(k)
        if known is not None and known[0] is index:
            return known
        text = self._text_list[k][0]
        printed, prepared = self._text_read[k]
        told = []
        for asked in index.candidates((prepared.ja_key, prepared.ja_words, prepared.en_words, text.ja, *(printed or ()))):
            shows = asked.told.get(k)
            if shows is None:
                shows = asked.told[k] = self._told(asked, text, printed, prepared)
            if shows:
                told.append(asked.group)
        known = self._text_tells[k] = (index, frozenset(told))
        return known

    def _clash(self, a: Question, fa: _Facts, b: Question, fb: _Facts) -> bool:
        """`bool(self._compare(a, b))`, from what is remembered of each text, item and answer."""
        asked_a, asked_b = fa.asked, fb.asked  # the cheap tests first: the verdict is the same in any order
        if asked_a is not None and asked_b is not None and not asked_a.written.isdisjoint(asked_b.written):
            return True
        if fa.items and fb.items and not fa.articles.isdisjoint(fb.articles) and not (answered(a) and answered(b)) \
                and self._share_sentence(a, fa, b, fb):
            return True
        if (isinstance(a, MatchingQ) or isinstance(b, MatchingQ)) and _same_post(a, b, self.posts):
            return True
        if self._lured(a, b) or self._lured(b, a):
            return True
        return self._shows(b, fb, a, fa) or self._shows(a, fa, b, fb)

    def _lured(self, taker: Question, giver: Question) -> bool:
        """`bool(_lures(taker, giver, …))`, looked at only where `taker` is written by hand and one of its items
        rejects a near answer (`_rejecting`: most banks have few; the verdict runs for every pair of a round)."""
        if not self._rejecting or not isinstance(taker, (ShortQ, ClozeQ)):
            return False
        return (any(i.id in self._rejecting for i in question_items(taker))
                and bool(_lures(taker, giver, [t for _, t, _ in self._profile(giver).texts], self.langs)))

    def _shows(self, giver: Question, fg: _Facts, taker: Question, ft: _Facts) -> bool:
        """Whether `giver`'s texts give `taker` away (`_compare`'s answer leaks, one direction)."""
        if ft.asked is not None:
            return self._shows_answer(fg, ft.asked)
        if isinstance(taker, TimelineQ):
            return self._shows_date(giver, fg, taker, ft)
        assert isinstance(taker, MatchingQ)
        return self._shows_pair(giver, fg, taker, ft)

    def _shows_answer(self, fg: _Facts, asked: _Asked) -> bool:
        """Whether a text of `fg` shows an answer of `asked` (`_told`): from each text's `_tells` where the answer
        was expected, else text by text."""
        index = self._index
        if index is not None and asked.key in index.keys:  # each text searched once for every answer expected
            told_by = self._told_by.get(fg.content)
            if told_by is None or told_by[0] is not index:
                told_by = self._told_by[fg.content] = (index, frozenset().union(*(self._tells(k)[1] for k in fg.texts)))
            return asked.group in told_by[1]
        told = asked.told
        for k in fg.texts:
            known = told.get(k)
            if known is None:
                known = told[k] = self._told(asked, self._text_list[k][0], *self._text_read[k])
            if known:
                return True
        return False

    def _shows_date(self, giver: Question, fg: _Facts, taker: TimelineQ, ft: _Facts) -> bool:
        """`bool(_timeline_leaks(taker, giver, …))`, from each event's stories and date labels read once per exercise and
        each text normalised once."""
        parts = self._timeline_parts.get(ft.content)
        if parts is None:
            parts = self._timeline_parts[ft.content] = []
            for e in taker.shown:
                labels = [date_label(e.when)]
                if len(e.when) > 4 and any(o.when[:4] != e.when[:4] for o in taker.shown):
                    labels.append(date_label(e.when[:4]))
                said = tuple((lg, form, form.isdigit(), normalise(form)) for label in labels for lg in self.langs
                             for form in (getattr(label, lg),))
                parts.append((frozenset(i.story for i in e.all_items if i.story), e.when, said))
        others = question_items(giver)
        for stories, when, said in parts:
            if not any(i.story in stories or i.when == when for i in others):
                continue
            for k in fg.texts:
                text = self._text_list[k][0]
                for lg, form, digits, key in said:
                    if (_date_in(form, getattr(text, lg)) if digits else key in self._normalised(k, lg)):
                        return True
        return False

    def _shows_pair(self, giver: Question, fg: _Facts, taker: MatchingQ, ft: _Facts) -> bool:
        """Whether a text of `giver` states a pair of the matching exercise `taker` (`_matching_leaks`)."""
        told = self._matching_told.setdefault(ft.content, {})
        named = self._named.get(ft.content)
        if named is None:
            named = self._named[ft.content] = self._matching_names(taker)
        for k in fg.texts:
            known = told.get(k)
            if known is None:
                text = self._text_list[k][0]
                # a pair is stated only beside one of its person's names: most texts name none of them
                known = told[k] = any(n in self._normalised(k, lg) for lg, names in named for n in names) and \
                    bool(_matching_leaks(taker, giver, [("", text)], self.langs, self.names, self.countries))
            if known:
                return True
        return False

    def _normalised(self, k: int, lg: str) -> str:
        """`normalise` of text number `k` in language `lg`, made once."""
        key = (k, lg)
        known = self._text_normalised.get(key)
        if known is None:
            known = self._text_normalised[key] = normalise(getattr(self._text_list[k][0], lg))
        return known

    def _matching_names(self, q: MatchingQ) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Per language of the sheet, every name (normalised, two characters or more) of the people of `q` that
        `_pair_stated` looks for: a text without any of them states no pair."""
        out = []
        for lg in self.langs:
            names = [normalise(x) for p in q.lefts
                     for x in (getattr(p.left, lg), *(self.names.get(p.key.split("@")[0], ()) if lg == "ja" else ()))]
            names += [form for p in q.lefts for form in qualified_titles(
                normalise(getattr(p.right, lg)),
                [c for c in self.countries.get(p.key.split("@")[0], ()) if c.isascii() == (lg == "en")])]
            out.append((lg, tuple(dict.fromkeys(n for n in names if len(n) >= 2))))
        return tuple(out)

    def _told(self, asked: _Asked, text: Text, printed: frozenset[str] | None, prepared: Shown) -> bool:
        """Whether `text` shows an answer of `asked`: as `_answer_leaks` finds one (an option that is or holds it,
        the answer printed, a country's one-character name acting), in this one text (an option: its `printed`
        forms; `prepared` by `shown`)."""
        if printed is not None and (any(key in printed for _, key in asked.keys)
                                    or any(key in o for key in asked.held for o in printed)):
            return True
        ja = "ja" in self.langs
        if ja:
            ja_key = prepared.ja_key
            for key in asked.ja_keys:
                if key in ja_key:
                    return True
        for form, shortest, key in asked.latin:
            if ((key in prepared.en_words or key in prepared.ja_words)  # what `printed_in` looks for first
                    and printed_in(form, prepared, shortest, self.langs) is not None):
                return True
        return ja and any(pattern.search(text.ja) is not None for pattern, names in asked.countries
                          if any(n in text.ja for n in names))

    def _share_sentence(self, a: Question, fa: _Facts, b: Question, fb: _Facts) -> bool:
        """Whether `_sentence_leaks` finds one, remembered per pair of evidence (items quoting alike share it: a bank
        of repeated items, issue 19)."""
        if not fa.items or not fb.items or fa.articles.isdisjoint(fb.articles):
            return False
        shared = self._sentences_shared
        for x in fa.quotes:
            for y in fb.quotes:
                same = shared.get((x, y))
                if same is None:
                    ix, iy = self._quoted[x], self._quoted[y]
                    same = shared[x, y] = shared[y, x] = _same_sentence(
                        ix, iy, self._item_spans(ix), self._item_spans(iy)) is not None
                if same:
                    return True
        return False

    def _quote_number(self, item: Item) -> int:
        """The number of `item`'s evidence: what `_same_sentence` and `_spans` read of an item."""
        number = self._quote_numbers.setdefault(item.evidence, len(self._quote_numbers))
        if number == len(self._quoted):
            self._quoted.append(item)
        return number

    def between(self, a: Question, b: Question) -> list[Leak]:
        """Every leak between two questions of one sheet, in both directions. Compared once per pair of contents
        (`content`): a pair alike but for the items' ids gets the same leaks under its own labels."""
        key = (self._id(a), self._id(b))
        found = self._pairs.get(key)
        if found is None:
            found = self._pairs[key] = self._alike_leaks(a, b)
        return found

    def _alike_leaks(self, a: Question, b: Question) -> list[Leak]:
        label_a, label_b = question_label(a), question_label(b)
        alike = (self.content(a), self.content(b))
        known = self._alike.get(alike)
        if known is not None:
            was_a, was_b, leaks = known
            names = {was_a: label_a, was_b: label_b}
            return [replace(leak, giver=names[leak.giver], taker=names[leak.taker]) for leak in leaks]
        leaks = self._compare(a, b)
        if label_a != label_b:  # else a leak's direction could not be told apart when relabelled
            self._alike[alike] = (label_a, label_b, leaks)
        return leaks

    def _compare(self, a: Question, b: Question) -> list[Leak]:
        out: list[Leak] = []
        for giver, taker in ((a, b), (b, a)):
            texts = self._profile(giver).texts
            if isinstance(taker, MatchingQ):
                out += _matching_leaks(taker, giver, [(w, t) for w, t, _ in texts], self.langs, self.names,
                                       self.countries)
            elif isinstance(taker, TimelineQ):
                out += _timeline_leaks(taker, giver, [(w, t) for w, t, _ in texts], self.langs)
            else:
                out += self._answer_leaks(taker, giver)
        out += _lures(a, b, [t for _, t, _ in self._profile(b).texts], self.langs)
        out += _lures(b, a, [t for _, t, _ in self._profile(a).texts], self.langs)
        sentence = [] if answered(a) and answered(b) else self._sentence_leaks(a, b)
        return out + sentence + _same_answer(a, b) + _same_post(a, b, self.posts)

    def _answer_leaks(self, taker: Question, giver: Question) -> list[Leak]:
        shown_to, took = self._profile(giver), self._profile(taker)
        found = _in_options(took, shown_to.options) or self._printed(took, shown_to) or self._short_name(took, shown_to)
        if found is None:
            return []
        return [Leak(LeakKind.ANSWER, question_label(giver), question_label(taker), *found)]

    def _printed(self, took: _Profile, shown_to: _Profile) -> tuple[str, str] | None:
        """(answer, where) for an answer of `took` that `shown_to` prints: `printed_in`, with its cheap part inline
        (a selection runs this for every pair it tries)."""
        ja, whole = "ja" in self.langs, shown_to.whole
        for form, shortest, key, latin in took.finds:
            if len(key) < shortest:
                continue
            if not latin:
                if ja and key in whole.ja_key:  # all its texts at once, first
                    where = next((w for w, _, prepared in shown_to.texts if key in prepared.ja_key), None)
                    if where is not None:
                        return form, where
                continue
            if (key in whole.en_words or key in whole.ja_words) and printed_in(form, whole, shortest, self.langs):
                where = next((w for w, _, prepared in shown_to.texts
                              if printed_in(form, prepared, shortest, self.langs) is not None), None)
                if where is not None:
                    return form, where
        return None

    def _short_name(self, took: _Profile, shown_to: _Profile) -> tuple[str, str] | None:
        """(compound, where) for a country answer of `took` that `shown_to` names by its one-character name acting
        (米政府 beside the answer 米国: newuser3 #9; a pair such as 中ロ does not count, `acting_compound`)."""
        if "ja" not in self.langs:
            return None
        for form, _ in took.answers:
            if not short_names(form):
                continue
            for where, text, _ in shown_to.texts:
                if (compound := acting_compound(form, text.ja)) is not None:
                    return f"{compound}(={form})", where
        return None

    def _item_spans(self, item: Item) -> list[tuple[str, int, int] | None]:
        if item.id not in self._spans:
            self._spans[item.id] = _spans(item, self.texts)
        return self._spans[item.id]

    def _sentence_leaks(self, a: Question, b: Question) -> list[Leak]:
        for x in question_items(a):
            for y in question_items(b):
                quote = _same_sentence(x, y, self._item_spans(x), self._item_spans(y))
                if quote is not None:
                    return [Leak(LeakKind.SAME_SENTENCE, question_label(a), question_label(b), quote)]
        return []

    def passage(self, item: Item) -> frozenset[tuple[str, int, int]]:
        """The sentences `item`'s evidence quotes (article, start, end), given the article texts (`near` tells whether
        two items draw on one passage). Not a leak, but two questions on one short passage waste a slot (review 6,
        s2: two bullets of one G7/NATO summary, with near-identical stems)."""
        marks = self._passages.get(item.id)
        if marks is None:
            marks = self._passages[item.id] = frozenset(span for span in self._item_spans(item) if span is not None)
        return marks

    def own_note(self, q: Question) -> list[Leak]:
        """The note printed beside `q`, if it shows `q`'s own answer or `q` gives options to choose from."""
        note = question_note(q)
        items = question_items(q)
        if note is None or not items:
            return []
        if isinstance(q, (ChoiceQ, TrueFalseQ)):
            text = getattr(note, _langs(self.lang)[0])
            return [Leak(LeakKind.NOTE, question_label(q), question_label(q), text[:24] + "…" * (len(text) > 24), "options")]
        found = note_reveals(self.bank, items[0], note, self.lang)
        return [] if found is None else [Leak(LeakKind.NOTE, question_label(q), question_label(q), found, "note")]

    def in_sources(self, q: Question, articles: Iterable[str]) -> list[Leak]:
        """`q`'s answer printed in the source list of a sheet that cites `articles`, by what every entry prints: the
        outlet and the date. A headline is printed only where it gives nothing away (`bare_sources`)."""
        out: list[Leak] = []
        for a in articles:
            key = (self._source_key(q), a)
            if key not in self._sources:
                self._sources[key] = self._source_leaks(q, a, headline=False)
            out += self._sources[key]
        return out

    def _source_key(self, q: Question) -> str:
        """What `_source_leaks` depends on of `q`: a one-item question's answers and label (`_asked_key`: the same
        for every round's form of it), else the question."""
        return _asked_key(q) or self._id(q)

    def in_headline(self, q: Question, article: str) -> list[Leak]:
        """`q`'s answer in `article`'s headline, read whole (the sheet shortens it, and a cut 「…セルゲイ・ラブロフ外…」
        still hints at 外相: review 3, s3): 「…戦略対話 ウクライナ危機や国連80年を協議」 answers ウクライナ危機."""
        key = (self._source_key(q), "headline:" + article)
        if key not in self._sources:
            self._sources[key] = self._source_leaks(q, article, headline=True)
        return self._sources[key]

    def bare_sources(self, questions: Iterable[Question], articles: Iterable[str]) -> frozenset[str]:
        """The `articles` whose headline gives a question of `questions` away: the student's sheet names them by
        outlet and date only (the key prints the whole label)."""
        qs = list(questions)
        return frozenset(a for a in articles if any(self.in_headline(q, a) for q in qs))

    def in_stand_in(self, q: Question, text: Text) -> list[Leak]:
        """`q`'s answer in what the source list says a bare source reports (`stand_in`), in the sheet's languages."""
        shown_text = text if self.lang is not Lang.EN else Text("", text.en)
        return self._printed_leaks(q, shown_text, "the source list", "source list")

    def in_header(self, q: Question, header: str) -> list[Leak]:
        """`q`'s answer in a text the sheet's header prints as given, in every language (the `--title`, the
        `--exam` name): newuser2 #7, a title 「…「一帯一路」フォーラム…」 answered a question on page 1."""
        return self._printed_leaks(q, Text(header, header), "the header", "header", partial=True)

    def _source_leaks(self, q: Question, article: str, headline: bool) -> list[Leak]:
        if article not in self.bank.source_by_id:
            return []
        listed = self._listed.get((article, headline))
        if listed is None:
            s = self.bank.source_by_id[article]
            label = Text(s.headline.ja, s.headline.en) if headline else source_name(self.bank, article)
            text = Text(label.ja, label.en) if self.lang is not Lang.EN else Text("", label.en)
            name = source_label(self.bank, article)
            listed = self._listed[article, headline] = (
                text, f"the source list ({name.ja if self.lang is not Lang.EN else name.en})")
        return self._printed_leaks(q, listed[0], listed[1], "headline" if headline else "source list")

    def _printed_leaks(self, q: Question, text: Text, giver: str, where: str, partial: bool = False) -> list[Leak]:
        """`q`'s answer in `text`, printed on the sheet outside any question (`giver` names where); with `partial`,
        a date answer's year and month too, as another question printing them gives it away (newuser13: a title
        「…（2022年5月）」 beside the question 2022年5月26日 answers was not refused)."""
        if isinstance(q, MatchingQ):
            return [replace(leak, giver=giver) for leak in
                    _matching_leaks(q, q, [(where, text)], self.langs, self.names, self.countries)]
        if isinstance(q, TimelineQ):  # the page dates are no event's date on the sheet: events carry no mark
            return []
        prepared = shown(text)
        key = self._source_key(q)
        answers = self._answers_of.get(key)
        if answers is None:
            answers = self._answers_of[key] = _answers(self.bank, q)
        for form, shortest in answers + (_header_dates(q) if partial else []):
            if printed_in(form, prepared, shortest, self.langs) is not None:
                return [Leak(LeakKind.ANSWER, giver, question_label(q), form, where)]
        return []

    def sheet(self, questions: Iterable[Question], articles: Iterable[str] | None = None,
              bare: Iterable[str] = ()) -> list[Leak]:
        """Every leak on one sheet (one version): between every two questions, every note that shows its
        own question's answer, and every answer the source list prints (the list of `articles`, by default
        every article the questions cite; the headlines of all but the `bare` ones)."""
        qs = list(questions)
        cited = list(articles) if articles is not None else list(dict.fromkeys(a for q in qs for a in question_articles(q)))
        headed = [a for a in cited if a not in set(bare)]
        out: list[Leak] = []
        for n, a in enumerate(qs):
            out += self.own_note(a)
            out += self.in_sources(a, cited)
            out += [leak for article in headed for leak in self.in_headline(a, article)]
            fa, row = self._row(a)
            for b in qs[n + 1:]:
                if self._verdict(a, fa, row, b):  # the leaks are made only for a pair that has one
                    out += self.between(a, b)
        return out


class _Index:
    """Every string `LeakChecker._told` looks for, of a set of answers (`_Asked`), as one pattern: a text is searched
    once for all of them, and `_told` then runs only for the answers a string of which it holds (a string not in a
    text never makes `_told` true)."""

    def __init__(self, asked: list[_Asked]) -> None:
        self.keys = frozenset(a.key for a in asked)
        self.by_string: dict[str, list[_Asked]] = {}
        self.always: list[_Asked] = []  # answers looking for an empty string: in every text
        firsts: dict[int, _Asked] = {}
        for a in asked:
            firsts.setdefault(a.group, a)
        for a in firsts.values():  # one of each group: they read alike (`_tells` names groups)
            for s in a.searched:
                if s:
                    self.by_string.setdefault(s, []).append(a)
            if "" in a.searched:
                self.always.append(a)
        # at each position the longest string starting there (lookahead: overlapping); the shorter ones starting
        # there are its prefixes (`_prefixes`)
        self.pattern = re.compile("(?=(" + _trie_pattern(self.by_string) + "))") if self.by_string else None
        self._prefixes: dict[str, tuple[str, ...]] = {}

    def candidates(self, texts: Iterable[str]) -> list[_Asked]:
        """The answers one of whose strings some of `texts` holds (and those looking for an empty string), each
        once."""
        out = {id(a): a for a in self.always}
        if self.pattern is not None:
            found = set(self.pattern.findall("\x00".join(texts)))
            for s in found:
                for p in self._prefixes_of(s):
                    for a in self.by_string[p]:
                        out[id(a)] = a
        return list(out.values())

    def _prefixes_of(self, s: str) -> tuple[str, ...]:
        known = self._prefixes.get(s)
        if known is None:
            known = self._prefixes[s] = tuple(s[:n] for n in range(1, len(s) + 1) if s[:n] in self.by_string)
        return known


def _trie_pattern(strings: Iterable[str]) -> str:
    """A pattern matching the longest of `strings` (none empty) at a position: their trie, so that `re` follows one
    branch per character instead of trying every string."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for s in strings:
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}  # a string ends here

    escaped: dict[str, str] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        alts = [(escaped.get(ch) or escaped.setdefault(ch, re.escape(ch))) + emit(child)
                for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _in_options(took: _Profile, options: Mapping[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(answer, where) for an option that *is* an answer of `took`, however short (外相), or holds one."""
    for form, key in took.keys:
        if key in options:
            return form, options[key][0]
    return _held_by_option(took.keys, options)


def _held_by_option(answers: list[tuple[str, str]], options: Mapping[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(answer, where) for an option that holds an answer in Japanese (同盟関係 beside a blank 同盟 fills: review 2,
    s1), however short the answer; `answers` are (form, its normalised key)."""
    if not options:
        return None
    for form, key in answers:
        if len(key) >= _MIN_BLANK and not key.isascii():
            for option, (where, _) in options.items():
                if key in option:
                    return form, where
    return None


def question_note(q: Question) -> Text | None:
    return getattr(q, "note", None)


def find_leaks(bank: Bank, questions: Iterable[Question], lang: Lang, texts: Mapping[str, str] | None = None,
               articles: Iterable[str] | None = None, bare: Iterable[str] = ()) -> list[Leak]:
    """Every leak on one sheet (one version); see `LeakChecker.sheet`."""
    return LeakChecker(bank, lang, texts).sheet(questions, articles, bare)


_OPTIONS = ("choice", "matching")  # texts printed as options to pick from


def person_posts(bank: Bank) -> dict[str, frozenset[str]]:
    """Every title a person holds in any article, as written and as a matching exercise prints it
    (`forms.neutral_role`), comparison keys in both languages, by entity id."""
    return {e.id: frozenset(normalise(x) for r in e.roles for t in (Text(r.ja, r.en), forms.neutral_role(bank, Text(r.ja, r.en)))
                            for x in (t.ja, t.en))
            for e in bank.entities if e.roles}


def person_countries(bank: Bank) -> dict[str, tuple[str, ...]]:
    """Every name of the countries a person's titles name (`forms.nationality`), by entity id: ロシア, Russia,
    Russian for ラブロフ (Foreign Minister of Russia)."""
    return {e.id: tuple(dict.fromkeys(c for r in e.roles for c in forms.nationality(bank, Text(r.ja, r.en))))
            for e in bank.entities if e.roles}


def person_names(bank: Bank) -> dict[str, tuple[str, ...]]:
    """Every Japanese name a person goes by on a sheet, by entity id: the name, its aliases and the family name
    (イワノフ for フィリップ・イワノフ, as articles call him once introduced)."""
    out: dict[str, tuple[str, ...]] = {}
    for e in bank.entities:
        names = [e.ja, *e.aliases]
        if "・" in e.ja:
            names.append(e.ja.rsplit("・", 1)[1])
        out[e.id] = tuple(dict.fromkeys(n for n in names if len(normalise(n)) >= 2 and not n.isascii()))
    return out
