"""Fourteenth adversarial pass, row RV15: `review` found a read-only bank only after the first decision.

The drafts file was checked before the first draft (hostile13 M2), the bank file an accept writes
(BANK/items/<article>.yaml) was not: with the bank on a read-only mount the first draft was shown, the teacher typed
`a`, and only then `Error: cannot write bank/items/t2.yaml: Read-only file system` ended the session, the decision
not saved. Now that bank file is checked at the start too, and refused with one line naming it and what to do.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from harness import ONE_DRAFT, in_namespace, run


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_a_bank_on_a_read_only_mount_is_refused_before_the_first_draft(bank: Path, tmp_path: Path) -> None:
    (tmp_path / "d.yaml").write_text(ONE_DRAFT, encoding="utf-8")
    before = _listing(bank)
    script = (f"cd {shlex.quote(str(tmp_path))}\n"
              'mount --bind "$PWD/bank" "$PWD/bank" && mount -o remount,bind,ro "$PWD/bank"\n'
              "printf 'a\\n' | $QUIZGEN review d.yaml --bank bank >out.txt 2>err.txt; "
              'echo "rc=$?"; cat err.txt; cat out.txt\n')
    res = in_namespace(script)
    assert res.out == ("rc=1\nError: bank/items/t2.yaml cannot be written (Read-only file system), and review moves "
                       "each accepted draft into it as it is accepted, so nothing was decided; make the bank "
                       "writable, or copy the bank to a folder you can write and give the copy with --bank\n"), \
        (res.out, res.err)
    assert _listing(bank) == before
    assert (tmp_path / "d.yaml").read_text(encoding="utf-8") == ONE_DRAFT


def test_the_check_leaves_a_writable_bank_as_it_was(bank: Path, tmp_path: Path) -> None:
    """The probe of a bank file not made yet leaves no file behind (nor a folder), and the session runs."""
    (tmp_path / "d.yaml").write_text(ONE_DRAFT, encoding="utf-8")
    before = _listing(bank)
    ran = run("review", "d.yaml", "--bank", "bank", input="q\n")
    assert ran.code == 0, ran
    assert "── 1/1 ──" in ran.out
    assert _listing(bank) == before
