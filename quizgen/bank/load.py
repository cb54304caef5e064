"""The only reader of the bank: YAML files -> validated `Bank`.

Loading collects every problem before raising one `BankError`, each problem
located as file:line:column and field. Records are built generically from the
dataclasses in `model.py` (by `records.Reader`), so the YAML keys are exactly the
field names; `validate.py` then checks across records and against the articles.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quizgen.bank.articles import ArticleFolders
from quizgen.bank.cascade import causes_first
from quizgen.bank.files import Unread, is_yaml, read_utf8
from quizgen.bank.located import Loc, LocList, LocMap, load_located
from quizgen.bank.model import Bank, Disagreement, Entity, Item, Pool, Source, Story
from quizgen.bank.records import MISSING, Reader, display_path, dumps_yaml, kind_of, suggest, to_data
from quizgen.bank.validate import validate
from quizgen.errors import BankError, Problem, QuizgenError, UsageError

SECTIONS: dict[str, type[Any]] = {
    "sources": Source,
    "stories": Story,
    "entities": Entity,
    "items": Item,
    "disagreements": Disagreement,
    "pools": Pool,
}


# --------------------------------------------------------------------------- loading


def bank_files(bank_dir: Path) -> list[Path]:
    """Every *.yaml/*.yml below `bank_dir` but folders: links to nothing and FIFOs too, for `read_files` to refuse."""
    return sorted(p for p in bank_dir.rglob("*") if is_yaml(p) and not p.is_dir())


def load_bank(bank_dir: Path | str, articles_dir: Path | str | None = None) -> Bank:
    """Load and validate every YAML file under `bank_dir`. Raises BankError listing every problem."""
    bank_dir = Path(bank_dir)
    if not bank_dir.is_dir():
        raise UsageError(f"bank folder not found: {bank_dir}")
    files = bank_files(bank_dir)
    if not files:
        raise UsageError(f"no .yaml files in bank folder {bank_dir}")
    texts, problems = read_files(files)
    if articles_dir is not None and not Path(articles_dir).is_dir():
        raise UsageError(f"articles folder not found: {articles_dir}")
    articles = ArticleFolders.for_bank(bank_dir, Path(articles_dir) if articles_dir is not None else None)
    bank = _build(texts, articles, problems)[0]
    if not bank.items:
        raise QuizgenError(f"the bank in {display_path(bank_dir)} has no items; add some (see docs/bank-format.md)")
    return bank


def read_files(paths: list[Path]) -> tuple[list[tuple[str, str]], list[Problem]]:
    """Read bank files as (text, shown name) pairs; unreadable or non-UTF-8 files become located problems."""
    texts: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for path in paths:
        shown = display_path(path)
        text = read_utf8(path)
        if isinstance(text, Unread):
            problems.append(Problem(shown, text.line, text.column, "(file)", text.message))
        else:
            texts.append((text, shown))
    return texts, problems


Articles = Path | ArticleFolders | None  # a folder of article texts (strict), or where to look for them


def loads_bank(text: str, file: str = "<bank>", articles_dir: Articles = None) -> Bank:
    """Load a bank held in one YAML string (tests, round-trips)."""
    return _build([(text, file)], articles_dir, [])[0]


def loads_bank_files(texts: list[tuple[str, str]], articles_dir: Articles = None) -> Bank:
    """Load a bank from several (yaml_text, shown_file_name) pairs, validated together (review of drafts)."""
    return _build(list(texts), articles_dir, [])[0]


def loads_bank_parts(texts: list[tuple[str, str]], articles_dir: Articles = None) -> tuple[Bank, list[Bank]]:
    """Like `loads_bank_files`, and also each text's own records, in the order given, as a `Bank` of their own.

    The parts are validated as a whole, not one by one: a file's items may name another file's entities.
    """
    return _build(list(texts), articles_dir, [])


def _build(texts: list[tuple[str, str]], articles: Articles, problems: list[Problem]) -> tuple[Bank, list[Bank]]:
    reader = Reader()
    reader.problems.extend(problems)
    parts = [_read_file(reader, text, shown) for text, shown in texts]
    sections: dict[str, Any] = {k: tuple(rec for part in parts for rec in part[k]) for k in SECTIONS}
    bank = Bank(**sections)
    validate(bank, reader, articles)
    if reader.problems:
        raise BankError(causes_first(reader.problems, reader.dropped))
    return bank, [Bank(**_tuples(part)) for part in parts]


def _tuples(part: dict[str, list[Any]]) -> dict[str, Any]:
    return {k: tuple(v) for k, v in part.items()}


def _read_file(reader: Reader, text: str, shown: str) -> dict[str, list[Any]]:
    """One file's records by section; whatever is wrong is added to `reader`'s problems."""
    part: dict[str, list[Any]] = {k: [] for k in SECTIONS}
    data, probs = load_located(text, shown)
    reader.problems.extend(probs)
    if data is None:
        if not probs:
            reader.fail(Loc(shown, 1, 1), "(document)", "the file is empty; add records to it or delete it")
        return part
    if not isinstance(data, LocMap):
        reader.fail(Loc(shown, 1, 1), "(document)", f"must be a mapping with keys {', '.join(SECTIONS)}")
        return part
    for key, raw in data.items():
        if key not in SECTIONS:
            reader.fail(data.key_locs[key], key, f"unknown section{suggest(key, SECTIONS)}; expected {', '.join(SECTIONS)}")
        elif raw is not None and not isinstance(raw, LocList):
            reader.fail(data.where(key), key, f"must be a list, not {kind_of(raw)}")
        elif raw is not None:
            part[key].extend(_read_section(reader, key, raw))
    return part


def _read_section(reader: Reader, key: str, raw: LocList) -> list[Any]:
    """The records of one section, in order; one whose id is taken already is a problem, not a record."""
    out = []
    for i, (entry, loc) in enumerate(zip(raw, raw.item_locs, strict=True)):
        rec = reader.record(entry, SECTIONS[key], loc, f"{key}[{i}]")
        if rec is MISSING:
            if isinstance(entry, LocMap) and isinstance(entry.get("id"), str):
                reader.dropped.add((key, entry["id"]))  # left out: references to it follow from its own problem
            continue
        if (key, rec.id) in reader.maps:
            first = reader.maps[(key, rec.id)].loc
            reader.fail(entry.where("id"), f"{key}[{i}].id",
                        f"duplicate id {rec.id!r} (first defined at {first.file}:{first.line})")
            continue
        reader.maps[(key, rec.id)] = entry
        out.append(rec)
    return out


# --------------------------------------------------------------------------- summaries and dumping


def bank_data(bank: Bank) -> dict[str, Any]:
    """The bank as plain YAML-able data: each non-empty section, in the bank files' order of sections."""
    return {k: to_data(getattr(bank, k)) for k in SECTIONS if getattr(bank, k)}


def dumps_bank(bank: Bank) -> str:
    return dumps_yaml(bank_data(bank))
