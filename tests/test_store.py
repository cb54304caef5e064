"""quizgen.quiz.store: append-only log, state rebuilt from it, undo/re-rate, migrations, damaged files."""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from fsrs import Card
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.cli.common import FLAGS
from quizgen.quiz.scheduling import Rating, Scheduler, State, card_to_json
from quizgen.quiz.store import MIGRATIONS, SCHEMA_VERSION, Store, StoreError

T0 = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
SCHED = Scheduler(fuzz=False)


def sched(item: str, rating: Rating, at: dt.datetime) -> Callable[[Card | None], Card]:
    return lambda prev: SCHED.review(prev or SCHED.new_card(item, at), rating, at)


def rec(store: Store, item: str, rating: Rating, at: dt.datetime, correct: bool = True) -> int:
    return store.add_review(item, rating, at, sched(item, rating, at), correct=correct, answer="x").id


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "sub" / "reviews.sqlite3"


def test_new_database_is_wal_with_schema_version(db: Path) -> None:
    with Store(db) as store:
        assert store.version() == SCHEMA_VERSION
        assert store.current() == {}
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_reviews_are_stored_and_state_is_rebuilt_from_the_log(db: Path) -> None:
    with Store(db) as store:
        rec(store, "a", Rating.GOOD, T0)
        rec(store, "a", Rating.GOOD, T0 + dt.timedelta(minutes=10))
        rec(store, "b", Rating.AGAIN, T0, correct=False)
    with Store(db) as store:  # reopened: everything came from disk
        cur = store.current()
        assert set(cur) == {"a", "b"}
        expected = SCHED.replay("a", [(3, T0), (3, T0 + dt.timedelta(minutes=10))])
        assert cur["a"].card().to_dict() == expected.to_dict()
        assert cur["a"].due == expected.due and cur["a"].state is State.REVIEW
        reviews = store.reviews()
        assert [(r.item_id, r.rating, r.prior_state, r.correct) for r in reviews] == [
            ("a", Rating.GOOD, State.NEW, True), ("a", Rating.GOOD, State.LEARNING, True),
            ("b", Rating.AGAIN, State.NEW, False)]
        assert reviews[0].reviewed_at == T0 and reviews[0].reviewed_at.tzinfo == dt.UTC
        assert store.count() == 3


def test_cards_table_always_equals_the_state_derived_from_the_log(db: Path) -> None:
    with Store(db) as store:
        a1 = rec(store, "a", Rating.GOOD, T0)
        rec(store, "b", Rating.AGAIN, T0)
        a2 = rec(store, "a", Rating.AGAIN, T0 + dt.timedelta(minutes=10))
        assert store.current() == store.current(from_log=True)
        store.undo(a2, T0)
        assert store.current()["a"].review_id == a1
        assert store.current() == store.current(from_log=True)
        store.rerate(a1, Rating.EASY, sched("a", Rating.EASY, T0))
        assert store.current() == store.current(from_log=True)
        store.undo(store.current()["a"].review_id, T0)
        assert set(store.current()) == {"b"} and store.current() == store.current(from_log=True)
        assert store.rebuild_cards() == 1


def test_migration_from_schema_1_builds_cards_from_the_log(db: Path) -> None:
    db.parent.mkdir(parents=True)
    con = sqlite3.connect(db, isolation_level=None)
    for statement in MIGRATIONS[1]:
        con.execute(statement)
    con.execute("PRAGMA user_version = 1")
    card = SCHED.review(SCHED.new_card("a", T0), Rating.GOOD, T0)
    con.execute("INSERT INTO reviews (kind, item_id, reviewed_at, rating, state, due, card_state, prior_state) "
                "VALUES ('review', 'a', ?, 3, ?, ?, 1, 0)", (T0.isoformat(timespec="microseconds"), card_to_json(card),
                                                             card.due.isoformat(timespec="microseconds")))
    con.close()
    with Store(db) as store:
        assert store.version() == SCHEMA_VERSION == 4
        assert store.current()["a"].card().to_dict() == card.to_dict()
        assert store.current() == store.current(from_log=True)


def test_the_log_is_append_only(db: Path) -> None:
    with Store(db) as store:
        rec(store, "a", Rating.GOOD, T0)
    _refused(db, "UPDATE reviews SET rating = 4", "DELETE FROM reviews", match="the review log is append-only")


