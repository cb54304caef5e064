"""The .apkg file: a deck recipe's notes written into Anki's collection format, reproducibly.

Identity (what lets students re-import an updated deck without losing progress):
note GUIDs come from item ids (notes.py), note type ids are fixed
(notetypes.py), deck ids come from deck names (recipes.deck_id_for).

Time: `now` is stamped on every note, card and note type as its modification
time. Anki updates an existing note on re-import only when the incoming one is
newer, so a release must be built with a later `now` than the one before (the
CLI uses SOURCE_DATE_EPOCH if set, else the clock). With the same `now`, two
builds are byte-identical: the SQLite file is written in a fixed order and the
zip entries carry `now` as their time, in a fixed order.

Speed: `write_notes` inserts the very rows genanki's `Note.write_to_db` would
(test_anki checks it row for row) without making a genanki.Note per note; the
note types, decks and collection still come from genanki. This is the one module
that uses genanki's private internals (`Model._req`, `apkg_col`, `apkg_schema`):
pyproject.toml bounds genanki's version for it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import re
import shutil
import sqlite3
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import genanki
from genanki.apkg_col import APKG_COL
from genanki.apkg_schema import APKG_SCHEMA

from quizgen.atomic import atomic_path, scratch_path
from quizgen.bank.model import Bank, Category
from quizgen.errors import OutputError
from quizgen.generators.anki import order
from quizgen.generators.anki.escape import esc
from quizgen.generators.anki.notes import NoteSpec, build_tag, description_html
from quizgen.generators.anki.notetypes import make_note_type
from quizgen.generators.anki.recipes import CardForm, DeckRecipe, Layout, deck_id_for


@dataclass(frozen=True)
class DeckBuild:
    """What one build wrote: the file, and how many notes and cards of each form went into each deck."""

    recipe: DeckRecipe
    path: Path
    notes: dict[CardForm, int] = field(default_factory=dict)
    cards: dict[CardForm, int] = field(default_factory=dict)
    cards_per_deck: dict[str, int] = field(default_factory=dict)

    @property
    def total_notes(self) -> int:
        return sum(self.notes.values())

    @property
    def total_cards(self) -> int:
        return sum(self.cards.values())


def write_apkg(bank: Bank, recipe: DeckRecipe, notes: Iterable[NoteSpec], path: Path, now: dt.datetime) -> DeckBuild:
    """Write `notes` (streamed: never all in memory) into a reproducible .apkg at `path`."""
    ts = float(int(now.timestamp()))
    models = {f: make_note_type(f) for f in CardForm}
    deck_ids: dict[str, int] = {recipe.name: recipe.id}
    for name in order.subdecks(bank, recipe):
        deck_ids.setdefault(name, deck_id_for(name))
    note_counts: dict[CardForm, int] = {}
    card_counts: dict[CardForm, int] = {}
    per_deck: dict[str, int] = {}
    id_gen = itertools.count(int(ts * 1000))
    with scratch_path(path) as db:  # beside the .apkg, so a killed build's collection goes with the next build
        conn = sqlite3.connect(db)
        try:
            cur = conn.cursor()
            cur.execute("PRAGMA journal_mode = MEMORY")
            cur.execute("PRAGMA synchronous = OFF")
            cur.executescript(APKG_SCHEMA)
            cur.executescript(APKG_COL)
            for spec, n_cards in write_notes(cur, notes, models, deck_ids, ts, id_gen):
                note_counts[spec.form] = note_counts.get(spec.form, 0) + 1
                card_counts[spec.form] = card_counts.get(spec.form, 0) + n_cards
                per_deck[spec.deck] = per_deck.get(spec.deck, 0) + n_cards
            _write_decks(cur, bank, recipe, deck_ids, per_deck, note_counts, models, ts, id_gen)
            conn.commit()
        except sqlite3.Error as exc:  # "database or disk is full", "disk I/O error": the scratch collection
            raise OutputError(f"cannot write {path}: {exc}") from exc
        finally:
            conn.close()
        _zip(db, path, ts)
    return DeckBuild(recipe, path, note_counts, card_counts, per_deck)


_NOTE_SQL = "INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?);"  # genanki's statements, so the same rows
_CARD_SQL = "INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);"
_CLOZE_REF = re.compile(r"{{c(\d+)::.+?}}", re.DOTALL)  # genanki's: which cloze cards a field asks for


def _card_ords(model: genanki.Model) -> Callable[[tuple[str, ...]], list[int]]:
    """Which cards (template ords) a note of `model` gets: genanki's `Note.cards` rules, worked out once per model."""
    if model.model_type == genanki.Model.CLOZE:
        names = [f["name"] for f in model.fields]
        qfmt = model.templates[0]["qfmt"]
        refs = set(re.findall(r"{{[^}]*?cloze:(?:[^}]?:)*(.+?)}}", qfmt) + re.findall("<%cloze:(.+?)%>", qfmt))
        idx = [names.index(r) for r in refs if r in names]

        def cloze(fields: tuple[str, ...]) -> list[int]:
            # a set of 0..n-1 iterates in order, as genanki's does; sorted() says so regardless. Each distinct
            # number once (a note asks c1 in most of its deletions)
            found = {m for i in idx for m in _CLOZE_REF.findall(fields[i])}
            return sorted({n - 1 for n in map(int, found) if n > 0})
        return cloze
    reqs = [(o, all if how == "all" else any, tuple(req)) for o, how, req in model._req]

    def front_back(fields: tuple[str, ...]) -> list[int]:
        return [o for o, op, req in reqs if op(map(fields.__getitem__, req))]
    return front_back


