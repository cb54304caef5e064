"""Anki decks against the real engine: import every built deck into a fresh collection and render every card."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import re
import sqlite3
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import genanki
import pytest
from genanki.apkg_schema import APKG_SCHEMA

from quizgen import resources
from quizgen.bank import Bank, Evidence, Item, Text, load_bank
from quizgen.generators.anki import build_deck, build_decks, build_default, build_tag
from quizgen.generators.anki.apkg import write_notes
from quizgen.generators.anki.notes import recipe_notes
from quizgen.generators.anki.notetypes import MODEL_IDS, MODEL_NAMES, make_note_type
from quizgen.generators.anki.recipes import CardForm, deck_id_for, load_recipes, loads_recipe, recipe_files

anki_collection = pytest.importorskip("anki.collection")

DATA = Path(__file__).parent / "data" / "anki"
T0 = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


@contextlib.contextmanager
def collection(tmp_path: Path) -> Iterator[Any]:
    """A new, empty Anki collection (the real engine), closed afterwards."""
    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        yield col
    finally:
        col.close()


def import_apkg(col: Any, path: Path) -> Any:
    req = anki_collection.ImportAnkiPackageRequest(
        package_path=str(path),
        options=anki_collection.ImportAnkiPackageOptions(with_scheduling=False, merge_notetypes=False),
    )
    return col.import_anki_package(req).log


def rendered_cards(col: Any) -> list[tuple[Any, str, str]]:
    out = []
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        out.append((card, card.question(), card.answer()))
    return out


def visible_text(html_text: str) -> str:
    text = re.sub(r"<style>.*?</style>", "", html_text, flags=re.S)
    return re.sub(r"<[^>]+>", "", text).strip()


def assert_cards_sound(col: Any) -> None:
    cards = rendered_cards(col)
    assert cards
    for card, q, a in cards:
        where = f"card {card.id} ({card.note_type()['name']}, ord {card.ord}) of note {card.note()['ID']}"
        for side in (q, a):
            assert "{{" not in side, where
            assert "<script" not in side.lower(), where
        assert visible_text(q), f"empty question on {where}"
        assert visible_text(a), f"empty answer on {where}"
        assert "<summary>English</summary>" in q, f"no English toggle on the front of {where}"
        assert 'lang="en"' in a, f"no English on the back of {where}"


# --------------------------------------------------------------------------- fixture bank, every form


def test_fixture_decks_import_and_render(bank: Bank, tmp_path: Path) -> None:
    recipes = load_recipes(recipe_files(DATA / "decks"), bank)
    builds = build_decks(bank, recipes, tmp_path / "out", T0)
    with collection(tmp_path) as col:
        for b in builds:
            log = import_apkg(col, b.path)
            assert len(log.new) == b.total_notes - len(log.updated) - len(log.duplicate)
        assert_cards_sound(col)
        names = {d.name for d in col.decks.all_names_and_ids()}
        assert {"テスト中ロ", "テスト中ロ::日付", "テスト中ロ::人物・主体", "テスト中ロ::立場",
                "テスト中ロ::会議・枠組み", "テスト和平案"} <= names
        types = {m.name: m.id for m in col.models.all_names_and_ids()}
        for form in CardForm:
            assert types[MODEL_NAMES[form]] == MODEL_IDS[form]
    # the package carries the documented, stable deck ids (Anki itself matches decks by name on import)
    assert package_decks(builds[0].path) == {name: deck_id_for(name) for name in (
        "テスト中ロ", "テスト中ロ::日付", "テスト中ロ::人物・主体", "テスト中ロ::立場", "テスト中ロ::会議・枠組み")}
    assert package_decks(builds[1].path) == {"テスト和平案": 1234567890}


def package_decks(path: Path) -> dict[str, int]:
    with zipfile.ZipFile(path) as zf, tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "c.anki2"
        db.write_bytes(zf.read("collection.anki2"))
        conn = sqlite3.connect(db)
        decks = json.loads(conn.execute("select decks from col").fetchone()[0])
        conn.close()
    return {d["name"]: d["id"] for d in decks.values() if d["name"] != "Default"}


def test_every_cloze_deletion_makes_a_card(bank: Bank, tmp_path: Path) -> None:
    recipe = loads_recipe("name: C\ndescription: {ja: c, en: c}\nforms: [cloze]\n", bank=bank)
    build = build_deck(bank, recipe, tmp_path / "c.apkg", T0)
    with collection(tmp_path) as col:
        import_apkg(col, build.path)
        per_note = Counter(col.get_card(c).note()["ID"] for c in col.find_cards(""))
        expected = {it.id: it.cloze.ja.count("[[") for it in bank.live_items() if it.cloze is not None}
        assert per_note == expected
        assert expected["a1-summit-place"] == 3
        answers = {col.get_card(c).ord: visible_text(col.get_card(c).question())
                   for c in col.find_cards('"ID:a1-summit-place"')}
        assert "[...]" in answers[0] and "プーチン" in answers[0] and "モスクワ" in answers[0]
        assert "習近平" in answers[2] and "[...]" in answers[2]


def test_bank_markup_is_shown_as_text(bank: Bank, tmp_path: Path) -> None:
    recipe = loads_recipe("name: S\ndescription: {ja: s, en: s}\nforms: [basic, cloze, multiple-choice]\n"
                          "select: {ids: [a2-plan-points]}\n", bank=bank)
    build = build_deck(bank, recipe, tmp_path / "s.apkg", T0)
    with collection(tmp_path) as col:
        import_apkg(col, build.path)
        for card, q, a in rendered_cards(col):
            assert "<script>" not in q + a
            if card.ord == 0 and "cloze" not in card.note_type()["name"]:
                assert "&lt;script&gt;alert(1)&lt;/script&gt;" in q
            assert "<i>" not in a and "&lt;i&gt;注意&lt;/i&gt;" in a
            # a literal {{c1::...}} in bank text makes no extra cloze card and shows as text
            assert "&#123;&#123;c1::罠&#125;&#125;" in a or "{{" not in a
        assert len(rendered_cards(col)) == 3


def test_disagreement_context_and_source_on_the_back(bank: Bank, tmp_path: Path) -> None:
    recipe = loads_recipe("name: B\ndescription: {ja: b, en: b}\nforms: [basic]\n", bank=bank)
    build = build_deck(bank, recipe, tmp_path / "b.apkg", T0)
    with collection(tmp_path) as col:
        import_apkg(col, build.path)
        backs = {col.get_card(c).note()["ID"]: visible_text(col.get_card(c).answer()) for c in col.find_cards("")}
        plan = backs["a2-plan-points"]
        assert "記事によって描き方が異なる" in plan and "西側は懐疑的だった。" in plan
        assert "テスト新聞「&lt;b&gt;速報&lt;/b&gt; 和平案の行方」(日付記載なし)" in plan  # outlet, headline, date
        assert "テスト新聞(日付記載なし): 西側は懐疑的だった。" in plan  # a side named by its source, not a number
        assert not re.search(r"記事\s*a[12]|[Aa]rticle a[12]", plan)
        date = backs["a1-summit-date"]
        assert "日付:2023年3月20日(記事の日付(2023年3月21日)から)" in date  # the date and how it was found
        assert "Date: 20 March 2023 (from the article&#x27;s date (21 March 2023))" in date
        assert "記事外の情報 · Outside the articles" in date  # citations.OUTSIDE_ARTICLES, the one wording
        assert "2022年2月24日にロシアがウクライナに侵攻した" in date
        assert "Outside the articles" not in backs["a1-summit-place"]
        assert "a1-draft-item" not in backs


def test_cards_are_ordered_and_tagged(bank: Bank, tmp_path: Path) -> None:
    recipe = loads_recipe("name: O\ndescription: {ja: o, en: o}\nforms: [basic, cloze]\n", bank=bank)
    build = build_deck(bank, recipe, tmp_path / "o.apkg", T0)
    with collection(tmp_path) as col:
        import_apkg(col, build.path)
        cards = [col.get_card(c) for c in col.find_cards("")]
        dues = sorted({c.due for c in cards})
        assert len(dues) == build.total_notes and dues[0] >= 1  # one position per note, not all "New #0"
        note = col.get_note(col.find_notes('"ID:a2-plan-points" note:"quizgen 問答 (Q→A)"')[0])
        assert set(note.tags) >= {"category::positions", "article::a2", "peace-plan", "ukraine", "form::basic",
                                  "priority::core", "story::peace-plan", "quizgen::build::20250301-0900"}
        assert all(" " not in t for c in cards for t in c.note().tags)


# --------------------------------------------------------------------------- reproducible builds


def test_notes_and_cards_are_the_rows_genanki_writes(bank: Bank) -> None:
    """write_notes skips genanki.Note (for speed) but must write exactly the rows Note.write_to_db writes."""
    recipe = load_recipes(recipe_files(DATA / "decks"), bank)[0]
    specs = list(recipe_notes(bank, recipe))
    models = {f: make_note_type(f) for f in CardForm}
    deck_ids = {s.deck: deck_id_for(s.deck) for s in specs}
    ts = T0.timestamp()

    def table(cur: sqlite3.Cursor, name: str) -> list[tuple[Any, ...]]:
        return cur.execute(f"SELECT * FROM {name} ORDER BY id").fetchall()

    ours = sqlite3.connect(":memory:").cursor()
    ours.executescript(APKG_SCHEMA)
    our_counts = [n for _spec, n in write_notes(ours, specs, models, deck_ids, ts, itertools.count(1000))]
    ref = sqlite3.connect(":memory:").cursor()
    ref.executescript(APKG_SCHEMA)
    ids, ref_counts = itertools.count(1000), []
    for s in specs:
        note = genanki.Note(model=models[s.form], fields=list(s.fields), tags=list(s.tags), guid=s.guid, due=s.due)
        note.write_to_db(ref, ts, deck_ids[s.deck], ids)
        ref_counts.append(len(note.cards))
    assert {s.form for s in specs} == set(CardForm)
    assert {1, 2} <= set(our_counts)  # one-card notes, and two-card ones (reverse both ways, two cloze blanks)
    assert our_counts == ref_counts
    assert table(ours, "notes") == table(ref, "notes")
    assert table(ours, "cards") == table(ref, "cards")


def test_same_time_gives_byte_identical_files(bank: Bank, tmp_path: Path) -> None:
    recipe = load_recipes(recipe_files(DATA / "decks"), bank)[0]
    a = build_deck(bank, recipe, tmp_path / "a.apkg", T0).path.read_bytes()
    b = build_deck(bank, recipe, tmp_path / "b.apkg", T0).path.read_bytes()
    assert hashlib.sha256(a).hexdigest() == hashlib.sha256(b).hexdigest()
    later = build_deck(bank, recipe, tmp_path / "c.apkg", T0 + dt.timedelta(seconds=10)).path
    assert later.read_bytes() != a
    with zipfile.ZipFile(tmp_path / "a.apkg") as zf:
        assert [i.filename for i in zf.infolist()] == ["collection.anki2", "media"]
        assert {i.date_time for i in zf.infolist()} == {(2025, 3, 1, 9, 0, 0)}
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, nothing left behind


def test_source_date_epoch_makes_cli_builds_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from quizgen.cli import cli

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1740819600")
    runner = CliRunner()
    args = ["anki", "--bank", str(DATA / "bank"), "--decks", str(DATA / "decks"), "plan"]
    r1 = runner.invoke(cli, [*args, "-o", str(tmp_path / "1")])
    r2 = runner.invoke(cli, [*args, "-o", str(tmp_path / "2")])
    assert r1.exit_code == 0, r1.output
    assert r1.output.replace("/1/", "/X/") == r2.output.replace("/2/", "/X/")
    assert (tmp_path / "1" / "plan.apkg").read_bytes() == (tmp_path / "2" / "plan.apkg").read_bytes()


# --------------------------------------------------------------------------- updates keep progress


def test_reimport_updates_in_place_and_keeps_history(bank: Bank, tmp_path: Path) -> None:
    recipe = loads_recipe("name: U\ndescription: {ja: u, en: u}\nforms: [basic]\n", bank=bank)
    with collection(tmp_path) as col:
        # 1. build and import
        first = build_deck(bank, recipe, tmp_path / "v1.apkg", T0)
        log = import_apkg(col, first.path)
        assert len(log.new) == 4
        nid = col.find_notes('"ID:a1-summit-place"')[0]
        # 2. answer that card Good
        col.decks.select(col.decks.id_for_name("U::人物・主体"))
        card = col.sched.getCard()
        assert card is not None and card.nid == nid
        col.sched.answerCard(card, 3)
        before = col.get_card(card.id)
        assert col.db.scalar("select count() from revlog where cid = ?", card.id) == 1
        # 3. change an item's wording and add an item
        old = bank.item_by_id["a1-summit-place"]
        new_prompt = Text("中国とロシアの首脳はどの都市で会談したか。", "In which city did the leaders meet?")
        changed = dataclasses.replace(old, prompt=new_prompt)
        added = Item(id="a1-new-item", category=old.category, kind=old.kind, prompt=Text("新しい問い?", "A new question?"),
                     answer=Text("新しい答え", "new answer"), explanation=Text("説明", "explanation"),
                     evidence=(Evidence("a1", "モスクワで会談した"),))
        items = (*(changed if it.id == old.id else it for it in bank.items), added)
        bank2 = dataclasses.replace(bank, items=items)
        # 4. rebuild later and re-import
        second = build_deck(bank2, recipe, tmp_path / "v2.apkg", T0 + dt.timedelta(days=7))
        log2 = import_apkg(col, second.path)
        # 5. updated in place, exactly one note added, history kept
        assert len(log2.new) == 1
        assert col.note_count() == 5
        note = col.get_note(nid)
        assert note["Question"] == "中国とロシアの首脳はどの都市で会談したか。"
        after = col.get_card(card.id)
        assert (after.type, after.queue, after.due, after.ivl, after.reps) == \
            (before.type, before.queue, before.due, before.ivl, before.reps)
        assert after.reps == 1
        assert col.db.scalar("select count() from revlog where cid = ?", card.id) == 1
        assert len(col.find_notes('"ID:a1-new-item"')) == 1


def test_a_removed_question_stays_until_the_student_deletes_it_and_its_old_build_tag_finds_it(
        bank: Bank, tmp_path: Path) -> None:
    """README: Anki keeps the notes of removed ids (with their history); the search the README and the deck
    description give lists exactly those, because re-importing updates the tags of every note still built."""
    recipe = loads_recipe("name: R\ndescription: {ja: r, en: r}\nforms: [basic]\n", bank=bank)
    later = T0 + dt.timedelta(days=30)
    assert (build_tag(T0), build_tag(later)) == ("quizgen::build::20250301-0900", "quizgen::build::20250331-0900")
    with collection(tmp_path) as col:
        import_apkg(col, build_deck(bank, recipe, tmp_path / "v1.apkg", T0).path)
        assert col.note_count() == 4
        bank2 = dataclasses.replace(bank, items=tuple(i for i in bank.items if i.id != "a2-plan-forum"))
        log = import_apkg(col, build_deck(bank2, recipe, tmp_path / "v2.apkg", later).path)
        assert (len(log.new), len(log.updated)) == (0, 3)
        assert col.note_count() == 4  # the removed question is kept, not deleted
        found = col.find_notes(f"tag:quizgen::build::* -tag:{build_tag(later)}")
        assert [col.get_note(n)["ID"] for n in found] == ["a2-plan-forum"]
        assert [col.get_note(n)["ID"] for n in col.find_notes(f"tag:{build_tag(T0)}")] == ["a2-plan-forum"]
        col.remove_notes(found)  # what the student does once they have looked
        assert col.note_count() == 3
        desc = col.decks.by_name("R")["desc"]
        assert f"-tag:{build_tag(later)}" in desc


def test_reimport_with_the_same_timestamp_changes_nothing(bank: Bank, tmp_path: Path) -> None:
    """Why a release needs a later timestamp: Anki only takes notes newer than its own."""
    recipe = loads_recipe("name: U\ndescription: {ja: u, en: u}\nforms: [basic]\n", bank=bank)
    with collection(tmp_path) as col:
        import_apkg(col, build_deck(bank, recipe, tmp_path / "v1.apkg", T0).path)
        old = bank.item_by_id["a1-summit-place"]
        changed = dataclasses.replace(old, prompt=Text("変更された問い", "changed"))
        bank2 = dataclasses.replace(bank, items=tuple(changed if i.id == old.id else i for i in bank.items))
        log = import_apkg(col, build_deck(bank2, recipe, tmp_path / "v2.apkg", T0).path)
        assert len(log.new) == 0 and len(log.updated) == 0


# --------------------------------------------------------------------------- the real bank and the shipped recipes


def test_shipped_decks_from_the_real_bank(tmp_path: Path) -> None:
    try:
        real = load_bank(resources.bank_dir())
    except Exception as exc:  # the bank is still being written
        pytest.skip(f"real bank not loadable yet: {exc}")
    if not any(real.live_items()):
        pytest.skip("real bank has no items yet")
    paths = build_default(real, tmp_path / "out", T0)
    assert {p.name for p in paths} >= {"china-russia.apkg"}
    with collection(tmp_path) as col:
        for p in paths:
            import_apkg(col, p)
        assert_cards_sound(col)
        names = {d.name for d in col.decks.all_names_and_ids()}
        assert {"中ロ関係", "中ロ関係::日付", "中ロ関係::人物・主体", "中ロ関係::立場", "中ロ関係::会議・枠組み"} <= names
        main = load_recipes([resources.decks_dir() / "china-russia.yaml"], real)[0]
        assert len(col.find_notes('"deck:中ロ関係" note:"quizgen 問答 (Q→A)"')) == len(main.selection.apply(real))
        # every cloze deletion gave a card
        for nid in col.find_notes(f'note:"{MODEL_NAMES[CardForm.CLOZE]}"'):
            note = col.get_note(nid)
            assert len(note.cards()) == len(set(re.findall(r"\{\{c(\d+)::", note["Text"])))
