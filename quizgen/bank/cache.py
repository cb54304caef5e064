"""The bank cache: the checked bank in an SQLite file, so that the quiz, `stats`, `due` and `leeches` start
without reading the YAML, and read only the items they use.

`open_catalog(bank_dir, cache_dir)` returns a `catalog.Catalog` of the bank. From a fresh cache it opens the
file and reads nothing more until asked: the quiz's first question costs the same with 100 items as
with 100,000. Otherwise the bank is loaded and checked (`load_bank`), the readings of every spelling a
learner may type are computed (`bank/readings.py`: SudachiPy and OpenCC, when installed), and the
cache is written anew, atomically.

The cache is keyed by the content of the bank: a SHA-256 of every bank file, with the quizgen version,
the sources of the code that reads the bank and the reading libraries installed. To know that without
reading every file at each start, it keeps each file's size, modification and change times and inode
beside its hash, as git's index does: a file whose stamp changed (an edit, even one that puts the old
modification time back, changes its change time) is hashed again, and one changed within two seconds
of being stamped is hashed at every start until it is older. The same content under a new stamp
keeps the cache; any other change rebuilds it.

Nothing in the file can run code: it is plain rows (JSON in text columns), opened read-only with
SQLite's `trusted_schema` off. A file that is not such a cache, was written by another version, or
is damaged is ignored and replaced (one planted at its path included; one found damaged while it is read is
rebuilt from the bank there and then, and the catalog reads the new file); a cache folder that cannot be
written leaves the bank loaded in memory, as without a cache.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from quizgen import __version__
from quizgen.bank.catalog import ItemFacts, MemoryCatalog, item_rank
from quizgen.bank.files import yaml_entries
from quizgen.bank.model import Category, Item, Selection
from quizgen.errors import OutputError, QuizgenError

if TYPE_CHECKING:
    from quizgen.bank.catalog import Catalog
    from quizgen.bank.model import Bank

__all__ = ["FORMAT", "BankCache", "cache_path", "open_catalog", "readings_available", "with_readings"]

FORMAT = "quizgen bank cache 1"  # the layout of the file
RACY_NS = 2 * 10**9  # a file changed this close to its stamp may have changed again within one clock tick

_HERE = Path(__file__).parent
# the bank package (model, reader, loader, readings, this cache) and the Japanese text code readings use
_CODE = sorted(os.path.join(folder, name) for folder in (str(_HERE), str(_HERE.parent / "japanese"))
               for name in os.listdir(folder) if name.endswith(".py"))
_SECTIONS = ("sources", "entities", "disagreements", "pools", "stories")  # the `parts` rows: Bank's fields of these names

Progress = Callable[[int, int], None]
_T = TypeVar("_T")
Stamp = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode

_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, inode INTEGER, "
    "sha256 TEXT NOT NULL)",
    "CREATE TABLE parts (section TEXT PRIMARY KEY, data TEXT NOT NULL)",  # JSON: every record but the items
    """CREATE TABLE items (
        n INTEGER PRIMARY KEY,                  -- the item's place in the bank
        id TEXT NOT NULL UNIQUE,
        rank INTEGER NOT NULL,                  -- catalog.item_rank(id)
        category TEXT NOT NULL, priority TEXT NOT NULL, story TEXT, draft INTEGER NOT NULL,
        discarded INTEGER NOT NULL,             -- a discarded draft: never selected
        answer_key TEXT NOT NULL,               -- normalise(answer.ja): items with the same answer
        has_cloze INTEGER NOT NULL, has_statement INTEGER NOT NULL,
        prompt TEXT NOT NULL,                   -- prompt.ja
        truefalse INTEGER NOT NULL              -- form: truefalse
    )""",
    "CREATE TABLE item_data (n INTEGER PRIMARY KEY, data TEXT NOT NULL)",  # JSON (data.to_data), apart: scans stay small
    "CREATE INDEX items_rank ON items (rank, id)",
    "CREATE INDEX items_answer ON items (answer_key)",
    "CREATE INDEX items_live ON items (draft, discarded)",  # counting a selection reads this, not every prompt
    "CREATE TABLE item_tags (n INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (tag, n)) WITHOUT ROWID",
    "CREATE INDEX item_tags_n ON item_tags (n)",
    "CREATE TABLE item_articles (n INTEGER NOT NULL, article TEXT NOT NULL, PRIMARY KEY (article, n)) WITHOUT ROWID",
    "CREATE INDEX item_articles_n ON item_articles (n)",
    "CREATE TABLE answer_keys (key TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TABLE readings (spelling TEXT PRIMARY KEY, segments TEXT NOT NULL, variants TEXT NOT NULL) WITHOUT ROWID",
)


class _Unusable(Exception):
    """The file at the cache's path is no cache this quizgen can use."""


