"""Thirteenth adversarial pass, cause 2 (row M2): `review` of a drafts file it cannot write misreported what it did.

With the drafts file on a read-only mount, the first accept was written into the bank, then `cannot write
rod/d.yaml: Read-only file system`, and the summary printed just before said 「採用 0 件…それまでの判断は保存済みです」:
the message contradicted the bank. Now the drafts file is checked before the first draft is shown (as the quiz
checks its database before the first question) and refused with one line naming it and what to do; and a write of
the drafts file that fails after an accept (the file made unwritable while the session ran) is counted in the
summary and the error says what was saved where.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from harness import ONE_DRAFT, command, in_namespace, run


def _drafts(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    drafts = folder / "d.yaml"
    drafts.write_text(DRAFTS, encoding="utf-8")
    return drafts


def _bank_items(bank: Path) -> list[str]:
    return sorted(p.name for p in (bank / "items").glob("*.yaml")) if (bank / "items").is_dir() else []


def test_drafts_on_a_read_only_mount_are_refused_before_the_first_draft(bank: Path, tmp_path: Path) -> None:
    _drafts(tmp_path / "rod")
    before = _bank_items(bank)
    script = (f"cd {shlex.quote(str(tmp_path))}\n"
              'mount --bind "$PWD/rod" "$PWD/rod" && mount -o remount,bind,ro "$PWD/rod"\n'
              "printf 'a\\n' | $QUIZGEN review rod/d.yaml --bank bank >out.txt 2>err.txt; "
              'echo "rc=$?"; cat err.txt; cat out.txt\n')
    res = in_namespace(script)
    assert res.out == ("rc=1\nError: rod/d.yaml cannot be written (Read-only file system), and review saves each "
                       "decision in it as it is made, so nothing was decided; make it writable, or copy it to a "
                       "folder you can write and review the copy\n"), (res.out, res.err)
    assert _bank_items(bank) == before
    assert (tmp_path / "rod" / "d.yaml").read_text(encoding="utf-8") == DRAFTS


def _chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True, check=False).returncode == 0


def test_an_immutable_drafts_file_is_refused_before_the_first_draft(bank: Path, tmp_path: Path) -> None:
    drafts = _drafts(tmp_path / "rod")
    before = _bank_items(bank)
    if not _chattr("+i", drafts):
        pytest.skip("needs chattr +i (root, on a file system that keeps the flag)")
    try:
        ran = run("review", "rod/d.yaml", "--bank", "bank", input="a\n")
    finally:
        _chattr("-i", drafts)
    assert ran.fails_cleanly() == ("Error: rod/d.yaml cannot be written (Operation not permitted), and review saves "
                                   "each decision in it as it is made, so nothing was decided; make it writable, or "
                                   "copy it to a folder you can write and review the copy\n")
    assert ran.out == ""
    assert _bank_items(bank) == before


def test_the_check_changes_nothing_in_a_file_it_can_replace(bank: Path, tmp_path: Path) -> None:
    """A read-only (0444) drafts file in a writable folder is replaced by each decision, as any output: not refused,
    and the check leaves its permissions and time as they were."""
    drafts = _drafts(tmp_path / "rod")
    drafts.chmod(0o444)
    os.utime(drafts, (1_600_000_000, 1_600_000_000))
    ran = run("review", "rod/d.yaml", "--bank", "bank", input="q\n")
    assert ran.code == 0, ran
    assert "── 1/2 ──" in ran.out
    st = drafts.stat()
    assert (oct(st.st_mode & 0o777), st.st_mtime) == (oct(0o444), 1_600_000_000)
    assert drafts.read_text(encoding="utf-8") == DRAFTS


def test_drafts_made_unwritable_during_the_session_the_summary_counts_the_accept(bank: Path, tmp_path: Path) -> None:
    """The file is made immutable after the first draft is shown; the accept reaches the bank, and the summary and
    the error say so (the summary said 採用 0 件)."""
    drafts = _drafts(tmp_path / "rod")
    if not _chattr("+i", drafts) or not _chattr("-i", drafts):
        pytest.skip("needs chattr +i (root, on a file system that keeps the flag)")
    script = (f"cd {shlex.quote(str(tmp_path))}\n"
              "mkfifo in\n"
              "$QUIZGEN review rod/d.yaml --bank bank <in >out.txt 2>err.txt & pid=$!\n"
              "exec 3>in\n"
              "for i in $(seq 600); do grep -q x-draft out.txt 2>/dev/null && break; sleep 0.05; done\n"
              "chattr +i rod/d.yaml\n"
              "printf 'a\\n' >&3; exec 3>&-\n"
              'wait $pid; echo "rc=$?"; chattr -i rod/d.yaml; cat err.txt; tail -2 out.txt\n')
    res = subprocess.run(["sh", "-c", script], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QUIZGEN": " ".join(shlex.quote(a) for a in command())}, check=False)
    _chattr("-i", drafts)
    assert res.stdout == (
        "rc=1\n"
        "Error: x-draft was accepted into bank/items/t2.yaml, but rod/d.yaml could not be written (Operation not "
        "permitted), so the draft is still in it; the next `quizgen review` of that file drops it, as the bank holds "
        "it\n"
        "採用 1 件、破棄 0 件、未決定 1 件。それまでの判断は保存済みです。\n"
        "続きは:  quizgen review rod/d.yaml --bank bank\n"), (res.stdout, res.stderr)
    assert "x-draft" in (bank / "items" / "t2.yaml").read_text(encoding="utf-8")
    assert drafts.read_text(encoding="utf-8") == DRAFTS
    again = run("review", "rod/d.yaml", "--bank", "bank", input="q\n")
    assert again.out.startswith("1 件の下書き (ほかに採用済み 1 件)。"), again.out


DRAFTS = ONE_DRAFT + """  - id: y-draft
    category: actors
    kind: person
    prompt: {ja: 北京で戦略対話を行った中国側の人物は誰か。, en: Who in China?}
    answer: {ja: 王毅, en: Wang Yi}
    explanation: {ja: 説明。, en: Explanation.}
    evidence:
      - {article: "t2", quote: 中国の王毅氏は、金曜日に北京でショイグ氏と戦略対話を行いました}
    draft: true
"""
