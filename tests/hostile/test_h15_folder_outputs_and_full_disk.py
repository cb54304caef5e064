"""Hostile pass 15, causes 5–7: what a folder of outputs is checked for, and the quiz on a full disk.

- O20/O21: `anki`, `worksheet` and `build -o DIR` refused a folder holding any link anywhere below it
  (「out/sub/notes-link.txt is a symbolic link」), though no output would be written there.
- W11/W22/W24 (a HANG by the issue's 10 s rule): `anki -o /` walked the whole file system looking for links before
  it looked at anything else.
- D04: the quiz on a full disk said SQLite's 「disk I/O error」.

Now each command checks the files it will write, and only those, before it writes the first (`atomic.check_targets`);
a link where an output would go is still refused with nothing written (test_h8_b19), and a full disk is named.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from harness import DATA, in_namespace, process, run

ANKI = ("anki", "--bank", str(DATA / "anki" / "bank"), "--decks", str(DATA / "anki" / "decks"))


def unrelated_links(out: Path) -> None:
    """A folder holding links no command writes: to a file, to nothing, in a subfolder and beside the outputs."""
    (out / "sub").mkdir(parents=True)
    Path("private.txt").write_text("mine", encoding="utf-8")
    (out / "sub" / "notes-link.txt").symlink_to(Path("private.txt").resolve())
    (out / "readme.db").symlink_to("nowhere")


def test_links_no_output_touches_do_not_stop_a_folder_of_outputs(bank: Path) -> None:
    unrelated_links(Path("out"))
    run(*ANKI, "-o", "out").fails_cleanly(0)
    run("worksheet", "--bank", "bank", "--format", "html", "--count", "2", "--seed", "1", "-o", "out").fails_cleanly(0)
    run("build", "--bank", "bank", "--only", "export", "-o", "out").fails_cleanly(0)
    assert (Path("out") / "all.apkg").is_file() and (Path("out") / "worksheet-A.html").is_file()
    assert (Path("out") / "quizgen.gift.txt").is_file()
    assert Path("out/sub/notes-link.txt").read_text(encoding="utf-8") == "mine"
    assert Path("out/readme.db").is_symlink()


def test_a_link_where_a_later_build_step_writes_stops_the_first_step(bank: Path) -> None:
    (Path("out") / "worksheets").mkdir(parents=True)
    (Path("out") / "worksheets" / "worksheet-B-key.pdf").symlink_to("elsewhere.pdf")
    err = run("build", "--bank", "bank", "-o", "out").fails_cleanly()
    assert err == ("Error: out/worksheets/worksheet-B-key.pdf is a symbolic link; quizgen does not write through "
                   "links — remove it or choose another path\n")
    assert sorted(p.name for p in Path("out").rglob("*")) == ["worksheet-B-key.pdf", "worksheets"], "something written"


def test_a_timeline_page_link_is_refused_before_the_sheets_are_written(bank: Path) -> None:
    Path("out").mkdir()
    (Path("out") / "worksheet-timeline.html").symlink_to("elsewhere.html")
    err = run("worksheet", "--format", "html", "--count", "2", "--seed", "1", "--timeline-page",
              "-o", "out").fails_cleanly()
    assert "out/worksheet-timeline.html is a symbolic link" in err
    assert [p.name for p in Path("out").iterdir()] == ["worksheet-timeline.html"]


def test_the_root_folder_as_output_is_not_walked() -> None:
    """With an empty recipe folder nothing is written anywhere; before, the whole file system was walked first
    (2–14 s) and the first link found anywhere (/dev/stderr, /proc/mounts) named as the problem."""
    Path("decks").mkdir()
    for folder in ("/", "/usr", "/proc"):
        res = process("anki", "-o", folder, "--decks", "decks", "--bank", str(DATA / "anki" / "bank"))
        assert res.fails_cleanly(2) == "Error: no deck recipes (*.yaml) in decks\n", folder
        assert res.cpu < 5, (folder, res.cpu)


def test_the_quiz_on_a_full_disk_says_the_disk_is_full(bank: Path, tmp_path: Path) -> None:
    Path("q.txt").write_text("q\n", encoding="utf-8")
    with Path("q.txt").open(encoding="utf-8") as keys:  # a quiz left at once: the database is made, empty
        process("quiz", "--bank", "bank", "--seed", "1", "--db", "seed.db", stdin=keys).fails_cleanly(0)
    assert Path("seed.db").is_file()
    script = "\n".join([
        f"cd {shlex.quote(str(tmp_path))}", "mkdir m",
        "mount -t tmpfs -o size=300k tmpfs m", "cp seed.db m/q.db",
        "dd if=/dev/zero of=m/fill bs=1k count=1000 2>/dev/null; true",
        "printf 't\\n\\nq\\n' | $QUIZGEN quiz --bank bank --seed 1 --db m/q.db >out.txt 2>err.txt; echo \"rc=$?\"",
        "cat err.txt"])
    res = in_namespace(script)
    assert "Traceback" not in res.out, res.out
    assert res.out.splitlines()[0] == "rc=1", res.out
    assert ("cannot use the review database m/q.db: the disk it is on is full (No space left on device); free some "
            "space and start the quiz again") in res.out, res.out