def _refused(db: Path, *sql: str, match: str) -> None:
    """Each statement is refused by the append-only triggers."""
    con = sqlite3.connect(db)
    for statement in sql:
        with pytest.raises(sqlite3.IntegrityError, match=match):
            con.execute(statement)
    con.close()


def test_undo_appends_a_row_and_reverts_the_state(db: Path) -> None:
    with Store(db) as store:
        rec(store, "a", Rating.GOOD, T0)
        first = store.current()["a"]
        second = rec(store, "a", Rating.AGAIN, T0 + dt.timedelta(minutes=10))
        store.undo(second, T0 + dt.timedelta(minutes=11))
        assert store.current()["a"] == first
        assert store.count() == 1
        with pytest.raises(StoreError, match=f"review {second} does not exist or was already undone"):
            store.undo(second, T0)
        store.undo(first.review_id, T0)
        assert store.current() == {}
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 4  # nothing deleted


def test_rerate_replaces_a_review_keeping_its_time_and_answer(db: Path) -> None:
    with Store(db) as store:
        rid = rec(store, "a", Rating.AGAIN, T0, correct=False)
        new = store.rerate(rid, Rating.EASY, sched("a", Rating.EASY, T0))
        assert (new.rating, new.reviewed_at, new.answer, new.correct, new.prior_state) == (
            Rating.EASY, T0, "x", False, State.NEW)
        assert [r.id for r in store.reviews()] == [new.id]
        assert store.current()["a"].card().to_dict() == SCHED.replay("a", [(4, T0)]).to_dict()


def test_new_since_counts_cards_first_seen(db: Path) -> None:
    with Store(db) as store:
        rec(store, "old", Rating.GOOD, T0 - dt.timedelta(days=1))
        rec(store, "old", Rating.GOOD, T0 + dt.timedelta(hours=1))
        rec(store, "a", Rating.GOOD, T0 + dt.timedelta(hours=1))
        rid = rec(store, "b", Rating.GOOD, T0 + dt.timedelta(hours=2))
        assert store.new_since(T0) == 2
        store.undo(rid, T0 + dt.timedelta(hours=2))
        assert store.new_since(T0) == 1


def test_two_connections_interleave_without_losing_reviews(db: Path) -> None:
    with Store(db) as one, Store(db) as two:
        rec(one, "a", Rating.GOOD, T0)
        rec(two, "a", Rating.GOOD, T0 + dt.timedelta(minutes=10))  # builds on one's review, read in its transaction
        rec(one, "a", Rating.GOOD, T0 + dt.timedelta(days=3))
        assert [r.prior_state for r in two.reviews()] == [State.NEW, State.LEARNING, State.REVIEW]
        assert one.current() == two.current()


def test_a_file_that_is_not_a_database_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "reviews.sqlite3"
    junk = b"this is not sqlite" * 300
    path.write_bytes(junk)
    with pytest.raises(StoreError) as exc:
        Store(path)
    assert str(exc.value) == (f"{path} is not a readable quizgen review database (file is not a database). It was not "
                              "changed; restore a backup, or pass --db with another path to start a new history.")
    assert path.read_bytes() == junk


