"""What `extract` wrote in a drafts file, so that a later `extract -o` onto it can tell edits apart (pure).

A drafts file is the teacher's to edit: a translation typed in, a prompt put right, a person's reading confirmed in
review. `extract -o FILE` made again over such a file replaced it with fresh `TODO: translate` drafts, rc 0
(issue 18, hostile12). So extract records, in the file's header comment, a short fingerprint of each record it wrote
(each source, person and draft, as data: the YAML's layout and comments do not count); `edited` names the records
that are not as extract wrote them (changed, or added) — drafts `review` accepted have left the file and lose
nothing. `review` keeps the header's comment lines as they are, so the fingerprints stay with the file.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from quizgen.bank.located import LocMap, load_located, plain

_LINE = "# extract が書いた形 (手で直した下書きを extract -o は上書きしない):"
_SECTIONS = ("sources", "entities", "items")
_PER_LINE = 8


def _fingerprint(section: str, record: Any) -> str:
    data = json.dumps([section, record], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:10]


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


def stamped(header: str, body: str) -> str:
    """`header` with the fingerprints of the records of `body` (the YAML extract writes under it)."""
    records = _records(body) or []
    prints = [_fingerprint(section, record) for section, _, record in records]
    kept = "".join(line + "\n" for line in header.splitlines() if not line.startswith(_LINE))
    return kept + "".join(f"{_LINE} {' '.join(prints[k:k + _PER_LINE])}\n" for k in range(0, len(prints), _PER_LINE))


def edited(text: str) -> tuple[str, ...] | None:
    """The records of the drafts file `text` that are not as `extract` wrote them: "draft ID", "person ID" or
    "source ID", in the file's order; None when the file holds no fingerprints (extract did not write it, or an
    extract older than them did), so what in it was typed cannot be told."""
    prints = {p for line in text.splitlines() if line.startswith(_LINE) for p in line[len(_LINE):].split()}
    if not prints:
        return None
    records = _records(text)
    if records is None:
        return None
    what = {"sources": "source", "entities": "person", "items": "draft"}
    return tuple(f"{what[section]} {name}" for section, name, record in records
                 if _fingerprint(section, record) not in prints)


__all__ = ["edited", "stamped"]
