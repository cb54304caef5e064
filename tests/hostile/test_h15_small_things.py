"""Hostile pass 15, the small things it noted as OK but odd (its O15, A13, A26, AA08, AA20/AA21).

- `-o ''` was taken as the current folder: `export` said 「-o .: is a folder」, `anki` wrote its decks there.
- `review --undo-accept ''` said 「no accepted item  in the bank」.
- `99-1` at review's prompt printed 84 lines of 「N: ない番号です」 (and 「1-99999999999」 would have listed them all).
- `add-article --headline` with a line break stored a two-line headline.
- add-article failing to write the bank file (a read-only items/) left the article copied into articles/.
"""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
from harness import DEV_ARTICLE, EXTRACT, ONE_DRAFT, in_namespace, run


@pytest.mark.parametrize(("args", "said"), [
    (("export", "-f", "gift", "-o", ""), "-o was given an empty path; give a file name"),
    (("anki", "-o", ""), "-o was given an empty path; it takes the folder to write into (made if it is missing)"),
    (("worksheet", "-o", " "), "-o was given an empty path; it takes the folder to write into (made if it is missing)"),
    (("check", "--bank", ""), "--bank was given an empty path; it takes the bank folder (the folder holding "
                              "sources.yaml)"),
    (("review", "d.yaml", "--undo-accept", ""), "--undo-accept was given an empty id; give the id of an accepted item"),
])
def test_an_empty_path_or_id_is_named(args: tuple[str, ...], said: str) -> None:
    assert run(*args).fails_cleanly(2) == f"Error: {said}\n"
    assert list(Path().iterdir()) == [], "something was written"


def test_numbers_past_the_last_draft_are_said_once(bank: Path, tmp_path: Path) -> None:
    (tmp_path / "d.yaml").write_text(ONE_DRAFT, encoding="utf-8")
    ran = run("review", "d.yaml", "--bank", "bank", input="99-1, 1-99999999999\n")
    assert ran.code == 0, ran
    assert "  99-1, 1-99999999999: 番号は 1〜1 です (それより外の番号は飛ばしました)\n" in ran.out
    assert "ない番号です" not in ran.out and "採用 1 件" in ran.out


def test_a_headline_with_a_line_break_is_refused(tmp_path: Path) -> None:
    shutil.copytree(EXTRACT / "bank", tmp_path / "cls")
    res = run("add-article", str(DEV_ARTICLE), "--bank", str(tmp_path / "cls"), "--headline", "中露首脳\n会談",
              "--outlet", "共同", "--date", "2024-05-16", "--url", "")
    assert res.fails_cleanly(2) == "Error: --headline holds a line break; give it on one line\n"
    assert not (tmp_path / "cls" / "articles" / DEV_ARTICLE.name).exists()


def test_a_failed_registration_leaves_no_copy(tmp_path: Path) -> None:
    shutil.copytree(EXTRACT / "bank", tmp_path / "cls")
    shutil.copy(DEV_ARTICLE, tmp_path / DEV_ARTICLE.name)
    (tmp_path / "cls" / "items").mkdir(exist_ok=True)
    script = (f"cd {shlex.quote(str(tmp_path))}\n"
              'mount --bind "$PWD/cls/items" "$PWD/cls/items" && mount -o remount,bind,ro "$PWD/cls/items"\n'
              f"$QUIZGEN add-article {DEV_ARTICLE.name} --bank cls --headline 中露首脳 --outlet 共同 --date 2024-05-16 "
              '--url "" >out.txt 2>err.txt; echo "rc=$?"; cat err.txt\n')
    res = in_namespace(script)
    assert res.out.startswith("rc=1\nError: cannot write cls/items/"), res.out
    assert "Read-only file system" in res.out and "Traceback" not in res.out
    assert not (tmp_path / "cls" / "articles" / DEV_ARTICLE.name).exists(), "the article was left copied"