def readings_available() -> str:
    """Which optional libraries the readings can be computed with: installing them refreshes the cache.
    (A look at sys.path, not importlib.util.find_spec, which would cost the quiz's start-up a few milliseconds.)"""
    import sys

    found = [m for m in ("sudachipy", "sudachidict_core", "opencc")
             if any(os.path.isdir(os.path.join(p or ".", m)) for p in sys.path)]
    return ",".join(found)


def code_key() -> str:
    """What the cache's content depends on besides the bank: the quizgen version, the code that reads the bank
    (each source's size and modification time) and the reading libraries."""
    parts = [f"quizgen {__version__}", f"readings by: {readings_available()}"]
    for p in _CODE:
        try:
            st = os.stat(p)
        except OSError:
            continue
        parts.append(f"{os.path.basename(p)}\0{st.st_size}\0{st.st_mtime_ns}")
    return "\n".join(parts)


def cache_path(bank_dir: Path, cache_dir: Path) -> Path:
    """Where the cache of the bank in `bank_dir` is: one file per bank folder."""
    name = str(bank_dir.resolve()).encode()
    return cache_dir / f"bank-{zlib.crc32(name):08x}{zlib.adler32(name):08x}.sqlite3"


Notice = Callable[[str], None]


def open_catalog(bank_dir: Path, cache_dir: Path | None, progress: Progress | None = None,
                 notice: Notice | None = None) -> Catalog:
    """The bank in `bank_dir` as a catalog: from its cache in `cache_dir` when that is fresh, else loaded (and
    cached anew, when `cache_dir` is given and can be written). `progress` as for `load_bank`; `notice` is told, in
    one line, when a cache found damaged while it is read is rebuilt from the bank."""
    if cache_dir is None:
        return MemoryCatalog(_load(bank_dir, progress))
    path = cache_path(bank_dir, cache_dir)
    stamped_at = time.time_ns()
    stamps = _stamps(bank_dir)
    code = code_key()
    cache = _fresh(path, bank_dir, stamps, code, stamped_at)
    if cache is not None:
        cache.notice = notice
        return cache
    hashes = {rel: _sha256(bank_dir / rel) for rel in stamps}
    bank = _load(bank_dir, progress)
    try:
        _write_bank(path, bank, stamps, hashes, code, stamped_at)
        cache = BankCache(_connect(path), bank_dir, path)
    except (OSError, OutputError, sqlite3.Error, _Unusable):  # a cache folder that cannot be written: no cache
        return MemoryCatalog(bank)
    cache.notice = notice
    return cache


def _write_bank(path: Path, bank: Bank, stamps: dict[str, Stamp], hashes: dict[str, str], code: str,
                stamped_at: int) -> None:
    """Write the cache of `bank` (read from files of these `stamps` and `hashes`, stamped at `stamped_at`) at `path`."""
    _write(path, bank, {"format": FORMAT, "code": code, "content": _content_key(hashes), "stamped_at": str(stamped_at),
                        "stamps": _stamp_text(stamps)}, stamps, hashes)


def _load(bank_dir: Path, progress: Progress | None) -> Bank:
    from quizgen.bank.load import load_bank

    return with_readings(load_bank(bank_dir, progress=progress))


def with_readings(bank: Bank) -> Bank:
    """The bank with the readings of every spelling a learner may type (see `bank/readings.py`)."""
    from quizgen.bank.readings import compute_readings

    return dataclasses.replace(bank, reading_table=compute_readings(bank))


# --------------------------------------------------------------------------- is the cache fresh?


def _stamps(bank_dir: Path) -> dict[str, Stamp]:
    out = {}
    prefix = len(os.path.join(bank_dir, ""))
    slash = os.sep != "/"
    for entry in yaml_entries(bank_dir):
        rel = entry.path[prefix:].replace(os.sep, "/") if slash else entry.path[prefix:]
        try:
            st = entry.stat()
            out[rel] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        except OSError:  # a link to nothing, an unreadable file: hashed again (and refused by the loader) each time
            out[rel] = (-1, -1, -1, -1)
    return out


