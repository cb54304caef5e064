"""What every export shares: the formats, the plan of questions, warnings, and text helpers.

The plan is made once per export from the bank with `forms` (so a multiple-choice
question means the same thing in Moodle, GIFT and Kahoot); each format module then
renders the planned questions, skipping what its format cannot express with an
`ExportWarning` that names the item and the reason. Pure: no I/O, randomness passed in.
"""

from __future__ import annotations

import html
import random
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from quizgen import citations, forms
from quizgen.bank.model import Bank, Category, Item, Lang, Text
from quizgen.japanese.width import IDEOGRAPHIC_SPACE, width_variants
from quizgen.text import strip_controls


class ExportFormat(StrEnum):
    MOODLE_XML = "moodle-xml"
    GIFT = "gift"
    QUIZLET_CSV = "quizlet-csv"
    KAHOOT_XLSX = "kahoot-xlsx"
    KAHOOT_CSV = "kahoot-csv"

    @property
    def suffix(self) -> str:
        """File name ending of the default output, e.g. `quizgen.moodle.xml`."""
        return _SUFFIXES[self]


_SUFFIXES = {
    ExportFormat.MOODLE_XML: ".moodle.xml",
    ExportFormat.GIFT: ".gift.txt",
    ExportFormat.QUIZLET_CSV: ".quizlet.tsv",
    ExportFormat.KAHOOT_XLSX: ".kahoot.xlsx",
    ExportFormat.KAHOOT_CSV: ".kahoot.csv",
}


class QuestionKind(StrEnum):
    """Question types, as counted in an export's summary."""

    MULTICHOICE = "multichoice"
    TRUEFALSE = "truefalse"
    SHORTANSWER = "shortanswer"
    MATCHING = "matching"
    CLOZE = "cloze"
    CARD = "card"  # Quizlet term/definition
    QUIZ = "quiz"  # Kahoot four-answer question

    def label(self, n: int) -> str:
        """How a count of this type reads: '3 multichoice', '1 card', '4 Kahoot questions'."""
        if self is QuestionKind.CARD:
            return "card" if n == 1 else "cards"
        if self is QuestionKind.QUIZ:
            return "Kahoot question" if n == 1 else "Kahoot questions"
        return self.value


@dataclass(frozen=True)
class ExportWarning:
    """Something the export could not express: a whole question, or one accepted answer of it."""

    format: ExportFormat
    subject: str  # the item id, or `matching@<article>`
    qtype: QuestionKind
    reason: str

    def __str__(self) -> str:
        return f"{self.format}: {self.subject} ({self.qtype}): {self.reason}"


@dataclass(frozen=True)
class Export:
    """One rendered export: the file's text (or, for a binary format, its `data`), how many questions
    of each type, and warnings."""

    format: ExportFormat
    text: str
    counts: tuple[tuple[QuestionKind, int], ...]
    warnings: tuple[ExportWarning, ...]
    encoding: str = "utf-8"
    data: bytes | None = None

    @property
    def content(self) -> bytes:
        """The file's bytes: `data` for a binary format, else `text` in its encoding."""
        return self.data if self.data is not None else self.text.encode(self.encoding)

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    def count(self, qtype: QuestionKind) -> int:
        return dict(self.counts).get(qtype, 0)

    def summary(self) -> str:
        """'12 multichoice, 10 truefalse, ...' (types with zero questions left out)."""
        parts = [f"{n} {t.label(n)}" for t, n in self.counts if n]
        return ", ".join(parts) if parts else "no questions"


def count_types(types: Iterable[QuestionKind]) -> tuple[tuple[QuestionKind, int], ...]:
    tally: dict[QuestionKind, int] = {}
    for t in types:
        tally[t] = tally.get(t, 0) + 1
    return tuple((t, tally[t]) for t in QuestionKind if t in tally)


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Matching:
    """A person <-> role matching question for one article."""

    article: str
    pairs: tuple[forms.Pair, ...]

    @property
    def name(self) -> str:
        return f"matching-{self.article}"


@dataclass(frozen=True)
class ItemPlan:
    """The questions one item yields. `mc`/`tf`/`cloze` are None where the item has no such form (an item asked as
    true/false has `tf` only)."""

    item: Item
    mc: forms.MultipleChoice | None
    mc_missing: int  # distractors missing for a four-option question (0 when `mc` is set)
    tf: forms.TrueFalse | None
    cloze: forms.Cloze | None
    accepted: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    items: tuple[ItemPlan, ...]
    matchings: tuple[Matching, ...]
    skipped_matchings: tuple[tuple[str, str], ...]  # (article, reason)


MATCHING_SIZE = 6
MATCHING_MIN = 3  # Moodle needs at least two subquestions and three answers