def test_a_damaged_database_is_refused_and_kept(db: Path) -> None:
    with Store(db) as store:
        for n in range(300):
            rec(store, f"item-{n}", Rating.GOOD, T0)
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(db.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # smash every page after the first (the schema survives)
    db.write_bytes(bytes(data))
    malformed = r"is not a readable quizgen review database \(database disk image is malformed\)"
    with pytest.raises(StoreError, match=malformed), Store(db) as store:
        store.count()
    assert db.read_bytes() == bytes(data)


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (x)")
    con.commit()
    with pytest.raises(StoreError) as exc:
        Store(path)
    assert str(exc.value) == (f"{path} is an SQLite database but not a quizgen review history (it has tables: notes). "
                              "It was not changed; pass --db with another path.")


def test_a_newer_schema_is_refused(db: Path) -> None:
    Store(db).close()
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(StoreError) as exc:
        Store(db)
    assert str(exc.value) == (f"{db} was written by a newer quizgen (schema {SCHEMA_VERSION + 1}; this version reads up "
                              f"to {SCHEMA_VERSION}). Upgrade quizgen; the file was not changed.")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder; db_path needs a database file path") as err:
        Store(tmp_path)
    assert err.value.spelled(FLAGS).endswith("is a folder; --db needs a database file path")


def test_migration_from_schema_2_keeps_the_log_and_counts_lapses(db: Path) -> None:
    db.parent.mkdir(parents=True)
    con = sqlite3.connect(db, isolation_level=None)
    for version in (1, 2):
        for statement in MIGRATIONS[version]:
            con.execute(statement)
    con.execute("PRAGMA user_version = 2")
    card = SCHED.new_card("a", T0)
    for n, rating in enumerate([Rating.GOOD, Rating.AGAIN, Rating.AGAIN]):
        at = T0 + dt.timedelta(minutes=10 * n)
        prior = card.state
        card = SCHED.review(card, rating, at)
        con.execute("INSERT INTO reviews (kind, item_id, reviewed_at, rating, state, due, card_state, prior_state, correct)"
                    " VALUES ('review', 'a', ?, ?, ?, ?, ?, ?, ?)",
                    (at.isoformat(timespec="microseconds"), int(rating), card_to_json(card),
                     card.due.isoformat(timespec="microseconds"), int(card.state), 0 if n == 0 else int(prior),
                     int(rating > 1)))
    con.close()
    with Store(db) as store:
        assert store.version() == SCHEMA_VERSION == 4
        assert store.count() == 3 and store.current() == store.current(from_log=True)
        assert store.lapses() == {"a": 2} and store.lapses_of("a") == 2
        store.reset_leech("a", T0 + dt.timedelta(hours=1))
        assert store.lapses() == {} and store.lapses_of("a") == 0
        store.bury("a", T0, T0 + dt.timedelta(days=1))
        assert store.buried(T0) == {"a"} and store.buried(T0 + dt.timedelta(days=1)) == set()
    _refused(db, "UPDATE card_events SET until = NULL", "DELETE FROM card_events", match="card events are append-only")


def test_lapses_follow_undo_and_rerate_and_correct_can_be_overruled(db: Path) -> None:
    with Store(db) as store:
        rec(store, "a", Rating.GOOD, T0)
        first = rec(store, "a", Rating.AGAIN, T0 + dt.timedelta(minutes=10), correct=False)
        assert store.lapses_of("a") == 1
        before = store.card_before(first)
        assert before is not None and before.state is State.LEARNING
        fixed = store.rerate(first, Rating.GOOD, sched("a", Rating.GOOD, T0 + dt.timedelta(minutes=10)), correct=True)
        assert store.lapses_of("a") == 0 and fixed.correct is True
        again = rec(store, "a", Rating.AGAIN, T0 + dt.timedelta(minutes=20), correct=False)
        assert store.lapses() == {"a": 1}
        store.undo(again, T0 + dt.timedelta(minutes=21))
        assert store.lapses() == {}


# --------------------------------------------------------------------------- card totals (stats without the log)

_OPS = st.lists(st.tuples(st.sampled_from(["review", "undo", "rerate", "reset"]), st.sampled_from(["a", "b"]),
                          st.sampled_from(list(Rating)), st.booleans()), max_size=25)


@settings(max_examples=40, deadline=None)
@given(_OPS)
def test_card_totals_always_agree_with_the_log(ops: list[tuple[str, str, Rating, bool]]) -> None:
    """`card_totals` (kept by triggers, what stats, due and leeches read) equals the counts made from the log itself,
    through reviews, undos, re-rates and leech resets, and survives a rebuild from the log."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "r.db") as store:
        at = T0
        for op, item, rating, correct in ops:
            at += dt.timedelta(hours=1)
            last = next((r for r in reversed(store.reviews()) if r.item_id == item), None)
            if op == "review" or last is None:
                store.add_review(item, rating, at, sched(item, rating, at), correct=correct, answer="x")
            elif op == "undo":
                store.undo(last.id, at)
            elif op == "rerate":
                store.rerate(last.id, rating, sched(item, rating, at))
            else:
                store.reset_leech(item, at)
        totals = store.totals()
        expected: dict[str, tuple[int, int, int, int, int]] = {}
        for r in store.reviews():
            n, mature, kept, judged, right = expected.get(r.item_id, (0, 0, 0, 0, 0))
            grown = r.prior_state is State.REVIEW
            expected[r.item_id] = (n + 1, mature + grown, kept + (grown and r.rating is not Rating.AGAIN),
                                   judged + (r.correct is not None), right + bool(r.correct))
        assert {k: (t.reviews, t.mature, t.kept, t.judged, t.correct) for k, t in totals.items() if t.reviews} == expected
        assert store.lapses() == store.lapses_from_log()
        store.rebuild_cards()
        assert {k: t for k, t in store.totals().items() if t.reviews} == {k: t for k, t in totals.items() if t.reviews}
