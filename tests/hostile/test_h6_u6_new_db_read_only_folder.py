"""Hostile pass 6, U6: a new review database asked for in a folder that cannot be written says why.

`quiz --db RO/new.db` on a read-only file system said SQLite's "unable to open database file", with no cause. It
names the folder and the read-only mount now, before any question is asked; `stats` on it the same; a new
database in a new folder below a read-only one names the read-only folder.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from harness import DATA, in_namespace

BANK = DATA / "quiz" / "bank"


def test_a_new_database_on_a_read_only_mount_names_the_folder(tmp_path: Path) -> None:
    (tmp_path / "ro").mkdir()
    lines = [f"cd {shlex.quote(str(tmp_path))}", 'mount -t tmpfs -o ro tmpfs "$PWD/ro"']
    for args in ("quiz --db ro/new.db --limit 1", "stats --db ro/new.db", "quiz --db ro/sub/deeper/new.db"):
        lines.append(f"printf 'x\\nq\\n' | $QUIZGEN {args} --bank {shlex.quote(str(BANK))} >out.txt 2>err.txt; "
                     "echo \"rc=$?\"; cat err.txt; cat out.txt")
    res = in_namespace("\n".join(lines) + "\n")
    assert res.code == 0, res.err

    said = res.out.split("rc=")[1:]
    assert said[0] == ("1\nError: cannot make the review database ro/new.db: its folder ro is on a file system mounted "
                       "read-only, so no answer could be saved. Pass --db with a path in a writable folder.\n")
    assert said[1] == ("1\nError: cannot make the review database ro/new.db: its folder ro is on a file system mounted "
                       "read-only. Pass --db with a path in a writable folder.\n")
    assert said[2].startswith("1\nError: cannot make the review database ro/sub/deeper/new.db: its folder ro is on a "
                              "file system mounted read-only")
    assert "unable to open" not in res.out and "Traceback" not in res.out
