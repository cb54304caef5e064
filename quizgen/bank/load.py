"""The only reader of the bank: YAML files -> validated `Bank`.

Loading collects every problem before raising one `BankError`, each problem
located as file:line:column and field. Records are built generically from the
dataclasses in `model.py`, so the YAML keys are exactly the field names: a file
that is right throughout is read without locations (`nodes.py`, the fast path),
any other through the located reader (`located.py`, `records.Reader`), which
says where each problem is. `validate.py` then checks across records and against
the articles; a problem it finds in a record read without locations is located
by reading that record's file again, with them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizgen import collector
from quizgen.bank import nodes
from quizgen.bank.articles import ArticleFolders
from quizgen.bank.cascade import causes_first, none_listed, references
from quizgen.bank.data import to_data
from quizgen.bank.files import BANK_SECTIONS, Unread, bank_files, read_bank_file
from quizgen.bank.located import UNREADABLE, Loc, LocList, LocMap, load_located
from quizgen.bank.model import Bank, Disagreement, Entity, Item, Pool, Source, Story
from quizgen.bank.records import MISSING, Reader, RecordRef, display_path, dumps_yaml, kind_of, suggest
from quizgen.bank.validate import validate
from quizgen.errors import BankError, Problem, QuizgenError, UsageError
from quizgen.text import quoted

_RECORDS: tuple[type[Any], ...] = (Source, Story, Entity, Item, Disagreement, Pool)
SECTIONS: dict[str, type[Any]] = dict(zip(BANK_SECTIONS, _RECORDS, strict=True))
"""Each section of a bank file and the record it holds: the names are `files.BANK_SECTIONS` (one list, which a
command's start reads without importing this loader), the records in the same order."""


# --------------------------------------------------------------------------- loading


def load_bank(bank_dir: Path | str, articles_dir: Path | str | None = None, progress: Progress | None = None) -> Bank:
    """Load and validate every YAML file under `bank_dir`. Raises BankError listing every problem.

    `progress(done, total)` is told after each file how many of the bank's bytes are read."""
    bank_dir = Path(bank_dir)
    if not bank_dir.is_dir():
        raise UsageError(f"bank folder not found: {bank_dir}")
    files = bank_files(bank_dir, loops=True)
    if not files:
        raise UsageError(f"no .yaml files in bank folder {bank_dir}")
    if articles_dir is not None and not Path(articles_dir).is_dir():
        raise UsageError(f"articles folder not found: {articles_dir}")
    articles = ArticleFolders.for_bank(bank_dir, Path(articles_dir) if articles_dir is not None else None)
    bank = _build([BankFile(display_path(p), path=p) for p in files], articles, progress)[0]
    if not bank.items:
        raise QuizgenError(f"the bank in {display_path(bank_dir)} has no items; add some (see docs/bank-format.md)")
    return bank


Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BankFile:
    """One file of the bank: its text at hand, or its path to read it from (again, when a problem in it must be
    located: records read without locations are found again by re-reading their file)."""

    shown: str
    text: str | None = None
    path: Path | None = None

    def read(self) -> str | Unread:
        if self.text is not None:
            return self.text
        assert self.path is not None
        return read_bank_file(self.path)

    def size(self) -> int:
        if self.text is not None:
            return len(self.text)
        assert self.path is not None
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def read_files(paths: list[Path]) -> tuple[list[tuple[str, str]], list[Problem]]:
    """Read bank files as (text, shown name) pairs; unreadable or non-UTF-8 files become located problems."""
    texts: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for path in paths:
        shown = display_path(path)
        text = read_bank_file(path)
        if isinstance(text, Unread):
            problems.append(_unread(shown, text))
        else:
            texts.append((text, shown))
    return texts, problems


def _unread(shown: str, why: Unread) -> Problem:
    return Problem(shown, why.line, why.column, "(file)", why.message)


Articles = Path | ArticleFolders | None  # a folder of article texts (strict), or where to look for them


def loads_bank(text: str, file: str = "<bank>", articles_dir: Articles = None) -> Bank:
    """Load a bank held in one YAML string (tests, round-trips)."""
    return _build([BankFile(file, text)], articles_dir)[0]


def loads_bank_files(texts: list[tuple[str, str]], articles_dir: Articles = None) -> Bank:
    """Load a bank from several (yaml_text, shown_file_name) pairs, validated together (review of drafts)."""
    return _build([BankFile(shown, text) for text, shown in texts], articles_dir)[0]


def loads_bank_parts(texts: list[tuple[str, str]], articles_dir: Articles = None) -> tuple[Bank, list[Bank]]:
    """Like `loads_bank_files`, and also each text's own records, in the order given, as a `Bank` of their own.

    The parts are validated as a whole, not one by one: a file's items may name another file's entities.
    """
    return _build([BankFile(shown, text) for text, shown in texts], articles_dir)


def _build(files: list[BankFile], articles: Articles, progress: Progress | None = None) -> tuple[Bank, list[Bank]]:
    with collector.paused():  # the records hold no cycles
        return _build_all(files, articles, progress)


def _build_all(files: list[BankFile], articles: Articles, progress: Progress | None) -> tuple[Bank, list[Bank]]:
    locator = _Locator(files)
    reader = Reader(locator.record)
    total = sum(f.size() for f in files) if progress is not None else 0
    done = 0
    parts = []
    for number, file in enumerate(files):
        text = file.read()
        if isinstance(text, Unread):
            reader.problems.append(_unread(file.shown, text))
            reader.unread = True
        else:
            parts.append(_read_file(reader, number, text, file.shown))
        if progress is not None:
            done += file.size()
            progress(min(done, total), total)
    sections: dict[str, Any] = {k: tuple(rec for part in parts for rec in part[k]) for k in SECTIONS}
    bank = Bank(**sections)
    validate(bank, reader, articles)
    if reader.problems:
        raise BankError(_none_listed(causes_first(reader.problems, reader.dropped, every=reader.unread), bank, locator))
    return bank, [Bank(**_tuples(part)) for part in parts]


def _none_listed(problems: list[Problem], bank: Bank, locator: _Locator) -> list[Problem]:
    """`problems` with the references to a section the bank holds no record of, where a file lists it empty
    (`sources: []`), made one problem at that list (`cascade.none_listed`)."""
    for section, refs in references(problems).items():
        if getattr(bank, section):
            continue
        gone = {id(p) for p, _ in refs}
        where = locator.empty_list(section)
        if where is not None:
            problems = [p for p in problems if id(p) not in gone] + [where.problem(section, none_listed(section, refs))]
        else:  # hostile26, 27: sources.yaml (stories.yaml, every entities file) deleted gave 157 「unknown article」
            problems = [p for p in problems if id(p) not in gone] + [locator.missing(section, none_listed(section, refs))]
    return problems


def _tuples(part: dict[str, list[Any]]) -> dict[str, Any]:
    return {k: tuple(v) for k, v in part.items()}


def _read_file(reader: Reader, number: int, text: str, shown: str) -> dict[str, list[Any]]:
    """One file's records by section: read without locations when it is right throughout (`nodes.py`), else
    through the located reader, which adds whatever is wrong to `reader`'s problems."""
    try:
        part = read_fast(text)
        if any((k, rec.id) in reader.maps for k, recs in part.items() for rec in recs):
            raise nodes.Slow  # an id another file has: the located reader says where the first one is
    except nodes.Slow:
        return _read_located(reader, text, shown)
    for k, recs in part.items():
        for position, rec in enumerate(recs):
            reader.maps[(k, rec.id)] = (number, k, position)
    return part


def read_fast(text: str) -> dict[str, list[Any]]:
    """One file's records by section, read without locations; `nodes.Slow` when the file needs the located reader
    (a problem of any kind, an id twice in it included)."""
    part = nodes.records(nodes.compose(text), SECTIONS)
    keys = [(k, rec.id) for k, recs in part.items() for rec in recs]
    if len(set(keys)) != len(keys):
        raise nodes.Slow
    return part


class _Locator:
    """The located mapping of a record read without locations: its file is read again, with locations (only when
    a problem in that record is reported). The last few files read so are kept."""

    KEEP = 4

    def __init__(self, files: list[BankFile]) -> None:
        self.files = files
        self.located: OrderedDict[int, Any] = OrderedDict()

    def record(self, ref: RecordRef) -> LocMap:
        number, section, position = ref
        if number not in self.located:
            text = self.files[number].read()
            self.located[number] = None if isinstance(text, Unread) else load_located(text, self.files[number].shown)[0]
            while len(self.located) > self.KEEP:
                self.located.popitem(last=False)
        self.located.move_to_end(number)
        data = self.located[number]
        try:
            found = data[section][position]
        except (TypeError, KeyError, IndexError):  # the file changed since it was read: its first line, then
            found = None
        if isinstance(found, LocMap):
            return found
        top = LocMap()
        top.loc, top.key_locs, top.value_locs = Loc(self.files[number].shown, 1, 1), {}, {}
        return top

    def missing(self, section: str, said: str) -> Problem:
        """The one problem of a section no file of the bank lists, at the file that would (`sources.yaml` at the top
        of the bank, the folder of its shortest path)."""
        folders = sorted((str(Path(f.shown).parent) for f in self.files), key=len)
        name = f"{section}.yaml" if not folders or folders[0] == "." else f"{folders[0]}/{section}.yaml"
        return Problem(name, 1, 1, "(file)", f"no such file, and {said.replace('the list is empty and ', '', 1)}")

    def empty_list(self, section: str) -> Loc | None:
        """Where a file first lists `section` empty (`sources: []`), or None."""
        for file in self.files:
            text = file.read()
            if isinstance(text, Unread) or section not in text:
                continue
            data = load_located(text, file.shown)[0]
            if isinstance(data, LocMap) and isinstance(data.get(section), LocList) and not data[section]:
                return data.where(section)
        return None


def _read_located(reader: Reader, text: str, shown: str) -> dict[str, list[Any]]:
    """One file's records by section, through the located reader; whatever is wrong is added to `reader`'s problems."""
    part: dict[str, list[Any]] = {k: [] for k in SECTIONS}
    data, probs = load_located(text, shown)
    reader.problems.extend(probs)
    if data is None:
        if not probs:
            reader.fail(Loc(shown, 1, 1), "(document)", "the file is empty; add records to it or delete it")
        reader.unread = True  # not YAML, or emptied (hostile20: sources.yaml): whatever records it held are unknown
        return part
    if data is UNREADABLE:  # a tag on the whole document, said by the YAML reader
        reader.unread = True
        return part
    if not isinstance(data, LocMap):
        reader.fail(Loc(shown, 1, 1), "(document)", f"must be a mapping with keys {', '.join(SECTIONS)}")
        reader.unread = True
        return part
    for key, raw in data.items():
        if key not in SECTIONS:
            reader.fail(data.key_locs[key], key, f"unknown section{suggest(key, SECTIONS)}; expected {', '.join(SECTIONS)}")
            reader.unread = True  # `sorces:`: the records under it are the ones a reference names
        elif raw is None or raw is UNREADABLE:  # a placeholder beside a written section (see below); a refused tag
            continue
        elif not isinstance(raw, LocList):
            reader.fail(data.where(key), key, f"must be a list, not {kind_of(raw)}")
            reader.unread = True
        else:
            part[key].extend(_read_section(reader, key, raw))
    if data and all(raw is None for raw in data.values()):  # `items:` alone: its list never written, or commented out
        key = next(iter(data))
        reader.fail(data.key_locs[key], key, f"nothing is written under it; write the list of {key} under it, "
                                             "or remove the file")
        reader.unread = True  # the records it held are unknown, as in an emptied file (hostile20)
    return part


def _read_section(reader: Reader, key: str, raw: LocList) -> list[Any]:
    """The records of one section, in order; one whose id is taken already is a problem, not a record."""
    out = []
    for i, (entry, loc) in enumerate(zip(raw, raw.item_locs, strict=True)):
        if entry is UNREADABLE:  # a refused tag on the record (`- !foo {id: x}`): said by the YAML reader, once
            continue
        rec = reader.record(entry, SECTIONS[key], loc, f"{key}[{i}]")
        if rec is MISSING:
            if isinstance(entry, LocMap) and isinstance(entry.get("id"), str):
                reader.dropped.add((key, entry["id"]))  # left out: references to it follow from its own problem
            continue
        if (key, rec.id) in reader.maps:
            first = reader.mapping(key, rec.id).loc
            reader.fail(entry.where("id"), f"{key}[{i}].id",
                        f"duplicate id {quoted(rec.id)} (first defined at {first.file}:{first.line})")
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
