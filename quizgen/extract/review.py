"""`quizgen review`: move accepted drafts from a drafts file into the bank (library part, no prompts).

A drafts file (written by `quizgen extract`) holds `sources`, proposed `entities` and draft
`items`. It is validated together with the bank it extends. Accepting items writes them, with
the source and the entities they need, to `BANK/items/<article>.yaml`, and removes them from
the drafts file; both files are validated before anything is written.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from quizgen.atomic import write_text
from quizgen.bank.load import bank_files, loads_bank_files, read_files
from quizgen.bank.model import Bank, Item, Text
from quizgen.bank.records import dumps_yaml, to_data
from quizgen.errors import BankError, UsageError
from quizgen.extract.drafts import TODO_EN


@dataclass(frozen=True)
class Drafts:
    path: Path
    bank_dir: Path
    bank: Bank  # bank and drafts file, validated together
    items: tuple[Item, ...]  # the drafts still in the file
    header: str


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
    text = file.read_text(encoding="utf-8")
    bank = loads_bank_files(_texts(bank_dir, file, text), articles_dir)
    data = yaml.safe_load(text) or {}
    ids = {i["id"] for i in data.get("items") or []}
    items = tuple(i for i in bank.items if i.id in ids)
    header = "".join(line + "\n" for line in text.splitlines() if line.startswith("#"))
    return Drafts(file, bank_dir, bank, items, header)


def rebuild(drafts: Drafts, item_id: str, edited: object) -> Item:
    """The item `item_id` as edited by the teacher, validated with the bank (BankError if anything is wrong)."""
    if not isinstance(edited, dict) or not isinstance(edited.get("id"), str):
        raise UsageError("the edited item must be a YAML mapping with an `id`")
    raw = yaml.safe_load(drafts.path.read_text(encoding="utf-8")) or {}
    raw["items"] = [edited if i.get("id") == item_id else i for i in raw.get("items") or []]
    text = dumps_yaml(raw)
    bank = loads_bank_files(_texts(drafts.bank_dir, drafts.path, text))
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
    raw = yaml.safe_load(drafts.path.read_text(encoding="utf-8")) or {}
    accepted_ids = {i.id for i in decided}
    if not decided:
        return Outcome(drafts.path, 0, len(drafts.items), False)
    articles = {a for i in decided for a in i.articles}
    article = sorted(articles)[0]
    target = drafts.bank_dir / "items" / f"{article}.yaml"
    existing: dict[str, Any] = {}
    if target.exists():
        existing = yaml.safe_load(target.read_text(encoding="utf-8")) or {}
    # the source and the proposed entities the accepted items need move with them
    file_sources = raw.get("sources") or []
    file_entities = raw.get("entities") or []
    needed = {i.entity for i in decided} | {a for i in decided for a in i.actors}
    moving_entities = [e for e in file_entities if e.get("id") in needed]
    moving_sources = [s for s in file_sources if str(s.get("id")) in articles]
    new_target = dict(existing)
    if moving_sources:
        new_target["sources"] = [*(existing.get("sources") or []), *moving_sources]
    if moving_entities:
        new_target["entities"] = [*(existing.get("entities") or []), *moving_entities]
    new_target["items"] = [*(existing.get("items") or []), *(to_data(i) for i in decided)]
    ordered = {k: new_target[k] for k in ("sources", "entities", "items", "disagreements", "pools") if new_target.get(k)}
    target_text = dumps_yaml(ordered)
    remaining = [i for i in raw.get("items") or [] if i.get("id") not in accepted_ids]
    rest: dict[str, Any] = {}
    if [s for s in file_sources if s not in moving_sources]:
        rest["sources"] = [s for s in file_sources if s not in moving_sources]
    if [e for e in file_entities if e not in moving_entities]:
        rest["entities"] = [e for e in file_entities if e not in moving_entities]
    rest["items"] = remaining
    file_text = (drafts.header + dumps_yaml(rest)) if remaining else None
    # validate the bank as it will be, before writing anything
    texts = [(t, n) for t, n in _texts(drafts.bank_dir, drafts.path, file_text) if Path(n).resolve() != target.resolve()]
    texts.append((target_text, str(target)))
    loads_bank_files(texts, articles_dir)
    write_text(target, target_text)
    if file_text is None:
        drafts.path.unlink()
    else:
        write_text(drafts.path, file_text)
    return Outcome(target, len(decided), len(remaining), file_text is None)
