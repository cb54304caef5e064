"""Hostile pass 16, causes 1, 2, 4, 5, 7, 8 and 11 (`/work/stage/hostile16/table.md` on the machine that ran it).

1. A line of thousands of digits at review's prompt (「9999…」, 「1-9999…」, 「g9999…」) ended the session with a
   traceback: Python's int() refuses more than 4,300 digits.
2. `--db ''` of quiz, stats, due and leeches: a traceback (`PosixPath('.') has an empty name`).
4. `extract -o` replaced a drafts file whose numbering line carried a teacher's note typed after the numbers.
5. review `y`: one YAML mistake threw the whole edit away; the next `y` opened the original draft.
7. The quiz said 「the disk it is on is full」 for any SQLite error on a small file system with under 1 MiB free.
8. `extract -o` onto a drafts file review had emptied (only the teacher's comments left) gave a false reason.
11. review `y`: a YAML syntax error was reported with no line or column of the text just edited.
"""

from __future__ import annotations

import shlex
import stat
from pathlib import Path

import pytest
from harness import DEV_ARTICLE, ONE_DRAFT, drafts_workspace, in_namespace, process, run

LONG = "9" * 5000


def _drafts(tmp_path: Path) -> Path:
    drafts = tmp_path / "d.yaml"
    drafts.write_text(ONE_DRAFT, encoding="utf-8")
    return drafts


@pytest.mark.parametrize(("line", "said", "summary"), [
    (LONG, "  > " + "  " + "9" * 20 + "…: 番号は 1〜1 です", "未決定 1 件"),
    (f"1-{LONG}", "  1-" + "9" * 18 + "…: 番号は 1〜1 です", "採用 1 件"),  # 1 to the end: draft 1 is accepted
    (f"g{LONG}", "9" * 20 + "…: ない番号です", "未決定 1 件"),
])
def test_a_number_of_thousands_of_digits_is_only_out_of_range(bank: Path, tmp_path: Path, line: str, said: str,
                                                               summary: str) -> None:
    _drafts(tmp_path)
    (tmp_path / "keys.txt").write_text(f"{line}\nq\n", encoding="utf-8")
    with (tmp_path / "keys.txt").open(encoding="utf-8") as keys:  # a real process: the line as a terminal sends it
        ran = process("review", "d.yaml", "--bank", "bank", stdin=keys)
    assert ran.fails_cleanly(0) == "", ran
    assert said.strip() in ran.out and summary in ran.out


@pytest.mark.parametrize("command", ["quiz", "stats", "due", "leeches"])
def test_an_empty_database_path_is_named(command: str) -> None:
    ran = run(command, "--db", "")
    assert ran.fails_cleanly(2) == "Error: --db was given an empty path; give the review database's file name\n"


def test_a_note_after_the_numbers_keeps_extract_from_replacing_the_file(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    text = drafts.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("# 番号 (review の g N):"))
    noted = text.replace(line, line + "  ← 3番は来週", 1)
    drafts.write_text(noted, encoding="utf-8")
    ran = run("extract", str(tmp_path / "cls" / "articles" / DEV_ARTICLE.name), "--bank", str(tmp_path / "cls"),
              "-o", str(drafts))
    assert "← 3番は来週" in ran.fails_cleanly() and "would be lost" in ran.err
    assert drafts.read_text(encoding="utf-8") == noted


def test_extract_over_a_file_of_comments_only_says_so(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    drafts.write_text("# 先生のメモ: 全部確認済み\n", encoding="utf-8")
    ran = run("extract", str(tmp_path / "cls" / "articles" / DEV_ARTICLE.name), "--bank", str(tmp_path / "cls"),
              "-o", str(drafts))
    assert ran.fails_cleanly() == (f"Error: will not write {drafts}: it holds only comments (a drafts file whose every "
                                   "draft was decided, with the notes typed in it): they would be lost; give another "
                                   "file name, or move the notes elsewhere first\n")


def _editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: str, then: str) -> None:
    """$EDITOR running `first` (a sed script on the file) on its first call and `then` on the next ones."""
    editor = tmp_path / "ed.sh"
    editor.write_text(f'#!/bin/sh\nif [ -f "{tmp_path}/once" ]; then sed -i "{then}" "$1"; '
                      f'else touch "{tmp_path}/once"; sed -i "{first}" "$1"; fi\n', encoding="utf-8")
    editor.chmod(editor.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("EDITOR", str(editor))


def test_a_yaml_mistake_opens_the_edit_again_as_written(bank: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = _drafts(tmp_path)
    _editor(tmp_path, monkeypatch, first="s/^  en: Shoigu$/  en: Sergei Shoigu/; s/^kind: person$/kind: persn/",
            then="s/^kind: persn$/kind: person/")
    ran = run("review", "d.yaml", "--bank", "bank", input="y\ny\nq\n")
    assert ran.code == 0, ran
    assert "書いた内容のまま、もう一度エディタで直しますか" in ran.out and "保存しました" in ran.out
    assert "Sergei Shoigu" in drafts.read_text(encoding="utf-8"), "the first edit was thrown away"


def test_no_to_opening_again_keeps_the_draft_as_it_was(bank: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = _drafts(tmp_path)
    _editor(tmp_path, monkeypatch, first="s/^kind: person$/kind: persn/", then="")
    ran = run("review", "d.yaml", "--bank", "bank", input="y\nn\nq\n")
    assert ran.code == 0 and "編集は保存されませんでした。下書きは変わりません。" in ran.out
    assert drafts.read_text(encoding="utf-8") == ONE_DRAFT


def test_a_yaml_syntax_error_is_located_in_the_edited_text(bank: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _drafts(tmp_path)
    _editor(tmp_path, monkeypatch, first="s/^  en: Shoigu$/  en: [Shoigu/", then="")
    ran = run("review", "d.yaml", "--bank", "bank", input="y\nn\nq\n")
    assert ran.code == 0
    located = [line for line in ran.out.splitlines() if "YAML syntax error" in line]
    assert located and "行" in located[0] and "列目: " in located[0], ran.out


def test_a_small_file_system_with_room_is_not_called_full(bank: Path, tmp_path: Path) -> None:
    """The -wal file made a folder on a 700 KiB tmpfs barely used: SQLite's own words, not 「the disk is full」."""
    script = "\n".join([
        f"cd {shlex.quote(str(tmp_path))}", "mkdir m", "mount -t tmpfs -o size=700k tmpfs m", "mkdir m/q.db-wal",
        "printf 'q\\n' | $QUIZGEN quiz --bank bank --seed 1 --db m/q.db >out.txt 2>err.txt; echo \"rc=$?\"",
        "cat err.txt"])
    res = in_namespace(script)
    assert "Traceback" not in res.out and "is full" not in res.out, res.out


def test_the_quiz_database_path_is_checked_before_the_quiz_starts() -> None:
    """A real process: nothing asked, nothing written, one line (hostile16 row Q-db-empty)."""
    ran = process("quiz", "--db", "")
    assert ran.fails_cleanly(2) == "Error: --db was given an empty path; give the review database's file name\n"
    assert not Path(".").joinpath("quizgen.db").exists()
