"""Placeholders: the texts `quizgen extract` and `quizgen add-article` leave for a person to write.

A draft's English is "TODO: translate" until a reviewer writes it, and an article registered without its
outlet has the outlet "不明(要確認)" / "TODO: unknown outlet (check)". The bank accepts them (a Japanese-only
class needs no English), but no output may show one to a learner: `find` lists every placeholder the chosen
languages would print, by item, so a generator can refuse with a message naming each one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import attrgetter

from quizgen.bank.model import Bank, Item, Lang, Text
from quizgen.errors import QuizgenError

TODO_EN = "TODO: translate"
UNKNOWN_OUTLET = Text("不明(要確認)", "TODO: unknown outlet (check)")
_MARKERS = ("TODO", "要確認", "不明(要確認)")

__all__ = ["TODO_EN", "UNKNOWN_OUTLET", "Checker", "PlaceholderError", "find", "is_placeholder", "refusal", "refuse"]


class PlaceholderError(QuizgenError):
    """An output would print a placeholder (a TODO text, an unknown outlet) to learners."""


_LEADS = frozenset(m[0] for m in (*_MARKERS, UNKNOWN_OUTLET.ja))  # the first characters a placeholder can have


def is_placeholder(text: str) -> bool:
    """Whether `text` is (or starts with) a placeholder someone still has to replace."""
    if text and text[0] not in _LEADS and not text[0].isspace():  # the usual text: one look at its first character
        return False
    t = text.strip()
    return not t or t.startswith(_MARKERS) or t == UNKNOWN_OUTLET.ja


def _langs(lang: Lang) -> tuple[str, ...]:
    return ("ja", "en") if lang is Lang.BOTH else (lang.value,)


def _item_texts(it: Item) -> Iterator[tuple[str, Text]]:
    for name in ("prompt", "answer", "explanation", "statement", "false_statement", "cloze", "event"):
        value: Text | None = getattr(it, name)
        if value is not None:
            yield name, value
    for j, d in enumerate(it.distractors):
        yield f"distractors[{j}]", d


_TEXTS = attrgetter("prompt", "answer", "explanation", "statement", "false_statement", "cloze", "event")


def _may_hold(it: Item) -> bool:
    """Whether any of an item's texts (either language) could be a placeholder: `is_placeholder`'s first look,
    at each text's first character, in one loop; false for nearly every item, which is then not looked at again."""
    leads = _LEADS
    for text in _TEXTS(it):
        if text is not None:
            ja, en = text.ja, text.en
            if not ja or not en or ja[0] in leads or en[0] in leads or ja[0].isspace() or en[0].isspace():
                return True
    for text in it.distractors:
        ja, en = text.ja, text.en
        if not ja or not en or ja[0] in leads or en[0] in leads or ja[0].isspace() or en[0].isspace():
            return True
    return False


def find(bank: Bank, items: Iterable[Item], lang: Lang) -> list[str]:
    """One line per item whose texts in `lang` (or whose sources' outlet or headline) are placeholders."""
    check = Checker(bank, lang)
    return [line for it in items if (line := check.problem(it)) is not None]


class Checker:
    """`find`, one item at a time (each source looked at once): for a generator that reads every item's texts
    anyway and so finds an item's placeholders while its texts are at hand (`refusal` once all are seen)."""

    def __init__(self, bank: Bank, lang: Lang) -> None:
        self._bank, self._lang, self._langs = bank, lang, _langs(lang)
        self._in_sources: dict[str, list[str]] = {}  # article -> its placeholders
        self._found: dict[str, str] = {}  # item id -> its line, of the items `look`ed at

    def look(self, it: Item) -> None:
        """Note `it`'s placeholders, if any, for `refuse_found`."""
        line = self.problem(it)
        if line is not None:
            self._found[it.id] = line

    def refuse_found(self, items: Iterable[Item]) -> None:
        """Raise `refusal` if an item `look`ed at holds a placeholder, naming them in the order of `items`."""
        if self._found:
            raise refusal([self._found[it.id] for it in items if it.id in self._found], self._lang)

    def problem(self, it: Item) -> str | None:
        """`find`'s line for `it`, or None."""
        langs = self._langs
        fields = [f"{name}.{code}" for name, text in _item_texts(it) for code in langs
                  if is_placeholder(getattr(text, code))] if _may_hold(it) else []
        in_sources = self._in_sources
        for ev in it.evidence:  # its articles, in order (a repeat adds nothing: fields are listed once)
            found = in_sources.get(ev.article)
            if found is None:
                found = in_sources[ev.article] = _source_placeholders(self._bank, ev.article, langs)
            if found:
                fields += found
        return f"item {it.id}: {', '.join(dict.fromkeys(fields))}" if fields else None


def _source_placeholders(bank: Bank, article: str, langs: tuple[str, ...]) -> list[str]:
    source = bank.source_by_id.get(article)
    if source is None:
        return []
    return [f"source {article} {name}.{code}" for name in ("outlet", "headline") for code in langs
            if is_placeholder(getattr(getattr(source, name), code))]


def refuse(bank: Bank, items: Iterable[Item], lang: Lang) -> None:
    """Raise PlaceholderError naming every item that would print a placeholder in `lang`."""
    problems = find(bank, items, lang)
    if problems:
        raise refusal(problems, lang)


def refusal(problems: list[str], lang: Lang) -> PlaceholderError:
    """The error naming `problems` (`find`'s lines, at least one)."""
    shown = problems[:20] + ([f"… and {len(problems) - 20} more"] if len(problems) > 20 else [])
    return PlaceholderError(
        f"{len(problems)} item(s) still hold placeholders in the chosen language ({lang.value}); "
        "write them (quizgen review --english for English, or edit the bank), or choose another language:\n  "
        + "\n  ".join(shown))
