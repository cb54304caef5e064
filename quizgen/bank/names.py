"""How the bank names things: one rule for every kind of id, one for the article files sources point to.

Ids end up in file names (`review` writes BANK/items/<source id>.yaml), Anki tags and GUIDs, export
files and the quiz's database, so every id kind (sources, entities, items, disagreements, pools and
any kind added later) follows the same rule: lower-case letters, digits and hyphens, at most 64
characters. No separator, no dot, no `..`, no space or newline can get into one.

A source's `file` is a path inside the articles folder: relative, with `/` between folders, and
never `..`; with the articles folder at hand it must also resolve inside it (a link that leads
out of the folder is refused rather than followed).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path, PurePosixPath

from quizgen.bank.model import Bank
from quizgen.bank.records import Reader, singular
from quizgen.text import first_non_ascii, quoted

ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
MAX_ID = 64


def id_problem(value: str) -> str | None:
    """Why `value` cannot be an id of any kind, or None when it can."""
    if ID_RE.fullmatch(value) and len(value) <= MAX_ID:
        return None
    odd = first_non_ascii(value)  # a look-alike letter (Cyrillic а) is shown escaped and named
    return (f"{quoted(value, escaped=True)}{f' ({odd})' if odd else ''} is not an id: use lower-case letters, digits "
            f"and hyphens (e.g. a000-peace-plan), at most {MAX_ID} characters")


def check_ids(bank: Bank, r: Reader) -> None:
    """Every record's id follows the one rule, whatever its kind."""
    for section in dataclasses.fields(bank):
        kind = section.name
        for rec in getattr(bank, kind):
            problem = id_problem(rec.id)
            if problem is not None:  # named by its kind alone: the id itself may hold a newline
                r.fail(r.at(kind, rec.id, "id"), f"{singular(kind)}.id", problem)


def file_problem(file: str) -> str | None:
    """Why a source's `file` is not a path inside the articles folder, or None when it is one."""
    path = PurePosixPath(file)
    if "\\" in file or path.is_absolute() or ".." in path.parts or re.match(r"[A-Za-z]:", file) or not path.parts:
        return (f"{quoted(file)} is not a file in the articles folder: give its path inside that folder, "
                "with / between folders and no '..'")
    return None


def check_files(bank: Bank, r: Reader) -> None:
    """Every source's `file` has the form of a path inside the articles folder (checked without the folder)."""
    for s in bank.sources:
        problem = file_problem(s.file)
        if problem is not None:
            r.flag("sources", s.id, ("file",), problem)


def article_path(articles: Path, file: str) -> tuple[Path | None, str | None]:
    """(the article file, None), or (None, why not) when `file` is not a path inside `articles` or leads out of it."""
    problem = file_problem(file)
    if problem is not None:
        return None, problem
    path = articles / file
    real, root = path.resolve(), articles.resolve()
    if not real.is_relative_to(root):
        return None, (f"{quoted(file)} leads out of the articles folder (a link to {real}); "
                      "copy the article into the folder")
    return path, None
