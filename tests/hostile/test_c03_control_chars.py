"""Cause 3: control characters in bank text.

`quizgen check` refuses C0 controls (tab and newline aside), DEL and C1 controls, with their place;
and every output strips or escapes them again (defence in depth), so a bank that reaches a generator
without `check` still makes an importable .apkg, clean export files and a terminal that is not hijacked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path

import pytest
from harness import GOOD, anki_with_recipe, check_with, run
from hypothesis import given
from hypothesis import strategies as st

from quizgen.bank import Bank, Text, load_bank
from quizgen.generators.exports import ExportFormat, export
from quizgen.text import find_control, strip_controls, terminal_safe

HOSTILE = "A\x1fB\x00C\x1b]0;pwned\x07D\x1b[2J\x9bE\x7fF"  # field separator, NUL, OSC title, clear screen, CSI, DEL


def put_prompt(bank: Path, escaped: str) -> None:
    """Write `escaped` (YAML double-quoted escapes, e.g. \\x1f) as the first item's Japanese prompt."""
    items = bank / "items.yaml"
    text = items.read_text(encoding="utf-8")
    old = "prompt: {ja: 北京で王毅氏と戦略対話を行ったのは誰か。,"
    assert old in text
    items.write_text(text.replace(old, f'prompt: {{ja: "北京で{escaped}誰か。",'), encoding="utf-8")


@pytest.mark.parametrize(("escaped", "code"), [
    ("\\x1f", "U+001F"), ("\\0", "U+0000"), ("\\e", "U+001B"), ("\\x9b", "U+009B"), ("\\x7f", "U+007F"),
    ("\\r", "U+000D"), ("\\x85", "U+0085"), ("\\uFFFF", "U+FFFF"),
])
def test_check_refuses_a_control_character_with_its_place(bank: Path, escaped: str, code: str) -> None:
    put_prompt(bank, escaped)
    err = run("check", "--bank", "bank").fails_cleanly()
    assert err == (f"bank/items.yaml:5:18: items[0].prompt.ja: control character {code} at character 4; "
                   "remove it (only tab and newline are allowed)\n1 problem in the question bank\n")


def test_tab_and_newline_are_text(bank: Path) -> None:
    put_prompt(bank, "\\tと\\n")
    res = run("check", "--bank", "bank")
    assert res.code == 0, res.err


def test_a_raw_control_character_in_the_file_is_located(bank: Path) -> None:
    items = bank / "items.yaml"
    text = items.read_text(encoding="utf-8").replace("北京で王毅氏", "北京で\x1b王毅氏", 1)
    items.write_bytes(text.encode("utf-8"))
    err = run("check", "--bank", "bank").fails_cleanly()
    assert err == ("bank/items.yaml:5:21: (document): control character U+001B is not allowed in YAML; remove it\n"
                   "1 problem in the question bank\n")


def test_a_control_character_in_a_key_never_reaches_the_terminal_raw(bank: Path) -> None:
    err = check_with(bank, "odd.yaml", '"\\e[2Jitems\\e]0;x\\a": []\n')
    assert "\x1b" not in err and "\x07" not in err
    assert "bank/odd.yaml:1:1: \\x1b[2Jitems\\x1b]0;x\\x07: unknown section;" in err


def test_a_recipe_name_with_a_control_character_is_refused(bank: Path) -> None:
    err = anki_with_recipe("d.yaml", 'name: "中ロ\\x1f"\ndescription: {ja: あ, en: a}\nforms: [basic]\n').fails_cleanly()
    assert "decks/d.yaml:1:7: name: control character U+001F at character 3;" in err


# --------------------------------------------------------------------------- defence in depth: every output


def hostile_bank() -> Bank:
    """The good bank with control characters in every text of its first item, as if `check` had been skipped."""
    bank = load_bank(GOOD)
    first = bank.items[0]
    dirty = dataclasses.replace(
        first, prompt=Text(f"{first.prompt.ja}{HOSTILE}", f"{first.prompt.en}{HOSTILE}"),
        answer=Text(f"{first.answer.ja}\x1f", f"{first.answer.en}\x1b[31m"),
        explanation=Text(f"{first.explanation.ja}\x00", first.explanation.en), accept=("x\x1fy",))
    return dataclasses.replace(bank, items=(dirty, *bank.items[1:]))


