"""The question bank: the data model and the only reader of the bank's YAML files.

    from quizgen.bank import load_bank
    bank = load_bank("question_bank", articles_dir="../shared/seeds")   # raises BankError listing every problem

Modules: `model` (frozen dataclasses, no I/O), `located` (safe YAML that remembers where each value
came from), `records` (located YAML -> typed records and back), `load` (files -> `Bank`),
`validate` (checks across records and against the articles; `content` the rules for what learners see,
`dating` those for dated facts), `summary` (counts by category, priority, story, article, tag), `cache`
(the checked bank in SQLite, read lazily as a `catalog` by the quiz, `stats` and `due`).

The names below are imported on first use, so `import quizgen.bank.model` (the quiz's start-up
path) does not load PyYAML.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizgen.bank.load import dumps_bank, load_bank, loads_bank, loads_bank_files
    from quizgen.bank.model import (
        AnswerType,
        Bank,
        Category,
        DateBasis,
        DateHow,
        Disagreement,
        Entity,
        EntityType,
        Evidence,
        Item,
        ItemForm,
        ItemKind,
        Lang,
        Link,
        Priority,
        Selection,
        Source,
        Story,
        Text,
    )
    from quizgen.bank.summary import Summary, summarise

_WHERE = {
    **dict.fromkeys(("dumps_bank", "load_bank", "loads_bank", "loads_bank_files"), "load"),
    **dict.fromkeys(("Summary", "summarise"), "summary"),
    **dict.fromkeys(("AnswerType", "Bank", "Category", "DateBasis", "DateHow", "Disagreement", "Entity", "EntityType",
                     "Evidence", "Item", "ItemForm", "ItemKind", "Lang", "Link", "Priority", "Selection", "Source",
                     "Story", "Text"),
                    "model"),
}
__all__ = [
    "AnswerType",
    "Bank",
    "Category",
    "DateBasis",
    "DateHow",
    "Disagreement",
    "Entity",
    "EntityType",
    "Evidence",
    "Item",
    "ItemForm",
    "ItemKind",
    "Lang",
    "Link",
    "Priority",
    "Selection",
    "Source",
    "Story",
    "Summary",
    "Text",
    "dumps_bank",
    "load_bank",
    "loads_bank",
    "loads_bank_files",
    "summarise",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
