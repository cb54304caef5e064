"""How long a text in the bank may be.

A question is read at a glance, so its texts are short; without a bound, one pasted article in a
prompt made a worksheet PDF take minutes (WeasyPrint lays out one long paragraph in worse than linear
time). Prompts, statements and cloze sentences have at most 600 characters each, quotes 400, answers,
accepted spellings, distractors and readings 200, and any other text 2000. The bundled bank's
longest are 445 (an English cloze sentence), 81, 48 and 588.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator
from enum import Enum
from typing import Any

from quizgen.bank.model import Bank
from quizgen.bank.records import Reader

QUESTION, QUOTE, ANSWER, OTHER = 600, 400, 200, 2000
LIMITS = {
    "prompt": QUESTION, "statement": QUESTION, "false_statement": QUESTION, "cloze": QUESTION, "quote": QUOTE,
    "answer": ANSWER, "accept": ANSWER, "reject": ANSWER, "distractors": ANSWER, "reading": ANSWER, "aliases": ANSWER,
}
#: How a message names the text a limit is for ("more than the 400 a prompt may have").
_NAMES = {"false_statement": "false statement", "distractors": "distractor", "aliases": "alias",
          "accept": "accepted spelling", "reject": "rejected near answer"}

Path = tuple[str | int, ...]


def check_lengths(bank: Bank, r: Reader) -> None:
    """Every text of every record within its limit, each one over it a problem at its place."""
    for section in dataclasses.fields(bank):
        kind = section.name
        for rec in getattr(bank, kind):
            if not _over(rec, OTHER):  # the common case, found without listing the record's texts
                continue
            for path, text in _texts(rec, ()):
                limit, name = _limit(path)
                if len(text) > limit:
                    a = "an" if name[0] in "aeiou" else "a"
                    r.flag(kind, rec.id, path, f"{len(text)} characters, more than the {limit} {a} {name} may have; "
                                               "shorten it")


def _over(value: Any, limit: int) -> bool:
    """Whether any text inside `value` is longer than its limit (`limit` unless a field inside names its own)."""
    if isinstance(value, str):
        return len(value) > limit
    if isinstance(value, tuple):
        return any(_over(v, limit) for v in value)
    if dataclasses.is_dataclass(value):
        return any(_over(getattr(value, name), LIMITS.get(name, limit)) for name in _names(type(value)))
    return False


_NAMES_OF: dict[type[Any], tuple[str, ...]] = {}


def _names(cls: type[Any]) -> tuple[str, ...]:
    """The fields of a record type that may hold text (a text, a list, a record, or any of them or nothing)."""
    if cls not in _NAMES_OF:
        hints = typing.get_type_hints(cls)
        _NAMES_OF[cls] = tuple(f.name for f in dataclasses.fields(cls)
                               if not (isinstance(hints[f.name], type) and issubclass(hints[f.name], bool | int | Enum)))
    return _NAMES_OF[cls]


def _texts(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    """Every text inside a record, with its path of field names and list positions."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, tuple):
        for i, v in enumerate(value):
            yield from _texts(v, (*path, i))
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name), (*path, f.name))


def _limit(path: Path) -> tuple[int, str]:
    """The limit of the text at `path` (its innermost named field that has one) and what to call that text."""
    for step in reversed(path):
        if isinstance(step, str) and step in LIMITS:
            return LIMITS[step], _NAMES.get(step, step)
    return OTHER, "text"
