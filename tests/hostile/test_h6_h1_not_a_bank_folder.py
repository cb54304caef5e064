"""Hostile pass 6, H1: a folder that is not a bank is refused at once, never walked.

`check --bank /` parsed every .yaml on the machine (60 s and more); `--bank /usr` printed 16,515 errors about
other programs' files. A bank folder holds `sources.yaml` (or the one file of a whole bank) at its top; a folder
with no .yaml file there is refused with one line saying so, before anything below it is read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import run


@pytest.mark.parametrize("command", [("check",), ("topics",), ("export", "-f", "gift", "-o", "x.txt")])
def test_a_folder_without_sources_yaml_is_refused_at_once(tmp_path: Path, command: tuple[str, ...]) -> None:
    other = tmp_path / "projects"
    (other / "deep" / "deeper").mkdir(parents=True)
    (other / "deep" / "deeper" / "compose.yaml").write_text("services: {web: {image: nginx}}\n", encoding="utf-8")

    err = run(*command, "--bank", "projects").fails_cleanly(2)

    assert err.splitlines()[-1] == (
        "Error: projects is not a question bank folder: it has no .yaml file at its top. A bank folder holds "
        "sources.yaml (the articles) and the other bank files (stories, entities, items; see docs/bank-format.md)")
    assert "compose.yaml" not in err  # nothing below it was read
    assert not Path("x.txt").exists()


def test_the_root_of_the_disk_is_refused_without_reading_it() -> None:
    ran = run("check", "--bank", "/")
    assert ran.fails_cleanly(2).splitlines()[-1].startswith("Error: / is not a question bank folder")