def write_notes(cur: sqlite3.Cursor, notes: Iterable[NoteSpec], models: dict[CardForm, genanki.Model],
                deck_ids: dict[str, int], ts: float, id_gen: Iterator[int]) -> Iterator[tuple[NoteSpec, int]]:
    """Insert each note and its cards: the rows `genanki.Note.write_to_db` writes, in its order, without a Note.

    Yields (note, number of cards) as each is written. genanki's per-note object, tag list, deprecation and
    HTML checks are skipped: fields here are escaped HTML made by notes.py and tags have no spaces.
    """
    mod = int(ts)
    plans = {f: (m.model_id, len(m.fields), m.sort_field_index, _card_ords(m)) for f, m in models.items()}
    execute = cur.execute
    for spec in notes:
        mid, n_fields, sort_idx, card_ords = plans[spec.form]
        fields = spec.fields
        if len(fields) != n_fields:
            raise ValueError(f"{spec.form.value} note {spec.guid} has {len(fields)} fields, its note type {n_fields}")
        nid = next(id_gen)
        execute(_NOTE_SQL, (nid, spec.guid, mid, mod, -1, f" {' '.join(spec.tags)} ", "\x1f".join(fields),
                            fields[sort_idx], 0, 0, ""))
        did, due = deck_ids[spec.deck], spec.due
        ords = card_ords(fields)
        for o in ords:
            execute(_CARD_SQL, (next(id_gen), nid, did, o, mod, -1, 0, 0, due, 0, 0, 0, 0, 0, 0, 0, 0, ""))
        yield spec, len(ords)


def _write_decks(cur: sqlite3.Cursor, bank: Bank, recipe: DeckRecipe, deck_ids: dict[str, int],
                 per_deck: dict[str, int], note_counts: dict[CardForm, int], models: dict[CardForm, genanki.Model],
                 ts: float, id_gen: itertools.count[int]) -> None:
    top = genanki.Deck(recipe.id, recipe.name,
                      description_html(bank, recipe, note_counts, build_tag(dt.datetime.fromtimestamp(ts, dt.UTC))))
    for form, model in models.items():
        if note_counts.get(form):
            top.add_model(model)
    top.write_to_db(cur, ts, id_gen)
    descriptions = _subdeck_descriptions(bank, recipe)
    for name, did in deck_ids.items():
        if name == recipe.name or not per_deck.get(name):
            continue
        genanki.Deck(did, name, descriptions.get(name, "")).write_to_db(cur, ts, id_gen)


def _subdeck_descriptions(bank: Bank, recipe: DeckRecipe) -> dict[str, str]:
    """A story subdeck shows its story's title and summary; a category subdeck its category."""
    if recipe.layout is Layout.CATEGORY:
        return {recipe.subdeck_name(c): f"{c.label.ja} · {c.label.en}" for c in Category}
    if recipe.layout is not Layout.STORY:
        return {}
    out = {}
    decks = order.story_decks(bank, recipe, recipe.selection.apply(bank))
    for story in bank.stories:
        if story.id in decks:
            summary = story.summary
            out[decks[story.id]] = (f'<div lang="ja"><b>{esc(story.title.ja)}</b></div>'
                                    f'<div lang="en" style="opacity:.75">{esc(story.title.en)}</div>'
                                    + (f'<p lang="ja">{esc(summary.ja)}</p><p lang="en" style="opacity:.75">'
                                       f"{esc(summary.en)}</p>" if summary else ""))
    return out


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
