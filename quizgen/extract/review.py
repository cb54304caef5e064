"""`quizgen review`: move accepted drafts from a drafts file into the bank (library part, no prompts).

A drafts file (written by `quizgen extract`) holds `sources`, proposed `entities` and draft
`items`. It is read once, through the bank's own reader, and validated together with the bank it
extends; its records are kept typed (`Drafts.records`) and written back through the bank's dumper.
Accepting items writes them, with the source and the entities they need, to
`BANK/items/<article>.yaml`, and removes them from the drafts file; both files are validated
before anything is written.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizgen.atomic import write_text
from quizgen.bank.load import SECTIONS, bank_data, bank_files, dumps_bank, loads_bank_files, loads_bank_parts, read_files
from quizgen.bank.located import LocMap, load_located, plain
from quizgen.bank.model import Bank, Item, Text
from quizgen.bank.names import id_problem
from quizgen.bank.records import dumps_yaml
from quizgen.errors import BankError, UsageError
from quizgen.extract.drafts import TODO_EN


@dataclass(frozen=True)
class Drafts:
    path: Path
    bank_dir: Path
    bank: Bank  # bank and drafts file, validated together
    records: Bank  # the drafts file's own sources, entities and items, as written in it
    header: str  # its comment lines, kept when it is written back

    @property
    def items(self) -> tuple[Item, ...]:
        """The items still in the drafts file, in its order."""
        return self.records.items


@dataclass(frozen=True)
class Outcome:
    target: Path
    accepted: int
    remaining: int
    file_removed: bool


def _texts(bank_dir: Path, file: Path, file_text: str | None) -> list[tuple[str, str]]:
    inside = _inside(file, bank_dir)
    texts, problems = read_files([p for p in bank_files(bank_dir) if not (inside and p.resolve() == file.resolve())])
    if problems:
        raise BankError(problems)
    if file_text is not None:
        texts.append((file_text, str(file)))
    return texts


def _inside(file: Path, folder: Path) -> bool:
    return file.resolve().is_relative_to(folder.resolve())


def open_drafts(file: Path, bank_dir: Path, articles_dir: Path | None = None) -> Drafts:
    """Load the drafts file with the bank (raises BankError listing every problem in either)."""
    if not file.is_file():
        raise UsageError(f"drafts file not found: {file}")
    if not bank_dir.is_dir():
        raise UsageError(f"bank folder not found: {bank_dir}")
    read, problems = read_files([file])  # not UTF-8, unreadable: located problems, as for a bank file
    if problems:
        raise BankError(problems)
    text = read[0][0]
    bank, parts = loads_bank_parts(_texts(bank_dir, file, text), articles_dir)
    header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
    return Drafts(file, bank_dir, bank, parts[-1], header)


EDITED = "(edited item)"  # the shown file name of an item's text as it comes back from the editor


def rebuild(drafts: Drafts, item_id: str, edited_text: str) -> Item:
    """The item `item_id` as the teacher edited it (its YAML text), validated in the drafts file with the bank.

    Raises BankError if anything is wrong, located in the drafts file as it would be written.
    """
    edited, problems = load_located(edited_text, EDITED)
    if problems:
        raise BankError(problems)
    if not isinstance(edited, LocMap) or not isinstance(edited.get("id"), str):
        raise UsageError("the edited item must be a YAML mapping with an `id`")
    data = bank_data(drafts.records)
    data["items"] = [plain(edited) if i["id"] == item_id else i for i in data.get("items", [])]
    bank = loads_bank_files(_texts(drafts.bank_dir, drafts.path, dumps_yaml(data)))
    return bank.item_by_id[edited["id"]]


def accept(item: Item, english: dict[str, str] | None = None) -> Item:
    """The item as a bank item: not a draft; English texts filled in from `english` (field -> text) where given."""
    english = {k: v.strip() for k, v in (english or {}).items() if v.strip()}
    changes: dict[str, Any] = {"draft": False}
    missing = list(item.missing)
    for path, value in english.items():
        fname, _, lang = path.partition(".")
        current: Text | None = getattr(item, fname, None)
        if lang != "en" or current is None:
            continue
        if fname == "cloze" and "[[" not in value:
            continue  # a cloze needs its [[blank]]
        changes[fname] = Text(changes.get(fname, current).ja, value)
        if path in missing:
            missing.remove(path)
    changes["missing"] = tuple(missing)
    tags = tuple(t for t in item.tags if t != "draft" and not t.startswith("rule-"))
    changes["tags"] = tags
    return dataclasses.replace(item, **changes)


def still_missing(item: Item) -> tuple[str, ...]:
    """English fields that are still placeholders."""
    out = []
    for fname in ("prompt", "answer", "explanation", "cloze"):
        t: Text | None = getattr(item, fname)
        if t is not None and t.en.startswith(TODO_EN):
            out.append(f"{fname}.en")
    return tuple(out)


def apply(drafts: Drafts, decided: list[Item], articles_dir: Path | None = None) -> Outcome:
    """Write `decided` (accepted, draft: false) into the bank and remove them from the drafts file."""
    if not decided:
        return Outcome(drafts.path, 0, len(drafts.items), False)
    articles = {a for i in decided for a in i.articles}
    target = _target(drafts.bank_dir, sorted(articles)[0])
    # the source and the proposed entities the accepted items need move with them
    needed = {i.entity for i in decided} | {a for i in decided for a in i.actors}
    records = drafts.records
    moving = Bank(sources=tuple(s for s in records.sources if s.id in articles),
                  entities=tuple(e for e in records.entities if e.id in needed), items=tuple(decided))
    target_text = dumps_yaml(_appended(_existing(target), bank_data(moving)))
    accepted = {i.id for i in decided}
    rest = Bank(sources=tuple(s for s in records.sources if s not in moving.sources),
                entities=tuple(e for e in records.entities if e not in moving.entities),
                items=tuple(i for i in records.items if i.id not in accepted))
    file_text = (drafts.header + dumps_bank(rest)) if rest.items else None
    # validate the bank as it will be, before writing anything
    texts = [(t, n) for t, n in _texts(drafts.bank_dir, drafts.path, file_text) if Path(n).resolve() != target.resolve()]
    texts.append((target_text, str(target)))
    loads_bank_files(texts, articles_dir)
    write_text(target, target_text)
    if file_text is None:
        drafts.path.unlink()
    else:
        write_text(drafts.path, file_text)
    return Outcome(target, len(decided), len(rest.items), file_text is None)


def _target(bank_dir: Path, article: str) -> Path:
    """BANK/items/<article>.yaml, where accepted items go; never a file outside the bank (ids are checked, and so is this)."""
    target = bank_dir / "items" / f"{article}.yaml"
    if id_problem(article) is not None or not _inside(target, bank_dir):
        raise UsageError(f"accepted items of article {article!r} would be written outside the bank, to {target}")
    return target


def _existing(target: Path) -> dict[str, Any]:
    """What a bank file holds now, as plain data read by the bank's reader, so it is written back as it was."""
    if not target.exists():
        return {}
    data, problems = load_located(target.read_text(encoding="utf-8"), str(target))
    if problems:
        raise BankError(problems)
    return plain(data) if isinstance(data, LocMap) else {}


def _appended(existing: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """`existing` with each section of `new` added at its end, sections in the bank files' order."""
    merged = {**existing, **{k: [*(existing.get(k) or []), *v] for k, v in new.items()}}
    return {k: merged[k] for k in SECTIONS if merged.get(k)}
