"""Hostile pass 5, cause E: no output replaces the quiz's review database or a drafts file holding review decisions.

`export -o` (the writer `timeline -o` shares) replaced the review database, the very one QUIZGEN_DB names (every
saved answer gone, exit 0 "wrote …"), and a drafts file holding a discard and its reason, which `extract -o`
already refused. The guard is now the one every output goes through (`quizgen.atomic`, as for the bank's files):
each writing command (export, timeline, extract, anki, worksheet, build) refuses in one line, exit 1, the file
kept byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import DATA, drafts_workspace, run

QUIZ_BANK = DATA / "quiz" / "bank"
DB_LOST = "is an SQLite database (the quiz keeps its review history in one): all it holds would be lost; " \
          "give another file name\n"
DRAFTS = "items:\n- id: x-dup\n  draft: true\n  discarded: 重複なので破棄\n"
DRAFTS_LOST = ("holds decisions made in review that would be lost (1 discarded draft: x-dup); finish it with "
               "`quizgen review`, write to another file, or delete it to start over\n")


def _history(db: Path) -> bytes:
    """A review database with two answers, made by the quiz."""
    assert run("quiz", "--bank", str(QUIZ_BANK), "--db", str(db), "--now", "2025-03-01T09:00", "--limit", "2",
               input="x\nx\nq\n").code == 0
    return db.read_bytes()


@pytest.mark.parametrize("args", [["export", "-f", "gift"], ["export", "-f", "quizlet-csv"],
                                  ["timeline", "--format", "text"]])
def test_a_review_database_is_never_an_output(bank: Path, args: list[str]) -> None:
    kept = _history(Path("reviews.db"))
    err = run(*args, "--bank", "bank", "-o", "reviews.db").fails_cleanly()
    assert err == f"Error: will not write reviews.db: it {DB_LOST}"
    assert Path("reviews.db").read_bytes() == kept


def test_the_database_quizgen_db_names_is_called_so(bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = Path("env.db").absolute()
    kept = _history(db)
    monkeypatch.setenv("QUIZGEN_DB", str(db))
    err = run("export", "-f", "quizlet-csv", "--bank", "bank", "-o", "env.db").fails_cleanly()
    assert err == ("Error: will not write env.db: it is the quiz's review database (QUIZGEN_DB): every answer saved "
                   "in it would be lost; give another file name\n")
    assert db.read_bytes() == kept


@pytest.mark.parametrize("args", [["export", "-f", "gift"], ["timeline", "--format", "text"]])
def test_a_drafts_file_holding_a_discard_is_never_an_output(bank: Path, args: list[str]) -> None:
    Path("drafts.yaml").write_text(DRAFTS, encoding="utf-8")
    err = run(*args, "--bank", "bank", "-o", "drafts.yaml").fails_cleanly()
    assert err == f"Error: will not write drafts.yaml: it {DRAFTS_LOST}"
    assert Path("drafts.yaml").read_text(encoding="utf-8") == DRAFTS


def test_a_discard_made_in_review_survives_export(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    assert run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="d\nREASON-KEEP-ME\nq\n").code == 0
    kept = drafts.read_bytes()
    assert b"REASON-KEEP-ME" in kept
    err = run("export", "-f", "gift", "--bank", str(tmp_path / "cls"), "-o", str(drafts)).fails_cleanly()
    assert err.startswith(f"Error: will not write {drafts}: it holds decisions made in review that would be lost (1 "
                          "discarded draft: ")
    assert drafts.read_bytes() == kept


@pytest.mark.parametrize(("args", "name", "text"), [
    (["anki", "china-russia", "-o", "out"], "china-russia.apkg", None),
    (["build", "--only", "export", "-o", "out"], "quizgen.gift.txt", None),
    (["worksheet", "--count", "1", "--format", "html", "-o", "out"], "worksheet-A.html", DRAFTS),
])
def test_folder_writers_keep_them_too(bank: Path, args: list[str], name: str, text: str | None) -> None:
    target = Path("out") / name
    target.parent.mkdir()
    if text is None:
        kept = _history(target)
    else:
        target.write_text(text, encoding="utf-8")
        kept = target.read_bytes()
    res = run(*args, "--bank", "bank")
    assert res.code == 1 and "Traceback" not in res.err, res.err
    assert f"will not write {target}: it {DB_LOST if text is None else DRAFTS_LOST}".rstrip("\n") in res.err
    assert target.read_bytes() == kept


def test_other_files_are_replaced_as_before(bank: Path) -> None:
    Path("old.gift.txt").write_text("// discarded: not YAML drafts\n", encoding="utf-8")
    assert run("export", "-f", "gift", "--bank", "bank", "-o", "old.gift.txt").code == 0
    assert Path("old.gift.txt").read_text(encoding="utf-8").startswith("// ")
    Path("undecided.yaml").write_text("items:\n- id: x-new\n  draft: true\n", encoding="utf-8")
    # a drafts file without decisions is still YAML, which export never writes (hostile pass 11, B16)
    assert run("export", "-f", "gift", "--bank", "bank", "-o", "undecided.yaml").code == 1
    assert Path("undecided.yaml").read_text(encoding="utf-8") == "items:\n- id: x-new\n  draft: true\n"
