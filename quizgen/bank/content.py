"""The rules for what a learner sees: each item is a fact about the world, asked once, standing on its own.

- no article number (記事001, article 001, or a source's id after 記事/article) in any learner-facing text;
- an item's answer, or a spelling it accepts, is not printed in its own prompt;
- a prompt holds no instruction on how to answer (「比喩で答えよ」): it is also a choice question's stem, under
  「記号で答えなさい」, and a card's front; the question itself says what it asks for;
- no mirror pair: two items whose answers each appear in the other's prompt and whose evidence overlaps;
- a date answer is resolved: it has a year, no relative word (来年, 17日, 金曜日, 今年の初め), a `when`
  that it agrees with;
- no tag marks page metadata (publication, author, headline…): facts about the page are not questions.

Drafts are exempt: `quizgen review` applies these rules when a draft becomes an item. Every problem is
added to the `Reader` with its place.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from quizgen.bank.model import AnswerType, Bank, Category, Item, ItemKind, Story, Text
from quizgen.bank.records import Reader
from quizgen.japanese.dates import mentioned, parse_date, parse_when, relative_words
from quizgen.japanese.normalise import normalise
from quizgen.text import quoted

__all__ = ["META_TAGS", "Shown", "answer_forms", "check_content", "evidence_overlaps", "printed_in", "shown"]

META_TAGS = frozenset({"publication", "author", "headline", "spelling", "reference", "references", "byline",
                       "dateline", "page", "title-wording"})
"""Tags that say an item is about the page (who wrote it, when, its headline or spelling), not about the news."""

FieldPath = tuple[str | int, ...]
_MIN_ANSWER = 2  # shortest answer (comparison key) looked for in a prompt: 中国, ロシア
_MIN_ACCEPT = 3  # shortest accepted spelling looked for
_MIN_LATIN = 4  # shortest English answer looked for (Latin script is matched as whole words)
_PUNCT_RE = re.compile(r"[、,()（）?？:：]")


def check_content(bank: Bank, r: Reader, texts: dict[str, str] | None) -> None:
    """Every rule above, over the whole bank; `texts` (article id -> text) lets mirror pairs compare spans."""
    _article_numbers(bank, r)
    live = [it for it in bank.items if not it.draft]
    stories = bank.story_by_id
    for it in live:
        _answer_in_prompt(r, it)
        _answer_instruction(r, it)
        _date_answer(r, it)
        _story_date_asked(r, it, stories.get(it.story) if it.story else None)
        for j, tag in enumerate(it.tags):
            if tag in META_TAGS:
                r.flag("items", it.id, ("tags", j),
                       f"tag {quoted(tag)} is page metadata, not a fact to learn: keep it in sources.yaml")
    _mirror_pairs(r, live, texts)


# --------------------------------------------------------------------------- article numbers


def _article_re(bank: Bank) -> re.Pattern[str]:
    ids = "|".join(re.escape(s.id) for s in sorted(bank.sources, key=lambda s: -len(s.id)))
    known = f"|{ids}" if ids else ""
    return re.compile(rf"記事\s*(?:[0-9]+{known})(?![0-9A-Za-z])|\barticles?\s+(?:[0-9]{{3,}}{known})\b",
                      re.IGNORECASE)


def _text_fields(prefix: FieldPath, text: Text | None) -> Iterator[tuple[FieldPath, str]]:
    if text is not None:
        yield (*prefix, "ja"), text.ja
        yield (*prefix, "en"), text.en


def _item_texts(it: Item) -> Iterator[tuple[FieldPath, str]]:
    for name in ("prompt", "answer", "explanation", "statement", "false_statement", "cloze", "event", "context"):
        yield from _text_fields((name,), getattr(it, name))
    for j, d in enumerate(it.distractors):
        yield from _text_fields(("distractors", j), d)
    for j, a in enumerate(it.accept):
        yield ("accept", j), a
    for j, a in enumerate(it.reject):
        yield ("reject", j), a
    note = it.date_basis.note if it.date_basis is not None else None
    if isinstance(note, str):
        yield ("date_basis", "note"), note
    else:
        yield from _text_fields(("date_basis", "note"), note)


def _learner_records(bank: Bank) -> Iterator[tuple[str, str, list[tuple[FieldPath, str]]]]:
    """(kind, id, [(path, text), ...]) of every record with texts a learner may see: items, stories, disagreements,
    entity notes."""
    for it in bank.items:
        if not it.draft:
            yield "items", it.id, list(_item_texts(it))
    for s in bank.stories:
        yield "stories", s.id, [*_text_fields(("title",), s.title), *_text_fields(("summary",), s.summary)]
    for d in bank.disagreements:
        parts = [*_text_fields(("topic",), d.topic), *_text_fields(("note",), d.note)]
        parts += [pt for j, side in enumerate(d.sides) for pt in _text_fields(("sides", j, "says"), side.says)]
        yield "disagreements", d.id, parts
    for e in bank.entities:
        yield "entities", e.id, list(_text_fields(("note",), e.note))


def _article_numbers(bank: Bank, r: Reader) -> None:
    pattern = _article_re(bank)
    for kind, rid, texts in _learner_records(bank):
        # one search over all of a record's texts first: most records have no article number anywhere
        if pattern.search(unicodedata.normalize("NFKC", "\n".join(text for _, text in texts))) is None:
            continue
        for path, text in texts:
            m = pattern.search(unicodedata.normalize("NFKC", text))
            if m is not None:
                r.flag(kind, rid, path, f"names an article number ({quoted(m.group(0))}): name the event instead; "
                                        "outputs cite the source from evidence")


# --------------------------------------------------------------------------- answers and prompts


@lru_cache(maxsize=16384)
def _key(text: str) -> str:
    """Comparison key for finding one text inside another: the answer key, without commas and brackets."""
    return _PUNCT_RE.sub("", normalise(text))


def comparison_key(text: str) -> str:
    """What `printed_in` compares a non-Latin form by (for callers that index many forms at once)."""
    return _key(text)


def _latin(text: str) -> bool:
    return text.isascii()


@dataclass(frozen=True)
class Shown:
    """A text prepared for finding answers in it (`printed_in`): its comparison key and its folded words."""

    ja_key: str
    ja_words: str
    en_words: str


@lru_cache(maxsize=16384)
def shown(text: Text) -> Shown:
    return Shown(_key(text.ja), " ".join(text.ja.split()).casefold(), " ".join(text.en.split()).casefold())


@lru_cache(maxsize=8192)
def _word_re(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![0-9a-z]){re.escape(word)}(?![0-9a-z])")


def printed_in(form: str, text: Text | Shown, shortest: int, langs: tuple[str, ...] = ("en", "ja")) -> str | None:
    """'ja' or 'en': the language of `text` that prints `form` (a Latin form as a whole word), or None.

    Forms shorter than `shortest` (after normalisation) are never looked for. A form that is the whole
    text is a placeholder both still hold ("TODO: translate"), not a giveaway. The one owner of "is this
    answer printed here": `quizgen check` asks it of an item's own prompt, the worksheets' leak checker of
    every other text on a sheet (prepared once with `shown`), in the languages the sheet shows (`langs`)."""
    prepared = text if isinstance(text, Shown) else shown(text)
    if _latin(form):
        word = " ".join(form.split()).casefold()
        if len(word) >= shortest:
            pattern = _word_re(word)
            for lang, words in (("en", prepared.en_words), ("ja", prepared.ja_words)):
                if lang in langs and word in words and words != word and pattern.search(words):
                    return lang
        return None
    key = _key(form)
    return "ja" if "ja" in langs and len(key) >= shortest and key in prepared.ja_key else None


def answer_forms(item: Item, bank: Bank | None = None) -> list[tuple[str, str, int]]:
    """(form, what it is, shortest length looked for) of every spelling of `item`'s answer: the answer in
    both languages and its accepted spellings; with `bank`, also the names of the entity the answer is."""
    forms = [(item.answer.ja, "answer", _MIN_ANSWER), (item.answer.en, "answer", _MIN_LATIN)]
    forms += [(a, "accepted answer", _MIN_ACCEPT) for a in item.accept]
    entity = bank.entity_by_id.get(item.entity) if bank is not None and item.entity else None
    if entity is not None:
        forms += [(entity.ja, "answer", _MIN_ANSWER), (entity.en, "answer", _MIN_LATIN)]
        forms += [(a, "accepted answer", _MIN_ACCEPT) for a in entity.aliases]
    seen: set[str] = set()
    out = []
    for form, what, shortest in forms:
        if form.strip():
            key = normalise(form)
            if key not in seen:
                seen.add(key)
                out.append((form, what, shortest))
    return out


def _answer_in_prompt(r: Reader, it: Item) -> None:
    for form, what, shortest in answer_forms(it):
        lang = printed_in(form, it.prompt, shortest)
        if lang is not None:
            r.flag("items", it.id, ("prompt", lang), f"{what} {quoted(form)} is printed in its own prompt")


_INSTRUCTION_RE = re.compile(r"[^。？?]{0,40}(?:で答えよ|で答えなさい|で答えること)[。.]?\s*$"
                             r"|\((?:give|answer|in) [^)]{0,60}\)\s*$", re.IGNORECASE)
_INSTRUCTION_TAIL = 120  # characters at a prompt's end the instruction is looked for in (an 80k prompt: hostile c13)


def _answer_instruction(r: Reader, it: Item) -> None:
    """Review 14, s2 問4: 「…チャンスだと論じたか。比喩で答えよ。」 as a choice question, under 「記号で答えなさい」."""
    for lang in ("ja", "en"):
        m = _INSTRUCTION_RE.search(getattr(it.prompt, lang)[-_INSTRUCTION_TAIL:])
        if m is not None:
            r.flag("items", it.id, ("prompt", lang),
                   f"ends with an instruction on how to answer ({quoted(m.group(0).strip())}): a choice question and a "
                   "card use the prompt too; say it in the question (「比喩を用いて論じたか」)")


def date_answer_problem(answer: Text, year: bool = True) -> str | None:
    """Why `answer` cannot be a date answer (a relative word; with `year`, no year), or None: the one rule, for
    `quizgen check` and for `review`, which says so as the answer is typed."""
    if relative_words(answer.ja) or relative_words(answer.en):
        return f"relative date answer {quoted(answer.ja)}: resolve it (e.g. 2024年) or do not ask the date"
    if year and not mentioned(answer.ja).years:
        return f"date answer {quoted(answer.ja)} has no year: resolve it (e.g. 2023年3月17日) or do not ask the date"
    return None


def _date_answer(r: Reader, it: Item) -> None:
    """A date answer is a resolved date: no relative word, a year, a `when` that agrees with it."""
    is_date = it.kind is ItemKind.DATE or it.answer_type is AnswerType.DATE
    if not (is_date or it.category is Category.DATES):
        return
    where: FieldPath = ("answer", "ja")
    problem = date_answer_problem(it.answer, year=is_date)
    if problem is not None:
        r.flag("items", it.id, where, problem)
        return
    if not is_date:
        return
    if it.when is None:
        r.flag("items", it.id, where, "a date answer needs `when` (the resolved date) and its `date_basis`")
        return
    when, answer = parse_when(it.when), parse_date(unicodedata.normalize("NFKC", it.answer.ja).lower())
    if when is not None and answer is not None and not when.covers(answer):
        r.flag("items", it.id, where, f"date answer {quoted(it.answer.ja)} does not match when {quoted(it.when)}")


def _story_date_asked(r: Reader, it: Item, story: Story | None) -> None:
    """A date answer its own story prints: the story's date leads its Anki subdeck's name and anchors its
    siblings' prompts, so a card asking it is answered before it is asked."""
    if story is None or not (it.kind is ItemKind.DATE or it.answer_type is AnswerType.DATE):
        return
    shown_date = story.when is not None and it.when == story.when
    if shown_date or printed_in(it.answer.ja, story.title, 2, ("ja",)):
        r.flag("items", it.id, ("answer", "ja"),
               f"date answer {quoted(it.answer.ja)} is the date of its own story {quoted(story.id)}"
               f"{' (its when)' if shown_date else ' (its title)'}, which its deck name and its siblings' prompts print: "
               "ask a date the story does not print, or ask this fact another way")


