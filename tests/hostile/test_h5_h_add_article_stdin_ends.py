"""Hostile pass 5, cause H: `add-article` whose standard input ends (closed, /dev/null, a script missing an answer).

It printed the prompt and then only `Aborted!` (exit 1), naming neither the missing answer nor the options that
give it. Now it says which answer is missing and which options give the answers without a prompt, exits 2 (a
usage error) and writes nothing.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from harness import EXTRACT, Ran, command, process, run

ARTICLE = EXTRACT / "holdout_v3" / "xi-moscow-victory-day-2025-05.txt"


def _bank(root: Path) -> Path:
    shutil.copytree(EXTRACT / "bank", root / "cls")
    return root / "cls"


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("stdin", ["devnull", "closed"])
def test_no_answers_at_all(stdin: str, tmp_path: Path) -> None:
    bank = _bank(tmp_path)
    before = _files(bank)
    args = ("add-article", str(ARTICLE), "--bank", str(bank))
    if stdin == "devnull":
        res = process(*args)
    else:
        done = subprocess.run(["sh", "-c", 'exec <&-; exec "$@"', "sh", *command(*args)],
                              capture_output=True, text=True, timeout=120, check=False)
        res = Ran(done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in res.err and "Aborted!" not in res.err, res.err
    assert res.code == 2, (res.code, res.err)
    assert res.err == _missing("見出し (headline)", "--headline, --outlet, --date and --url")
    assert _files(bank) == before


def _missing(question: str, options: str) -> str:
    return (f"Error: no answer to 「{question}」: standard input ended, so nothing was written. To register the "
            f"article without questions, give {options} (--url \"\" for none)\n")


def test_a_script_missing_the_last_answers(tmp_path: Path) -> None:
    bank = _bank(tmp_path)
    before = _files(bank)
    res = run("add-article", str(ARTICLE), "--bank", str(bank), "--headline", "見出し", input="共同通信\n")
    assert res.code == 2, (res.code, res.err)
    assert res.err == _missing("日付 YYYY-MM-DD (date)", "--outlet, --date and --url")
    assert _files(bank) == before