def _stamp_text(stamps: dict[str, Stamp]) -> str:
    """Every file's stamp as one text: a start compares it whole with the cache's (one comparison, no row read)."""
    return "\n".join(f"{rel}\0{size}\0{mtime}\0{ctime}\0{inode}" for rel, (size, mtime, ctime, inode) in sorted(stamps.items()))


def _sha256(path: Path) -> str:
    import hashlib

    try:
        with path.open("rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError as exc:
        return f"unreadable: {exc.strerror}"


def _content_key(hashes: dict[str, str]) -> str:
    import hashlib

    return hashlib.sha256("\n".join(f"{rel}\0{h}" for rel, h in sorted(hashes.items())).encode()).hexdigest()


def _fresh(path: Path, bank_dir: Path, stamps: dict[str, Stamp], code: str, stamped_at: int) -> BankCache | None:
    """The cache at `path` when it holds the bank as it is now, else None."""
    try:
        cache = BankCache(_connect(path), bank_dir, path)
    except (_Unusable, sqlite3.Error, OSError):
        return None
    try:
        meta = cache.meta
        if meta.get("code") != code:
            raise _Unusable
        racy_after = int(meta["stamped_at"]) - RACY_NS
        if meta.get("stamps") == _stamp_text(stamps) and all(max(st[1], st[2]) < racy_after for st in stamps.values()):
            return cache  # every file as it was when it was hashed (the common case: one comparison)
        stored = cache.stamps()
        if stored.keys() != stamps.keys():
            raise _Unusable
        changed = [rel for rel, stamp in stamps.items()
                   if stored[rel][0] != stamp or stamp[0] < 0 or max(stamp[1], stamp[2]) >= racy_after]
        if not changed:
            return cache
        hashes = {rel: h for rel, (_, h) in stored.items()}
        hashes.update((rel, _sha256(bank_dir / rel)) for rel in changed)
        if _content_key(hashes) != meta["content"]:
            raise _Unusable
        _restamp(path, {rel: stamps[rel] for rel in changed}, _stamp_text(stamps), stamped_at)
        return cache  # the same content under new stamps (touched, copied back): still this cache
    except (_Unusable, sqlite3.Error, KeyError, ValueError, TypeError):
        cache.close()
        return None


def _restamp(path: Path, stamps: dict[str, Stamp], text: str, stamped_at: int) -> None:
    """Record the new stamps of files whose content is as cached, so they are not hashed again at the next start."""
    try:
        con = sqlite3.connect(path, timeout=1)
        try:
            with con:
                con.executemany("UPDATE files SET size = ?, mtime_ns = ?, ctime_ns = ?, inode = ? WHERE path = ?",
                                [(*stamp, rel) for rel, stamp in stamps.items()])
                con.execute("UPDATE meta SET value = ? WHERE key = 'stamped_at'", (str(stamped_at),))
                con.execute("UPDATE meta SET value = ? WHERE key = 'stamps'", (text,))
        finally:
            con.close()
    except sqlite3.Error:  # read-only or busy: they are hashed again next time
        pass


_URI_SAFE = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_.~")


def _quoted(path: str) -> str:
    """`path` percent-encoded for an SQLite URI (urllib.parse.quote, without importing urllib at start-up)."""
    return "".join(chr(b) if b in _URI_SAFE else f"%{b:02X}" for b in path.encode())


def _connect(path: Path) -> sqlite3.Connection:
    """The cache file, read-only; nothing in it can run code (no extensions, schema untrusted)."""
    if path.is_symlink() or not path.is_file():  # the cache is never read or restamped through a link
        raise _Unusable
    con = sqlite3.connect(f"file:{_quoted(str(path.resolve()))}?mode=ro", uri=True)
    con.execute("PRAGMA trusted_schema = OFF")
    con.execute("PRAGMA query_only = ON")
    con.execute("PRAGMA mmap_size = 1073741824")  # read in place: a quarter of the time for the lookups a start makes
    return con


# --------------------------------------------------------------------------- writing


def _write(path: Path, bank: Bank, meta: dict[str, str], stamps: dict[str, Stamp], hashes: dict[str, str]) -> None:
    from quizgen.atomic import Links, atomic_path
    from quizgen.bank.catalog import answer_keys
    from quizgen.bank.data import to_data
    from quizgen.japanese.normalise import normalise

    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path, links=Links.REPLACE) as tmp:  # a link planted at the cache path is replaced, not followed
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("PRAGMA synchronous = OFF")
            con.execute("BEGIN")
            for statement in _SCHEMA:
                con.execute(statement)
            con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            con.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?)",
                            [(rel, *stamp, hashes[rel]) for rel, stamp in stamps.items()])
            con.executemany("INSERT INTO parts VALUES (?, ?)",
                            [(k, _json([to_data(r) for r in getattr(bank, k)])) for k in _SECTIONS])
            con.executemany("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            ((n, i.id, item_rank(i.id), i.category.value, i.priority.value, i.story, int(i.draft),
                              int(i.discarded is not None), normalise(i.answer.ja), int(i.cloze is not None),
                              int(i.statement is not None or i.false_statement is not None), i.prompt.ja,
                              int(i.truefalse))
                             for n, i in enumerate(bank.items)))
            con.executemany("INSERT INTO item_data VALUES (?, ?)", ((n, _json(to_data(i))) for n, i in enumerate(bank.items)))
            con.executemany("INSERT OR IGNORE INTO item_tags VALUES (?, ?)",
                            ((n, t) for n, i in enumerate(bank.items) for t in i.tags))
            con.executemany("INSERT OR IGNORE INTO item_articles VALUES (?, ?)",
                            ((n, a) for n, i in enumerate(bank.items) for a in i.articles))
            con.executemany("INSERT INTO answer_keys VALUES (?)", ((k,) for k in answer_keys(bank.items)))
            con.executemany("INSERT INTO readings VALUES (?, ?, ?)",
                            ((s, _json(segments), _json(variants)) for s, segments, variants in bank.reading_table))
            con.execute("COMMIT")
        finally:
            con.close()


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------- reading