def test_anki_fields_carry_no_control_characters_and_import(tmp_path: Path) -> None:
    anki = pytest.importorskip("anki.collection")
    from quizgen.generators.anki import build_deck, loads_recipe

    bank = hostile_bank()
    recipe = loads_recipe("name: H\ndescription: {ja: h, en: h}\nforms: [basic, reverse, cloze, type-in, multiple-choice]\n")
    build = build_deck(bank, recipe, tmp_path / "h.apkg", dt.datetime(2025, 3, 1, tzinfo=dt.UTC))
    col = anki.Collection(str(tmp_path / "c.anki2"))
    try:
        req = anki.ImportAnkiPackageRequest(package_path=str(build.path), options=anki.ImportAnkiPackageOptions(
            with_scheduling=False, merge_notetypes=False))
        log = col.import_anki_package(req).log
        assert len(log.new) == build.total_notes
        for nid in col.find_notes(""):
            note = col.get_note(nid)
            assert len(note.fields) == len(note.note_type()["flds"])
            for value in note.fields:
                assert find_control(value.replace("\n", "")) is None, value
        fronts = [col.get_card(c).question() for c in col.find_cards("")]
        assert any("ABC&#93;0;pwnedD&#91;2JEF" in f for f in fronts)  # brackets escaped too (furigana, [sound:])
    finally:
        col.close()


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_export_files_carry_no_control_characters(fmt: ExportFormat) -> None:
    exp = export(hostile_bank(), fmt, rng=random.Random(0))
    text = exp.text if exp.data is None else xlsx_text(exp.data)
    text = text.replace("\r\n", "\n").replace("\t", " ").replace("\n", " ")
    assert find_control(text) is None, repr(text[:200])
    assert "ABC" in text


def xlsx_text(data: bytes) -> str:
    """Every cell of a workbook as one text, as a spreadsheet program reads it."""
    import io

    import openpyxl

    sheets = openpyxl.load_workbook(io.BytesIO(data)).worksheets
    return " ".join(str(c) for ws in sheets for row in ws.iter_rows(values_only=True) for c in row if c is not None)


def test_due_shows_bank_text_escaped_on_the_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quizgen.cli import stats as stats_cli
    from quizgen.quiz.scheduling import Rating, Scheduler
    from quizgen.quiz.store import Store

    bank = hostile_bank()
    monkeypatch.setattr(stats_cli, "load_bank_fast", lambda path: bank)
    then, sched = dt.datetime(2025, 3, 1, 9, tzinfo=dt.UTC), Scheduler()
    item_id = bank.items[0].id
    with Store(tmp_path / "r.db") as store:
        store.add_review(item_id, Rating.AGAIN, then,
                         lambda prev: sched.review(prev or sched.new_card(item_id, then), Rating.AGAIN, then))
    res = run("due", "--db", str(tmp_path / "r.db"), "--now", "2025-03-02T09:00")
    assert res.code == 0, res.err
    assert "1 card due now." in res.out
    assert "\x1b" not in res.out and "\x9b" not in res.out and "\x07" not in res.out
    assert "\\x1b]0;pwned\\x07" in res.out


def test_review_shows_draft_text_escaped_on_the_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quizgen.extract import review as rv

    bank = hostile_bank()
    draft = dataclasses.replace(bank.items[0], draft=True)
    drafts = rv.Drafts(tmp_path / "d.yaml", tmp_path, bank, Bank(items=(draft,)), "")
    monkeypatch.setattr(rv, "open_drafts", lambda *a, **k: rv.Opened(drafts, 0))
    drafts.path.write_text("items: []\n", encoding="utf-8")  # there, as review checks it can write it before the first draft
    res = run("review", "d.yaml", "--bank", str(GOOD), input="q\n")
    assert res.code == 0, res.err
    assert "\x1b" not in res.out and "\x9b" not in res.out and "\x1f" not in res.out
    assert "\\x1b]0;pwned\\x07" in res.out


# --------------------------------------------------------------------------- the shared functions


def test_terminal_safe_shows_each_control_character_as_an_escape() -> None:
    assert terminal_safe("a\tb\nc\x1b[2J\x9b\x00") == "a\tb\nc\\x1b[2J\\x9b\\x00"
    assert strip_controls("a\tb\nc\x1b[2J\x9b\x00\r") == "a\tb\nc[2J"


@given(st.text())
def test_sanitised_text_holds_no_control_character(text: str) -> None:
    assert find_control(strip_controls(text)) is None
    assert find_control(terminal_safe(text)) is None
    assert strip_controls(strip_controls(text)) == strip_controls(text)
    if find_control(text) is None:
        assert strip_controls(text) == text == terminal_safe(text)
