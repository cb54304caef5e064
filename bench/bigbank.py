"""Big banks and long histories for the benchmarks, generated (never committed).

`big_bank(n)` is the bundled bank with its items cloned, each copy under new ids (`<id>-c<k>`), until it
has `n` items; the sources, entities, stories and disagreements are the bundled ones. Items go in files
of `PER_FILE` items (each start of the quiz looks at every bank file's size and times, a few microseconds
a file). The bank is made once per size (and again when the bundled bank changes) and kept under
`bench/results/banks/` (ignored by git).

`big_history(db, card_ids, n)` fills a review database with `n` reviews over the cards, with real FSRS
states, written straight into the log as `Store.add_review` would write them.

    .venv/bin/python bench/bigbank.py 100000      # make the 100k bank (and print where it is)
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen import resources  # noqa: E402

if TYPE_CHECKING:
    from fsrs import Card

CACHE = ROOT / "bench" / "results" / "banks"
PER_FILE = 200
_ID_RE = re.compile(r'^(  - id: "?)([^"\s]+)("?)$', re.MULTILINE)  # plain or quoted
_ITEM_START = re.compile(r"^  - id: ", re.MULTILINE)


def _items(text: str) -> list[str]:
    """The items of one bundled items file, as YAML text (each starting '  - id: ')."""
    starts = [m.start() for m in _ITEM_START.finditer(text)]
    return [text[a:b].rstrip() + "\n" for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def big_bank(n: int) -> Path:
    """The bundled bank grown to `n` items (made on first use)."""
    import hashlib

    out = CACHE / f"bank-{n}"
    done = out / ".complete"
    src = resources.bank_dir()
    made_from = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(src.rglob("*.yaml")))).hexdigest()
    if done.exists() and done.read_text(encoding="utf-8") == made_from:
        return out  # made from the bundled bank as it is now
    out.mkdir(parents=True, exist_ok=True)
    for old in out.rglob("*.yaml"):
        old.unlink()
    for path in src.glob("*.yaml"):
        (out / path.name).write_bytes(path.read_bytes())
    originals = [item for path in sorted((src / "items").glob("*.yaml"))
                 for item in _items(path.read_text(encoding="utf-8"))]
    (out / "items").mkdir(exist_ok=True)
    made, batch, files = 0, [], 0
    copy = 0
    while made < n:
        for item in originals:
            if made == n:
                break
            batch.append(_ID_RE.sub(rf"\g<1>\g<2>-c{copy}\g<3>", item, count=1))
            made += 1
            if len(batch) == PER_FILE:
                files += 1
                (out / "items" / f"part-{files:05d}.yaml").write_text("items:\n" + "\n".join(batch), encoding="utf-8")
                batch = []
        copy += 1
    if batch:
        files += 1
        (out / "items" / f"part-{files:05d}.yaml").write_text("items:\n" + "\n".join(batch), encoding="utf-8")
    done.write_text(made_from, encoding="utf-8")
    return out


def item_ids(bank: Path) -> list[str]:
    """The ids of a bank made by `big_bank` (read from its files, without loading the bank)."""
    return [m.group(2) for p in sorted((bank / "items").glob("*.yaml"))
            for m in _ID_RE.finditer(p.read_text(encoding="utf-8"))]


def big_history(db: Path, card_ids: list[str], n: int, seed: int = 0) -> None:
    """`n` reviews spread over `card_ids` and the past two years, with real FSRS states, in a new database."""
    from quizgen.quiz.scheduling import Scheduler, card_to_json
    from quizgen.quiz.store import Store

    Store(db).close()
    sched = Scheduler(fuzz=False)
    rng = random.Random(seed)
    start = dt.datetime(2023, 3, 1, tzinfo=dt.UTC)
    cards: dict[str, Card] = {}
    per_card = max(1, n // len(card_ids))
    step = dt.timedelta(days=730) / per_card
    con = sqlite3.connect(db)
    rows = []
    for k in range(n):
        card_id = card_ids[k % len(card_ids)]
        at = start + step * (k // len(card_ids)) + dt.timedelta(seconds=k % len(card_ids))
        prev = cards.get(card_id)
        rating = rng.choice([1, 3, 3, 3, 4])
        card = sched.review(prev or sched.new_card(card_id, at), rating, at)
        cards[card_id] = card
        rows.append(("review", card_id, at.isoformat(timespec="microseconds"), rating, card_to_json(card),
                     card.due.isoformat(timespec="microseconds"), int(card.state), 0 if prev is None else int(prev.state),
                     int(rating > 1), "typed", "x"))
        if len(rows) == 50_000:
            _insert(con, rows)
            rows = []
    _insert(con, rows)
    con.close()


def steady_history(db: Path, card_ids: list[str], n: int, now: dt.datetime, seed: int = 0) -> int:
    """A learner who keeps up: cards started one after another over the two years before `now`, each reviewed when
    it is due (Good mostly, Again one time in ten), until `n` reviews or `now`. Returns how many were written."""
    import heapq

    from quizgen.quiz.scheduling import Scheduler, card_to_json
    from quizgen.quiz.store import Store

    Store(db).close()
    sched = Scheduler(fuzz=False)
    rng = random.Random(seed)
    span = dt.timedelta(days=730)
    first = now - span
    queue = [(first + span * k / len(card_ids), k) for k in range(len(card_ids))]
    heapq.heapify(queue)
    cards: dict[int, Card] = {}
    con = sqlite3.connect(db)
    rows = []
    written = 0
    while queue and written < n:
        at, k = heapq.heappop(queue)
        if at >= now - dt.timedelta(hours=12):
            continue  # due within the last half day: left for today's session
        prev = cards.get(k)
        rating = rng.choices([1, 2, 3, 4], weights=[10, 5, 80, 5])[0]
        card = sched.review(prev or sched.new_card(card_ids[k], at), rating, at)
        cards[k] = card
        rows.append(("review", card_ids[k], at.isoformat(timespec="microseconds"), rating, card_to_json(card),
                     card.due.isoformat(timespec="microseconds"), int(card.state), 0 if prev is None else int(prev.state),
                     int(rating > 1), "typed", "x"))
        written += 1
        heapq.heappush(queue, (card.due, k))
        if len(rows) == 50_000:
            _insert(con, rows)
            rows = []
    _insert(con, rows)
    con.close()
    return written


def _insert(con: sqlite3.Connection, rows: Sequence[tuple[object, ...]]) -> None:
    with con:
        con.executemany("INSERT INTO reviews (kind, item_id, reviewed_at, rating, state, due, card_state, prior_state,"
                        " correct, mode, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(big_bank(size))
