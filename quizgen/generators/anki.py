"""Anki decks (.apkg) from deck recipes, via genanki.

    from quizgen.generators.anki import build_deck
    result = build_deck(bank, recipe, Path("out/china-russia.apkg"), now)

Identity (what lets students re-import an updated deck without losing progress):
note GUIDs come from item ids (anki_notes.py), note type ids are fixed
(anki_models.py), deck ids come from deck names (quizgen.decks.deck_id_for).

Time: `now` is stamped on every note, card and note type as its modification
time. Anki updates an existing note on re-import only when the incoming one is
newer, so a release must be built with a later `now` than the one before (the
CLI uses SOURCE_DATE_EPOCH if set, else the clock). With the same `now`, two
builds are byte-identical: the SQLite file is written in a fixed order and the
zip entries carry `now` as their time, in a fixed order.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import shutil
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import genanki
from genanki.apkg_col import APKG_COL
from genanki.apkg_schema import APKG_SCHEMA

from quizgen import resources
from quizgen.atomic import atomic_path
from quizgen.decks import DeckRecipe, Form, deck_id_for, load_recipes, recipe_files
from quizgen.generators.anki_models import make_model
from quizgen.generators.anki_notes import NoteSpec, description_html, recipe_notes, subdecks
from quizgen.model import Bank, Category


@dataclass(frozen=True)
class DeckBuild:
    """What one build wrote: the file, and how many notes and cards of each form went into each deck."""

    recipe: DeckRecipe
    path: Path
    notes: dict[Form, int] = field(default_factory=dict)
    cards: dict[Form, int] = field(default_factory=dict)
    cards_per_deck: dict[str, int] = field(default_factory=dict)

    @property
    def total_notes(self) -> int:
        return sum(self.notes.values())

    @property
    def total_cards(self) -> int:
        return sum(self.cards.values())


def build_deck(bank: Bank, recipe: DeckRecipe, path: Path, now: dt.datetime) -> DeckBuild:
    """Build one recipe's deck and write it atomically to `path`."""
    return write_apkg(bank, recipe, recipe_notes(bank, recipe), path, now)


def build_decks(bank: Bank, recipes: Iterable[DeckRecipe], out_dir: Path, now: dt.datetime) -> list[DeckBuild]:
    return [build_deck(bank, r, out_dir / f"{r.stem}.apkg", now) for r in recipes]


def build_default(bank: Bank, out_dir: Path, now: dt.datetime) -> list[Path]:
    """`quizgen build` step: every recipe in decks/ into out_dir."""
    recipes = load_recipes(recipe_files(resources.decks_dir()), bank)
    return [b.path for b in build_decks(bank, recipes, out_dir, now)]


def write_apkg(bank: Bank, recipe: DeckRecipe, notes: Iterable[NoteSpec], path: Path, now: dt.datetime) -> DeckBuild:
    """Write `notes` (streamed: never all in memory) into a reproducible .apkg at `path`."""
    ts = float(int(now.timestamp()))
    models = {f: make_model(f) for f in Form}
    deck_ids: dict[str, int] = {recipe.name: recipe.id}
    for name, _cats in subdecks(recipe):
        deck_ids.setdefault(name, deck_id_for(name))
    note_counts: dict[Form, int] = {}
    card_counts: dict[Form, int] = {}
    per_deck: dict[str, int] = {}
    id_gen = itertools.count(int(ts * 1000))
    with tempfile.TemporaryDirectory(prefix="quizgen-anki-") as tmp:
        db = Path(tmp) / "collection.anki2"
        conn = sqlite3.connect(db)
        try:
            cur = conn.cursor()
            cur.execute("PRAGMA journal_mode = MEMORY")
            cur.execute("PRAGMA synchronous = OFF")
            cur.executescript(APKG_SCHEMA)
            cur.executescript(APKG_COL)
            for spec in notes:
                note = genanki.Note(model=models[spec.form], fields=list(spec.fields), tags=list(spec.tags),
                                    guid=spec.guid, due=spec.due)
                note.write_to_db(cur, ts, deck_ids[spec.deck], id_gen)
                n_cards = len(note.cards)
                note_counts[spec.form] = note_counts.get(spec.form, 0) + 1
                card_counts[spec.form] = card_counts.get(spec.form, 0) + n_cards
                per_deck[spec.deck] = per_deck.get(spec.deck, 0) + n_cards
            _write_decks(cur, bank, recipe, deck_ids, per_deck, note_counts, models, ts, id_gen)
            conn.commit()
        finally:
            conn.close()
        _zip(db, path, ts)
    return DeckBuild(recipe, path, note_counts, card_counts, per_deck)


def _write_decks(cur: sqlite3.Cursor, bank: Bank, recipe: DeckRecipe, deck_ids: dict[str, int],
                 per_deck: dict[str, int], note_counts: dict[Form, int], models: dict[Form, genanki.Model],
                 ts: float, id_gen: itertools.count[int]) -> None:
    labels = {recipe.subdeck_name(c): c for c in Category}
    top = genanki.Deck(recipe.id, recipe.name, description_html(bank, recipe, note_counts))
    for form, model in models.items():
        if note_counts.get(form):
            top.add_model(model)
    top.write_to_db(cur, ts, id_gen)
    for name, did in deck_ids.items():
        if name == recipe.name or not per_deck.get(name):
            continue
        cat = labels.get(name)
        desc = f"{cat.label.ja} · {cat.label.en}" if cat is not None else ""
        genanki.Deck(did, name, desc).write_to_db(cur, ts, id_gen)


def zip_time(ts: float) -> tuple[int, int, int, int, int, int]:
    """A zip entry time (UTC, whole seconds rounded down to even as zip stores them; not before 1980)."""
    t = time.gmtime(max(ts, 315532800))
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec - t.tm_sec % 2)


def _zip(db: Path, path: Path, ts: float) -> None:
    when = zip_time(ts)
    with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w") as zf:
        for name, src in (("collection.anki2", db), ("media", None)):
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            for attr in ("_compresslevel", "compress_level"):  # fast level; the name differs across Python versions
                with contextlib.suppress(AttributeError):
                    setattr(info, attr, 1)
            info.external_attr = 0o644 << 16
            info.create_system = 3
            if src is None:
                zf.writestr(info, b"{}")
            else:
                with open(src, "rb") as fh, zf.open(info, "w", force_zip64=True) as out:
                    shutil.copyfileobj(fh, out, 1 << 20)
