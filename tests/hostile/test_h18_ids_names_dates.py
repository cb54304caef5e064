"""Hostile pass 18 (`/work/stage/hostile18/table.md` on the machine that ran it), seven of its causes:

- TRACEBACK (cause 1): an article file name holding a byte that is not UTF-8 (a zip made on a Japanese Windows PC
  unpacks with Shift_JIS names; Python gives the byte as a lone surrogate) ended add-article in a
  UnicodeEncodeError from the bank reader, extract in one from its fingerprints.
- TRACEBACK (cause 2): `PYTHONIOENCODING=utf-16` (which sets standard input's encoding too) and a typed line in
  review, quiz or add-article: 「UnicodeError: UTF-16 stream does not start with BOM」.
- UNCLEAR (cause 8): `worksheet --ids A、B` (，, ;, ；) was one unknown id, and the message suggested B, typed already.
- UNCLEAR (cause 9): an id holding U+200B, U+FEFF or U+2060 in `--ids`, `--exclude`, `--story`, `--article`, `--tag`
  or `leeches --reset` was printed raw, and the suggestion looked exactly like what was typed.
- UNCLEAR (cause 10): add-article of a file whose name holds U+202E or U+200B failed at a line of a bank file it had
  written and removed, never saying to rename the article.
- UNCLEAR (cause 11): `quiz --db :memory:` said 「cannot switch :memory: to WAL mode (is it on a network drive?)」.
- UNCLEAR, silent (cause 12): a bank `when` that is no day of the calendar (2023-02-30, 2023-13, 9999-99-99, 0000)
  passed `quizgen check`, and the timeline printed it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from harness import DEV_ARTICLE, EXTRACT, ONE_DRAFT, command, run

INVISIBLE_WHY = "remove it (it does not show, so the text is not what it looks like)"


def _class_bank(tmp_path: Path) -> Path:
    """The extract test bank at ./cls; returns it."""
    shutil.copytree(EXTRACT / "bank", tmp_path / "cls")
    return tmp_path / "cls"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _add_article(name: str) -> tuple[int, str]:
    res = run("add-article", name, "--bank", "cls", "--headline", "中露首脳", "--outlet", "共同", "--date", "2024-05-16",
              "--url", "")
    return res.code, res.fails_cleanly(2)


# --------------------------------------------------------------------------- cause 1: a file name that is not UTF-8


NOT_UTF8_NAME = os.fsdecode(b"a\xffb.txt")  # 'a\udcffb.txt', as Python gives such a name


@pytest.mark.parametrize("cmd", ["add-article", "extract"])
def test_a_file_name_that_is_not_utf8_is_refused_before_anything_is_written(tmp_path: Path, cmd: str) -> None:
    cls = _class_bank(tmp_path)
    shutil.copy(DEV_ARTICLE, tmp_path / NOT_UTF8_NAME)
    before = _snapshot(cls)
    if cmd == "add-article":
        _, err = _add_article(NOT_UTF8_NAME)
    else:
        err = run("extract", NOT_UTF8_NAME, "--bank", "cls", "-o", "d.yaml").fails_cleanly(2)
    assert err == ("Error: a\\xffb.txt: the file name holds a byte that is not UTF-8 (\\xff at character 2); rename "
                   "the file and try again\n"), err
    assert _snapshot(cls) == before
    assert not (tmp_path / "d.yaml").exists()


def test_a_utf8_name_read_in_an_ascii_locale_says_the_locale_is_at_fault(tmp_path: Path) -> None:
    """hostile18 EN12: the same traceback for 記事.txt under LC_ALL=C PYTHONUTF8=0 PYTHONCOERCECLOCALE=0, where Python
    reads file names as ASCII: the name is UTF-8, so "not UTF-8" would be untrue."""
    cls = _class_bank(tmp_path)
    shutil.copy(DEV_ARTICLE, tmp_path / "記事.txt")
    before = _snapshot(cls)
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    env.pop("PYTHONIOENCODING", None)
    res = subprocess.run(command("add-article", "記事.txt", "--bank", "cls", "--headline", "h", "--outlet", "o",
                                 "--date", "2024-05-16", "--url", ""),
                         capture_output=True, env=env, timeout=120, check=False, cwd=tmp_path)
    err = res.stderr.decode("ascii", "replace")
    assert res.returncode == 2 and "Traceback" not in err, err
    assert err == ("Error: \\xe8\\xa8\\x98\\xe4\\xba\\x8b.txt: the file name is UTF-8, but this process reads file names "
                   "as ascii (a C or POSIX locale with PYTHONUTF8=0?); run quizgen in a UTF-8 locale (LANG=C.UTF-8), or "
                   "rename the file with ASCII letters only\n"), err
    assert _snapshot(cls) == before


# --------------------------------------------------------------------------- cause 10: an invisible character in the name


@pytest.mark.parametrize(("char", "said"), [
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE at character 2 (it can show the text in another order than it is stored)"),
    ("\u200b", "U+200B ZERO WIDTH SPACE at character 2 (it does not show, so the text is not what it looks like)"),
])
def test_an_invisible_character_in_the_file_name_is_refused_naming_it(tmp_path: Path, char: str, said: str) -> None:
    cls = _class_bank(tmp_path)
    shutil.copy(DEV_ARTICLE, tmp_path / f"a{char}b.txt")
    before = _snapshot(cls)
    _, err = _add_article(f"a{char}b.txt")
    assert err == (f"Error: a\\u{ord(char):04x}b.txt: the file name holds an invisible formatting character {said}; "
                   "rename the file and try again\n"), err
    assert char not in err
    assert _snapshot(cls) == before


def test_a_line_break_in_the_file_name_is_shown_escaped(tmp_path: Path) -> None:
    """The refusal of hostile17 cause 6 printed the name raw, so a line break split it over two lines."""
    _class_bank(tmp_path)
    shutil.copy(DEV_ARTICLE, tmp_path / "n\nl.txt")
    _, err = _add_article("n\nl.txt")
    assert err == ("Error: n\\x0al.txt: the file name holds a control character (U+000A at character 2); rename the "
                   "file and try again\n"), err


# --------------------------------------------------------------------------- cause 2: a standard input in UTF-16


UTF16_SAID = ("Error: standard input is read as utf-16 (PYTHONIOENCODING=utf-16), in which no typed line can be read; "
              "unset PYTHONIOENCODING, or set it to your terminal's encoding (utf-8)\n")


@pytest.mark.parametrize(("args", "typed"), [
    (("review", "d.yaml", "--bank", "bank"), "d\nr\nq\n"),
    (("quiz", "--bank", "bank", "--db", "q.db", "--limit", "2", "--seed", "1"), "x\n\nq\n"),
    (("add-article", str(DEV_ARTICLE), "--bank", "cls"), "見出し\n共同\n\n\n"),
])
def test_a_utf16_standard_input_is_said_in_one_line(bank: Path, tmp_path: Path, args: tuple[str, ...],
                                                    typed: str) -> None:
    (tmp_path / "d.yaml").write_text(ONE_DRAFT, encoding="utf-8")
    cls = _class_bank(tmp_path)
    before = _snapshot(cls), (tmp_path / "d.yaml").read_bytes()
    env = {**os.environ, "PYTHONIOENCODING": "utf-16"}
    res = subprocess.run(command(*args), input=typed.encode("utf-8"), capture_output=True, env=env, timeout=120,
                         check=False)
    err = res.stderr.decode("utf-16")
    assert "Traceback" not in err, err
    assert (res.returncode, err) == (2, UTF16_SAID)
    assert res.stdout == b"", res.stdout.decode("utf-16")  # said before the first question (or draft) is shown
    assert (_snapshot(cls), (tmp_path / "d.yaml").read_bytes()) == before
    assert not (tmp_path / "q.db").exists()


# --------------------------------------------------------------------------- cause 8: ids joined as a keyboard joins them


def _two_ids() -> list[str]:
    ids = run("topics", "--items").out.split()
    return [i for i in ids if i.startswith(("a00", "a01"))][:2]


@pytest.mark.parametrize("sep", ["、", "，", ";", "；", "、 ", " ； "])
def test_ids_joined_by_a_japanese_comma_or_a_semicolon_are_ids(sep: str) -> None:
    ran = run("worksheet", "--ids", sep.join(_two_ids()), "--format", "html", "--seed", "1", "-o", "w")
    assert ran.fails_cleanly(0) == "" or "warning" in ran.err, (sep, ran)
    assert "2 questions" in ran.out, (sep, ran.out)


def test_ids_joined_by_something_else_are_named_never_suggested() -> None:
    first, second = _two_ids()
    for option in ("--ids", "--exclude"):
        err = run("worksheet", option, f"{first}/{second}", "--format", "html", "-o", "w").fails_cleanly(2)
        assert err == (f"Error: {option} {first}/{second}: no such item; it holds the ids {first!r} and {second!r}: "
                       "separate ids with commas\n"), err


# --------------------------------------------------------------------------- cause 9: an invisible character in an id


@pytest.mark.parametrize("char", ["\u200b", "\ufeff", "\u2060"])
@pytest.mark.parametrize("option", ["--ids", "--exclude"])
def test_an_invisible_character_in_an_id_is_named(char: str, option: str) -> None:
    import unicodedata

    value = "a001-invasion-one-year" + char
    err = run("worksheet", option, value, "--format", "html", "-o", "w").fails_cleanly(2)
    assert err == (f"Error: {option} 'a001-invasion-one-year\\u{ord(char):04x}' holds an invisible formatting character "
                   f"U+{ord(char):04X} {unicodedata.name(char)} at character 23; {INVISIBLE_WHY}\n"), err
    assert char not in err and "did you mean" not in err
    assert not Path("w").exists()


@pytest.mark.parametrize(("args", "option", "value"), [
    (("export", "-f", "gift", "-o", "o.txt"), "--story", "2024-lavrov-beijing\u200b"),
    (("worksheet", "--format", "html", "-o", "w"), "--story", "\u200b2024-lavrov-beijing"),
    (("timeline", "-o", "t.html"), "--article", "000\u200b"),
    (("export", "-f", "gift", "-o", "o.txt"), "--tag", "peace\u200bplan"),
    (("leeches", "--db", "l.db"), "--reset", "a001-invasion-one-year\u200b"),
])
def test_an_invisible_character_in_a_name_given_with_an_option_is_named(args: tuple[str, ...], option: str,
                                                                         value: str) -> None:
    err = run(*args, option, value).fails_cleanly(2)
    shown = "'" + value.replace("\u200b", "\\u200b") + "'"
    at = value.index("\u200b") + 1
    assert err == (f"Error: {option} {shown} holds an invisible formatting character U+200B ZERO WIDTH SPACE at "
                   f"character {at}; {INVISIBLE_WHY}\n"), err
    assert "\u200b" not in err
    assert not any(Path(p).exists() for p in ("o.txt", "w", "t.html", "l.db"))


def test_the_readme_s_story_example_is_what_is_said() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    err = run("export", "-f", "gift", "-o", "o.txt", "--story", "2024-lavrov-beijing\u200b").fails_cleanly(2)
    assert f"`{err.strip()}` (exit 2)" in readme


# --------------------------------------------------------------------------- cause 11: --db :memory:


@pytest.mark.parametrize("cmd", ["quiz", "stats", "due", "leeches"])
@pytest.mark.parametrize("db", [":memory:", "file::memory:", "file:x.db?mode=memory"])
def test_a_database_in_memory_is_refused(cmd: str, db: str) -> None:
    ran = run(cmd, "--db", db, input="q\n")
    assert ran.fails_cleanly(2) == (f"Error: --db {db} names an in-memory database, which keeps nothing once the "
                                    "command ends (no answer, no schedule); give a file path\n"), ran
    assert os.listdir(".") == []


def test_a_database_in_memory_from_the_environment_is_named_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGEN_DB", ":memory:")
    assert run("stats").fails_cleanly(2).startswith("Error: QUIZGEN_DB :memory: names an in-memory database")


# --------------------------------------------------------------------------- cause 12: a `when` that is no calendar date


@pytest.mark.parametrize(("when", "why"), [
    ("2025-02-30", "February 2025 has 28 days"),
    ("2024-02-30", "February 2024 has 29 days"),
    ("2025-13", "there is no month 13"),
    ("2025-00", "there is no month 0"),
    ("2025-04-00", "there is no day 0"),
    ("9999-99-99", "there is no month 99"),
    ("0000", "there is no year 0"),
])
def test_a_when_that_is_no_calendar_date_is_a_bank_problem(bank: Path, when: str, why: str) -> None:
    items = bank / "items.yaml"
    items.write_text(items.read_text(encoding="utf-8").replace('when: "2025"', f'when: "{when}"'), encoding="utf-8")
    said = (f"bank/items.yaml:28:11: item t1-un-80.when: {when!r} is no date of the calendar ({why}); check the year, "
            "month and day\n1 problem in the question bank\n")
    assert run("check", "--bank", "bank").fails_cleanly() == said
    timeline = run("timeline", "--bank", "bank", "-o", "-")
    assert timeline.fails_cleanly() == said and when not in timeline.out


def test_a_published_date_that_is_no_calendar_date_is_a_bank_problem(bank: Path) -> None:
    sources = bank / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("published: null", 'published: "2023-02-29"'),
                       encoding="utf-8")
    err = run("check", "--bank", "bank").fails_cleanly()
    assert err.startswith("bank/sources.yaml:6:16: source t1.published: '2023-02-29' is no date of the calendar "
                          "(February 2023 has 28 days); check the year, month and day\n"), err


@pytest.mark.parametrize("when", ["2024-02-29", "2025-12", "0001-01-01"])
def test_a_calendar_date_is_no_such_problem(bank: Path, when: str) -> None:
    items = bank / "items.yaml"
    items.write_text(items.read_text(encoding="utf-8").replace('when: "2025"', f'when: "{when}"'), encoding="utf-8")
    assert "is no date of the calendar" not in run("check", "--bank", "bank").err
