"""Taking an accepted item back out of the bank, as a draft (`quizgen review FILE --undo-accept ID`).

The item goes, exactly as the bank held it but with `draft: true`, to the end of a drafts file (made if
there is none), and out of the bank file that held it; its source and the people that came with it stay
(other items may use them). The bank and the drafts file are validated as they will be before anything is
written, and each write is atomic. The drafts file is written first: should the second write not happen,
the item is still accepted, and `quizgen review` drops its copy from the drafts file. Nothing is lost.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizgen.atomic import Links, write_text
from quizgen.bank.articles import ArticleFolders
from quizgen.bank.comments import header as comment_header
from quizgen.bank.files import bank_files
from quizgen.bank.load import SECTIONS, loads_bank_files, read_files
from quizgen.bank.located import LocMap, load_located, plain
from quizgen.bank.model import Item
from quizgen.bank.records import dumps_yaml, suggest
from quizgen.errors import BankError, QuizgenError
from quizgen.text import shell_word

__all__ = ["Withdrawn", "withdraw"]

NEW_DRAFTS = "# Drafts for `quizgen review`: items taken back out of the bank with --undo-accept.\n"


@dataclass(frozen=True)
class Withdrawn:
    item: Item  # as it now stands in the drafts file (a draft)
    bank_file: Path  # the bank file it was taken out of
    drafts_file: Path


def withdraw(bank_dir: Path, item_id: str, drafts_file: Path, articles: ArticleFolders | None = None) -> Withdrawn:
    """Move the accepted item `item_id` out of the bank into `drafts_file`, as a draft (see the module doc).

    Raises QuizgenError naming the item when the bank holds no accepted item of that id, and BankError
    (every problem, located) when a file cannot be read or the result would not be a valid bank."""
    drafts_real = os.path.realpath(drafts_file)  # realpath: a link that loops is kept, for read_files to refuse
    paths = [p for p in bank_files(bank_dir, loops=True) if os.path.realpath(p) != drafts_real]
    texts, problems = read_files([*paths, *([drafts_file] if drafts_file.exists() else [])])
    if problems:
        raise BankError(problems)
    drafts_text = texts.pop()[0] if drafts_file.exists() else ""
    found = [(k, data) for k, (text, shown) in enumerate(texts) if _find(data := _data(text, shown), item_id) is not None]
    if not found:
        raise QuizgenError(_not_accepted(item_id, bank_dir, drafts_file, _data(drafts_text, str(drafts_file)), texts))
    k, data = found[0]
    raw = _find(data, item_id)
    assert raw is not None
    if raw.get("draft"):
        raise QuizgenError(f"{item_id} is a draft in {paths[k]}, not an accepted item")
    data["items"] = [i for i in data["items"] if i is not raw]
    bank_text = _header(texts[k][0]) + dumps_yaml({key: v for key, v in data.items() if v})
    drafts = _data(drafts_text, str(drafts_file))
    drafts["items"] = [*(drafts.get("items") or []), {**raw, "draft": True}]
    drafts_out = (_header(drafts_text) or NEW_DRAFTS) + dumps_yaml({s: drafts[s] for s in SECTIONS if drafts.get(s)})
    after = [(bank_text, shown) if j == k else (text, shown) for j, (text, shown) in enumerate(texts)]
    bank = loads_bank_files([*after, (drafts_out, str(drafts_file))], articles)  # as it will be, before writing
    write_text(drafts_file, drafts_out, Links.FOLLOW)
    write_text(paths[k], bank_text, Links.FOLLOW)
    return Withdrawn(bank.item_by_id[item_id], paths[k], drafts_file)


def _data(text: str, shown: str) -> dict[str, Any]:
    data, problems = load_located(text, shown)
    if problems:
        raise BankError(problems)
    return plain(data) if isinstance(data, LocMap) else {}


def _find(data: dict[str, Any], item_id: str) -> dict[str, Any] | None:
    return next((i for i in data.get("items") or [] if isinstance(i, dict) and i.get("id") == item_id), None)


def _header(text: str) -> str:
    """A file's comment lines, kept when it is written back."""
    return comment_header(text)


def _not_accepted(item_id: str, bank_dir: Path, drafts_file: Path, drafts: dict[str, Any],
                  texts: list[tuple[str, str]]) -> str:
    if _find(drafts, item_id) is not None:
        return (f"{item_id} is a draft in {drafts_file}, not an accepted item: decide on it with  quizgen review "
                f"{shell_word(str(drafts_file))}")
    ids = [str(i.get("id")) for text, shown in texts for i in _data(text, shown).get("items") or [] if isinstance(i, dict)]
    return f"no accepted item {item_id} in the bank ({bank_dir}){suggest(item_id, ids)}"
