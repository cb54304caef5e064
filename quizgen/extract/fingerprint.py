"""What `extract` wrote in a drafts file, so that a later `extract -o` onto it can tell edits apart (pure).

A drafts file is the teacher's to edit: a translation typed in, a prompt put right, a person's reading confirmed in
review. `extract -o FILE` made again over such a file replaced it with fresh `TODO: translate` drafts, rc 0
(issue 18, hostile12). So extract records, in the file's header comment, a short fingerprint of each record it wrote
(each source, person and draft, as data: the YAML's layout does not count) and of each comment line it wrote;
`edited` names the records that are not as extract wrote them (changed, or added) and the comments it did not write
(a teacher's note: hostile pass 14 lost one so) — drafts `review` accepted have left the file and lose nothing.
`review` keeps every comment (`quizgen.bank.comments.header`), so the fingerprints stay with the file.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from quizgen.bank.comments import comments
from quizgen.bank.located import LocList, LocMap, load_located, plain
from quizgen.extract.numbering import NUMBERS_LINE

_LINE = "# extract が書いた形 (手で直した下書きを extract -o は上書きしない):"
_SECTIONS = ("sources", "entities", "items")
_PER_LINE = 8


def _fingerprint(section: str, record: Any) -> str:
    data = json.dumps([section, record], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:10]


def _comment_print(text: str) -> str:
    return "#" + _fingerprint("comment", text.strip())[:9]


def _own(text: str) -> bool:
    """Whether a comment line is one extract rewrites (its fingerprints and numbers) and holds nothing else, so none of
    a teacher's: a note typed after the numbers is a teacher's comment (hostile16: extract -o dropped it)."""
    line = text.strip()
    return _OWN_PRINTS.fullmatch(line) is not None or _OWN_NUMBERS.fullmatch(line) is not None


def _shown(comment: str) -> str:
    """A comment as a message names it: its start, or, on a line of extract's own, its end (the note typed there)."""
    text = comment.strip()
    if text.startswith((_LINE, NUMBERS_LINE)) and len(text) > 40:
        return f"…{text[-36:]}"
    return text[:40]


_OWN_PRINTS = re.compile(re.escape(_LINE) + r"(?: (?:[0-9a-f]{10}|#[0-9a-f]{9}))+")
_OWN_NUMBERS = re.compile(re.escape(NUMBERS_LINE) + r"(?: [0-9]+=[A-Za-z0-9][A-Za-z0-9_.-]*)+")


def _records(body: str) -> list[tuple[str, str, Any]] | None:
    """(section, record's name, record) for every record of the drafts YAML `body`; None when it is not a bank
    file's YAML."""
    data, problems = load_located(body, "(drafts)")
    if problems or not isinstance(data, LocMap):
        return None
    out: list[tuple[str, str, Any]] = []
    for section in _SECTIONS:
        records = data.get(section)
        for record in records if isinstance(records, list) else ():
            value = plain(record)
            name = value.get("id") if isinstance(value, dict) else None
            out.append((section, name if isinstance(name, str) else "?", value))
    return out


def _prints(text: str) -> set[str]:
    """The fingerprints a drafts file's header records (of records, and `#…` of comment lines)."""
    return {p for line in text.splitlines() if line.startswith(_LINE) for p in line[len(_LINE):].split()}


def stamped(header: str, body: str) -> str:
    """`header` with the fingerprints of the records of `body` (the YAML extract writes under it)."""
    records = _records(body) or []
    prints = [_fingerprint(section, record) for section, _, record in records]
    prints += [_comment_print(line) for line in header.splitlines() if line.startswith("#") and not _own(line)]
    kept = "".join(line + "\n" for line in header.splitlines() if not line.startswith(_LINE))
    return kept + "".join(f"{_LINE} {' '.join(prints[k:k + _PER_LINE])}\n" for k in range(0, len(prints), _PER_LINE))


def edited(text: str) -> tuple[str, ...] | None:
    """The records of the drafts file `text` that are not as `extract` wrote them: "draft ID", "person ID" or
    "source ID", in the file's order; None when the file holds no fingerprints (extract did not write it, or an
    extract older than them did), so what in it was typed cannot be told."""
    prints = _prints(text)
    if not prints:
        return None
    records = _records(text)
    if records is None:
        return None
    what = {"sources": "source", "entities": "person", "items": "draft"}
    changed = [f"{what[section]} {name}" for section, name, record in records
               if _fingerprint(section, record) not in prints]
    changed += [f"the section `{key}:` added by hand" for key in _added_sections(text)]  # hostile19: stories:, notes:
    if any(p.startswith("#") for p in prints):  # an extract that fingerprints its comments
        changed += [f"the comment on line {c.line} ({_shown(c.text)})" for c in comments(text) or ()
                    if not _own(c.text) and _comment_print(c.text) not in prints]
    return tuple(changed)


def _added_sections(text: str) -> list[str]:
    """The top-level keys of a drafts file that extract never writes (a `stories:` or `disagreements:` section, a
    teacher's `notes:`), in the file's order."""
    data, _ = load_located(text, "(drafts)")
    return [str(k) for k in data if k not in _SECTIONS] if isinstance(data, LocMap) else []


def foreign_comments(text: str) -> tuple[str, ...]:
    """The comment lines of a drafts file's `text` that extract did not write (a teacher's notes); every comment but
    extract's own kinds of line when the file holds no fingerprints of its comments."""
    prints = _prints(text)
    known = any(p.startswith("#") for p in prints)
    return tuple(c.text for c in comments(text) or ()
                 if not _own(c.text) and not (known and _comment_print(c.text) in prints))



@dataclass(frozen=True)
class Cut:
    """A drafts file extract wrote that ends inside its last draft (a copy, a sync or a save that stopped)."""

    draft: str  # that draft's id
    line: int  # the line it begins on
    end: int  # the file's last line

    def said(self) -> str:
        return (f"a drafts file cut off at its line {self.end}, inside draft {self.draft} (which begins on line "
                f"{self.line} and has no `draft: true`): a copy or a save that stopped?")


def cut_off(text: str) -> Cut | None:
    """Where the drafts file `text` is cut short inside its last draft: a file extract wrote (its fingerprints) whose
    last item lacks the `draft: true` every draft has and is not as extract wrote it, every other item a draft
    (hostile20: it was 「not a drafts file」 to extract -o and 「a bank file」 to review); None for any other file."""
    prints = _prints(text)
    data, problems = load_located(text, "(drafts)") if prints else (None, [])
    items = data.get("items") if isinstance(data, LocMap) and not problems else None
    if not isinstance(items, LocList) or not items or not isinstance(last := items[-1], LocMap) or "draft" in last:
        return None
    if any(not isinstance(i, LocMap) or i.get("draft") is not True for i in items[:-1]):
        return None
    if _fingerprint("items", plain(last)) in prints:
        return None
    name = last.get("id")
    return Cut(name if isinstance(name, str) else "?", items.item_locs[-1].line, len(text.splitlines()))


__all__ = ["Cut", "cut_off", "edited", "foreign_comments", "stamped"]