def _chunks(values: Sequence[str], size: int = 500) -> Iterator[Sequence[str]]:
    for n in range(0, len(values), size):
        yield values[n:n + size]


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


class BankCache:
    """An open bank cache: a `catalog.Catalog` reading its SQLite file as it is asked."""

    def __init__(self, con: sqlite3.Connection, bank_dir: Path, path: Path) -> None:
        self._con = con
        self.bank_dir = bank_dir
        self.path = path
        self.notice: Notice | None = None
        self._rebuilt = False
        try:
            self.meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error:
            con.close()
            raise _Unusable from None
        if self.meta.get("format") != FORMAT:
            con.close()
            raise _Unusable
        self._parts: Bank | None = None
        self._keys: frozenset[str] | None = None
        self._json_each = True

    def close(self) -> None:
        self._con.close()

    def stamps(self) -> dict[str, tuple[Stamp, str]]:
        return {row[0]: ((row[1], row[2], row[3], row[4]), row[5])
                for row in self._con.execute("SELECT path, size, mtime_ns, ctime_ns, inode, sha256 FROM files")}

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        return self._read(lambda: self._con.execute(sql, tuple(params)).fetchall())

    def _read(self, read: Callable[[], _T]) -> _T:
        """What `read` reads from the file; a file found damaged (a page SQLite cannot read, a row that is not what
        this quizgen wrote) is rebuilt from the bank, once, and read again (issue 18, E01: it was a dead end)."""
        try:
            return read()
        except (sqlite3.Error, KeyError, TypeError, ValueError) as exc:
            if self._rebuilt:
                raise QuizgenError(f"the bank cache {self.path} cannot be read ({exc}) even after it was rebuilt; "
                                   "delete it, or set QUIZGEN_CACHE_DIR= (empty) to read the bank without a cache"
                                   ) from None
            self._rebuild(exc)
        return self._read(read)

    def _rebuild(self, exc: BaseException) -> None:
        """Replace the damaged file by a cache written anew from the bank's files, and read that from now on."""
        self._rebuilt = True
        self._con.close()
        stamped_at = time.time_ns()
        stamps = _stamps(self.bank_dir)
        code = code_key()
        hashes = {rel: _sha256(self.bank_dir / rel) for rel in stamps}
        bank = _load(self.bank_dir, None)
        try:
            _write_bank(self.path, bank, stamps, hashes, code, stamped_at)
            self._con = _connect(self.path)
        except (OSError, OutputError, sqlite3.Error, _Unusable) as why:
            # the OS's reason alone: the message names the file once
            reason = why.strerror if isinstance(why, OSError) and why.strerror else \
                str(why).removeprefix(f"cannot write {self.path}: ") or "it is not a file"
            raise QuizgenError(f"the bank cache {self.path} is damaged ({exc}) and cannot be replaced ({reason}); "
                               "delete it, or set QUIZGEN_CACHE_DIR= (empty) to read the bank without a cache"
                               ) from None
        self.meta = dict(self._con.execute("SELECT key, value FROM meta").fetchall())
        self._parts = None
        self._keys = None
        if self.notice is not None:
            self.notice(f"the bank cache {self.path} was damaged ({exc}); rebuilt it from the bank")

    # ------------------------------------------------------------------ the catalog

    def take(self, selection: Selection) -> CachedPicked:
        selection.check_names(lambda: [s.id for s in self.parts().stories], lambda: [s.id for s in self.parts().sources],
                              self._tags, self._ids)
        where, params = _where(selection)
        if not self._rows(f"SELECT 1 FROM items i WHERE {where} LIMIT 1", params):
            raise selection.nothing()
        return CachedPicked(self, where, params)

    def _ids(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT id FROM items ORDER BY n")]

    def _tags(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT DISTINCT tag FROM item_tags ORDER BY tag")]

    def parts(self) -> Bank:
        """Every record of the bank but the items (and no readings)."""
        if self._parts is None:
            from quizgen.bank.data import from_data
            from quizgen.bank.sections import Bank, Disagreement, Entity, Pool, Source, Story

            kinds: dict[str, type[Any]] = {"sources": Source, "entities": Entity, "disagreements": Disagreement,
                                           "pools": Pool, "stories": Story}

            def read() -> Bank:
                data = dict(self._con.execute("SELECT section, data FROM parts").fetchall())
                return Bank(**{k: tuple(from_data(cls, r) for r in json.loads(data[k])) for k, cls in kinds.items()})

            self._parts = self._read(read)
        return self._parts

    def _among(self, item_ids: Sequence[str], columns: str, where: str = "1", params: Sequence[Any] = (),
               join: str = "") -> list[Any]:
        """`columns` of the items of `item_ids` that `where` takes: one query, the ids passed as one JSON array
        (or, where SQLite lacks json_each, in chunks)."""
        if self._json_each:
            # CROSS JOIN: json_each first, each id looked up in the items (never every item against every id)
            sql = f"SELECT {columns} FROM json_each(?) j CROSS JOIN items i ON i.id = j.value {join} WHERE {where}"
            args = (json.dumps(item_ids), *params)
            try:
                return self._con.execute(sql, args).fetchall()
            except sqlite3.OperationalError as exc:
                if "json_each" not in str(exc):
                    return self._rows(sql, args)  # a damaged file: rebuilt, then read again
                self._json_each = False  # an SQLite without JSON: the ids in chunks
        return [row for chunk in _chunks(item_ids) for row in self._rows(
            f"SELECT {columns} FROM items i {join} WHERE i.id IN ({_marks(chunk)}) AND {where}", [*chunk, *params])]

    def items(self, item_ids: Sequence[str], where: str = "1", params: Sequence[Any] = ()) -> list[Item]:
        """The items of `item_ids` (those `where` takes), in that order."""
        from quizgen.bank.data import from_data

        def read() -> dict[str, Item]:
            rows = self._among(list(dict.fromkeys(item_ids)), "i.id, d.data", where, params,
                               "JOIN item_data d ON d.n = i.n")
            return {rid: from_data(Item, json.loads(data)) for rid, data in rows}

        found = self._read(read)
        return [found[i] for i in item_ids if i in found]

    def same_answer(self, items: Sequence[Item]) -> list[Item]:
        """Every item whose answer is that of one of `items` (by its comparison key)."""
        from quizgen.japanese.normalise import normalise

        keys = list({normalise(i.answer.ja) for i in items})
        ids = [r[0] for chunk in _chunks(keys) for r in
               self._rows(f"SELECT id FROM items WHERE answer_key IN ({_marks(chunk)}) ORDER BY n", chunk)]
        return self.items(ids)

    def readings(self, spellings: Iterable[str]) -> tuple[tuple[str, tuple[tuple[str, str], ...], tuple[str, ...]], ...]:
        """The stored readings of those of `spellings` that have one, as `Bank.reading_table` holds them."""
        out = []
        for chunk in _chunks(sorted(set(spellings))):
            for spelling, segments, variants in self._rows(
                    f"SELECT spelling, segments, variants FROM readings WHERE spelling IN ({_marks(chunk)})", chunk):
                out.append((spelling, tuple((s, r) for s, r in json.loads(segments)), tuple(json.loads(variants))))
        return tuple(sorted(out))

    def answer_keys(self) -> frozenset[str]:
        if self._keys is None:
            self._keys = frozenset(r[0] for r in self._rows("SELECT key FROM answer_keys"))
        return self._keys


_FACTS = "i.id, i.rank, i.category, i.has_cloze, i.has_statement, i.prompt, i.truefalse"


_CATEGORIES = {c.value: c for c in Category}


def _facts(row: tuple[Any, ...]) -> ItemFacts:
    rid, rank, category, cloze, statement, prompt, truefalse = row
    return ItemFacts(rid, rank, _CATEGORIES[category], bool(cloze), bool(statement), prompt, bool(truefalse))


class CachedPicked:
    """The items a selection takes from a bank cache (`catalog.Picked`)."""

    def __init__(self, cache: BankCache, where: str, params: list[Any]) -> None:
        self.cache = cache
        self.where = where
        self.params = params
        self._count: int | None = None

    @property
    def count(self) -> int:
        if self._count is None:
            self._count = int(self.cache._rows(f"SELECT COUNT(*) FROM items i WHERE {self.where}", self.params)[0][0])
        return self._count

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return True  # `take` takes no selection that picks nothing

    def count_up_to(self, limit: int) -> int:
        return int(self.cache._rows(f"SELECT COUNT(*) FROM (SELECT 1 FROM items i WHERE {self.where} LIMIT ?)",
                                    [*self.params, limit])[0][0])

    def facts(self) -> list[ItemFacts]:
        return [_facts(r) for r in self.cache._rows(f"SELECT {_FACTS} FROM items i WHERE {self.where} ORDER BY i.n",
                                                     self.params)]

    def facts_of(self, item_ids: Iterable[str]) -> dict[str, ItemFacts]:
        return {row[0]: _facts(row) for row in self.cache._among(list(set(item_ids)), _FACTS, self.where, self.params)}

    def categories_of(self, item_ids: Iterable[str]) -> dict[str, Category]:
        return {rid: _CATEGORIES[category]
                for rid, category in self.cache._among(list(set(item_ids)), "i.id, i.category", self.where, self.params)}

    def count_of(self, item_ids: Iterable[str]) -> int:
        return sum(int(n) for (n,) in self.cache._among(list(set(item_ids)), "COUNT(*)", self.where, self.params))

    def ranked(self, after: tuple[int, str], limit: int) -> list[ItemFacts]:
        return [_facts(r) for r in self.cache._rows(
            # INDEXED BY: a page in rank order from the rank index, never the whole selection sorted for each page
            f"SELECT {_FACTS} FROM items i INDEXED BY items_rank WHERE (i.rank, i.id) > (?, ?) AND {self.where} "
            "ORDER BY i.rank, i.id LIMIT ?",
            [*after, *self.params, limit])]

    def items(self, item_ids: Sequence[str]) -> list[Item]:
        return self.cache.items(item_ids, self.where, self.params)

    def bank_for(self, items: Sequence[Item]) -> Bank:
        from quizgen.bank.readings import spellings_of

        parts = self.cache.parts()
        shared = self.cache.same_answer(items)
        mine = tuple(dict.fromkeys([*items, *shared]))
        bank = dataclasses.replace(parts, items=mine)
        return dataclasses.replace(bank, reading_table=self.cache.readings(spellings_of(bank)))

    def answer_keys(self) -> frozenset[str]:
        return self.cache.answer_keys()


def _where(selection: Selection) -> tuple[str, list[Any]]:
    """`selection` as an SQL condition on `items i`, with its parameters (`Selection.matches`, in SQL)."""
    terms: list[str] = ["i.discarded = 0"] if selection.include_drafts else ["i.draft = 0", "i.discarded = 0"]
    params: list[Any] = []

    def among(column: str, values: Sequence[Any]) -> None:
        if values:
            terms.append(f"{column} IN ({_marks(values)})")
            params.extend(values)

    among("i.category", [c.value for c in selection.categories])
    among("i.priority", [p.value for p in selection.priorities])
    among("i.story", list(selection.stories))
    among("i.id", list(selection.ids))
    if selection.exclude_ids:
        terms.append(f"i.id NOT IN ({_marks(selection.exclude_ids)})")
        params.extend(selection.exclude_ids)
    for table, column, values, sign in (("item_articles", "article", selection.articles, ""),
                                        ("item_tags", "tag", selection.tags, ""),
                                        ("item_tags", "tag", selection.exclude_tags, "NOT ")):
        if values:
            terms.append(f"{sign}EXISTS (SELECT 1 FROM {table} x WHERE x.n = i.n AND x.{column} IN ({_marks(values)}))")
            params.extend(values)
    return " AND ".join(terms) or "1", params