def plan(bank: Bank, items: Sequence[Item], rng: random.Random) -> Plan:
    """Decide every question (choice order, true or false statement, matching pairs) with `rng`. An item asked
    as true/false (`form: truefalse`) has its true/false question only.

    Matching questions: one per article cited by a selected *actors* item, pairing the
    people with the titles that article gives them (`forms.role_pairs`).
    """
    planned = []
    for item in items:
        if item.truefalse:  # asked as true/false only
            planned.append(ItemPlan(item, None, 0, forms.true_false(item, rng), None, bank.accepted(item)))
            continue
        mc = forms.multiple_choice(bank, item, rng)
        missing = 0 if mc is not None else 3 - len(forms.distractors(bank, item, random.Random(0)))
        planned.append(ItemPlan(item, mc, missing, forms.true_false(item, rng), forms.cloze(item), bank.accepted(item)))
    articles = dict.fromkeys(a for i in items if i.category is Category.ACTORS for a in i.articles)
    matchings, skipped = [], []
    for article in articles:
        pairs = forms.matching_set(forms.role_pairs(bank, [article]), rng, MATCHING_SIZE)
        if len(pairs) >= MATCHING_MIN:
            matchings.append(Matching(article, tuple(sorted(pairs, key=lambda p: p.key))))
        else:
            skipped.append((article, f"skipped: article {article} names only {len(pairs)} distinct person–title "
                                     f"pair{'s' if len(pairs) != 1 else ''}; a matching question needs {MATCHING_MIN}"))
    return Plan(tuple(planned), tuple(matchings), tuple(skipped))


def no_mc_reason(ip: ItemPlan, needs: str = "four options need 3") -> str:
    """Why an item has no multiple-choice question: how many distractors it has, and what is needed."""
    have = 3 - ip.mc_missing
    return f"skipped: only {have} distinct distractor{'s' if have != 1 else ''}; {needs}"


# --------------------------------------------------------------------------- text helpers


def clean(text: str) -> str:
    """Drop the control characters no XML 1.0 file (and no importer) can hold: `quizgen.text.strip_controls`."""
    return strip_controls(text)


def show(text: Text, lang: Lang, sep: str = " / ") -> str:
    """One bilingual text in the chosen language(s)."""
    if lang is Lang.JA:
        return clean(text.ja)
    if lang is Lang.EN:
        return clean(text.en)
    return clean(text.ja if text.ja == text.en else f"{text.ja}{sep}{text.en}")


def html_text(text: str) -> str:
    """Plain text as HTML: <, > and & escaped, newlines as <br>. Quotes need no escaping in element content."""
    return html.escape(clean(text), quote=False).replace("\r\n", "\n").replace("\n", "<br>\n")


def html_show(text: Text, lang: Lang) -> str:
    """A bilingual text as HTML; with both languages, English goes on its own line."""
    if lang is Lang.BOTH and text.ja != text.en:
        return f"{html_text(text.ja)}<br>\n{html_text(text.en)}"
    return html_text(show(text, lang))


def cloze_lang(lang: Lang) -> str:
    """The language whose blanks a cloze asks for (Japanese, unless the export is English only)."""
    return "en" if lang is Lang.EN else "ja"


def english_cloze_line(cloze: forms.Cloze) -> str:
    """The English cloze sentence with each blank as _____ (shown under the Japanese when both are asked for)."""
    return "".join("_____" if blank else seg for seg, blank in cloze.parts("en"))


def category_path(item: Item) -> str:
    """Moodle category for an item: $course$/quizgen/<category>/<first article>."""
    return f"$course$/quizgen/{item.category.value}/{item.articles[0]}"


def matching_category(article: str) -> str:
    return f"$course$/quizgen/{Category.ACTORS.value}/{article}"


def question_name(item: Item, qtype: QuestionKind) -> str:
    """Unique per item and type: item ids are unique, and no suffix ends another."""
    return f"{item.id}-{_NAME_SUFFIX[qtype]}"


_NAME_SUFFIX = {
    QuestionKind.MULTICHOICE: "mc",
    QuestionKind.TRUEFALSE: "tf",
    QuestionKind.SHORTANSWER: "sa",
    QuestionKind.CLOZE: "cloze",
}

_SOURCE_LABEL = Text("出典", "Source")
_DATE_LABEL = Text("日付", "Date")


