"""Cause 12: empty banks, empty or zero-byte bank files, links to nothing, and selections of nothing.

They passed silently (`: > items/002.yaml` gave "ok: 206 items"; an empty bank built empty decks with
exit 0; `build --only foo` built nothing with exit 0; a dangling link was skipped). Each is now an
error, located where there is a place to name.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from harness import check_with, process, run


def test_a_zero_byte_bank_file_is_a_located_problem(bank: Path) -> None:
    err = check_with(bank, "002.yaml", "")
    assert err == ("bank/002.yaml:1:1: (document): the file is empty; add records to it or delete it\n"
                   "1 problem in the question bank\n")


def test_a_file_of_comments_only_is_empty(bank: Path) -> None:
    err = check_with(bank, "002.yaml", "# to do\n\n")
    assert err.startswith("bank/002.yaml:1:1: (document): the file is empty; add records to it or delete it\n")


def test_a_file_of_empty_sections_is_a_placeholder_not_a_problem(bank: Path) -> None:
    (bank / "002.yaml").write_text("# writer A's entities go here\nentities: []\nitems:\n", encoding="utf-8")
    res = run("check", "--bank", "bank")
    assert res.code == 0, res.err


def test_a_link_to_nothing_is_a_located_problem(bank: Path) -> None:
    os.symlink("moved-away.yaml", bank / "003.yaml")
    err = run("check", "--bank", "bank").fails_cleanly()
    assert err == ("bank/003.yaml:1:1: (file): a link to moved-away.yaml, which does not exist\n"
                   "1 problem in the question bank\n")


def test_a_fifo_named_like_a_bank_file_is_refused_without_hanging(bank: Path) -> None:
    os.mkfifo(bank / "004.yaml")
    err = process("check", "--bank", "bank", timeout=30).fails_cleanly()
    assert err == ("bank/004.yaml:1:1: (file): not a regular file (a FIFO); only plain text files are read\n"
                   "1 problem in the question bank\n")


def test_a_bank_with_no_items_fails(bank: Path) -> None:
    (bank / "items.yaml").unlink()
    err = run("check", "--bank", "bank").fails_cleanly()
    assert err == "Error: the bank in bank has no items; add some (see docs/bank-format.md)\n"


def test_building_from_a_bank_of_drafts_only_is_an_error(bank: Path) -> None:
    items = bank / "items.yaml"
    items.write_text(items.read_text(encoding="utf-8").replace("    evidence:", "    draft: true\n    evidence:"),
                     encoding="utf-8")
    assert run("check", "--bank", "bank").code == 0  # drafts are a bank's to keep
    err = run("build", "--bank", "bank", "-o", "out").fails_cleanly()
    assert err == ("Error: nothing to build: all 2 items of the bank are drafts "
                   "(accept them with quizgen review first)\n")
    assert not Path("out").exists()


def test_build_only_takes_the_names_of_its_steps(bank: Path) -> None:
    res = run("build", "--bank", "bank", "--only", "foo", "-o", "out")
    err = res.fails_cleanly(code=2)
    assert "Invalid value for '--only': 'foo' is not one of 'anki', 'worksheet', 'export'." in err
    assert not Path("out").exists()


def test_build_steps_by_name_in_the_library(bank: Path) -> None:
    import datetime as dt

    from quizgen.bank import load_bank
    from quizgen.errors import UsageError
    from quizgen.generators.build import build_all

    with pytest.raises(UsageError, match=r"^unknown build step 'ankii' \(the steps are anki, worksheet, export\)$"):
        build_all(load_bank(bank), Path("out"), dt.datetime(2025, 3, 1, tzinfo=dt.UTC), ("ankii",))


def test_an_empty_selection_is_an_error_for_each_generator(bank: Path) -> None:
    for args in (("worksheet", "--tag", "nothing", "-o", "ws"), ("export", "-f", "gift", "--tag", "nothing")):
        res = run(*args, "--bank", "bank")
        assert "Traceback" not in res.err and res.code != 0, (args, res)
        assert res.err.startswith("Error: ") and res.err.count("\n") == 1, res.err


# Found in the adversarial pass: the files the bank points to, and files too big to read.


def test_check_reads_only_plain_articles(bank: Path, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    os.mkfifo(articles / "t1.txt")  # it waited for a writer without end
    err = process("check", "--bank", "bank", "--articles", "articles", timeout=30).fails_cleanly()
    assert ("bank/sources.yaml:3:11: source t1.file: article articles/t1.txt: not a regular file (a FIFO); "
            "only plain text files are read\n") in err


def test_an_article_that_is_not_utf8_is_located(bank: Path, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "t1.txt").write_bytes("中国とロシア\n北京で".encode("shift_jis"))
    err = run("check", "--bank", "bank", "--articles", "articles").fails_cleanly()
    assert ("bank/sources.yaml:3:11: source t1.file: article articles/t1.txt: not UTF-8 text (invalid start byte); "
            "save the file as UTF-8\n") in err


def test_a_sparse_file_of_gigabytes_is_not_read_into_memory(bank: Path) -> None:
    with open(bank / "huge.yaml", "wb") as fh:
        fh.truncate(4 * 2**30)  # 4 GiB of nothing, on disk a few bytes
    err = process("check", "--bank", "bank", timeout=30).fails_cleanly()
    assert err == ("bank/huge.yaml:1:1: (file): the file is 4,294,967,296 bytes, more than the 20,971,520 quizgen "
                   "reads; split it\n1 problem in the question bank\n")
