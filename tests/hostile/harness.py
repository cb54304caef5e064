"""Helpers of the hostile-input suite: the CLI in-process and as a real process, and private mounts.

Each module of this folder is one cause of issue 18; every test drives quizgen as a user would and
checks what the user sees: a one-line message naming the place, exit 1, never a traceback, and no file
clobbered or left behind.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest
from click.testing import CliRunner

from quizgen.cli import cli

DATA = Path(__file__).resolve().parent.parent / "data"
GOOD = DATA / "bank_good"
ARTICLES = DATA / "articles"


@dataclass(frozen=True)
class Ran:
    """What a command did: its exit status and what it printed on each stream."""

    code: int
    out: str
    err: str
    #: CPU seconds the process used (user + system): a bound on work that the machine's load does not move,
    #: where wall time would (a "no hang" check compares this, never the clock).
    cpu: float = 0.0

    def fails_cleanly(self, code: int = 1) -> str:
        """Exit `code` (1 unless told) and no traceback; returns standard error for the caller to check."""
        assert "Traceback" not in self.out + self.err, self.out + self.err
        assert self.code == code, (self.code, self.out, self.err)
        return self.err


def run(*args: str, input: str | None = None) -> Ran:
    """The CLI in-process, as `quizgen ARGS` (exceptions the CLI does not turn into messages propagate)."""
    res = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return Ran(res.exit_code, res.stdout, res.stderr)


def check_with(bank: Path, name: str, text: str) -> str:
    """Add the file `name` holding `text` to `bank`, run `quizgen check --bank bank` (cwd is the bank's
    parent) and return what it said on standard error; it must fail cleanly."""
    (bank / name).write_text(text, encoding="utf-8")
    return run("check", "--bank", "bank").fails_cleanly()


def anki_with_recipe(name: str, text: str) -> Ran:
    """Write the deck recipe ./decks/`name` holding `text`, then `quizgen anki --bank bank --decks decks -o out`."""
    decks = Path("decks")
    decks.mkdir(exist_ok=True)
    (decks / name).write_text(text, encoding="utf-8")
    return run("anki", "--bank", "bank", "--decks", "decks", "-o", "out")


def command(*args: str) -> list[str]:
    """The argument list that runs `quizgen ARGS` with this interpreter."""
    return [sys.executable, "-m", "quizgen", *args]


def process(*args: str, stdin: int | IO[str] | None = subprocess.DEVNULL, stdout: int | IO[str] | None = None,
            timeout: float = 120) -> Ran:
    """`quizgen ARGS` as a real process (real signals, real standard streams); output it was not given is captured.
    A process still running after `timeout` seconds fails the test (subprocess.TimeoutExpired)."""
    before = _children_cpu()
    res = subprocess.run(command(*args), stdin=stdin, stdout=subprocess.PIPE if stdout is None else stdout,
                         stderr=subprocess.PIPE, text=True, timeout=timeout, check=False)
    return Ran(res.returncode, res.stdout or "", res.stderr or "", _children_cpu() - before)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


EXTRACT = DATA / "extract"
DEV_ARTICLE = EXTRACT / "dev" / "putin-beijing-2024-05.txt"


def drafts_workspace(root: Path) -> Path:
    """`root/cls`: the extract test bank with the dev article registered, and its drafts in `root/drafts.yaml`
    (needs the extract extra); returns the drafts file."""
    pytest.importorskip("sudachipy")
    shutil.copytree(EXTRACT / "bank", root / "cls")
    shutil.copy(DEV_ARTICLE, root / DEV_ARTICLE.name)
    assert run("add-article", str(root / DEV_ARTICLE.name), "--bank", str(root / "cls"), "--headline", "中露首脳が会談",
               "--outlet", "共同通信", "--date", "2024-05-16", "--url", "").code == 0
    drafts = root / "drafts.yaml"
    assert run("extract", str(root / "cls" / "articles" / DEV_ARTICLE.name), "--bank", str(root / "cls"),
               "-o", str(drafts)).code == 0
    return drafts


def stdout_closed(*args: str, input: str = "", timeout: float = 120) -> Ran:
    """`quizgen ARGS` as a real process started with its standard output closed (`>&-`, as cron and daemons do)."""
    res = subprocess.run(["sh", "-c", 'exec >&-; exec "$@"', "sh", *command(*args)], input=input,
                         stderr=subprocess.PIPE, text=True, timeout=timeout, check=False)
    return Ran(res.returncode, "", res.stderr or "")


def in_namespace(script: str, timeout: float = 300) -> Ran:
    """Run a shell script as root in a private mount namespace (its mounts vanish with it), or skip the test.

    The script can mount a tiny tmpfs (a full disk) or bind a folder read-only (which stops even root).
    """
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare(1) to mount a small or read-only file system privately")
    probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a private mount namespace here: {probe.stderr.decode().strip()}")
    env = {**os.environ, "QUIZGEN": " ".join(command())}
    res = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
                         capture_output=True, text=True, timeout=timeout, env=env, check=False)
    return Ran(res.returncode, res.stdout, res.stderr)


#: A drafts file of one draft on the good bank's test article t1.txt (read with `--bank` a copy of GOOD).
ONE_DRAFT = """sources:
  - id: "t2"
    file: t1.txt
    headline: {ja: 見出し, en: Headline}
    outlet: {ja: テスト, en: Test}
items:
  - id: x-draft
    category: actors
    kind: person
    prompt: {ja: 戦略対話の相手は誰か。, en: Who?}
    answer: {ja: ショイグ, en: Shoigu}
    explanation: {ja: 説明。, en: Explanation.}
    evidence:
      - {article: "t2", quote: 北京でショイグ氏と戦略対話を行いました}
    draft: true
"""


def reviews_saved(db: Path) -> list[str]:
    """The item ids of the answers a quiz database holds, in the order saved."""
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT item_id FROM reviews ORDER BY id")]
    finally:
        con.close()


def quiz_after_one_answer(*args: str, db: Path = Path("q.db")) -> subprocess.Popen[str]:
    """`quizgen ARGS` (a quiz) as a real process, its first card answered (x) and that answer saved in `db`: for a test
    that does something to the database in the middle of a session, then sends the rest of the keys."""
    import sqlite3
    import time

    proc = subprocess.Popen(command(*args), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    assert proc.stdin is not None
    proc.stdin.write("x\n")
    proc.stdin.flush()
    deadline = time.monotonic() + 60

    def saved() -> bool:
        try:
            return db.exists() and bool(reviews_saved(db))
        except sqlite3.OperationalError:  # its tables are not made yet
            return False

    while not saved():
        assert time.monotonic() < deadline and proc.poll() is None, "the first answer was never saved"
        time.sleep(0.1)
    return proc


def script_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    """$EDITOR for the rest of the test: a shell script at tmp_path/ed.sh running `script` ("$1" is the file)."""
    import stat

    editor = tmp_path / "ed.sh"
    editor.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    editor.chmod(editor.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("EDITOR", str(editor))
