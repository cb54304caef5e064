"""The review history: an append-only log in SQLite.

Every answer is one row: item id, rating, review time (UTC), and the card's fsrs
state after the review (JSON). The log is the source of truth; a card's current
state is the state of its latest review that has not been undone. Nothing is ever
updated or deleted (triggers refuse it): undoing a review appends an `undo` row
naming it, and re-rating appends an undo row plus the corrected review.

Concurrency: WAL mode, `busy_timeout`, and `BEGIN IMMEDIATE` around each write,
which re-reads the card's state inside the transaction, so two sessions on one
database neither lose reviews nor schedule from a stale state. Each write commits
before it returns (synchronous=FULL), so a killed session keeps every answer.

Beside the log, `card_events` (append-only too) records buries (a card hidden until a time) and leech
resets (a card's lapses so far forgiven). A lapse is an Again on a card answered before; lapses are
counted from the log, never stored.

A file that is not a quizgen database, or is damaged, raises `StoreError` and is
never modified.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Collection, Generator, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from quizgen.atomic import Links, check_target, write_text
from quizgen.errors import QuizgenError
from quizgen.quiz.scheduling import Rating, State, card_from_json, card_to_json, state_problem

if TYPE_CHECKING:
    import threading

    from fsrs import Card

__all__ = ["CHECKED_SUFFIX", "SCHEMA_VERSION", "CurrentCard", "Review", "Store", "StoreError", "StoreReplaced", "Totals",
           "default_db_path"]

SCHEMA_VERSION = 4

# A review row is effective unless an undo row names it.
_EFFECTIVE = "r.kind = 'review' AND NOT EXISTS (SELECT 1 FROM reviews u WHERE u.undoes = r.id)"
# Each item's latest effective review, as a `cards` row: what the triggers keep in `cards`.
_LATEST = ("SELECT r.item_id, r.id, r.due, r.card_state, r.state FROM reviews r WHERE r.id IN "
           f"(SELECT MAX(r.id) FROM reviews r WHERE {_EFFECTIVE} GROUP BY r.item_id)")
_REBUILD_CARDS = f"INSERT INTO cards {_LATEST}"
_LAPSE = "kind = 'review' AND rating = 1 AND prior_state != 0"  # Again on a card answered before
# Effective lapses since the card's last leech reset.
_LAPSES = (f"SELECT r.item_id, COUNT(*) FROM reviews r WHERE r.{_LAPSE.replace(' AND ', ' AND r.')} "
           "AND NOT EXISTS (SELECT 1 FROM reviews u WHERE u.undoes = r.id) AND r.id > COALESCE((SELECT MAX(e.after_review) "
           "FROM card_events e WHERE e.kind = 'leech-reset' AND e.item_id = r.item_id), 0)")
_MATURE = f"prior_state = {int(State.REVIEW)}"  # a review of a card already learnt (true retention counts these)


def _totals_change(sign: str, col: str) -> str:
    """The SET clause of how one review changes its card's totals: `sign` + when it is added, - when it is undone;
    `col` names one of the review's columns (`col % name`)."""
    lapse = f"({col % 'kind'} = 'review' AND {col % 'rating'} = 1 AND {col % 'prior_state'} != 0)"
    if sign == "-":  # a lapse before the card's last leech reset was forgiven already
        lapse = (f"({lapse} AND {col % 'id'} > COALESCE((SELECT MAX(e.after_review) FROM card_events e "
                 f"WHERE e.kind = 'leech-reset' AND e.item_id = {col % 'item_id'}), 0))")
    mature = f"({col % 'prior_state'} = {int(State.REVIEW)})"
    return (f"reviews = reviews {sign} 1, mature = mature {sign} {mature}, "
            f"kept = kept {sign} ({mature} AND {col % 'rating'} > 1), judged = judged {sign} ({col % 'correct'} IS NOT NULL), "
            f"correct = correct {sign} COALESCE({col % 'correct'}, 0), lapses = lapses {sign} {lapse}")


_TOTALS_COLUMNS = "item_id, reviews, mature, kept, judged, correct, lapses"
_SINCE_RESET = ("r.id > COALESCE((SELECT MAX(e.after_review) FROM card_events e WHERE e.kind = 'leech-reset' "
                "AND e.item_id = r.item_id), 0)")
_REBUILD_TOTALS = (f"INSERT INTO card_totals ({_TOTALS_COLUMNS}) SELECT r.item_id, COUNT(*), SUM(r.{_MATURE}), "
                   f"SUM(r.{_MATURE} AND r.rating > 1), "
                   "COUNT(r.correct), COALESCE(SUM(r.correct), 0), "
                   f"SUM(r.rating = 1 AND r.prior_state != 0 AND {_SINCE_RESET}) FROM reviews r WHERE {_EFFECTIVE} "
                   "GROUP BY r.item_id")
BUSY_TIMEOUT_MS = 15_000
NOTICE_AFTER_MS = 300  # a write that waits longer for another connection's lock says so (`Store.waiting`)