# --------------------------------------------------------------------------- mirror pairs


def evidence_overlaps(a: Item, b: Item, texts: dict[str, str] | None) -> bool:
    """Whether two items cite the same words: one quote contains the other, or (given the article texts)
    their quotes' spans in one article overlap."""
    for x in a.evidence:
        for y in b.evidence:
            if x.quote in y.quote or y.quote in x.quote:
                return True
            text = texts.get(x.article) if texts is not None and x.article == y.article else None
            if text is not None:
                i, j = text.find(x.quote), text.find(y.quote)
                if i >= 0 and j >= 0 and i < j + len(y.quote) and j < i + len(x.quote):
                    return True
    return False


def _mirror_pairs(r: Reader, items: Sequence[Item], texts: dict[str, str] | None) -> None:
    """Flag the later item of each pair whose answers are each in the other's prompt and whose evidence overlaps.

    Without comparing every pair (a 100k-item bank has 5 billion): each prompt is searched once for the answers
    it holds, and only the pairs that hold each other's answers are compared."""
    keyed = [(n, _key(it.answer.ja), _key(it.prompt.ja)) for n, it in enumerate(items)]
    keyed = [k for k in keyed if len(k[1]) >= _MIN_ANSWER]
    holds = _answers_in_prompts({answer for _, answer, _ in keyed}, {prompt for _, _, prompt in keyed})
    holding: dict[str, set[str]] = {}  # answer -> the prompts that hold it
    for prompt, answers in holds.items():
        for answer in answers:
            holding.setdefault(answer, set()).add(prompt)
    asked: dict[str, set[str]] = {}  # answer -> the prompts of the items with that answer
    group: dict[tuple[str, str], list[int]] = {}  # (answer, prompt) -> the items with both, in bank order
    for n, answer, prompt in keyed:
        asked.setdefault(answer, set()).add(prompt)
        group.setdefault((answer, prompt), []).append(n)
    pairs: set[tuple[int, int]] = set()
    for (a_answer, a_prompt), firsts in group.items():
        for b_answer in holds[a_prompt]:
            for b_prompt in holding.get(a_answer, set()) & asked[b_answer]:
                pairs.update((a, b) for a in firsts for b in group[(b_answer, b_prompt)] if a < b)
    for a, b in sorted(pairs):
        if evidence_overlaps(items[a], items[b], texts):
            r.flag("items", items[b].id, ("prompt", "ja"),
                   f"mirror pair with item {quoted(items[a].id)}: each answer is in the other's prompt; keep one")


def _answers_in_prompts(answers: set[str], prompts: set[str]) -> dict[str, set[str]]:
    """Each prompt's answers: those of `answers` it holds (answers found by their first two characters)."""
    by_start: dict[str, list[str]] = {}
    for answer in answers:
        by_start.setdefault(answer[:2], []).append(answer)
    holds: dict[str, set[str]] = {}
    for prompt in prompts:
        found = holds[prompt] = set()
        for i in range(len(prompt) - 1):
            for answer in by_start.get(prompt[i:i + 2], ()):
                if prompt.startswith(answer, i):
                    found.add(answer)
    return holds
