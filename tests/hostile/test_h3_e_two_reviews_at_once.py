"""Third adversarial pass, cause E: two `review` sessions on one drafts file at the same time lost decisions.

The "changed by another program" check and the write were separate steps, so a session whose write fell between
the other's check and write was silently replaced: session 2 was told its discards were kept, and the file ended
with none. Now a review session holds its drafts file for its whole run: a second session started meanwhile is
refused at once, before it shows a draft, naming the session that holds the file; it decides nothing and the
file stays the first session's. Once the first ends, the second runs as usual.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import yaml
from harness import command, drafts_workspace

DISCARDS = "s\ns\ns\nd\n重複\nd\n重複\nd\n重複\nq\n"


def _session(drafts: Path, bank: str) -> subprocess.Popen[str]:
    """A review session of `drafts` as a real process, once it shows draft 1 (it has opened the file and holds it)."""
    session = subprocess.Popen(command("review", str(drafts), "--bank", bank), stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert session.stdout is not None
    shown, deadline = "", time.monotonic() + 120
    while "── 1/" not in shown and time.monotonic() < deadline:
        shown += session.stdout.readline()
    assert "── 1/" in shown, shown
    return session


def _discarded(drafts: Path) -> int:
    return sum(1 for i in yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"] if i.get("discarded"))


def test_a_second_session_is_refused_while_the_first_runs_and_nothing_is_lost(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    bank = str(tmp_path / "cls")
    first = _session(drafts, bank)
    before = drafts.read_bytes()
    second = subprocess.run(
        command("review", str(drafts), "--bank", bank), input=DISCARDS, capture_output=True, text=True, timeout=120,
        check=False)
    assert "Traceback" not in second.stdout + second.stderr
    assert second.returncode == 1
    assert second.stderr == (f"Error: {drafts} is open in another review session (pid {first.pid}); "
                             "finish that one first\n")
    assert "✗ 破棄" not in second.stdout and "── 1/" not in second.stdout  # nothing shown, nothing decided
    assert drafts.read_bytes() == before
    out, err = first.communicate("a\nu\n" * 5 + "a\nq\n", timeout=120)  # the first session writes on, then ends
    assert first.returncode == 0 and err == "" and out.count("✓ 採用") == 6
    after = subprocess.run(command("review", str(drafts), "--bank", bank), input=DISCARDS, capture_output=True,
                           text=True, timeout=120, check=False)
    assert after.returncode == 0 and after.stdout.count("✗ 破棄") == 3 and _discarded(drafts) == 3
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no lock file left behind


def test_overlapping_sessions_never_lose_a_decision_they_reported(tmp_path: Path) -> None:
    """The pass's race: session 1 accepts and undoes (a write each), session 2 starts a second later and discards.
    Whichever way the two overlap, every discard session 2 reports is in the file."""
    drafts = drafts_workspace(tmp_path)
    bank = str(tmp_path / "cls")
    pristine = drafts.read_bytes()
    for _ in range(3):
        drafts.write_bytes(pristine)
        first = subprocess.Popen(command("review", str(drafts), "--bank", bank), stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert first.stdin is not None
        first.stdin.write("a\nu\n" * 8 + "q\n")
        first.stdin.close()
        time.sleep(1)
        second = subprocess.run(command("review", str(drafts), "--bank", bank), input=DISCARDS, capture_output=True,
                                text=True, timeout=120, check=False)
        first.wait(timeout=120)
        assert "Traceback" not in second.stdout + second.stderr
        told = second.stdout.count("✗ 破棄")
        assert _discarded(drafts) == told
        assert second.returncode == 0 or "is open in another review session" in second.stderr


def test_extract_onto_a_file_under_review_is_refused(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    bank = str(tmp_path / "cls")
    session = _session(drafts, bank)
    before = drafts.read_bytes()
    article = tmp_path / "cls" / "articles" / "putin-beijing-2024-05.txt"
    again = subprocess.run(command("extract", str(article), "--bank", bank, "-o", str(drafts)), capture_output=True,
                           text=True, timeout=120, check=False)
    assert again.returncode == 1
    assert again.stderr == (f"Error: {drafts} is open in another review session (pid {session.pid}); "
                            "finish that one first\n")
    assert drafts.read_bytes() == before
    session.communicate("q\n", timeout=120)
