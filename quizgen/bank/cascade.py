"""Problems that follow from another: a reference to a record that has a problem of its own.

A record that cannot be built (a source whose headline holds a control character) is left out of the
bank, so every reference to it would read `unknown article '004'`, though the record is there and its
own problem is the cause: those are not reported. The references that are reported (an id mistyped, or
changed so that it breaks the id rule) are marked to follow every other problem, so the cause is read first.
Where records could not be read at all (a bank file that is a folder, not UTF-8 or not YAML, or empty), no id is known
to be missing, so no reference is reported. Where the bank holds no record of a section and a file lists it empty
(`sources: []`), the references to it are one problem at that list (`none_listed`).
"""

from __future__ import annotations

import dataclasses
import re

from quizgen.errors import Problem
from quizgen.text import listed

#: A reference's message, as `validate`, `content` and `dating` word it, and the section its id names.
_REFERENCE_RE = re.compile(r"^unknown (article|story|entity|disagreement|pool) '([^']*)'")
_SECTION = {"article": "sources", "story": "stories", "entity": "entities", "disagreement": "disagreements",
            "pool": "pools"}


def causes_first(problems: list[Problem], dropped: set[tuple[str, str]], *, every: bool = False) -> list[Problem]:
    """`problems` without references to the records in `dropped` ((section, id) of each record that could not be
    built), the other references marked to follow the rest. `every`: records could not be read at all (a bank file
    that is a folder or not YAML, a section misnamed), so no reference to a record the bank lacks is reported: the
    record may be among them (hostile19: `sources.yaml` a folder gave 157 「unknown article」 and nothing else)."""
    out = []
    for p in problems:
        m = _REFERENCE_RE.match(p.message)
        if m is None:
            out.append(p)
        elif not every and (_SECTION[m.group(1)], m.group(2)) not in dropped:
            out.append(dataclasses.replace(p, follows=True))
    return out


def references(problems: list[Problem]) -> dict[str, list[tuple[Problem, str]]]:
    """The references among `problems` to a record the bank lacks, by the section it would be in, with its id."""
    out: dict[str, list[tuple[Problem, str]]] = {}
    for p in problems:
        m = _REFERENCE_RE.match(p.message)
        if m is not None:
            out.setdefault(_SECTION[m.group(1)], []).append((p, m.group(2)))
    return out


#: Per section: a record of it, what a reference names, and what to list.
_NONE = {"sources": ("a source", "articles", "each article's source"), "stories": ("a story", "stories", "each story"),
         "entities": ("an entity", "entities", "each entity"),
         "disagreements": ("a disagreement", "disagreements", "each disagreement"), "pools": ("a pool", "pools", "each pool")}
_NAMED = 5  # ids a message lists before 「and N more」


def none_listed(section: str, refs: list[tuple[Problem, str]]) -> str:
    """The one problem of a section listed empty (`sources: []`) in a bank with no record of it elsewhere, in place
    of the references to it (hostile20: 157 「unknown article」, none naming sources.yaml)."""
    record, named, fix = _NONE[section]
    ids = list(dict.fromkeys(i for _, i in refs))
    shown = listed(ids) if len(ids) <= _NAMED else f"{', '.join(map(repr, ids[:_NAMED]))} and {len(ids) - _NAMED} more"
    many = "reference names" if len(refs) == 1 else "references name"
    return (f"the list is empty and no other file of the bank lists {record}, yet {len(refs)} {many} {named} ({shown}): "
            f"list {fix} here")