def feedback(bank: Bank, item: Item, lang: Lang, tf: forms.TrueFalse | None = None) -> str:
    """General feedback as HTML: (for a false statement, the true one,) the explanation,
    any outside context (marked as such), and the source with its verbatim quote."""
    parts: list[str] = []
    langs = ["ja", "en"] if lang is Lang.BOTH else [lang.value]
    if tf is not None and (correct := tf.correction) is not None:
        parts += [f"{getattr(forms.CORRECT_STATEMENT, lg)}: {getattr(correct, lg)}" for lg in langs]
    parts += [getattr(item.explanation, lg) for lg in langs]
    when = citations.dated(bank, item)
    if when is not None:
        parts += [f"{getattr(_DATE_LABEL, lg)}: {getattr(when, lg)}" for lg in langs]
    if item.context is not None:
        note = citations.outside_note(item.context)
        parts += [getattr(note, lg) for lg in langs]
    cite = citations.citation(bank, item)
    parts += [f"{getattr(_SOURCE_LABEL, lg)}: {getattr(cite, lg)}" for lg in langs]
    return "\n".join(f"<p>{html_text(p)}</p>" for p in parts)


def matching_prompt(bank: Bank, article: str) -> Text:
    label = citations.source_label(bank, article)
    return Text(f"{label.ja}で、それぞれの人物に使われている肩書を選びなさい。",
                f"{label.en}: match each person with the title this article gives them.")


def matching_feedback(bank: Bank, m: Matching, lang: Lang) -> str:
    lines_ja = [f"{p.left.ja} — {p.right.ja}:「{p.quote}」" for p in m.pairs]
    lines_en = [f"{p.left.en} — {p.right.en}: 「{p.quote}」" for p in m.pairs]
    label = citations.source_label(bank, m.article)
    ja = f"{_SOURCE_LABEL.ja}: {label.ja}\n" + "\n".join(lines_ja)
    en = f"{_SOURCE_LABEL.en}: {label.en}\n" + "\n".join(lines_en)
    return html_text(show(Text(ja, en), lang, sep="\n\n"))


def typed_spellings(accepted: Iterable[str]) -> tuple[str, ...]:
    """Every way a student may type an accepted answer, for graders that compare strings as they are
    (Moodle's short answer, and the blanks of a cloze): each spelling trimmed (ideographic spaces too),
    then in every width an IME types (`Ｇ７`, `２０２３年`, `ﾗﾌﾞﾛﾌ`), and, where it holds Japanese or
    full-width characters, also followed by an ideographic space (a student's trailing 全角 space,
    which Moodle does not trim). Repeats that differ only in case are dropped (Moodle ignores case)."""
    spellings = [s for s in (clean(a).strip() for a in accepted) if s]
    out: dict[str, str] = {}
    for form in [*spellings, *(f for s in spellings for f in _typed_forms(s))]:
        out.setdefault(unicodedata.normalize("NFC", form).casefold(), form)
    return tuple(out.values())


def _typed_forms(spelling: str) -> Iterable[str]:
    for v in width_variants(spelling):
        yield v
        if not v.isascii():
            yield v + IDEOGRAPHIC_SPACE


FORMULA_START = ("=", "+", "-", "@")


def not_a_formula(cell: str) -> str:
    """A cell of a delimited file that a spreadsheet would run as a formula (it begins with `= + - @`)
    gets a leading `'`, which makes it text (OWASP's advice against CSV injection)."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def one_line(text: str) -> str:
    """Tabs, newlines and other control characters become single spaces (for line-based formats)."""
    return _CONTROL_RE.sub(" ", text).strip()


_CONTROL_RE = re.compile(r"[\t\n\r\v\f\x00-\x1f\x7f\x85\u2028\u2029]+")


Q = TypeVar("Q")
_CATEGORY_ORDER = {c: i for i, c in enumerate(Category)}


def category_key(path: str) -> tuple[int, str]:
    """Sort key for category paths: bank category order, then article."""
    parts = path.split("/")
    return (_CATEGORY_ORDER.get(Category(parts[2]), 99), parts[3])


def grouped_questions(
    plan: Plan,
    fmt: ExportFormat,
    item_questions: Callable[[ItemPlan, list[ExportWarning]], Iterable[tuple[QuestionKind, Q]]],
    matching: Callable[[Matching], Q],
) -> tuple[list[tuple[str, list[Q]]], list[QuestionKind], list[ExportWarning]]:
    """Every question of `plan`, grouped by category path in bank order, with the type counts and warnings.

    `item_questions` renders one item's questions (appending any warnings); `matching` renders one matching set.
    Shared by the formats so that all of them hold the same questions in the same order.
    """
    types: list[QuestionKind] = []
    warnings: list[ExportWarning] = []
    groups: dict[str, list[Q]] = {}
    for ip in plan.items:
        qs = groups.setdefault(category_path(ip.item), [])
        for qtype, q in item_questions(ip, warnings):
            qs.append(q)
            types.append(qtype)
    for m in plan.matchings:
        groups.setdefault(matching_category(m.article), []).append(matching(m))
        types.append(QuestionKind.MATCHING)
    for article, reason in plan.skipped_matchings:
        warnings.append(ExportWarning(fmt, f"matching@{article}", QuestionKind.MATCHING, reason))
    return [(path, groups[path]) for path in sorted(groups, key=category_key)], types, warnings
