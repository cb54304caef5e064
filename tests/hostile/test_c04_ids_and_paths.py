"""Cause 4: every id kind has one rule (source ids too), and article files stay inside the articles folder.

A newline in a source id injected a question into the GIFT file; `review` wrote accepted items to
BANK/items/../../X.yaml or an absolute path; `check --articles` read `file: ../../../../etc/passwd`.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest
from harness import ARTICLES, run

from quizgen.bank.names import id_problem

BAD_ID = "{!r} is not an id: use lower-case letters, digits and hyphens (e.g. a000-peace-plan), at most 64 characters"


def set_source(bank: Path, key: str, value: str) -> None:
    """Replace the test bank's source `key` (id or file) with `value` (YAML double-quoted), and every reference."""
    for path in bank.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if key == "id":
            text = text.replace('article: "t1"', f'article: "{value}"').replace('id: "t1"', f'id: "{value}"')
        else:
            text = text.replace("file: t1.txt", f'file: "{value}"')
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("value", ["t1\\n::injected::{=x}", "../../escaped", "/tmp/escaped", "a/b", "a.b", "..",
                                   "T1", "x" * 65])
def test_a_source_id_follows_the_id_rule(bank: Path, value: str) -> None:
    set_source(bank, "id", value)
    err = run("check", "--bank", "bank").fails_cleanly()
    shown = value.replace("\\n", "\n")
    assert err.startswith(f"bank/sources.yaml:2:9: source.id: {BAD_ID.format(shown)}\n"), err


def test_no_newline_reaches_the_gift_file(bank: Path) -> None:
    set_source(bank, "id", "t1\\n::injected::{=x}")
    res = run("export", "--bank", "bank", "-f", "gift", "-o", "x.gift.txt")
    res.fails_cleanly()
    assert not Path("x.gift.txt").exists()


@pytest.mark.parametrize(("kind", "old", "new"), [
    ("entity", "id: wang-yi", 'id: "wang-yi/../x"'),
    ("item", "id: t1-un-80", 'id: "../t1-un-80"'),
])
def test_every_id_kind_follows_the_same_rule(bank: Path, kind: str, old: str, new: str) -> None:
    for path in bank.glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    err = run("check", "--bank", "bank").fails_cleanly()
    assert f": {kind}.id: {BAD_ID.format(new[5:-1])}" in err


@pytest.mark.parametrize("file", ["../../../../etc/passwd", "/etc/passwd", "..\\\\secret.txt", "C:/x.txt", "a/../../b"])
def test_source_file_is_a_path_inside_the_articles_folder(bank: Path, file: str) -> None:
    set_source(bank, "file", file)
    shown = file.replace("\\\\", "\\")
    for args in ((), ("--articles", str(ARTICLES))):
        err = run("check", "--bank", "bank", *args).fails_cleanly()
        assert (f"bank/sources.yaml:3:11: source t1.file: {shown!r} is not a file in the articles "
                "folder: give its path inside that folder, with / between folders and no '..'\n") in err
        assert err.count(repr(shown)) == 1  # and nothing is read from there


def test_a_symlink_out_of_the_articles_folder_is_not_followed(bank: Path, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    secret = tmp_path / "secret.txt"
    shutil.copy(ARTICLES / "t1.txt", secret)
    os.symlink(secret, articles / "t1.txt")
    err = run("check", "--bank", "bank", "--articles", "articles").fails_cleanly()
    assert ("bank/sources.yaml:3:11: source t1.file: 't1.txt' leads out of the articles folder (a link to "
            f"{secret}); copy the article into the folder\n") in err


def test_articles_in_a_subfolder_are_fine(bank: Path, tmp_path: Path) -> None:
    (tmp_path / "articles" / "2025").mkdir(parents=True)
    shutil.copy(ARTICLES / "t1.txt", tmp_path / "articles" / "2025" / "t1.txt")
    set_source(bank, "file", "2025/t1.txt")
    res = run("check", "--bank", "bank", "--articles", "articles")
    assert res.code == 0, res.err


DRAFTS = """sources:
  - id: "{sid}"
    file: t1.txt
    headline: {{ja: 見出し, en: Headline}}
    outlet: {{ja: テスト, en: Test}}
items:
  - id: x-draft
    category: actors
    kind: person
    prompt: {{ja: 戦略対話の相手は誰か。, en: Who?}}
    answer: {{ja: ショイグ, en: Shoigu}}
    explanation: {{ja: 説明。, en: Explanation.}}
    evidence:
      - {{article: "{sid}", quote: 北京でショイグ氏と戦略対話を行いました}}
    draft: true
"""


@pytest.mark.parametrize("sid", ["../../escaped", "/tmp/quizgen-escaped"])
def test_review_never_writes_outside_the_bank(bank: Path, tmp_path: Path, sid: str) -> None:
    drafts = tmp_path / "drafts.yaml"
    drafts.write_text(DRAFTS.format(sid=sid), encoding="utf-8")
    before = sorted(p for p in tmp_path.rglob("*"))
    err = run("review", "drafts.yaml", "--bank", "bank", input="a\n\n\n\n\n").fails_cleanly()
    assert err.startswith(f"drafts.yaml:2:9: source.id: {BAD_ID.format(sid)}\n"), err
    assert sorted(p for p in tmp_path.rglob("*")) == before
    assert not Path("/tmp/quizgen-escaped.yaml").exists()


def test_the_review_target_is_checked_even_when_validation_is_bypassed(bank: Path, tmp_path: Path) -> None:
    from quizgen.bank import Bank
    from quizgen.errors import UsageError
    from quizgen.extract import review as rv

    good = rv.open_drafts(_good_drafts(tmp_path), bank).drafts
    item = good.items[0]
    evil = dataclasses.replace(item, evidence=(item.evidence[0].__class__("../../escaped", "q"),))
    with pytest.raises(UsageError, match="outside the bank"):
        rv.accept(rv.Drafts(good.path, good.bank_dir, good.bank, Bank(items=(evil,)), ""), evil)
    assert not (tmp_path / "escaped.yaml").exists()


def _good_drafts(tmp_path: Path) -> Path:
    path = tmp_path / "good.yaml"
    path.write_text(DRAFTS.format(sid="t2"), encoding="utf-8")
    return path


def test_extract_source_id_follows_the_id_rule(bank: Path, tmp_path: Path) -> None:
    pytest.importorskip("sudachipy")
    err = run("extract", str(ARTICLES / "t1.txt"), "--bank", "bank", "--source-id", "../x").fails_cleanly(code=2)
    assert err == f"Error: --source-id {BAD_ID.format('../x')}\n"


def test_the_id_rule() -> None:
    assert id_problem("a000-peace-plan") is None and id_problem("004") is None
    for bad in ("", "-a", "A", "a_b", "a b", "a\nb", "a/b", "a\\b", "..", "a.b", "x" * 65):
        assert id_problem(bad) == BAD_ID.format(bad)