# One list of statements per schema version; version N's statements move a version N-1 database to N.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """CREATE TABLE reviews (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            kind        TEXT NOT NULL CHECK (kind IN ('review', 'undo')),
            item_id     TEXT NOT NULL,
            reviewed_at TEXT NOT NULL,              -- ISO-8601 UTC, microseconds: sorts as text
            rating      INTEGER CHECK (rating BETWEEN 1 AND 4),
            state       TEXT,                       -- fsrs Card.to_dict() JSON after the review
            due         TEXT,                       -- copied from state, for queries
            card_state  INTEGER,                    -- state after: 1 learning, 2 review, 3 relearning
            prior_state INTEGER,                    -- state before: 0 new, 1, 2, 3
            correct     INTEGER,                    -- 1/0 as judged (self-graded: rating > 1)
            mode        TEXT,                       -- typed | choices | self
            answer      TEXT,                       -- what the learner typed or chose
            undoes      INTEGER REFERENCES reviews (id),
            CHECK ((kind = 'review') = (rating IS NOT NULL AND state IS NOT NULL AND undoes IS NULL))
        )""",
        "CREATE INDEX reviews_item ON reviews (item_id, id)",
        "CREATE INDEX reviews_time ON reviews (reviewed_at)",
        "CREATE UNIQUE INDEX reviews_undoes ON reviews (undoes) WHERE undoes IS NOT NULL",
        """CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
           BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END""",
        """CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
           BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END""",
    ),
    # v2: `cards`, each item's current state, kept by triggers in the same transaction as the log row, so the quiz
    # need not scan the whole log to start. It is derived data: `Store.rebuild_cards()` recomputes it from the log.
    2: (
        """CREATE TABLE cards (
            item_id     TEXT PRIMARY KEY,
            review_id   INTEGER NOT NULL REFERENCES reviews (id),
            due         TEXT NOT NULL,
            card_state  INTEGER NOT NULL,
            state       TEXT NOT NULL
        )""",
        """CREATE TRIGGER cards_on_review AFTER INSERT ON reviews WHEN NEW.kind = 'review' BEGIN
             INSERT OR REPLACE INTO cards VALUES (NEW.item_id, NEW.id, NEW.due, NEW.card_state, NEW.state);
           END""",
        f"""CREATE TRIGGER cards_on_undo AFTER INSERT ON reviews WHEN NEW.kind = 'undo' BEGIN
             DELETE FROM cards WHERE item_id = NEW.item_id;
             INSERT INTO cards SELECT r.item_id, r.id, r.due, r.card_state, r.state FROM reviews r
               WHERE r.item_id = NEW.item_id AND {_EFFECTIVE} ORDER BY r.id DESC LIMIT 1;
           END""",
        _REBUILD_CARDS,
    ),
    # v3: card events beside the log (append-only too): a bury hides a card until a time; a leech reset forgives the
    # lapses up to a review. A lapse is an Again on a card answered before (the partial index serves the count).
    3: (
        """CREATE TABLE card_events (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            kind         TEXT NOT NULL CHECK (kind IN ('bury', 'leech-reset')),
            item_id      TEXT NOT NULL,             -- the card id (an item id, or item#form)
            at           TEXT NOT NULL,
            until        TEXT,                      -- bury: hidden until this time
            after_review INTEGER,                   -- leech-reset: lapses up to this review id are forgiven
            CHECK ((kind = 'bury') = (until IS NOT NULL)),
            CHECK ((kind = 'leech-reset') = (after_review IS NOT NULL))
        )""",
        "CREATE INDEX card_events_item ON card_events (kind, item_id, id)",
        """CREATE TRIGGER card_events_no_update BEFORE UPDATE ON card_events
           BEGIN SELECT RAISE(ABORT, 'card events are append-only'); END""",
        """CREATE TRIGGER card_events_no_delete BEFORE DELETE ON card_events
           BEGIN SELECT RAISE(ABORT, 'card events are append-only'); END""",
        f"CREATE INDEX reviews_lapses ON reviews (item_id, id) WHERE {_LAPSE}",
    ),
    # v4: what `stats`, `due`, `leeches` and the quiz's start need without reading the log: the cards by due time, and
    # `card_totals`, each card's counts over its effective reviews, kept by triggers like `cards` (derived data too).
    4: (
        "CREATE INDEX cards_due ON cards (due)",
        """CREATE TABLE card_totals (
            item_id     TEXT PRIMARY KEY,           -- the card id
            reviews     INTEGER NOT NULL DEFAULT 0, -- effective reviews
            mature      INTEGER NOT NULL DEFAULT 0, -- of which of the card in the review state
            kept        INTEGER NOT NULL DEFAULT 0, -- of those, not rated Again
            judged      INTEGER NOT NULL DEFAULT 0, -- with a judgement (correct is not null)
            correct     INTEGER NOT NULL DEFAULT 0, -- judged right
            lapses      INTEGER NOT NULL DEFAULT 0  -- Again on a card answered before, since its last leech reset
        )""",
        "CREATE INDEX card_totals_lapses ON card_totals (lapses)",
        f"""CREATE TRIGGER card_totals_on_review AFTER INSERT ON reviews WHEN NEW.kind = 'review' BEGIN
             INSERT OR IGNORE INTO card_totals (item_id) VALUES (NEW.item_id);
             UPDATE card_totals SET {_totals_change("+", "NEW.%s")} WHERE item_id = NEW.item_id;
           END""",
        f"""CREATE TRIGGER card_totals_on_undo AFTER INSERT ON reviews WHEN NEW.kind = 'undo' BEGIN
             UPDATE card_totals SET {_totals_change("-", "(SELECT u.%s FROM reviews u WHERE u.id = NEW.undoes)")}
               WHERE item_id = NEW.item_id;
           END""",
        """CREATE TRIGGER card_totals_on_reset AFTER INSERT ON card_events WHEN NEW.kind = 'leech-reset' BEGIN
             UPDATE card_totals SET lapses = 0 WHERE item_id = NEW.item_id;
           END""",
        _REBUILD_TOTALS,
    ),
}

_COLUMNS = "r.id, r.item_id, r.reviewed_at, r.rating, r.state, r.due, r.card_state, r.prior_state, r.correct, r.mode, r.answer"


class StoreError(QuizgenError):
    """The review database cannot be used (damaged, foreign, newer, locked, unreadable)."""


CHECKED_SUFFIX = "-checked"  # beside the database, as SQLite's -wal and -shm: its stamp at the last clean close


def _stamp(path: Path) -> str | None:
    """The database file's and its WAL's size, modification and change times and inode, or None if unreadable."""
    parts = []
    for f in (path, path.with_name(path.name + "-wal")):
        try:
            st = f.stat()
        except FileNotFoundError:
            parts.append("-")
            continue
        except OSError:
            return None
        parts.append(f"{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino}")
    return " | ".join(parts)


def _recorded_stamp(path: Path) -> str | None:
    try:
        return path.with_name(path.name + CHECKED_SUFFIX).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return None  # none, or unreadable: the file is checked


def _record_stamp(path: Path) -> None:
    """Record the file's stamp after a clean close (best effort: without it the next start checks the file)."""
    stamp = _stamp(path)
    if stamp is None or stamp == _recorded_stamp(path):  # a session that wrote nothing: the stamp stands
        return
    with contextlib.suppress(OSError, QuizgenError):  # a folder that cannot be written: the next start checks
        write_text(path.with_name(path.name + CHECKED_SUFFIX), stamp, Links.FOLLOW)


class StoreBusy(StoreError):
    """Another connection held the database's write lock for longer than BUSY_TIMEOUT_MS; nothing was written."""

    def __init__(self, path: Path) -> None:
        self.path, self.seconds = path, BUSY_TIMEOUT_MS // 1000
        super().__init__(f"the review database {path} is busy: another quizgen session has held it for "
                         f"{self.seconds} s; try again")


class StoreReplaced(StoreError):
    """The database file was replaced by another file while the store had it open; nothing was written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"the review database {path} was replaced by another file while quizgen had it open; "
                         "nothing was written into it")


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _same_file(now: os.stat_result | None, opened: os.stat_result) -> bool:
    return now is not None and (now.st_dev, now.st_ino) == (opened.st_dev, opened.st_ino)


def default_db_path() -> Path:
    """`reviews.sqlite3` in the platform's user data folder (e.g. ~/.local/share/quizgen/)."""
    from platformdirs import user_data_path

    return user_data_path("quizgen", appauthor=False) / "reviews.sqlite3"


def _ts(when: dt.datetime) -> str:
    if when.tzinfo is None:
        raise ValueError("times must be timezone-aware")
    return when.astimezone(dt.UTC).isoformat(timespec="microseconds")


#: The shape of every time `_ts` writes (2026-12-06T14:24:07.123456+00:00), as an SQLite GLOB.
_TS_GLOB = "[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]+00:00"


def _parse_ts(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).astimezone(dt.UTC)


class _BadRow(Exception):
    """A row of the log that cannot be read; `Store` turns it into a `StoreError` naming the file."""

    def __init__(self, review_id: object, problem: str) -> None:
        super().__init__(f"review {review_id} {problem}")


def _time(text: object, review_id: object, column: str) -> dt.datetime:
    try:
        if not isinstance(text, str):
            raise TypeError
        return _parse_ts(text)
    except (TypeError, ValueError, OverflowError):
        raise _BadRow(review_id, f"has a bad time {text!r} in its {column} column") from None


def _enum(kind: type[Rating] | type[State], value: Any, review_id: object, column: str) -> Any:
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise _BadRow(review_id, f"has a bad value {value!r} in its {column} column") from None


def _state(text: object, review_id: object, item_id: object) -> str:
    """A card state (fsrs JSON) that `card_from_json` reads, or `_BadRow` naming the card and the column."""
    problem = state_problem(text)
    if problem is not None:
        raise _BadRow(review_id, f"of card {item_id} has a bad card state in its state column ({problem})")
    assert isinstance(text, str)
    return text


def _read_only_why(path: Path) -> tuple[str, str]:
    """Why a database file cannot be written, and what to do: the file system, the folder (SQLite writes its -wal
    and -shm files beside the database) or the file's own permission."""
    if _mounted_read_only(path):
        return " (its file system is mounted read-only)", "Copy it to a writable folder and pass {db_path} with the copy"
    if os.access(path, os.W_OK):
        return (f" (its folder {path.parent} is, and SQLite writes beside it)",
                "Make the folder writable or pass {db_path} with another path")
    return "", "Make it writable (chmod u+w) or pass {db_path} with another path"


def _cannot_make(path: Path) -> str | None:
    """Why a new database at `path` cannot be made (the nearest folder there is above it cannot be written), or None:
    SQLite only says "unable to open database file"."""
    if path.exists() or path.is_symlink():
        return None
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir() or os.access(folder, os.W_OK):
        return None  # a file in the way is said where the folder is made
    return f"its folder {folder} is on a file system mounted read-only" if _mounted_read_only(folder) else \
        f"its folder {folder} cannot be written (no write permission)"


def _mounted_read_only(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # Windows has no statvfs
        return False


def _writable(path: Path) -> bool:
    """Can this process write the database file and create its -wal and -shm files beside it?"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


@dataclass(frozen=True)
class CurrentCard:
    """A card's current state, as the latest effective review left it."""

    item_id: str
    review_id: int
    due: dt.datetime
    state: State
    state_json: str

    def card(self) -> Card:
        return card_from_json(self.state_json)

    @staticmethod
    def _from_row(row: tuple[Any, ...]) -> CurrentCard:
        item, rid, due, state, state_json = row
        return CurrentCard(item, rid, _time(due, rid, "due"), _enum(State, state, rid, "card_state"),
                           _state(state_json, rid, item))


_TOTALS = "reviews, mature, kept, judged, correct, lapses"


class Totals(NamedTuple):
    """A card's counts over its effective reviews (a tuple: `stats` reads one per card)."""

    reviews: int
    mature: int  # reviews of the card in the review state (already learnt)
    kept: int  # of those, not rated Again
    judged: int  # reviews with a judgement (typed or chosen answers; self-graded ones are judged by their rating)
    correct: int  # judged right
    lapses: int  # Again on the card answered before, since its last leech reset


@dataclass(frozen=True)
class Review:
    """One effective review from the log."""

    id: int
    item_id: str
    reviewed_at: dt.datetime
    rating: Rating
    due: dt.datetime
    state: State
    prior_state: State
    correct: bool | None
    mode: str
    answer: str | None
    state_json: str

    @staticmethod
    def _from_row(row: tuple[Any, ...]) -> Review:
        rid, item_id, at, rating, state_json, due, card_state, prior, correct, mode, answer = row
        return Review(rid, item_id, _time(at, rid, "reviewed_at"), _enum(Rating, rating, rid, "rating"),
                      _time(due, rid, "due"), _enum(State, card_state, rid, "card_state"),
                      _enum(State, prior, rid, "prior_state"), None if correct is None else bool(correct), mode or "",
                      answer, state_json)


class Store:
    """An open review database. Use as a context manager, or call `close()`."""

    def __init__(self, db_path: Path | str, *, read_only: bool = False,
                 unsaved: str = "no answer could be saved", notes: Callable[[str], None] | None = None) -> None:
        """Open (or create) the database. A file this process cannot write is refused before anything is read,
        so a quiz never asks a question whose answer it cannot save (`unsaved` says what the refusal costs the
        command); with `read_only` it is read as it stands (nothing is created beside it). `notes` is told, in
        one line, when a write waits for another program's lock (it waits up to BUSY_TIMEOUT_MS, loses nothing
        meanwhile, and was silent: issue 18, hostile11 C14), and when a deleted file is written again
        (`_still_ours`)."""
        self.path = Path(db_path)
        self.notes = notes
        self._opened: os.stat_result | None = None  # the file opened to write (`_still_ours`)
        self._check: threading.Thread | None = None  # the check of a file opened to write (`_start_check`)
        self._check_found: str | BaseException = "ok"
        self._clean = False  # opened to write, and the file passed its check (or was as a clean close left it)
        self._frozen = self.path.is_file() and not _writable(self.path)
        if self._frozen and not read_only:
            why, fix = _read_only_why(self.path)
            raise StoreError(f"{self.path} is read-only{why}, so {unsaved}. {fix}; it was not changed.",
                             names=["db_path"])
        if (why_not := _cannot_make(self.path)) is not None:
            cost = "" if read_only else f", so {unsaved}"
            raise StoreError(f"cannot make the review database {self.path}: {why_not}{cost}. Pass {{db_path}} with a path "
                             "in a writable folder.", names=["db_path"])
        stamp = _stamp(self.path)  # before SQLite makes a -wal beside it
        self._con = self._connect()
        with self._errors():
            self._check_and_migrate(writing=not read_only, stamp=stamp)
        if not read_only:
            self._opened = _stat(self.path)

    # ------------------------------------------------------------------ opening

    def _connect(self) -> sqlite3.Connection:
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder; {{db_path}} needs a database file path", names=["db_path"])
        check_target(self.path, Links.FOLLOW)  # a device or FIFO: refused before SQLite makes its -journal beside it
        try:
            if self._frozen:  # immutable: SQLite neither writes nor creates -wal/-shm files (they would be read-only too)
                import urllib.parse

                uri = f"file:{urllib.parse.quote(str(self.path.resolve()))}?mode=ro&immutable=1"
                return sqlite3.connect(uri, uri=True, isolation_level=None)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the review database {self.path}: {exc}") from exc
        return con

    def _check_and_migrate(self, writing: bool, stamp: str | None = None) -> None:
        con = self._con
        con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = self._version()
        if version and (not writing or not self._frozen):
            self._check_unless_clean(writing, stamp)
        if version == SCHEMA_VERSION:
            self._require_tables()
        else:
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path} was written by a newer quizgen (schema {version}; this version reads up "
                                 f"to {SCHEMA_VERSION}). Upgrade quizgen; the file was not changed.")
            if version == 0:
                others = self._tables()
                if others:
                    raise StoreError(f"{self.path} is an SQLite database but not a quizgen review history "
                                     f"(it has tables: {', '.join(sorted(others))}). It was not changed; "
                                     "pass --db with another path.")
            if self._frozen:
                raise StoreError(f"{self.path} is read-only and needs upgrading to schema {SCHEMA_VERSION} (it has "
                                 f"{version}). Make it writable (chmod u+w); it was not changed.")
            if con.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
                raise StoreError(f"cannot switch {self.path} to WAL mode (is it on a network drive?)")
            self._migrate()
        if not self._frozen:
            con.execute("PRAGMA synchronous = FULL")

    def _check_unless_clean(self, writing: bool, stamp: str | None) -> None:
        """Check the file unless it is as the last clean close left it: beside the start of a command that writes,
        at once for one that reads (`stats`, `due`, `leeches`: they printed figures from a file the quiz called
        malformed, issue 18, hostile11)."""
        if stamp is not None and stamp == _recorded_stamp(self.path):
            self._clean = True  # nothing to check (`_start_check`)
            return
        self._start_check()
        if not writing:
            self.checked()

    def _start_check(self) -> None:
        """Begin SQLite's `quick_check` of the file, for a command that will write it (the quiz, `leeches --reset`),
        so a damaged page is found before anything is asked, not at the first answer's write. It reads every page
        (about 0.6 s at 1,000,000 reviews on an idle machine: `bench/bench_db_check.py`), so it runs beside the
        command's start, on a connection of its own in a thread (SQLite lets go of the GIL); `checked()` and every
        write wait for it; reading commands (`stats`, `due`, `leeches`) wait for it at once.

        It runs only when the file changed since the last clean close: closing a store that was opened to write and
        found sound records the file's stamp (size, modification and change times, inode; and its WAL's) in
        `<db>-checked` beside it (`CHECKED_SUFFIX`), and a file that still has that stamp is not read again. Any
        write to the file changes its change time, which no program can set back, so damage done since is checked
        for (the cost of a start no longer grows with the history: issue 19)."""
        import threading
        import urllib.parse

        # a read-only file read as immutable, as its store reads it: nothing (-wal, -shm) is made beside it
        uri = f"file:{urllib.parse.quote(str(self.path.resolve()))}?mode=ro{'&immutable=1' if self._frozen else ''}"

        def check() -> None:
            try:
                con = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
                try:
                    self._check_found = con.execute("PRAGMA quick_check(1)").fetchone()[0]
                    if self._check_found == "ok" and "cards" in {r[0] for r in con.execute(
                            "SELECT name FROM sqlite_master WHERE type = 'table'")}:
                        _check_dues(con)  # a due time that is no time is damage too (hostile 7, N3)
                finally:
                    con.close()
            except (sqlite3.Error, _BadRow) as exc:
                self._check_found = exc

        self._check = threading.Thread(target=check, name="quizgen-db-check", daemon=True)
        self._check.start()

    def checked(self) -> None:
        """Wait for the check begun when the database was opened to write; `StoreError` if it found damage."""
        if self._check is None:
            return
        self._check.join()
        found = self._check_found
        with self._errors():
            if isinstance(found, BaseException):
                raise found
        if found != "ok":
            raise self._check_failed(str(found))

    def _check_failed(self, found: str) -> StoreError:
        said = "; ".join(line for line in found.splitlines() if not line.startswith("***"))
        return StoreError(f"{self.path} is damaged (SQLite's check: {said}). It was not changed; "
                          "restore a backup, or pass {db_path} with another path to start a new history.",
                          names=["db_path"])

    def _check_said(self) -> StoreError | None:
        """The check's finding when it found damage (the page it names), for a read that failed meanwhile: one
        message for one damage, whichever command meets it first (the quiz's read or `stats`'s check)."""
        if self._check is None:
            return None
        import threading  # imported already: a check is under way

        if self._check is threading.current_thread():
            return None
        self._check.join()
        found = self._check_found
        return self._check_failed(found) if isinstance(found, str) and found != "ok" else None

    def _version(self) -> int:
        return int(self._con.execute("PRAGMA user_version").fetchone()[0])

    def _tables(self) -> set[str]:
        return {r[0] for r in self._con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if not r[0].startswith("sqlite_")}

    def _require_tables(self) -> None:
        if not {"reviews", "cards", "card_events"} <= self._tables():
            raise StoreError(f"{self.path} is damaged: schema {self._version()} but its tables are missing. "
                             "It was not changed; restore a backup or pass --db with another path.")

    def _migrate(self) -> None:
        with self._write() as con:
            version = int(con.execute("PRAGMA user_version").fetchone()[0])  # another process may have migrated
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[target]:
                    con.execute(statement)
                con.execute(f"PRAGMA user_version = {target}")

    def close(self) -> None:
        self._con.close()
        if self._frozen:
            return  # read as it stands: nothing is written beside it (its check is made at each start)
        if self._opened is not None and not _same_file(_stat(self.path), self._opened):
            return  # another file is there now (`_still_ours`): it was not checked, so no stamp says it was
        if self._clean or (self._check is not None and not self._check.is_alive() and self._check_found == "ok"):
            _record_stamp(self.path)  # a clean close: the next start need not read the file again (`_start_check`)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ plumbing

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except _BadRow as exc:
            raise StoreError(f"{self.path} is damaged: {exc}. It was not changed; restore a backup, or pass {{db_path}} "
                             "with another path to start a new history.", names=["db_path"]) from None
        except sqlite3.OperationalError as exc:
            msg = str(exc)
            if "locked" in msg or "busy" in msg:
                raise StoreBusy(self.path) from exc
            if msg in ("disk I/O error", "database or disk is full") and _disk_full(self.path):
                # SQLite says "disk I/O error" when the -shm or -wal file cannot grow
                msg = "the disk it is on is full (No space left on device); free some space and start the quiz again"
            raise StoreError(f"cannot use the review database {self.path}: {msg}") from exc
        except sqlite3.DatabaseError as exc:
            if (said := self._check_said()) is not None:
                raise said from exc
            raise StoreError(f"{self.path} is not a readable quizgen review database ({exc}). It was not changed; "
                             "restore a backup, or pass --db with another path to start a new history.") from exc

    def _begin(self, con: sqlite3.Connection) -> None:
        """BEGIN IMMEDIATE: at once, or after a short wait, or — another program holding the write lock — after
        saying so and waiting the rest of BUSY_TIMEOUT_MS."""
        first = min(NOTICE_AFTER_MS, BUSY_TIMEOUT_MS // 2)
        con.execute(f"PRAGMA busy_timeout = {first}")
        try:
            con.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if self.notes is not None:
                self.notes(f"the review database {self.path} is in use by another program (another quiz?); waiting "
                             f"up to {round((BUSY_TIMEOUT_MS - first) / 1000)} s for it before saving")
        finally:
            con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS - first}")
        try:
            con.execute("BEGIN IMMEDIATE")
        finally:
            con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def _still_ours(self) -> None:
        """Before each write: is the file at the path still the one this store opened (its device and inode)?

        hostile16 QV01: a database deleted during a quiz took every later answer into the unlinked file, which was
        gone when the quiz ended 「Session over: … 5 answers」, exit 0. Deleted (nothing at the path): it is written
        again from this connection, which still holds the whole history (SQLite's backup), so no answer is lost, and
        `notes` says so. Replaced by another file (a sync tool, a restored backup): that file is someone's, and writing
        into or over it could lose what it holds, so `StoreReplaced`, and nothing is written."""
        if self._opened is None:
            return
        try:
            now = os.stat(self.path)
        except FileNotFoundError:
            self._write_again()
            return
        except OSError:
            return  # cannot be looked at (a folder made unreadable): SQLite's write says what it finds
        if not _same_file(now, self._opened):
            raise StoreReplaced(self.path)

    def _write_again(self) -> None:
        """The history this store holds open, written to its deleted file's path (`_still_ours`)."""
        from quizgen.atomic import scratch_path

        assert self._opened is not None
        real = Path(os.path.realpath(self.path))  # --db may be a link to the database
        try:
            with scratch_path(real) as tmp:
                copy = sqlite3.connect(tmp)
                try:
                    self._con.backup(copy)
                finally:
                    copy.close()
                os.chmod(tmp, self._opened.st_mode & 0o777)
                os.link(tmp, real)  # never over a file made there meanwhile
        except FileExistsError:
            raise StoreReplaced(self.path) from None
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"the review database {self.path} was deleted while quizgen had it open, and it cannot "
                             f"be written again: {exc}") from exc
        self._con.close()  # the deleted file's, after its copy is in place: SQLite removes its -wal by name as it closes
        self._con = self._connect()
        self._con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._con.execute("PRAGMA journal_mode = WAL")
        self._con.execute("PRAGMA synchronous = FULL")
        self._opened = _stat(self.path)
        if self.notes is not None:
            self.notes(f"the review database {self.path} was deleted while quizgen had it open; it is written again "
                       "from the copy still open, with every answer saved before (none is lost)")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self.checked()
        self._still_ours()
        con = self._con
        self._begin(con)
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

    # ------------------------------------------------------------------ reading

    def version(self) -> int:
        with self._errors():
            return self._version()

    def current(self, from_log: bool = False) -> dict[str, CurrentCard]:
        """Every reviewed item's current state: the latest effective review in the log.

        Read from the `cards` table the triggers keep; `from_log=True` derives it from the log itself (slower).
        """
        sql = _LATEST if from_log else "SELECT item_id, review_id, due, card_state, state FROM cards"
        with self._errors():
            rows = self._con.execute(sql).fetchall()
            return {row[0]: CurrentCard._from_row(row) for row in rows}

    def rebuild_cards(self) -> int:
        """Recompute the derived tables (`cards`, `card_totals`) from the log; returns how many cards there are."""
        with self._errors(), self._write() as con:
            con.execute("DELETE FROM cards")
            con.execute(_REBUILD_CARDS)
            con.execute("DELETE FROM card_totals")
            con.execute(_REBUILD_TOTALS)
            return int(con.execute("SELECT COUNT(*) FROM cards").fetchone()[0])

    def due_times(self, now: dt.datetime) -> list[tuple[str, dt.datetime]]:
        """The cards due at `now` and when each came due, soonest first (then by id). A due time that is no time at all
        is read too (one that sorts before every year is due already, one after them is read by the second range), so
        the damage is reported rather than the card never coming due."""
        with self._errors():
            rows = self._con.execute("SELECT item_id, review_id, due FROM cards WHERE due <= ? OR due >= ':' "
                                     "ORDER BY due, item_id", (_ts(now),)).fetchall()
            return [(item, _time(due, rid, "due")) for item, rid, due in rows]

    def due_ids(self, now: dt.datetime) -> list[str]:
        """The ids of the cards due at `now` (`due_times` without the times: what planning a session needs)."""
        with self._errors():
            rows = self._con.execute("SELECT item_id, review_id, due FROM cards WHERE due <= ? OR due >= ':'",
                                     (_ts(now),)).fetchall()
            for _, rid, due in rows:
                if not due[:1].isdigit():
                    _time(due, rid, "due")  # raises: a due time that is no time
            return [row[0] for row in rows]

    def check_states(self, due_by: dt.datetime | None = None, ids: Collection[str] | None = None) -> None:
        """Raise `StoreError` naming the first card whose state fsrs could not read: of every card, of the cards
        due by `due_by` (what `stats` and `due` check) or of the cards `ids` (a quiz's queue, before it asks any)."""
        where = "" if due_by is None else " WHERE due <= ? OR due >= ':'"
        with self._errors():
            rows = (self._of_cards("item_id, review_id, state", ids) if ids is not None else
                    self._con.execute(f"SELECT item_id, review_id, state FROM cards{where}",
                                      () if due_by is None else (_ts(due_by),)))
            with closing(rows):  # closed now if a state is bad, not at exit after the database
                for item, rid, state in rows:
                    _state(state, rid, item)

    def check_dues(self) -> None:
        """Raise `StoreError` naming the first card whose due time is no time, of every card: a card whose due
        column is damaged is in no queue (a time after every year is never due), so `check_states` of a quiz's queue
        would never see it, while `stats` and `due` refuse the file. The reading commands call it; a store opened to
        write has it in the check begun at opening (`_start_check`, waited for by `checked()`), which runs only when
        the file changed since its last clean close, so a quiz's start does not pay it on every run (issue 19)."""
        with self._errors():
            _check_dues(self._con)

    def _of_cards(self, columns: str, card_ids: Iterable[str]) -> Generator[tuple[Any, ...], None, None]:
        """`columns` of the `cards` rows of `card_ids` (asked 500 at a time: SQLite's limit on parameters)."""
        ids = list(card_ids)
        for n in range(0, len(ids), 500):
            chunk = ids[n:n + 500]
            yield from self._con.execute(
                f"SELECT {columns} FROM cards WHERE item_id IN ({', '.join('?' * len(chunk))})", chunk)

    def card_ids(self) -> list[str]:
        """Every card with a current state (an effective review)."""
        with self._errors():
            return [row[0] for row in self._con.execute("SELECT item_id FROM cards")]

    def dues(self) -> dict[str, dt.datetime]:
        """Every card's due time (the `cards` table without the fsrs state: what `stats` counts)."""
        with self._errors():
            return {item: _time(due, rid, "due") for item, rid, due in self._con.execute(
                "SELECT item_id, review_id, due FROM cards")}

    def due_after(self, when: dt.datetime) -> Iterator[tuple[str, dt.datetime]]:
        """Cards due after `when`, soonest first: (card id, due), read as they are asked for."""
        with self._errors():
            cursor = self._con.execute("SELECT item_id, review_id, due FROM cards WHERE due > ? ORDER BY due, item_id",
                                       (_ts(when),))
        while True:
            with self._errors():
                rows = cursor.fetchmany(256)
                yield from ((item, _time(due, rid, "due")) for item, rid, due in rows)
            if not rows:
                return

    def reviewed(self, card_ids: Iterable[str]) -> set[str]:
        """Which of `card_ids` have a current state (an effective review)."""
        with self._errors():
            return {row[0] for row in self._of_cards("item_id", card_ids)}

    def next_due(self, now: dt.datetime) -> tuple[dt.datetime | None, int]:
        """The earliest due time of any card (maybe past), and how many cards are due within a day of `now`."""
        with self._errors():
            first = self._con.execute("SELECT review_id, due FROM cards ORDER BY due LIMIT 1").fetchone()
            within = self._con.execute("SELECT COUNT(*) FROM cards WHERE due <= ?",
                                       (_ts(now + dt.timedelta(days=1)),)).fetchone()[0]
            return (None if first is None else _time(first[1], first[0], "due")), int(within)

    def totals(self) -> dict[str, Totals]:
        """Each card's counts over its effective reviews (`card_totals`, kept by triggers)."""
        with self._errors():
            return {row[0]: Totals(*row[1:]) for row in self._con.execute(f"SELECT item_id, {_TOTALS} FROM card_totals")}

    def _current_one(self, con: sqlite3.Connection, item_id: str) -> CurrentCard | None:
        row = con.execute(f"SELECT r.id, r.due, r.card_state, r.state FROM reviews r WHERE r.item_id = ? AND {_EFFECTIVE} "
                          "ORDER BY r.id DESC LIMIT 1", (item_id,)).fetchone()
        return None if row is None else CurrentCard._from_row((item_id, *row))

    def card(self, item_id: str) -> CurrentCard | None:
        with self._errors():
            return self._current_one(self._con, item_id)

    def card_before(self, review_id: int) -> CurrentCard | None:
        """The card as it was just before review `review_id` (None: it was new then)."""
        with self._errors():
            row = self._con.execute(
                f"SELECT r.item_id, r.id, r.due, r.card_state, r.state FROM reviews r WHERE r.item_id = "
                f"(SELECT item_id FROM reviews WHERE id = ?) AND r.id < ? AND {_EFFECTIVE} ORDER BY r.id DESC LIMIT 1",
                (review_id, review_id)).fetchone()
            return None if row is None else CurrentCard._from_row(row)

    def reviews(self, since: dt.datetime | None = None) -> list[Review]:
        """Effective reviews (undone ones left out), oldest first."""
        where = f"{_EFFECTIVE}" + (" AND r.reviewed_at >= ?" if since else "")
        with self._errors():
            rows = self._con.execute(f"SELECT {_COLUMNS} FROM reviews r WHERE {where} ORDER BY r.id",
                                     (_ts(since),) if since else ()).fetchall()
            return [Review._from_row(r) for r in rows]

    def review(self, review_id: int) -> Review | None:
        with self._errors():
            row = self._con.execute(f"SELECT {_COLUMNS} FROM reviews r WHERE r.id = ? AND {_EFFECTIVE}",
                                    (review_id,)).fetchone()
            return None if row is None else Review._from_row(row)

    def count(self) -> int:
        """How many effective reviews the log holds."""
        with self._errors():
            return int(self._con.execute(f"SELECT COUNT(*) FROM reviews r WHERE {_EFFECTIVE}").fetchone()[0])

    def new_since(self, since: dt.datetime) -> int:
        """How many cards were seen for the first time at or after `since` (for the daily new-card limit)."""
        with self._errors():
            return int(self._con.execute(
                f"SELECT COUNT(DISTINCT r.item_id) FROM reviews r WHERE {_EFFECTIVE} AND r.prior_state = 0 "
                "AND r.reviewed_at >= ?", (_ts(since),)).fetchone()[0])

    def lapses(self) -> dict[str, int]:
        """Each card's lapses (Again on a card answered before) since its last leech reset; cards with none left out."""
        with self._errors():
            return {item: int(n) for item, n in self._con.execute("SELECT item_id, lapses FROM card_totals WHERE lapses > 0")}

    def leeches(self, lapses: int) -> dict[str, int]:
        """The cards with at least `lapses` lapses since their last leech reset, and how many each has."""
        with self._errors():
            return {item: int(n) for item, n in self._con.execute(
                "SELECT item_id, lapses FROM card_totals WHERE lapses >= ?", (max(1, lapses),))}

    def lapses_of(self, item_id: str) -> int:
        with self._errors():
            row = self._con.execute("SELECT lapses FROM card_totals WHERE item_id = ?", (item_id,)).fetchone()
        return int(row[0]) if row else 0

    def lapses_from_log(self) -> dict[str, int]:
        """`lapses()` counted from the log itself (slower): what `card_totals` must always agree with."""
        with self._errors():
            return {item: int(n) for item, n in self._con.execute(f"{_LAPSES} GROUP BY r.item_id")}

    def buried(self, now: dt.datetime) -> set[str]:
        """Cards buried until after `now`."""
        with self._errors():
            return {r[0] for r in self._con.execute("SELECT DISTINCT item_id FROM card_events WHERE kind = 'bury' "
                                                    "AND until > ?", (_ts(now),))}

    # ------------------------------------------------------------------ writing

    def bury(self, item_id: str, at: dt.datetime, until: dt.datetime) -> None:
        """Hide a card from the queue until `until` (its schedule is unchanged)."""
        with self._errors(), self._write() as con:
            con.execute("INSERT INTO card_events (kind, item_id, at, until) VALUES ('bury', ?, ?, ?)",
                        (item_id, _ts(at), _ts(until)))

    def reset_leech(self, item_id: str, at: dt.datetime) -> None:
        """Forgive a card's lapses so far: it is no longer a leech and is asked again when due."""
        with self._errors(), self._write() as con:
            last = con.execute("SELECT COALESCE(MAX(id), 0) FROM reviews").fetchone()[0]
            con.execute("INSERT INTO card_events (kind, item_id, at, after_review) VALUES ('leech-reset', ?, ?, ?)",
                        (item_id, _ts(at), int(last)))


    def add_review(self, item_id: str, rating: Rating, reviewed_at: dt.datetime, schedule: Callable[[Card | None], Card], *,
                   mode: str = "typed", correct: bool | None = None, answer: str | None = None) -> Review:
        """Append one review and commit. `schedule(previous card or None)` gives the card after the review;
        the previous card is read inside the write transaction, so a concurrent session's review is honoured."""
        with self._errors(), self._write() as con:
            rid = self._insert(con, item_id, rating, reviewed_at, schedule, mode, correct, answer)
        got = self.review(rid)
        assert got is not None
        return got

    def rerate(self, review_id: int, rating: Rating, schedule: Callable[[Card | None], Card], *,
               correct: bool | None = None) -> Review:
        """Replace a review's rating: append an undo row for it and the corrected review (same time, same answer).
        `correct` overrides the judgement too ("I was right"); by default it is kept."""
        old = self.review(review_id)
        if old is None:
            raise StoreError(f"review {review_id} does not exist or was undone")
        judged = old.correct if correct is None else correct
        with self._errors(), self._write() as con:
            self._insert_undo(con, old.item_id, review_id, old.reviewed_at)
            rid = self._insert(con, old.item_id, rating, old.reviewed_at, schedule, old.mode, judged, old.answer)
        got = self.review(rid)
        assert got is not None
        return got

    def undo(self, review_id: int, at: dt.datetime) -> None:
        """Append an undo row for `review_id`; the card's state reverts to its previous effective review."""
        old = self.review(review_id)
        if old is None:
            raise StoreError(f"review {review_id} does not exist or was already undone")
        with self._errors(), self._write() as con:
            self._insert_undo(con, old.item_id, review_id, at)

    def _insert_undo(self, con: sqlite3.Connection, item_id: str, review_id: int, at: dt.datetime) -> None:
        con.execute("INSERT INTO reviews (kind, item_id, reviewed_at, undoes) VALUES ('undo', ?, ?, ?)",
                    (item_id, _ts(at), review_id))

    def _insert(self, con: sqlite3.Connection, item_id: str, rating: Rating, at: dt.datetime,
                schedule: Callable[[Card | None], Card], mode: str, correct: bool | None, answer: str | None) -> int:
        prev = self._current_one(con, item_id)
        card = schedule(prev.card() if prev else None)
        cur = con.execute(
            "INSERT INTO reviews (kind, item_id, reviewed_at, rating, state, due, card_state, prior_state, correct, mode, answer)"
            " VALUES ('review', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (item_id, _ts(at), int(rating), card_to_json(card), _ts(card.due), int(card.state),
             int(prev.state) if prev else int(State.NEW), None if correct is None else int(correct), mode, answer))
        assert cur.lastrowid is not None
        return cur.lastrowid


def _check_dues(con: sqlite3.Connection) -> None:
    """Raise `_BadRow` for the first card whose due time is no time (`Store.check_dues`). One indexed pass in
    SQLite: only a due time that is not in the form quizgen writes (`_ts`), or names no real day (SQLite moves
    02-31 on to 03-03), or a few more, is read again here by the reader every other command uses."""
    rows = con.execute(f"SELECT review_id, due FROM cards WHERE NOT (due GLOB '{_TS_GLOB}') "
                       "OR date(julianday(due)) IS NOT substr(due, 1, 10) OR due < '0001'")
    with closing(rows):
        for rid, due in rows:
            _time(due, rid, "due")  # raises unless another spelling of a real time


FULL_BELOW = 64 << 10  # bytes free (a few pages) under which a failing write is put down to a full disk


def _disk_full(path: Path) -> bool:
    """Whether the file system holding `path` has (almost) no room left: hostile15 found a quiz on a full disk
    reported as SQLite's "disk I/O error"."""
    try:
        st = os.statvfs(path.parent)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < FULL_BELOW

