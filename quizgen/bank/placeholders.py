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

__all__ = ["TODO_EN", "UNKNOWN_OUTLET", "PlaceholderError", "find", "is_placeholder", "refuse"]


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
    for text in (*_TEXTS(it), *it.distractors):
        if text is not None:
            for s in (text.ja, text.en):
                if not s or s[0] in _LEADS or s[0].isspace():
                    return True
    return False


def find(bank: Bank, items: Iterable[Item], lang: Lang) -> list[str]:
    """One line per item whose texts in `lang` (or whose sources' outlet or headline) are placeholders."""
    out: list[str] = []
    langs = _langs(lang)
    in_sources: dict[str, list[str]] = {}  # article -> its placeholders (each source looked at once)
    for it in items:
        fields = [f"{name}.{code}" for name, text in _item_texts(it) for code in langs
                  if is_placeholder(getattr(text, code))] if _may_hold(it) else []
        for article in it.articles:
            found = in_sources.get(article)
            if found is None:
                found = in_sources[article] = _source_placeholders(bank, article, langs)
            fields += found
        if fields:
            out.append(f"item {it.id}: {', '.join(dict.fromkeys(fields))}")
    return out


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
        shown = problems[:20] + ([f"… and {len(problems) - 20} more"] if len(problems) > 20 else [])
        raise PlaceholderError(
            f"{len(problems)} item(s) still hold placeholders in the chosen language ({lang.value}); "
            "write them (quizgen review --english for English, or edit the bank), or choose another language:\n  "
            + "\n  ".join(shown))
