"""Cause 9 (all but the quiz's and extract's own cases): ordinary faults give one line and exit 1, never a traceback.

`-o` an existing file where a folder goes, or a folder where a file goes; a read-only folder; a full
disk; standard output on /dev/full; standard input closed. The read-only folder and the full disk are
real: a read-only bind mount (which stops root too, unlike chmod) and a 16 KiB tmpfs, both mounted in
a private mount namespace that vanishes with the test (skipped where the machine cannot make one).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from harness import ARTICLES, GOOD, ONE_DRAFT, command, in_namespace, process, run

# --------------------------------------------------------------------------- -o of the wrong kind


@pytest.mark.parametrize("args", [("build", "--only", "export"), ("anki", "--decks", "decks")])
def test_a_file_where_the_output_folder_goes(bank: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    Path("out").write_text("keep me", encoding="utf-8")
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "d.yaml").write_text("name: D\ndescription: {ja: d, en: d}\nforms: [basic]\n", encoding="utf-8")
    err = run(*args, "--bank", "bank", "-o", "out").fails_cleanly(code=2)  # refused before any work (hostile13 J)
    assert err == "Error: out is a file; -o takes the folder to write into (made if it is missing)\n"
    assert Path("out").read_text(encoding="utf-8") == "keep me"


def test_a_file_inside_the_output_path(bank: Path) -> None:
    Path("out").write_text("keep me", encoding="utf-8")
    err = run("build", "--bank", "bank", "--only", "export", "-o", "out/sub").fails_cleanly()
    assert err == "Error: cannot use out/sub as a folder: a file of that name is in the way\n"


def test_a_folder_where_the_output_file_goes(bank: Path) -> None:
    pytest.importorskip("sudachipy")
    Path("drafts").mkdir()
    err = run("extract", str(ARTICLES / "t1.txt"), "--bank", "bank", "-o", "drafts").fails_cleanly()
    assert err == "Error: cannot write drafts: it is a folder; give a file name\n"
    assert list(Path("drafts").iterdir()) == []


# --------------------------------------------------------------------------- read-only folder, full disk


def _copy_bank(where: Path) -> None:
    shutil.copytree(GOOD, where / "bank")
    shutil.copy(ARTICLES / "t1.txt", where / "t1.txt")


def _script(tmp_path: Path, mount: str, commands: list[list[str]]) -> str:
    """Mount (read-only bind of ./ro, or a 16 KiB tmpfs at ./full), then run each quizgen command, printing its rc."""
    lines = [f"cd {shlex.quote(str(tmp_path))}", mount]
    for args in commands:
        lines.append(f"$QUIZGEN {' '.join(shlex.quote(a) for a in args)} >out.txt 2>err.txt; "
                     "echo \"rc=$?\"; cat err.txt; echo ---")
    return "\n".join(lines) + "\n"


def _results(output: str) -> list[tuple[str, str]]:
    """(rc=N, the last line on standard error: the error after any warnings) of each command."""
    out = []
    for block in output.split("---\n")[:-1]:
        rc, _, err = block.partition("\n")
        out.append((rc, err.splitlines(keepends=True)[-1] if err else ""))
    return out


def test_a_read_only_folder_even_as_root(bank: Path, tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    (ro / "old.gift.txt").write_text("old", encoding="utf-8")
    mount = 'mount --bind "$PWD/ro" "$PWD/ro" && mount -o remount,bind,ro "$PWD/ro"'
    commands = [
        ["export", "--bank", "bank", "-f", "gift", "-o", "ro/old.gift.txt"],
        ["build", "--bank", "bank", "--only", "export", "-o", "ro"],
        ["worksheet", "--bank", "bank", "-n", "2", "--format", "html", "--seed", "1", "-o", "ro"],
        ["build", "--bank", "bank", "--only", "export", "-o", "ro/new"],
    ]
    res = in_namespace(_script(tmp_path, mount, commands))
    assert res.code == 0, res.err
    got = _results(res.out)
    assert got[0] == ("rc=1", "Error: cannot write ro/old.gift.txt: Read-only file system\n")
    assert got[1] == ("rc=1", "Error: cannot write ro/quizgen.moodle.xml: Read-only file system\n")
    assert got[2][0] == "rc=1" and got[2][1].startswith("Error: cannot write ro/worksheet-A.html: Read-only")
    assert got[3] == ("rc=1", "Error: cannot make folder ro/new: Read-only file system\n")
    assert (ro / "old.gift.txt").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in ro.iterdir()) == ["old.gift.txt"]


def test_a_read_only_folder_without_root(bank: Path, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into a chmod 555 folder anyway; the read-only mount above covers root")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        err = run("export", "--bank", "bank", "-f", "gift", "-o", "ro/x.gift.txt").fails_cleanly()
    finally:
        ro.chmod(0o755)
    assert err == "Error: cannot write ro/x.gift.txt: Permission denied\n"


def test_a_full_disk(tmp_path: Path) -> None:
    _copy_bank(tmp_path)
    full = tmp_path / "full"
    full.mkdir()
    mount = 'mount -t tmpfs -o size=16k tmpfs "$PWD/full"'
    commands = [
        ["anki", "-o", "full"],  # the bundled bank: decks of several hundred KiB
        ["build", "--bank", "bank", "--only", "export", "-o", "full"],
        ["export", "-f", "moodle-xml", "-o", "full/all.xml"],
    ]
    script = _script(tmp_path, mount, commands) + 'ls -A "$PWD/full"; echo ---\n'
    res = in_namespace(script)
    assert res.code == 0, res.err
    got = _results(res.out)
    for rc, err in got[:3]:
        assert rc == "rc=1", (rc, err)
        assert err.startswith("Error: cannot write full/"), err
        assert err.endswith(": No space left on device\n") or "database or disk is full" in err, err
    leftover = res.out.split("---\n")[3].split()
    assert not [n for n in leftover if n.startswith(".")], f"temporary files left on the full disk: {leftover}"


# --------------------------------------------------------------------------- standard streams


@pytest.mark.parametrize("args", [
    ("check", "--bank", "bank"),
    ("export", "--bank", "bank", "-f", "gift", "-o", "-"),
    ("stats", "--bank", "bank", "--db", "r.db", "--now", "2025-03-01T09:00"),
    ("due", "--bank", "bank", "--db", "r.db", "--now", "2025-03-01T09:00"),
    ("--help",),
    ("check", "--help"),
    ("--version",),
])
def test_standard_output_on_dev_full(bank: Path, args: tuple[str, ...]) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        res = process(*args, stdout=full, timeout=60)
    err = res.fails_cleanly()
    assert err.endswith("Error: cannot write to standard output: No space left on device\n"), err
    assert err.count("Error:") == 1


def test_a_reader_that_goes_away_ends_the_program_quietly(bank: Path) -> None:
    proc = subprocess.Popen(command("export", "--bank", "bank", "-f", "gift", "-o", "-"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # like `| head -0`
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert proc.returncode == 141  # 128 + SIGPIPE, as `yes | head` (hostile pass 6, U8): 1 says the data is wrong


@pytest.mark.parametrize("args", [("review", "drafts.yaml", "--bank", "bank"),
                                  ("quiz", "--bank", "bank", "--db", "r.db", "--now", "2025-03-01T09:00")])
def test_standard_input_closed(bank: Path, tmp_path: Path, args: tuple[str, ...]) -> None:
    drafts = tmp_path / "drafts.yaml"
    items = (GOOD / "items.yaml").read_text(encoding="utf-8").replace("    evidence:", "    draft: true\n    evidence:")
    drafts.write_text(items.replace("t1-dialogue-partner", "d1").replace("t1-un-80", "d2")
                      .replace("北京で王毅氏", "北京で王氏").replace("2025年は国連", "2025年の国連"), encoding="utf-8")
    before = drafts.read_text(encoding="utf-8")
    line = " ".join(shlex.quote(a) for a in command(*args))
    res = subprocess.run(["sh", "-c", f"exec {line} <&-"], capture_output=True, text=True, timeout=60, check=False)
    assert "Traceback" not in res.stdout + res.stderr, res.stderr
    assert res.returncode in (0, 1), res
    assert res.stderr.count("\n") <= 1, res.stderr
    assert drafts.read_text(encoding="utf-8") == before


def test_a_drafts_file_that_is_not_utf8_is_located(bank: Path) -> None:
    Path("drafts.yaml").write_bytes("items:\n  - id: 下書き\n".encode("shift_jis"))
    err = run("review", "drafts.yaml", "--bank", "bank", input="q\n").fails_cleanly()
    assert err == ("drafts.yaml:2:9: (file): not UTF-8 text (invalid start byte); save the file as UTF-8\n"
                   "1 problem in the question bank\n")


def test_review_into_a_read_only_bank(bank: Path, tmp_path: Path) -> None:
    drafts = tmp_path / "drafts.yaml"
    drafts.write_text(ONE_DRAFT, encoding="utf-8")
    script = (f"cd {shlex.quote(str(tmp_path))}\n"
              'mount --bind "$PWD/bank" "$PWD/bank" && mount -o remount,bind,ro "$PWD/bank"\n'
              "printf 'a\\n\\n\\n\\n\\n' | $QUIZGEN review drafts.yaml --bank bank >out.txt 2>err.txt; "
              'echo "rc=$?"; cat err.txt\n')
    res = in_namespace(script)
    assert res.out == ("rc=1\nError: bank/items/t2.yaml cannot be written (Read-only file system), and review moves "
                       "each accepted draft into it as it is accepted, so nothing was decided; make the bank "
                       "writable, or copy the bank to a folder you can write and give the copy with --bank\n"), \
        (res.out, res.err)  # before the first draft is shown (hostile14 RV15), no longer after the first `a`
    assert drafts.read_text(encoding="utf-8") == ONE_DRAFT
    assert not (bank / "items").exists()




@pytest.mark.parametrize("epoch", ["99999999999999999999", "-999999999999999", "1e9", "253402300800"])
def test_source_date_epoch_out_of_range(bank: Path, epoch: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Found in the adversarial pass: a huge SOURCE_DATE_EPOCH was an OverflowError traceback.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    err = run("build", "--bank", "bank", "--only", "export", "-o", "out").fails_cleanly(code=2)
    assert err == ("Error: SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, from 0 to "
                   f"253402300799 (the year 9999), not {epoch!r}\n")
